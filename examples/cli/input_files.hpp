#pragma once
// Reading whole messages from files or stdin.

#include "arguments.hpp"

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

}  // namespace veil::cli
