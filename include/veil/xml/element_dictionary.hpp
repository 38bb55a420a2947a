#pragma once
// XML elements that carry sensitive data, by namespace URI and local name — never by
// prefix: Nlets messages put NIEM 2.0 and 3.0 under the same `nc:` prefix, and the EBTS
// samples bind one URI to several prefixes. A URI belongs to a vocabulary family (NIEM
// core in every release veil knows, JXDM, EBTS, ANSI/NIST-ITL, Nlets), and an entry names
// a family, so a new release of a vocabulary is one more URI, not a copy of its entries.

#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/category.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace veil::xml {

enum class vocabulary : std::uint8_t { niem_core, jxdm, ebts, itl, nlets, nlets_header };

struct namespace_uri
{
   std::string_view uri;
   vocabulary family;
};

inline constexpr std::array<namespace_uri, 16> known_namespaces{ {
   { "http://niem.gov/niem/niem-core/2.0", vocabulary::niem_core },
   { "http://release.niem.gov/niem/niem-core/3.0/", vocabulary::niem_core },
   { "http://release.niem.gov/niem/niem-core/4.0/", vocabulary::niem_core },
   { "http://release.niem.gov/niem/niem-core/5.0/", vocabulary::niem_core },
   { "http://niem.gov/niem/domains/jxdm/4.0", vocabulary::jxdm },
   { "http://niem.gov/niem/domains/jxdm/4.1", vocabulary::jxdm },
   { "http://release.niem.gov/niem/domains/jxdm/5.0/", vocabulary::jxdm },
   { "http://release.niem.gov/niem/domains/jxdm/6.0/", vocabulary::jxdm },
   { "http://release.niem.gov/niem/domains/jxdm/7.0/", vocabulary::jxdm },
   { "http://cjis.fbi.gov/fbi_ebts/10.0", vocabulary::ebts },
   { "http://cjis.fbi.gov/fbi_ebts/11.0", vocabulary::ebts },
   { "http://biometrics.nist.gov/standard/2011", vocabulary::itl },
   { "http://biometrics.nist.gov/standard/2-2008", vocabulary::itl },
   { "http://www.nlets.org/niem/1.0", vocabulary::nlets },
   { "http://www.nlets.org/niem/nlets-core/1.0", vocabulary::nlets },
   { "http://www.nlets.org/niem/nlets-hdr/1.0", vocabulary::nlets_header },
} };

[[nodiscard]] constexpr std::optional<vocabulary> vocabulary_of(std::string_view uri) noexcept
{
   for (const namespace_uri& n : known_namespaces) {
      if (n.uri == uri) {
         return n.family;
      }
   }
   return std::nullopt;
}

[[nodiscard]] constexpr std::string_view name_of(vocabulary v) noexcept
{
   switch (v) {
      case vocabulary::niem_core: return "nc";
      case vocabulary::jxdm: return "j";
      case vocabulary::ebts: return "ebts";
      case vocabulary::itl: return "itl";
      case vocabulary::nlets: return "n2";
      case vocabulary::nlets_header: return "nh2";
   }
   return "unknown";
}

// How an element is decided.
enum class element_role : std::uint8_t {
   sensitive,          // the whole element is of `sensitivity`
   by_category_code,   // an identification: sensitive when a child category code is AR, AN or PP
   category_code,      // the child code that decides a by_category_code parent
   record,             // an ANSI/NIST-ITL record: its binary type's category, or its code's (itl_records.hpp)
   free_text,          // content is a legacy text body, redacted by the Nlets text rules
   header,             // routing (routing_header.hpp): read, never redacted
};

struct element_entry
{
   vocabulary family;
   std::string_view tag;  // local name; with `prefix_match`, every local name starting with it
   element_role role;
   std::optional<category> sensitivity;
   std::string_view description;
   bool prefix_match = false;
   unsigned record_type = 0;  // of a record: its ANSI/NIST-ITL record type; 0 when it cannot be told

   [[nodiscard]] constexpr bool matches(vocabulary v, std::string_view local) const noexcept
   {
      return v == family && (prefix_match ? local.starts_with(tag) : local == tag);
   }
};

// The name a per-field override gives an element of entry `e`: its vocabulary's usual
// prefix and its local name ("nc:PersonBirthLocation"), whatever prefix the message binds
// to the namespace — the EBTS samples bind one URI to several.
[[nodiscard]] inline std::string override_tag(const element_entry& e, std::string_view local)
{
   std::string tag(name_of(e.family));
   tag += ':';
   tag += local;
   return tag;
}

// The category of ANSI/NIST-ITL record type `type` in the traditional encoding.
[[nodiscard]] constexpr std::optional<category> record_type_category(unsigned type) noexcept
{
   const ansi_nist::record_entry* r = ansi_nist::find_record(type);
   return r == nullptr ? std::nullopt : r->sensitivity;
}

// A record element of the ITL XML (itl:Package…Record) of record type `type`.
[[nodiscard]] constexpr element_entry itl_record(std::string_view tag, unsigned type, std::string_view description)
{
   return { vocabulary::itl, tag, element_role::record, record_type_category(type), description, false, type };
}

inline constexpr std::array<element_entry, 56> element_dictionary = [] {
   using enum element_role;
   return std::array<element_entry, 56>{ {
   // address
   { vocabulary::niem_core, "ContactMailingAddress", sensitive, category::address, "mailing address" },
   { vocabulary::niem_core, "LocationAddress", sensitive, category::address, "address of a location" },
   { vocabulary::niem_core, "StructuredAddress", sensitive, category::address, "address in parts" },
   { vocabulary::niem_core, "AddressFullText", sensitive, category::address, "address as one text" },
   { vocabulary::niem_core, "Residence", sensitive, category::address, "where a person lives", true },
   { vocabulary::niem_core, "PersonResidence", sensitive, category::address, "where a person lives", true },
   { vocabulary::jxdm, "PersonResidence", sensitive, category::address, "where a person lives", true },
   { vocabulary::niem_core, "EmploymentLocation", sensitive, category::address, "where a person works" },
   { vocabulary::ebts, "PersonResidenceLocation", sensitive, category::address, "residence (EBTS 2.041 RES)" },
   // photo
   { vocabulary::niem_core, "Image", sensitive, category::photo, "an image with its metadata" },
   { vocabulary::niem_core, "PersonDigitalImage", sensitive, category::photo, "photo of a person" },
   // ANSI/NIST-ITL records, each with the category of its record type in the traditional
   // encoding (ansi_nist/record_dictionary.hpp)
   itl_record("PackageInformationRecord", 1, "transaction information (Type-1; its content summary is rewritten)"),
   itl_record("PackageDescriptiveTextRecord", 2, "descriptive text (Type-2; its elements decided one by one)"),
   itl_record("PackageHighResolutionGrayscaleImageRecord", 4, "fingerprint image (Type-4)"),
   itl_record("PackageUserDefinedImageRecord", 7, "user-defined image, e.g. a fingerprint card (Type-7)"),
   itl_record("PackageSignatureImageRecord", 8, "signature image (Type-8)"),
   itl_record("PackageMinutiaeRecord", 9, "minutiae (Type-9)"),
   itl_record("PackageFacialAndSMTImageRecord", 10, "face, scar, mark and tattoo images (Type-10)"),
   itl_record("PackageVoiceDataRecord", 11, "voice (Type-11)"),
   itl_record("PackageForensicDentalDataRecord", 12, "forensic dental and oral data (Type-12)"),
   itl_record("PackageLatentImageRecord", 13, "latent print image (Type-13)"),
   itl_record("PackageFingerprintImageRecord", 14, "fingerprint image (Type-14)"),
   itl_record("PackagePalmprintImageRecord", 15, "palm print image (Type-15)"),
   itl_record("PackageUserDefinedTestingImageRecord", 16, "user-defined testing image (Type-16)"),
   itl_record("PackageIrisImageRecord", 17, "iris image (Type-17)"),
   itl_record("PackageDNARecord", 18, "DNA data (Type-18)"),
   itl_record("PackagePlantarImageRecord", 19, "plantar image (Type-19)"),
   itl_record("PackageSourceRepresentationRecord", 20, "source representation, may be the original photo (Type-20)"),
   itl_record("PackageAssociatedContextRecord", 21, "associated context, may be a photo (Type-21)"),
   itl_record("PackageNonPhotographicImageryRecord", 22, "non-photographic imagery (Type-22)"),
   itl_record("PackageInformationAssuranceRecord", 98,
              "information assurance (Type-98; dropped whenever the mask may remove anything)"),
   itl_record("PackageCBEFFBiometricDataRecord", 99, "CBEFF biometric data (Type-99)"),
   // immigration
   { vocabulary::niem_core, "PersonCitizenship", sensitive, category::immigration, "citizenship, any form", true },
   { vocabulary::ebts, "PersonCitizenshipCode", sensitive, category::immigration, "citizenship (EBTS 2.021 CTZ)" },
   { vocabulary::niem_core, "PersonBirthLocation", sensitive, category::immigration, "place of birth" },
   { vocabulary::ebts, "PersonBirthPlaceCode", sensitive, category::immigration, "place of birth (EBTS 2.020 POB)" },
   { vocabulary::niem_core, "PersonNationality", sensitive, category::immigration, "nationality, any form", true },
   { vocabulary::niem_core, "PersonImmigrationStatus", sensitive, category::immigration, "lawful status", true },
   { vocabulary::jxdm, "PersonImmigrationStatus", sensitive, category::immigration, "lawful status", true },
   { vocabulary::niem_core, "PersonPassportIdentification", sensitive, category::immigration, "passport" },
   { vocabulary::niem_core, "PersonOtherIdentification", by_category_code, category::immigration,
     "other identification; by its category code (NCIC MNU types), immigration without one" },
   { vocabulary::ebts, "PersonIDCategoryCode", category_code, {}, "category of an other identification" },
   { vocabulary::jxdm, "PersonIDCategoryCode", category_code, {}, "category of an other identification" },
   { vocabulary::niem_core, "IdentificationCategoryText", category_code, {}, "category of an identification" },
   { vocabulary::niem_core, "IdentificationCategoryDescriptionText", category_code, {},
     "category of an identification, described" },
   // ssn and contact
   { vocabulary::niem_core, "PersonSSNIdentification", sensitive, category::ssn, "social security number" },
   { vocabulary::niem_core, "ContactTelephoneNumber", sensitive, category::contact, "telephone number" },
   { vocabulary::niem_core, "ContactEmailID", sensitive, category::contact, "e-mail address" },
   // free text and routing
   { vocabulary::nlets, "ResponseText", free_text, {}, "free-text response body (legacy text rules)" },
   { vocabulary::nlets, "MailMessageText", free_text, {}, "administrative message text (legacy text rules)" },
   { vocabulary::nlets, "StatusMessageText", free_text, {}, "status message text (legacy text rules)" },
   { vocabulary::nlets, "NLETSMessageHeader", header, {}, "routing header: holds the routing elements, shields nothing else" },
   { vocabulary::nlets_header, "MessageKeyCodeText", header, {}, "message key (routing, any namespace)" },
   { vocabulary::nlets_header, "OriginatingORIID", header, {}, "sender ORI (routing, any namespace)" },
   { vocabulary::nlets_header, "DestinationORIID", header, {}, "a recipient ORI or destination (routing, any namespace)" },
   { vocabulary::nlets_header, "DocumentControlFieldText", header, {}, "control field (routing, any namespace)" },
   } };
}();

// A record element whose type cannot be told from its name: itl:Package…Record of a name
// the dictionary does not list, in an ITL namespace or one veil does not know (a later
// ITL release, a producer's own). It counts as what any record may hold.
inline constexpr element_entry unknown_record{
   vocabulary::itl, "Package*Record", element_role::record, std::nullopt, "a record of a type veil cannot tell", false, 0
};

[[nodiscard]] constexpr bool is_record_name(std::string_view local) noexcept
{
   constexpr std::string_view head = "Package";
   constexpr std::string_view tail = "Record";
   return local.size() > head.size() + tail.size() && local.starts_with(head) && local.ends_with(tail);
}

// The entry for an element, or nullptr when veil has nothing to say about it.
[[nodiscard]] constexpr const element_entry* find_element(std::string_view uri, std::string_view local) noexcept
{
   const std::optional<vocabulary> v = vocabulary_of(uri);
   if (v) {
      const auto* it = std::find_if(element_dictionary.begin(), element_dictionary.end(),
                                    [&](const element_entry& e) { return e.matches(*v, local); });
      if (it != element_dictionary.end()) {
         return it;
      }
   }
   return (!v || *v == vocabulary::itl) && is_record_name(local) ? &unknown_record : nullptr;
}

// The entry of the element an override_tag names ("nc:PersonBirthLocation"), or nullptr.
[[nodiscard]] constexpr const element_entry* find_element_named(std::string_view tag) noexcept
{
   const std::size_t colon = tag.find(':');
   if (colon == std::string_view::npos) {
      return nullptr;
   }
   for (const element_entry& e : element_dictionary) {
      if (name_of(e.family) == tag.substr(0, colon) && e.matches(e.family, tag.substr(colon + 1))) {
         return &e;
      }
   }
   return nullptr;
}

}  // namespace veil::xml
