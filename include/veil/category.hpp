#pragma once
// The kinds of personal data veil can remove. Every field of every format maps to at
// most one category; a mask is a set of categories.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace veil {

enum class category : std::uint8_t { address, photo, biometric, immigration, ssn, medical, contact };

inline constexpr std::array all_categories{ category::address, category::photo, category::biometric,
                                            category::immigration, category::ssn, category::medical,
                                            category::contact };

[[nodiscard]] constexpr std::string_view name_of(category c) noexcept
{
   switch (c) {
      case category::address: return "address";
      case category::photo: return "photo";
      case category::biometric: return "biometric";
      case category::immigration: return "immigration";
      case category::ssn: return "ssn";
      case category::medical: return "medical";
      case category::contact: return "contact";
   }
   return "unknown";
}

// Every category's name, in the order of all_categories: what a name may be.
inline constexpr std::array<std::string_view, all_categories.size()> category_names = [] {
   std::array<std::string_view, all_categories.size()> names{};
   for (std::size_t i = 0; i < names.size(); ++i) {
      names[i] = name_of(all_categories[i]);
   }
   return names;
}();

[[nodiscard]] constexpr std::string_view meaning_of(category c) noexcept
{
   switch (c) {
      case category::address: return "residence, mailing and employer addresses";
      case category::photo: return "facial and other body photos, signature images";
      case category::biometric: return "fingerprints, palms, iris, DNA, minutiae";
      case category::immigration:
         return "place of birth, citizenship, lawful presence, alien/admission/passport/visa numbers";
      case category::ssn: return "social security and tax identification numbers";
      case category::medical: return "medical and disability data";
      case category::contact: return "telephone numbers and e-mail addresses";
   }
   return "unknown";
}

[[nodiscard]] constexpr std::optional<category> category_from_name(std::string_view name) noexcept
{
   for (const category c : all_categories) {
      if (name_of(c) == name) {
         return c;
      }
   }
   return std::nullopt;
}

}  // namespace veil
