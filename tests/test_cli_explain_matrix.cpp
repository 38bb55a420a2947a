// `veil explain --matrix` and `--compare`: what a policy decides for every kind of message
// and group of recipients, without a message, checked against what each rule says.

#include "cli_runner.hpp"

#include <doctest/doctest.h>

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

// A policy that tells keys, a list whose entries decide alike, and one ORI apart.
constexpr std::string_view keyed_policy = R"({
  "version": 1,
  "lists": { "ice": ["VTICE0900", "DCICE*"] },
  "default": { "redact": ["address"] },
  "rules": [
    { "name": "no-driver-records-to-ice", "match": { "recipient": ["@ice"], "message": ["DR", "KR"] },
      "withhold": true, "notify": true },
    { "name": "no-photos-to-one-office", "match": { "recipient": ["DCICE0001"] }, "redact": ["photo"],
      "action": "mask" }
  ]
})";

}  // namespace

TEST_CASE("veil explain --matrix: every list, every ORI a rule names, everyone else and no recipient, per kind")
{
   const cli_sandbox box;
   box.write("keyed.json", keyed_policy);
   const cli_result r = box.run({ "explain", "--policy", "keyed.json", "--matrix" });
   REQUIRE(r.status == 0);
   CHECK(r.err.empty());
   // The keys the rule names, in every format that has keys, decided alike: one row. An
   // AAMVA payload has no key, and a rule that names keys may be about it: it is decided
   // with them, the strictest reading.
   const std::string dr_row = "\nnlets-text: DR, KR; nlets-xml: DR, KR; aamva: licence data; ansi-nist: DR, KR\n";
   const std::string other_row =
      "\nnlets-text: any other message; nlets-xml: any other message; ansi-nist: any other message\n";
   REQUIRE(contains(r.out, dr_row));
   REQUIRE(contains(r.out, other_row));
   const std::size_t dr = r.out.find(dr_row);
   const std::size_t other = r.out.find(other_row);
   const std::string dr_cells = r.out.substr(dr, other > dr ? other - dr : std::string::npos);
   const std::string other_cells = r.out.substr(other, dr > other ? dr - other : std::string::npos);
   // The list: its two entries decide alike, so one column.
   CHECK(contains(dr_cells, "  list ice: withheld: nothing is sent; the person is to be notified (rule "
                            "no-driver-records-to-ice)\n"));
   CHECK(contains(other_cells, "  list ice: removes address; releases "));
   // DCICE0001 is on the list through DCICE*: withheld for driver records, and its own rule
   // (not the default) for the rest.
   CHECK(contains(dr_cells, "  DCICE0001: withheld: nothing is sent; the person is to be notified (rules "
                            "no-driver-records-to-ice, no-photos-to-one-office)\n"));
   CHECK(contains(other_cells, "  DCICE0001: masks photo; releases address, "));
   CHECK(contains(other_cells, "(rule no-photos-to-one-office)\n"));
   CHECK(contains(dr_cells, "  everyone else: removes address; releases "));
   // No recipient named: the strictest reading, every rule for the key with the default.
   CHECK(contains(dr_cells, "  no recipient named: withheld: nothing is sent; the person is to be notified (rules "
                            "no-driver-records-to-ice, no-photos-to-one-office, default)\n"));
}

TEST_CASE("veil explain --matrix: a list whose entries decide differently is split into them")
{
   const cli_sandbox box;
   box.write("split.json", R"({ "version": 1, "lists": { "ice": ["VTICE0900", "AX"] },
      "rules": [ { "name": "lesc", "match": { "recipient": ["@ice"] }, "redact": ["ssn"] },
                 { "name": "ax", "match": { "recipient": ["AX"] }, "withhold": true } ] })");
   const cli_result r = box.run({ "explain", "--policy", "split.json", "--matrix" });
   REQUIRE(r.status == 0);
   CHECK(contains(r.out, "  VTICE0900 (list ice): removes ssn; releases "));
   CHECK(contains(r.out, "  AX (list ice): withheld: nothing is sent (rules lesc, ax)\n"));
   CHECK_FALSE(contains(r.out, "  list ice:"));
   CHECK(contains(r.out, "  AX: withheld"));
}

TEST_CASE("veil explain --compare: two policies side by side, each decision that differs marked")
{
   const cli_sandbox box;
   box.write("keyed.json", keyed_policy);
   const cli_result same = box.run({ "explain", "--policy", "keyed.json", "--compare", "keyed.json" });
   REQUIRE(same.status == 0);
   CHECK_FALSE(contains(same.out, "DIFFERENT"));
   CHECK(contains(same.out, "\n0 decisions differ\n"));

   const cli_result r =
      box.run({ "explain", "--policy", "keyed.json", "--compare", "preset:immigration-withhold", "--matrix" });
   REQUIRE(r.status == 0);
   CHECK(contains(r.out, "What keyed.json and preset:immigration-withhold decide, by message and recipient\n"));
   // Columns of both, the lists split where the two policies tell their entries apart:
   // the preset withholds from VTICE0900, not from DCICE*.
   CHECK_FALSE(contains(r.out, "  list ice:"));
   CHECK(contains(r.out, "  DCICE* (list ice): DIFFERENT\n"));
   CHECK(contains(r.out, "  AX (list immigration_enforcement): DIFFERENT\n"));
   CHECK(contains(r.out, "    preset:immigration-withhold: withheld: nothing is sent; the person is to be notified "
                         "(rule withhold-from-immigration-enforcement)\n"));
   // Both withhold driver records from VTICE0900: the same, whatever the rules are called.
   CHECK(contains(r.out, "\nnlets-text: DR, KR; nlets-xml: DR, KR; aamva: licence data; ansi-nist: DR, KR\n"
                         "  VTICE0900 (list ice): the same\n"));

   // The page says the same in words.
   const cli_result page = box.run({ "explain", "--policy", "keyed.json", "--compare", "preset:immigration-withhold",
                                     "--html", "matrix.html" });
   REQUIRE(page.status == 0);
   const std::string html = box.read("matrix.html").value_or("");
   CHECK(html.starts_with("<!DOCTYPE html>"));
   CHECK(contains(html, "<main>"));
   CHECK(contains(html, "<caption>"));
   CHECK(contains(html, "<th scope=\"col\">DCICE* (list ice)</th>"));
   CHECK(contains(html, "<th scope=\"row\">nlets-text: DR, KR; nlets-xml: DR, KR; aamva: licence data; ansi-nist: DR, "
                        "KR</th>"));
   CHECK(contains(html, "<p class=\"status\">Different</p>"));
   CHECK(contains(html, "<p class=\"status\">The same</p>"));
   CHECK(contains(html, "<title>What keyed.json and preset:immigration-withhold decide</title>"));
}

TEST_CASE("veil explain --matrix takes no message, and refuses what is about one")
{
   const cli_sandbox box;
   box.write("dr.txt", "DR.WAOLN0000\n");
   for (const std::vector<std::string>& args :
        { std::vector<std::string>{ "explain", "--policy", "preset:immigration-withhold", "--matrix", "dr.txt" },
          { "explain", "--policy", "preset:immigration-withhold", "--matrix", "--recipient", "ORTEST001" },
          { "explain", "--policy", "preset:immigration-withhold", "--compare", "preset:dppa-highly-restricted",
            "--show-values" },
          { "explain", "--policy", "preset:immigration-withhold", "--matrix", "--agencies", "agencies.csv" } }) {
      const cli_result r = box.run(args);
      CHECK(r.status == 2);
      CHECK(contains(r.err, "explain --matrix decides every kind of message for every recipient a policy names"));
      CHECK(r.out.empty());
   }
   const cli_result missing = box.run({ "explain", "--policy", "preset:immigration-withhold", "--compare", "none.json" });
   CHECK(missing.status == 2);
   CHECK(contains(missing.err, "veil: none.json: cannot read the policy: "));
}
