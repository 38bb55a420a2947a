#pragma once
// Reading messages from files or stdin: whole, for the small files the command reads
// besides messages (policies, recipient lists, a message to explain), or as a stream, so
// that a message of any size costs only its reader's bounded memory.

#include <veil/format.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace veil::cli {

inline constexpr std::string_view stdin_name = "-";

// An input that cannot be read: exit status 2, like a usage error, but the command was
// called right, so the message points to the file and not to the help.
class input_error : public std::runtime_error
{
public:
   using std::runtime_error::runtime_error;
};

// Why `name`, which could not be read, cannot: what the person can fix.
[[nodiscard]] inline std::string unreadable_reason(std::string_view name)
{
   if (name == stdin_name) {
      return "stdin could not be read";
   }
   const std::string path(name);
   struct stat st {};
   if (::stat(path.c_str(), &st) != 0) {
      return errno == ENOENT || errno == ENOTDIR ? "not found" : std::strerror(errno);
   }
   if (S_ISDIR(st.st_mode)) {
      return "is a directory";
   }
   if (::access(path.c_str(), R_OK) != 0) {
      return errno == EACCES ? "permission denied" : std::strerror(errno);
   }
   return "a read error";
}

// "cannot read 'x': not found", for a message that could not be read.
[[nodiscard]] inline input_error cannot_read(std::string_view name)
{
   return input_error("cannot read '" + std::string(name) + "': " + unreadable_reason(name));
}

// Reads up to `limit` bytes of `name` ('-' is stdin); nullopt if it cannot be opened
// or read.
[[nodiscard]] inline std::optional<std::string> read_input(std::string_view name,
                                                           std::size_t limit = static_cast<std::size_t>(-1))
{
   const bool is_stdin = name == stdin_name;
   std::FILE* f = is_stdin ? stdin : std::fopen(std::string(name).c_str(), "rb");
   if (f == nullptr) {
      return std::nullopt;
   }
   std::string data;
   char buffer[1 << 16];
   while (data.size() < limit) {
      const std::size_t want = std::min(sizeof buffer, limit - data.size());
      const std::size_t n = std::fread(buffer, 1, want, f);
      data.append(buffer, n);
      if (n < want) {
         break;
      }
   }
   const bool failed = std::ferror(f) != 0;
   if (!is_stdin) {
      std::fclose(f);
   }
   if (failed) {
      return std::nullopt;
   }
   return data;
}

// One message read as a stream: the first bytes are read when it is opened, to detect
// its format, and handed out again first; the rest is read as the reader asks for it.
// It is a chunk source for the redactors' redact_stream: `std::size_t(char*, size_t)`,
// 0 at the end.
class input_stream
{
public:
   // Leading blanks before the bytes that tell the format: more than this is not a
   // message of any format, and detection stops looking.
   static constexpr std::size_t longest_leading_blanks = 4096;

   explicit input_stream(std::string_view name)
      : is_stdin_(name == stdin_name), file_(is_stdin_ ? stdin : std::fopen(std::string(name).c_str(), "rb"))
   {
      if (file_ != nullptr) {
         read_start();
      }
   }
   input_stream(const input_stream&) = delete;
   input_stream& operator=(const input_stream&) = delete;
   ~input_stream()
   {
      if (file_ != nullptr && !is_stdin_) {
         std::fclose(file_);
      }
   }

   [[nodiscard]] bool readable() const noexcept { return file_ != nullptr && !failed_; }

   // The bytes read to detect the format.
   [[nodiscard]] std::string_view start() const noexcept { return start_; }

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      if (handed_out_ < start_.size()) {
         const std::size_t n = std::min(capacity, start_.size() - handed_out_);
         std::copy_n(start_.data() + handed_out_, n, buffer);
         handed_out_ += n;
         return n;
      }
      if (file_ == nullptr) {
         return 0;
      }
      // fread returns short only at the end or on an error: a redactor asks again.
      const std::size_t n = std::fread(buffer, 1, capacity, file_);
      failed_ = failed_ || std::ferror(file_) != 0;
      return n;
   }

   // Reads the whole message into `whole`, which it replaces, if it is at most `limit`
   // bytes long; false, having read one byte past the limit and no more, if it is longer.
   [[nodiscard]] bool read_whole(std::string& whole, std::size_t limit)
   {
      whole.clear();
      char buffer[1 << 16];
      while (whole.size() <= limit) {
         const std::size_t room = limit - whole.size() + 1;  // one more tells a longer message
         const std::size_t n = (*this)(buffer, std::min(sizeof buffer, room));
         if (n == 0) {
            return true;
         }
         whole.append(buffer, n);
      }
      return false;
   }

   // Whether reading failed (a read error, not the end).
   [[nodiscard]] bool failed() const noexcept { return failed_; }

private:
   void read_start()
   {
      std::size_t want = format_detection_bytes;
      while (true) {
         const std::size_t had = start_.size();
         start_.resize(want);
         const std::size_t n = std::fread(start_.data() + had, 1, want - had, file_);
         start_.resize(had + n);
         failed_ = std::ferror(file_) != 0;
         const std::size_t first = start_.find_first_not_of(" \t\r\n");
         const bool enough = first != std::string::npos && start_.size() - first >= format_detection_bytes;
         if (n < want - had || enough || failed_ || want > longest_leading_blanks) {
            return;
         }
         want *= 2;
      }
   }

   bool is_stdin_;
   std::FILE* file_;
   std::string start_;
   std::size_t handed_out_ = 0;
   bool failed_ = false;
};

// True when both names lead to the same file, so that writing one would destroy the other.
[[nodiscard]] inline bool same_file(const std::string& a, const std::string& b)
{
   struct stat sa {};
   struct stat sb {};
   return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
          sa.st_ino == sb.st_ino;
}

}  // namespace veil::cli
