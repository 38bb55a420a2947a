// The DOM twin: the same decisions as the stream redactor on a pugixml tree. The stream
// redactor's output, read back by pugixml, is the tree the DOM redactor leaves, for every
// shipped message, every EBTS sample and generated messages under random masks; and the
// DOM redactor keeps its own promises (rejected means untouched, deep trees refused).

#include "dom_twin_support.hpp"
#include "xml_redactor_test_support.hpp"

#include <veil/xml/dom_redactor.hpp>

#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <sstream>
#include <string>
#include <string_view>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;

using dom_redactor = veil::xml::dom_redactor<veil::runtime_mask>;

[[nodiscard]] veil::xml::xml_options options_for(action applied)
{
   veil::xml::xml_options options;
   options.action = applied;
   options.extra_labels = veil_test::generated_extra_labels;
   return options;
}

void check_twins(std::string_view message, category_mask mask, action applied)
{
   const veil_test::xml_redactor stream{ veil::runtime_mask{ mask }, options_for(applied) };
   const dom_redactor dom{ veil::runtime_mask{ mask }, options_for(applied) };
   const veil_test::twin_result r = veil_test::redact_both_ways(stream, dom, message);
   REQUIRE_FALSE(r.stream_audit.rejected());
   CHECK_MESSAGE(!r.difference, *r.difference);
}

[[nodiscard]] std::string saved(const pugi::xml_document& document)
{
   std::ostringstream out;
   document.save(out, "", pugi::format_raw | pugi::format_no_declaration);
   return out.str();
}

constexpr std::string_view envelope_open = "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\" "
                                           "xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\" "
                                           "xmlns:j=\"http://niem.gov/niem/domains/jxdm/4.0\">";

[[nodiscard]] std::string in_envelope(std::string_view body)
{
   return std::string(envelope_open) + std::string(body) + "</n2:NLETS>";
}

}  // namespace

TEST_CASE("dom twin: every shipped message and EBTS sample, under every single category, all, and both actions")
{
   for (const veil_test::sample_message& m : veil_test::xml_messages()) {
      CAPTURE(m.name);
      for (const action applied : { action::drop, action::mask }) {
         check_twins(m.bytes, category_mask::all(), applied);
         check_twins(m.bytes, veil::default_mask, applied);
         for (const category c : veil::all_categories) {
            check_twins(m.bytes, category_mask{ c }, applied);
         }
      }
   }
}

TEST_CASE("dom twin: generated messages under random masks, both actions")
{
   veil_test::xml_message_generator generate(1109);
   for (int i = 0; i < 1000; ++i) {
      const veil_test::planted_xml_message message = generate.message();
      const category_mask mask = generate.mask();
      CAPTURE(message.bytes);
      CAPTURE(mask.to_string());
      for (const action applied : { action::drop, action::mask }) {
         check_twins(message.bytes, mask, applied);
      }
   }
}

TEST_CASE("dom twin: the cases where stream and tree differ most in shape agree too")
{
   const std::vector<std::string> bodies{
      // references in free text and codes, a CR alone, CDATA next to text
      "<n2:ResponseText>RES&#32;ADDR: 1 MAIN\r\nNAM/A&#10;POB: ZZ\rOK\n<![CDATA[SSN: 1\n]]>\n</n2:ResponseText>",
      "<nc:PersonOtherIdentification><nc:IdentificationID>1</nc:IdentificationID>"
      "<j:PersonIDCategoryCode> &#65;R </j:PersonIDCategoryCode></nc:PersonOtherIdentification>",
      "<nc:PersonOtherIdentification><j:PersonIDCategoryCode>A<!-- c -->R</j:PersonIDCategoryCode>"
      "<nc:Image>x</nc:Image></nc:PersonOtherIdentification>",
      // a free-text body with a sensitive element and a nested free-text element in it
      "<n2:ResponseText>NAM/A\n<nc:Image>x</nc:Image>\nPOB: ZZ\n<n2:MailMessageText>SSN: 1\n</n2:MailMessageText>"
      "SOC/1\n</n2:ResponseText>",
      // a routing value with line breaks written as CR around it: a reader reads LF
      "<n2:NLETSMessageHeader xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\">"
      "<nh2:OriginatingORIID>\r\rWAOLN0000\r\n</nh2:OriginatingORIID></n2:NLETSMessageHeader>",
      // empty and self-closing elements of every role
      "<nc:Image/><nc:Image></nc:Image><n2:ResponseText/><nc:PersonOtherIdentification/>",
   };
   for (const std::string& body : bodies) {
      CAPTURE(body);
      for (const action applied : { action::drop, action::mask }) {
         check_twins(in_envelope(body), category_mask::all(), applied);
      }
   }
}

TEST_CASE("dom twin: a CR alone after a value removed from a line that keeps its start is a line break to both")
{
   // pugixml reads the CR as an LF: the stream redactor must not take it with the value.
   const std::vector<std::string> bodies{
      "<n2:ResponseText>SSN: 1  RES ADDR: 1 MAIN\rNEXT\r</n2:ResponseText>",
      "<n2:ResponseText>RES ADDR: 1\r\tN ST\nSSN: 1  RES ADDR: 1\r\tN ST\nNEXT</n2:ResponseText>",
   };
   for (const std::string& body : bodies) {
      CAPTURE(body);
      for (const action applied : { action::drop, action::mask }) {
         check_twins(in_envelope(body), category_mask{ category::address }, applied);
      }
   }
}

TEST_CASE("dom twin: drop removes the element, mask empties it, routing stays, the header shields nothing else")
{
   const std::string message =
      in_envelope("<n2:NLETSMessageHeader xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\">"
                  "<nh2:MessageKeyCodeText>DR</nh2:MessageKeyCodeText><nc:Image>h</nc:Image></n2:NLETSMessageHeader>"
                  "<nc:PersonName>N</nc:PersonName><nc:Image a=\"1\"><nc:BinaryBase64Object>QUJD</nc:BinaryBase64Object>"
                  "</nc:Image>");
   for (const action applied : { action::drop, action::mask }) {
      pugi::xml_document document;
      REQUIRE(document.load_buffer(message.data(), message.size()));
      const dom_redactor redactor{ veil::runtime_mask{ category_mask{ category::photo } }, options_for(applied) };
      const veil::audit_record audit = redactor.redact(document);
      const std::string emptied = applied == action::mask ? "<nc:Image/>" : "";
      const std::string kept = "<n2:NLETSMessageHeader xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\">"
                               "<nh2:MessageKeyCodeText>DR</nh2:MessageKeyCodeText>" +
                               emptied + "</n2:NLETSMessageHeader><nc:PersonName>N</nc:PersonName>";
      CHECK(saved(document) == in_envelope(kept + (applied == action::mask ? "<nc:Image a=\"1\"/>" : "")));
      CHECK(audit.result == veil::outcome::redacted);
      CHECK(audit.message_key == "DR");
      REQUIRE(audit.fields.size() == 2);
      for (const veil::redacted_field& f : audit.fields) {
         CHECK(f.tag == "nc:Image");
         CHECK(f.kind == category::photo);
         CHECK(f.applied == applied);
      }
      CHECK(audit.fields[1].offset == message.find("<nc:Image a="));  // where pugixml read it
   }
}

TEST_CASE("dom twin: a rejected message leaves the tree as it was")
{
   const std::vector<std::pair<std::string, std::string>> refused{
      { "<nc:Image>x</nc:Image><q:Name>y</q:Name>", "undeclared namespace prefix" },
      { "<nc:Image>x</nc:Image><n2:ResponseText>RES ADDR: <n2:B>1 MAIN</n2:B>\n</n2:ResponseText>",
        "an element starts or ends inside a free-text line" },
   };
   for (const auto& [body, reason] : refused) {
      const std::string message = in_envelope(body);
      CAPTURE(message);
      pugi::xml_document document;
      REQUIRE(document.load_buffer(message.data(), message.size()));
      const std::string before = saved(document);
      const veil::audit_record audit = dom_redactor{ veil::runtime_mask{ category_mask::all() } }.redact(document);
      REQUIRE(audit.rejected());
      CHECK(audit.error->reason == reason);
      CHECK(audit.fields.empty());
      CHECK(saved(document) == before);
   }
}

TEST_CASE("dom twin: a tree deeper than the depth limit is refused before anything is removed")
{
   // pugixml frees subtrees recursively: a photo wrapping 100,000 levels would crash it.
   std::string deep;
   for (int i = 0; i < 100000; ++i) {
      deep += "<d>";
   }
   for (int i = 0; i < 100000; ++i) {
      deep += "</d>";
   }
   const std::string message = in_envelope("<nc:Image>" + deep + "</nc:Image>");
   pugi::xml_document document;
   REQUIRE(document.load_buffer(message.data(), message.size()));
   const veil::audit_record audit = dom_redactor{ veil::runtime_mask{ category_mask::all() } }.redact(document);
   REQUIRE(audit.rejected());
   CHECK(audit.error->reason == "elements nested deeper than 256");
   CHECK(document.child("n2:NLETS").child("nc:Image"));
}

TEST_CASE("dom twin: a static mask redacts as the same run-time mask does")
{
   const std::string message = veil_test::xml_messages().front().bytes;
   pugi::xml_document a;
   pugi::xml_document b;
   REQUIRE(a.load_buffer(message.data(), message.size()));
   REQUIRE(b.load_buffer(message.data(), message.size()));
   const veil::audit_record fixed = veil::xml::dom_redactor<veil::static_mask<veil::default_mask>>{}.redact(a);
   const veil::audit_record configured = dom_redactor{ veil::runtime_mask{ veil::default_mask } }.redact(b);
   CHECK(saved(a) == saved(b));
   CHECK(fixed.fields.size() == configured.fields.size());
   CHECK_FALSE(fixed.fields.empty());
}

TEST_CASE("dom twin: the oracle sees a changed text, attribute, element or comment, and not how text is cut")
{
   const auto differ = [](std::string_view a, std::string_view b) {
      pugi::xml_document x;
      pugi::xml_document y;
      REQUIRE(x.load_buffer(a.data(), a.size(), veil_test::oracle_parse_options));
      REQUIRE(y.load_buffer(b.data(), b.size(), veil_test::oracle_parse_options));
      return veil_test::tree_difference(x, y).has_value();
   };
   CHECK(differ("<a>x</a>", "<a>y</a>"));
   CHECK(differ("<a k=\"1\"/>", "<a k=\"2\"/>"));
   CHECK(differ("<a k=\"1\"/>", "<a/>"));
   CHECK(differ("<a><b/></a>", "<a/>"));
   CHECK(differ("<a><b/><c/></a>", "<a><c/><b/></a>"));
   CHECK(differ("<a><!--x--></a>", "<a/>"));
   CHECK(differ("<a> </a>", "<a/>"));
   CHECK_FALSE(differ("<a>x<![CDATA[y]]></a>", "<a>xy</a>"));
   CHECK_FALSE(differ("<a k='1'>&#65;</a>", "<a k=\"1\">A</a>"));
}
