// `veil redact --policy` and `veil policy`: what is written, withheld and audited per
// message and recipient, recipient lists from files, and the plain-words check.

#include "cli_refusals.hpp"
#include "cli_runner.hpp"
#include "json_checker.hpp"
#include "sample_messages.hpp"
#include "sha256sum.hpp"

#include <veil/policy/presets.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

using veil_test::cli_result;
using veil_test::cli_sandbox;
using veil_test::json_reader;
using veil_test::json_value;

[[nodiscard]] bool contains(std::string_view text, std::string_view part)
{
   return text.find(part) != std::string_view::npos;
}

[[nodiscard]] std::vector<json_value> audit_lines(const std::string& file)
{
   std::vector<json_value> lines;
   std::size_t start = 0;
   for (std::size_t lf = file.find('\n'); lf != std::string::npos; lf = file.find('\n', start)) {
      const std::optional<json_value> line = json_reader::parse(std::string_view(file).substr(start, lf - start));
      REQUIRE(line.has_value());
      lines.push_back(*line);
      start = lf + 1;
   }
   CHECK(start == file.size());
   return lines;
}

[[nodiscard]] std::vector<std::string> strings_of(const json_value& array)
{
   std::vector<std::string> out;
   for (const json_value& item : array.items) {
      out.push_back(item.text);
   }
   return out;
}

}  // namespace

TEST_CASE("veil redact --policy: withheld messages write nothing, others are redacted, every one is audited")
{
   const cli_sandbox box;
   for (const std::string name : { "dr.txt", "iaq.txt", "dq.txt" }) {
      box.write(name, veil_test::sample_bytes(name));
   }
   box.write("broken.txt", "DR.WAOLN");
   const cli_result r = box.run({ "redact", "--policy", "preset:immigration-minimize", "--audit", "audit.jsonl",
                                  "--summary", "dr.txt", "iaq.txt", "broken.txt", "dq.txt" });
   CHECK(r.status == 1);  // broken.txt was rejected
   CHECK(contains(r.err, "veil: broken.txt: byte "));
   CHECK(contains(r.err, "veil: iaq.txt: redacted (rule minimize-for-immigration-enforcement): drop PHN (contact), drop POB"));
   CHECK(contains(r.out, "NAM/SAMPLE, PAT Q"));
   CHECK_FALSE(contains(r.out, "1234 EXAMPLE AVE"));

   const std::vector<json_value> lines = audit_lines(box.read("audit.jsonl").value_or(""));
   REQUIRE(lines.size() == 4);
   const std::vector<std::string> outcomes{ "redacted", "redacted", "rejected", "passed" };
   for (std::size_t i = 0; i < lines.size(); ++i) {
      CAPTURE(i);
      CHECK(lines[i].at("outcome").text == outcomes[i]);
      CHECK(lines[i].at("time").text.size() == 24);
      CHECK(lines[i].at("time").text.back() == 'Z');
   }
   CHECK(strings_of(lines[0].at("rules")) == std::vector<std::string>{ "default" });
   CHECK(strings_of(lines[1].at("rules")) == std::vector<std::string>{ "minimize-for-immigration-enforcement" });
   CHECK(lines[2].find("rules") == nullptr);  // rejected before any rule was asked
   CHECK(lines[0].find("notify") == nullptr);
}

TEST_CASE("veil redact --policy: a withheld message is audited with its rule and the notification key")
{
   const cli_sandbox box;
   box.write("dr.txt", veil_test::sample_bytes("dr.txt"));
   const cli_result r = box.run({ "redact", "--policy", "preset:immigration-withhold", "--recipient", "VTICE0900",
                                  "--audit", "audit.jsonl", "--summary", "dr.txt" });
   CHECK(r.status == 0);
   CHECK(r.out.empty());
   // The header's recipient ORTEST001 gets the default; VTICE0900 the withholding rule.
   CHECK(r.err == "veil: dr.txt: withheld (rules default, withhold-from-immigration-enforcement): nothing released\n");
   const std::vector<json_value> lines = audit_lines(box.read("audit.jsonl").value_or(""));
   REQUIRE(lines.size() == 1);
   CHECK(lines[0].at("outcome").text == "withheld");
   CHECK(lines[0].at("released_to").text == "VTICE0900");
   CHECK(lines[0].at("notify").boolean);
   CHECK(lines[0].at("record_key").text == "SAMPLPQ123AB");
   CHECK(lines[0].at("fields").items.empty());

   const cli_result local = box.run({ "redact", "--policy", "preset:immigration-withhold", "--recipient", "ORTEST001",
                                      "dr.txt" });
   CHECK(local.status == 0);
   CHECK(local.out == veil_test::sample_bytes("dr.txt"));
}

TEST_CASE("veil redact --recipient-list adds a file's ORIs and globs to a policy's list")
{
   const cli_sandbox box;
   box.write("dr.txt", veil_test::sample_bytes("dr.txt"));
   box.write("ice.txt", "# field offices\nDCICE*\n");
   const std::vector<std::string> base{ "redact", "--policy", "preset:immigration-withhold", "--recipient",
                                        "DCICE0001", "dr.txt" };
   CHECK(box.run(base).out == veil_test::sample_bytes("dr.txt"));
   std::vector<std::string> extended = base;
   extended.insert(extended.begin() + 3, { "--recipient-list", "immigration_enforcement=ice.txt" });
   const cli_result r = box.run(extended);
   CHECK(r.status == 0);
   CHECK(r.out.empty());
}

TEST_CASE("veil redact --policy: each audit line names the policy file, its version and the SHA-256 of its bytes")
{
   const cli_sandbox box;
   box.write("dr.txt", veil_test::sample_bytes("dr.txt"));
   // Bytes as a person saves them, CRLF and a trailing blank included: the digest is of
   // the file, not of the JSON it holds.
   box.write("mine.json", "{\"version\": 1,\r\n \"policy_version\": \"2026-12-03 as signed\",\r\n "
                          "\"lists\": {\"ice\": []},\r\n \"rules\": [{\"name\": \"a\", \"match\": "
                          "{\"recipient\": [\"@ice\"]}, \"withhold\": true}]} \r\n");
   box.write("ice.txt", "# field offices\nDCICE*\n");
   box.write("hsi.txt", "VTHSI0100\n");
   box.write("broken.txt", "DR.WAOLN");
   const cli_result r =
      box.run({ "redact", "--policy", "mine.json", "--recipient-list", "ice=ice.txt", "--recipient-list", "ice=hsi.txt",
                "--audit", "audit.jsonl", "-o", "out.txt", "dr.txt", "broken.txt" });
   CHECK(r.status == 1);
   const std::vector<json_value> lines = audit_lines(box.read("audit.jsonl").value_or(""));
   REQUIRE(lines.size() == 2);
   for (const json_value& line : lines) {  // a rejected message was refused under the policy too
      const json_value& policy = line.at("policy");
      CHECK(policy.keys() == std::vector<std::string>{ "name", "version", "sha256", "lists" });
      CHECK(policy.at("name").text == "mine.json");
      CHECK(policy.at("version").text == "2026-12-03 as signed");
      CHECK(policy.at("sha256").text == veil_test::sha256sum_of(box.path("mine.json")));
      const std::vector<json_value>& lists = policy.at("lists").items;
      REQUIRE(lists.size() == 2);
      CHECK(lists[0].at("name").text == "ice");
      CHECK(lists[0].at("file").text == "ice.txt");
      CHECK(lists[0].at("sha256").text == veil_test::sha256sum_of(box.path("ice.txt")));
      CHECK(lists[1].at("file").text == "hsi.txt");
      CHECK(lists[1].at("sha256").text == veil_test::sha256sum_of(box.path("hsi.txt")));
   }
   CHECK(lines[1].at("outcome").text == "rejected");

   // A preset is named preset:NAME, with the version it ships with and the digest of
   // its text, which docs/policies holds byte for byte; a mask alone names no policy.
   const cli_result preset = box.run({ "redact", "--policy", "preset:dppa-highly-restricted", "--audit", "preset.jsonl",
                                       "-o", "out.txt", "dr.txt" });
   CHECK(preset.status == 0);
   const std::vector<json_value> by_preset = audit_lines(box.read("preset.jsonl").value_or(""));
   REQUIRE(by_preset.size() == 1);
   CHECK(by_preset[0].at("policy").keys() == std::vector<std::string>{ "name", "version", "sha256" });
   CHECK(by_preset[0].at("policy").at("name").text == "preset:dppa-highly-restricted");
   CHECK(by_preset[0].at("policy").at("version").text == "2026-12-03");
   CHECK(by_preset[0].at("policy").at("sha256").text ==
         veil_test::sha256sum_of(std::filesystem::path(VEIL_SOURCE_DIR) / "docs/policies/dppa-highly-restricted.json"));

   const cli_result masked = box.run({ "redact", "--mask", "ssn", "--audit", "mask.jsonl", "-o", "out.txt", "dr.txt" });
   CHECK(masked.status == 0);
   const std::vector<json_value> by_mask = audit_lines(box.read("mask.jsonl").value_or(""));
   REQUIRE(by_mask.size() == 1);
   CHECK(by_mask[0].find("policy") == nullptr);
   CHECK(by_mask[0].find("rules") == nullptr);
}

TEST_CASE("veil policy check and show print the identity the audit lines will carry")
{
   const cli_sandbox box;
   box.write("ice.txt", "DCICE*\n");
   const cli_result check = box.run({ "policy", "check", "--recipient-list", "immigration_enforcement=ice.txt",
                                      "preset:immigration-withhold" });
   CHECK(check.status == 0);
   const std::string preset_digest =
      veil_test::sha256sum_of(std::filesystem::path(VEIL_SOURCE_DIR) / "docs/policies/immigration-withhold.json");
   CHECK(check.out.starts_with("preset:immigration-withhold: valid\nversion 2026-12-03, sha256 " + preset_digest +
                               "\nlist immigration_enforcement += ice.txt, sha256 " +
                               veil_test::sha256sum_of(box.path("ice.txt")) + "\n\n"));

   // show's stdout is the JSON alone, to be saved as a file; the identity goes to stderr.
   const cli_result show = box.run({ "policy", "show", "preset:immigration-withhold" });
   CHECK(show.status == 0);
   CHECK(show.err == "preset:immigration-withhold: version 2026-12-03, sha256 " + preset_digest + "\n");
   CHECK(show.out.starts_with("{\n  \"version\": 1,\n  \"policy_version\": \"2026-12-03\",\n"));
}

TEST_CASE("veil policy check prints a valid policy in plain words, with the laws it cites; a broken one exits 2 with its JSON path")
{
   const cli_sandbox box;
   const cli_result preset = box.run({ "policy", "check", "preset:immigration-minimize" });
   CHECK(preset.status == 0);
   CHECK(preset.out.starts_with("preset:immigration-minimize: valid\n"));
   CHECK(contains(preset.out, "list immigration_enforcement, 2 entries: VTICE0900 and AX\n"));
   CHECK(contains(preset.out, "rule 1 'minimize-for-immigration-enforcement': for recipient on list "
                              "immigration_enforcement, remove address, photo, biometric, immigration, ssn and "
                              "contact (drop each field).\n"));
   CHECK(contains(preset.out, "otherwise (default): remove address and immigration (drop each field).\n"
                              "  law: Keep Washington Working Act (2019), C.R.S. 24-74-101 ff., Cal. Gov. Code "
                              "§7284.6\n"));
   CHECK(contains(box.run({ "policy", "check", "preset:immigration-withhold" }).out,
                  "  law: NY VTL §201(12), 625 ILCS 5/6-110.3, 940 CMR 37.04\n"));

   box.write("mine.json", R"({"version": 1, "default": {"redact": ["ssn"], "fields": {"nlets:POB": "keep"},
      "action": "mask"}, "rules": [{"name": "dc", "match": {"recipient": ["DC*", "VTICE0900"], "message": ["DR"],
      "format": ["nlets-text"]}, "withhold": true}], "labels": {"WA": {"address": ["HOME:"]}}})");
   const cli_result mine = box.run({ "policy", "check", "mine.json" });
   CHECK(mine.status == 0);
   CHECK(contains(mine.out, "rule 1 'dc': for recipient DC* or VTICE0900, message DR and format nlets-text, "
                            "withhold the whole message.\n"));
   CHECK(contains(mine.out, "otherwise (default): remove ssn (mask each field's value with '*'); keep nlets:POB.\n"));
   CHECK(contains(mine.out, "free text from WA: a line with 'HOME:' is address\n"));

   box.write("broken.json", R"({"version": 1, "rules": [{"name": "a", "action": "erase"}]})");
   const cli_result broken = box.run({ "policy", "check", "broken.json" });
   CHECK(broken.status == 2);
   CHECK(broken.out.empty());
   CHECK(broken.err == "veil: broken.json: $.rules[0].action: unknown action 'erase' (expected drop or mask)\n");
}

TEST_CASE("veil policy check prints what is suspect as warnings and exits 0; --strict refuses it with 2")
{
   const cli_sandbox box;
   box.write("suspect.json", R"({"version": 1, "lists": {"ice": ["VTICE0900"], "hsi": []},
      "rules": [{"name": "a", "match": {"recipient": ["@ice"]}, "withhold": true}]})");
   const std::string warnings = "warning: suspect.json: $.lists.hsi: no rule names @hsi, so the list decides nothing\n"
                                "warning: suspect.json: $.lists.hsi: is empty, so a rule naming @hsi matches no "
                                "recipient by it\n";
   const cli_result lenient = box.run({ "policy", "check", "suspect.json" });
   CHECK(lenient.status == 0);
   CHECK(lenient.err == warnings);
   CHECK(lenient.out.starts_with("suspect.json: valid, with 2 warnings\nno policy_version, sha256 " +
                                 veil_test::sha256sum_of(box.path("suspect.json")) + "\n\n"));

   const cli_result strict = box.run({ "policy", "check", "--strict", "suspect.json" });
   CHECK(strict.status == 2);
   CHECK(strict.out.empty());
   CHECK(strict.err == warnings + "veil: suspect.json: 2 warnings, refused under --strict\n");

   // A recipient list that fills an empty list answers its warning.
   box.write("hsi.txt", "VTHSI0100\n");
   box.write("filled.json", R"({"version": 1, "lists": {"ice": []},
      "rules": [{"name": "a", "match": {"recipient": ["@ice"]}, "withhold": true}]})");
   const cli_result filled = box.run({ "policy", "check", "--strict", "--recipient-list", "ice=hsi.txt", "filled.json" });
   CHECK(filled.status == 0);
   CHECK(filled.err.empty());
   CHECK(filled.out.starts_with("filled.json: valid\nno policy_version, sha256 " +
                                veil_test::sha256sum_of(box.path("filled.json")) + "\nlist ice += hsi.txt, sha256 " +
                                veil_test::sha256sum_of(box.path("hsi.txt")) + "\n\n"));

   for (const veil::policy::preset& p : veil::policy::presets) {
      CAPTURE(p.name);
      const cli_result preset = box.run({ "policy", "check", "--strict", "preset:" + std::string(p.name) });
      CHECK(preset.status == 0);
      CHECK(preset.err.empty());
   }
   // redact stays silent on warnings: its stderr is for the messages.
   box.write("dq.txt", veil_test::sample_bytes("dq.txt"));
   const cli_result redact = box.run({ "redact", "--policy", "suspect.json", "dq.txt" });
   CHECK(redact.status == 0);
   CHECK(redact.err.empty());
}

TEST_CASE("veil policy check: an unreadable policy or list says why, and a preset's bare name says preset:NAME")
{
   const cli_sandbox box;
   std::filesystem::create_directory(box.path("dir"));
   const std::vector<veil_test::cli_refusal> refused{
      { { "policy", "check", "gone.json" }, "veil: gone.json: cannot read the policy: not found\n" },
      { { "policy", "check", "dir" }, "veil: dir: cannot read the policy: is a directory\n" },
      { { "policy", "check", "immigration-withhold" },
        "veil: immigration-withhold: no such file; to use the preset, give preset:immigration-withhold\n" },
      { { "policy", "check", "--recipient-list", "immigration_enforcement=gone.txt", "preset:immigration-withhold" },
        "veil: gone.txt: cannot read the recipient list: not found\n" },
      { { "policy", "check", "--recipient-list", "immigration_enforcement=dir", "preset:immigration-withhold" },
        "veil: dir: cannot read the recipient list: is a directory\n" },
   };
   veil_test::check_refusals(box, refused);
}

TEST_CASE("veil policy check: a recipient list entry no recipient can be is refused by file and line")
{
   const cli_sandbox box;
   box.write("ice.txt", "# field offices\nDCICE*\n\nVTICE090\n");
   const cli_result r = box.run({ "policy", "check", "--recipient-list", "immigration_enforcement=ice.txt",
                                  "preset:immigration-withhold" });
   CHECK(r.status == 2);
   CHECK(r.out.empty());
   CHECK(r.err == "veil: ice.txt:4: 'VTICE090' is not an ORI (9 characters), a destination code (2) or a glob of one "
                  "(A-Z, 0-9, * and ?)\n");
}

TEST_CASE("veil policy check: a JSON syntax error is named by line and column")
{
   const cli_sandbox box;
   box.write("broken.json", "{\"version\": 1,\n  \"default\": {\"redact\": [\"ssn\"]},\n}\n");
   const cli_result r = box.run({ "policy", "check", "broken.json" });
   CHECK(r.status == 2);
   CHECK(r.err == "veil: broken.json: $: not valid JSON: line 3, column 1: expected a key after ',' (JSON has no ',' "
                  "before '}')\n");
}

TEST_CASE("veil policy show prints each preset as docs/policies has it")
{
   const cli_sandbox box;
   for (const veil::policy::preset& p : veil::policy::presets) {
      const std::string name(p.name);
      CAPTURE(name);
      const cli_result r = box.run({ "policy", "show", "preset:" + name });
      CHECK(r.status == 0);
      CHECK(r.out == veil_test::read_file(std::filesystem::path(VEIL_SOURCE_DIR) / "docs/policies" / (name + ".json")));
   }
   CHECK(box.run({ "policy", "show", "preset:nope" }).status == 2);
   CHECK(box.run({ "policy", "frob" }).status == 2);
   CHECK(box.run({ "policy", "check" }).status == 2);
}
