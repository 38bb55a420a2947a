// Class 6, rejection reasons, for XML: whatever the reader or the redactors refuse, the
// reason names what was expected and where, never a byte of the message. Markers are
// planted in element names, prefixes, attribute names and values, routing values, free
// text and codes of messages each refused for another cause, and in every prefix of a
// valid message full of them; no reason of the stream or the DOM redactor holds one.

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

// Every marker shares this stem; no reason veil writes contains it.
constexpr std::string_view stem = "QZ7";

const std::string envelope_open = "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\" "
                                  "xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\" "
                                  "xmlns:QZ7p=\"urn:QZ7uri\">";

[[nodiscard]] std::string in_envelope(std::string_view body)
{
   return envelope_open + std::string(body) + "</n2:NLETS>";
}

// The reasons the stream redactor (under each mask and action) and the DOM redactor give
// for `message`, if they refuse it.
[[nodiscard]] std::vector<std::string> reasons_for(const std::string& message)
{
   std::vector<std::string> reasons;
   for (const veil::category_mask mask : { veil::category_mask{}, veil::category_mask::all() }) {
      for (const veil::action applied : { veil::action::drop, veil::action::mask }) {
         veil::xml::xml_options options;
         options.action = applied;
         options.held.max_held_bytes = 256;
         options.held.max_line_size = 128;
         const veil_test::xml_redactor stream{ veil::runtime_mask{ mask }, options };
         std::string out;
         const veil::audit_record audit = stream.redact(message, out);
         if (audit.rejected()) {
            reasons.push_back(audit.error->reason);
            CHECK(out.empty());
         }
         pugi::xml_document document;
         if (document.load_buffer(message.data(), message.size(), veil_test::oracle_parse_options)) {
            const veil::xml::dom_redactor dom{ veil::runtime_mask{ mask }, options };
            const veil::audit_record tree = dom.redact(document);
            if (tree.rejected()) {
               reasons.push_back(tree.error->reason);
            }
         }
      }
   }
   return reasons;
}

}  // namespace

TEST_CASE("class 6, rejection reasons: XML reasons never hold a byte of the message")
{
   const std::string long_text(300, 'Q');
   const std::vector<std::string> refused{
      // the reader
      in_envelope("<QZ7a></QZ7b>"),
      in_envelope("<QZ7x:e/>"),
      in_envelope("<QZ7p:e QZ7attr=\"1\" QZ7attr=\"2\"/>"),
      in_envelope("<e QZ7attr=QZ7value/>"),
      in_envelope("&QZ7entity;"),
      in_envelope("&#xQZ7;"),
      in_envelope("<!DOCTYPE QZ7>"),
      in_envelope("<QZ7p:e xmlns:QZ7q=\"\"/>"),
      in_envelope("<e>QZ7\x01</e>"),
      in_envelope("<?QZ7") ,
      in_envelope("<!--QZ7--QZ7-->"),
      envelope_open + "<QZ7open>",
      in_envelope("") + "QZ7after",
      // routing
      in_envelope("<n2:NLETSMessageHeader><nh2:DestinationORIID>QZ7VTICE0900</nh2:DestinationORIID>"
                  "</n2:NLETSMessageHeader>"),
      in_envelope("<n2:NLETSMessageHeader><QZ7p:DestinationORIID>QZ7 X</QZ7p:DestinationORIID>"
                  "</n2:NLETSMessageHeader>"),
      in_envelope("<n2:NLETSMessageHeader><nh2:MessageKeyCodeText>qz7</nh2:MessageKeyCodeText>"
                  "</n2:NLETSMessageHeader>"),
      in_envelope("<n2:NLETSMessageHeader><nh2:DestinationORIID>A<!--QZ7-->X</nh2:DestinationORIID>"
                  "</n2:NLETSMessageHeader>"),
      in_envelope("<QZ7p:X><QZ7p:NLETSMessageHeader/></QZ7p:X>"),
      in_envelope("<QZ7p:DestinationORIID>QZ7</QZ7p:DestinationORIID>"),
      // free text
      in_envelope("<n2:ResponseText>RES ADDR: QZ7<QZ7p:B>QZ7</QZ7p:B>\n</n2:ResponseText>"),
      in_envelope("<n2:ResponseText>RES ADDR: QZ7" + long_text + "\n</n2:ResponseText>"),
      in_envelope("<n2:ResponseText>QZ7\rPOB: QZ7\n\nQZ7\n</n2:ResponseText>"),
      // ITL
      in_envelope("<QZ7p:TransactionContentSummary><QZ7p:ContentRecordQuantity>QZ7</QZ7p:ContentRecordQuantity>"
                  "<QZ7p:ContentRecordSummary><QZ7p:RecordCategoryCode>10</QZ7p:RecordCategoryCode>"
                  "</QZ7p:ContentRecordSummary></QZ7p:TransactionContentSummary>"),
   };
   for (const std::string& message : refused) {
      CAPTURE(message);
      const std::vector<std::string> reasons = reasons_for(message);
      CHECK_FALSE(reasons.empty());
      for (const std::string& reason : reasons) {
         CAPTURE(reason);
         CHECK(reason.find(stem) == std::string::npos);
         CHECK(reason.find("qz7") == std::string::npos);
      }
   }
}

TEST_CASE("class 6, rejection reasons: every prefix of a message full of markers is refused without quoting it")
{
   const std::string message = in_envelope(
      "<n2:NLETSMessageHeader><nh2:DestinationORIID>AX</nh2:DestinationORIID></n2:NLETSMessageHeader>"
      "<QZ7p:QZ7elem QZ7p:QZ7attr=\"QZ7value&amp;\"><![CDATA[QZ7cdata]]><!--QZ7comment--><?QZ7pi QZ7?>"
      "<n2:ResponseText>RES ADDR: QZ7addr<!--QZ7-->\n   QZ7cont\n</n2:ResponseText>"
      "<nc:PersonOtherIdentification xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\">QZ7number"
      "</nc:PersonOtherIdentification>QZ7text&#x51;</QZ7p:QZ7elem>");
   std::size_t refused = 0;
   for (std::size_t end = 0; end < message.size(); ++end) {
      const std::vector<std::string> reasons = reasons_for(message.substr(0, end));
      refused += reasons.empty() ? 0 : 1;
      for (const std::string& reason : reasons) {
         CAPTURE(end);
         CAPTURE(reason);
         CHECK(reason.find(stem) == std::string::npos);
      }
   }
   CHECK(refused == message.size());  // every proper prefix is unfinished XML
}
