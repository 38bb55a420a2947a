// What a policy decides by, tried as an attacker spells it: recipients and keys are
// matched exactly or the message is refused, a message that names no recipient is never
// released on the default alone, and the record key an audit line holds is the licence
// number and nothing else. The messages are the shipped samples with their routing
// rewritten as a switch or an attacker might write it; the verdicts are what an
// immigration-enforcement agency would receive.

#include "sample_messages.hpp"

#include <veil/audit.hpp>
#include <veil/format.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/presets.hpp>
#include <veil/policy/record_key.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using veil::format;
using veil::outcome;

[[nodiscard]] veil::policy::policy_redactor preset(std::string_view name)
{
   return veil::policy::policy_redactor(veil::policy::read_policy(*veil::policy::preset_text(name)));
}

[[nodiscard]] std::string example(const char* relative)
{
   return veil_test::read_file(fs::path(VEIL_SOURCE_DIR) / "examples/messages" / relative);
}

// `text` with its first `from` replaced by `to`.
[[nodiscard]] std::string replaced(std::string text, std::string_view from, std::string_view to)
{
   const std::size_t at = text.find(from);
   REQUIRE(at != std::string::npos);
   return text.replace(at, from.size(), to);
}

// What immigration-withhold releases of `message` (its own recipients, plus `callers`).
struct verdict
{
   veil::audit_record audit;
   std::string output;
};

[[nodiscard]] verdict under_immigration_withhold(format f, const std::string& message,
                                                 const std::vector<std::string>& callers = {})
{
   verdict v;
   v.audit = preset("immigration-withhold").redact(f, message, v.output, "test", callers);
   return v;
}

void check_nothing_released(const verdict& v)
{
   CHECK((v.audit.result == outcome::withheld || v.audit.result == outcome::rejected));
   CHECK(v.output.empty());
}

// The spellings of ICE's ORI that a lenient reader would deliver to ICE, and that are not
// one well-formed recipient.
const std::vector<std::string> malformed_ice{ "vtice0900",  "Vtice0900",  " VTICE0900X", "VTICE 0900",
                                              "VTICE0900,ORTEST001", "ORTEST001 VTICE0900", "VTICE09000", "ax" };

}  // namespace

TEST_CASE("class 1, recipients: an XML destination a policy cannot match exactly releases nothing")
{
   const std::string dr = example("nlets-xml/dr-free-text.xml");
   for (const std::string& spelling : malformed_ice) {
      CAPTURE(spelling);
      check_nothing_released(under_immigration_withhold(
         format::nlets_xml, replaced(dr, "<nh2:DestinationORIID>ORTEST001<", "<nh2:DestinationORIID>" + spelling + "<")));
   }
   // An empty destination, and none at all: no readable recipient.
   check_nothing_released(under_immigration_withhold(
      format::nlets_xml, replaced(dr, "<nh2:DestinationORIID>ORTEST001<", "<nh2:DestinationORIID><")));
   check_nothing_released(under_immigration_withhold(
      format::nlets_xml, replaced(dr, "<nh2:DestinationORIID>ORTEST001</nh2:DestinationORIID>", "")));
   // The well-formed message to a state agency is still released, unchanged.
   const verdict released = under_immigration_withhold(format::nlets_xml, dr);
   CHECK(released.audit.result == outcome::passed);
   CHECK(released.output == dr);
}

TEST_CASE("class 1, recipients: an Nlets text destination a policy cannot match exactly releases nothing")
{
   const std::string dq = example("nlets-text/dq.txt");  // DQ.ORTEST001.WA.*SYN0000001.TXT
   for (const std::string& spelling : malformed_ice) {
      CAPTURE(spelling);
      check_nothing_released(under_immigration_withhold(format::nlets_text, replaced(dq, ".WA.", "." + spelling + ".")));
   }
   const std::string dr = example("nlets-text/dr.txt");  // delivered to ORTEST001
   for (const std::string& spelling : malformed_ice) {
      CAPTURE(spelling);
      check_nothing_released(under_immigration_withhold(format::nlets_text, replaced(dr, " ORTEST001", " " + spelling)));
   }
}

TEST_CASE("class 1, recipients: a recipient given with the message is held to the same rule")
{
   const std::string dr = example("nlets-text/dr.txt");
   for (const std::string& spelling : malformed_ice) {
      CAPTURE(spelling);
      const verdict v = under_immigration_withhold(format::nlets_text, dr, { spelling });
      CHECK(v.audit.result == outcome::rejected);
      CHECK(v.output.empty());
      REQUIRE(v.audit.error.has_value());
      CHECK(v.audit.error->reason.find(spelling) == std::string::npos);
   }
   check_nothing_released(under_immigration_withhold(format::nlets_text, dr, { "VTICE0900" }));
   check_nothing_released(under_immigration_withhold(format::nlets_text, dr, { "AX" }));
}

TEST_CASE("class 1, recipients: a message that names no recipient is decided by the strictest rule, never the "
          "default alone")
{
   // An AAMVA payload names no recipient: under immigration-withhold nobody receives it
   // unless the caller says who does.
   const std::string card = example("aamva/dl-v10-virginia.txt");
   const verdict unknown = under_immigration_withhold(format::aamva, card);
   CHECK(unknown.audit.result == outcome::withheld);
   CHECK(unknown.output.empty());
   CHECK(unknown.audit.rules ==
         std::vector<std::string>{ "withhold-from-immigration-enforcement", "default" });
   const verdict to_state = under_immigration_withhold(format::aamva, card, { "ORTEST001" });
   CHECK(to_state.audit.result == outcome::passed);
   CHECK(to_state.output == card);

   // Under a policy that only removes, every rule that may be about the message applies.
   std::string out;
   const veil::audit_record minimized = preset("immigration-minimize").redact(format::aamva, card, out);
   CHECK(minimized.rules == std::vector<std::string>{ "minimize-for-immigration-enforcement", "default" });
   std::string for_ice;
   (void)preset("immigration-minimize").redact(format::aamva, card, for_ice, "", { "VTICE0900" });
   CHECK(out == for_ice);
}

TEST_CASE("class 6, record key: only the licence number itself, as an XML reader reads it")
{
   const auto xml = [](std::string_view body) {
      return "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\" xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\">" +
             std::string(body) + "</n2:NLETS>";
   };
   const auto key = [](const std::string& message) { return veil::policy::record_key(format::nlets_xml, message); };
   CHECK(key(xml("<nc:DriverLicenseIdentification><nc:IdentificationID>SAMPLPQ123AB</nc:IdentificationID>"
                 "</nc:DriverLicenseIdentification>")) == "SAMPLPQ123AB");
   // References and CDATA are read as a reader reads them; blanks around the number go.
   CHECK(key(xml("<nc:DriverLicenseIdentification><nc:IdentificationID> &#83;AMPL<![CDATA[PQ1]]>\n"
                 "</nc:IdentificationID></nc:DriverLicenseIdentification>")) == "SAMPLPQ1");
   // A licence without a number never lends the key to the identification after it.
   CHECK(key(xml("<nc:DriverLicenseIdentification><nc:IdentificationJurisdictionText>WA"
                 "</nc:IdentificationJurisdictionText></nc:DriverLicenseIdentification>"
                 "<nc:PersonSSNIdentification><nc:IdentificationID>123456789</nc:IdentificationID>"
                 "</nc:PersonSSNIdentification>"))
            .empty());
   // Nor does an IdentificationID nested deeper, or named alike in another namespace.
   CHECK(key(xml("<nc:DriverLicenseIdentification><nc:Other><nc:IdentificationID>123456789</nc:IdentificationID>"
                 "</nc:Other></nc:DriverLicenseIdentification>"))
            .empty());
   CHECK(key(xml("<x:DriverLicenseIdentification xmlns:x=\"urn:other\"><x:IdentificationID>123456789"
                 "</x:IdentificationID></x:DriverLicenseIdentification>"))
            .empty());
   // An OLN/ field counts only in free text, not in any element.
   CHECK(key(xml("<n2:ResponseText>NAM/A\nOLN/D1234567  CLASS/C\n</n2:ResponseText>")) == "D1234567");
   CHECK(key(xml("<nc:PersonName>OLN/D1234567</nc:PersonName>")).empty());
   // A value that cannot be a licence number is not put in an audit line.
   CHECK(key(xml("<nc:DriverLicenseIdentification><nc:IdentificationID>" + std::string(21, '7') +
                 "</nc:IdentificationID></nc:DriverLicenseIdentification>"))
            .empty());
   CHECK(key(xml("<nc:DriverLicenseIdentification><nc:IdentificationID>D1 \"},{\"x\":1"
                 "</nc:IdentificationID></nc:DriverLicenseIdentification>"))
            .empty());
   CHECK(veil::policy::record_key(format::nlets_text, "DR.WAOLN0000\nTXT\nOLN/" + std::string(25, 'X')).empty());
}

TEST_CASE("class 1, routing: the sender chooses a state's labels, so an unknown sender gets every state's and a "
          "malformed one rejects the message")
{
   const veil::policy::policy_redactor r(veil::policy::read_policy(R"({
      "version": 1,
      "default": { "redact": ["address"] },
      "labels": { "WA": { "address": ["ABODE:"] }, "OR": { "address": ["LODGING:"] } }
   })"));
   const std::string dr = example("nlets-xml/dr-free-text.xml");  // from WAOLN0000
   const std::string with_labels = replaced(dr, "PHONE: 555-0100", "ABODE: QZ7HOME\nLODGING: QZ7DOMICILE");
   std::string out;
   (void)r.redact(format::nlets_xml, with_labels, out);
   CHECK(out.find("QZ7HOME") == std::string::npos);
   CHECK(out.find("QZ7DOMICILE") != std::string::npos);  // Oregon's label, not Washington's

   const std::string no_sender = replaced(with_labels, "<nh2:OriginatingORIID>WAOLN0000</nh2:OriginatingORIID>", "");
   out.clear();
   const veil::audit_record unknown = r.redact(format::nlets_xml, no_sender, out);
   CHECK_FALSE(unknown.rejected());
   CHECK(out.find("QZ7HOME") == std::string::npos);
   CHECK(out.find("QZ7DOMICILE") == std::string::npos);

   for (const std::string_view sender : { "waOLN0000", "WA", "WAOLN 000", "WAOLN00000" }) {
      CAPTURE(sender);
      out.clear();
      const veil::audit_record bad =
         r.redact(format::nlets_xml, replaced(with_labels, ">WAOLN0000<", ">" + std::string(sender) + "<"), out);
      CHECK(bad.rejected());
      CHECK(out.empty());
   }
}

TEST_CASE("class 6, record key: in Nlets text, the OLN field of a query, never one quoted in a remark")
{
   const auto key = [](const std::string& message) { return veil::policy::record_key(format::nlets_text, message); };
   CHECK(key("DQ.ORTEST001.WA.TXT\nNAM/DOE,JO.OLN/D1234567.SEX/F") == "D1234567");
   CHECK(key("DQ.ORTEST001.WA.TXT\r\nNAM/DOE,JO.\r\nOLN/D1234567") == "D1234567");
   CHECK(key("DQ.ORTEST001.WA.TXT\nNAM/DOE,JO.MIS/SEE OLN/X7654321.SEX/F").empty());
   // A response's free text: the OLN/ token of a line.
   CHECK(key(example("nlets-text/dr.txt")) == "SAMPLPQ123AB");
}
