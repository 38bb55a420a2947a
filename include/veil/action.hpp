#pragma once
// What happens to a field whose category is in the mask.

#include <veil/category_mask.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace veil {

enum class action : std::uint8_t {
   drop,  // remove the field and the separator that belongs to it
   mask   // keep the field, replace every byte of its value with '*'
};

inline constexpr char mask_byte = '*';

[[nodiscard]] constexpr std::string_view name_of(action a) noexcept
{
   return a == action::drop ? "drop" : "mask";
}

[[nodiscard]] inline action parse_action(std::string_view text)
{
   if (text == "drop") {
      return action::drop;
   }
   if (text == "mask") {
      return action::mask;
   }
   throw policy_error("unknown action '" + std::string(text) + "' (expected drop or mask)");
}

}  // namespace veil
