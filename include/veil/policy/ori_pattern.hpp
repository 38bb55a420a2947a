#pragma once
// Which requesting agencies a policy rule is about: an ORI written out (`VTICE0900`), a
// destination code (`AX`), a glob of them (`VTICE*`, `DC???????`: '*' any run of
// characters, '?' one), or, in a rule, the name of an ORI list defined in the policy
// (`@immigration_enforcement`). A recipient is a 2- or 9-character value of upper-case
// letters and digits (recipient.hpp), and a pattern is held to that shape: a typo such as
// a lower-case letter or a missing character would otherwise be an entry that never
// matches, and the agency it names would receive what the rule was meant to keep from it.

#include <veil/detail/bytes.hpp>
#include <veil/recipient.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace veil::policy {

// What a pattern must be, for messages that refuse one.
inline constexpr std::string_view ori_pattern_expected =
   "an ORI (9 characters), a destination code (2) or a glob of one (A-Z, 0-9, * and ?)";

class ori_pattern
{
public:
   // The pattern `text` stands for, or nothing when it is not one: a character other than
   // upper-case letters, digits, '*' and '?', or a shape no recipient has. Without '*' a
   // pattern matches values of its own length, so it must be 2 or 9 characters long; with
   // one, its other characters must leave room for a 9-character ORI.
   [[nodiscard]] static std::optional<ori_pattern> parse(std::string_view text)
   {
      std::size_t fixed = 0;  // characters that each match exactly one
      bool has_star = false;
      for (const char c : text) {
         if (c == '*') {
            has_star = true;
         }
         else if (detail::is_upper_or_digit(c) || c == '?') {
            ++fixed;
         }
         else {
            return std::nullopt;
         }
      }
      const bool recipient_length = fixed == destination_code_length || fixed == ori_length;
      if (has_star ? fixed > ori_length : !recipient_length) {
         return std::nullopt;
      }
      return ori_pattern(text);
   }

   [[nodiscard]] const std::string& text() const noexcept { return text_; }

   [[nodiscard]] bool matches(std::string_view ori) const noexcept { return glob_matches(text_, ori); }

private:
   explicit ori_pattern(std::string_view text) : text_(text) {}

   // Iterative glob matching with one backtrack point: linear in practice, never
   // exponential, whatever the pattern.
   [[nodiscard]] static bool glob_matches(std::string_view pattern, std::string_view text) noexcept
   {
      std::size_t p = 0;
      std::size_t t = 0;
      std::size_t star = std::string_view::npos;
      std::size_t resume = 0;
      while (t < text.size()) {
         if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
         }
         else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
         }
         else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
         }
         else {
            return false;
         }
      }
      while (p < pattern.size() && pattern[p] == '*') {
         ++p;
      }
      return p == pattern.size();
   }

   std::string text_;
};

}  // namespace veil::policy
