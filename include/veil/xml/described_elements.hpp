#pragma once
// NIEM elements that hold personal data no category covers: a person's name, date of
// birth, physical description, licence number. No mask removes them (a field without a
// category is never removed), so the redactors never look them up; they are named here
// so that what a recipient receives can be said in words, beside what is removed.

#include <veil/xml/element_dictionary.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace veil::xml {

struct described_element
{
   vocabulary family;
   std::string_view tag;  // local name
   std::string_view words;  // what it holds, as a reader who is not a technician says it
};

inline constexpr std::array<described_element, 16> described_elements{ {
   { vocabulary::niem_core, "PersonName", "name" },
   { vocabulary::niem_core, "PersonAlternateName", "name" },
   { vocabulary::niem_core, "PersonBirthDate", "date of birth" },
   { vocabulary::niem_core, "PersonSexCode", "physical description" },
   { vocabulary::niem_core, "PersonSexText", "physical description" },
   { vocabulary::niem_core, "PersonRaceCode", "physical description" },
   { vocabulary::niem_core, "PersonRaceText", "physical description" },
   { vocabulary::niem_core, "PersonHeightMeasure", "physical description" },
   { vocabulary::niem_core, "PersonWeightMeasure", "physical description" },
   { vocabulary::niem_core, "PersonEyeColorCode", "physical description" },
   { vocabulary::niem_core, "PersonEyeColorText", "physical description" },
   { vocabulary::niem_core, "PersonHairColorCode", "physical description" },
   { vocabulary::niem_core, "PersonHairColorText", "physical description" },
   { vocabulary::niem_core, "DriverLicenseIdentification", "licence number" },
   { vocabulary::niem_core, "DriverLicenseCommercialClassCode", "licence details" },
   { vocabulary::jxdm, "DriverLicensePermitStatusCode", "licence details" },
} };

// The described element `local` of namespace `uri`, or nullptr.
[[nodiscard]] constexpr const described_element* find_described(std::string_view uri, std::string_view local) noexcept
{
   const std::optional<vocabulary> family = vocabulary_of(uri);
   if (!family) {
      return nullptr;
   }
   for (const described_element& d : described_elements) {
      if (d.family == *family && d.tag == local) {
         return &d;
      }
   }
   return nullptr;
}

}  // namespace veil::xml
