// The XML element dictionary matches by namespace URI and local name, never by prefix.

#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/itl_records.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>

using veil::category;
using veil::category_mask;
using veil::xml::element_role;
using veil::xml::find_element;

namespace {
constexpr std::string_view nc2 = "http://niem.gov/niem/niem-core/2.0";
constexpr std::string_view nc3 = "http://release.niem.gov/niem/niem-core/3.0/";
constexpr std::string_view ebts10 = "http://cjis.fbi.gov/fbi_ebts/10.0";
constexpr std::string_view itl2011 = "http://biometrics.nist.gov/standard/2011";
}  // namespace

TEST_CASE("xml element dictionary: the same local name under NIEM 2.0 and 3.0 is the same element")
{
   for (const std::string_view uri : { nc2, nc3 }) {
      CAPTURE(uri);
      const auto* ssn = find_element(uri, "PersonSSNIdentification");
      REQUIRE(ssn != nullptr);
      CHECK(ssn->sensitivity == category::ssn);
      const auto* image = find_element(uri, "PersonDigitalImage");
      REQUIRE(image != nullptr);
      CHECK(image->sensitivity == category::photo);
   }
}

TEST_CASE("xml element dictionary: an unknown namespace or a lookalike name matches nothing")
{
   CHECK(find_element("http://example.org/not-niem", "PersonSSNIdentification") == nullptr);
   CHECK(find_element("", "PersonSSNIdentification") == nullptr);
   CHECK(find_element(nc2, "PersonSSNIdentificationX") == nullptr);
   CHECK(find_element(nc2, "PersonName") == nullptr);
   // a NIEM-core name under the EBTS namespace is not the NIEM-core element
   CHECK(find_element(ebts10, "PersonSSNIdentification") == nullptr);
}

TEST_CASE("xml element dictionary: the elements the issue names, with their categories")
{
   const std::pair<std::pair<std::string_view, std::string_view>, category> expected[] = {
      { { nc2, "ContactMailingAddress" }, category::address },
      { { nc2, "LocationAddress" }, category::address },
      { { nc2, "Residence" }, category::address },
      { { nc2, "StructuredAddress" }, category::address },
      { { nc2, "AddressFullText" }, category::address },
      { { ebts10, "PersonResidenceLocation" }, category::address },
      { { nc2, "EmploymentLocation" }, category::address },
      { { nc2, "Image" }, category::photo },
      { { nc3, "PersonCitizenshipText" }, category::immigration },
      { { nc2, "PersonCitizenshipISO3166Alpha2Code" }, category::immigration },
      { { ebts10, "PersonCitizenshipCode" }, category::immigration },
      { { nc2, "PersonBirthLocation" }, category::immigration },
      { { ebts10, "PersonBirthPlaceCode" }, category::immigration },
      { { nc2, "PersonPassportIdentification" }, category::immigration },
      { { nc2, "PersonSSNIdentification" }, category::ssn },
      { { nc2, "ContactTelephoneNumber" }, category::contact },
      { { nc2, "ContactEmailID" }, category::contact },
   };
   for (const auto& element : expected) {
      const std::string_view local = element.first.second;
      CAPTURE(local);
      const auto* e = find_element(element.first.first, local);
      REQUIRE(e != nullptr);
      CHECK(e->role == element_role::sensitive);
      CHECK(e->sensitivity == element.second);
   }
   const auto* other = find_element(nc2, "PersonOtherIdentification");
   REQUIRE(other != nullptr);
   CHECK(other->role == element_role::by_category_code);
   CHECK(find_element(ebts10, "PersonIDCategoryCode")->role == element_role::category_code);
   CHECK(find_element("http://www.nlets.org/niem/1.0", "NLETSMessageHeader")->role == element_role::header);
   CHECK(find_element("http://www.nlets.org/niem/1.0", "ResponseText")->role == element_role::free_text);
}

TEST_CASE("class 5, ITL XML: every record element carries its binary record type's category; a record of another "
          "name counts as what any record may hold")
{
   for (const veil::ansi_nist::record_entry& r : veil::ansi_nist::record_dictionary) {
      CAPTURE(r.type);
      const veil::xml::element_entry* e = veil::xml::record_element_of(r.type);
      if (r.type < 3 || r.type > 6) {  // Types 3, 5 and 6 have no XML form
         REQUIRE(e != nullptr);
         CHECK(e->role == element_role::record);
         CHECK(e->sensitivity == r.sensitivity);
         CHECK(find_element(itl2011, e->tag) == e);
      }
   }
   for (const std::string_view uri : { itl2011, std::string_view("urn:example:itl-2015") }) {
      const auto* unknown = find_element(uri, "PackageLowResolutionGrayscaleImageRecord");
      REQUIRE(unknown == &veil::xml::unknown_record);
      CHECK(veil::xml::name_categories(*unknown) == veil::xml::every_record_category());
   }
   CHECK(veil::xml::every_record_category() == (category_mask{ category::photo } | category_mask{ category::biometric }));
   // NIEM-core and other known vocabularies have no records, whatever the name.
   CHECK(find_element(nc2, "PackageFooRecord") == nullptr);
   CHECK(find_element(itl2011, "Package") == nullptr);
}

TEST_CASE("xml element dictionary: no entry repeats another, every entry is described")
{
   std::set<std::pair<int, std::string>> seen;
   for (const auto& e : veil::xml::element_dictionary) {
      CAPTURE(e.tag);
      CHECK_FALSE(e.description.empty());
      CHECK(seen.emplace(static_cast<int>(e.family), std::string(e.tag)).second);
      CHECK_FALSE(e.tag.empty());
      if (e.role != element_role::record) {
         CHECK(e.sensitivity.has_value() ==
               (e.role == element_role::sensitive || e.role == element_role::by_category_code));
      }
   }
   for (const auto& n : veil::xml::known_namespaces) {
      CHECK(veil::xml::vocabulary_of(n.uri) == n.family);
   }
}
