// Class 1, recipients, for XML: every routing value of an Nlets XML message is read as
// an XML reader reads it and held whole to the rule `--recipient` follows; a value a
// switch could read otherwise, a second or misplaced header, or a routing element outside
// the header rejects the message, with nothing written, in the stream and the DOM
// redactor alike.

#include "dom_twin_support.hpp"
#include "xml_redactor_test_support.hpp"

#include <veil/xml/dom_redactor.hpp>

#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::category_mask;

const std::string envelope_open = "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\""
                                  " xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\""
                                  " xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\">";

// A message whose header holds `routing` (after a message key unless it names one).
[[nodiscard]] std::string with_header(std::string_view routing, std::string_view after_header = "")
{
   return envelope_open + "<n2:NLETSMessageHeader>" + std::string(routing) + "</n2:NLETSMessageHeader>" +
          std::string(after_header) + "<nc:PersonName>N</nc:PersonName></n2:NLETS>";
}

[[nodiscard]] std::string destination(std::string_view value)
{
   return "<nh2:DestinationORIID>" + std::string(value) + "</nh2:DestinationORIID>";
}

struct both_readings
{
   veil::audit_record stream;
   veil::audit_record dom;
   std::string output;
};

// The message read by the stream redactor and by the DOM redactor over pugixml's tree.
[[nodiscard]] both_readings read_both(const std::string& message)
{
   both_readings r;
   const auto stream = veil_test::make_xml_redactor(veil::default_mask);
   r.stream = stream.redact(message, r.output);
   pugi::xml_document document;
   REQUIRE(document.load_buffer(message.data(), message.size(), veil_test::oracle_parse_options));
   const veil::xml::dom_redactor dom{ veil::runtime_mask{ veil::default_mask } };
   r.dom = dom.redact(document);
   return r;
}

void check_rejected(const std::string& message, std::size_t offset)
{
   CAPTURE(message);
   const both_readings r = read_both(message);
   REQUIRE(r.stream.rejected());
   CHECK(r.stream.error->offset == offset);
   CHECK(r.output.empty());
   REQUIRE(r.dom.rejected());
   CHECK(r.dom.error->offset == offset);
}

}  // namespace

TEST_CASE("class 1, recipients: XML routing values that are not one well-formed recipient reject the message")
{
   const std::vector<std::string> malformed{
      "vtice0900",          // lower case
      "Vtice0900",          // mixed case
      "VTICE0900 ORTEST001", // two ORIs
      "VTICE0900,ORTEST001",
      "VTICE 0900",          // a blank inside
      "VTICE\t0900",
      "VTICE&#32;0900",      // a blank written as a reference
      "VTICE0900\nAX",       // two lines
      "VTICE09000",          // too long
      "VTICE090",            // neither 2 nor 9
      "A",
      "",                    // empty
      "   ",                 // blanks only
      "<![CDATA[]]>",
      std::string(300, 'A'),                    // longer than any buffer cut
      "VTICE0900" + std::string(250, 'A'),      // a well-formed prefix of 256 bytes
      "&#x56;TICE0900&#x20;X",
      "V&#x54;ICE0900<![CDATA[ X]]>",
   };
   for (const std::string& value : malformed) {
      const std::string routing = destination(value);
      const std::string message = with_header(routing);
      check_rejected(message, message.find("<nh2:DestinationORIID>"));
   }
}

TEST_CASE("class 1, recipients: XML routing values are read as an XML reader reads them before they are judged")
{
   struct spelled
   {
      std::string written;
      std::string read;
   };
   const std::vector<spelled> cases{
      { "VTICE0900", "VTICE0900" },
      { " \t\r\n VTICE0900 \r\n", "VTICE0900" },
      { "<![CDATA[VTICE0900]]>", "VTICE0900" },
      { "VTI<![CDATA[CE09]]>00", "VTICE0900" },
      { "&#86;TICE&#x30;900", "VTICE0900" },
      { "AX" + std::string(100000, ' '), "AX" },  // trailing blanks of any length are trimmed
      { std::string(100000, '\n') + "AX", "AX" },
   };
   for (const spelled& c : cases) {
      const std::string message = with_header(destination(c.written) + destination("ORTEST001"));
      CAPTURE(c.written.substr(0, 40));
      const both_readings r = read_both(message);
      REQUIRE_FALSE(r.stream.rejected());
      REQUIRE_FALSE(r.dom.rejected());
      CHECK(r.stream.recipients == std::vector<std::string>{ c.read, "ORTEST001" });
      CHECK(r.dom.recipients == r.stream.recipients);
      CHECK(r.output == message);  // a routing value is never redacted
   }
}

TEST_CASE("class 1, recipients: XML message key, sender and control field are held to their rules, once each")
{
   const std::vector<std::string> refused{
      "<nh2:MessageKeyCodeText>dr</nh2:MessageKeyCodeText>",
      "<nh2:MessageKeyCodeText>D R</nh2:MessageKeyCodeText>",
      "<nh2:MessageKeyCodeText></nh2:MessageKeyCodeText>",
      "<nh2:MessageKeyCodeText>DR</nh2:MessageKeyCodeText><nh2:MessageKeyCodeText>DR</nh2:MessageKeyCodeText>",
      "<nh2:OriginatingORIID>waoln0000</nh2:OriginatingORIID>",
      "<nh2:OriginatingORIID>WAOLN0000 X</nh2:OriginatingORIID>",
      "<nh2:OriginatingORIID>AX</nh2:OriginatingORIID><nh2:OriginatingORIID>AX</nh2:OriginatingORIID>",
      "<nh2:DocumentControlFieldText>SYN 1</nh2:DocumentControlFieldText>",
      "<nh2:DocumentControlFieldText>SYN00000001</nh2:DocumentControlFieldText>",
      "<nh2:DocumentControlFieldText/>",
   };
   for (const std::string& routing : refused) {
      const std::string message = with_header(routing);
      // The offset is that of the offending element: the second one of a repeated field.
      check_rejected(message, message.rfind("<nh2:"));
   }
   const both_readings ok = read_both(with_header(
      "<nh2:MessageKeyCodeText>RBSCRM</nh2:MessageKeyCodeText><nh2:OriginatingORIID>AX</nh2:OriginatingORIID>"
      "<nh2:DocumentControlFieldText>*AB-12</nh2:DocumentControlFieldText>"));
   REQUIRE_FALSE(ok.stream.rejected());
   CHECK(ok.stream.message_key == "RBSCRM");
   CHECK(ok.stream.sender_ori == "AX");
   CHECK(ok.stream.control_field == "*AB-12");
   CHECK(ok.stream.recipients.empty());  // no DestinationORIID: no recipient
}

TEST_CASE("class 1, recipients: XML routing elements holding markup, and headers or routing elements out of place, "
          "reject the message")
{
   struct placed
   {
      std::string message;
      std::string offending;  // the last place that starts so is the one the rejection points at
   };
   const std::string header = "<n2:NLETSMessageHeader>" + destination("AX") + "</n2:NLETSMessageHeader>";
   const std::vector<placed> cases{
      { with_header(destination("A<!-- c -->X")), "<!-- c -->" },
      { with_header(destination("AX<?pi x?>")), "<?pi x?>" },
      { with_header(destination("A<nh2:X/>X")), "<nh2:X/>" },
      { with_header(destination("<nh2:DestinationORIID>AX</nh2:DestinationORIID>")),
        "<nh2:DestinationORIID>AX" },
      // a second header, directly under the root or deeper, in the Nlets namespace or another
      { with_header(destination("AX"), header), "<n2:NLETSMessageHeader>" },
      { with_header(destination("AX"), "<n2:X>" + header + "</n2:X>"), "<n2:NLETSMessageHeader>" },
      { with_header(destination("AX"), "<x:NLETSMessageHeader xmlns:x=\"urn:x\"/>"), "<x:NLETSMessageHeader" },
      // the header not directly under the root
      { envelope_open + "<n2:X>" + header + "</n2:X></n2:NLETS>", "<n2:NLETSMessageHeader>" },
      // a routing element outside the header, in any namespace
      { with_header(destination("AX"), destination("VTICE0900")), "<nh2:DestinationORIID>VTICE0900" },
      { with_header(destination("AX"), "<x:DestinationORIID xmlns:x=\"urn:x\">VTICE0900</x:DestinationORIID>"),
        "<x:DestinationORIID" },
      { with_header(destination("AX"), "<n2:Data><OriginatingORIID>VTICE0900</OriginatingORIID></n2:Data>"),
        "<OriginatingORIID>" },
      { with_header(destination("AX"), "<MessageKeyCodeText>DR</MessageKeyCodeText>"), "<MessageKeyCodeText>" },
      { envelope_open + destination("AX") + header + "</n2:NLETS>", "<nh2:DestinationORIID>AX</nh2:DestinationORIID><n2" },
      { with_header(destination("AX"), destination("VTICE0900")), "<nh2:DestinationORIID>VTICE0900" },
   };
   for (const placed& c : cases) {
      const std::size_t at = c.message.rfind(c.offending);
      REQUIRE(at != std::string::npos);
      check_rejected(c.message, at);
   }
}

TEST_CASE("class 1, recipients: several XML destinations are several recipients, in any namespace and at any "
          "depth of the header")
{
   const std::string message =
      with_header(destination("ORTEST001") + destination("WA") +
                  "<r:DestinationORIID xmlns:r=\"urn:other\">VTICE0900</r:DestinationORIID>"
                  "<nh2:Wrapper>" + destination("AX") + "</nh2:Wrapper>");
   const both_readings r = read_both(message);
   REQUIRE_FALSE(r.stream.rejected());
   CHECK(r.stream.recipients == std::vector<std::string>{ "ORTEST001", "WA", "VTICE0900", "AX" });
   CHECK(r.dom.recipients == r.stream.recipients);
}

TEST_CASE("class 1, recipients: routing is read whatever the mask removes around it")
{
   // A routing element inside an element the mask drops is still routing, and a second
   // header inside one still rejects the message, under every mask.
   const std::string hidden = with_header(destination("AX"), "<nc:Image><n2:NLETSMessageHeader/></nc:Image>");
   for (const category_mask mask : { category_mask{}, category_mask::all() }) {
      const auto redactor = veil_test::make_xml_redactor(mask);
      std::string out;
      const veil::audit_record audit = redactor.redact(hidden, out);
      CHECK(audit.rejected());
      CHECK(out.empty());
   }
}
