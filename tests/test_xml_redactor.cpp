// The XML redactor on hand-written messages: exact drop and mask semantics, elements
// matched by namespace URI and never by prefix, the routing header left alone and
// audited, identifications held back until their category code decides them (and
// treated as sensitive when they cannot be decided), free text inside XML redacted by
// the Nlets text rules, and malformed XML refused with nothing released.

#include "xml_redactor_test_support.hpp"

#include <veil/nlets/message_kind.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using veil_test::redaction;

const std::string nc2 = "http://niem.gov/niem/niem-core/2.0";
const std::string nc3 = "http://release.niem.gov/niem/niem-core/3.0/";

// An Nlets envelope with nc: bound to NIEM 2.0, j: to JXDM and s: to NIEM structures.
const std::string envelope_open = "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\""
                                  " xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\" xmlns:nc=\"" +
                                  nc2 +
                                  "\" xmlns:j=\"http://niem.gov/niem/domains/jxdm/4.0\""
                                  " xmlns:ebts=\"http://cjis.fbi.gov/fbi_ebts/10.0\""
                                  " xmlns:s=\"http://niem.gov/niem/structures/2.0\">";
const std::string envelope_close = "</n2:NLETS>";

[[nodiscard]] std::string in_envelope(std::string_view body)
{
   return envelope_open + std::string(body) + envelope_close;
}

// Redacts `body` inside the envelope; the output without the envelope, which must come
// out unchanged. The audit's offsets count from the start of the envelope.
[[nodiscard]] redaction redact_in_envelope(const veil_test::xml_redactor& redactor, std::string_view body)
{
   redaction result = veil_test::redact(redactor, in_envelope(body));
   if (result.audit.rejected()) {
      return result;
   }
   REQUIRE(result.output.starts_with(envelope_open));
   REQUIRE(result.output.ends_with(envelope_close));
   result.output = result.output.substr(envelope_open.size(), result.output.size() - in_envelope("").size());
   return result;
}

[[nodiscard]] redaction redact_in_envelope(std::string_view body, category_mask mask, action applied = action::drop)
{
   return redact_in_envelope(veil_test::make_xml_redactor(mask, applied), body);
}

struct body_case
{
   std::string body;
   category_mask mask;
   std::string expected;
};

// Each case with `applied`: the expected body comes out, well-formed, and the outcome
// is `passed` exactly when nothing changed.
void check_bodies(const std::vector<body_case>& cases, action applied)
{
   for (const body_case& c : cases) {
      CAPTURE(c.body);
      CAPTURE(c.mask.to_string());
      const redaction result = redact_in_envelope(c.body, c.mask, applied);
      CHECK(result.output == c.expected);
      CHECK(result.audit.result == (c.expected == c.body ? veil::outcome::passed : veil::outcome::redacted));
      CHECK_FALSE(veil_test::xml_error(in_envelope(result.output)).has_value());
   }
}

// Where `part` starts in the enveloped `body`.
[[nodiscard]] std::size_t offset_in_envelope(std::string_view body, std::string_view part)
{
   const std::size_t at = body.find(part);
   REQUIRE(at != std::string_view::npos);
   return envelope_open.size() + at;
}

constexpr category_mask photo{ category::photo };

}  // namespace

TEST_CASE("xml redactor: drop removes an element from the '<' of its start tag to the '>' of its end tag, nothing else")
{
   const std::string image = "<nc:Image>\n    <nc:BinaryBase64Object>QUJD</nc:BinaryBase64Object>\n  </nc:Image>";
   check_bodies(
      {
         { "\n  " + image + "\n  <nc:PersonName>N</nc:PersonName>\n", photo,
           "\n  \n  <nc:PersonName>N</nc:PersonName>\n" },
         { "a" + image + "b", photo, "ab" },
         { "<nc:Image/> <nc:Image s:id=\"i2\" />", photo, " " },
         { "<nc:Image><!-- c --><?pi x?><![CDATA[<raw> & ]]>&amp;&#65;</nc:Image>", photo, "" },
         { "<nc:Person><nc:PersonSSNIdentification><nc:IdentificationID>000</nc:IdentificationID>"
           "</nc:PersonSSNIdentification><nc:PersonName>N</nc:PersonName></nc:Person>",
           category_mask{ category::ssn }, "<nc:Person><nc:PersonName>N</nc:PersonName></nc:Person>" },
         { image, category_mask{ category::address }, image },  // not in the mask: untouched
      },
      action::drop);
}

TEST_CASE("xml redactor: mask keeps both tags as written, attributes included, and removes what is between them")
{
   check_bodies(
      {
         { "<nc:Image s:id=\"i1\" xml:lang='en'>x<nc:BinaryBase64Object>QUJD</nc:BinaryBase64Object></nc:Image >",
           photo, "<nc:Image s:id=\"i1\" xml:lang='en'></nc:Image >" },
         { "<nc:Image s:id=\"a>b\">x</nc:Image>", photo, "<nc:Image s:id=\"a>b\"></nc:Image>" },
         { "<nc:Image\n   s:id=\"i3\"\n>x</nc:Image>", photo, "<nc:Image\n   s:id=\"i3\"\n></nc:Image>" },
         { "<nc:Residence><nc:LocationAddress><nc:AddressFullText>1 MAIN</nc:AddressFullText></nc:LocationAddress>"
           "</nc:Residence>",
           category_mask{ category::address }, "<nc:Residence></nc:Residence>" },
      },
      action::mask);
   // An empty-element tag is kept as written, and is still a redacted field.
   const std::string empty = " <nc:Image/> <nc:Image s:id=\"i2\" /> ";
   const redaction result = redact_in_envelope(empty, photo, action::mask);
   CHECK(result.output == empty);
   CHECK(result.audit.fields.size() == 2);
}

TEST_CASE("xml redactor: every byte outside redacted elements is the input's")
{
   const std::string prolog =
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- before -->\r\n<?pi data?>\r\n";
   const std::string before = "\r\n  <nc:PersonName a=\"&quot;1&quot;\">A &amp; B &#65;&#x42; &lt;x&gt; "
                              "<![CDATA[<raw> & ]]>\xC3\xA9</nc:PersonName>\r\n  ";
   const std::string after = "\r\n  <!-- inside -->\r\n";
   const std::string epilog = "\r\n<!-- after -->\r\n";
   const std::string message = prolog + in_envelope(before + "<nc:Image>x</nc:Image>" + after) + epilog;
   for (const action applied : { action::drop, action::mask }) {
      const redaction result = veil_test::redact(veil_test::make_xml_redactor(photo, applied), message);
      CHECK(result.output ==
            prolog + in_envelope(before + (applied == action::drop ? "" : "<nc:Image></nc:Image>") + after) + epilog);
   }
}

TEST_CASE("xml redactor: the audit names each field by its qualified name as written, with category, action, "
          "offset and length in the input")
{
   const std::string image = "<nc:Image s:id=\"i1\">x</nc:Image>";
   const std::string ssn = "<nc:PersonSSNIdentification><nc:IdentificationID>0</nc:IdentificationID>"
                           "</nc:PersonSSNIdentification>";
   const std::string empty = "<core:Residence xmlns:core=\"" + nc2 + "\"/>";
   const std::string body = "<nc:PersonName>N</nc:PersonName>" + image + " " + ssn + "\n" + empty;
   for (const action applied : { action::drop, action::mask }) {
      const veil_test::xml_redactor redactor =
         veil_test::make_xml_redactor(category_mask{ category::photo, category::ssn, category::address }, applied);
      std::string out = "kept before: ";
      const veil::audit_record audit = redactor.redact(in_envelope(body), out, "message-7.xml");
      CHECK(audit.format == "nlets-xml");
      CHECK(audit.input == "message-7.xml");
      CHECK(audit.result == veil::outcome::redacted);
      CHECK(out.starts_with("kept before: <n2:NLETS"));
      REQUIRE(audit.fields.size() == 3);
      struct expected_field
      {
         std::string tag;
         category kind;
         std::string element;
      };
      const std::vector<expected_field> expected{
         { "nc:Image", category::photo, image },
         { "nc:PersonSSNIdentification", category::ssn, ssn },
         { "core:Residence", category::address, empty },
      };
      for (std::size_t i = 0; i < expected.size(); ++i) {
         CAPTURE(expected[i].tag);
         CHECK(audit.fields[i].tag == expected[i].tag);
         CHECK(audit.fields[i].kind == expected[i].kind);
         CHECK(audit.fields[i].applied == applied);
         CHECK(audit.fields[i].offset == offset_in_envelope(body, expected[i].element));
         CHECK(audit.fields[i].length == expected[i].element.size());
      }
   }
}

TEST_CASE("xml redactor: elements are matched by namespace URI, never by prefix")
{
   SUBCASE("nc: bound to NIEM 2.0 and to 3.0 in one message: both are the NIEM-core element")
   {
      const redaction result = redact_in_envelope("<nc:Image>a</nc:Image><n2:Attachment xmlns:nc=\"" + nc3 +
                                                     "\"><nc:Image>b</nc:Image></n2:Attachment><nc:Image>c</nc:Image>",
                                                  photo);
      CHECK(result.output == "<n2:Attachment xmlns:nc=\"" + nc3 + "\"></n2:Attachment>");
      CHECK(result.audit.fields.size() == 3);
   }
   SUBCASE("nc: bound to a namespace veil does not know: its Image is some other element")
   {
      const std::string body =
         "<n2:G xmlns:nc=\"urn:example:other\"><nc:Image>kept</nc:Image></n2:G><nc:Image>x</nc:Image>";
      CHECK(redact_in_envelope(body, photo).output ==
            "<n2:G xmlns:nc=\"urn:example:other\"><nc:Image>kept</nc:Image></n2:G>");
   }
   SUBCASE("a sensitive local name in an unknown namespace, in no namespace, or in another vocabulary is kept")
   {
      check_bodies({ { "<x:Image xmlns:x=\"urn:example\">v</x:Image><Image>v</Image>"
                       "<ebts:PersonSSNIdentification>1</ebts:PersonSSNIdentification>",
                       category_mask::all(),
                       "<x:Image xmlns:x=\"urn:example\">v</x:Image><Image>v</Image>"
                       "<ebts:PersonSSNIdentification>1</ebts:PersonSSNIdentification>" } },
                   action::drop);
   }
   SUBCASE("the same URI under another prefix, as the default namespace, or in a later NIEM release is matched")
   {
      const std::string body = "<core:Image xmlns:core=\"" + nc2 + "\">a</core:Image><Image xmlns=\"" + nc3 +
                               "\"><BinaryBase64Object>b</BinaryBase64Object></Image>"
                               "<nc5:PersonSSNIdentification xmlns:nc5=\"http://release.niem.gov/niem/niem-core/5.0/\">"
                               "c</nc5:PersonSSNIdentification>";
      const redaction result = redact_in_envelope(body, category_mask::all());
      CHECK(result.output.empty());
      REQUIRE(result.audit.fields.size() == 3);
      CHECK(result.audit.fields[0].tag == "core:Image");
      CHECK(result.audit.fields[1].tag == "Image");
      CHECK(result.audit.fields[2].tag == "nc5:PersonSSNIdentification");
      CHECK(result.audit.fields[2].kind == category::ssn);
   }
   SUBCASE("a URI is read as a reader reads it: references expanded")
   {
      const std::string body = "<core:Image xmlns:core=\"http&#58;//niem.gov/niem/niem-core/2&#x2E;0\">a</core:Image>"
                               "<x:Image xmlns:x=\"http://niem.gov/niem/niem-core/2.0&#32;\">b</x:Image>";
      CHECK(redact_in_envelope(body, photo).output ==
            "<x:Image xmlns:x=\"http://niem.gov/niem/niem-core/2.0&#32;\">b</x:Image>");
   }
}

TEST_CASE("xml redactor: routing values are never redacted and name key, sender, recipients and control field; "
          "the header shields nothing else")
{
   const std::string routing =
      "<n2:NLETSMessageHeader>\n"
      "  <nh2:MessageKeyCodeText> DR </nh2:MessageKeyCodeText>\n"
      "  <nh2:OriginatingORIID>WAOLN0000</nh2:OriginatingORIID>\n"
      "  <nh2:DestinationORIID>ORTEST001</nh2:DestinationORIID>\n"
      "  <nh2:DestinationORIID><![CDATA[WA]]></nh2:DestinationORIID>\n"
      "  <x:DestinationORIID xmlns:x=\"urn:example\">ZZ</x:DestinationORIID>\n"
      "  <nh2:DocumentControlFieldText><![CDATA[ SYN0000001 ]]></nh2:DocumentControlFieldText>\n  ";
   const std::string sensitive = "<nc:PersonSSNIdentification>000</nc:PersonSSNIdentification><nc:Image>x</nc:Image>\n"
                                 "  <n2:ResponseText>RES ADDR: 1 MAIN</n2:ResponseText>\n";
   for (const action applied : { action::drop, action::mask }) {
      const redaction result =
         redact_in_envelope(routing + sensitive + "</n2:NLETSMessageHeader><nc:Image>y</nc:Image>",
                            category_mask::all(), applied);
      const std::string expected =
         applied == action::drop
            ? routing + "\n  <n2:ResponseText></n2:ResponseText>\n</n2:NLETSMessageHeader>"
            : routing + "<nc:PersonSSNIdentification></nc:PersonSSNIdentification><nc:Image></nc:Image>\n"
                        "  <n2:ResponseText>RES ADDR: ******</n2:ResponseText>\n</n2:NLETSMessageHeader>"
                        "<nc:Image></nc:Image>";
      CHECK(result.output == expected);
      CHECK(result.audit.message_key == "DR");
      CHECK(result.audit.sender_ori == "WAOLN0000");
      // A lenient consumer matches local names: the element in another namespace is a recipient too.
      CHECK(result.audit.recipients == std::vector<std::string>{ "ORTEST001", "WA", "ZZ" });
      CHECK(result.audit.control_field == "SYN0000001");
      CHECK(result.audit.fields.size() == 4);
   }
}

namespace {

// An identification with the number and a category code in the given order.
[[nodiscard]] std::string identification(std::string_view code_element, bool code_first,
                                         std::string_view number = "012345678")
{
   const std::string id = "<nc:IdentificationID>" + std::string(number) + "</nc:IdentificationID>";
   return "<nc:PersonOtherIdentification>" +
          (code_first ? std::string(code_element) + id : id + std::string(code_element)) +
          "</nc:PersonOtherIdentification>";
}

constexpr std::string_view masked_identification = "<nc:PersonOtherIdentification></nc:PersonOtherIdentification>";

// The identification goes whole, as one immigration field, with either action.
void check_identification_removed(const std::string& body, const veil::xml::xml_options& options = {})
{
   for (const action applied : { action::drop, action::mask }) {
      CAPTURE(body.substr(0, 200));
      CAPTURE(veil::name_of(applied));
      const redaction result =
         redact_in_envelope(veil_test::make_xml_redactor(veil::default_mask, applied, options), body);
      CHECK(result.output == (applied == action::drop ? "" : std::string(masked_identification)));
      REQUIRE(result.audit.fields.size() == 1);
      CHECK(result.audit.fields[0].tag == "nc:PersonOtherIdentification");
      CHECK(result.audit.fields[0].kind == category::immigration);
      CHECK(result.audit.fields[0].offset == envelope_open.size());
      CHECK(result.audit.fields[0].length == body.size());
      CHECK_FALSE(veil_test::xml_error(in_envelope(result.output)).has_value());
   }
}

void check_identification_kept(const std::string& body, category_mask mask = veil::default_mask)
{
   for (const action applied : { action::drop, action::mask }) {
      CAPTURE(body);
      const redaction result = redact_in_envelope(body, mask, applied);
      CHECK(result.output == body);
      CHECK(result.audit.result == veil::outcome::passed);
   }
}

}  // namespace

TEST_CASE("xml redactor: an identification whose category code is AR, AN or PP, in any case, blanks around it, "
          "before or after the number, is immigration data")
{
   const std::vector<std::string> codes{
      "AR", "AN", "PP", "ar", "aN", "Pp", " AR", "AR\n", "\n\t pp \r\n", "<![CDATA[ an ]]>", "A<!-- split -->R"
   };
   for (const std::string& code : codes) {
      for (const std::string_view element : { "j:PersonIDCategoryCode", "ebts:PersonIDCategoryCode" }) {
         const std::string code_element = "<" + std::string(element) + ">" + code + "</" + std::string(element) + ">";
         for (const bool code_first : { false, true }) {
            check_identification_removed(identification(code_element, code_first));
         }
      }
   }
}

TEST_CASE("xml redactor: a category code veil cannot place is read as immigration data")
{
   for (const std::string code : { "SY", "A", "ARN", "PPP", "A R", "XAR", "PASSPORT" }) {
      for (const bool code_first : { false, true }) {
         check_identification_removed(
            identification("<j:PersonIDCategoryCode>" + code + "</j:PersonIDCategoryCode>", code_first));
      }
   }
}

TEST_CASE("xml redactor: NCIC types that reveal nothing, or an empty identification, leave it byte for byte")
{
   for (const std::string code : { "OA", "MP", "VA", "ss", " AF " }) {
      for (const bool code_first : { false, true }) {
         check_identification_kept(
            identification("<j:PersonIDCategoryCode>" + code + "</j:PersonIDCategoryCode>", code_first));
      }
   }
   check_identification_kept("<nc:PersonOtherIdentification/>");
   check_identification_kept("<nc:PersonOtherIdentification s:id=\"x\" />");
   check_identification_kept("<nc:PersonOtherIdentification> <!-- none --> </nc:PersonOtherIdentification>");
}

TEST_CASE("class 5, ITL XML: an identification whose number has no category code, or only empty ones, counts as "
          "immigration data")
{
   // The type of the number cannot be told: the strictest reading is an unknown NCIC type.
   for (const std::string code : { "", " ", "<![CDATA[]]>" }) {
      for (const bool code_first : { false, true }) {
         check_identification_removed(
            identification("<j:PersonIDCategoryCode>" + code + "</j:PersonIDCategoryCode>", code_first));
      }
   }
   check_identification_removed(identification("<j:PersonIDCategoryCode/>", true));
   check_identification_removed(identification("", false));
   // A code that is not inside the identification does not decide it: it has none.
   const std::string outside = "<nc:PersonOtherIdentification><nc:IdentificationID>1</nc:IdentificationID>"
                               "</nc:PersonOtherIdentification>";
   const redaction r = redact_in_envelope(outside + "<j:PersonIDCategoryCode>VA</j:PersonIDCategoryCode>",
                                          veil::default_mask);
   CHECK(r.output == "<j:PersonIDCategoryCode>VA</j:PersonIDCategoryCode>");
   // NIEM-core category texts count as codes, read by the same table.
   check_identification_removed(identification("<nc:IdentificationCategoryText>AR</nc:IdentificationCategoryText>", true));
   check_identification_removed(
      identification("<nc:IdentificationCategoryDescriptionText>Passport</nc:IdentificationCategoryDescriptionText>", false));
   check_identification_kept(identification("<nc:IdentificationCategoryText>VA</nc:IdentificationCategoryText>", true));
}

TEST_CASE("xml redactor: without immigration in the mask an identification is not looked at")
{
   // Without immigration in the mask an alien number is not looked at.
   category_mask everything_else;
   for (const category c : veil::all_categories) {
      everything_else = c == category::immigration ? everything_else : everything_else | category_mask{ c };
   }
   check_identification_kept(identification("<j:PersonIDCategoryCode>AR</j:PersonIDCategoryCode>", false),
                             everything_else);
}

TEST_CASE("xml redactor: an identification larger than max_held_bytes is sensitive whatever its code (fail closed)")
{
   SUBCASE("a small limit")
   {
      veil::xml::xml_options options;
      options.held.max_held_bytes = 64;
      for (const bool code_first : { false, true }) {
         for (const std::string code : { "OA", "AR" }) {
            check_identification_removed(identification("<j:PersonIDCategoryCode>" + code + "</j:PersonIDCategoryCode>",
                                                        code_first, std::string(100, '7')),
                                         options);
         }
      }
      // Just within the limit, it is decided by its code.
      const std::string small = identification("<j:PersonIDCategoryCode>OA</j:PersonIDCategoryCode>", false, "1");
      options.held.max_held_bytes = small.size();
      for (const action applied : { action::drop, action::mask }) {
         options.action = applied;
         CHECK(redact_in_envelope(veil_test::make_xml_redactor(veil::default_mask, applied, options), small).output ==
               small);
      }
   }
   SUBCASE("the default limit")
   {
      const std::size_t limit = veil::xml::held_element_limits{}.max_held_bytes;
      check_identification_removed(
         identification("<j:PersonIDCategoryCode>OA</j:PersonIDCategoryCode>", false, std::string(limit, '7')));
   }
}

TEST_CASE("xml redactor: a category code is read as an XML reader reads it, references expanded, "
          "blanks of any length around it")
{
   for (const std::string& code :
        std::vector<std::string>{ "&#65;R", "&#x41;&#x52;", "A&#82;", "&#32;AR&#10;",
                                  std::string(100000, ' ') + "AR" + std::string(300, '\n'), "&#66;R", "A&#32;R",
                                  "&amp;AR", "AR" + std::string(300, ' ') + "X" }) {
      check_identification_removed(
         identification("<j:PersonIDCategoryCode>" + code + "</j:PersonIDCategoryCode>", false));
   }
   for (const std::string& code : std::vector<std::string>{ "&#86;A", "O&#x41;", "&#32;SS&#10;" }) {
      check_identification_kept(identification("<j:PersonIDCategoryCode>" + code + "</j:PersonIDCategoryCode>", true));
   }
}

TEST_CASE("xml redactor: sensitive elements inside an identification: one field when it goes, their own when it stays")
{
   const category_mask mask{ category::photo, category::immigration };
   const std::string image = "<nc:Image>x</nc:Image>";
   const std::string kept_part =
      "<nc:IdentificationID>1</nc:IdentificationID><j:PersonIDCategoryCode>OA</j:PersonIDCategoryCode>";
   const std::string body = "<nc:PersonOtherIdentification>" + image + kept_part + "</nc:PersonOtherIdentification>";
   const redaction kept = redact_in_envelope(body, mask);
   CHECK(kept.output == "<nc:PersonOtherIdentification>" + kept_part + "</nc:PersonOtherIdentification>");
   REQUIRE(kept.audit.fields.size() == 1);
   CHECK(kept.audit.fields[0].tag == "nc:Image");
   CHECK(kept.audit.fields[0].offset == offset_in_envelope(body, image));

   const std::string alien =
      "<nc:PersonOtherIdentification>" + image +
      "<nc:IdentificationID>1</nc:IdentificationID><j:PersonIDCategoryCode>AR</j:PersonIDCategoryCode>"
      "</nc:PersonOtherIdentification>";
   const redaction removed = redact_in_envelope(alien, mask);
   CHECK(removed.output.empty());
   REQUIRE(removed.audit.fields.size() == 1);
   CHECK(removed.audit.fields[0].tag == "nc:PersonOtherIdentification");
}

TEST_CASE("xml redactor: a hold that gives up in the middle of an event releases nothing of the held element")
{
   SUBCASE("the mask action's start tag of a sensitive child crosses the limit")
   {
      // Held so far: the identification's start tag and the number, 77 bytes; the
      // image's start tag makes 87.
      const std::string body =
         "<nc:PersonOtherIdentification><nc:IdentificationID>A123</nc:IdentificationID>"
         "<nc:Image><v>SECRETIMG</v></nc:Image><nc:IdentificationID>SECRETID</nc:IdentificationID>"
         "<j:PersonIDCategoryCode>OA</j:PersonIDCategoryCode></nc:PersonOtherIdentification>";
      veil::xml::xml_options options;
      options.held.max_held_bytes = 80;
      const redaction result = redact_in_envelope(
         veil_test::make_xml_redactor(category_mask{ category::photo, category::immigration }, action::mask, options),
         body);
      CHECK(result.output == masked_identification);
      REQUIRE(result.audit.fields.size() == 1);
      CHECK(result.audit.fields[0].tag == "nc:PersonOtherIdentification");
      CHECK(result.audit.fields[0].length == body.size());
   }
   SUBCASE("a free-text line inside the identification crosses the limit")
   {
      const std::string body = "<nc:PersonOtherIdentification><n2:ResponseText>LINE ONE\nSECRET TWO\nSECRET THREE\n"
                               "</n2:ResponseText></nc:PersonOtherIdentification>";
      veil::xml::xml_options options;
      options.held.max_held_bytes = 60;
      for (const action applied : { action::drop, action::mask }) {
         const redaction result = redact_in_envelope(veil_test::make_xml_redactor(veil::default_mask, applied, options),
                                                     body + "<nc:PersonName/>");
         CHECK(result.output ==
               (applied == action::drop ? "" : std::string(masked_identification)) + "<nc:PersonName/>");
         CHECK(result.audit.fields.size() == 1);
      }
   }
}

namespace {

// The body of a legacy message: what follows the header's TXT line.
[[nodiscard]] std::size_t legacy_body_start(std::string_view message)
{
   return message.find("TXT\n") + 4;
}

}  // namespace

TEST_CASE("xml redactor: a free-text response wrapped in n2:ResponseText is redacted like its legacy twin")
{
   for (const veil_test::sample_message& legacy : veil_test::sample_messages()) {
      const std::string key = legacy.bytes.substr(0, legacy.bytes.find('.'));
      if (veil::nlets::body_kind_of(key) != veil::nlets::body_kind::free_text) {
         continue;
      }
      const std::string body = legacy.bytes.substr(legacy_body_start(legacy.bytes));
      for (const bool cdata : { true, false }) {
         for (const action applied : { action::drop, action::mask }) {
            CAPTURE(legacy.name);
            CAPTURE(cdata);
            CAPTURE(veil::name_of(applied));
            const std::string open = cdata ? "<n2:ResponseText><![CDATA[" : "<n2:ResponseText>";
            const std::string close = cdata ? "]]></n2:ResponseText>" : "</n2:ResponseText>";
            const redaction xml = redact_in_envelope(open + body + close, veil::default_mask, applied);
            const redaction text =
               veil_test::redact(veil_test::make_redactor(veil::default_mask, applied), legacy.bytes);
            const std::string golden_body = text.output.substr(legacy_body_start(text.output));
            CHECK(xml.output == open + golden_body + close);
            // The same fields, moved from the legacy body to the XML one.
            veil_test::check_same_fields(xml.audit, text.audit, envelope_open.size() + open.size(),
                                         legacy_body_start(legacy.bytes));
         }
      }
   }
}

TEST_CASE("xml redactor: n2:MailMessageText and n2:StatusMessageText hold free text too, other elements do not")
{
   check_bodies({ { "<n2:MailMessageText>RES ADDR: 1 MAIN\nSEE YOU</n2:MailMessageText>"
                    "<n2:StatusMessageText><![CDATA[POB: ZZ]]></n2:StatusMessageText>"
                    "<nc:PersonName>RES ADDR: 1 MAIN</nc:PersonName><n2:Remark>POB: ZZ</n2:Remark>",
                    veil::default_mask,
                    "<n2:MailMessageText>SEE YOU</n2:MailMessageText>"
                    "<n2:StatusMessageText><![CDATA[]]></n2:StatusMessageText>"
                    "<nc:PersonName>RES ADDR: 1 MAIN</nc:PersonName><n2:Remark>POB: ZZ</n2:Remark>" } },
                action::drop);
}

TEST_CASE("xml redactor: a free-text element nested in another does not end the outer body early")
{
   check_bodies({ { "<n2:ResponseText><n2:MailMessageText>A\n</n2:MailMessageText>RES ADDR: 1 MAIN ST\nB\n"
                    "</n2:ResponseText>RES ADDR: outside\n",
                    veil::default_mask,
                    "<n2:ResponseText><n2:MailMessageText>A\n</n2:MailMessageText>B\n</n2:ResponseText>"
                    "RES ADDR: outside\n" } },
                action::drop);
}

TEST_CASE("xml redactor: labels added in the options apply to free text inside XML")
{
   veil::xml::xml_options options;
   options.extra_labels = { { "DOMICILE:", category::address } };
   const redaction result = redact_in_envelope(veil_test::make_xml_redactor(veil::default_mask, action::mask, options),
                                               "<n2:ResponseText>DOMICILE: 1 MAIN\n</n2:ResponseText>");
   CHECK(result.output == "<n2:ResponseText>DOMICILE: ******\n</n2:ResponseText>");
   REQUIRE(result.audit.fields.size() == 1);
   CHECK(result.audit.fields[0].tag == "DOMICILE:");
}

TEST_CASE("xml redactor: a free-text line longer than held.max_line_size is rejected where it crosses the limit")
{
   veil::xml::xml_options options;
   options.held.max_line_size = 16;
   const std::string body = "<n2:ResponseText>SHORT\nA LINE MUCH LONGER THAN SIXTEEN\n</n2:ResponseText>";
   const redaction result =
      redact_in_envelope(veil_test::make_xml_redactor(veil::default_mask, action::drop, options), body);
   REQUIRE(result.audit.rejected());
   CHECK(result.audit.error->offset == offset_in_envelope(body, "A LINE") + 16);
   CHECK(result.audit.error->reason == "line longer than 16 bytes");
   // A line break written as a reference ends a line too: no line here is too long.
   const std::string broken = "<n2:ResponseText>NAM/AAAAAAA&#10;NAM/BBBB&#xD;&#xA;NAM/C\n</n2:ResponseText>";
   const redaction fits =
      redact_in_envelope(veil_test::make_xml_redactor(veil::default_mask, action::drop, options), broken);
   CHECK_FALSE(fits.audit.rejected());
   CHECK(fits.output == broken);
}

TEST_CASE("xml redactor: malformed XML is rejected with its offset and reason, and nothing of it is released")
{
   const std::string message = in_envelope("<nc:Image>x</nc:Image><nc:PersonName>N</nc:PersonName>");
   struct malformed
   {
      std::string bytes;
      std::size_t offset;
      std::string reason;
   };
   const std::string mismatched = in_envelope("<nc:Image>x</nc:Image><a></b>");
   const std::string unclosed = envelope_open + "<nc:Image>x</nc:Image>";
   const std::string undeclared = in_envelope("<nc:Image>x</nc:Image><zz:Name/>");
   const std::vector<malformed> cases{
      { mismatched, mismatched.find("</b>"), "end tag does not match the open element" },
      { unclosed, unclosed.size(), "message ends early: element not closed" },
      { "<!DOCTYPE n2:NLETS [<!ENTITY x \"y\">]>" + message, 0, "DOCTYPE is not allowed" },
      { undeclared, undeclared.find("zz:"), "undeclared namespace prefix" },
      { message + "<again/>", message.size(), "a second root element" },
   };
   for (const malformed& m : cases) {
      for (const action applied : { action::drop, action::mask }) {
         CAPTURE(m.bytes);
         const veil_test::xml_redactor redactor = veil_test::make_xml_redactor(veil::default_mask, applied);
         std::string out = "earlier output\n";
         const veil::audit_record audit = redactor.redact(m.bytes, out);
         CHECK(out == "earlier output\n");
         CHECK(audit.result == veil::outcome::rejected);
         CHECK(audit.fields.empty());  // the image redacted before the error is not reported as released
         REQUIRE(audit.error.has_value());
         CHECK(audit.error->offset == m.offset);
         CHECK(audit.error->reason == m.reason);
         const redaction streamed = veil_test::redact_in_chunks(redactor, m.bytes, {});
         CHECK(veil::to_json_line(streamed.audit) == veil::to_json_line(audit));
      }
   }
}

TEST_CASE("xml redactor: a static mask redacts as the same run-time mask does")
{
   const veil::xml::xml_redactor<veil::static_mask<veil::default_mask>> fixed;
   const veil_test::xml_redactor chosen = veil_test::make_xml_redactor(veil::default_mask);
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      CAPTURE(message.name);
      std::string fixed_out;
      const veil::audit_record fixed_audit = fixed.redact(message.bytes, fixed_out);
      const redaction chosen_result = veil_test::redact(chosen, message.bytes);
      CHECK(fixed_out == chosen_result.output);
      CHECK(veil::to_json_line(fixed_audit) == veil::to_json_line(chosen_result.audit));
   }
}

TEST_CASE("xml redactor: under every category an EBTS transaction also loses its SSN and biometric records")
{
   const std::string car = veil_test::read_sample("fbi_ebts10_Template_CAR_CriminalAnswerRequired.xml");
   const redaction result = veil_test::redact(veil_test::make_xml_redactor(category_mask::all()), car);
   // Read off the file: the Type-2 subject, then the Type-4, 7, 10, 10, 14, 15 and 17 records.
   const std::vector<std::pair<std::string, category>> expected{
      { "ebts:PersonCitizenshipCode", category::immigration },
      { "nc:PersonOtherIdentification", category::immigration },
      { "nc:PersonSSNIdentification", category::ssn },
      { "ebts:PersonBirthPlaceCode", category::immigration },
      { "ebts:PersonResidenceLocation", category::address },
      { "nc:EmploymentLocation", category::address },
      { "itl:PackageHighResolutionGrayscaleImageRecord", category::biometric },
      { "itl:PackageUserDefinedImageRecord", category::biometric },
      { "itl:PackageFacialAndSMTImageRecord", category::photo },
      { "itl:PackageFacialAndSMTImageRecord", category::photo },
      { "itl:PackageFingerprintImageRecord", category::biometric },
      { "itl:PackagePalmprintImageRecord", category::biometric },
      { "itl:PackageIrisImageRecord", category::biometric },
   };
   std::vector<std::pair<std::string, category>> fields;
   for (const veil::redacted_field& f : result.audit.fields) {
      fields.emplace_back(f.tag, f.kind);
   }
   CHECK(fields == expected);
   CHECK(result.output.find("220-56-5855") == std::string::npos);
   CHECK(result.output.find("<itl:Package") != std::string::npos);  // the Type-1 and Type-2 records stay
   CHECK_FALSE(veil_test::xml_error(result.output).has_value());
}

TEST_CASE("xml redactor: an element with content inside a free-text line is refused, not guessed")
{
   const category_mask address{ category::address };
   for (const std::string_view body : { "<n2:ResponseText>RES ADDR: <n2:B>1234 MAIN ST</n2:B>\n</n2:ResponseText>",
                                        "<n2:ResponseText>RES ADDR:\n   <n2:B>X</n2:B>ANYTOWN\n</n2:ResponseText>",
                                        "<n2:ResponseText>RES ADDR: 1<n2:B></n2:B>\n</n2:ResponseText>" }) {
      CAPTURE(body);
      const redaction r = redact_in_envelope(body, address);
      REQUIRE(r.audit.rejected());
      CHECK(r.audit.error->reason == "an element starts or ends inside a free-text line");
      CHECK(r.output.empty());
   }
   // Between lines an element is fine.
   const redaction between = redact_in_envelope(
      "<n2:ResponseText>NAM/X\n<n2:B>OK\n</n2:B>RES ADDR: 1 MAIN\n</n2:ResponseText>", address);
   CHECK(between.output == "<n2:ResponseText>NAM/X\n<n2:B>OK\n</n2:B></n2:ResponseText>");
}

TEST_CASE("xml redactor: an identification's category code counts at any depth inside it")
{
   const redaction r = redact_in_envelope(
      "<nc:PersonOtherIdentification><nc:IdentificationID>A123</nc:IdentificationID><j:Augmentation>"
      "<j:PersonIDCategoryCode>AR</j:PersonIDCategoryCode></j:Augmentation></nc:PersonOtherIdentification>",
      category_mask{ category::immigration });
   CHECK(r.output.empty());
   CHECK(r.audit.fields.size() == 1);
}

TEST_CASE("xml redactor: a routing header anywhere but directly under the root is refused")
{
   const redaction r =
      redact_in_envelope("<n2:X><n2:NLETSMessageHeader><nc:Image>PHOTO</nc:Image></n2:NLETSMessageHeader></n2:X>",
                         category_mask{ category::photo });
   REQUIRE(r.audit.rejected());
   CHECK(r.audit.error->offset == envelope_open.size() + std::string_view("<n2:X>").size());
   CHECK(r.output.empty());
}

TEST_CASE("xml redactor: free text is judged decoded, and what stays of a redacted line keeps its own spelling")
{
   struct decoded_case
   {
      std::string body;
      action applied;
      std::string expected;
   };
   const std::vector<decoded_case> cases{
      // A label spelled with references is still the label.
      { "<n2:ResponseText>RES&#32;ADDR: 1 MAIN\nOK\n</n2:ResponseText>", action::drop,
        "<n2:ResponseText>OK\n</n2:ResponseText>" },
      { "<n2:ResponseText>NAM/A &amp; B SOC/123&#45;45\n</n2:ResponseText>", action::drop,
        "<n2:ResponseText>NAM/A &amp; B\n</n2:ResponseText>" },
      // Masked: one mask byte per decoded byte, kept references as written.
      { "<n2:ResponseText>NAM/A&#x26;B SOC/1&#50;3\n</n2:ResponseText>", action::mask,
        "<n2:ResponseText>NAM/A&#x26;B SOC/***\n</n2:ResponseText>" },
      { "<n2:ResponseText>POB: &#xE9;&#233;\n</n2:ResponseText>", action::mask,
        "<n2:ResponseText>POB: ****\n</n2:ResponseText>" },
      // A line break written as a reference ends a line, as it does for a reader.
      { "<n2:ResponseText>NAM/A&#10;POB: ZZ\nOK\n</n2:ResponseText>", action::drop,
        "<n2:ResponseText>NAM/A&#10;OK\n</n2:ResponseText>" },
      { "<n2:ResponseText>POB&#58; ZZ\nOK\n</n2:ResponseText>", action::drop,
        "<n2:ResponseText>OK\n</n2:ResponseText>" },
      // Nothing redacted: the line is the input's, byte for byte.
      { "<n2:ResponseText>NAM/A&#x26;B&#10;OK\n</n2:ResponseText>", action::drop,
        "<n2:ResponseText>NAM/A&#x26;B&#10;OK\n</n2:ResponseText>" },
      // A line that ends with a line break written as a reference is not cut by markup.
      { "<n2:ResponseText>NAM/A&#10;<![CDATA[POB: ZZ\n]]>&#13;&#10;OK\n</n2:ResponseText>", action::drop,
        "<n2:ResponseText>NAM/A&#10;<![CDATA[]]>&#13;&#10;OK\n</n2:ResponseText>" },
      // CDATA has no references: "&#32;" there is five characters, not a blank.
      { "<n2:ResponseText><![CDATA[POB&#58; ZZ\n]]></n2:ResponseText>", action::drop,
        "<n2:ResponseText><![CDATA[POB&#58; ZZ\n]]></n2:ResponseText>" },
   };
   for (const decoded_case& c : cases) {
      CAPTURE(c.body);
      const redaction r = redact_in_envelope(c.body, veil::parse_mask("all"), c.applied);
      CHECK(r.output == c.expected);
      CHECK_FALSE(veil_test::xml_error(in_envelope(r.output)).has_value());
   }
   // The audit points at the input's bytes, references included.
   const std::string body = "<n2:ResponseText>NAM/A&#32;B SOC/1&#50;3\n</n2:ResponseText>";
   const redaction r = redact_in_envelope(body, category_mask{ category::ssn });
   REQUIRE(r.audit.fields.size() == 1);
   CHECK(r.audit.fields[0].offset == offset_in_envelope(body, "SOC/"));
   CHECK(r.audit.fields[0].length == std::string_view("SOC/1&#50;3").size());
}

TEST_CASE("xml redactor: in free text a CR alone ends a line, as XML reads it")
{
   check_bodies({ { "<n2:ResponseText>NAM/A\rPOB: ZZ\rOK\r</n2:ResponseText>", veil::default_mask,
                    "<n2:ResponseText>NAM/A\rOK\r</n2:ResponseText>" },
                  { "<n2:ResponseText>NAM/A\r\nPOB: ZZ\r\nOK</n2:ResponseText>", veil::default_mask,
                    "<n2:ResponseText>NAM/A\r\nOK</n2:ResponseText>" },
                  // A value removed at the end of a line that keeps its start: the CR after
                  // it is the line break, not part of the value, so the kept part does not
                  // run into the next line, written as a byte or as a reference.
                  { "<n2:ResponseText>SSN: 1  RES ADDR: 1 MAIN\rNEXT\r</n2:ResponseText>",
                    category_mask{ category::address }, "<n2:ResponseText>SSN: 1\rNEXT\r</n2:ResponseText>" },
                  { "<n2:ResponseText>SSN: 1  RES ADDR: 1 MAIN&#13;NEXT&#xD;</n2:ResponseText>",
                    category_mask{ category::address }, "<n2:ResponseText>SSN: 1&#13;NEXT&#xD;</n2:ResponseText>" },
                  { "<n2:ResponseText>SSN: 1  RES ADDR: 1 MAIN\r   ANYTOWN\nNEXT</n2:ResponseText>",
                    category_mask{ category::address }, "<n2:ResponseText>SSN: 1\rNEXT</n2:ResponseText>" } },
                action::drop);
   // A CR alone, a line that may be dropped, then an empty line: written as they stand
   // with the line between dropped, CR and LF would make one line break; no byte may
   // change, so the message is refused, and since whether the line goes depends on the
   // mask and the action, it is refused under every mask and action: a larger mask (one
   // that drops the CR's own line too) never releases what a smaller one refuses.
   constexpr std::string_view join_reason = "a free-text line ending in a CR and a later one starting with an LF "
                                            "would join into one line break if the lines between them were dropped";
   for (const std::string_view body : { "<n2:ResponseText>A\rPOB: ZZ\n\nB\n</n2:ResponseText>",
                                        "<n2:ResponseText>SSN: 1\rPOB: ZZ\n\nB\n</n2:ResponseText>",
                                        "<n2:ResponseText>A\rNOTHING TO DROP\n\nB\n</n2:ResponseText>" }) {
      for (const category_mask mask : { category_mask{ category::immigration },
                                        category_mask{ category::immigration, category::ssn },
                                        category_mask{ category::photo } }) {
         for (const action applied : { action::drop, action::mask }) {
            CAPTURE(body);
            CAPTURE(veil::name_of(applied));
            const redaction joined = redact_in_envelope(body, mask, applied);
            REQUIRE(joined.audit.rejected());
            CHECK(joined.audit.error->reason == join_reason);
            CHECK(joined.output.empty());
         }
      }
   }
   // Markup written between a CR written as such and an LF keeps them apart, whatever goes:
   // XML reads a CR byte an LF byte does not follow at once as an LF of its own.
   CHECK(redact_in_envelope("<n2:ResponseText>A\rPOB: ZZ\n<!---->\nB\n</n2:ResponseText>", veil::default_mask)
            .output == "<n2:ResponseText>A\r<!---->\nB\n</n2:ResponseText>");
   // A CR written as &#13; is a character: markup leaves no text between it and the LF.
   const redaction char_joined =
      redact_in_envelope("<n2:ResponseText>A&#13;POB: ZZ\n<!---->\nB\n</n2:ResponseText>", veil::default_mask);
   REQUIRE(char_joined.audit.rejected());
   CHECK(char_joined.audit.error->reason == join_reason);
   // A CR written as &#13; is a CR char to a reader, and any LF after it joins it: one
   // written as such, as a reference, or a CR written as such (which XML reads as an LF).
   for (const std::string_view next : { "\n", "&#10;", "\r" }) {
      CAPTURE(next);
      const std::string body = "<n2:ResponseText>A&#13;POB: ZZ\n" + std::string(next) + "B\n</n2:ResponseText>";
      const redaction referenced = redact_in_envelope(body, veil::default_mask);
      REQUIRE(referenced.audit.rejected());
      CHECK(referenced.audit.error->reason == join_reason);
   }
   // A CR written as such is read as an LF, which only an LF written as such joins.
   CHECK(redact_in_envelope("<n2:ResponseText>A\rPOB: ZZ\n&#10;B\n</n2:ResponseText>", veil::default_mask)
            .output == "<n2:ResponseText>A\r&#10;B\n</n2:ResponseText>");
   // &#13; followed by a CR written as such is one line break: the line after it is kept
   // with it ("A" CR LF, as a reader reads it), not an empty line of its own.
   CHECK(redact_in_envelope("<n2:ResponseText>A&#13;\rPOB: ZZ\nB\n</n2:ResponseText>", veil::default_mask)
            .output == "<n2:ResponseText>A&#13;\rB\n</n2:ResponseText>");
   // Split between CR and LF, the two are still one line break.
   const std::string body = "<n2:ResponseText>POB: ZZ\r\nOK\n</n2:ResponseText>";
   const std::string message = in_envelope(body);
   const std::size_t cr = message.find('\r');
   const redaction split = veil_test::redact_in_chunks(veil_test::make_xml_redactor(veil::default_mask), message,
                                                       { cr + 1 });
   CHECK(split.output == in_envelope("<n2:ResponseText>OK\n</n2:ResponseText>"));
}
