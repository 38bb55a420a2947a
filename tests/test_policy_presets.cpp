// The statute presets, applied to messages of every format: what each recipient gets
// follows from the law the preset models, the shipped JSON equals the embedded text, and
// the audit record names the deciding rules — and, only where a rule asks for it, the
// licence number the person-notification duty needs.

#include "sample_messages.hpp"

#include <veil/format_redactors.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/presets.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using veil::category;
using veil::category_mask;
using veil::format;

struct message
{
   format kind;
   fs::path file;
   std::string licence;  // the record key the message carries, "" if none
};

// One message of every format; each holds address, photo or immigration fields.
[[nodiscard]] std::vector<message> messages_of_every_format()
{
   const fs::path root(VEIL_SOURCE_DIR);
   return {
      { format::nlets_text, root / "examples/messages/nlets-text/dr.txt", "SAMPLPQ123AB" },
      { format::nlets_xml, root / "examples/messages/nlets-xml/dr-standardized.xml", "SAMPLPQ123AB" },
      { format::aamva, root / "examples/messages/aamva/dl-v10-virginia.txt", "T64235789" },
      { format::ansi_nist, root / "tests/samples/ansi-nist/jet_S001-01-t10_01.eft", "" },
   };
}

[[nodiscard]] veil::policy::policy_redactor preset(std::string_view name)
{
   const std::optional<std::string_view> text = veil::policy::preset_text(name);
   REQUIRE(text.has_value());
   return veil::policy::policy_redactor(veil::policy::read_policy(*text));
}

struct released
{
   std::string output;
   veil::audit_record audit;
};

// What `ori` alone would receive.
[[nodiscard]] released released_to(const veil::policy::policy_redactor& r, const message& m, const std::string& ori)
{
   released result;
   result.audit = r.redact_for(m.kind, veil_test::read_file(m.file), result.output, { ori }, m.file.filename().string());
   return result;
}

// What the plain mask path writes for the same message, for comparison.
[[nodiscard]] std::string redacted_with(const message& m, category_mask mask)
{
   std::string out;
   const veil::audit_record audit =
      veil::redact_message(m.kind, mask, veil::format_options{}, veil_test::read_file(m.file), out);
   REQUIRE_FALSE(audit.rejected());
   return out;
}

[[nodiscard]] bool only_categories(const veil::audit_record& audit, category_mask mask)
{
   for (const veil::redacted_field& f : audit.fields) {
      if (!mask.contains(f.kind)) {
         return false;
      }
   }
   return true;
}

}  // namespace

TEST_CASE("presets: docs/policies holds the embedded presets byte for byte, each citing its law")
{
   const std::vector<std::pair<std::string, std::string>> cited{
      { "immigration-withhold", "VTL 201(12)" },
      { "dppa-highly-restricted", "18 U.S.C. 2725(4)" },
      { "immigration-minimize", "C.R.S. 24-74-101" },
   };
   CHECK(veil::policy::presets.size() == cited.size());
   for (const auto& entry : cited) {
      const std::string& name = entry.first;
      const std::string& citation = entry.second;
      CAPTURE(name);
      const std::optional<std::string_view> text = veil::policy::preset_text(name);
      REQUIRE(text.has_value());
      CHECK(veil_test::read_file(fs::path(VEIL_SOURCE_DIR) / "docs/policies" / (name + ".json")) == *text);
      const veil::policy::policy p = veil::policy::read_policy(*text);
      CHECK(p.description.find(citation) != std::string::npos);
   }
   CHECK_FALSE(veil::policy::preset_text("immigration").has_value());
}

TEST_CASE("presets: immigration-withhold releases nothing to immigration enforcement, everything to others")
{
   const veil::policy::policy_redactor withhold = preset("immigration-withhold");
   for (const message& m : messages_of_every_format()) {
      CAPTURE(m.file);
      const std::string input = veil_test::read_file(m.file);
      for (const std::string ori : { "VTICE0900", "AX" }) {
         const released ice = released_to(withhold, m, ori);
         CHECK(ice.audit.result == veil::outcome::withheld);
         CHECK(ice.output.empty());
         CHECK(ice.audit.fields.empty());
         CHECK(ice.audit.rules == std::vector<std::string>{ "withhold-from-immigration-enforcement" });
         CHECK(ice.audit.notify);
         CHECK(ice.audit.record_key == m.licence);
      }
      const released local = released_to(withhold, m, "ORTEST001");
      CHECK(local.audit.result == veil::outcome::passed);
      CHECK(local.output == input);
      CHECK(local.audit.rules == std::vector<std::string>{ "default" });
      CHECK_FALSE(local.audit.notify);
      CHECK(local.audit.record_key.empty());
   }
}

TEST_CASE("presets: a message the header sends to ICE is withheld without the caller naming a recipient")
{
   const veil::policy::policy_redactor withhold = preset("immigration-withhold");
   const std::string iaq = veil_test::read_file(veil_test::sample_message_dir() / "iaq.txt");  // to AX, ICE LESC
   std::string out;
   const veil::audit_record audit = withhold.redact(format::nlets_text, iaq, out);
   CHECK(audit.result == veil::outcome::withheld);
   CHECK(out.empty());
   CHECK(audit.recipients == std::vector<std::string>{ "AX" });
}

TEST_CASE("presets: dppa-highly-restricted removes photo, SSN and medical data from every format, nothing else")
{
   const veil::policy::policy_redactor dppa = preset("dppa-highly-restricted");
   const category_mask hrpi{ category::photo, category::ssn, category::medical };
   for (const message& m : messages_of_every_format()) {
      CAPTURE(m.file);
      for (const std::string ori : { "VTICE0900", "ORTEST001" }) {
         const released r = released_to(dppa, m, ori);
         CHECK(r.output == redacted_with(m, hrpi));
         CHECK(only_categories(r.audit, hrpi));
         CHECK(r.audit.rules == std::vector<std::string>{ "default" });
      }
   }
   // The shipped messages hold a photo (XML, ANSI/NIST Type-10) or an SSN line (text).
   const std::vector<message> all = messages_of_every_format();
   CHECK(released_to(dppa, all[0], "ORTEST001").output.find("SSN:") == std::string::npos);
   CHECK(released_to(dppa, all[1], "ORTEST001").output.find("PersonDigitalImage") == std::string::npos);
   const released ebts = released_to(dppa, all[3], "ORTEST001");
   CHECK(ebts.audit.result == veil::outcome::redacted);
   CHECK(std::any_of(ebts.audit.fields.begin(), ebts.audit.fields.end(),
                     [](const veil::redacted_field& f) { return f.kind == category::photo; }));
}

TEST_CASE("presets: immigration-minimize removes address and immigration data for all, more for ICE")
{
   const veil::policy::policy_redactor minimize = preset("immigration-minimize");
   const category_mask everyone{ category::address, category::immigration };
   const category_mask ice{ category::address,  category::immigration, category::photo,
                            category::biometric, category::ssn,         category::contact };
   for (const message& m : messages_of_every_format()) {
      CAPTURE(m.file);
      const released local = released_to(minimize, m, "ORTEST001");
      CHECK(local.output == redacted_with(m, everyone));
      CHECK(local.audit.result == veil::outcome::redacted);
      CHECK(only_categories(local.audit, everyone));
      const released enforcement = released_to(minimize, m, "VTICE0900");
      CHECK(enforcement.output == redacted_with(m, ice));
      CHECK(enforcement.audit.rules == std::vector<std::string>{ "minimize-for-immigration-enforcement" });
      CHECK(enforcement.audit.fields.size() >= local.audit.fields.size());
   }
}

TEST_CASE("presets: no audit line holds a value of the message, but the record key a notifying rule asks for")
{
   for (const veil::policy::preset& p : veil::policy::presets) {
      const veil::policy::policy_redactor redactor = preset(p.name);
      for (const message& m : messages_of_every_format()) {
         const std::string input = veil_test::read_file(m.file);
         // Every sensitive field's value, as the all-categories run finds them.
         std::string ignored;
         const veil::audit_record every =
            veil::redact_message(m.kind, category_mask::all(), veil::format_options{}, input, ignored);
         REQUIRE_FALSE(every.fields.empty());
         for (const std::string ori : { "VTICE0900", "ORTEST001", "DCFBIWA00" }) {
            CAPTURE(p.name);
            CAPTURE(m.file);
            CAPTURE(ori);
            veil::audit_record audit = released_to(redactor, m, ori).audit;
            audit.time = veil::time_stamp();
            const std::string line = veil::to_json_line(audit);
            for (const veil::redacted_field& f : every.fields) {
               // The tag is the field's name, not its value; what follows it is.
               const std::string_view field = std::string_view(input).substr(f.offset, f.length);
               const std::string_view value = field.substr(std::min(field.size(), f.tag.size()));
               if (value.size() >= 6 && (m.licence.empty() || value.find(m.licence) == std::string_view::npos)) {
                  CHECK(line.find(value.substr(0, 6)) == std::string::npos);
               }
            }
            CHECK((!m.licence.empty() && line.find(m.licence) != std::string::npos) == (audit.notify && !m.licence.empty()));
         }
      }
   }
}
