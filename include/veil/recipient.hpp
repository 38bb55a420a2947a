#pragma once
// What a recipient is, wherever veil reads one from a message (Nlets text destinations
// and the delivered header's recipient, the XML routing header's DestinationORIID,
// ANSI/NIST 1.007 DAI) or is told one (`--recipient`, a gateway's link): a 2-character
// destination code (a state's or member's line code such as AX) or a 9-character ORI,
// upper-case letters and digits and nothing else. A policy decides by these values, so
// anything else — lower case, a blank inside, two ORIs in one value, an empty or longer
// value — is not read as the nearest well-formed one: the message is rejected.

#include <cstddef>
#include <string_view>

namespace veil {

inline constexpr std::size_t destination_code_length = 2;
inline constexpr std::size_t ori_length = 9;

[[nodiscard]] constexpr bool is_well_formed_recipient(std::string_view value) noexcept
{
   if (value.size() != destination_code_length && value.size() != ori_length) {
      return false;
   }
   for (const char c : value) {
      const bool upper_or_digit = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!upper_or_digit) {
         return false;
      }
   }
   return true;
}

}  // namespace veil
