#pragma once
// Field prefixes of Nlets/NCIC legacy text ("PFX/value"), with the category each one
// carries. Categories follow the Nlets key descriptions: POB, CTZ and ARN are the
// immigration-relevant identifiers of IAQ/IAR, SOC is the social security number, PHN
// a telephone number, ADR and LKA (last known address) addresses, and a miscellaneous
// number (MNU) carries the category its NCIC type gives (ncic_mnu.hpp): an alien
// registration, admission or passport number is immigration data, a social insurance
// number an ssn.

#include <veil/field_dictionary.hpp>
#include <veil/ncic_mnu.hpp>

#include <string_view>

namespace veil::nlets {

inline constexpr field_dictionary<37> text_dictionary{
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
        "miscellaneous identifying number with NCIC type prefix", mnu_categories,
        "by its NCIC type: AR, AN, FN, PI, PP or an unknown type immigration, CI ssn, others none",
        every_mnu_category() },
      { "PHN", "telephone number", category::contact, "telephone number" },
      { "ADR", "address", category::address, "street address in free-text responses" },
      { "LKA", "last known address", category::address, "last known address, as NCIC records print it" },
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
