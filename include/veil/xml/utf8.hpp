#pragma once
// UTF-8 well-formedness, one sequence at a time: the reader checks every byte of the
// document this way as it passes, so a piece handed out never ends inside a sequence.

#include <cstddef>

namespace veil::xml {

// Length of the sequence a lead byte starts (1 to 4), or 0 if the byte cannot lead one
// (a continuation byte, C0/C1 overlong leads, F5 and above).
[[nodiscard]] constexpr std::size_t utf8_sequence_length(unsigned char lead) noexcept
{
   if (lead < 0x80) {
      return 1;
   }
   if (lead >= 0xC2 && lead <= 0xDF) {
      return 2;
   }
   if (lead >= 0xE0 && lead <= 0xEF) {
      return 3;
   }
   if (lead >= 0xF0 && lead <= 0xF4) {
      return 4;
   }
   return 0;
}

// Whether `second` may follow `lead`: the ranges that exclude overlong forms, UTF-16
// surrogates and code points above U+10FFFF.
[[nodiscard]] constexpr bool utf8_second_byte_fits(unsigned char lead, unsigned char second) noexcept
{
   switch (lead) {
      case 0xE0: return second >= 0xA0 && second <= 0xBF;
      case 0xED: return second >= 0x80 && second <= 0x9F;
      case 0xF0: return second >= 0x90 && second <= 0xBF;
      case 0xF4: return second >= 0x80 && second <= 0x8F;
      default: return second >= 0x80 && second <= 0xBF;
   }
}

[[nodiscard]] constexpr bool utf8_continuation(unsigned char byte) noexcept { return (byte & 0xC0) == 0x80; }

}  // namespace veil::xml
