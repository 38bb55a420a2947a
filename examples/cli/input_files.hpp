#pragma once
// Reading whole messages from files or stdin.

#include <veil/format.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace veil::cli {

inline constexpr std::string_view stdin_name = "-";

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

// Reads enough of `name` to detect its format: past any leading blanks, then
// format_detection_bytes more; stdin is read whole, since it cannot be read twice.
[[nodiscard]] inline std::optional<std::string> read_format_prefix(std::string_view name)
{
   if (name == stdin_name) {
      return read_input(name);
   }
   std::size_t want = format_detection_bytes;
   while (true) {
      std::optional<std::string> start = read_input(name, want);
      if (!start || start->size() < want) {
         return start;  // unreadable, or the whole file
      }
      const std::size_t first = start->find_first_not_of(" \t\r\n");
      if (first != std::string::npos && start->size() - first >= format_detection_bytes) {
         return start;
      }
      want *= 2;
   }
}

// True when both names lead to the same file, so that writing one would destroy the other.
[[nodiscard]] inline bool same_file(const std::string& a, const std::string& b)
{
   struct stat sa {};
   struct stat sb {};
   return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
          sa.st_ino == sb.st_ino;
}

}  // namespace veil::cli
