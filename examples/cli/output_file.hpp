#pragma once
// An output file, or stdout, that remembers whether every write reached it. A regular
// file that is written whole ("wb") is written beside it under a temporary name and
// renamed over it only when the run commits: a run that releases nothing leaves the file
// as it was, and a reader of the file never sees it half written.

#include "arguments.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::cli {

class output_file
{
public:
   // `mode` "ab" appends to `path`; "wb" writes a file that replaces `path` at commit().
   output_file(const std::string& path, const char* mode) : name_(path)
   {
      if (path.empty()) {
         return;
      }
      if (std::string_view(mode) == "wb" && replaceable(path)) {
         open_replacement();
      }
      else {
         file_ = std::fopen(path.c_str(), mode);
      }
      owned_ = file_ != nullptr;
      if (file_ == nullptr) {
         throw usage_error("cannot open '" + path + "' for writing");
      }
   }
   output_file(std::FILE* borrowed, std::string name) noexcept : name_(std::move(name)), file_(borrowed) {}
   output_file(const output_file&) = delete;
   output_file& operator=(const output_file&) = delete;
   ~output_file()
   {
      if (owned_) {
         std::fclose(file_);
      }
      if (!temporary_.empty()) {
         std::remove(temporary_.c_str());  // never committed
      }
   }

   [[nodiscard]] bool is_open() const noexcept { return file_ != nullptr; }
   [[nodiscard]] const std::string& name() const noexcept { return name_; }
   void write(std::string_view bytes) { failed_ |= std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size(); }

   // Flushes and says whether everything written so far arrived.
   [[nodiscard]] bool flush_ok()
   {
      failed_ |= std::fflush(file_) != 0 || std::ferror(file_) != 0;
      return !failed_;
   }

   // A replacing file: puts what was written in place of the file it replaces; false if
   // that failed. Any other file: flush_ok().
   [[nodiscard]] bool commit()
   {
      if (temporary_.empty()) {
         return flush_ok();
      }
      const bool written = flush_ok() && ::fsync(::fileno(file_)) == 0;
      std::fclose(file_);
      owned_ = false;
      file_ = nullptr;
      const bool renamed = written && std::rename(temporary_.c_str(), name_.c_str()) == 0;
      if (renamed) {
         temporary_.clear();
      }
      return renamed;
   }

private:
   // Only a regular file, or none yet, is replaced by renaming: a device (/dev/stdout), a
   // pipe or a symbolic link is written where it is, as it would be by the shell.
   [[nodiscard]] static bool replaceable(const std::string& path)
   {
      struct stat existing {};
      return ::lstat(path.c_str(), &existing) != 0 || S_ISREG(existing.st_mode);
   }

   // A temporary file in the directory of the file it replaces (so that rename() does
   // not cross file systems), with the mode a new file would get, or the one it replaces.
   void open_replacement()
   {
      std::vector<char> pattern(name_.begin(), name_.end());
      const std::string_view suffix = ".veil-XXXXXX";
      pattern.insert(pattern.end(), suffix.begin(), suffix.end());
      pattern.push_back('\0');
      const int fd = ::mkstemp(pattern.data());
      if (fd < 0) {
         return;
      }
      temporary_ = pattern.data();
      struct stat existing {};
      mode_t mode = 0666;
      if (::stat(name_.c_str(), &existing) == 0) {
         mode = existing.st_mode & 07777;
      }
      else {
         const mode_t mask = ::umask(0);
         ::umask(mask);
         mode &= ~mask;
      }
      if (::fchmod(fd, mode) != 0 || (file_ = ::fdopen(fd, "wb")) == nullptr) {
         ::close(fd);
      }
   }

   std::string name_;
   std::FILE* file_ = nullptr;
   bool owned_ = false;
   bool failed_ = false;
   std::string temporary_;  // a replacing file's temporary name, until it is committed
};

}  // namespace veil::cli
