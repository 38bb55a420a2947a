#pragma once
// How a rejection names a subfile: by its place among the designators ("the 2nd
// subfile"), never by its type, which is bytes of the message.

#include <cstddef>
#include <string>

namespace veil::aamva::internal {

// "the 1st subfile" for index 0, "the 2nd subfile" for 1, and so on.
[[nodiscard]] inline std::string nth_subfile(std::size_t index)
{
   const std::size_t n = index + 1;
   const char* suffix = "th";
   if (n % 100 < 11 || n % 100 > 13) {
      suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
   }
   return "the " + std::to_string(n) + suffix + " subfile";
}

}  // namespace veil::aamva::internal
