// The promise veil makes, checked on generated messages rather than chosen ones: under
// any mask and either action, no planted value of a masked category reaches the output,
// every planted value of any other category does, the audit names each removed field,
// and the output is itself a message that redacts to the same bytes (so that redacting
// twice equals redacting once).

#include "dropped_field_span.hpp"
#include "nlets_test_support.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using veil::action;

constexpr int iterations = 3000;

void check_redaction(const veil_test::planted_message& message, veil::category_mask mask, action applied)
{
   CAPTURE(message.bytes);
   CAPTURE(mask.to_string());
   CAPTURE(veil::name_of(applied));
   const veil_test::text_redactor redactor =
      veil_test::make_redactor(mask, applied, veil_test::generated_text_options());
   const veil_test::redaction first = veil_test::redact(redactor, message.bytes);
   REQUIRE_FALSE(first.audit.rejected());

   veil_test::check_planted_values(first, message, mask);
   for (const veil::redacted_field& f : first.audit.fields) {
      CHECK(mask.contains(f.kind));
      CHECK(f.applied == applied);
      CHECK(veil_test::shows_tag_where_expected(message.bytes.substr(f.offset, f.length), f.tag, applied));
   }
   if (applied == action::mask) {
      CHECK(first.output.size() == message.bytes.size());
   }

   const veil_test::redaction second = veil_test::redact(redactor, first.output);
   REQUIRE_FALSE(second.audit.rejected());
   CHECK(second.output == first.output);
   if (applied == action::drop) {
      CHECK(second.audit.result == veil::outcome::passed);
   }
}

// Messages made by `make` from the seed, each under a random mask, with both actions.
void check_generated(std::uint32_t seed, veil_test::planted_message (veil_test::message_generator::*make)())
{
   veil_test::message_generator generate(seed);
   for (int i = 0; i < iterations; ++i) {
      const veil_test::planted_message message = (generate.*make)();
      const veil::category_mask mask = generate.mask();
      for (const action applied : { action::drop, action::mask }) {
         check_redaction(message, mask, applied);
      }
   }
}

}  // namespace

TEST_CASE("nlets text leak property: queries under random masks")
{
   check_generated(20240314, &veil_test::message_generator::query);
}

TEST_CASE("nlets text leak property: free-text responses under random masks")
{
   check_generated(19800229, &veil_test::message_generator::response);
}

TEST_CASE("nlets text leak property: the generator plants every category, and values of no category")
{
   // Guards the property above against a generator that stopped covering something.
   veil_test::message_generator generate(7);
   std::size_t per_category[veil::all_categories.size() + 1] = {};
   std::size_t continuation_lines = 0;
   for (int i = 0; i < 200; ++i) {
      for (const veil_test::planted_message& m : { generate.query(), generate.response() }) {
         for (const veil_test::planted_value& v : m.values) {
            ++per_category[v.kind ? static_cast<std::size_t>(*v.kind) : veil::all_categories.size()];
            continuation_lines += v.starts_field ? 0 : 1;
         }
      }
   }
   for (const veil::category c : veil::all_categories) {
      CAPTURE(veil::name_of(c));
      // photo, biometric and medical have no Nlets text field or label to plant.
      const bool has_text_fields =
         c != veil::category::photo && c != veil::category::biometric && c != veil::category::medical;
      CHECK((per_category[static_cast<std::size_t>(c)] > 0) == has_text_fields);
   }
   CHECK(per_category[veil::all_categories.size()] > 0);
   CHECK(continuation_lines > 0);
}
