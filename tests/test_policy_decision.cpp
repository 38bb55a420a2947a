// Run-time policies decide per message from its recipients: ORI patterns (exact, glob)
// and named lists, message keys and formats, and the strictest combination when several
// rules or several recipients apply.

#include <veil/policy/ori_pattern.hpp>
#include <veil/policy/policy.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using veil::category;
using veil::category_mask;
using veil::format;
using veil::policy::field_rule;
using veil::policy::ori_pattern;

[[nodiscard]] ori_pattern pattern(std::string_view text)
{
   const std::optional<ori_pattern> p = ori_pattern::parse(text);
   REQUIRE(p.has_value());
   return *p;
}

// The shape of the example policy of the policy reference: a default, a withhold rule for
// immigration enforcement on DMV responses, and a stricter rule for federal partners.
[[nodiscard]] veil::policy::policy example_policy()
{
   veil::policy::policy p;
   p.lists["immigration_enforcement"] = { pattern("VTICE0900") };
   p.default_rule.name = "default";
   p.default_rule.redact = veil::default_mask;

   veil::policy::rule withhold;
   withhold.name = "no-immigration-enforcement";
   withhold.recipients = veil::policy::recipient_match{ {}, { "immigration_enforcement" } };
   withhold.message_keys = { "DR", "KR", "RR" };
   withhold.withhold = true;
   withhold.notify = true;

   veil::policy::rule federal;
   federal.name = "federal-partners";
   federal.recipients = veil::policy::recipient_match{ { pattern("DC*") }, {} };
   federal.formats = { format::nlets_text, format::nlets_xml };
   federal.redact = veil::default_mask | category_mask{ category::ssn };
   federal.fields = { { "nlets:POB", field_rule::drop }, { "aamva:DDA", field_rule::keep } };
   federal.applied = veil::action::mask;

   p.rules = { withhold, federal };
   return p;
}

}  // namespace

TEST_CASE("policy: an ORI pattern is an ORI or a glob of one, upper-case letters and digits")
{
   CHECK(pattern("VTICE0900").matches("VTICE0900"));
   CHECK_FALSE(pattern("VTICE0900").matches("VTICE0901"));
   CHECK(pattern("VTICE*").matches("VTICE0900"));
   CHECK(pattern("VTICE*").matches("VTICE"));
   CHECK_FALSE(pattern("VTICE*").matches("VTHSI0100"));
   CHECK(pattern("DC???????").matches("DCFBIWA00"));
   CHECK_FALSE(pattern("DC???????").matches("DCFBIWA0"));
   CHECK(pattern("*0900").matches("VTICE0900"));
   CHECK(pattern("V*E*9*").matches("VTICE0900"));
   CHECK_FALSE(pattern("V*X*").matches("VTICE0900"));
   // A pattern of many stars against a long text stays quick.
   CHECK_FALSE(pattern(std::string(30, '*') + "X").matches(std::string(1000, 'A')));
   for (const std::string_view bad : { "", "vtice0900", "VT-ICE", "VT ICE", "VTICE[0-9]", "@immigration" }) {
      CAPTURE(bad);
      CHECK_FALSE(ori_pattern::parse(bad).has_value());
   }
   CHECK_FALSE(ori_pattern::parse(std::string(33, 'A')).has_value());
}

TEST_CASE("policy: an ORI pattern must be able to match a 2- or 9-character recipient")
{
   // Written out, or with '?' only, it matches values of its own length.
   for (const std::string_view good : { "AX", "A?", "??", "VTICE0900", "VTICE09??", "?????????" }) {
      CAPTURE(good);
      CHECK(ori_pattern::parse(good).has_value());
   }
   for (const std::string_view bad : { "A", "VTICE090", "VTICE09000", "VT?", "ABCDEFGHIJKLMNOP", "?" }) {
      CAPTURE(bad);
      CHECK_FALSE(ori_pattern::parse(bad).has_value());
   }
   // A '*' leaves room for any length, as long as the rest fits in 9 characters.
   for (const std::string_view good : { "*", "A*", "VTICE*", "ABCDEFGHI*", "*0900", "V?*" }) {
      CAPTURE(good);
      CHECK(ori_pattern::parse(good).has_value());
   }
   CHECK(pattern("ABCDEFGHI*").matches("ABCDEFGHI"));
   CHECK_FALSE(ori_pattern::parse("ABCDEFGHIJ*").has_value());
   CHECK_FALSE(ori_pattern::parse("*?????????X").has_value());
}

TEST_CASE("policy: a recipient no rule matches gets the default rule")
{
   const veil::policy::decision d = decide(example_policy(), format::nlets_text, "DR", { "WAOLN0000" });
   CHECK_FALSE(d.withhold);
   CHECK(d.redact == veil::default_mask);
   CHECK(d.applied == veil::action::drop);
   CHECK(d.rules == std::vector<std::string>{ "default" });
}

TEST_CASE("policy: a message with no readable recipient, or no key, gets the strictest reading, never the default "
          "alone")
{
   const veil::policy::policy p = example_policy();
   // No recipient: every rule for its key and format applies, and the default too.
   const veil::policy::decision nobody = decide(p, format::nlets_text, "DR", {});
   CHECK(nobody.withhold);
   CHECK(nobody.notify);
   CHECK(nobody.rules == std::vector<std::string>{ "no-immigration-enforcement", "federal-partners", "default" });
   CHECK(nobody.applied == veil::action::drop);
   // Rules for other keys or formats stay out of it.
   CHECK(decide(p, format::aamva, "IAQ", {}).rules == std::vector<std::string>{ "default" });
   // No key (an AAMVA payload has none): a rule that names keys may be about it.
   CHECK(decide(p, format::aamva, "", { "VTICE0900" }).withhold);
   CHECK_FALSE(decide(p, format::aamva, "IAQ", { "VTICE0900" }).withhold);
}

TEST_CASE("policy: rules match on recipient list, message key and format")
{
   const veil::policy::policy p = example_policy();
   const veil::policy::decision ice = decide(p, format::nlets_xml, "DR", { "VTICE0900" });
   CHECK(ice.withhold);
   CHECK(ice.notify);
   CHECK(ice.rules == std::vector<std::string>{ "no-immigration-enforcement" });
   // Another message key: the withhold rule does not apply; the default does.
   const veil::policy::decision query = decide(p, format::nlets_text, "IAQ", { "VTICE0900" });
   CHECK_FALSE(query.withhold);
   CHECK(query.rules == std::vector<std::string>{ "default" });
   // The federal rule is for Nlets formats only.
   CHECK(decide(p, format::nlets_text, "DR", { "DCFBIWA00" }).rules == std::vector<std::string>{ "federal-partners" });
   CHECK(decide(p, format::aamva, "DR", { "DCFBIWA00" }).rules == std::vector<std::string>{ "default" });
}

TEST_CASE("policy: several recipients get the strictest combination of every rule that applies")
{
   const veil::policy::policy p = example_policy();
   const veil::policy::decision federal = decide(p, format::nlets_text, "DR", { "DCFBIWA00" });
   CHECK(federal.applied == veil::action::mask);
   CHECK(federal.redact.contains(category::ssn));
   // With a recipient under the default rule too: the default's drop wins over mask.
   const veil::policy::decision both = decide(p, format::nlets_text, "DR", { "DCFBIWA00", "WAOLN0000" });
   CHECK(both.applied == veil::action::drop);
   CHECK(both.redact == (veil::default_mask | category_mask{ category::ssn }));
   CHECK(both.rules == std::vector<std::string>{ "federal-partners", "default" });
   CHECK_FALSE(both.withhold);
   // With immigration enforcement among the recipients, the message is withheld from all.
   const veil::policy::decision with_ice = decide(p, format::nlets_text, "DR", { "DCFBIWA00", "VTICE0900" });
   CHECK(with_ice.withhold);
   CHECK(with_ice.notify);

   // Per field, drop over mask over keep, whichever rule comes first.
   veil::policy::policy fields = p;
   veil::policy::rule relaxed;
   relaxed.name = "relaxed";
   relaxed.recipients = veil::policy::recipient_match{ { pattern("DCFBI*") }, {} };
   relaxed.fields = { { "nlets:POB", field_rule::keep }, { "aamva:DDA", field_rule::mask } };
   fields.rules.insert(fields.rules.begin(), relaxed);
   const veil::policy::decision combined = decide(fields, format::nlets_text, "DR", { "DCFBIWA00" });
   CHECK(combined.fields.at("nlets:POB") == field_rule::drop);
   CHECK(combined.fields.at("aamva:DDA") == field_rule::mask);
   CHECK(combined.rules == std::vector<std::string>{ "relaxed", "federal-partners" });
}
