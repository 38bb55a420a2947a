#pragma once
// The one definition of what the `mask` action writes: every byte of a value becomes
// mask_byte ('*'), except control characters, which stay so that line structure survives.

#include <veil/action.hpp>
#include <veil/detail/bytes.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace veil::detail {

// Calls `put` with consecutive pieces of the masked value (runs of '*' and runs of
// control characters copied from the value), without allocating.
template <typename Put>
void masked_pieces(std::string_view value, Put&& put)
{
   static constexpr std::array<char, 64> run = [] {
      std::array<char, 64> bytes{};
      bytes.fill(mask_byte);
      return bytes;
   }();
   constexpr std::string_view stars(run.data(), run.size());
   std::size_t i = 0;
   while (i < value.size()) {
      const bool control = is_control(value[i]);
      std::size_t j = i;
      while (j < value.size() && is_control(value[j]) == control) {
         ++j;
      }
      if (control) {
         put(value.substr(i, j - i));
      }
      else {
         for (std::size_t n = j - i; n > 0;) {
            const std::size_t k = std::min(n, stars.size());
            put(stars.substr(0, k));
            n -= k;
         }
      }
      i = j;
   }
}

}  // namespace veil::detail
