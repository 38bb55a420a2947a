// Policies read from JSON: the example of the policy reference reads into the rules it
// says, and every mistake is refused with its JSON path.

#include <veil/policy/policy_json.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using veil::category;
using veil::format;
using veil::policy::field_rule;

}  // namespace

TEST_CASE("policy: a JSON policy reads into the rules it says, and decides as they do")
{
   const veil::policy::policy p = veil::policy::read_policy(R"({
      "version": 1,
      "lists": { "immigration_enforcement": ["VTICE0900"] },
      "default": { "redact": ["address", "photo", "immigration"] },
      "rules": [
        { "name": "no-immigration-enforcement",
          "match": { "recipient": ["@immigration_enforcement"], "message": ["DR", "KR", "RR"] },
          "withhold": true, "notify": true },
        { "name": "federal-partners",
          "match": { "recipient": ["DC*"], "format": ["nlets-text", "nlets-xml"] },
          "redact": ["address", "photo", "immigration", "ssn"],
          "fields": { "nlets:POB": "drop", "aamva:DDA": "keep" },
          "action": "mask" }
      ]
   })");
   REQUIRE(p.rules.size() == 2);
   CHECK(p.default_rule.redact == veil::default_mask);
   CHECK(decide(p, format::nlets_text, "DR", { "VTICE0900" }).withhold);
   const veil::policy::decision federal = decide(p, format::nlets_text, "DR", { "DCFBIWA00" });
   CHECK(federal.applied == veil::action::mask);
   CHECK(federal.redact.contains(category::ssn));
   CHECK(federal.fields.at("nlets:POB") == field_rule::drop);
   CHECK(federal.fields.at("aamva:DDA") == field_rule::keep);
   CHECK(decide(p, format::aamva, "DR", { "DCFBIWA00" }).rules == std::vector<std::string>{ "default" });
}

TEST_CASE("policy: field ids of every format, descriptions and per-state labels are read")
{
   const veil::policy::policy p = veil::policy::read_policy(R"({
      "version": 1,
      "description": "a test policy",
      "default": { "redact": ["address"],
                   "fields": { "nlets:MNU": "drop", "nlets-xml:nc:PersonBirthLocation": "keep",
                               "nlets-xml:nc:ResidenceAddress": "mask", "aamva:DDA": "keep",
                               "ansi-nist:2.020": "mask" } },
      "rules": [ { "name": "r", "description": "in words" } ],
      "labels": { "WA": { "address": ["HOME:", "WORK:"], "ssn": ["SSA NO:"] } }
   })");
   CHECK(p.description == "a test policy");
   CHECK(p.rules.at(0).description == "in words");
   CHECK(p.default_rule.fields.size() == 5);
   CHECK(p.default_rule.fields.at("nlets-xml:nc:ResidenceAddress") == field_rule::mask);  // a prefix-matched entry
   const std::vector<veil::nlets::custom_label> wa = labels_for_sender(p, "WAOLN0000");
   REQUIRE(wa.size() == 3);
   CHECK(wa[0].text == "HOME:");
   CHECK(wa[2].sensitivity == category::ssn);
   CHECK(labels_for_sender(p, "ORTEST001").empty());
   // No sender named: it could be any state, so every state's labels count.
   CHECK(labels_for_sender(p, "").size() == wa.size());
}

TEST_CASE("policy: every mistake in a JSON policy is refused, naming its JSON path")
{
   struct mistake
   {
      std::string json;
      std::string message;
   };
   const std::vector<mistake> mistakes{
      { "{", "$: not valid JSON" },
      { "[]", "$: must be an object" },
      { R"({"version": 2})", "$.version: must be 1" },
      { R"({"version": 1, "colour": "red"})", "$.colour: unknown key" },
      { R"({"version": 1, "lists": {"x": ["vtice*"]}})", "$.lists.x[0]: not an ORI or a glob of one: 'vtice*'" },
      { R"({"version": 1, "lists": {"x": "VTICE0900"}})", "$.lists.x: must be an array" },
      { R"({"version": 1, "default": {"redact": ["adress"]}})", "$.default.redact[0]: unknown category 'adress'" },
      { R"({"version": 1, "default": {"action": "erase"}})", "$.default.action: unknown action 'erase' (drop or mask)" },
      { R"({"version": 1, "rules": [{"redact": []}]})", "$.rules[0].name: every rule needs a name" },
      { R"({"version": 1, "rules": [{"name": "a"}, {"name": "a"}]})", "$.rules[1].name: a rule named 'a' comes earlier" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": ["@nobody"]}}]})",
        "$.rules[0].match.recipient[0]: no ORI list named 'nobody'" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": ["DC[0-9]"]}}]})",
        "$.rules[0].match.recipient[0]: not an ORI, a glob of one or an @list: 'DC[0-9]'" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"format": ["pdf"]}}]})",
        "$.rules[0].match.format[0]: unknown format 'pdf'" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"sender": ["X"]}}]})", "$.rules[0].match.sender: unknown key" },
      { R"({"version": 1, "rules": [{"name": "a", "fields": {"nlets:XYZ": "drop"}}]})",
        "$.rules[0].fields.nlets:XYZ: unknown field id" },
      { R"({"version": 1, "rules": [{"name": "a", "fields": {"nlets:NAM": "drop"}}]})",
        "$.rules[0].fields.nlets:NAM: unknown field id" },  // a name carries no category
      { R"({"version": 1, "rules": [{"name": "a", "fields": {"nlets-xml:nc:PersonName": "drop"}}]})",
        "$.rules[0].fields.nlets-xml:nc:PersonName: unknown field id" },
      { R"({"version": 1, "rules": [{"name": "a", "fields": {"POB": "drop"}}]})", "$.rules[0].fields.POB: unknown field id" },
      { R"({"version": 1, "rules": [{"name": "a", "fields": "POB"}]})", "$.rules[0].fields: must be an object" },
      { R"({"version": 1, "rules": [{"name": "a", "description": 7}]})", "$.rules[0].description: must be a string" },
      { R"({"version": 1, "description": ["x"]})", "$.description: must be a string" },
      { R"({"version": 1, "labels": {"Washington": {"address": ["RES:"]}}})",
        "$.labels.Washington: must be a two-letter state code" },
      { R"({"version": 1, "labels": {"WA": {"home": ["RES:"]}}})", "$.labels.WA.home: unknown category 'home'" },
      { R"({"version": 1, "labels": {"WA": {"address": "RES:"}}})", "$.labels.WA.address: must be an array" },
      { R"({"version": 1, "labels": {"WA": {"address": [""]}}})", "$.labels.WA.address[0]: a label cannot be empty" },
      { R"({"version": 1, "labels": {"WA": ["RES:"]}})", "$.labels.WA: must be an object" },
      { R"({"version": 1, "rules": [{"name": "a", "fields": {"aamva:DAG": "erase"}}]})",
        "$.rules[0].fields.aamva:DAG: must be keep, mask or drop" },
      { R"({"version": 1, "rules": [{"name": "a", "withhold": "yes"}]})", "$.rules[0].withhold: must be true or false" },
      { R"({"version": 1, "rules": {"name": "a"}})", "$.rules: must be an array" },
   };
   for (const mistake& m : mistakes) {
      CAPTURE(m.json);
      try {
         (void)veil::policy::read_policy(m.json);
         FAIL("accepted");
      }
      catch (const veil::policy_error& e) {
         CHECK(std::string(e.what()).starts_with(m.message));
      }
   }
}
