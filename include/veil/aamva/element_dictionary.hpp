#pragma once
// Data elements of the AAMVA DL/ID Card Design Standard barcode (versions 01 to 11), with
// the versions that define each one and the category it carries. An id may mean
// different things in different versions (DBG is the medical indicator in version 01
// and an alias given name from version 03), so a lookup always names the version.
// Elements of a jurisdiction's own subfile (Z + a letter) are not defined by the
// standard: veil does not know them (see aamva_options::unknown_elements_sensitive).

#include <veil/category.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace veil::aamva {

inline constexpr std::string_view aamva_format_name = "aamva";

struct element_entry
{
   std::string_view tag;  // the three-character element id
   std::optional<category> sensitivity;
   std::string_view description;
   std::uint8_t first_version = 1;
   std::uint8_t last_version = 11;

   [[nodiscard]] constexpr bool defined_in(unsigned version) const noexcept
   {
      return version >= first_version && version <= last_version;
   }
};

inline constexpr std::array<element_entry, 88> element_dictionary = [] {
   using enum category;
   return std::array<element_entry, 88>{ {
   // address
   { "DAG", address, "address, street 1" },
   { "DAH", address, "address, street 2" },
   { "DAI", address, "address, city" },
   { "DAJ", address, "address, jurisdiction code" },
   { "DAK", address, "address, postal code" },
   { "DAL", address, "residence address, street 1", 1, 1 },
   { "DAM", address, "residence address, street 2", 1, 1 },
   { "DAN", address, "residence address, city", 1, 1 },
   { "DAO", address, "residence address, jurisdiction code", 1, 1 },
   { "DAP", address, "residence address, postal code", 1, 1 },
   // immigration: birth place, lawful-presence and status indicators
   { "DCI", immigration, "place of birth", 2 },
   { "DDA", immigration, "compliance type (REAL ID F/M/N)", 4 },
   { "DDD", immigration, "limited duration document (temporary lawful status)", 4 },
   { "DDN", immigration, "non-domiciled indicator", 11 },
   { "DBI", immigration, "non-resident indicator", 1, 1 },
   // ssn and medical
   { "DBK", ssn, "social security number", 1, 1 },
   { "DBM", ssn, "social security number", 1, 1 },
   { "DBG", medical, "medical indicator codes", 1, 1 },
   // identity and description: never removed by a mask
   { "DAQ", {}, "customer identifier (licence or ID number)" },
   { "DCS", {}, "family name", 2 },
   { "DAC", {}, "first name" },
   { "DAD", {}, "middle names" },
   { "DCT", {}, "given names", 2, 3 },
   { "DAA", {}, "full name", 1, 1 },
   { "DAB", {}, "family name", 1, 1 },
   { "DAE", {}, "name suffix", 1, 1 },
   { "DAF", {}, "name prefix", 1, 1 },
   { "DCU", {}, "name suffix", 2 },
   { "DDE", {}, "family name truncation", 4 },
   { "DDF", {}, "first name truncation", 4 },
   { "DDG", {}, "middle name truncation", 4 },
   { "DBN", {}, "alias family name", 3, 10 },
   { "DBG", {}, "alias given name", 3, 10 },
   { "DBS", {}, "alias suffix", 3, 10 },
   { "DBO", {}, "alias family name", 1, 1 },
   { "DBP", {}, "alias given name", 1, 1 },
   { "DBR", {}, "alias suffix", 1, 1 },
   { "DBQ", {}, "alias middle names", 1, 1 },
   { "DBL", {}, "alias date of birth", 1, 1 },
   { "DBB", {}, "date of birth" },
   { "DBC", {}, "sex" },
   { "DAU", {}, "height" },
   { "DAV", {}, "height in centimetres", 1, 1 },
   { "DAW", {}, "weight in pounds" },
   { "DAX", {}, "weight in kilograms" },
   { "DAY", {}, "eye colour" },
   { "DAZ", {}, "hair colour" },
   { "DCE", {}, "weight range", 2 },
   { "DCL", {}, "race or ethnicity", 2, 10 },
   { "DBJ", {}, "unique customer identifier", 1, 1 },
   // document and privilege
   { "DBA", {}, "expiration date" },
   { "DBD", {}, "issue date" },
   { "DBE", {}, "issue timestamp", 1, 1 },
   { "DBF", {}, "number of duplicates", 1, 1 },
   { "DBH", {}, "organ donor", 1, 1 },
   { "DDB", {}, "card revision date", 4 },
   { "DDC", {}, "hazardous material endorsement expiration date", 4, 10 },
   { "DDH", {}, "under 18 until", 4 },
   { "DDI", {}, "under 19 until", 4 },
   { "DDJ", {}, "under 21 until", 4 },
   { "DDK", {}, "organ donor indicator", 6 },
   { "DDL", {}, "veteran indicator", 7 },
   { "DDM", {}, "commercial driver's licence indicator", 11 },
   { "DDO", {}, "enhanced credential indicator", 11 },
   { "DDP", {}, "permit indicator", 11 },
   { "DCG", {}, "country of the issuing jurisdiction", 2 },
   { "DCF", {}, "document discriminator", 2 },
   { "DCK", {}, "inventory control number", 2 },
   { "DCJ", {}, "audit information", 2 },
   { "DAR", {}, "licence classification", 1, 1 },
   { "DAS", {}, "licence restrictions", 1, 1 },
   { "DAT", {}, "licence endorsements", 1, 1 },
   { "DCA", {}, "jurisdiction vehicle class", 2 },
   { "DCB", {}, "jurisdiction restriction codes", 2 },
   { "DCD", {}, "jurisdiction endorsement codes", 2 },
   { "DCM", {}, "standard vehicle classification", 2 },
   { "DCN", {}, "standard endorsement code", 2 },
   { "DCO", {}, "standard restriction code", 2 },
   { "DCP", {}, "vehicle classification description", 2 },
   { "DCQ", {}, "endorsement code description", 2 },
   { "DCR", {}, "restriction code description", 2 },
   { "DCH", {}, "federal commercial vehicle codes", 2, 3 },
   { "PAA", {}, "permit classification", 1, 1 },
   { "PAB", {}, "permit expiration date", 1, 1 },
   { "PAC", {}, "permit identifier", 1, 1 },
   { "PAD", {}, "permit issue date", 1, 1 },
   { "PAE", {}, "permit restrictions", 1, 1 },
   { "PAF", {}, "permit endorsements", 1, 1 },
   } };
}();

// The entry element `tag` is redacted by in a payload of `version`. Cards do not always
// keep to their version (a version 04 card may carry version 07 elements, a version 10
// card the version 01 medical codes under DBG), so an id that some version makes
// sensitive takes that entry, whatever the payload's version: redacting too much is safe,
// too little is not. Among equals the payload's own version's entry wins. nullptr: no
// version defines it (a jurisdiction element).
[[nodiscard]] constexpr const element_entry* find_element(std::string_view tag, unsigned version) noexcept
{
   const element_entry* found = nullptr;
   const auto rank = [version](const element_entry& e) {
      return (e.sensitivity ? 2 : 0) + (e.defined_in(version) ? 1 : 0);
   };
   for (const element_entry& e : element_dictionary) {
      if (e.tag == tag && (found == nullptr || rank(e) > rank(*found))) {
         found = &e;
      }
   }
   return found;
}

}  // namespace veil::aamva
