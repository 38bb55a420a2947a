// The Nlets text field dictionary: complete for the prefixes the format requires, with
// the categories the Nlets key descriptions give them.

#include <veil/field_dictionary.hpp>
#include <veil/nlets/text_dictionary.hpp>

#include <doctest/doctest.h>

#include <array>
#include <optional>
#include <set>
#include <string_view>

using veil::category;
using veil::nlets::text_dictionary;

namespace {

struct expected_category
{
   std::string_view tag;
   std::optional<category> sensitivity;
};

// The prefixes every Nlets text dictionary must know, with their categories.
// POB, CTZ and ARN are immigration identifiers, SOC the social security number, PHN a
// telephone number, MNU immigration data for some values (checked below). The other
// required prefixes describe the person, licence, vehicle or query, which none of the
// seven categories covers, so no mask removes them.
constexpr std::array<expected_category, 34> required_prefixes{ {
   { "NAM", {} }, { "DOB", {} }, { "SEX", {} }, { "RAC", {} }, { "HGT", {} }, { "WGT", {} },
   { "EYE", {} }, { "HAI", {} }, { "SKN", {} }, { "OLN", {} }, { "OLS", {} }, { "OLY", {} },
   { "SOC", category::ssn }, { "POB", category::immigration }, { "CTZ", category::immigration },
   { "ARN", category::immigration }, { "MNU", category::immigration }, { "PHN", category::contact },
   { "FBI", {} }, { "SID", {} }, { "LIC", {} }, { "LIS", {} }, { "LIY", {} }, { "LIT", {} },
   { "VIN", {} }, { "VMA", {} }, { "VYR", {} }, { "IMQ", {} }, { "RSN", {} }, { "PUR", {} },
   { "ATN", {} }, { "OFF", {} }, { "CUS", {} }, { "MIS", {} },
} };

[[nodiscard]] bool is_prefix_shaped(std::string_view tag) noexcept
{
   if (tag.size() != 3) {
      return false;
   }
   for (const char c : tag) {
      if (c < 'A' || c > 'Z') {
         return false;
      }
   }
   return true;
}

}  // namespace

TEST_CASE("the Nlets text dictionary is enumerable and says what it is")
{
   CHECK(text_dictionary.format == "nlets-text");
   std::size_t visited = 0;
   for (const veil::field_entry& e : text_dictionary) {
      CAPTURE(e.tag);
      ++visited;
      CHECK(text_dictionary.find(e.tag) == &e);
   }
   CHECK(visited == text_dictionary.size());
   CHECK(visited >= required_prefixes.size());
}

TEST_CASE("dictionary tags are unique three-letter prefixes with a name and a description")
{
   std::set<std::string_view> tags;
   for (const veil::field_entry& e : text_dictionary) {
      CAPTURE(e.tag);
      CHECK(tags.insert(e.tag).second);
      CHECK(is_prefix_shaped(e.tag));
      CHECK_FALSE(e.name.empty());
      CHECK_FALSE(e.description.empty());
      // A value-dependent entry says in words when it applies, and has a category to apply.
      CHECK(e.condition.empty() == (e.categories_of == nullptr));
      if (e.categories_of != nullptr) {
         CHECK(e.sensitivity.has_value());
      }
   }
}

TEST_CASE("every required prefix is present with its category")
{
   for (const expected_category& expected : required_prefixes) {
      CAPTURE(expected.tag);
      const veil::field_entry* e = text_dictionary.find(expected.tag);
      REQUIRE(e != nullptr);
      CHECK(e->sensitivity == expected.sensitivity);
   }
   CHECK(text_dictionary.find("XYZ") == nullptr);
   CHECK(text_dictionary.find("") == nullptr);
}

TEST_CASE("fields of a fixed category are sensitive whatever their value")
{
   for (const std::string_view tag : { "SOC", "POB", "CTZ", "ARN", "PHN" }) {
      CAPTURE(tag);
      const veil::field_entry* e = text_dictionary.find(tag);
      REQUIRE(e != nullptr);
      CHECK_FALSE(static_cast<bool>(e->categories_of));
      CHECK(e->sensitive_for("ZZ"));
      CHECK(e->sensitive_for(""));
   }
   const veil::field_entry* name = text_dictionary.find("NAM");
   REQUIRE(name != nullptr);
   CHECK_FALSE(name->sensitive_for("DOE,JO"));
}

TEST_CASE("MNU carries the category of its NCIC type, and an unknown type is immigration data")
{
   const veil::field_entry* mnu = text_dictionary.find("MNU");
   REQUIRE(mnu != nullptr);
   CHECK(mnu->sensitivity == category::immigration);
   CHECK_FALSE(mnu->condition.empty());
   CHECK(mnu->categories() == veil::category_mask{ category::immigration, category::ssn });
   const veil::category_mask immigration{ category::immigration };
   for (const std::string_view value :
        { "AR-012345678", "AN-12345", "PP-X1234567", "FN-1234", "AR", " AR-1", "\tpp-1", "SY-000111", "A", "XAR-1" }) {
      CAPTURE(value);
      CHECK(mnu->categories_for(value) == immigration);
   }
   for (const std::string_view value : { "CI-046454286", "ci-1", "  CI" }) {
      CAPTURE(value);
      CHECK(mnu->categories_for(value) == veil::category_mask{ category::ssn });
   }
   for (const std::string_view value : { "MP-123", "OA-1", "VA-10", "SS-1234", "", "   ", "VA-10 SS-1" }) {
      CAPTURE(value);
      CHECK_FALSE(mnu->sensitive_for(value));
   }
   // Every number a reader could see in the value counts: one after a blank, a comma or a
   // semicolon too, and a word of no known type.
   CHECK(mnu->categories_for("VA-10 AR-123") == immigration);
   CHECK(mnu->categories_for("VA-10;CI-1") == veil::category_mask{ category::ssn });
   CHECK(mnu->categories_for("AR-1,CI-2") == veil::category_mask{ category::immigration, category::ssn });
   CHECK(mnu->categories_for("VA 10") == immigration);
   // A control byte inside a type may be unseen by a reader ("C<SOH>I" read as CI) or a
   // separator to another: both readings count.
   CHECK(mnu->categories_for("C\x01I-046454286") == veil::category_mask{ category::immigration, category::ssn });
   CHECK(mnu->categories_for("V\x7f" "A-10") == immigration);
}
