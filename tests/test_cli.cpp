// The contract of the `veil` command, checked by running the built binary: inputs and
// outputs, masks and actions, exit statuses, audit lines, and the informational commands.

#include "cli_runner.hpp"
#include "json_checker.hpp"
#include "sample_messages.hpp"

#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_redactor.hpp>

#include <sys/stat.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

using veil_test::cli_result;
using veil_test::cli_sandbox;
using veil_test::json_reader;
using veil_test::json_value;
using veil_test::sample_bytes;

namespace {

using args_list = std::vector<std::string>;

// A sandbox holding the named sample messages under their own names.
void add_samples(const cli_sandbox& box, const std::vector<std::string>& names)
{
   for (const std::string& name : names) {
      box.write(name, sample_bytes(name));
   }
}

// What `veil redact ARGS INPUT` writes for one input on its own (must succeed).
[[nodiscard]] std::string redacted_alone(const cli_sandbox& box, args_list args, const std::string& input)
{
   args.insert(args.begin(), "redact");
   args.push_back(input);
   const cli_result r = box.run(args);
   CHECK(r.status == 0);
   CHECK(r.err.empty());
   return r.out;
}

[[nodiscard]] std::vector<std::string> lines_of(const std::string& text)
{
   std::vector<std::string> lines;
   std::size_t start = 0;
   while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      lines.push_back(text.substr(start, end - start));
      start = end == std::string::npos ? text.size() : end + 1;
   }
   return lines;
}

[[nodiscard]] bool contains(std::string_view text, std::string_view part)
{
   return text.find(part) != std::string_view::npos;
}

// A message the Nlets text reader rejects: a NUL byte at offset 21 + 5 = 26 (after the
// 21-byte header line and "NAM/X").
const std::string rejected_message = std::string("IAQ.ORTEST001.AX.TXT\nNAM/X") + '\0' + "Y";
constexpr std::size_t rejected_offset = 26;

// The line the command must print for it, with the reason the library gives.
[[nodiscard]] std::string rejection_line(const std::string& input_name)
{
   std::string ignored;
   const veil::audit_record audit = veil::nlets::text_redactor<>{}.redact(rejected_message, ignored);
   REQUIRE(audit.error.has_value());
   CHECK(audit.error->offset == rejected_offset);
   return "veil: " + input_name + ": byte " + std::to_string(rejected_offset) + ": " + audit.error->reason + "\n";
}

// IAQ sample under the default mask, by hand from the drop rules: POB/ZZ goes with the
// '.' after it, ARN/012345678 (the last field) with the '.' before it.
const std::string iaq_default_drop =
   "IAQ.ORTEST001.AX.TXT\nPUR/C.ATN/DET SAMPLE.PHN/5035550100.NAM/EXAMPLE,ALEX.DOB/19900101.SEX/M.CUS/N.OFF/0399";

}  // namespace

TEST_CASE("veil redact reads stdin when there is no INPUT or the INPUT is '-'")
{
   const cli_sandbox box;
   const std::string iaq = sample_bytes("iaq.txt");
   for (const args_list& args : { args_list{ "redact" }, args_list{ "redact", "-" } }) {
      CAPTURE(args.size());
      const cli_result r = box.run(args, iaq);
      CHECK(r.status == 0);
      CHECK(r.err.empty());
      CHECK(r.out == iaq_default_drop);
   }
}

TEST_CASE("veil redact writes several inputs back to back in input order")
{
   const cli_sandbox box;
   add_samples(box, { "dq.txt", "rq.txt", "kq.txt", "iaq.txt", "dr.txt" });
   // With nothing masked every byte passes, so the output is the inputs concatenated.
   const cli_result plain = box.run({ "redact", "--mask", "none", "dq.txt", "rq.txt", "kq.txt" });
   CHECK(plain.status == 0);
   CHECK(plain.out == sample_bytes("dq.txt") + sample_bytes("rq.txt") + sample_bytes("kq.txt"));
   const cli_result reversed = box.run({ "redact", "--mask", "none", "kq.txt", "rq.txt", "dq.txt" });
   CHECK(reversed.out == sample_bytes("kq.txt") + sample_bytes("rq.txt") + sample_bytes("dq.txt"));

   // Redacted outputs are each message's own output, nothing added between them.
   const cli_result mixed = box.run({ "redact", "iaq.txt", "dr.txt", "-", "dq.txt" }, sample_bytes("kq.txt"));
   CHECK(mixed.status == 0);
   const std::string kq_alone = box.run({ "redact" }, sample_bytes("kq.txt")).out;
   CHECK(mixed.out == redacted_alone(box, {}, "iaq.txt") + redacted_alone(box, {}, "dr.txt") + kq_alone +
                         redacted_alone(box, {}, "dq.txt"));
}

TEST_CASE("veil redact without --mask or --policy uses address,photo,immigration")
{
   const cli_sandbox box;
   add_samples(box, { "iaq.txt" });
   CHECK(redacted_alone(box, {}, "iaq.txt") == iaq_default_drop);
   for (const veil_test::sample_message& sample : veil_test::sample_messages()) {
      CAPTURE(sample.name);
      box.write(sample.name, sample.bytes);
      CHECK(redacted_alone(box, {}, sample.name) ==
            redacted_alone(box, { "--mask", "address,photo,immigration" }, sample.name));
   }
}

TEST_CASE("--mask and --action choose what is removed and how")
{
   const cli_sandbox box;
   add_samples(box, { "iaq.txt", "swq.txt" });
   // Hand-checked: PHN's ten digits become ten stars; nothing else changes.
   CHECK(redacted_alone(box, { "--mask", "contact", "--action", "mask" }, "iaq.txt") ==
         "IAQ.ORTEST001.AX.TXT\nPUR/C.ATN/DET SAMPLE.PHN/**********.NAM/EXAMPLE,ALEX.DOB/19900101.SEX/M.POB/ZZ."
         "CUS/N.OFF/0399.ARN/012345678");
   CHECK(redacted_alone(box, { "--action", "mask" }, "iaq.txt") ==
         "IAQ.ORTEST001.AX.TXT\nPUR/C.ATN/DET SAMPLE.PHN/5035550100.NAM/EXAMPLE,ALEX.DOB/19900101.SEX/M.POB/**."
         "CUS/N.OFF/0399.ARN/*********");
   // ssn and contact: SOC goes with its '.'; the immigration MNU stays (not in the mask).
   CHECK(redacted_alone(box, { "--mask", "ssn,contact" }, "swq.txt") ==
         "SWQ.ORTEST001.NL.SYNSWQ0001.TXT\nNAM/EXAMPLE,ALEX.DOB/19900101.MNU/AR-012345678.MNU/VA-000111."
         "FBI/000000AA0.OLN/SYN123*45-6");
   CHECK(redacted_alone(box, { "--mask", "all", "--action", "drop" }, "swq.txt") ==
         "SWQ.ORTEST001.NL.SYNSWQ0001.TXT\nNAM/EXAMPLE,ALEX.DOB/19900101.MNU/VA-000111.FBI/000000AA0."
         "OLN/SYN123*45-6");
   CHECK(redacted_alone(box, { "--mask", " ssn , contact " }, "swq.txt") ==
         redacted_alone(box, { "--mask", "ssn,contact" }, "swq.txt"));
   CHECK(redacted_alone(box, { "--format", "nlets-text" }, "iaq.txt") == iaq_default_drop);
   CHECK(redacted_alone(box, { "--format", "auto" }, "iaq.txt") == iaq_default_drop);
}

TEST_CASE("a rejected message writes nothing, is reported on stderr, and the others are still written")
{
   const cli_sandbox box;
   add_samples(box, { "dq.txt", "iaq.txt" });
   box.write("bad.txt", rejected_message);
   const std::string expected_out = redacted_alone(box, {}, "dq.txt") + redacted_alone(box, {}, "iaq.txt");

   const cli_result r = box.run({ "redact", "dq.txt", "bad.txt", "iaq.txt" });
   CHECK(r.status == 1);
   CHECK(r.out == expected_out);
   CHECK(r.err == rejection_line("bad.txt"));

   const cli_result to_file = box.run({ "redact", "-o", "out.txt", "dq.txt", "bad.txt", "iaq.txt" });
   CHECK(to_file.status == 1);
   CHECK(to_file.out.empty());
   CHECK(box.read("out.txt") == expected_out);

   const cli_result from_stdin = box.run({ "redact", "dq.txt", "-" }, rejected_message);
   CHECK(from_stdin.status == 1);
   CHECK(from_stdin.out == redacted_alone(box, {}, "dq.txt"));
   CHECK(from_stdin.err == rejection_line("-"));

   box.write("bad2.txt", rejected_message);
   const cli_result all_bad = box.run({ "redact", "bad.txt", "bad2.txt" });
   CHECK(all_bad.status == 1);
   CHECK(all_bad.out.empty());
   CHECK(all_bad.err == rejection_line("bad.txt") + rejection_line("bad2.txt"));
}

namespace {

struct usage_case
{
   args_list args;         // after "redact" (or the whole command line when command_line is set)
   std::string stdin_bytes;
   std::string named;      // stderr must mention this
   bool command_line = false;
};

[[nodiscard]] std::vector<usage_case> usage_cases()
{
   return {
      { { "--frob", "dq.txt" }, "", "--frob" },
      { { "--mask", "address,bogus", "dq.txt" }, "", "bogus" },
      { { "--mask", "", "dq.txt" }, "", "empty" },
      { { "--mask", "ssn", "--policy", "policy.json", "dq.txt" }, "", "--policy" },
      { { "--policy", "policy.json", "dq.txt" }, "", "policy.json: cannot read the policy" },
      { { "--policy", "bad.json", "dq.txt" }, "", "bad.json: $.rules[0].match.recipient[0]: no ORI list named 'ice'" },
      { { "--policy", "preset:nope", "dq.txt" }, "", "no preset named 'nope'" },
      { { "--policy", "preset:immigration-withhold", "--action", "mask", "dq.txt" }, "", "--action" },
      { { "--recipient-list", "immigration_enforcement=ice.txt", "dq.txt" }, "", "--recipient-list" },
      { { "--policy", "preset:immigration-withhold", "--recipient-list", "ice.txt", "dq.txt" }, "", "NAME=FILE" },
      { { "--policy", "preset:immigration-withhold", "--recipient-list", "nobody=ice.txt", "dq.txt" }, "", "'nobody'" },
      { { "--policy", "preset:immigration-withhold", "--recipient-list", "immigration_enforcement=gone.txt", "dq.txt" },
        "",
        "gone.txt: cannot read" },
      { { "--policy", "preset:immigration-withhold", "--recipient-list", "immigration_enforcement=bad-list.txt",
          "dq.txt" },
        "",
        "bad-list.txt:2: 'dc ice' is not an ORI" },
      { { "--action", "erase", "dq.txt" }, "", "erase" },
      { { "--format", "xml", "dq.txt" }, "", "xml" },
      { { "--recipient", "ortest001", "dq.txt" }, "", "recipient" },
      { { "--recipient", "ORTEST00", "dq.txt" }, "", "recipient" },
      { { "--recipient", "W", "dq.txt" }, "", "recipient" },
      { { "--recipient", "OR-TEST01", "dq.txt" }, "", "recipient" },
      { { "dq.txt", "missing.txt" }, "", "missing.txt" },
      { { "-", "-" }, "", "stdin" },
      { { "dq.txt", "--mask" }, "", "--mask" },
      { { "frobnicate" }, "", "frobnicate", true },
      { {}, "", "usage", true },
   };
}

}  // namespace

TEST_CASE("usage errors exit 2 and write nothing: no output, no -o file, no audit file")
{
   const cli_sandbox box;
   add_samples(box, { "dq.txt", "iaq.txt" });
   box.write("existing.txt", "keep me");
   box.write("bad.json", R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": ["@ice"]}}]})");
   box.write("ice.txt", "DCICE*\n");
   box.write("bad-list.txt", "DCICE*\ndc ice\n");
   for (const usage_case& c : usage_cases()) {
      CAPTURE(c.named);
      const args_list base = c.command_line ? c.args : [&] {
         args_list a{ "redact" };
         a.insert(a.end(), c.args.begin(), c.args.end());
         return a;
      }();
      const std::vector<std::string> files_before = box.files();

      const cli_result to_stdout = box.run(base, c.stdin_bytes);
      CHECK(to_stdout.status == 2);
      CHECK(to_stdout.out.empty());
      CHECK(contains(to_stdout.err, c.named));

      if (c.command_line) {
         continue;
      }
      for (const std::string& output : { std::string("new.txt"), std::string("existing.txt") }) {
         CAPTURE(output);
         args_list with_files{ "redact", "-o", output, "--audit", "audit.jsonl" };
         with_files.insert(with_files.end(), base.begin() + 1, base.end());
         const cli_result r = box.run(with_files, c.stdin_bytes);
         CHECK(r.status == 2);
         CHECK(r.out.empty());
         CHECK(box.files() == files_before);
         CHECK(box.read("existing.txt") == "keep me");
      }
   }
}

TEST_CASE("an audit file that cannot be opened is a usage error that leaves -o untouched")
{
   const cli_sandbox box;
   add_samples(box, { "dq.txt" });
   box.write("existing.txt", "keep me");
   const cli_result r = box.run({ "redact", "-o", "existing.txt", "--audit", "no-such-dir/audit.jsonl", "dq.txt" });
   CHECK(r.status == 2);
   CHECK(r.out.empty());
   CHECK(box.read("existing.txt") == "keep me");
   const cli_result fresh = box.run({ "redact", "-o", "new.txt", "--audit", "no-such-dir/audit.jsonl", "dq.txt" });
   CHECK(fresh.status == 2);
   CHECK_FALSE(box.read("new.txt").has_value());
}

TEST_CASE("class 7, -o FILE: replaced when the run ends, and only if a message was released or withheld")
{
   const cli_sandbox box;
   add_samples(box, { "dq.txt", "dr.txt" });
   box.write("bad.txt", rejected_message);
   box.write("bad2.txt", rejected_message);
   box.write("out.txt", "an earlier run's output\n");
   ::chmod(box.path("out.txt").c_str(), 0640);

   // Every message rejected: FILE stays as it was, and no temporary file is left behind.
   const cli_result all_bad = box.run({ "redact", "-o", "out.txt", "bad.txt", "bad2.txt" });
   CHECK(all_bad.status == 1);
   CHECK(box.read("out.txt") == "an earlier run's output\n");
   CHECK(box.files() == std::vector<std::string>{ "bad.txt", "bad2.txt", "dq.txt", "dr.txt", "out.txt" });

   // One released: FILE holds what was released, with the mode it had.
   const cli_result one_good = box.run({ "redact", "-o", "out.txt", "bad.txt", "dq.txt" });
   CHECK(one_good.status == 1);
   CHECK(box.read("out.txt") == redacted_alone(box, {}, "dq.txt"));
   struct stat after {};
   REQUIRE(::stat(box.path("out.txt").c_str(), &after) == 0);
   CHECK((after.st_mode & 07777) == 0640);
   CHECK(box.files() == std::vector<std::string>{ "bad.txt", "bad2.txt", "dq.txt", "dr.txt", "out.txt" });

   // Withheld by a policy: a decision, so FILE is replaced, by nothing.
   const cli_result withheld =
      box.run({ "redact", "--policy", "preset:immigration-withhold", "--recipient", "VTICE0900", "-o", "out.txt", "dr.txt" });
   CHECK(withheld.status == 0);
   CHECK(box.read("out.txt") == "");

   // A rejected stdin leaves a new FILE uncreated.
   const cli_result fresh = box.run({ "redact", "-o", "new.txt", "-" }, rejected_message);
   CHECK(fresh.status == 1);
   CHECK_FALSE(box.read("new.txt").has_value());
}

TEST_CASE("output or audit bytes that cannot be written do not give exit 0")
{
   // Exit 0 promises every message was written; /dev/full accepts the open and fails
   // every write.
   const cli_sandbox box;
   add_samples(box, { "dq.txt" });
   for (const args_list& args : { args_list{ "redact", "-o", "/dev/full", "dq.txt" },
                                  args_list{ "redact", "--audit", "/dev/full", "dq.txt" } }) {
      CAPTURE(args[2]);
      const cli_result r = box.run(args);
      CHECK(r.status != 0);
      CHECK_FALSE(r.err.empty());
   }
}

TEST_CASE("format detection looks past any number of leading blanks, for files as for stdin")
{
   const cli_sandbox box;
   const std::string padded_transaction = std::string(100, ' ') + "1.001:230\x1d";
   box.write("padded.eft", padded_transaction);
   const cli_result from_stdin = box.run({ "redact", "--audit", "stdin.jsonl" }, padded_transaction);
   const cli_result from_file = box.run({ "redact", "--audit", "file.jsonl", "padded.eft" });
   for (const auto& [run, audit] : { std::pair{ from_stdin, "stdin.jsonl" }, std::pair{ from_file, "file.jsonl" } }) {
      const std::string audit_file = audit;
      CAPTURE(audit_file);
      CHECK(run.status == 1);  // read as an ANSI/NIST transaction, which it is not quite
      CHECK(contains(box.read(audit).value_or(""), "\"format\":\"ansi-nist\""));
   }
}

TEST_CASE("an AAMVA payload is found by its '@', after a byte order mark too; --lenient takes scanner damage")
{
   const cli_sandbox box;
   const std::string payload = veil_test::read_file(std::filesystem::path(VEIL_TEST_DATA_DIR) / "samples" / "aamva" /
                                                    "benhovinga_readme_v10_VA_sample.txt");
   box.write("va.bar", payload);
   box.write("bom.bar", "\xEF\xBB\xBF" + payload);
   const cli_result strict = box.run({ "redact", "--summary", "va.bar" });
   CHECK(strict.status == 0);
   CHECK(strict.out.starts_with("@\n\x1e\rANSI 636000100102DL"));
   CHECK_FALSE(contains(strict.out, "DAG2300"));
   CHECK(contains(strict.err, "drop DAG (address)"));
   CHECK(contains(strict.err, "drop DDD (immigration)"));

   const cli_result refused = box.run({ "redact", "bom.bar" });
   CHECK(refused.status == 1);
   CHECK(refused.out.empty());
   CHECK(contains(refused.err, "bom.bar: byte 0: byte order mark before '@' (lenient mode accepts it)"));
   const cli_result lenient = box.run({ "redact", "--lenient", "bom.bar" });
   CHECK(lenient.status == 0);
   CHECK(lenient.out == strict.out);

   // Jurisdiction elements stay unless --strict-unknown says they may be anything.
   CHECK(contains(strict.out, "ZVZVA01"));
   const cli_result unknown = box.run({ "redact", "--strict-unknown", "va.bar" });
   CHECK(unknown.status == 0);
   CHECK_FALSE(contains(unknown.out, "ZVA01"));
   CHECK(contains(unknown.out, "ZV\r"));
}

TEST_CASE("--audit appends one JSON line per message, rejected ones included")
{
   const cli_sandbox box;
   add_samples(box, { "dq.txt", "iaq.txt" });
   box.write("bad.txt", rejected_message);
   const args_list args{ "redact", "--audit", "audit.jsonl", "--recipient", "ORTEST001", "dq.txt", "bad.txt", "iaq.txt" };
   CHECK(box.run(args).status == 1);
   const std::optional<std::string> first = box.read("audit.jsonl");
   REQUIRE(first.has_value());
   const std::vector<std::string> lines = lines_of(*first);
   REQUIRE(lines.size() == 3);
   CHECK(first->back() == '\n');

   const std::vector<std::string> expected_outcome{ "passed", "rejected", "redacted" };
   const std::vector<std::string> expected_input{ "dq.txt", "bad.txt", "iaq.txt" };
   for (std::size_t i = 0; i < lines.size(); ++i) {
      CAPTURE(lines[i]);
      const std::optional<json_value> line = json_reader::parse(lines[i]);
      REQUIRE(line.has_value());
      CHECK(line->at("format").text == "nlets-text");
      CHECK(line->at("input").text == expected_input[i]);
      CHECK(line->at("outcome").text == expected_outcome[i]);
      // Nothing of a rejected message is released, so it names no recipient.
      if (expected_outcome[i] == "rejected") {
         CHECK(line->find("released_to") == nullptr);
      }
      else {
         CHECK(line->at("released_to").text == "ORTEST001");
      }
      CHECK(line->at("sender_ori").text == "ORTEST001");
      CHECK(line->at("fields").type == json_value::kind::array);
      CHECK(line->at("recipients").type == json_value::kind::array);
   }
   const std::optional<json_value> rejected = json_reader::parse(lines[1]);
   REQUIRE(rejected.has_value());
   CHECK(rejected->at("error").at("offset").text == std::to_string(rejected_offset));
   const std::optional<json_value> redacted = json_reader::parse(lines[2]);
   REQUIRE(redacted.has_value());
   CHECK(redacted->at("message_key").text == "IAQ");
   REQUIRE(redacted->at("fields").items.size() == 2);
   CHECK(redacted->at("fields").items[0].at("tag").text == "POB");
   CHECK(redacted->at("fields").items[1].at("tag").text == "ARN");
   // The values of the removed fields are nowhere in the audit.
   CHECK_FALSE(contains(*first, "012345678"));
   CHECK_FALSE(contains(*first, "POB/ZZ"));

   // A second run appends after the first run's lines.
   CHECK(box.run(args).status == 1);
   const std::optional<std::string> second = box.read("audit.jsonl");
   REQUIRE(second.has_value());
   CHECK(lines_of(*second).size() == 6);
   CHECK(second->substr(0, first->size()) == *first);
}

TEST_CASE("--recipient takes a 2- or 9-character code of upper-case letters and digits")
{
   const cli_sandbox box;
   add_samples(box, { "dq.txt" });
   for (const std::string recipient : { "WA", "ORTEST001", "NL0000000" }) {
      CAPTURE(recipient);
      const cli_result r = box.run({ "redact", "--recipient", recipient, "dq.txt" });
      CHECK(r.status == 0);
      CHECK(r.out == sample_bytes("dq.txt"));
   }
}

TEST_CASE("veil fields lists the whole dictionary as text")
{
   const cli_sandbox box;
   const cli_result r = box.run({ "fields" });
   CHECK(r.status == 0);
   const std::vector<std::string> lines = lines_of(r.out);
   for (const veil::field_entry& e : veil::nlets::text_dictionary) {
      CAPTURE(e.tag);
      const std::string category = e.sensitivity ? std::string(veil::name_of(*e.sensitivity)) : "-";
      const auto row = std::find_if(lines.begin(), lines.end(), [&](const std::string& line) {
         return line.starts_with("nlets-text") && contains(line, " " + std::string(e.tag) + " ");
      });
      REQUIRE(row != lines.end());
      CHECK(contains(*row, e.name));
      CHECK(contains(*row, " " + category + " "));
      CHECK(contains(*row, e.description));
   }
   // Without --format every built format is listed, Nlets text first.
   const cli_result chosen = box.run({ "fields", "--format", "nlets-text" });
   CHECK(chosen.status == 0);
   CHECK(std::string_view(r.out).starts_with(chosen.out));
   CHECK(contains(r.out, "nlets-xml"));
   CHECK_FALSE(contains(chosen.out, "nlets-xml"));
}

TEST_CASE("veil fields --json is valid JSON listing every dictionary entry")
{
   const cli_sandbox box;
   for (const args_list& args : { args_list{ "fields", "--json" }, args_list{ "fields", "--format", "nlets-text", "--json" } }) {
      const cli_result r = box.run(args);
      CHECK(r.status == 0);
      const std::optional<json_value> json = json_reader::parse(r.out);
      REQUIRE(json.has_value());
      REQUIRE(json->type == json_value::kind::array);
      for (const veil::field_entry& e : veil::nlets::text_dictionary) {
         CAPTURE(e.tag);
         const auto is_entry = [&](const json_value& item) {
            const json_value* kind = item.find("kind");
            const json_value* tag = item.find("tag");
            return kind != nullptr && kind->text == "field" && tag != nullptr && tag->text == e.tag;
         };
         REQUIRE(std::count_if(json->items.begin(), json->items.end(), is_entry) == 1);
         const json_value& item = *std::find_if(json->items.begin(), json->items.end(), is_entry);
         CHECK(item.at("format").text == "nlets-text");
         CHECK(item.at("name").text == e.name);
         CHECK(item.at("description").text == e.description);
         const json_value* category = item.find("category");
         REQUIRE(category != nullptr);
         if (e.sensitivity) {
            CHECK(category->type == json_value::kind::string);
            CHECK(category->text == veil::name_of(*e.sensitivity));
         }
         else {
            CHECK(category->type == json_value::kind::null);
         }
      }
   }
}

TEST_CASE("veil fields refuses unknown formats")
{
   const cli_sandbox box;
   for (const std::string format : { "xml", "eft" }) {
      CAPTURE(format);
      const cli_result r = box.run({ "fields", "--format", format });
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(contains(r.err, format));
   }
}

TEST_CASE("veil --version prints the project version")
{
   const std::string cmake = veil_test::read_file(std::filesystem::path(VEIL_SOURCE_DIR) / "CMakeLists.txt");
   std::smatch match;
   REQUIRE(std::regex_search(cmake, match, std::regex(R"(project\s*\(\s*veil\s+VERSION\s+([0-9][0-9.]*))")));
   const cli_sandbox box;
   const cli_result r = box.run({ "--version" });
   CHECK(r.status == 0);
   CHECK(r.out == "veil " + match[1].str() + "\n");
}

TEST_CASE("veil --help and veil redact --help exit 0 and mention every option")
{
   const cli_sandbox box;
   const cli_result main_help = box.run({ "--help" });
   CHECK(main_help.status == 0);
   for (const std::string_view word : { "redact", "fields", "--help", "--version" }) {
      CAPTURE(word);
      CHECK(contains(main_help.out, word));
   }

   const cli_result redact_help = box.run({ "redact", "--help" });
   CHECK(redact_help.status == 0);
   for (const std::string_view word :
        { "--mask", "--policy", "--action", "drop", "mask", "--format", "auto", "nlets-text", "nlets-xml", "aamva",
          "ansi-nist", "--recipient", "--audit", "-o FILE", "INPUT", "address,photo,immigration" }) {
      CAPTURE(word);
      CHECK(contains(redact_help.out, word));
   }

   const cli_result fields_help = box.run({ "fields", "--help" });
   CHECK(fields_help.status == 0);
   for (const std::string_view word : { "--format", "--json" }) {
      CAPTURE(word);
      CHECK(contains(fields_help.out, word));
   }
}

TEST_CASE("--label adds free-text labels of a category, and only a masked category counts")
{
   const cli_sandbox box;
   const std::string header = "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n";
   const std::string body = "NAM/DOE,JO\nABODE: 1 MAIN ST\n          ANYTOWN\nKIN: 555-0100\nEND\n";
   box.write("dr.txt", header + body);

   const cli_result plain = box.run({ "redact", "dr.txt" });
   CHECK(plain.status == 0);
   CHECK(plain.out == header + body);

   const cli_result labelled =
      box.run({ "redact", "--label", "ABODE:=address", "--label", "KIN:=contact", "dr.txt" });
   CHECK(labelled.status == 0);
   CHECK(labelled.out == header + "NAM/DOE,JO\nKIN: 555-0100\nEND\n");

   const cli_result contact = box.run(
      { "redact", "--mask", "contact", "--action", "mask", "--label", "KIN:=contact", "--label", "ABODE:=address", "dr.txt" });
   CHECK(contact.status == 0);
   CHECK(contact.out == header + "NAM/DOE,JO\nABODE: 1 MAIN ST\n          ANYTOWN\nKIN: ********\nEND\n");

   for (const std::string spec : { "ABODE:", "=address", "ABODE:=adress" }) {
      CAPTURE(spec);
      const cli_result bad = box.run({ "redact", "--label", spec, "dr.txt" });
      CHECK(bad.status == 2);
      CHECK(bad.out.empty());
   }
}
