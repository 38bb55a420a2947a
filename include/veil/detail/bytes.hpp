#pragma once
// Byte classes shared by the text readers.

namespace veil::detail {

// Control characters may appear anywhere in Nlets text and are ignored for parsing.
// NUL is not one of them: it is never valid and always rejected.
[[nodiscard]] constexpr bool is_control(char c) noexcept
{
   const auto b = static_cast<unsigned char>(c);
   return (b >= 0x01 && b <= 0x1f) || b == 0x7f;
}

[[nodiscard]] constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

[[nodiscard]] constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }

[[nodiscard]] constexpr bool is_upper_or_digit(char c) noexcept
{
   return is_upper(c) || (c >= '0' && c <= '9');
}

[[nodiscard]] constexpr bool is_alnum(char c) noexcept
{
   return is_upper_or_digit(c) || (c >= 'a' && c <= 'z');
}

[[nodiscard]] constexpr char to_upper(char c) noexcept
{
   return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace veil::detail
