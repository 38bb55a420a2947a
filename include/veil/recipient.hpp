#pragma once
// What a recipient is, wherever veil reads one from a message (Nlets text destinations
// and the delivered header's recipient, the XML routing header's DestinationORIID,
// ANSI/NIST 1.007 DAI) or is told one (`--recipient`, a gateway's link): a 2-character
// destination code (a state's or member's line code such as AX) or a 9-character ORI,
// upper-case letters and digits and nothing else. A policy decides by these values, so
// anything else — lower case, a blank inside, two ORIs in one value, an empty or longer
// value — is not read as the nearest well-formed one: the message is rejected.

#include <veil/detail/bytes.hpp>

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace veil {

inline constexpr std::size_t destination_code_length = 2;
inline constexpr std::size_t ori_length = 9;

[[nodiscard]] constexpr bool is_well_formed_recipient(std::string_view value) noexcept
{
   return (value.size() == destination_code_length || value.size() == ori_length) &&
          std::all_of(value.begin(), value.end(), detail::is_upper_or_digit);
}

// A sender: one 9-character ORI, upper-case letters and digits. A policy picks a responding
// state's labels by it.
[[nodiscard]] constexpr bool is_well_formed_ori(std::string_view value) noexcept
{
   return value.size() == ori_length && is_well_formed_recipient(value);
}

// A message key a policy matches rules by: Nlets keys are 2 to 4 letters or digits
// (DR, IAQ), ANSI/NIST types of transaction up to 16 (CAR, RBSCRM).
[[nodiscard]] constexpr bool is_well_formed_message_key(std::string_view key) noexcept
{
   constexpr std::size_t shortest = 2;
   constexpr std::size_t longest = 16;
   return key.size() >= shortest && key.size() <= longest &&
          std::all_of(key.begin(), key.end(), detail::is_upper_or_digit);
}

}  // namespace veil
