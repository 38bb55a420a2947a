// A policy applied to whole messages: recipients from the header and from the caller,
// the strictest combination over them, per-field overrides and per-state labels reaching
// the redactors, rejections, and audit lines that parse as JSON, carry the deciding
// rules and a time, and hold no value of the message but the notification key.

#include "sample_messages.hpp"

#include <veil/audit.hpp>
#include <veil/format_redactors.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/recipient_list.hpp>

#include <doctest/doctest.h>
#include <simdjson.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using veil::category;
using veil::format;

[[nodiscard]] std::string sample(const char* name)
{
   return veil_test::read_file(veil_test::sample_message_dir() / name);
}

[[nodiscard]] veil::policy::policy_redactor from_json(std::string_view json)
{
   return veil::policy::policy_redactor(veil::policy::read_policy(json));
}

// The federal-partners example of docs/policy.md, shortened.
constexpr std::string_view partners = R"({
   "version": 1,
   "lists": { "immigration_enforcement": ["VTICE0900"] },
   "default": { "redact": ["address"] },
   "rules": [
     { "name": "no-immigration-enforcement", "match": { "recipient": ["@immigration_enforcement"] },
       "withhold": true, "notify": true },
     { "name": "federal-partners", "match": { "recipient": ["DC*"] },
       "redact": ["address", "ssn"], "action": "mask" },
     { "name": "keep-pob-for-iaq", "match": { "message": ["IAQ"] }, "fields": { "nlets:POB": "keep" } }
   ]
})";

}  // namespace

TEST_CASE("policy redactor: the header's recipients and the caller's are decided together, strictest wins")
{
   const veil::policy::policy_redactor r = from_json(partners);
   const std::string dr = sample("dr.txt");  // from WAOLN0000 to ORTEST001

   std::string plain;
   const veil::audit_record by_default = r.redact(format::nlets_text, dr, plain);
   CHECK(by_default.rules == std::vector<std::string>{ "default" });
   CHECK(by_default.result == veil::outcome::redacted);
   CHECK(plain.find("RES ADDR:") == std::string::npos);
   CHECK(plain.find("SSN: XXX-XX-0000") != std::string::npos);

   std::string federal;
   const veil::audit_record masked = r.redact(format::nlets_text, dr, federal, "dr.txt", { "DCFBIWA00" });
   CHECK(masked.rules == std::vector<std::string>{ "default", "federal-partners" });
   CHECK(masked.recipients == std::vector<std::string>{ "ORTEST001" });  // as the header says
   // The default drops, the federal rule masks: drop is the stricter action.
   for (const veil::redacted_field& f : masked.fields) {
      CHECK(f.applied == veil::action::drop);
   }
   CHECK(federal.find("XXX-XX-0000") == std::string::npos);

   std::string withheld = "kept";
   const veil::audit_record ice = r.redact(format::nlets_text, dr, withheld, "dr.txt", { "DCFBIWA00", "VTICE0900" });
   CHECK(ice.result == veil::outcome::withheld);
   CHECK(withheld == "kept");  // nothing appended
   CHECK(ice.rules == std::vector<std::string>{ "default", "federal-partners", "no-immigration-enforcement" });

   // redact_for decides for the named agencies alone, whatever the header says.
   std::string alone;
   const veil::audit_record only_federal = r.redact_for(format::nlets_text, dr, alone, { "DCFBIWA00" });
   CHECK(only_federal.rules == std::vector<std::string>{ "federal-partners" });
   for (const veil::redacted_field& f : only_federal.fields) {
      CHECK(f.applied == veil::action::mask);
   }
   CHECK(alone.size() == dr.size());  // masking keeps every byte's place
}

TEST_CASE("policy redactor: per-field overrides of a rule reach the redactor")
{
   const veil::policy::policy_redactor r = from_json(R"({
      "version": 1,
      "default": { "redact": ["immigration"], "fields": { "nlets:POB": "keep", "nlets:SOC": "mask" } }
   })");
   const std::string iaq = sample("iaq.txt");  // POB/ZZ and ARN/012345678
   std::string out;
   const veil::audit_record audit = r.redact(format::nlets_text, iaq, out);
   CHECK(out.find("POB/ZZ") != std::string::npos);
   CHECK(out.find("012345678") == std::string::npos);
   REQUIRE(audit.fields.size() == 1);
   CHECK(audit.fields[0].tag == "ARN");

   const std::string kr = sample("kr.txt");  // SOC/000000000
   std::string kr_out;
   const veil::audit_record kr_audit = r.redact(format::nlets_text, kr, kr_out);
   CHECK(kr_out.find("SOC/*********") != std::string::npos);
   bool soc_masked = false;
   for (const veil::redacted_field& f : kr_audit.fields) {
      soc_masked = soc_masked || (f.tag == "SOC" && f.applied == veil::action::mask && f.kind == category::ssn);
   }
   CHECK(soc_masked);
}

TEST_CASE("policy redactor: a responding state's labels apply to its messages only")
{
   const veil::policy::policy_redactor r = from_json(R"({
      "version": 1,
      "default": { "redact": ["address", "immigration"] },
      "labels": { "WA": { "address": ["SYNTHETIC RECORD"] }, "AZ": { "immigration": ["HGT/"] } }
   })");
   const std::string dr = sample("dr.txt");  // from WAOLN0000
   std::string wa;
   (void)r.redact(format::nlets_text, dr, wa);
   CHECK(wa.find("SYNTHETIC RECORD") == std::string::npos);
   CHECK(wa.find("HGT/510") != std::string::npos);  // an AZ label does not apply to WA

   std::string from_az = dr;
   from_az.replace(from_az.find("WAOLN0000"), 9, "AZOLN0000");
   std::string az;
   (void)r.redact(format::nlets_text, from_az, az);
   CHECK(az.find("SYNTHETIC RECORD") != std::string::npos);
   CHECK(az.find("HGT/510") == std::string::npos);
}

TEST_CASE("policy redactor: a message that does not parse is rejected before any decision")
{
   const veil::policy::policy_redactor r = from_json(partners);
   std::string out = "before";
   const veil::audit_record audit = r.redact(format::nlets_text, "DR.WAOLN", out, "broken", { "VTICE0900" });
   CHECK(audit.result == veil::outcome::rejected);
   CHECK(out == "before");
   CHECK(audit.rules.empty());
   CHECK_FALSE(audit.notify);
}

TEST_CASE("policy redactor: audit lines parse as JSON, carry rules and time, and no value but the record key")
{
   const veil::policy::policy_redactor r = from_json(partners);
   const std::string dr = sample("dr.txt");
   simdjson::dom::parser parser;
   for (const std::string ori : { "ORTEST001", "DCFBIWA00", "VTICE0900" }) {
      CAPTURE(ori);
      std::string out;
      veil::audit_record audit = r.redact(format::nlets_text, dr, out, "dr.txt", { ori });
      audit.time = veil::time_stamp();
      const std::string line = veil::to_json_line(audit);
      simdjson::dom::element root;
      REQUIRE(parser.parse(line).get(root) == simdjson::SUCCESS);
      std::string_view outcome;
      REQUIRE(root["outcome"].get(outcome) == simdjson::SUCCESS);
      CHECK(outcome == veil::name_of(audit.result));
      simdjson::dom::array rules;
      REQUIRE(root["rules"].get(rules) == simdjson::SUCCESS);
      CHECK(rules.size() == audit.rules.size());
      std::string_view time;
      REQUIRE(root["time"].get(time) == simdjson::SUCCESS);
      CHECK(time.size() == 24);
      // Values of the message never appear; the licence number only when a rule notifies.
      for (const std::string_view value : { "1234 EXAMPLE AVE", "ANYTOWN", "PO BOX 000", "XXX-XX-0000", "555-0100" }) {
         CHECK(line.find(value) == std::string::npos);
      }
      CHECK((line.find("SAMPLPQ123AB") != std::string::npos) == audit.notify);
      CHECK(audit.notify == (ori == "VTICE0900"));
   }
}

TEST_CASE("audit: time stamps are UTC ISO 8601 with milliseconds")
{
   using namespace std::chrono;
   const sys_days day = year{ 2026 } / November / 26;
   CHECK(veil::time_stamp(day + hours{ 21 } + minutes{ 30 } + seconds{ 5 } + milliseconds{ 123 }) ==
         "2026-11-26T21:30:05.123Z");
   CHECK(veil::time_stamp(sys_days{ year{ 1999 } / December / 31 } + hours{ 23 } + minutes{ 59 } + seconds{ 59 }) ==
         "1999-12-31T23:59:59.000Z");
}

TEST_CASE("recipient lists: one ORI or glob per line, comments and blanks skipped, mistakes named by line")
{
   const std::vector<veil::policy::ori_pattern> list =
      veil::policy::read_recipient_list("# ICE field offices\nVTICE0900\r\n  DCICE*  \n\n# end\n", "ice.txt");
   REQUIRE(list.size() == 2);
   CHECK(list[1].text() == "DCICE*");
   try {
      (void)veil::policy::read_recipient_list("VTICE0900\nvtice*\n", "ice.txt");
      FAIL("accepted");
   }
   catch (const veil::policy_error& e) {
      CHECK(std::string(e.what()) == "ice.txt:2: 'vtice*' is not an ORI (9 characters), a destination code (2) or a glob "
                                     "of one (A-Z, 0-9, * and ?)");
   }

   veil::policy::policy p = veil::policy::read_policy(partners);
   veil::policy::extend_list(p, "immigration_enforcement", list);
   CHECK(decide(p, format::nlets_text, "DR", { "DCICE1234" }).withhold);
   CHECK_THROWS_AS(veil::policy::extend_list(p, "nobody", list), veil::policy_error);
}

TEST_CASE("policy redactor: an XML override names the element by its vocabulary, whatever prefix the message binds")
{
   const veil::policy::policy_redactor r = from_json(R"({
      "version": 1,
      "default": { "redact": ["photo", "immigration"], "fields": { "nlets-xml:nc:PersonDigitalImage": "keep" } }
   })");
   const std::string nc = veil_test::read_file(std::filesystem::path(VEIL_SOURCE_DIR) /
                                               "examples/messages/nlets-xml/dr-standardized.xml");
   std::string core = nc;
   for (const auto& [from, to] : { std::pair{ "xmlns:nc=", "xmlns:core=" }, std::pair{ "<nc:", "<core:" },
                                   std::pair{ "</nc:", "</core:" } }) {
      for (std::size_t at = core.find(from); at != std::string::npos; at = core.find(from, at + 1)) {
         core.replace(at, std::string_view(from).size(), to);
      }
   }
   REQUIRE(core.find("<core:PersonDigitalImage>") != std::string::npos);
   for (const std::string& message : { nc, core }) {
      std::string out;
      const veil::audit_record audit = r.redact(format::nlets_xml, message, out);
      REQUIRE(audit.result == veil::outcome::redacted);
      CHECK(out.find("PersonDigitalImage>") != std::string::npos);
      CHECK(out.find("PersonCitizenshipISO3166Alpha2Code>") == std::string::npos);
      for (const veil::redacted_field& f : audit.fields) {
         CHECK(f.kind != category::photo);
      }
   }
}
