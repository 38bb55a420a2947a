// Golden before/after files: every sample message in examples/messages/nlets-text,
// redacted under the default mask (address,photo,immigration) with each action, must
// give tests/golden/nlets-text/<name>.<action>.txt byte for byte. The expected files
// were written from the rules of the format (see the comments in the nlets headers),
// not copied from the redactor. The audit of each message is held to what the files
// show: which fields went, where they stand in the input, and what category they carry.

#include "dropped_field_span.hpp"
#include "nlets_test_support.hpp"
#include "sample_messages.hpp"

#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil_test::redaction;

[[nodiscard]] std::filesystem::path golden_dir()
{
   return std::filesystem::path(VEIL_TEST_DATA_DIR) / "golden" / "nlets-text";
}

[[nodiscard]] std::filesystem::path golden_file(const std::string& sample_name, action applied)
{
   const std::string stem = std::filesystem::path(sample_name).stem().string();
   return golden_dir() / (stem + "." + std::string(veil::name_of(applied)) + ".txt");
}

// What the audit of each sample must say under the default mask, read off the sample by
// hand: the header it names and the tags removed, in input order.
struct expected_audit
{
   std::string message_key;
   std::string sender_ori;
   std::vector<std::string> recipients;
   std::string control_field;
   std::vector<std::string> tags;
};

const std::map<std::string, expected_audit> expected_audits{
   { "dnr.txt", { "DNR", "ORDMV0000", { "ORTEST001" }, "", { "ADR", "ADR" } } },
   { "dq.txt", { "DQ", "ORTEST001", { "WA" }, "SYN0000001", {} } },
   { "dr.txt", { "DR", "WAOLN0000", { "ORTEST001" }, "", { "RES ADDR:", "MAIL ADDR:" } } },
   // An ER echoes the header of the message it refuses: its destination counts as one.
   { "er.txt", { "ER", "NL0000000", { "ORTEST001", "AX" }, "", { "POB", "ARN" } } },
   { "fr.txt", { "FR", "WASIR0000", { "ORTEST001" }, "", { "POB:", "CITIZENSHIP:", "ADDRESS:" } } },
   { "iaq.txt", { "IAQ", "ORTEST001", { "AX" }, "", { "POB", "ARN" } } },
   { "iar.txt", { "IAR", "VTICE0900", { "ORTEST001" }, "", { "ALIEN NO:", "POB:", "POB", "ARN" } } },
   { "ir.txt", { "IR", "WASIR0000", { "ORTEST001" }, "", { "POB", "CTZ", "MNU" } } },
   { "kq.txt", { "KQ", "ORTEST001", { "AZ" }, "", { "POB" } } },
   { "kr.txt", { "KR", "AZOLN0000", { "ORTEST001" }, "", { "ADDRESS:" } } },
   { "lr.txt", { "LR", "ORTEST002", { "ORTEST001" }, "", { "RES ADDR:" } } },
   { "rq.txt", { "RQ", "ORTEST001", { "WA", "OR", "ID" }, "", {} } },
   { "rr.txt", { "RR", "WALIC0000", { "ORTEST001" }, "", { "RES ADDR:" } } },
   { "swq.txt", { "SWQ", "ORTEST001", { "NL" }, "SYNSWQ0001", { "MNU" } } },
};

// The category a tag carries: a free-text label's, or a dictionary prefix's.
[[nodiscard]] std::optional<category> category_of_tag(std::string_view tag)
{
   for (const veil::nlets::label_rule& label : veil::nlets::builtin_labels) {
      if (label.tag == tag) {
         return label.sensitivity;
      }
   }
   if (const veil::field_entry* entry = veil::nlets::text_dictionary.find(tag)) {
      return entry->sensitivity;
   }
   return std::nullopt;
}

[[nodiscard]] bool is_label(std::string_view tag) { return tag.ends_with(':'); }

// What the mask action must write, rebuilt from the input and the audit alone: inside
// each audited field, the bytes after "PFX/", or after the label's colon and the blanks
// after it, become '*', except control characters and the indentation of continuation
// lines.
// If this equals the redactor's output, every offset and length in the audit is exact.
[[nodiscard]] std::string masked_by_audit(std::string_view input, const veil::audit_record& audit)
{
   std::string out(input);
   for (const veil::redacted_field& f : audit.fields) {
      std::size_t i = is_label(f.tag) ? input.find(':', f.offset) + 1 : f.offset + f.tag.size() + 1;
      while (is_label(f.tag) && i < f.offset + f.length && input[i] == ' ') {
         ++i;
      }
      bool line_start = false;
      for (; i < f.offset + f.length; ++i) {
         const auto byte = static_cast<unsigned char>(input[i]);
         const bool control = byte < 0x20 || byte == 0x7f;
         line_start = input[i] == '\n' || (line_start && (input[i] == ' ' || control));
         if (!control && !line_start) {
            out[i] = '*';
         }
      }
   }
   return out;
}

void check_audit(const std::string& name, std::string_view input, const redaction& result, action applied)
{
   const veil::audit_record& audit = result.audit;
   REQUIRE(expected_audits.contains(name));
   const expected_audit& expected = expected_audits.at(name);
   CHECK(audit.format == "nlets-text");
   CHECK(audit.message_key == expected.message_key);
   CHECK(audit.sender_ori == expected.sender_ori);
   CHECK(audit.recipients == expected.recipients);
   CHECK(audit.control_field == expected.control_field);
   CHECK_FALSE(audit.error.has_value());
   CHECK(audit.result == (expected.tags.empty() ? veil::outcome::passed : veil::outcome::redacted));
   CHECK((audit.result == veil::outcome::passed) == (result.output == input));

   std::vector<std::string> tags;
   const std::size_t body_start = input.find("TXT") + 3;
   for (const veil::redacted_field& f : audit.fields) {
      CAPTURE(f.tag);
      CAPTURE(f.offset);
      tags.push_back(f.tag);
      CHECK(f.applied == applied);
      CHECK(category_of_tag(f.tag) == f.kind);
      CHECK(f.offset >= body_start);
      REQUIRE(f.offset + f.length <= input.size());
      const std::string_view field = input.substr(f.offset, f.length);
      // A prefix field is "PFX/value"; a label field runs from the label, however the
      // text spells it, to the end of its value.
      if (is_label(f.tag)) {
         const std::size_t colon = field.find(':');
         CHECK(colon != std::string_view::npos);
         CHECK(field.size() > colon + 1);
      }
      else {
         CHECK(field.starts_with(f.tag + "/"));
         CHECK(field.size() > f.tag.size() + 1);
      }
   }
   CHECK(tags == expected.tags);
}

}  // namespace

TEST_CASE("nlets text golden: every sample has an expected output per action, and nothing else is in the golden dir")
{
   std::set<std::filesystem::path> expected_files;
   for (const veil_test::sample_message& sample : veil_test::sample_messages()) {
      CAPTURE(sample.name);
      CHECK(expected_audits.contains(sample.name));
      for (const action applied : { action::drop, action::mask }) {
         expected_files.insert(golden_file(sample.name, applied));
         CHECK(std::filesystem::is_regular_file(golden_file(sample.name, applied)));
      }
   }
   for (const auto& entry : std::filesystem::directory_iterator(golden_dir())) {
      CAPTURE(entry.path());
      CHECK(expected_files.contains(entry.path()));
   }
   CHECK(expected_audits.size() == veil_test::sample_messages().size());
}

TEST_CASE("nlets text golden: default mask, both actions, byte for byte")
{
   for (const veil_test::sample_message& sample : veil_test::sample_messages()) {
      for (const action applied : { action::drop, action::mask }) {
         CAPTURE(sample.name);
         CAPTURE(veil::name_of(applied));
         const veil_test::text_redactor redactor = veil_test::make_redactor(veil::default_mask, applied);
         const redaction result = veil_test::redact(redactor, sample.bytes);
         REQUIRE_FALSE(result.audit.rejected());
         CHECK(result.output == veil_test::read_file(golden_file(sample.name, applied)));
         check_audit(sample.name, sample.bytes, result, applied);
      }
   }
}

TEST_CASE("nlets text golden: the mask output is the input with exactly the audited values starred")
{
   for (const veil_test::sample_message& sample : veil_test::sample_messages()) {
      CAPTURE(sample.name);
      const redaction masked =
         veil_test::redact(veil_test::make_redactor(veil::default_mask, action::mask), sample.bytes);
      CHECK(masked.output.size() == sample.bytes.size());
      CHECK(masked.output == masked_by_audit(sample.bytes, masked.audit));

      // Both actions remove the same fields; only the action differs.
      const redaction dropped =
         veil_test::redact(veil_test::make_redactor(veil::default_mask, action::drop), sample.bytes);
      veil_test::check_same_fields_across_actions(sample.bytes, dropped.audit, masked.audit);
   }
}

TEST_CASE("nlets text golden: with nothing masked every sample passes unchanged")
{
   for (const veil_test::sample_message& sample : veil_test::sample_messages()) {
      CAPTURE(sample.name);
      const redaction result = veil_test::redact(veil_test::make_redactor(veil::category_mask::none()), sample.bytes);
      CHECK(result.audit.result == veil::outcome::passed);
      CHECK(result.output == sample.bytes);
   }
}
