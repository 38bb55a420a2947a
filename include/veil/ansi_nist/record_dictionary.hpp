#pragma once
// What an ANSI/NIST-ITL transaction carries, by record type and by Type-2 field: the
// categories a mask removes. A record of a masked category goes whole; the Type-2 fields
// of the FBI EBTS profile go one by one. Records whose content cannot be told from their
// type (a Type-7 user-defined image, a Type-20 source representation) count as what they
// may hold: what cannot be decided is not safe.

#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/ncic_mnu.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace veil::ansi_nist {

inline constexpr std::string_view ansi_nist_format_name = "ansi-nist";

struct record_entry
{
   unsigned type;
   std::optional<category> sensitivity;  // nullopt: never removed by a mask
   bool binary;                          // framed by a 4-byte length, no tags
   std::string_view description;
};

inline constexpr std::array<record_entry, 24> record_dictionary{ {
   { 1, {}, false, "transaction information (header; rewritten, never removed)" },
   { 2, {}, false, "user-defined descriptive text (fields decided one by one)" },
   { 3, category::biometric, true, "low-resolution grayscale fingerprint (deprecated)" },
   { 4, category::biometric, true, "high-resolution grayscale fingerprint" },
   { 5, category::biometric, true, "low-resolution binary fingerprint (deprecated)" },
   { 6, category::biometric, true, "high-resolution binary fingerprint (deprecated)" },
   { 7, category::biometric, true, "user-defined image (often a fingerprint)" },
   { 8, category::photo, true, "signature image" },
   { 9, category::biometric, false, "minutiae and friction ridge features" },
   { 10, category::photo, false, "face, scar, mark and tattoo photo" },
   { 11, category::biometric, false, "forensic and investigatory voice" },
   { 12, category::biometric, false, "forensic dental and oral data" },
   { 13, category::biometric, false, "latent friction ridge image" },
   { 14, category::biometric, false, "fingerprint image" },
   { 15, category::biometric, false, "palm print image" },
   { 16, category::biometric, false, "user-defined testing image" },
   { 17, category::biometric, false, "iris image" },
   { 18, category::biometric, false, "DNA data" },
   { 19, category::biometric, false, "plantar image" },
   { 20, category::photo, false, "source representation (may be the original photo)" },
   { 21, category::photo, false, "associated context (may be a photo)" },
   { 22, category::biometric, false, "non-photographic imagery" },
   { 98, {}, false, "information assurance (dropped when anything else is redacted)" },
   { 99, category::biometric, false, "CBEFF biometric data" },
} };

[[nodiscard]] constexpr const record_entry* find_record(unsigned type) noexcept
{
   for (const record_entry& r : record_dictionary) {
      if (r.type == type) {
         return &r;
      }
   }
   return nullptr;
}

// Type-2 fields, tagged by their canonical number ("2.016"); a file may write the number
// with fewer or more digits ("2.16", "2.0016"), which compare equal. 2.017 MNU
// ("PP-123456") repeats one number a subfield (RS), and a consumer that splits a subfield
// into information items at US reads each item as a number of its own ("VA-10<US>AR-123"
// holds an alien number): the field carries the categories of every number in it, as
// mnu_categories reads them.
inline constexpr field_dictionary<8> type2_dictionary{
   "ansi-nist",
   { {
      { "2.016", "SOC", category::ssn, "social security number" },
      { "2.017", "MNU", category::immigration, "miscellaneous identification number", mnu_categories,
        "by the NCIC type of each number, subfield or item: AR, AN, FN, PI, PP or an unknown type immigration, CI "
        "ssn, others none",
        every_mnu_category() },
      { "2.020", "POB", category::immigration, "place of birth" },
      { "2.021", "CTZ", category::immigration, "citizenship" },
      { "2.039", "EAD", category::address, "employer and address" },
      { "2.041", "RES", category::address, "residence" },
      { "2.2037", "ESI", category::immigration, "external subject identifier (DHS)" },
      { "2.036", "PHT", {}, "photo available: set to N when no photo remains" },
   } }
};

// "2.016" for record type 2 and field number 16.
[[nodiscard]] inline std::string canonical_tag(unsigned record_type, unsigned long field_number)
{
   std::string number = std::to_string(field_number);
   if (number.size() < 3) {
      number.insert(0, 3 - number.size(), '0');
   }
   return std::to_string(record_type) + "." + number;
}

}  // namespace veil::ansi_nist
