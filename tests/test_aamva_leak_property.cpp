// The promise veil makes for AAMVA payloads, checked on generated payloads rather than
// chosen ones: under any mask, either action, with jurisdiction elements sensitive or not,
// no planted value of a masked category reaches the output and every other one does; the
// audit names each removed element where it stands in the input; the output reads
// strictly and holds the input's elements less the dropped ones, in order (masked ones
// all '*', the payload's size unchanged), byte for byte the input so rewritten with its
// designators computed anew; and redacting it again changes nothing.

#include "aamva_test_support.hpp"

#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload.hpp>
#include <veil/aamva/payload_reader.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category_mask;

constexpr int iterations = 3000;

// An element as it stands in a payload: its subfile's type and its bytes (id and value).
struct element_text
{
   std::string subfile;
   std::string bytes;

   friend bool operator==(const element_text&, const element_text&) = default;
};

[[nodiscard]] bool removed(const veil_test::planted_value& value, category_mask mask)
{
   return value.kind && mask.contains(*value.kind);
}

// The audit names every removed element, in payload order, with its id, category, action,
// and its offset and length in the input.
void check_audit(const veil_test::planted_payload& payload, const veil_test::planted_message& expected,
                 const veil::audit_record& audit, category_mask mask, action applied)
{
   std::vector<veil::redacted_field> fields;
   for (std::size_t i = 0; i < payload.elements.size(); ++i) {
      const veil_test::planted_element& e = payload.elements[i];
      if (removed(expected.values[i], mask)) {
         fields.push_back({ e.tag, *expected.values[i].kind, applied, e.begin, e.end - e.begin });
      }
   }
   REQUIRE(audit.fields.size() == fields.size());
   for (std::size_t i = 0; i < fields.size(); ++i) {
      const veil::redacted_field& f = audit.fields[i];
      CAPTURE(f.tag);
      CHECK(f.tag == fields[i].tag);
      CHECK(f.kind == fields[i].kind);
      CHECK(f.applied == applied);
      CHECK(f.offset == fields[i].offset);
      CHECK(f.length == fields[i].length);
      CHECK(std::string_view(payload.bytes).substr(f.offset).starts_with(f.tag));
   }
}

// What becomes of element i: itself, its id with every byte of its value '*', or nothing.
[[nodiscard]] std::optional<std::string> redacted_element(const veil_test::planted_message& expected, std::size_t i,
                                                          const std::string& element, category_mask mask,
                                                          action applied)
{
   if (!removed(expected.values[i], mask)) {
      return element;
   }
   if (applied == action::drop) {
      return std::nullopt;
   }
   return element.substr(0, 3) + std::string(element.size() - 3, '*');
}

// The output reads strictly and has the input's subfiles, and the input's elements less
// the dropped ones, in order, each masked one of the same length; and it is, to the byte,
// the input with those elements rewritten and the designators computed anew.
void check_output(const veil_test::planted_payload& payload, const veil_test::planted_message& expected,
                  const std::string& output, category_mask mask, action applied)
{
   veil::aamva::payload read;
   REQUIRE_NOTHROW(read = veil::aamva::read_strict(output));
   CHECK(read.version == payload.version);
   std::vector<element_text> elements;
   for (const veil::aamva::subfile& s : read.subfiles) {
      elements.push_back({ s.type, {} });  // where a subfile starts, as it may have no elements left
      for (const veil::aamva::element_span& span : s.elements) {
         elements.push_back({ s.type, output.substr(span.begin, span.end - span.begin) });
      }
   }
   std::vector<element_text> staying;
   std::size_t i = 0;
   for (const veil_test::generated_subfile& s : payload.subfiles) {
      staying.push_back({ s.type, {} });
      for (const std::string& element : s.elements) {
         if (const std::optional<std::string> e = redacted_element(expected, i++, element, mask, applied)) {
            staying.push_back({ s.type, *e });
         }
      }
   }
   CHECK(elements == staying);
   CHECK(output == payload.rewritten([&](std::size_t at, const std::string& element) {
      return redacted_element(expected, at, element, mask, applied);
   }));
   if (applied == action::mask) {
      CHECK(output.size() == payload.bytes.size());
   }
}

void check_redaction(const veil_test::planted_payload& payload, category_mask mask, action applied,
                     bool unknown_elements_sensitive)
{
   CAPTURE(payload.bytes);
   CAPTURE(mask.to_string());
   CAPTURE(veil::name_of(applied));
   CAPTURE(unknown_elements_sensitive);
   veil::aamva::aamva_options options;
   options.unknown_elements_sensitive = unknown_elements_sensitive;
   const veil_test::aamva_redactor redactor = veil_test::make_aamva_redactor(mask, applied, options);
   const veil_test::redaction first = veil_test::redact(redactor, payload.bytes);
   REQUIRE_FALSE(first.audit.rejected());

   const veil_test::planted_message expected = payload.under(mask, unknown_elements_sensitive);
   veil_test::check_planted_values(first, expected, mask);
   check_audit(payload, expected, first.audit, mask, applied);
   check_output(payload, expected, first.output, mask, applied);

   const veil_test::redaction second = veil_test::redact(redactor, first.output);
   REQUIRE_FALSE(second.audit.rejected());
   CHECK(second.output == first.output);
   if (applied == action::drop) {
      CHECK(second.audit.result == veil::outcome::passed);
   }
}

[[nodiscard]] bool has_jurisdiction_subfile(const veil_test::planted_payload& payload)
{
   return payload.subfiles.back().type.starts_with('Z');
}

}  // namespace

TEST_CASE("aamva leak property: generated payloads under random masks, both actions, unknown elements sensitive or not")
{
   veil_test::aamva_payload_generator generate(20240314);
   int sensitive_jurisdiction_elements = 0;
   for (int i = 0; i < iterations; ++i) {
      const veil_test::planted_payload payload = generate.payload();
      const category_mask mask = generate.mask();
      const bool unknown_elements_sensitive = generate.chance(4);
      for (const action applied : { action::drop, action::mask }) {
         check_redaction(payload, mask, applied, unknown_elements_sensitive);
      }
      sensitive_jurisdiction_elements +=
         unknown_elements_sensitive && !mask.empty() && has_jurisdiction_subfile(payload) ? 1 : 0;
   }
   // Some payloads had jurisdiction elements that the option made the mask remove.
   CHECK(sensitive_jurisdiction_elements > 0);
}

TEST_CASE("aamva leak property: the generator covers every category of the dictionary, every version, every subfile form")
{
   // Guards the property above against a generator that stopped covering something.
   veil_test::aamva_payload_generator generate(7);
   std::array<std::size_t, veil::all_categories.size() + 1> per_category{};
   std::set<unsigned> versions;
   std::size_t two_standard_subfiles = 0;
   std::size_t jurisdiction_subfiles = 0;
   std::size_t separators_before_terminator = 0;
   std::size_t padded_values = 0;
   for (int i = 0; i < 300; ++i) {
      const veil_test::planted_payload p = generate.payload();
      for (const veil_test::planted_value& v : p.values) {
         ++per_category[v.kind ? static_cast<std::size_t>(*v.kind) : veil::all_categories.size()];
      }
      versions.insert(p.version);
      two_standard_subfiles += p.subfiles.size() >= 2 && !p.subfiles[1].type.starts_with('Z') ? 1 : 0;
      jurisdiction_subfiles += has_jurisdiction_subfile(p) ? 1 : 0;
      separators_before_terminator += p.bytes.find("\n\r") != std::string::npos ? 1 : 0;
      padded_values += p.bytes.find(" \n") != std::string::npos || p.bytes.find(" \r") != std::string::npos ? 1 : 0;
   }
   for (const veil::category c : veil::all_categories) {
      CAPTURE(veil::name_of(c));
      bool in_dictionary = false;
      for (const veil::aamva::element_entry& entry : veil::aamva::element_dictionary) {
         in_dictionary = in_dictionary || entry.sensitivity == c;
      }
      CHECK((per_category[static_cast<std::size_t>(c)] > 0) == in_dictionary);
   }
   CHECK(per_category[veil::all_categories.size()] > 0);  // values no mask removes
   for (unsigned v = 1; v <= veil::aamva::newest_version; ++v) {
      CAPTURE(v);
      CHECK(versions.contains(v));
   }
   CHECK(versions.size() == veil::aamva::newest_version);
   CHECK(two_standard_subfiles > 0);
   CHECK(jurisdiction_subfiles > 0);
   CHECK(separators_before_terminator > 0);
   CHECK(padded_values > 0);
}
