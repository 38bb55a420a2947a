#pragma once
// The message for a name veil does not know (a category, a format, an action): it lists
// the names it does know, so the reader need not look them up, and says when only the
// case is wrong, since every such name is lower case and "Address" looks right to people.

#include <span>
#include <string>
#include <string_view>

namespace veil::detail {

// "a, b or c".
[[nodiscard]] inline std::string one_of(std::span<const std::string_view> names)
{
   std::string text;
   for (std::size_t i = 0; i < names.size(); ++i) {
      text += i == 0 ? "" : (i + 1 == names.size() ? " or " : ", ");
      text += names[i];
   }
   return text;
}

// "unknown category 'adress' (expected address, photo, … or contact)"; with "names are
// lower case; " before "expected" when `given` in lower case is one of `known`.
[[nodiscard]] inline std::string unknown_name(std::string_view kind, std::string_view given,
                                              std::span<const std::string_view> known)
{
   std::string folded(given);
   for (char& c : folded) {
      c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
   }
   bool only_case = false;
   for (const std::string_view name : known) {
      only_case = only_case || name == folded;
   }
   return "unknown " + std::string(kind) + " '" + std::string(given) + "' (" +
          (only_case ? "names are lower case; " : "") + "expected " + one_of(known) + ")";
}

}  // namespace veil::detail
