// The warnings about a policy that reads but holds something suspect: each one by its
// JSON path, and none for the presets.

#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_lint.hpp>
#include <veil/policy/presets.hpp>
#include <veil/policy/recipient_list.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

[[nodiscard]] std::vector<std::string> warnings_of(const veil::policy::policy& p)
{
   std::vector<std::string> lines;
   for (const veil::policy::policy_warning& w : veil::policy::lint(p)) {
      lines.push_back(w.path + ": " + w.what);
   }
   return lines;
}

[[nodiscard]] std::vector<std::string> warnings_of(std::string_view json)
{
   return warnings_of(veil::policy::read_policy(json));
}

}  // namespace

TEST_CASE("policy lint: the presets hold nothing suspect")
{
   for (const veil::policy::preset& p : veil::policy::presets) {
      CAPTURE(p.name);
      CHECK(warnings_of(p.json).empty());
   }
}

TEST_CASE("policy lint: a list no rule names decides nothing")
{
   CHECK(warnings_of(R"({"version": 1, "lists": {"ice": ["VTICE0900"], "hsi": ["VTHSI0100"]},
      "rules": [{"name": "a", "match": {"recipient": ["@ice"]}, "withhold": true}]})") ==
         std::vector<std::string>{ "$.lists.hsi: no rule names @hsi, so the list decides nothing" });
}

TEST_CASE("policy lint: an empty list matches no one, unless a recipient list fills it")
{
   const std::string json = R"({"version": 1, "lists": {"ice": []},
      "rules": [{"name": "a", "match": {"recipient": ["@ice"]}, "withhold": true}]})";
   CHECK(warnings_of(json) ==
         std::vector<std::string>{ "$.lists.ice: is empty, so a rule naming @ice matches no recipient by it" });
   veil::policy::policy filled = veil::policy::read_policy(json);
   veil::policy::extend_list(filled, "ice", veil::policy::read_recipient_list("DCICE*\n", "ice.txt"));
   CHECK(warnings_of(filled).empty());
}

TEST_CASE("policy lint: an entry listed twice is named once")
{
   CHECK(warnings_of(R"({"version": 1, "lists": {"ice": ["VTICE0900", "AX", "VTICE0900", "VTICE0900"]},
      "rules": [{"name": "a", "match": {"recipient": ["@ice"]}, "withhold": true}]})") ==
         std::vector<std::string>{ "$.lists.ice: 'VTICE0900' is listed more than once" });
}

TEST_CASE("policy lint: a rule without a match leaves the default to no one")
{
   CHECK(warnings_of(R"({"version": 1, "rules": [{"name": "everyone", "redact": ["ssn"]}]})") ==
         std::vector<std::string>{
            R"($.rules[0]: has no "match", so it applies to every recipient and the default to none)" });
   CHECK(warnings_of(R"({"version": 1, "rules": [{"name": "everyone", "match": {}, "redact": ["ssn"]}]})").size() == 1);
}

TEST_CASE("policy lint: a rule matching exactly what an earlier one matches is named, whatever the order of its lists")
{
   CHECK(warnings_of(R"({"version": 1, "lists": {"ice": ["VTICE0900"]}, "rules": [
      {"name": "first", "match": {"recipient": ["@ice", "DC*"], "message": ["DR", "KR"]}, "redact": ["ssn"]},
      {"name": "other", "match": {"recipient": ["DC*"], "message": ["DR", "KR"]}, "redact": ["ssn"]},
      {"name": "second", "match": {"message": ["KR", "DR", "KR"], "recipient": ["DC*", "@ice"]}, "withhold": true}]})") ==
         std::vector<std::string>{ "$.rules[2]: matches exactly what rule 'first' ($.rules[0]) matches, so the two "
                                   "always apply together; merge them or tell them apart" });
   // The same recipients for different formats are different matches.
   CHECK(warnings_of(R"({"version": 1, "rules": [
      {"name": "text", "match": {"recipient": ["DC*"], "format": ["nlets-text"]}, "redact": ["ssn"]},
      {"name": "xml", "match": {"recipient": ["DC*"], "format": ["nlets-xml"]}, "redact": ["ssn"]}]})")
            .empty());
}
