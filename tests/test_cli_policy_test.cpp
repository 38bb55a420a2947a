// `veil policy test POLICY TESTS`: a state's assertions about its policy, as its CI runs
// them — what passes, what fails and how it is reported, and every way a tests file can
// be wrong.

#include "cli_runner.hpp"
#include "sample_messages.hpp"

#include <veil/policy/presets.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil_test::cli_result;
using veil_test::cli_sandbox;

[[nodiscard]] bool contains(std::string_view text, std::string_view part)
{
   return text.find(part) != std::string_view::npos;
}

// A tests file of one case.
[[nodiscard]] std::string one_case(std::string_view message, std::string_view recipients, std::string_view expect)
{
   return R"({ "version": 1, "cases": [ { "name": "the case", "message": ")" + std::string(message) +
          R"(", "recipients": )" + std::string(recipients) + R"(, "expect": )" + std::string(expect) + " } ] }";
}

[[nodiscard]] cli_result run_one(const cli_sandbox& box, std::string_view policy, std::string_view tests)
{
   box.write("tests.json", tests);
   return box.run({ "policy", "test", std::string(policy), "tests.json" });
}

}  // namespace

TEST_CASE("veil policy test: every preset ships its tests, and passes them")
{
   namespace fs = std::filesystem;
   const cli_sandbox box;
   for (const veil::policy::preset& p : veil::policy::presets) {
      const std::string name(p.name);
      CAPTURE(name);
      const fs::path tests = fs::path(VEIL_SOURCE_DIR) / "docs" / "policies" / (name + ".test.json");
      REQUIRE(fs::exists(tests));
      const cli_result r = box.run({ "policy", "test", "preset:" + name, tests.string() });
      CHECK(r.status == 0);
      CHECK_FALSE(contains(r.out, "FAIL"));
      CHECK(contains(r.out, " passed, 0 failed\n"));
   }
}

TEST_CASE("veil policy test: a case that does not hold fails, named, with what happened, and the exit status is 1")
{
   const cli_sandbox box;
   box.write("tests.json", R"({ "version": 1, "cases": [
      { "name": "ICE is withheld", "message": "sample:nlets-text/dr.txt", "recipients": ["VTICE0900"],
        "expect": { "withheld": true, "notify": true } },
      { "name": "a sheriff gets no address", "message": "sample:nlets-text/dr.txt", "recipients": ["WA0170000"],
        "expect": { "absent": ["address"], "outcome": "redacted", "rules": ["default", "other"] } } ] })");
   const cli_result r = box.run({ "policy", "test", "preset:immigration-withhold", "tests.json" });
   CHECK(r.status == 1);
   CHECK(contains(r.out, "PASS ICE is withheld\n"));
   CHECK(contains(r.out, "FAIL a sheriff gets no address\n"));
   CHECK(contains(r.out, "  expected outcome redacted, got outcome passed, rules default\n"));
   CHECK(contains(r.out, "  expected rules default, other, got outcome passed, rules default\n"));
   CHECK(contains(r.out, "  expected address absent, but the output shows it (outcome passed, rules default)\n"));
   CHECK(contains(r.out, "2 cases: 1 passed, 1 failed\n"));
   CHECK(r.err.empty());
}

TEST_CASE("veil policy test: absent and present are what a reader of the released bytes finds")
{
   const cli_sandbox box;
   const std::string dr = veil_test::sample_bytes("dr.txt");
   REQUIRE(contains(dr, "1234 EXAMPLE AVE"));
   REQUIRE(contains(dr, "SSN: XXX-XX-0000"));
   struct example
   {
      std::string policy;
      std::string expect;
      bool holds;
   };
   const std::vector<example> examples = {
      // dropped: gone
      { R"({ "version": 1, "default": { "redact": ["address"] } })", R"({ "absent": ["address"] })", true },
      { R"({ "version": 1, "default": { "redact": ["address"] } })", R"({ "present": ["address"] })", false },
      // masked: the value is mask bytes, which show nothing
      { R"({ "version": 1, "default": { "redact": ["address"], "action": "mask" } })", R"({ "absent": ["address"] })",
        true },
      { R"({ "version": 1, "default": { "redact": ["address"], "action": "mask" } })", R"({ "present": ["address"] })",
        false },
      // released: there
      { R"({ "version": 1, "default": { "redact": ["address"] } })", R"({ "present": ["ssn", "contact"] })", true },
      { R"({ "version": 1, "default": { "redact": ["address"] } })", R"({ "absent": ["ssn"] })", false },
      // a field by its id, whatever its category does
      { R"({ "version": 1, "default": { "redact": [] , "fields": { "nlets:SSN:": "drop" } } })",
        R"({ "absent": ["nlets:SSN:"], "present": ["address", "nlets:PHONE:"] })", true },
      { R"({ "version": 1, "default": { "redact": ["ssn"], "fields": { "nlets:SSN:": "keep" } } })",
        R"({ "absent": ["nlets:SSN:"] })", false },
   };
   for (const example& e : examples) {
      CAPTURE(e.policy);
      CAPTURE(e.expect);
      box.write("policy.json", e.policy);
      const cli_result r = run_one(box, "policy.json", one_case("sample:nlets-text/dr.txt", R"(["WA0170000"])", e.expect));
      CHECK(r.status == (e.holds ? 0 : 1));
      CHECK(contains(r.out, e.holds ? "PASS the case" : "FAIL the case"));
   }
   // Withheld, nothing is released: everything is absent, nothing present.
   const cli_result withheld = run_one(box, "preset:immigration-withhold",
                                       one_case("sample:nlets-text/dr.txt", R"(["VTICE0900"])",
                                                R"({ "absent": ["address", "nlets:POB"], "present": ["ssn"] })"));
   CHECK(withheld.status == 1);
   CHECK(contains(withheld.out, "  expected ssn present, but the output is nothing: the message was withheld"));
   CHECK_FALSE(contains(withheld.out, "expected address"));
}

TEST_CASE("veil policy test: messages from files relative to the tests file, rejected messages, recipient lists")
{
   const cli_sandbox box;
   std::filesystem::create_directories(box.path("ci/messages"));
   box.write("ci/messages/dr.txt", veil_test::sample_bytes("dr.txt"));
   box.write("ci/messages/broken.txt", "DR.WAOLN");
   box.write("ci/ice.txt", "VTICE0901\n");
   box.write("ci/tests.json", R"({ "version": 1, "cases": [
      { "name": "from a file", "message": "messages/dr.txt", "recipients": ["VTICE0901"],
        "expect": { "withheld": true } },
      { "name": "a broken message is rejected", "message": "messages/broken.txt", "recipients": ["ORTEST001"],
        "expect": { "outcome": "rejected", "absent": ["address"] } },
      { "name": "format given", "message": "messages/dr.txt", "format": "nlets-text", "recipients": ["ORTEST001"],
        "expect": { "outcome": "passed" } } ] })");
   const cli_result r = box.run({ "policy", "test", "--recipient-list", "immigration_enforcement=ci/ice.txt",
                                  "preset:immigration-withhold", "ci/tests.json" });
   CHECK(r.status == 0);
   CHECK(contains(r.out, "3 cases: 3 passed, 0 failed\n"));
   // Without the list, VTICE0901 is anybody.
   const cli_result without = box.run({ "policy", "test", "preset:immigration-withhold", "ci/tests.json" });
   CHECK(without.status == 1);
   CHECK(contains(without.out, "FAIL from a file\n  expected withheld, got outcome passed, rules default\n"));
   // A failing rejection names where and why.
   box.write("ci/tests2.json", R"({ "version": 1, "cases": [
      { "name": "broken", "message": "messages/broken.txt", "recipients": ["ORTEST001"],
        "expect": { "outcome": "passed" } } ] })");
   const cli_result rejected = box.run({ "policy", "test", "preset:immigration-withhold", "ci/tests2.json" });
   CHECK(rejected.status == 1);
   CHECK(contains(rejected.out, "  expected outcome passed, got outcome rejected (byte "));
}

TEST_CASE("veil policy test: a tests file that cannot say what it checks is refused with its path, exit status 2")
{
   const cli_sandbox box;
   const std::string dr = "sample:nlets-text/dr.txt";
   struct mistake
   {
      std::string tests;
      std::string message;
   };
   const std::vector<mistake> mistakes = {
      { "{", "tests.json: $: not valid JSON: line 1, column 2: " },
      { R"({ "version": 2, "cases": [] })", "tests.json: $.version: must be 1" },
      { R"({ "version": 1, "cases": [] })", "tests.json: $.cases: needs at least one case" },
      { R"({ "version": 1, "cases": [], "extra": 1 })", "tests.json: $.extra: unknown key" },
      { one_case(dr, R"(["VTICE0900"])", "{}"), "tests.json: $.cases[0].expect: expects nothing" },
      { one_case(dr, "[]", R"({ "withheld": true })"), "tests.json: $.cases[0].recipients: is empty" },
      { one_case(dr, R"(["vtice0900"])", R"({ "withheld": true })"),
        "tests.json: $.cases[0].recipients[0]: 'vtice0900' is not a recipient" },
      { one_case(dr, R"(["VTICE0900"])", R"({ "absent": ["adress"] })"),
        "tests.json: $.cases[0].expect.absent[0]: 'adress' is neither a category" },
      { one_case(dr, R"(["VTICE0900"])", R"({ "present": ["nlets:XYZ"] })"),
        "tests.json: $.cases[0].expect.present[0]: 'nlets:XYZ' is neither a category" },
      { one_case(dr, R"(["VTICE0900"])", R"({ "absent": ["ssn"], "present": ["ssn"] })"),
        "tests.json: $.cases[0].expect: 'ssn' is expected both absent and present" },
      { one_case(dr, R"(["VTICE0900"])", R"({ "outcome": "held" })"),
        "tests.json: $.cases[0].expect.outcome: unknown outcome 'held' (expected passed, redacted, withheld or "
        "rejected)" },
      { one_case(dr, R"(["VTICE0900"])", R"({ "withheld": "yes" })"),
        "tests.json: $.cases[0].expect.withheld: must be true or false" },
      { one_case("sample:nlets-text/none.txt", R"(["VTICE0900"])", R"({ "withheld": true })"),
        "tests.json: $.cases[0].message: no sample named 'nlets-text/none.txt' (samples: aamva/" },
      { one_case("missing.txt", R"(["VTICE0900"])", R"({ "withheld": true })"),
        "tests.json: $.cases[0].message: cannot read 'missing.txt': " },
      { R"({ "version": 1, "cases": [ { "name": "a", "message": "x", "recipients": ["AX"] } ] })",
        "tests.json: $.cases[0]: needs \"expect\"" },
      { R"({ "version": 1, "cases": [
           { "name": "a", "message": "sample:nlets-text/dr.txt", "recipients": ["AX"], "expect": { "withheld": true } },
           { "name": "a", "message": "sample:nlets-text/dr.txt", "recipients": ["AX"], "expect": { "withheld": true } } ] })",
        "tests.json: $.cases[1].name: 'a' names an earlier case too" },
      { R"({ "version": 1, "cases": [ { "name": "a", "name": "b", "message": "x", "recipients": ["AX"],
           "expect": { "withheld": true } } ] })",
        "tests.json: $.cases[0].name: given twice in one object" },
   };
   for (const mistake& m : mistakes) {
      CAPTURE(m.tests);
      const cli_result r = run_one(box, "preset:immigration-withhold", m.tests);
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(contains(r.err, "veil: " + m.message));
   }
   // A tests file or policy that cannot be read.
   const cli_result no_tests = box.run({ "policy", "test", "preset:immigration-withhold", "absent.json" });
   CHECK(no_tests.status == 2);
   CHECK(contains(no_tests.err, "veil: absent.json: cannot read the tests: "));
   box.write("tests.json", one_case(dr, R"(["AX"])", R"({ "withheld": true })"));
   const cli_result no_policy = box.run({ "policy", "test", "absent-policy.json", "tests.json" });
   CHECK(no_policy.status == 2);
   CHECK(contains(no_policy.err, "veil: absent-policy.json: cannot read the policy: "));
   const cli_result one_operand = box.run({ "policy", "test", "preset:immigration-withhold" });
   CHECK(one_operand.status == 2);
   CHECK(contains(one_operand.err, "policy test needs a policy file or preset:NAME, then a tests file"));
}
