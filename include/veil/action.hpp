#pragma once
// What happens to a field whose category is in the mask.

#include <veil/category_mask.hpp>
#include <veil/detail/names.hpp>

#include <array>
#include <cstdint>
#include <optional>
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

inline constexpr std::array<std::string_view, 2> action_names{ name_of(action::drop), name_of(action::mask) };

// The action named `text`, or nullopt.
[[nodiscard]] constexpr std::optional<action> action_from_name(std::string_view text) noexcept
{
   for (const action a : { action::drop, action::mask }) {
      if (name_of(a) == text) {
         return a;
      }
   }
   return std::nullopt;
}

[[nodiscard]] inline action parse_action(std::string_view text)
{
   const std::optional<action> a = action_from_name(text);
   if (!a) {
      throw policy_error(detail::unknown_name("action", text, action_names));
   }
   return *a;
}

}  // namespace veil
