// The promise veil makes for XML, checked on generated messages rather than chosen
// ones: under any mask and either action, no planted value of a masked category reaches
// the output, every planted value of any other category does, the audit names each
// removed element or free-text field where it stands in the input, the output is
// well-formed XML, and redacting it again changes nothing.

#include "dropped_field_span.hpp"
#include "xml_redactor_test_support.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace {

using veil::action;

constexpr int iterations = 3000;

[[nodiscard]] veil::xml::xml_options generated_xml_options()
{
   veil::xml::xml_options options;
   options.extra_labels = veil_test::generated_extra_labels;
   return options;
}

void check_audit_spans(std::string_view input, const veil::audit_record& audit, veil::category_mask mask,
                       action applied)
{
   for (const veil::redacted_field& f : audit.fields) {
      CAPTURE(f.tag);
      CHECK(mask.contains(f.kind));
      CHECK(f.applied == applied);
      REQUIRE(f.offset + f.length <= input.size());
      const std::string_view span = input.substr(f.offset, f.length);
      if (span.starts_with('<')) {
         CHECK(span.starts_with("<" + f.tag));
         CHECK(span.ends_with('>'));
      }
      else {
         CHECK(veil_test::shows_tag_where_expected(span, f.tag, applied));  // a free-text label or prefix
      }
   }
}

void check_redaction(const veil_test::planted_xml_message& message, veil::category_mask mask, action applied)
{
   CAPTURE(message.bytes);
   CAPTURE(mask.to_string());
   CAPTURE(veil::name_of(applied));
   const veil_test::xml_redactor redactor = veil_test::make_xml_redactor(mask, applied, generated_xml_options());
   const veil_test::redaction first = veil_test::redact(redactor, message.bytes);
   REQUIRE_FALSE(first.audit.rejected());

   veil_test::check_planted_values(first, message, mask);
   CHECK(first.audit.message_key == "DR");
   check_audit_spans(message.bytes, first.audit, mask, applied);
   CHECK_FALSE(veil_test::xml_error(first.output).has_value());

   const veil_test::redaction second = veil_test::redact(redactor, first.output);
   REQUIRE_FALSE(second.audit.rejected());
   CHECK(second.output == first.output);
   if (applied == action::drop) {
      CHECK(second.audit.result == veil::outcome::passed);
   }
}

}  // namespace

TEST_CASE("xml leak property: generated Nlets XML messages under random masks, both actions")
{
   veil_test::xml_message_generator generate(20240314);
   for (int i = 0; i < iterations; ++i) {
      const veil_test::planted_xml_message message = generate.message();
      const veil::category_mask mask = generate.mask();
      for (const action applied : { action::drop, action::mask }) {
         check_redaction(message, mask, applied);
      }
   }
}

TEST_CASE("xml leak property: the generator plants every category, values of none, and every kind of item")
{
   // Guards the property above against a generator that stopped covering something.
   veil_test::xml_message_generator generate(7);
   std::size_t per_category[veil::all_categories.size() + 1] = {};
   std::size_t fields_per_category[veil::all_categories.size()] = {};
   std::size_t identifications = 0;
   std::size_t free_texts = 0;
   std::size_t default_namespaces = 0;
   std::size_t niem3 = 0;
   for (int i = 0; i < 300; ++i) {
      const veil_test::planted_xml_message m = generate.message();
      for (const veil_test::planted_value& v : m.values) {
         ++per_category[v.kind ? static_cast<std::size_t>(*v.kind) : veil::all_categories.size()];
      }
      for (const veil::category c : m.fields) {
         ++fields_per_category[static_cast<std::size_t>(c)];
      }
      identifications += m.bytes.find("PersonOtherIdentification") != std::string::npos ? 1 : 0;
      free_texts += m.bytes.find("ResponseText") != std::string::npos ? 1 : 0;
      default_namespaces += m.bytes.find(" xmlns=\"") != std::string::npos ? 1 : 0;
      niem3 += m.bytes.find("niem-core/3.0/") != std::string::npos ? 1 : 0;
   }
   for (const veil::category c : veil::all_categories) {
      CAPTURE(veil::name_of(c));
      // The dictionary has no medical element, and no Nlets label or prefix is medical.
      const bool has_fields = c != veil::category::medical;
      CHECK((per_category[static_cast<std::size_t>(c)] > 0) == has_fields);
      CHECK((fields_per_category[static_cast<std::size_t>(c)] > 0) == has_fields);
   }
   CHECK(per_category[veil::all_categories.size()] > 0);
   CHECK(identifications > 0);
   CHECK(free_texts > 0);
   CHECK(default_namespaces > 0);
   CHECK(niem3 > 0);
}
