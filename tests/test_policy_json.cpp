// Policies read from JSON: the example of the policy reference reads into the rules it
// says, and every mistake is refused with its JSON path.

#include "policy_refusal.hpp"

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

TEST_CASE("policy: policy_version is the authors' own, apart from the format's version, up to 64 characters")
{
   CHECK(veil::policy::read_policy(R"({"version": 1})").version.empty());
   CHECK(veil::policy::read_policy(R"({"version": 1, "policy_version": "v4 ~ signed 2026-11-30!"})").version ==
         "v4 ~ signed 2026-11-30!");
   const std::string longest(64, '7');
   CHECK(veil::policy::read_policy(R"({"version": 1, "policy_version": ")" + longest + R"("})").version == longest);
}

TEST_CASE("policy: field ids of every format, descriptions, laws and per-state labels are read")
{
   const veil::policy::policy p = veil::policy::read_policy(R"json({
      "version": 1,
      "description": "a test policy",
      "default": { "redact": ["address"],
                   "fields": { "nlets:MNU": "drop", "nlets-xml:nc:PersonBirthLocation": "keep",
                               "nlets-xml:nc:ResidenceAddress": "mask", "aamva:DDA": "keep",
                               "ansi-nist:2.020": "mask" } },
      "rules": [ { "name": "r", "description": "in words", "law": "NY VTL §201(12)", "match": { "message": ["DR"] },
                   "redact": [] } ],
      "labels": { "WA": { "address": ["HOME:", "WORK:"], "ssn": ["SSA NO:"] } }
   })json");
   CHECK(p.description == "a test policy");
   CHECK(p.rules.at(0).description == "in words");
   CHECK(p.rules.at(0).law == "NY VTL §201(12)");
   CHECK(p.default_rule.law.empty());
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
      { R"({"version": 1, "lists": {"x": ["vtice*"]}})", "$.lists.x[0]: 'vtice*' is not an ORI (9 characters)" },
      { R"({"version": 1, "lists": {"x": "VTICE0900"}})", "$.lists.x: must be an array" },
      { R"({"version": 1, "default": {"redact": ["adress"]}})", "$.default.redact[0]: unknown category 'adress'" },
      { R"({"version": 1, "default": {"action": "erase"}})", "$.default.action: unknown action 'erase' (expected drop or mask)" },
      { R"({"version": 1, "rules": [{"redact": []}]})", "$.rules[0].name: every rule needs a name" },
      { R"({"version": 1, "rules": [{"name": "a", "withhold": true}, {"name": "a", "withhold": true}]})",
        "$.rules[1].name: a rule named 'a' comes earlier" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": ["@nobody"]}}]})",
        "$.rules[0].match.recipient[0]: no ORI list named 'nobody'" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": ["DC[0-9]"]}}]})",
        "$.rules[0].match.recipient[0]: 'DC[0-9]' is not an @list, an ORI (9 characters)" },
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
      // A law named must be cited: the explain page says it decided.
      { R"({"version": 1, "rules": [{"name": "a", "withhold": true, "law": ""}]})",
        "$.rules[0].law: is empty: cite the law" },
      { R"({"version": 1, "rules": [{"name": "a", "withhold": true, "law": 201}]})", "$.rules[0].law: must be a string" },
      { R"({"version": 1, "default": {"redact": [], "law": ""}})", "$.default.law: is empty: cite the law" },
      // The authors' version, which every audit line repeats: one short printable line.
      { R"({"version": 1, "policy_version": 3})", "$.policy_version: must be a string" },
      { R"({"version": 1, "policy_version": ""})", "$.policy_version: must be 1 to 64 printable ASCII characters" },
      { R"({"version": 1, "policy_version": ")" + std::string(65, '7') + R"("})",
        "$.policy_version: must be 1 to 64 printable ASCII characters" },
      { R"({"version": 1, "policy_version": "2026-12-03\n"})",
        "$.policy_version: must be 1 to 64 printable ASCII characters" },
      { R"({"version": 1, "policy_version": "2026-12-03\u0000"})",
        "$.policy_version: must be 1 to 64 printable ASCII characters" },
      { R"({"version": 1, "policy_version": "révision 2"})",
        "$.policy_version: must be 1 to 64 printable ASCII characters" },
      { R"({"version": 1, "policy_version": "2026-12-03", "policy_version": "2026-12-04"})",
        "$.policy_version: given twice in one object" },
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
      CHECK(veil_test::policy_refusal(m.json).starts_with(m.message));
   }
}

TEST_CASE("policy: what could be read as something else is refused with its JSON path and what is expected")
{
   struct mistake
   {
      std::string json;
      std::string message;  // the whole message
   };
   const std::string ori_expected =
      " is not an ORI (9 characters), a destination code (2) or a glob of one (A-Z, 0-9, * and ?)";
   const std::string recipient_expected =
      " is not an @list, an ORI (9 characters), a destination code (2) or a glob of one (A-Z, 0-9, * and ?)";
   const std::string says_nothing = R"(says nothing to do: give "redact" (["..."], or [] to release everything), )";
   const std::vector<mistake> mistakes{
      // Entries and recipients a recipient can never be: one character short, one too
      // many, neither length, a glob whose fixed characters no recipient has.
      { R"({"version": 1, "lists": {"immigration_enforcement": ["VTICE0900", "VTICE090"]}})",
        "$.lists.immigration_enforcement[1]: 'VTICE090'" + ori_expected },
      { R"({"version": 1, "lists": {"x": ["VTICE09000"]}})", "$.lists.x[0]: 'VTICE09000'" + ori_expected },
      { R"({"version": 1, "lists": {"x": ["A"]}})", "$.lists.x[0]: 'A'" + ori_expected },
      { R"({"version": 1, "lists": {"x": ["VT?"]}})", "$.lists.x[0]: 'VT?'" + ori_expected },
      { R"({"version": 1, "lists": {"x": ["ABCDEFGHIJ*"]}})", "$.lists.x[0]: 'ABCDEFGHIJ*'" + ori_expected },
      { R"({"version": 1, "lists": {"x": [""]}})", "$.lists.x[0]: ''" + ori_expected },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": ["ABCDEFGHIJKLMNOP"]}, "withhold": true}]})",
        "$.rules[0].match.recipient[0]: 'ABCDEFGHIJKLMNOP'" + recipient_expected },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": ["VTICE09?"]}, "withhold": true}]})",
        "$.rules[0].match.recipient[0]: 'VTICE09?'" + recipient_expected },
      // Message keys: upper case, 2 to 16 letters or digits.
      { R"({"version": 1, "rules": [{"name": "a", "match": {"message": ["DR", "dr"]}, "withhold": true}]})",
        "$.rules[0].match.message[1]: 'dr' is not a message key (2 to 16 upper-case letters or digits, e.g. DR); "
        "keys are upper case: DR" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"message": ["D"]}, "withhold": true}]})",
        "$.rules[0].match.message[0]: 'D' is not a message key (2 to 16 upper-case letters or digits, e.g. DR)" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"message": ["D R"]}, "withhold": true}]})",
        "$.rules[0].match.message[0]: 'D R' is not a message key (2 to 16 upper-case letters or digits, e.g. DR)" },
      // An empty list in a match is neither "none" nor "any" for sure.
      { R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": []}, "withhold": true}]})",
        "$.rules[0].match.recipient: is empty; leave it out to match any" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"message": []}, "withhold": true}]})",
        "$.rules[0].match.message: is empty; leave it out to match any" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"format": []}, "withhold": true}]})",
        "$.rules[0].match.format: is empty; leave it out to match any" },
      // List names.
      { R"({"version": 1, "lists": {"ICE": ["VTICE0900"]}})",
        "$.lists.ICE: a list name is lower-case letters, digits and '_', e.g. immigration_enforcement" },
      { R"({"version": 1, "lists": {"": ["VTICE0900"]}})",
        "$.lists.\"\": a list name is lower-case letters, digits and '_', e.g. immigration_enforcement" },
      { R"({"version": 1, "lists": {"ice agents": ["VTICE0900"]}})",
        "$.lists.ice agents: a list name is lower-case letters, digits and '_', e.g. immigration_enforcement" },
      // A key given twice, wherever it is: the reader would take only one.
      { R"({"version": 1, "default": {"redact": [], "redact": ["address"]}})",
        "$.default.redact: given twice in one object; give each key once" },
      { R"({"version": 1, "version": 1})", "$.version: given twice in one object; give each key once" },
      { R"({"version": 1, "rules": [{"name": "a", "withhold": true, "fields": {"nlets:POB": "keep", "nlets:POB": "drop"}}]})",
        "$.rules[0].fields.nlets:POB: given twice in one object; give each key once" },
      { R"({"version": 1, "lists": {"x": ["AX"], "x": ["VTICE0900"]}})",
        "$.lists.x: given twice in one object; give each key once" },
      // A rule, or a default written out, must say what it does.
      { R"({"version": 1, "rules": [{"name": "a", "match": {"recipient": ["VTICE0900"]}}]})",
        "$.rules[0]: " + says_nothing + R"("withhold", "fields" or "action")" },
      { R"({"version": 1, "rules": [{"name": "a", "description": "d", "withhold": false, "notify": true, "fields": {}}]})",
        "$.rules[0]: " + says_nothing + R"("withhold", "fields" or "action")" },
      { R"({"version": 1, "default": {}})",
        "$.default: " + says_nothing + R"("fields" or "action", or leave "default" out to remove address, photo and immigration)" },
      // Unknown names list the known ones, and say when only the case is wrong.
      { R"({"version": 1, "default": {"redact": ["Address"]}})",
        "$.default.redact[0]: unknown category 'Address' (names are lower case; expected address, photo, biometric, "
        "immigration, ssn, medical or contact)" },
      { R"({"version": 1, "default": {"redact": ["adress"]}})",
        "$.default.redact[0]: unknown category 'adress' (expected address, photo, biometric, immigration, ssn, "
        "medical or contact)" },
      { R"({"version": 1, "default": {"action": "Drop"}})",
        "$.default.action: unknown action 'Drop' (names are lower case; expected drop or mask)" },
      { R"({"version": 1, "rules": [{"name": "a", "match": {"format": ["NLETS-TEXT"]}, "withhold": true}]})",
        "$.rules[0].match.format[0]: unknown format 'NLETS-TEXT' (names are lower case; expected nlets-text, nlets-xml, "
        "aamva or ansi-nist)" },
      { R"({"version": 1, "labels": {"WA": {"Home": ["RES:"]}}})",
        "$.labels.WA.Home: unknown category 'Home' (expected address, photo, biometric, immigration, ssn, medical or "
        "contact)" },
   };
   for (const mistake& m : mistakes) {
      CAPTURE(m.json);
      CHECK(veil_test::policy_refusal(m.json) == m.message);
   }
}

TEST_CASE("policy: a rule that says only to release everything, or only how, is read")
{
   const veil::policy::policy p = veil::policy::read_policy(R"({
      "version": 1,
      "default": { "redact": [] },
      "rules": [ { "name": "release", "match": { "recipient": ["AX"] }, "redact": [] },
                 { "name": "how", "match": { "recipient": ["DC*"] }, "action": "mask" },
                 { "name": "field", "match": { "recipient": ["WA"] }, "fields": { "nlets:POB": "drop" } } ]
   })");
   CHECK(p.rules.size() == 3);
   CHECK(p.default_rule.redact.empty());
}
