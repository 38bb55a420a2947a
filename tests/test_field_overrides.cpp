// Per-field overrides (the `overrides` of each format's options): a field overridden to
// keep passes byte for byte although the mask covers its category, and is not audited; a
// field overridden to mask or drop is removed with that action although the mask does not
// cover its category, audited under its dictionary category; a value-dependent field
// (an NCIC MNU, an identification with a category code) goes by its override whatever its
// value; a tag the dictionary gives no category is never removed. Everything else comes
// out as it does without the overrides, the stream redactors do not depend on how the
// input is cut, and the DOM twin agrees with the stream XML redactor.

#include "aamva_test_support.hpp"
#include "ansi_nist_test_support.hpp"
#include "chunk_invariance_support.hpp"
#include "dom_twin_support.hpp"
#include "nlets_test_support.hpp"
#include "sample_messages.hpp"
#include "xml_redactor_test_support.hpp"

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/aamva/payload_reader.hpp>
#include <veil/ansi_nist/ansi_nist_redactor.hpp>
#include <veil/audit.hpp>
#include <veil/field_overrides.hpp>
#include <veil/nlets/text_redactor.hpp>
#include <veil/xml/dom_redactor.hpp>
#include <veil/xml/xml_redactor.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using veil::field_rule;
using veil::default_mask;

using rule_list = std::vector<std::pair<std::string_view, field_rule>>;

template <typename Options>
[[nodiscard]] Options options_with(action applied, rule_list rules)
{
   Options options;
   options.action = applied;
   for (const auto& [tag, rule] : rules) {
      options.overrides.set(tag, rule);
   }
   return options;
}

[[nodiscard]] veil_test::text_redactor text_redactor(category_mask mask, action applied, rule_list rules = {})
{
   return veil_test::text_redactor{ veil::runtime_mask{ mask },
                                    options_with<veil::nlets::text_options>(applied, rules) };
}

[[nodiscard]] veil_test::xml_redactor xml_redactor(category_mask mask, action applied, rule_list rules = {})
{
   return veil_test::xml_redactor{ veil::runtime_mask{ mask }, options_with<veil::xml::xml_options>(applied, rules) };
}

[[nodiscard]] veil_test::aamva_redactor aamva_redactor(category_mask mask, action applied, rule_list rules = {})
{
   return veil_test::aamva_redactor{ veil::runtime_mask{ mask },
                                     options_with<veil::aamva::aamva_options>(applied, rules) };
}

[[nodiscard]] veil_test::ansi_nist_redactor ansi_nist_redactor(category_mask mask, action applied,
                                                               rule_list rules = {})
{
   return veil_test::ansi_nist_redactor{ veil::runtime_mask{ mask },
                                         options_with<veil::ansi_nist::ansi_nist_options>(applied, rules) };
}

// A message redacted under the same mask and action without the overrides, and with them.
struct override_runs
{
   veil_test::redaction plain;
   veil_test::redaction overridden;
};

template <typename Redactor>
[[nodiscard]] override_runs redact_with_and_without(Redactor (*make)(category_mask, action, rule_list),
                                                    std::string_view message, category_mask mask, action applied,
                                                    rule_list rules)
{
   return { veil_test::redact(make(mask, applied, {}), message),
            veil_test::redact(make(mask, applied, rules), message) };
}

// `text` without the first `part`, which must be in it.
[[nodiscard]] std::string without(std::string text, std::string_view part)
{
   const std::size_t at = text.find(part);
   if (at == std::string::npos) {
      throw std::logic_error("'" + std::string(part) + "' is not in the text");
   }
   return text.erase(at, part.size());
}

// `text` with the first `part` replaced by `by`.
[[nodiscard]] std::string replaced(std::string text, std::string_view part, std::string_view by)
{
   const std::size_t at = text.find(part);
   if (at == std::string::npos) {
      throw std::logic_error("'" + std::string(part) + "' is not in the text");
   }
   return text.replace(at, part.size(), by);
}

[[nodiscard]] bool has_item(const std::vector<std::string>& items, std::string_view item)
{
   return std::find(items.begin(), items.end(), item) != items.end();
}

// `items` without the first `item`, which must be one of them.
[[nodiscard]] std::vector<std::string> without_item(std::vector<std::string> items, std::string_view item)
{
   const auto it = std::find(items.begin(), items.end(), item);
   if (it == items.end()) {
      throw std::logic_error("'" + std::string(item) + "' is not there");
   }
   items.erase(it);
   return items;
}

[[nodiscard]] const veil::redacted_field* audited(const veil::audit_record& audit, std::string_view tag)
{
   const auto it = std::find_if(audit.fields.begin(), audit.fields.end(),
                                [tag](const veil::redacted_field& f) { return f.tag == tag; });
   return it == audit.fields.end() ? nullptr : &*it;
}

// `tag` is audited once, as removed with `applied` under `kind`.
void check_audited(const veil::audit_record& audit, std::string_view tag, category kind, action applied)
{
   CAPTURE(tag);
   CHECK(std::count_if(audit.fields.begin(), audit.fields.end(),
                       [tag](const veil::redacted_field& f) { return f.tag == tag; }) == 1);
   const veil::redacted_field* f = audited(audit, tag);
   REQUIRE(f != nullptr);
   CHECK(f->kind == kind);
   CHECK(f->applied == applied);
}

void check_not_audited(const veil::audit_record& audit, std::string_view tag)
{
   CAPTURE(tag);
   CHECK(audited(audit, tag) == nullptr);
}

// The same audit record but for the fields: it names the same message and outcome.
void check_same_message(const veil::audit_record& a, const veil::audit_record& b)
{
   CHECK(a.message_key == b.message_key);
   CHECK(a.sender_ori == b.sender_ori);
   CHECK(a.recipients == b.recipients);
   CHECK(a.result == b.result);
   CHECK(a.notes == b.notes);
}

// Every cut of `message`, every byte its own chunk and random multi-cuts; the redactor
// must not reject it.
template <typename Redactor>
void check_chunk_invariance(const Redactor& redactor, std::string_view message)
{
   veil_test::message_generator random(7);
   const veil_test::reference whole = veil_test::check_all_cuts(redactor, message, random, 10, 64);
   CHECK_FALSE(whole.whole.audit.rejected());
}

// ---- Nlets text --------------------------------------------------------------------------

// IAQ.ORTEST001.AX.TXT, then PUR PHN NAM DOB SEX POB CUS OFF ARN in one field list.
[[nodiscard]] std::string iaq() { return veil_test::sample_bytes("iaq.txt"); }

// ---- XML ---------------------------------------------------------------------------------

[[nodiscard]] std::string xml_message(std::string_view name)
{
   return veil_test::read_file(veil_test::xml_message_dir() / std::string(name));
}

// The first element `qualified_name` of `document`, start tag to end tag, as written.
[[nodiscard]] std::string element_of(std::string_view document, std::string_view qualified_name)
{
   const std::string start = "<" + std::string(qualified_name) + ">";
   const std::string end = "</" + std::string(qualified_name) + ">";
   const std::size_t from = document.find(start);
   const std::size_t to = document.find(end, from);
   if (from == std::string_view::npos || to == std::string_view::npos) {
      throw std::logic_error(std::string(qualified_name) + " is not in the document");
   }
   return std::string(document.substr(from, to + end.size() - from));
}

[[nodiscard]] std::string emptied(std::string_view qualified_name)
{
   return "<" + std::string(qualified_name) + "></" + std::string(qualified_name) + ">";
}

// A driver licence response with a photo, an address, a telephone number and an SSN.
[[nodiscard]] std::string standardized_dr() { return xml_message("dr-standardized.xml"); }

// standardized_dr() under the default mask and `applied`, without and with `rules`.
[[nodiscard]] override_runs redact_standardized_dr(action applied, rule_list rules)
{
   return redact_with_and_without(&xml_redactor, standardized_dr(), default_mask, applied, rules);
}

// ---- AAMVA -------------------------------------------------------------------------------

[[nodiscard]] std::string aamva_message(std::string_view name)
{
   return veil_test::read_file(std::filesystem::path(VEIL_SOURCE_DIR) / "examples" / "messages" / "aamva" /
                               std::string(name));
}

// Every element of a payload ("DAGvalue"), in order; the payload must read strictly.
[[nodiscard]] std::vector<std::string> elements_of(std::string_view payload)
{
   const veil::aamva::payload p = veil::aamva::read_strict(payload);
   std::vector<std::string> elements;
   for (const veil::aamva::subfile& s : p.subfiles) {
      for (const veil::aamva::element_span& e : s.elements) {
         elements.emplace_back(payload.substr(e.begin, e.end - e.begin));
      }
   }
   return elements;
}


[[nodiscard]] bool has_element_starting(const std::vector<std::string>& elements, std::string_view id)
{
   return std::any_of(elements.begin(), elements.end(), [id](const std::string& e) { return e.starts_with(id); });
}

// ---- ANSI/NIST ---------------------------------------------------------------------------

// A transaction from MITRE JET: Type-1, a Type-2 with 2.16 SOC, 2.17 MNU "VA-10",
// 2.20 POB, 2.21 CTZ, 2.39 EAD and 2.41 RES (two-digit tags), and a Type-10 face.
[[nodiscard]] std::string jet_transaction()
{
   return veil_test::read_file(std::filesystem::path(VEIL_TEST_DATA_DIR) / "samples" / "ansi-nist" /
                               "jet_empty_image.eft");
}

struct framed_transaction
{
   std::vector<std::string> type2_fields;  // without its LEN
   std::vector<std::string> other_records;  // every record but Type-2, as written
};

[[nodiscard]] framed_transaction frame_of(std::string_view transaction)
{
   framed_transaction t;
   for (const veil_test::framed_record& r : veil_test::read_frame(transaction)) {
      const std::string_view bytes = transaction.substr(r.offset, r.length);
      if (r.type == 2) {
         t.type2_fields = veil_test::text_fields_of(bytes);
         t.type2_fields.erase(t.type2_fields.begin());
      }
      else {
         t.other_records.emplace_back(bytes);
      }
   }
   return t;
}


// The overridden run holds the records of the plain one, but for the Type-2 fields
// `gone` (removed by an override) and `back` (kept by one).
void check_type2_changes(const override_runs& r, std::initializer_list<std::string_view> gone,
                         std::initializer_list<std::string_view> back)
{
   const framed_transaction plain = frame_of(r.plain.output);
   const framed_transaction overridden = frame_of(r.overridden.output);
   std::vector<std::string> expected = plain.type2_fields;
   for (const std::string_view field : gone) {
      expected = without_item(std::move(expected), field);
   }
   std::vector<std::string> fields = overridden.type2_fields;
   for (const std::string_view field : back) {
      fields = without_item(std::move(fields), field);
   }
   CHECK(fields == expected);
   CHECK(overridden.other_records == plain.other_records);
}

}  // namespace

// ---- Nlets text --------------------------------------------------------------------------

TEST_CASE("field overrides, nlets text: a kept field passes byte for byte, the others still go")
{
   const std::string message = iaq();
   const auto [plain, kept] =
      redact_with_and_without(&text_redactor, message, default_mask, action::drop, { { "POB", field_rule::keep } });
   CHECK(kept.output == without(message, ".ARN/012345678"));
   CHECK(without(kept.output, ".POB/ZZ") == plain.output);
   check_not_audited(kept.audit, "POB");
   check_audited(kept.audit, "ARN", category::immigration, action::drop);
   check_same_message(kept.audit, plain.audit);
}

TEST_CASE("field overrides, nlets text: a field outside the mask goes with the override's action")
{
   const std::string message = iaq();
   const auto [plain, dropped] =
      redact_with_and_without(&text_redactor, message, default_mask, action::drop, { { "PHN", field_rule::drop } });
   CHECK(dropped.output == without(plain.output, ".PHN/5035550100"));
   check_audited(dropped.audit, "PHN", category::contact, action::drop);
   CHECK(dropped.audit.fields.size() == plain.audit.fields.size() + 1);

   // With nothing in the mask, the override alone removes it.
   const veil_test::redaction alone =
      veil_test::redact(text_redactor(category_mask::none(), action::mask, { { "PHN", field_rule::mask } }), message);
   CHECK(alone.output == replaced(message, "PHN/5035550100", "PHN/**********"));
   REQUIRE(alone.audit.fields.size() == 1);
   check_audited(alone.audit, "PHN", category::contact, action::mask);
}

TEST_CASE("field overrides, nlets text: each overridden field takes its own action, in the bytes and the audit")
{
   const std::string message = iaq();
   const veil_test::redaction masked_in_drop =
      veil_test::redact(text_redactor(default_mask, action::drop, { { "POB", field_rule::mask } }), message);
   CHECK(masked_in_drop.output == without(replaced(message, "POB/ZZ", "POB/**"), ".ARN/012345678"));
   check_audited(masked_in_drop.audit, "POB", category::immigration, action::mask);
   check_audited(masked_in_drop.audit, "ARN", category::immigration, action::drop);

   const veil_test::redaction dropped_in_mask =
      veil_test::redact(text_redactor(default_mask, action::mask, { { "POB", field_rule::drop } }), message);
   CHECK(dropped_in_mask.output == without(replaced(message, "ARN/012345678", "ARN/*********"), "POB/ZZ."));
   check_audited(dropped_in_mask.audit, "POB", category::immigration, action::drop);
   check_audited(dropped_in_mask.audit, "ARN", category::immigration, action::mask);
}

TEST_CASE("field overrides, nlets text: an MNU goes by its override, whatever its value says")
{
   using veil_test::query_header;
   // SS: a social security number, not immigration data, so the mask keeps it.
   const std::string other = std::string(query_header) + "NAM/DOE,JO.MNU/SS-123456789.SEX/F";
   CHECK(veil_test::redact(text_redactor(default_mask, action::drop), other).output == other);
   const veil_test::redaction dropped =
      veil_test::redact(text_redactor(default_mask, action::drop, { { "MNU", field_rule::drop } }), other);
   CHECK(dropped.output == without(other, "MNU/SS-123456789."));
   check_audited(dropped.audit, "MNU", category::immigration, action::drop);

   // AR: an alien registration number, which the mask removes unless an override keeps it.
   const std::string alien = std::string(query_header) + "NAM/DOE,JO.MNU/AR012345678.SEX/F";
   CHECK(veil_test::redact(text_redactor(default_mask, action::drop), alien).output ==
         without(alien, "MNU/AR012345678."));
   const veil_test::redaction kept =
      veil_test::redact(text_redactor(default_mask, action::drop, { { "MNU", field_rule::keep } }), alien);
   CHECK(kept.output == alien);
   CHECK(kept.audit.result == veil::outcome::passed);

   // The same in a free-text body, where MNU is a token of a line.
   using veil_test::response_header;
   const std::string line = std::string(response_header) + "NAM/DOE, JO  MNU/SS-123456789\nSEX/F\n";
   const veil_test::redaction token =
      veil_test::redact(text_redactor(default_mask, action::mask, { { "MNU", field_rule::mask } }), line);
   CHECK(token.output == replaced(line, "MNU/SS-123456789", "MNU/************"));
   check_audited(token.audit, "MNU", category::immigration, action::mask);
}

TEST_CASE("field overrides, nlets text: free-text labels are fields too")
{
   const std::string message = veil_test::sample_bytes("dr.txt");
   const std::string residence = "RES ADDR: 1234 EXAMPLE AVE APT 5\n          ANYTOWN WA 99999\n";
   const veil_test::redaction plain = veil_test::redact(text_redactor(default_mask, action::drop), message);
   REQUIRE(plain.output.find("EXAMPLE AVE") == std::string::npos);

   // A kept "RES ADDR:" keeps its line and the line under it; the "ADDR:" inside it is
   // no label of its own; "MAIL ADDR:" still goes.
   const veil_test::redaction kept =
      veil_test::redact(text_redactor(default_mask, action::drop, { { "RES ADDR:", field_rule::keep } }), message);
   CHECK(kept.output.find(residence) != std::string::npos);
   CHECK(without(kept.output, residence) == plain.output);
   check_not_audited(kept.audit, "RES ADDR:");
   check_not_audited(kept.audit, "ADDR:");
   check_audited(kept.audit, "MAIL ADDR:", category::address, action::drop);

   // "SSN:" is outside the mask, "PHONE:" too; each goes by its override.
   const veil_test::redaction removed = veil_test::redact(
      text_redactor(default_mask, action::drop, { { "SSN:", field_rule::drop }, { "PHONE:", field_rule::mask } }),
      message);
   CHECK(removed.output ==
         replaced(without(plain.output, "SSN: XXX-XX-0000\n"), "PHONE: 555-0100", "PHONE: ********"));
   check_audited(removed.audit, "SSN:", category::ssn, action::drop);
   check_audited(removed.audit, "PHONE:", category::contact, action::mask);
   check_audited(removed.audit, "RES ADDR:", category::address, action::drop);
}

TEST_CASE("field overrides, nlets text: a custom label goes by its override like a built-in one")
{
   const std::string message = std::string(veil_test::response_header) + "EMPLOYER: EXAMPLE CO\nNAM/DOE, JO\n";
   veil::nlets::text_options options = options_with<veil::nlets::text_options>(action::drop, {});
   options.extra_labels = { { "EMPLOYER:", category::address } };
   const veil_test::text_redactor plain{ veil::runtime_mask{ default_mask }, options };
   CHECK(veil_test::redact(plain, message).output == without(message, "EMPLOYER: EXAMPLE CO\n"));
   options.overrides.set("EMPLOYER:", field_rule::keep);
   const veil_test::text_redactor kept{ veil::runtime_mask{ default_mask }, options };
   CHECK(veil_test::redact(kept, message).output == message);
}

TEST_CASE("field overrides, nlets text: a tag the dictionary gives no category is never removed")
{
   const std::string message = iaq();
   const veil_test::redaction r =
      veil_test::redact(text_redactor(default_mask, action::drop, { { "NAM", field_rule::drop } }), message);
   CHECK(r.output == veil_test::redact(text_redactor(default_mask, action::drop), message).output);
   check_not_audited(r.audit, "NAM");
}

TEST_CASE("field overrides, nlets text: a static mask with overrides redacts as the same run-time mask does")
{
   const std::string message = iaq();
   const veil::nlets::text_options options = options_with<veil::nlets::text_options>(
      action::drop, { { "POB", field_rule::keep }, { "PHN", field_rule::mask } });
   const veil::nlets::text_redactor<veil::static_mask<default_mask>> compiled{ {}, options };
   CHECK(&compiled.plans() != &veil::nlets::static_text_plans<default_mask>);
   const veil_test::redaction a = veil_test::redact(compiled, message);
   const veil_test::redaction b = veil_test::redact(
      text_redactor(default_mask, action::drop, { { "POB", field_rule::keep }, { "PHN", field_rule::mask } }), message);
   CHECK(a.output == b.output);
   CHECK(veil::to_json_line(a.audit) == veil::to_json_line(b.audit));
   CHECK(a.output.find("POB/ZZ") != std::string::npos);
}

// ---- XML ---------------------------------------------------------------------------------

TEST_CASE("field overrides, xml: a kept element passes byte for byte, the others still go")
{
   const std::string photo = element_of(standardized_dr(), "nc:PersonDigitalImage");
   const auto [plain, kept] = redact_standardized_dr(action::drop, { { "nc:PersonDigitalImage", field_rule::keep } });
   CHECK(kept.output.find(photo) != std::string::npos);
   CHECK(without(kept.output, photo) == plain.output);
   check_not_audited(kept.audit, "nc:PersonDigitalImage");
   check_audited(kept.audit, "nc:Residence", category::address, action::drop);
   check_same_message(kept.audit, plain.audit);
}

TEST_CASE("field overrides, xml: an element outside the mask goes with the override's action")
{
   const std::string phone = element_of(standardized_dr(), "nc:ContactTelephoneNumber");
   const auto [plain, dropped] =
      redact_standardized_dr(action::drop, { { "nc:ContactTelephoneNumber", field_rule::drop } });
   CHECK(dropped.output == without(plain.output, phone));
   check_audited(dropped.audit, "nc:ContactTelephoneNumber", category::contact, action::drop);
   CHECK(dropped.audit.fields.size() == plain.audit.fields.size() + 1);
}

TEST_CASE("field overrides, xml: each overridden element takes its own action, in the bytes and the audit")
{
   const std::string residence = element_of(standardized_dr(), "nc:Residence");
   const auto [plain_drop, masked_in_drop] =
      redact_standardized_dr(action::drop, { { "nc:PersonDigitalImage", field_rule::mask } });
   CHECK(without(masked_in_drop.output, emptied("nc:PersonDigitalImage")) == plain_drop.output);
   CHECK(masked_in_drop.output.find(residence) == std::string::npos);
   check_audited(masked_in_drop.audit, "nc:PersonDigitalImage", category::photo, action::mask);
   check_audited(masked_in_drop.audit, "nc:Residence", category::address, action::drop);

   const auto [plain_mask, dropped_in_mask] =
      redact_standardized_dr(action::mask, { { "nc:Residence", field_rule::drop } });
   CHECK(dropped_in_mask.output == without(plain_mask.output, emptied("nc:Residence")));
   CHECK(dropped_in_mask.output.find(emptied("nc:PersonDigitalImage")) != std::string::npos);
   check_audited(dropped_in_mask.audit, "nc:Residence", category::address, action::drop);
   check_audited(dropped_in_mask.audit, "nc:PersonDigitalImage", category::photo, action::mask);
}

TEST_CASE("field overrides, xml: an identification goes by its override, whatever its category code says")
{
   // OA: not immigration data, so the mask keeps it; AR: the mask removes it.
   const std::string other = xml_message("cpr.xml");
   const std::string other_id = element_of(other, "nc:PersonOtherIdentification");
   CHECK(veil_test::redact(xml_redactor(default_mask, action::drop), other).output.find(other_id) !=
         std::string::npos);
   const veil_test::redaction dropped = veil_test::redact(
      xml_redactor(default_mask, action::drop, { { "nc:PersonOtherIdentification", field_rule::drop } }), other);
   CHECK(dropped.output.find(other_id) == std::string::npos);
   check_audited(dropped.audit, "nc:PersonOtherIdentification", category::immigration, action::drop);

   const std::string alien = xml_message("iaq.xml");
   const std::string alien_id = element_of(alien, "nc:PersonOtherIdentification");
   CHECK(veil_test::redact(xml_redactor(default_mask, action::drop), alien).output.find(alien_id) ==
         std::string::npos);
   const veil_test::redaction kept = veil_test::redact(
      xml_redactor(default_mask, action::drop, { { "nc:PersonOtherIdentification", field_rule::keep } }), alien);
   CHECK(kept.output.find(alien_id) != std::string::npos);
   check_not_audited(kept.audit, "nc:PersonOtherIdentification");
}

TEST_CASE("field overrides, xml: free text inside XML goes by the overrides of its labels and prefixes")
{
   const std::string message = xml_message("dr-free-text.xml");
   const std::string residence = "RES ADDR: 1234 EXAMPLE AVE APT 5\n          ANYTOWN WA 99999\n";
   const auto [plain, r] = redact_with_and_without(&xml_redactor, message, default_mask, action::drop,
                                                   { { "RES ADDR:", field_rule::keep }, { "PHONE:", field_rule::drop } });
   CHECK(without(r.output, residence) == without(plain.output, "PHONE: 555-0100\n"));
   CHECK(r.output.find(residence) != std::string::npos);
   check_not_audited(r.audit, "RES ADDR:");
   check_audited(r.audit, "PHONE:", category::contact, action::drop);
   check_audited(r.audit, "MAIL ADDR:", category::address, action::drop);
}

TEST_CASE("field overrides, xml: the DOM twin decides every overridden field as the stream redactor does")
{
   using dom_redactor = veil::xml::dom_redactor<veil::runtime_mask>;
   const std::vector<rule_list> override_sets{
      { { "nc:PersonDigitalImage", field_rule::keep },
        { "nc:ContactTelephoneNumber", field_rule::drop },
        { "nc:PersonOtherIdentification", field_rule::drop },
        { "ebts:PersonBirthPlaceCode", field_rule::keep },
        { "RES ADDR:", field_rule::keep },
        { "PHONE:", field_rule::mask } },
      { { "nc:Residence", field_rule::mask },
        { "nc:PersonBirthLocation", field_rule::keep },
        { "nc:PersonOtherIdentification", field_rule::keep },
        { "ebts:PersonResidenceLocation", field_rule::drop },
        { "SSN:", field_rule::drop },
        { "POB", field_rule::mask } },
   };
   std::size_t compared = 0;
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      CAPTURE(message.name);
      for (const rule_list& rules : override_sets) {
         for (const category_mask mask : { default_mask, category_mask::none() }) {
            for (const action applied : { action::drop, action::mask }) {
               CAPTURE(mask.to_string());
               CAPTURE(veil::name_of(applied));
               const veil::xml::xml_options options = options_with<veil::xml::xml_options>(applied, rules);
               const veil_test::xml_redactor stream{ veil::runtime_mask{ mask }, options };
               const dom_redactor dom{ veil::runtime_mask{ mask }, options };
               const veil_test::twin_result r = veil_test::redact_both_ways(stream, dom, message.bytes);
               REQUIRE_FALSE(r.stream_audit.rejected());
               CHECK_FALSE(r.difference.has_value());
               if (r.difference) {
                  MESSAGE(*r.difference);
               }
               compared += r.dom_audit.fields.empty() ? 0 : 1;
            }
         }
      }
   }
   CHECK(compared > 0);
}

// ---- AAMVA -------------------------------------------------------------------------------

TEST_CASE("field overrides, aamva: a kept element passes byte for byte, the others still go")
{
   const std::string payload = aamva_message("dl-v10-virginia.txt");
   const auto [plain, kept] =
      redact_with_and_without(&aamva_redactor, payload, default_mask, action::drop, { { "DDA", field_rule::keep } });
   const std::vector<std::string> elements = elements_of(kept.output);
   CHECK(has_item(elements, "DDAF"));
   CHECK(without_item(elements, "DDAF") == elements_of(plain.output));
   CHECK_FALSE(has_element_starting(elements, "DAG"));
   check_not_audited(kept.audit, "DDA");
   check_audited(kept.audit, "DAG", category::address, action::drop);
}

TEST_CASE("field overrides, aamva: an element outside the mask goes with the override's action")
{
   const std::string payload = aamva_message("dl-v10-virginia.txt");
   const category_mask immigration{ category::immigration };
   const auto [plain, dropped] =
      redact_with_and_without(&aamva_redactor, payload, immigration, action::drop, { { "DAG", field_rule::drop } });
   CHECK(elements_of(dropped.output) == without_item(elements_of(plain.output), "DAG2300 WEST BROAD STREET"));
   check_audited(dropped.audit, "DAG", category::address, action::drop);
   CHECK(dropped.audit.fields.size() == plain.audit.fields.size() + 1);

   // An element the dictionary gives no category (the family name) stays, whatever the override.
   const veil_test::redaction named =
      veil_test::redact(aamva_redactor(immigration, action::drop, { { "DCS", field_rule::drop } }), payload);
   CHECK(named.output == plain.output);
   check_not_audited(named.audit, "DCS");
}

TEST_CASE("field overrides, aamva: each overridden element takes its own action, in the bytes and the audit")
{
   const std::string payload = aamva_message("dl-v10-virginia.txt");
   const auto [plain_drop, masked_in_drop] =
      redact_with_and_without(&aamva_redactor, payload, default_mask, action::drop, { { "DAG", field_rule::mask } });
   const std::vector<std::string> masked = elements_of(masked_in_drop.output);
   const std::string starred_street = "DAG" + std::string(std::string_view("2300 WEST BROAD STREET").size(), '*');
   CHECK(has_item(masked, starred_street));
   CHECK(without_item(masked, starred_street) == elements_of(plain_drop.output));
   check_audited(masked_in_drop.audit, "DAG", category::address, action::mask);
   check_audited(masked_in_drop.audit, "DDA", category::immigration, action::drop);

   const auto [plain_mask, dropped_in_mask] =
      redact_with_and_without(&aamva_redactor, payload, default_mask, action::mask, { { "DDA", field_rule::drop } });
   CHECK(elements_of(dropped_in_mask.output) == without_item(elements_of(plain_mask.output), "DDA*"));
   check_audited(dropped_in_mask.audit, "DDA", category::immigration, action::drop);
   check_audited(dropped_in_mask.audit, "DAG", category::address, action::mask);
}

// ---- ANSI/NIST ---------------------------------------------------------------------------

TEST_CASE("field overrides, ansi-nist: a kept Type-2 field passes byte for byte, the others still go")
{
   const std::string transaction = jet_transaction();
   const override_runs r =
      redact_with_and_without(&ansi_nist_redactor, transaction, default_mask, action::drop,
                              { { "2.020", field_rule::keep } });
   check_type2_changes(r, {}, { "2.20:XX" });
   const veil::audit_record& kept = r.overridden.audit;
   check_not_audited(kept, "2.020");
   check_audited(kept, "2.021", category::immigration, action::drop);
   check_audited(kept, "Type-10", category::photo, action::drop);
}

TEST_CASE("field overrides, ansi-nist: a field outside the mask, or of a value the mask keeps, goes by its override")
{
   const std::string transaction = jet_transaction();
   // 2.016 SOC is ssn, outside the mask; 2.017 MNU "VA-10" is no immigration number.
   const override_runs r =
      redact_with_and_without(&ansi_nist_redactor, transaction, default_mask, action::drop,
                              { { "2.016", field_rule::drop }, { "2.017", field_rule::drop } });
   check_type2_changes(r, { "2.16:123456789", "2.17:VA-10" }, {});
   check_audited(r.overridden.audit, "2.016", category::ssn, action::drop);
   check_audited(r.overridden.audit, "2.017", category::immigration, action::drop);
}

TEST_CASE("field overrides, ansi-nist: each overridden field takes its own action; records go by the mask alone")
{
   const std::string transaction = jet_transaction();
   const veil_test::redaction masked_in_drop = veil_test::redact(
      ansi_nist_redactor(default_mask, action::drop,
                         { { "2.041", field_rule::mask }, { "Type-10", field_rule::keep } }),
      transaction);
   const framed_transaction t = frame_of(masked_in_drop.output);
   CHECK(has_item(t.type2_fields, "2.41:" + std::string(std::string_view("RESIDENCE OF SUBJECT").size(), '*')));
   CHECK_FALSE(has_item(t.type2_fields, "2.20:XX"));
   check_audited(masked_in_drop.audit, "2.041", category::address, action::mask);
   check_audited(masked_in_drop.audit, "2.020", category::immigration, action::drop);
   check_audited(masked_in_drop.audit, "Type-10", category::photo, action::drop);

   const veil_test::redaction dropped_in_mask = veil_test::redact(
      ansi_nist_redactor(default_mask, action::mask, { { "2.041", field_rule::drop } }), transaction);
   const framed_transaction u = frame_of(dropped_in_mask.output);
   CHECK(std::none_of(u.type2_fields.begin(), u.type2_fields.end(),
                      [](const std::string& f) { return f.starts_with("2.41:"); }));
   CHECK(has_item(u.type2_fields, "2.20:**"));
   check_audited(dropped_in_mask.audit, "2.041", category::address, action::drop);
   check_audited(dropped_in_mask.audit, "2.020", category::immigration, action::mask);
}

// ---- every format ------------------------------------------------------------------------

TEST_CASE("field overrides: the stream entry points do not depend on how the input is cut")
{
   check_chunk_invariance(
      text_redactor(default_mask, action::drop,
                    { { "POB", field_rule::mask }, { "PHN", field_rule::drop }, { "ARN", field_rule::keep } }),
      iaq());
   check_chunk_invariance(
      text_redactor(default_mask, action::mask,
                    { { "RES ADDR:", field_rule::keep }, { "SSN:", field_rule::drop }, { "NAM", field_rule::drop } }),
      veil_test::sample_bytes("dr.txt"));
   check_chunk_invariance(xml_redactor(default_mask, action::drop,
                                       { { "nc:PersonDigitalImage", field_rule::mask },
                                         { "nc:ContactTelephoneNumber", field_rule::drop },
                                         { "nc:LocationAddress", field_rule::keep } }),
                          standardized_dr());
   check_chunk_invariance(xml_redactor(default_mask, action::mask,
                                       { { "RES ADDR:", field_rule::keep }, { "POB", field_rule::drop } }),
                          xml_message("dr-free-text.xml"));
   check_chunk_invariance(
      aamva_redactor(default_mask, action::drop,
                     { { "DDA", field_rule::keep }, { "DAG", field_rule::mask }, { "DCG", field_rule::drop } }),
      aamva_message("id-v09-synthetic.txt"));
   check_chunk_invariance(
      ansi_nist_redactor(default_mask, action::drop,
                         { { "2.020", field_rule::keep }, { "2.016", field_rule::mask }, { "2.017", field_rule::drop } }),
      jet_transaction());
}
