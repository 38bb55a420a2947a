#pragma once
// What every reader's PEGTL control and actions need to report where they are: the
// offset of a match, and the rejection for a rule that was required and not found.

#include <veil/rejection.hpp>

#include <algorithm>
#include <cstddef>
#include <string>

namespace veil::detail {

// Offset of an action's matched text in the message.
template <typename ActionInput>
[[nodiscard]] std::size_t offset_of(const ActionInput& in) noexcept
{
   return in.input().byte() - in.size();
}

// Bytes already read and not yet consumed, on memory and buffered inputs alike.
template <typename ParseInput>
[[nodiscard]] std::size_t bytes_left(const ParseInput& in) noexcept
{
   if constexpr (requires { in.buffer_occupied(); }) {
      return in.buffer_occupied();
   }
   else {
      return static_cast<std::size_t>(in.end() - in.current());
   }
}

// Rejects the message where `expected` was required. At the end of the input the reason
// says the message ended early. A rule of fixed length fails where it starts, so the
// bytes of the part standing there (at most `longest_part`, while `is_part_byte` holds)
// are looked at first: a NUL byte among them is the better reason, at its own offset.
template <typename ParseInput, typename PartByte>
[[noreturn]] void reject_expected(const ParseInput& in, const char* expected, PartByte&& is_part_byte,
                                  std::size_t longest_part)
{
   const std::size_t at = in.byte();
   const std::size_t left = bytes_left(in);
   if (left == 0) {
      throw rejected_input(at, std::string("message ends early: ") + expected);
   }
   const char* part = in.current();
   for (std::size_t i = 0; i < std::min(left, longest_part); ++i) {
      if (part[i] == '\0') {
         throw rejected_input(at + i, "NUL byte");
      }
      if (!is_part_byte(part[i])) {
         break;
      }
   }
   throw rejected_input(at, expected);
}

}  // namespace veil::detail
