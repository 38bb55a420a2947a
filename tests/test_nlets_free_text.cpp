// Free-text response bodies: labelled lines (with address continuation lines), labels
// added at run time, and "PFX/value" tokens inside lines, including the dot-separated
// echo of a query inside an ER.

#include "nlets_test_support.hpp"

#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_options.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using veil_test::response_header;

using namespace veil_test::one_category;
using veil_test::check_response_bodies;

[[nodiscard]] veil_test::text_redactor redactor_with_labels(category_mask mask, action applied)
{
   veil::nlets::text_options options;
   options.extra_labels = { { "DOMICILE:", category::address }, { "TAX ID:", category::ssn } };
   return veil_test::make_redactor(mask, applied, options);
}

}  // namespace

TEST_CASE("nlets text free text: a labelled line goes with its terminator")
{
   check_response_bodies({
      { "A LINE\nSSN: 123-45-6789\nNEXT\n", ssn, "A LINE\nNEXT\n" },
      { "A LINE\r\nSSN: 123-45-6789\r\nNEXT\r\n", ssn, "A LINE\r\nNEXT\r\n" },
      { "A LINE\nSSN: 123-45-6789", ssn, "A LINE\n" },
      { "SSN: 123-45-6789\n", ssn, "" },
      // the whole line is the field, also the words before the label
      { "SUBJECT SSN: 123-45-6789\nNEXT\n", ssn, "NEXT\n" },
      { "POB: ZZ\nPLACE OF BIRTH: X\nCOUNTRY OF BIRTH: Y\nCITIZENSHIP: Z\nALIEN NO: A1\nALIEN NUMBER: A2\n"
        "PASSPORT NO: P3\nNAME: KEPT\n",
        immigration, "NAME: KEPT\n" },
   });
}

TEST_CASE("nlets text free text: the mask action keeps the label and stars the value")
{
   check_response_bodies(
      {
         { "SSN:  123-45-6789\nNEXT\n", ssn, "SSN:  ***********\nNEXT\n" },
         { "SSN: 12\r\n", ssn, "SSN: **\r\n" },
         { "SUBJECT SSN: 12 34\n", ssn, "SUBJECT SSN: *****\n" },
         // tokens before the label are masked too
         { "POB/ZZ  SSN: 123\n", immigration | ssn, "POB/**  SSN: ***\n" },
         { "SOC/123 SSN: 456\n", ssn, "SOC/*** SSN: ***\n" },
         { "RES ADDR: 1 MAIN ST\n   SPRINGFIELD IL\nNEXT\n", address,
           "RES ADDR: *********\n   **************\nNEXT\n" },
      },
      action::mask);
}

TEST_CASE("nlets text free text: an address label takes the more indented lines under it")
{
   check_response_bodies({
      { "RES ADDR: 1 MAIN ST\n   SPRINGFIELD\n   IL 62701\nDOB/19800101\n", address, "DOB/19800101\n" },
      { "MAIL ADDR: PO BOX 1\r\n          SPRINGFIELD\r\nEND\r\n", address, "END\r\n" },
      // stops at a line that is not indented more than the label's line ...
      { "  ADDRESS: 1 MAIN\n  SAME INDENT\n    DEEPER\n", address, "  SAME INDENT\n    DEEPER\n" },
      { "  ADDRESS: 1 MAIN\n    DEEPER\nX\n", address, "X\n" },
      // ... and at a blank line
      { "ADDRESS: 1 MAIN\n\n   INDENTED NOTE\n", address, "\n   INDENTED NOTE\n" },
      { "ADDRESS: 1 MAIN\n   \n   INDENTED NOTE\n", address, "   \n   INDENTED NOTE\n" },
      // other labels take only their own line
      { "SSN: 123\n   MORE\n", ssn, "   MORE\n" },
   });
}

TEST_CASE("nlets text free text: the audit of a label points at the label and spans its continuation")
{
   const std::string body = "NOTE\r\nRES ADDR: 1 MAIN ST\r\n   SPRINGFIELD\r\nEND\r\n";
   const std::string message = std::string(response_header) + body;
   const veil_test::redaction result = veil_test::redact(message, address);
   REQUIRE(result.audit.fields.size() == 1);
   const veil::redacted_field& f = result.audit.fields[0];
   CHECK(f.tag == "RES ADDR:");
   CHECK(f.kind == category::address);
   CHECK(message.substr(f.offset, f.length) == "RES ADDR: 1 MAIN ST\r\n   SPRINGFIELD");
}

TEST_CASE("nlets text free text: a token before a label is a field of its own, whatever the action")
{
   const std::string message = std::string(response_header) + "POB/ZZ  SSN: 123\n";
   for (const action applied : { action::drop, action::mask }) {
      CAPTURE(veil::name_of(applied));
      const veil_test::redaction result = veil_test::redact(message, immigration | ssn, applied);
      REQUIRE(result.audit.fields.size() == 2);
      CHECK(result.audit.fields[0].tag == "POB");
      // dropped, it takes the blanks up to the label, which go with the line
      CHECK(message.substr(result.audit.fields[0].offset, result.audit.fields[0].length) ==
            (applied == action::drop ? "POB/ZZ  " : "POB/ZZ"));
      CHECK(result.audit.fields[1].tag == "SSN:");
      CHECK(message.substr(result.audit.fields[1].offset, result.audit.fields[1].length) == "SSN: 123");
   }
}

TEST_CASE("nlets text free text: the text before a dropped label is audited with it, every byte once")
{
   struct audited
   {
      std::string tag;
      std::string span;
   };
   struct example
   {
      std::string body;
      category_mask mask;
      std::vector<audited> expected;
   };
   const std::vector<example> examples = {
      // the words before the label go with it: the label's entry starts after the indentation
      { "SUBJECT LIVES AT RES ADDR: 1 MAIN\n", address, { { "RES ADDR:", "SUBJECT LIVES AT RES ADDR: 1 MAIN" } } },
      { "   SEE RES ADDR: 1 MAIN\n", address, { { "RES ADDR:", "SEE RES ADDR: 1 MAIN" } } },
      // tokens in it keep entries of their own, which together cover it
      { "NOTE ARN/A1 SEE POB/ZZ RES ADDR: 1 MAIN\n",
        address | immigration,
        { { "ARN", "NOTE ARN/A1 SEE " }, { "POB", "POB/ZZ " }, { "RES ADDR:", "RES ADDR: 1 MAIN" } } },
      // a token of a category the mask keeps goes with the lead, audited with the label
      { "PHN/555 RES ADDR: 1 MAIN\n", address, { { "RES ADDR:", "PHN/555 RES ADDR: 1 MAIN" } } },
   };
   for (const example& e : examples) {
      CAPTURE(e.body);
      const std::string message = std::string(response_header) + e.body;
      const veil_test::redaction result = veil_test::redact(message, e.mask);
      CHECK(result.output == response_header);
      REQUIRE(result.audit.fields.size() == e.expected.size());
      for (std::size_t i = 0; i < e.expected.size(); ++i) {
         const veil::redacted_field& f = result.audit.fields[i];
         CHECK(f.tag == e.expected[i].tag);
         CHECK(message.substr(f.offset, f.length) == e.expected[i].span);
      }
   }
}

TEST_CASE("nlets text free text: labels match in any case, only at the start of a word")
{
   check_response_bodies({
      { "res addr: 1 main st\nNEXT\n", address, "NEXT\n" },
      { "Place Of Birth: nowhere\nNEXT\n", immigration, "NEXT\n" },
      { "(SSN: 123)\nNEXT\n", ssn, "NEXT\n" },
      { "NOSSN: 123\nXPOB: ZZ\nUNADDRESS: 1\n", ssn | immigration | address, "NOSSN: 123\nXPOB: ZZ\nUNADDRESS: 1\n" },
      // prefixes too: a token starts a word
      { "XPOB/ZZ 1CTZ/US\n", immigration, "XPOB/ZZ 1CTZ/US\n" },
   });
}

TEST_CASE("nlets text free text: labels added at run time follow the mask")
{
   const std::string_view body = "DOMICILE: 5 ELM ST\n   SPRINGFIELD\nTAX ID: 99-1234567\nEND\n";
   const veil_test::redaction by_address =
      veil_test::redact_body(redactor_with_labels(address, action::drop), response_header, body);
   CHECK(by_address.output == "TAX ID: 99-1234567\nEND\n");
   REQUIRE(by_address.audit.fields.size() == 1);
   CHECK(by_address.audit.fields[0].tag == "DOMICILE:");
   CHECK(by_address.audit.fields[0].kind == category::address);

   const veil_test::redaction by_ssn =
      veil_test::redact_body(redactor_with_labels(ssn, action::drop), response_header, body);
   CHECK(by_ssn.output == "DOMICILE: 5 ELM ST\n   SPRINGFIELD\nEND\n");

   const veil_test::redaction masked =
      veil_test::redact_body(redactor_with_labels(address | ssn, action::mask), response_header, body);
   CHECK(masked.output == "DOMICILE: ********\n   ***********\nTAX ID: **********\nEND\n");

   const veil_test::redaction lower_case =
      veil_test::redact_body(redactor_with_labels(address, action::drop), response_header, "domicile: 5 elm st\n");
   CHECK(lower_case.output.empty());

   const veil_test::redaction none =
      veil_test::redact_body(redactor_with_labels(category_mask::none(), action::drop), response_header, body);
   CHECK(none.output == body);

   veil::nlets::text_options empty_label;
   empty_label.extra_labels = { { "", category::address } };
   CHECK_THROWS_AS((void)veil_test::make_redactor(address, action::drop, empty_label), veil::policy_error);
}

TEST_CASE("nlets text free text: a token goes with the run of blanks before it")
{
   check_response_bodies({
      { "NAM/DOE  POB/MX  SEX/F\n", immigration, "NAM/DOE  SEX/F\n" },
      { "NAM/DOE  POB/MX\n", immigration, "NAM/DOE\n" },
      { "NAM/DOE \t POB/MX\r\n", immigration, "NAM/DOE\r\n" },
      // the first token of a line takes the blanks after it instead, so the line
      // still starts where it did
      { "POB/MX  SEX/F\n", immigration, "SEX/F\n" },
      { "   POB/MX  SEX/F\n", immigration, "   SEX/F\n" },
      { "NAM/A  POB/MX  CTZ/US  SEX/F\n", immigration, "NAM/A  SEX/F\n" },
      // a value runs to the next known token, so unknown "XYZ/" text goes with it
      { "ADR/1 MAIN ST APT/4  SEX/F\n", address, "SEX/F\n" },
      { "SEX/F  MNU/AR-1  MNU/VA-2\n", immigration, "SEX/F  MNU/VA-2\n" },
      // prefixes are read in any case: unknown is not safe
      { "NAM/DOE  pob/mx  sex/f\n", immigration, "NAM/DOE  sex/f\n" },
      { "NAM/DOE  Mnu/ar-1\n", immigration, "NAM/DOE\n" },
   });
   check_response_bodies({ { "NAM/DOE  POB/MX  SEX/F\n", immigration, "NAM/DOE  POB/**  SEX/F\n" } }, action::mask);
}

TEST_CASE("nlets text free text: a dropped token never joins the words around it into a label")
{
   // Each output, read again, holds the labels the input held: the word before the
   // token stays apart from the label right after it, so redacting the output again
   // changes nothing (a joined "TORSSN:" would read as the value of "ALIEN ...:").
   const std::vector<veil_test::body_case> cases{
      // the token ends the lead, right before a label: the '.' before it stays ...
      { "ALIEN NUMBE2024TOR.ARN/:99999\xe0SSN: 1\n", immigration, "ALIEN NUMBE2024TOR.SSN: 1\n" },
      // ... and so do the blanks before it in a column layout
      { "ALIEN NUMBE TOR ARN/:9\xe0SSN: 1\n", immigration, "ALIEN NUMBE TOR SSN: 1\n" },
      // a word glued to the prefix by an unseen byte is read with it and goes with it
      { "ALIEN NUMBE TOR\x01" "ARN/:9\xe0SSN: 1\n", immigration, "ALIEN NUMBE SSN: 1\n" },
      { "NAM/A TOR ARN/1,NAM/X\n", immigration, "NAM/A TOR NAM/X\n" },
   };
   check_response_bodies(cases);
   for (const veil_test::body_case& c : cases) {
      CAPTURE(c.expected);
      const veil_test::redaction again = veil_test::redact_body(response_header, c.expected, c.mask, action::drop);
      CHECK(again.output == c.expected);
   }
}

TEST_CASE("nlets text free text: what a line leaves is judged again as a reader of the output reads it")
{
   // Once POB/X goes, "CTZ" stands right before "PHONE:" and the output reads
   // "CTZ PHONE:", a citizenship label: it goes too, and the output, read again, is kept.
   const std::string body = "PHONE: 1 CTZ POB/X PHONE: 2\n";
   const veil_test::redaction once = veil_test::redact_body(response_header, body, immigration, action::drop);
   CHECK(once.output == "PHONE: 1\n");
   REQUIRE(once.audit.fields.size() == 2);
   CHECK(once.audit.fields[0].tag == "POB");
   // the label read in the output is audited where its words stand in the message
   CHECK(once.audit.fields[1].kind == category::immigration);
   CHECK(once.audit.fields[1].offset == response_header.size() + body.find("CTZ"));
   CHECK(once.audit.fields[1].offset + once.audit.fields[1].length == response_header.size() + body.size() - 1);
   const veil_test::redaction again = veil_test::redact_body(response_header, once.output, immigration, action::drop);
   CHECK(again.output == once.output);
   CHECK(again.audit.fields.empty());
   // masked, the token keeps its place and nothing is joined
   check_response_bodies({ { body, immigration, "PHONE: 1 CTZ POB/* PHONE: 2\n" } }, action::mask);
}

TEST_CASE("nlets text free text: dot-separated tokens of an ER echo go with their '.'")
{
   const std::string header = "ER.NL0000000\n10:20 03/14/2024 00413\n10:20 03/14/2024 01878 ORTEST001\nTXT\n";
   veil_test::check_bodies(header, {
      { "PUR/C.NAM/A.POB/ZZ.SEX/M\n", immigration, "PUR/C.NAM/A.SEX/M\n" },
      { "PUR/C.SEX/M.ARN/0123\n", immigration, "PUR/C.SEX/M\n" },
      { "POB/ZZ.NAM/A\n", immigration, "NAM/A\n" },
      { "NAM/A.POB/ZZ.CTZ/US.SEX/M\n", immigration, "NAM/A.SEX/M\n" },
      { "IAQ.ORTEST001.AX.TXT\nPUR/C.POB/ZZ.ARN/1\n", immigration, "IAQ.ORTEST001.AX.TXT\nPUR/C\n" },
      // a token that another follows without a '.' is not the last of its list: the '.'
      // before it stays, so the value before is not glued to the next token
      { "NAM/A.CTZ/X-SEX/M\n", immigration, "NAM/A.SEX/M\n" },
      { "MNU/VA.CTZ/NAM/\n", immigration, "MNU/VA.NAM/\n" },
   });
}

TEST_CASE("nlets text free text: a line of nothing but dropped tokens disappears")
{
   check_response_bodies({
      { "POB/ZZ  CTZ/US\nNEXT\n", immigration, "NEXT\n" },
      { "POB/ZZ  CTZ/US\r\nNEXT\r\n", immigration, "NEXT\r\n" },
      { "POB/ZZ.CTZ/US\nNEXT\n", immigration, "NEXT\n" },
      { "   ARN/012345678\nNEXT\n", immigration, "NEXT\n" },
      { "NEXT\nPOB/ZZ", immigration, "NEXT\n" },
   });
   check_response_bodies({ { "POB/ZZ  CTZ/US\nNEXT\n", immigration, "POB/**  CTZ/**\nNEXT\n" } }, action::mask);
}

TEST_CASE("nlets text free text: an address token that ends its line takes the indented lines under it")
{
   check_response_bodies({
      { "ADR/1 MAIN ST\n    SPRINGFIELD\nNEXT\n", address, "NEXT\n" },
      { "NAM/A  ADR/1 MAIN ST\n    SPRINGFIELD\nNEXT\n", address, "NAM/A\nNEXT\n" },
      // dots after the value do not end it early, however many
      { "ADR/1 MAIN ST..\n    SPRINGFIELD\nNEXT\n", address, "NEXT\n" },
      // also when another token follows it on the line: in columns, the indented line
      // may be the address's next line
      { "ADR/1 MAIN ST  SEX/F\n    INDENTED\nNEXT\n", address, "SEX/F\nNEXT\n" },
   });
}

TEST_CASE("nlets text free text: ssn and contact labels and tokens only under masks that name them")
{
   const std::string_view body = "SSN: 1\nSOC SEC NO: 2\nPHONE: 3\nEMAIL: A@B.EXAMPLE\nSOC/4  PHN/5  SSN/6\n";
   check_response_bodies({
      { body, veil::default_mask, body },
      { body, ssn, "PHONE: 3\nEMAIL: A@B.EXAMPLE\nPHN/5\n" },
      { body, contact, "SSN: 1\nSOC SEC NO: 2\nSOC/4  SSN/6\n" },
      { body, ssn | contact, "" },
   });
}

TEST_CASE("nlets text free text: a body that starts on the header's line never takes the header's line break")
{
   // Right after TXT the header may end without a line break, and the body's first line
   // is then on the header's line: dropped whole, it keeps its line break, or the next
   // line would read as more of the header (".PC" after TXT as a control field).
   for (const std::string_view first : { "ADDRESS: 9 MAIN", ": ZZ ADDRESS: 9 MAIN", "POB/MX" }) {
      for (const std::string_view terminator : { "\n", "\r\n" }) {
         CAPTURE(first);
         const std::string message =
            "LR.ORTEST001.WA.TXT" + std::string(first) + std::string(terminator) + ".PC" + std::string(terminator);
         const veil_test::redaction result = veil_test::redact(message, address | immigration);
         REQUIRE_FALSE(result.audit.rejected());
         CHECK(result.output == "LR.ORTEST001.WA.TXT" + std::string(terminator) + ".PC" + std::string(terminator));
         const veil_test::redaction again = veil_test::redact(result.output, address | immigration);
         REQUIRE_FALSE(again.audit.rejected());
         CHECK(again.output == result.output);
      }
   }
}
