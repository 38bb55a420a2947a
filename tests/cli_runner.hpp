#pragma once
// Runs the real `veil` binary (VEIL_CLI_PATH) the way a user would: in a fresh
// working directory of its own, with given arguments and stdin bytes, capturing
// stdout, stderr and the exit status. The captured streams live outside that
// directory, so a test can check which files the command created there.

#include "exec_arguments.hpp"

#include "sample_messages.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test {

struct cli_result
{
   int status = -1;  // exit status; -1 if the command did not exit normally
   std::string out;
   std::string err;
};

class cli_sandbox
{
public:
   cli_sandbox()
   {
      std::string pattern = (std::filesystem::temp_directory_path() / "veil-cli-XXXXXX").string();
      if (::mkdtemp(pattern.data()) == nullptr) {
         throw std::runtime_error("cannot create a temporary directory");
      }
      root_ = pattern;
      std::filesystem::create_directory(root_ / "work");
      std::filesystem::create_directory(root_ / "streams");
   }
   cli_sandbox(const cli_sandbox&) = delete;
   cli_sandbox& operator=(const cli_sandbox&) = delete;
   ~cli_sandbox()
   {
      std::error_code ignored;
      std::filesystem::remove_all(root_, ignored);
   }

   // A path in the command's working directory.
   [[nodiscard]] std::filesystem::path path(std::string_view name) const { return root_ / "work" / name; }

   void write(std::string_view name, std::string_view bytes) const { write_file(path(name), bytes); }

   // The bytes of a file in the working directory, or nullopt if there is none.
   [[nodiscard]] std::optional<std::string> read(std::string_view name) const
   {
      if (!std::filesystem::exists(path(name))) {
         return std::nullopt;
      }
      return read_file(path(name));
   }

   // Every name in the working directory, sorted, to check that a run created no file.
   [[nodiscard]] std::vector<std::string> files() const
   {
      std::vector<std::string> names;
      for (const auto& entry : std::filesystem::directory_iterator(root_ / "work")) {
         names.push_back(entry.path().filename().string());
      }
      std::sort(names.begin(), names.end());
      return names;
   }

   cli_result run(const std::vector<std::string>& args, std::string_view stdin_bytes = {}) const
   {
      const std::filesystem::path in = root_ / "streams" / "stdin";
      const std::filesystem::path out = root_ / "streams" / "stdout";
      const std::filesystem::path err = root_ / "streams" / "stderr";
      write_file(in, stdin_bytes);

      const exec_arguments argv(VEIL_CLI_PATH, args);
      const std::string work = (root_ / "work").string();

      const pid_t child = ::fork();
      if (child < 0) {
         throw std::runtime_error("fork failed");
      }
      if (child == 0) {
         // Only async-signal-safe calls between fork and exec.
         const bool ready = ::chdir(work.c_str()) == 0 && redirect(in, O_RDONLY, STDIN_FILENO) &&
                            redirect(out, O_WRONLY | O_CREAT | O_TRUNC, STDOUT_FILENO) &&
                            redirect(err, O_WRONLY | O_CREAT | O_TRUNC, STDERR_FILENO);
         if (ready) {
            ::execv(argv.argv()[0], argv.argv());
         }
         ::_exit(127);
      }
      int wait_status = 0;
      while (::waitpid(child, &wait_status, 0) < 0) {
         if (errno != EINTR) {
            throw std::runtime_error("waitpid failed");
         }
      }
      cli_result result;
      result.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
      result.out = read_file(out);
      result.err = read_file(err);
      return result;
   }

private:
   static bool redirect(const std::filesystem::path& file, int flags, int target) noexcept
   {
      const int fd = ::open(file.c_str(), flags, 0600);
      if (fd < 0) {
         return false;
      }
      const bool ok = ::dup2(fd, target) >= 0;
      ::close(fd);
      return ok;
   }

   static void write_file(const std::filesystem::path& file, std::string_view bytes)
   {
      std::ofstream f(file, std::ios::binary | std::ios::trunc);
      f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!f) {
         throw std::runtime_error("cannot write " + file.string());
      }
   }

   std::filesystem::path root_;
};

}  // namespace veil_test
