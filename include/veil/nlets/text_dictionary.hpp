#pragma once
// Field prefixes of Nlets/NCIC legacy text ("PFX/value"), with the category each one
// carries. Categories follow the Nlets key descriptions: POB, CTZ and ARN are the
// immigration-relevant identifiers of IAQ/IAR, SOC is the social security number, PHN
// a telephone number, and a miscellaneous number (MNU) is immigration data when its
// NCIC type prefix says alien registration (AR), admission (AN) or passport (PP).

#include <veil/detail/bytes.hpp>
#include <veil/field_dictionary.hpp>

#include <string_view>

namespace veil::nlets {

[[nodiscard]] constexpr bool is_immigration_number(std::string_view mnu_value) noexcept
{
   // Leading spaces or control characters do not hide the type prefix.
   std::size_t i = 0;
   while (i < mnu_value.size() && static_cast<unsigned char>(mnu_value[i]) <= ' ') {
      ++i;
   }
   if (mnu_value.size() < i + 2) {
      return false;
   }
   // Case is ignored: unknown is not safe, and a lower-case type is still a type.
   const char a = detail::to_upper(mnu_value[i]);
   const char b = detail::to_upper(mnu_value[i + 1]);
   return (a == 'A' && (b == 'R' || b == 'N')) || (a == 'P' && b == 'P');
}

inline constexpr field_dictionary<36> text_dictionary{
   "nlets-text",
   { {
      { "NAM", "name", {}, "subject name, LAST,FIRST MIDDLE SUFFIX" },
      { "DOB", "date of birth", {}, "date of birth, mmddyy or ccyymmdd" },
      { "SEX", "sex", {}, "sex, NCIC code" },
      { "RAC", "race", {}, "race, NCIC code" },
      { "HGT", "height", {}, "height, feet and inches" },
      { "WGT", "weight", {}, "weight in pounds" },
      { "EYE", "eye colour", {}, "eye colour, NCIC code" },
      { "HAI", "hair colour", {}, "hair colour, NCIC code" },
      { "SKN", "skin tone", {}, "skin tone, NCIC code" },
      { "OLN", "operator licence number", {}, "driver licence number as printed" },
      { "OLS", "licence state", {}, "state that issued the operator licence" },
      { "OLY", "licence expiry year", {}, "year the operator licence expires" },
      { "SOC", "social security number", category::ssn, "social security number" },
      { "POB", "place of birth", category::immigration, "place of birth, NCIC state or country code" },
      { "CTZ", "citizenship", category::immigration, "country of citizenship, NCIC code" },
      { "ARN", "alien registration number", category::immigration,
        "alien registration number (A-number), the key ICE/USCIS identifier" },
      { "MNU", "miscellaneous number", category::immigration,
        "miscellaneous identifying number with NCIC type prefix", is_immigration_number,
        "only when the value starts with AR, AN or PP" },
      { "PHN", "telephone number", category::contact, "telephone number" },
      { "ADR", "address", category::address, "street address in free-text responses" },
      { "FBI", "FBI number", {}, "FBI universal control number" },
      { "SID", "state identification number", {}, "state identification number" },
      { "LIC", "licence plate", {}, "vehicle licence plate number" },
      { "LIS", "plate state", {}, "state that issued the licence plate" },
      { "LIY", "plate year", {}, "licence plate expiry year, or NX" },
      { "LIT", "plate type", {}, "licence plate type, NCIC LIT code" },
      { "VIN", "vehicle identification number", {}, "vehicle identification number" },
      { "VMA", "vehicle make", {}, "vehicle make, NCIC code" },
      { "VYR", "vehicle year", {}, "vehicle model year" },
      { "IMQ", "image requested", {}, "Y to ask for a photo in the response" },
      { "RSN", "reason code", {}, "reason for the query, one letter" },
      { "PUR", "purpose code", {}, "purpose of the query, one letter" },
      { "ATN", "attention", {}, "name of the requesting officer" },
      { "OFF", "offense code", {}, "NCIC offense code, most serious offense" },
      { "CUS", "in custody", {}, "Y or N, subject in custody" },
      { "MIS", "miscellaneous", {}, "free-text remarks" },
      { "SSN", "social security number", category::ssn, "social security number, as some states label it" },
   } }
};

}  // namespace veil::nlets
