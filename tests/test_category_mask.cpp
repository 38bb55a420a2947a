// Categories, masks and actions: the vocabulary every reader and the CLI share.

#include <veil/action.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/mask_policy.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

using veil::category;
using veil::category_mask;

namespace {

// The categories the design names, in its order; the code must agree with this list.
constexpr std::array<std::string_view, 7> designed_category_names{
   "address", "photo", "biometric", "immigration", "ssn", "medical", "contact",
};

[[nodiscard]] category_mask mask_from_bits(std::uint8_t bits)
{
   category_mask m;
   m.bits = bits;
   return m;
}

// The message of the policy_error that `parse` throws.
template <typename Parse>
[[nodiscard]] std::string policy_error_of(Parse&& parse)
{
   try {
      (void)parse();
   }
   catch (const veil::policy_error& e) {
      return e.what();
   }
   return "(no error)";
}

[[nodiscard]] std::string error_of(std::string_view mask_text)
{
   return policy_error_of([&] { return veil::parse_mask(mask_text); });
}

}  // namespace

TEST_CASE("the seven designed categories exist and their names round-trip")
{
   REQUIRE(veil::all_categories.size() == designed_category_names.size());
   std::set<std::string_view> seen;
   for (std::size_t i = 0; i < veil::all_categories.size(); ++i) {
      const category c = veil::all_categories[i];
      CHECK(veil::name_of(c) == designed_category_names[i]);
      CHECK(veil::category_from_name(veil::name_of(c)) == c);
      CHECK_FALSE(veil::meaning_of(c).empty());
      CHECK(seen.insert(veil::name_of(c)).second);
   }
   CHECK_FALSE(veil::category_from_name("").has_value());
   CHECK_FALSE(veil::category_from_name("addres").has_value());
   CHECK_FALSE(veil::category_from_name("all").has_value());
}

TEST_CASE("parse_mask reads lists, all and none")
{
   CHECK(veil::parse_mask("address,photo,immigration") == veil::default_mask);
   CHECK(veil::parse_mask("ssn") == category_mask{ category::ssn });
   CHECK(veil::parse_mask("contact,ssn,contact") == category_mask{ category::ssn, category::contact });
   CHECK(veil::parse_mask("all") == category_mask::all());
   CHECK(veil::parse_mask("none").empty());
   for (const category c : veil::all_categories) {
      CHECK(category_mask::all().contains(c));
      CHECK_FALSE(category_mask::none().contains(c));
   }
}

TEST_CASE("parse_mask ignores spaces around names")
{
   CHECK(veil::parse_mask(" address , ssn ") == category_mask{ category::address, category::ssn });
   CHECK(veil::parse_mask("\taddress,\tcontact\t") == category_mask{ category::address, category::contact });
   CHECK(veil::parse_mask("  all  ") == category_mask::all());
   CHECK(veil::parse_mask(" none ").empty());
}

TEST_CASE("parse_mask names the unknown category")
{
   const std::string known = "expected address, photo, biometric, immigration, ssn, medical or contact)";
   CHECK_THROWS_WITH_AS((void)veil::parse_mask("address,addres"), ("unknown category 'addres' (" + known).c_str(),
                        veil::policy_error);
   CHECK(error_of("bogus") == "unknown category 'bogus' (" + known);
   CHECK(error_of("address, zzz ,ssn") == "unknown category 'zzz' (" + known);
   // Case matters: the names are the lower-case ones the documentation gives, and the
   // message says so when only the case is wrong.
   CHECK(error_of("Address") == "unknown category 'Address' (names are lower case; " + known);
   CHECK(error_of("SSN") == "unknown category 'SSN' (names are lower case; " + known);
}

TEST_CASE("parse_mask rejects empty names")
{
   for (const std::string_view text : { "", "   ", "address,", ",address", "address,,ssn", "address, ,ssn" }) {
      CAPTURE(text);
      CHECK_THROWS_AS((void)veil::parse_mask(text), veil::policy_error);
      CHECK(error_of(text) == "empty category name in mask");
   }
}

TEST_CASE("to_string writes canonical names that parse_mask reads back, for every mask")
{
   CHECK(veil::default_mask.to_string() == "address,photo,immigration");
   CHECK(category_mask::none().to_string() == "none");
   CHECK(category_mask::all().to_string() == "address,photo,biometric,immigration,ssn,medical,contact");
   // Order of the text follows the categories, not the order they were given in.
   CHECK(veil::parse_mask("contact,address").to_string() == "address,contact");
   for (unsigned bits = 0; bits < (1U << veil::all_categories.size()); ++bits) {
      const category_mask m = mask_from_bits(static_cast<std::uint8_t>(bits));
      CAPTURE(bits);
      CHECK(veil::parse_mask(m.to_string()) == m);
   }
}

TEST_CASE("mask set operations")
{
   const category_mask a{ category::address };
   const category_mask s{ category::ssn };
   CHECK((a | s) == category_mask{ category::ssn, category::address });
   CHECK((a | s).contains(category::address));
   CHECK((a | s).contains(category::ssn));
   CHECK_FALSE((a | s).contains(category::photo));
   CHECK((a | category_mask::none()) == a);
   CHECK(category_mask::none().empty());
   CHECK_FALSE(a.empty());
}

TEST_CASE("the default mask is address, photo and immigration")
{
   static_assert(veil::default_mask == category_mask{ category::address, category::photo, category::immigration });
   for (const category c : veil::all_categories) {
      const bool expected = c == category::address || c == category::photo || c == category::immigration;
      CHECK(veil::default_mask.contains(c) == expected);
   }
   // A runtime mask nobody configured is the default one.
   CHECK(veil::runtime_mask{}.mask() == veil::default_mask);
}

TEST_CASE("actions parse by name and unknown ones are errors naming them")
{
   CHECK(veil::parse_action("drop") == veil::action::drop);
   CHECK(veil::parse_action("mask") == veil::action::mask);
   for (const veil::action a : { veil::action::drop, veil::action::mask }) {
      CHECK(veil::parse_action(veil::name_of(a)) == a);
   }
   CHECK(veil::mask_byte == '*');
   for (const std::string_view unknown : { "erase", "", "DROP" }) {
      CAPTURE(unknown);
      CHECK_THROWS_AS((void)veil::parse_action(unknown), veil::policy_error);
      const std::string error = policy_error_of([&] { return veil::parse_action(unknown); });
      CHECK(error.find("'" + std::string(unknown) + "'") != std::string::npos);
   }
}
