#pragma once
// Runs the real veil-gateway (VEIL_GATEWAY_PATH) as a child process in a temporary
// directory of its own: stderr goes to a file the test reads while it runs (so the
// gateway can never block on a full pipe), and every wait is bounded.

#include "exec_arguments.hpp"

#include "sample_messages.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace veil_test {

class gateway_process
{
public:
   // The gateway to run with `args` (relative file names are in dir()); start() runs it.
   explicit gateway_process(const std::vector<std::string>& args)
   {
      std::string pattern = (std::filesystem::temp_directory_path() / "veil-gateway-XXXXXX").string();
      if (::mkdtemp(pattern.data()) == nullptr) {
         throw std::runtime_error("cannot create a temporary directory");
      }
      dir_ = pattern;
      args_ = args;
   }
   gateway_process(const gateway_process&) = delete;
   gateway_process& operator=(const gateway_process&) = delete;
   ~gateway_process()
   {
      if (running()) {
         ::kill(pid_, SIGKILL);
         ::waitpid(pid_, nullptr, 0);
      }
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
   }

   [[nodiscard]] const std::filesystem::path& dir() const noexcept { return dir_; }

   void write_file(std::string_view name, std::string_view bytes) const
   {
      std::ofstream f(dir_ / name, std::ios::binary | std::ios::trunc);
      f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!f) {
         throw std::runtime_error("cannot write " + std::string(name));
      }
   }

   [[nodiscard]] std::string read_file(std::string_view name) const
   {
      return std::filesystem::exists(dir_ / name) ? veil_test::read_file(dir_ / name) : std::string();
   }

   // Starts it and waits for "listening on HOST:PORT"; returns the port, or 0 when the
   // gateway exits or says nothing of the kind within `timeout`.
   [[nodiscard]] unsigned short start(std::chrono::milliseconds timeout = std::chrono::seconds(10))
   {
      spawn();
      constexpr std::string_view listening = "listening on ";
      if (!wait_for_log(listening, timeout)) {
         return 0;
      }
      const std::string log = stderr_text();
      const std::size_t at = log.find(listening) + listening.size();
      const std::string address = log.substr(at, log.find('\n', at) - at);
      return static_cast<unsigned short>(std::stoi(address.substr(address.rfind(':') + 1)));
   }

   // Runs it to its end, as for --help or a usage mistake; its exit status as wait_exit().
   [[nodiscard]] int run_to_exit()
   {
      spawn();
      return wait_exit(std::chrono::seconds(10));
   }

   // Its stderr so far.
   [[nodiscard]] std::string stderr_text() const { return read_file("stderr"); }

   // True once stderr holds `text` `times` times; false when it does not within `timeout`.
   [[nodiscard]] bool wait_for_log(std::string_view text, std::chrono::milliseconds timeout, std::size_t times = 1) const
   {
      const auto deadline = std::chrono::steady_clock::now() + timeout;
      do {
         if (count(stderr_text(), text) >= times) {
            return true;
         }
         std::this_thread::sleep_for(std::chrono::milliseconds(10));
      } while (std::chrono::steady_clock::now() < deadline);
      return false;
   }

   void signal(int number) const { ::kill(pid_, number); }

   // Sends SIGTERM and waits for the exit, as wait_exit().
   int stop(std::chrono::milliseconds timeout = std::chrono::seconds(15))
   {
      signal(SIGTERM);
      return wait_exit(timeout);
   }

   // Its exit status, or -1 when it did not exit normally within `timeout` (the
   // destructor kills it then).
   int wait_exit(std::chrono::milliseconds timeout)
   {
      const auto deadline = std::chrono::steady_clock::now() + timeout;
      int status = 0;
      while (std::chrono::steady_clock::now() < deadline) {
         if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
         }
         std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      return -1;
   }

   [[nodiscard]] static std::size_t count(std::string_view text, std::string_view part)
   {
      std::size_t n = 0;
      for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size())) {
         ++n;
      }
      return n;
   }

private:
   void spawn()
   {
      const exec_arguments argv(VEIL_GATEWAY_PATH, args_);
      const std::string work = dir_.string();
      const std::string out = (dir_ / "stdout").string();
      const std::string err = (dir_ / "stderr").string();
      pid_ = ::fork();
      if (pid_ < 0) {
         throw std::runtime_error("fork failed");
      }
      if (pid_ == 0) {
         // Only async-signal-safe calls between fork and exec.
         const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
         const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
         const int n = ::open("/dev/null", O_RDONLY);
         if (::chdir(work.c_str()) == 0 && o >= 0 && e >= 0 && n >= 0 && ::dup2(o, 1) >= 0 && ::dup2(e, 2) >= 0 &&
             ::dup2(n, 0) >= 0) {
            ::execv(argv.argv()[0], argv.argv());
         }
         ::_exit(127);
      }
   }

   [[nodiscard]] bool running() const noexcept { return pid_ > 0; }

   std::filesystem::path dir_;
   std::vector<std::string> args_;
   pid_t pid_ = -1;
};

}  // namespace veil_test
