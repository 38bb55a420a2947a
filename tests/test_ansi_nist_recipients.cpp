// Recipients of ANSI/NIST-ITL transactions: 1.007 DAI is the recipient a policy decides
// by, held to the one rule of recipient.hpp, and 1.004 TOT and 1.008 ORI with it. Every
// spelling a switch could read as another agency than veil does (lower case, blanks,
// several values, the 2008 edition's agency name as a second item, too short or long) is
// refused at its field with a reason that names no byte of it; a transaction without
// them is refused; and under immigration-withhold no spelling of an
// immigration-enforcement agency gets a transaction released.

#include "ansi_nist_reader_view.hpp"
#include "ansi_nist_test_support.hpp"
#include "ansi_nist_transaction_builder.hpp"

#include <veil/format.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/presets.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using veil_test::build::listed_record;
using veil_test::build::tagged_record;
using veil_test::build::transaction;

const std::string rs(1, veil_test::consumer::rs);
const std::string us(1, veil_test::consumer::us);

const listed_record subject{ 2, "00", tagged_record("2.001:", { "2.002:00", "2.018:DOE,JO", "2.020:MX" }) };

// A transaction to `dai` (1.007 as written), from a well-formed sender, key CAR.
[[nodiscard]] std::string to(const std::string& dai)
{
   return transaction({ subject }, { "1.004:CAR", "1.007:" + dai, "1.008:WVMEDS001", "1.009:TCN1" });
}

constexpr std::string_view malformed_dai =
   "1.007 DAI is not one 2-character destination or 9-character ORI of upper-case letters and digits";

// DAI values a switch or a person may read as some agency, but not as one exact value.
const std::vector<std::string> malformed_destinations{
   "vtice0900",
   "Ax",
   "ax",
   " VTICE0900 ",
   "VTICE0900 ",
   " VTICE0900",
   "VTICE 0900",
   "\tAX\n",
   "VTICE0900,ORTEST001",
   "ORTEST001 VTICE0900",
   "VTICE09000",
   "VTICE090",
   "AXE",
   "A",
   "",
   "DAI",
   "FIMB-SL",
   "VTICE0900" + rs + "ORTEST001",
   "ORTEST001" + rs + "VTICE0900",
   "VTICE0900" + us + "IMMIGRATION AND CUSTOMS ENFORCEMENT",
   "ORTEST001" + us + "VTICE0900",
   "WVIAFIS0Z" + us,
};

[[nodiscard]] const veil::policy::policy_redactor& immigration_withhold()
{
   static const veil::policy::policy_redactor redactor{ veil::policy::read_policy(
      *veil::policy::preset_text("immigration-withhold")) };
   return redactor;
}

}  // namespace

TEST_CASE("class 1, recipients: ANSI/NIST 1.007 DAI is one well-formed destination or ORI, or it is refused")
{
   for (const std::string dai : { "WVIAFIS0Z", "VTICE0900", "ORTEST001", "AX", "NY", "DAI000000" }) {
      CAPTURE(dai);
      const veil_test::redaction r = veil_test::redact_transaction(to(dai));
      REQUIRE_FALSE(r.audit.rejected());
      CHECK(r.audit.recipients == std::vector<std::string>{ dai });
   }
   for (const std::string& dai : malformed_destinations) {
      CAPTURE(dai);
      const std::string input = to(dai);
      for (const veil::category_mask mask : { veil::default_mask, veil::category_mask::none() }) {
         const veil_test::redaction r = veil_test::redact_transaction(input, mask);
         REQUIRE(r.audit.rejected());
         CHECK(r.output.empty());
         CHECK(r.audit.error->offset == input.find("1.007:"));
         CHECK(r.audit.error->reason == malformed_dai);
         CHECK(r.audit.recipients.empty());
      }
   }
}

TEST_CASE("class 1, recipients: ANSI/NIST 1.007 DAI is found however its tag is spelled and whatever field comes first")
{
   for (const std::vector<std::string>& type1 : std::vector<std::vector<std::string>>{
           { "1.004:CAR", "1.07:VTICE0900", "1.008:WVMEDS001" },
           { "1.004:CAR", "1.0007:VTICE0900", "1.008:WVMEDS001" },
           { "1.999:IMAGE", "1.004:CAR", "1.007:VTICE0900", "1.008:WVMEDS001" },
           { "1.008:WVMEDS001", "1.999:X", "1.007:VTICE0900", "1.004:CAR" },
        }) {
      const std::string input = transaction({ subject }, type1);
      CAPTURE(input);
      CHECK(veil_test::consumer::destination_values(input) == std::vector<std::string>{ "VTICE0900" });
      std::string out;
      const veil::audit_record audit = immigration_withhold().redact(veil::format::ansi_nist, input, out);
      CHECK(audit.recipients == std::vector<std::string>{ "VTICE0900" });
      CHECK(audit.result == veil::outcome::withheld);
      CHECK(out.empty());
   }
}

TEST_CASE("class 1, recipients: ANSI/NIST 1.004 TOT, 1.007 DAI and 1.008 ORI are mandatory and well formed")
{
   struct routing_case
   {
      std::vector<std::string> type1;
      std::string refused_tag;  // empty: refused at byte 0, for a missing field
      std::string reason;
   };
   const std::string tot_reason = "1.004 TOT is not 2 to 16 upper-case letters or digits";
   const std::string ori_reason = "1.008 ORI is not one 9-character ORI of upper-case letters and digits";
   std::vector<routing_case> cases{
      { { "1.007:WVIAFIS0Z", "1.008:WVMEDS001" }, "", "Type-1 has no 1.004 TOT" },
      { { "1.004:CAR", "1.008:WVMEDS001" }, "", "Type-1 has no 1.007 DAI" },
      { { "1.004:CAR", "1.007:WVIAFIS0Z" }, "", "Type-1 has no 1.008 ORI" },
   };
   for (const std::string tot : { "A", "car", "C AR", "", "ABCDEFGHIJKLMNOPQ", "CAR\x1fX", "CAR\x1e" "FANC", " CAR" }) {
      cases.push_back({ { "1.004:" + std::string(tot), "1.007:WVIAFIS0Z", "1.008:WVMEDS001" }, "1.004:", tot_reason });
   }
   for (const std::string ori :
        { "ORI", "wvmeds001", "WVMEDS00", "WVMEDS0010", "NY", "", "WVMEDS001\x1fMEDICAL EXAMINER", "XXX", "MBSS" }) {
      cases.push_back({ { "1.004:CAR", "1.007:WVIAFIS0Z", "1.008:" + std::string(ori) }, "1.008:", ori_reason });
   }
   for (const routing_case& c : cases) {
      const std::string input = transaction({ subject }, c.type1);
      CAPTURE(input);
      const veil_test::redaction r = veil_test::redact_transaction(input);
      REQUIRE(r.audit.rejected());
      CHECK(r.output.empty());
      CHECK(r.audit.error->reason == c.reason);
      CHECK(r.audit.error->offset == (c.refused_tag.empty() ? 0 : input.find(c.refused_tag)));
   }
   for (const std::string tot : { "CAR", "FANC", "RBSCRM", "A1", "ABCDEFGHIJKLMNOP" }) {
      CAPTURE(tot);
      const veil_test::redaction r = veil_test::redact_transaction(
         transaction({ subject }, { "1.004:" + std::string(tot), "1.007:AX", "1.008:WVMEDS001" }));
      REQUIRE_FALSE(r.audit.rejected());
      CHECK(r.audit.message_key == tot);
      CHECK(r.audit.sender_ori == "WVMEDS001");
   }
}

TEST_CASE("class 1, recipients: ANSI/NIST under immigration-withhold, no spelling of ICE gets a transaction released")
{
   enum class expected { released, withheld, rejected };
   struct spelling
   {
      std::string dai;
      expected outcome;
   };
   std::vector<spelling> spellings{
      { "ORTEST001", expected::released },
      { "WVIAFIS0Z", expected::released },
      { "NY", expected::released },
      { "VTICE0900", expected::withheld },
      { "AX", expected::withheld },
   };
   for (const std::string& dai : malformed_destinations) {
      spellings.push_back({ dai, expected::rejected });
   }
   for (const spelling& s : spellings) {
      for (const std::vector<std::string>& callers :
           std::vector<std::vector<std::string>>{ {}, { "ORTEST001" }, { "VTICE0900" }, { "AX" } }) {
         const std::string input = to(s.dai);
         CAPTURE(input);
         CAPTURE(callers.size());
         std::string out;
         const veil::audit_record audit =
            immigration_withhold().redact(veil::format::ansi_nist, input, out, "", callers);
         const bool caller_is_ice = !callers.empty() && callers.front() != "ORTEST001";
         const expected outcome = s.outcome == expected::released && caller_is_ice ? expected::withheld : s.outcome;
         switch (outcome) {
            case expected::released:
               CHECK_FALSE(audit.rejected());
               CHECK(audit.result != veil::outcome::withheld);
               CHECK(out == input);
               break;
            case expected::withheld:
               CHECK(audit.result == veil::outcome::withheld);
               CHECK(out.empty());
               break;
            case expected::rejected:
               CHECK(audit.rejected());
               CHECK(out.empty());
               break;
         }
      }
   }
}
