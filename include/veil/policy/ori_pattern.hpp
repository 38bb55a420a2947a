#pragma once
// Which requesting agencies a policy rule is about: an ORI written out (`VTICE0900`), a
// glob of them (`VTICE*`, `DC???????`: '*' any run of characters, '?' one), or, in a
// rule, the name of an ORI list defined in the policy (`@immigration_enforcement`). ORIs
// are upper-case letters and digits; a pattern is too, apart from its wildcards, so a
// typo such as a lower-case letter is an error rather than a rule that never matches.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace veil::policy {

class ori_pattern
{
public:
   // The pattern `text` stands for, or nothing when it is not one: empty, or holding
   // something other than upper-case letters, digits, '*' and '?'.
   [[nodiscard]] static std::optional<ori_pattern> parse(std::string_view text)
   {
      if (text.empty() || text.size() > 32) {
         return std::nullopt;
      }
      for (const char c : text) {
         const bool letter_or_digit = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         if (!letter_or_digit && c != '*' && c != '?') {
            return std::nullopt;
         }
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
