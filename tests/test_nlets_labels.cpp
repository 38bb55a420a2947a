// Free text, class by class: indentation in columns, several labels on a line, labels
// whose value is on the next line, spelling variants read by the label grammar, labels
// inside kept query fields, run-time labels and overrides, and bytes a reader does not
// see. The property over generated variants is in test_nlets_reader_view.cpp.

#include "nlets_test_support.hpp"

#include <veil/field_overrides.hpp>
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
using veil_test::query_header;
using veil_test::response_header;

using namespace veil_test::one_category;
using veil_test::check_response_bodies;

// The tags the audit of `body` (a response) names, in order.
[[nodiscard]] std::vector<std::string> audited_tags(std::string_view body, category_mask mask,
                                                    action applied = action::drop)
{
   const veil_test::redaction result = veil_test::redact_body(response_header, body, mask, applied);
   std::vector<std::string> tags;
   for (const veil::redacted_field& f : result.audit.fields) {
      tags.push_back(f.tag);
   }
   return tags;
}

}  // namespace

TEST_CASE("class 3, free text: indentation is measured in columns, with a tab stop every 8 columns")
{
   check_response_bodies({
      // a tab is column 8, deeper than four spaces
      { "    RES ADDR: 1 MAIN\n\tSPRINGFIELD\nNEXT\n", address, "NEXT\n" },
      // eight spaces stand where a tab does: no deeper
      { "\tRES ADDR: 1 MAIN\n        SAME COLUMN\n", address, "        SAME COLUMN\n" },
      { "\tRES ADDR: 1 MAIN\n         DEEPER\nNEXT\n", address, "NEXT\n" },
      // blanks before a tab are inside its 8 columns
      { "      \tRES ADDR: 1 MAIN\n\tSAME COLUMN\n", address, "\tSAME COLUMN\n" },
      { "  \tRES ADDR: 1 MAIN\n\t SPRINGFIELD\nNEXT\n", address, "NEXT\n" },
      { "        RES ADDR: 1 MAIN\n\t\tSPRINGFIELD\n\t62701\nNEXT\n", address, "\t62701\nNEXT\n" },
      // control characters take no column
      { "RES ADDR: 1 MAIN\n\x7f\x7f  SPRINGFIELD\nNEXT\n", address, "NEXT\n" },
      { "  RES ADDR: 1 MAIN\n\x7f\x7f\x7f SAME COLUMN\n", address, "\x7f\x7f\x7f SAME COLUMN\n" },
   });
   check_response_bodies({ { "    RES ADDR: 1 MAIN\n\tSPRINGFIELD\nNEXT\n", address,
                   "    RES ADDR: ******\n\t***********\nNEXT\n" } },
               action::mask);
}

TEST_CASE("class 3, free text: a line with several labels is redacted for each of them")
{
   const std::string_view two = "SSN: 123  RES ADDR: 1 MAIN\n   SPRINGFIELD\nNEXT\n";
   check_response_bodies({
      // what stays between labels of categories outside the mask stays
      { two, address, "SSN: 123\nNEXT\n" },
      { two, ssn, "RES ADDR: 1 MAIN\n   SPRINGFIELD\nNEXT\n" },
      { two, address | ssn, "NEXT\n" },
      // an address label anywhere on the line takes the lines indented under it
      { "PHONE: 555 RES ADDR: 1 MAIN\n    SPRINGFIELD\nNEXT\n", address | contact, "NEXT\n" },
      { "PHONE: 555 RES ADDR: 1 MAIN\n    SPRINGFIELD\nNEXT\n", address, "PHONE: 555\nNEXT\n" },
      { "RES ADDR: 1 MAIN  PHONE: 555\n          SPRINGFIELD\nNEXT\n", address, "PHONE: 555\nNEXT\n" },
      { "RES ADDR: 1 MAIN  PHONE: 555\n          SPRINGFIELD\n", contact, "RES ADDR: 1 MAIN\n          SPRINGFIELD\n" },
      // a label between two that stay goes with the blanks after it
      { "SSN: 1  CTZ: MX  PHONE: 555\n", immigration, "SSN: 1  PHONE: 555\n" },
      // words before a colon that are no label do not end a value
      { "SSN: 1  CTZ: MX  DOB: 19800101\n", immigration, "SSN: 1\n" },
      { "SSN: 1  PHONE: 2  CTZ: MX\n", contact, "SSN: 1  CTZ: MX\n" },
      // tokens before, between and after labels are fields of their own
      { "NAM/DOE  SSN: 1  POB/MX\n", immigration, "NAM/DOE  SSN: 1\n" },
      // an address field inside a removed value is continued below as well
      { "PHONE: 555 ADR/1 MAIN\n    SPRINGFIELD\nNEXT\n", contact | address, "NEXT\n" },
      { "PHONE: 555 ADR/1 MAIN\n    SPRINGFIELD\nNEXT\n", address, "PHONE: 555\nNEXT\n" },
      { "PHONE: 555 ADR/1 MAIN\n    SPRINGFIELD\nNEXT\n", contact, "    SPRINGFIELD\nNEXT\n" },
   });
   check_response_bodies({ { two, address | ssn, "SSN: ***  RES ADDR: ******\n   ***********\nNEXT\n" },
                 { "SSN: 1  CTZ: MX  PHONE: 555\n", immigration, "SSN: 1  CTZ: **  PHONE: 555\n" } },
               action::mask);
   CHECK(audited_tags(two, address | ssn) == std::vector<std::string>{ "SSN:", "RES ADDR:" });
   CHECK(audited_tags("PHONE: 555 RES ADDR: 1 MAIN\n", address | contact) ==
         std::vector<std::string>{ "PHONE:", "RES ADDR:" });
}

TEST_CASE("class 3, free text: the audit of each label on a line points at its own value")
{
   const std::string body = "SSN: 123  RES ADDR: 1 MAIN\n   SPRINGFIELD\nNEXT\n";
   const std::string message = std::string(response_header) + body;
   const veil_test::redaction result = veil_test::redact(message, address | ssn);
   REQUIRE(result.audit.fields.size() == 2);
   CHECK(message.substr(result.audit.fields[0].offset, result.audit.fields[0].length) == "SSN: 123");
   CHECK(message.substr(result.audit.fields[1].offset, result.audit.fields[1].length) ==
         "RES ADDR: 1 MAIN\n   SPRINGFIELD");
}

TEST_CASE("class 3, free text: spelling variants of the built-in labels are read by the grammar")
{
   struct spelled
   {
      std::string_view label;
      category kind;
   };
   const std::vector<spelled> variants{
      { "RES ADDR :", category::address },          { "RES  ADDR:", category::address },
      { "RES\tADDR:", category::address },          { "ADDRESS 1:", category::address },
      { "ADDR2:", category::address },              { "ADDR.:", category::address },
      { "RES. ADDR:", category::address },          { "ADDRESS-1:", category::address },
      { "Res. Addr.  :", category::address },       { "LKA:", category::address },
      { "L.K.A.:", category::address },             { "LAST KNOWN ADDRESS:", category::address },
      { "EMPLOYER ADDRESS:", category::address },   { "MAILING ADDR:", category::address },
      { "ADDRESS OF RECORD:", category::address },  { "CITY:", category::address },
      { "ZIP CODE:", category::address },           { "P.O. BOX:", category::address },
      { "HOME:", category::address },               { "SSN :", category::ssn },
      { "S.S.N.:", category::ssn },                 { "SOC SEC #:", category::ssn },
      { "Soc. Sec. No.:", category::ssn },          { "SOCIAL SECURITY NUMBER:", category::ssn },
      { "SS#:", category::ssn },                    { "TAX ID:", category::ssn },
      { "POB:", category::immigration },            { "P.O.B.:", category::immigration },
      { "CTZ:", category::immigration },            { "CITIZEN:", category::immigration },
      { "CITIZENSHIP:", category::immigration },    { "BIRTHPLACE:", category::immigration },
      { "PLACE OF BIRTH:", category::immigration }, { "COUNTRY OF BIRTH:", category::immigration },
      { "ALIEN #:", category::immigration },        { "A-NUMBER:", category::immigration },
      { "A#:", category::immigration },             { "PASSPORT #:", category::immigration },
      { "I-94 NO:", category::immigration },        { "NATIONALITY:", category::immigration },
      { "LEGAL PRESENCE:", category::immigration }, { "PHONE #:", category::contact },
      { "TEL:", category::contact },                { "E-MAIL:", category::contact },
      { "CELL:", category::contact },               { "Home Phone:", category::contact },
   };
   for (const spelled& v : variants) {
      CAPTURE(v.label);
      const std::string body = "NOTE\n" + std::string(v.label) + " QZ7VALUE1\nNEXT\n";
      for (const action applied : { action::drop, action::mask }) {
         const veil_test::redaction removed =
            veil_test::redact_body(veil_test::make_redactor(category_mask{ v.kind }, applied), response_header, body);
         CHECK(removed.output.find("QZ7VALUE1") == std::string::npos);
         CHECK(removed.output.find("NEXT\n") != std::string::npos);
         REQUIRE(removed.audit.fields.size() == 1);
         CHECK(removed.audit.fields[0].kind == v.kind);
      }
      // Under a mask without its category the line stays as it is.
      category_mask others;
      for (const category c : { category::address, category::ssn, category::immigration, category::contact }) {
         others = c == v.kind ? others : others | category_mask{ c };
      }
      CHECK(veil_test::redact_body(response_header, body, others).output == body);
   }
}

TEST_CASE("class 3, free text: a label is audited by the name the built-in table gives it")
{
   CHECK(audited_tags("LKA: 1 MAIN\n", address) == std::vector<std::string>{ "LKA:" });
   CHECK(audited_tags("Last Known Addr.: 1 MAIN\n", address) == std::vector<std::string>{ "LKA:" });
   CHECK(audited_tags("MAILING ADDRESS 2: PO BOX 1\n", address) == std::vector<std::string>{ "MAIL ADDR:" });
   CHECK(audited_tags("EMPLOYER ADDR: 5 WORK ST\n", address) == std::vector<std::string>{ "EMPLOYER ADDR:" });
   CHECK(audited_tags("Residence Address: 1 MAIN\n", address) == std::vector<std::string>{ "RES ADDR:" });
   CHECK(audited_tags("ADDRESS 1: 1 MAIN\n", address) == std::vector<std::string>{ "ADDRESS:" });
   CHECK(audited_tags("CTZ: MX\n", immigration) == std::vector<std::string>{ "CITIZENSHIP:" });
   CHECK(audited_tags("Place of Birth: X\n", immigration) == std::vector<std::string>{ "POB:" });
   CHECK(audited_tags("SOC. SEC. #: 1\n", ssn) == std::vector<std::string>{ "SSN:" });
   // a label whose words name two labels is removed under either
   CHECK(audited_tags("E-MAIL ADDRESS: A@B.EXAMPLE\n", contact) == std::vector<std::string>{ "EMAIL:" });
   CHECK(audited_tags("E-MAIL ADDRESS: A@B.EXAMPLE\n", address) == std::vector<std::string>{ "ADDRESS:" });
   // "MNU:" is the MNU field, by its NCIC type
   CHECK(audited_tags("MNU: AR-012345678\n", immigration) == std::vector<std::string>{ "MNU" });
   CHECK(audited_tags("MNU: CI-123456789\n", ssn) == std::vector<std::string>{ "MNU" });
   CHECK(audited_tags("MNU: VA-000111\n", category_mask::all()).empty());
   // and LKA is a field prefix as well as a label
   CHECK(audited_tags("LKA/1 MAIN ST\n", address) == std::vector<std::string>{ "LKA" });
}

TEST_CASE("class 3, free text: plain words are no label, and words without a colon are none either")
{
   const std::string_view body =
      "ADDRESS UNKNOWN\nNO RECORD OF SSN ON FILE\nDATE OF BIRTH: 01/01/1980\nDOB: 19800101\nCLASS: C\n"
      "ADDRESSEE NOTIFIED: YES\nLAST NAME: DOE\nCURRENT STATUS: VALID\nSTATE: WA\nISSUED 12:30 PM\n"
      "XADDR: 1\nPHONEY: 2\nRES ADDR 1 MAIN ST\n";
   check_response_bodies({ { body, category_mask::all(), body } });
}

TEST_CASE("class 3, free text: a label that ends its line has its value on the lines below")
{
   check_response_bodies({
      // an address: the lines below, up to a blank line ...
      { "RES ADDR:\n1 MAIN ST\nSPRINGFIELD IL\n\nNEXT\n", address, "\nNEXT\n" },
      // ... or a line that starts with a label or a field
      { "RES ADDR:\n1 MAIN ST\nSPRINGFIELD IL\nDOB/19800101\n", address, "DOB/19800101\n" },
      { "RES ADDR:\n1 MAIN ST\nSPRINGFIELD IL\nSSN: 1\n", address, "SSN: 1\n" },
      // blank lines before the value stay, and the value is the first line after them
      { "RES ADDR:\n\n1 MAIN ST\n\nNEXT\n", address, "\n\nNEXT\n" },
      // other labels: one line
      { "SSN:\n123-45-6789\nNEXT LINE\n", ssn, "NEXT LINE\n" },
      { "SSN:   \r\n123-45-6789\r\nNEXT\r\n", ssn, "NEXT\r\n" },
      // the label need not be the last or the only one on its line
      { "SSN: 123  RES ADDR:\n1 MAIN ST\n\nNEXT\n", address, "SSN: 123\n\nNEXT\n" },
      { "RES ADDR:  SSN: 1\n1 MAIN ST\n\nNEXT\n", address, "SSN: 1\n\nNEXT\n" },
      // a line that starts with a label is an item of its own, not the value
      { "SSN:\nPOB: MX\nNEXT\n", ssn, "POB: MX\nNEXT\n" },
      // a line taken as a value still holds the labels a reader sees in it: one that
      // ends it has its own value below
      { "SSN: 1  CTZ:\nSUBJECT BIRTHPLACE:\nMEXICO\nNEXT\n", immigration, "SSN: 1\nNEXT\n" },
      { "RES ADDR: 1 MAIN\n    SSN:\n123-45-6789\nNEXT\n", address | ssn, "NEXT\n" },
      { "CTZ:\nX RES ADDR: 1 MAIN\n    SPRINGFIELD\nNEXT\n", immigration | address, "NEXT\n" },
   });
   check_response_bodies({ { "RES ADDR:\n1 MAIN ST\n  SPRINGFIELD\n\nNEXT\n", address,
                   "RES ADDR:\n*********\n  ***********\n\nNEXT\n" } },
               action::mask);

   const std::string body = "RES ADDR:\n1 MAIN ST\nSPRINGFIELD\n\n";
   const std::string message = std::string(response_header) + body;
   const veil_test::redaction result = veil_test::redact(message, address);
   REQUIRE(result.audit.fields.size() == 1);
   CHECK(message.substr(result.audit.fields[0].offset, result.audit.fields[0].length) ==
         "RES ADDR:\n1 MAIN ST\nSPRINGFIELD");
}

TEST_CASE("class 3, free text: labels inside the values of kept query fields are searched as free text is")
{
   veil_test::check_bodies(query_header, {
      { "NAM/DOE,JO.MIS/SEE RES ADDR: 1 MAIN ST.SEX/F", address, "NAM/DOE,JO.MIS/.SEX/F" },
      { "NAM/DOE,JO.MIS/SSN: 123  POB: MX.SEX/F", immigration, "NAM/DOE,JO.MIS/SSN: 123.SEX/F" },
      { "NAM/DOE,JO.MIS/SSN: 123  POB: MX.SEX/F", ssn, "NAM/DOE,JO.MIS/POB: MX.SEX/F" },
      // across a line break inside the value
      { "NAM/DOE,JO.MIS/RES ADDR:\r\n1 MAIN ST.SEX/F", address, "NAM/DOE,JO.MIS/.SEX/F" },
      { "NAM/DOE,JO.MIS/SEE Mailing Addr : PO BOX 1", address, "NAM/DOE,JO.MIS/" },
      // a remark without a label stays
      { "NAM/DOE,JO.MIS/ADDRESS UNKNOWN.SEX/F", address, "NAM/DOE,JO.MIS/ADDRESS UNKNOWN.SEX/F" },
   });
   veil_test::check_bodies(query_header,
                           { { "NAM/DOE,JO.MIS/SEE RES ADDR: 1 MAIN ST.SEX/F", address,
                               "NAM/DOE,JO.MIS/SEE RES ADDR: *********.SEX/F" } },
                           action::mask);
   const veil_test::redaction result = veil_test::redact_body(query_header, "MIS/SEE RES ADDR: 1 MAIN", address);
   REQUIRE(result.audit.fields.size() == 1);
   CHECK(result.audit.fields[0].tag == "RES ADDR:");
}

TEST_CASE("class 3, free text: labels added at run time are read like the built-in ones, and overrides keep them")
{
   veil::nlets::text_options options;
   options.extra_labels = { { "DOMICILIO:", category::address }, { "HOME ADDR:", category::address },
                            { "ADDR=", category::address } };
   const veil_test::text_redactor added = veil_test::make_redactor(address, action::drop, options);
   for (const std::string_view line :
        { "DOMICILIO: 1 MAIN\n", "Domicilio  : 1 MAIN\n", "SSN: 1  DOMICILIO: 1 MAIN\n", "ADDR= 1 MAIN\n" }) {
      CAPTURE(line);
      const veil_test::redaction r = veil_test::redact_body(added, response_header, line);
      CHECK(r.output.find("1 MAIN") == std::string::npos);
   }

   // A keep override names the label as the audit does: every spelling of it is kept,
   // and an address word inside it is no label of its own.
   options.overrides.set("HOME ADDR:", veil::field_rule::keep);
   options.overrides.set("RES ADDR:", veil::field_rule::keep);
   const veil_test::text_redactor kept = veil_test::make_redactor(address, action::drop, options);
   for (const std::string_view body : { "HOME  ADDR : 1 MAIN\n   SPRINGFIELD\n", "Residence Address: 1 MAIN\n",
                                        "RES. ADDR.: 1 MAIN\n" }) {
      CAPTURE(body);
      CHECK(veil_test::redact_body(kept, response_header, body).output == body);
   }
   CHECK(veil_test::redact_body(kept, response_header, "MAIL ADDR: PO BOX 1\n").output.empty());
}

TEST_CASE("class 3, free text: bytes a reader does not see hide no label and no prefix")
{
   check_response_bodies({
      { "S\x7fSN: 123\nNEXT\n", ssn, "NEXT\n" },
      { "RES ADDR\x01: 1 MAIN\nNEXT\n", address, "NEXT\n" },
      { "NAM/DOE  PO\x7f" "B/MX\n", immigration, "NAM/DOE\n" },
      { "NAM/DOE  POB\x1f/MX\n", immigration, "NAM/DOE\n" },
   });
}

TEST_CASE("class 3, free text: every built-in label's own name is read as that label")
{
   for (const veil::nlets::label_rule& label : veil::nlets::builtin_labels) {
      CAPTURE(label.tag);
      const std::string body = std::string(label.tag) + " QZ7VALUE1\n";
      CHECK(audited_tags(body, category_mask{ *label.sensitivity }) == std::vector<std::string>{ std::string(label.tag) });
   }
}
