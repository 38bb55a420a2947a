// Query bodies ("PFX/value" fields separated by '.'): the exact drop semantics external
// tests rely on, the mask action, value-dependent MNU numbers, and headers that are
// never redacted however much they look like data.

#include "nlets_test_support.hpp"

#include <veil/mask_policy.hpp>
#include <veil/nlets/text_redactor.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using veil_test::query_header;
using veil_test::redact_body;

const category_mask immigration{ category::immigration };
const category_mask ssn{ category::ssn };

void check_drops(const std::vector<veil_test::body_case>& cases)
{
   veil_test::check_bodies(query_header, cases);
}

}  // namespace

TEST_CASE("nlets text fields: the drop examples of the specification")
{
   check_drops({
      // a field in the middle takes the '.' after it
      { "NAM/DOE,JO.POB/MX.SEX/F", immigration, "NAM/DOE,JO.SEX/F" },
      // the last field takes the '.' before it
      { "NAM/DOE,JO.SEX/F.POB/MX", immigration, "NAM/DOE,JO.SEX/F" },
      { "NAM/DOE,JO.SEX/F.SOC/123", ssn, "NAM/DOE,JO.SEX/F" },
   });
}

TEST_CASE("nlets text fields: runs of dropped fields, first, last and all")
{
   check_drops({
      { "NAM/A.POB/B.CTZ/C.ARN/D.SEX/F", immigration, "NAM/A.SEX/F" },
      { "NAM/A.SEX/F.POB/B.CTZ/C", immigration, "NAM/A.SEX/F" },
      { "POB/B.NAM/A", immigration, "NAM/A" },
      { "POB/B.CTZ/C.NAM/A.SEX/F", immigration, "NAM/A.SEX/F" },
      { "POB/1.NAM/A.CTZ/2.SEX/F.ARN/3", immigration, "NAM/A.SEX/F" },
      { "POB/B", immigration, "" },
      { "POB/B.CTZ/C.ARN/D", immigration, "" },
      // categories mix within one mask
      { "SOC/1.NAM/A.POB/2.SEX/F", immigration | ssn, "NAM/A.SEX/F" },
   });
}

TEST_CASE("nlets text fields: a trailing '.' stays after the last kept field")
{
   check_drops({
      { "NAM/A.POB/B.", immigration, "NAM/A." },
      { "POB/B.NAM/A.", immigration, "NAM/A." },
      { "NAM/A.POB/B.CTZ/C.", immigration, "NAM/A." },
      { "POB/B.", immigration, "" },
      { "NAM/A.SEX/F.", immigration, "NAM/A.SEX/F." },
   });
}

TEST_CASE("nlets text fields: control characters between fields are kept when a neighbour is dropped")
{
   check_drops({
      { "NAM/A.\r\n\x7fPOB/B.\r\nSEX/F", immigration, "NAM/A.\r\n\x7f\r\nSEX/F" },
      { "NAM/A.\r\nPOB/B", immigration, "NAM/A\r\n" },
      { "\x7fPOB/B.NAM/A", immigration, "\x7fNAM/A" },
      { "\r\nPOB/B.\r\nCTZ/C", immigration, "\r\n\r\n" },
      // a line break that ends a dropped value is layout, not part of the value
      { "NAM/A.POB/B\r\n", immigration, "NAM/A\r\n" },
      { "NAM/A.POB/B\n.SEX/F", immigration, "NAM/A.\nSEX/F" },
      { "POB/B\r\n.NAM/A", immigration, "\r\nNAM/A" },
   });
}

TEST_CASE("nlets text fields: the audit points at each dropped PFX/value in the input")
{
   const std::string body = "NAM/DOE,JO.POB/MX.SEX/F.\r\nSOC/123-45-6789\r\n";
   const std::string message = std::string(query_header) + body;
   const veil_test::redaction result = veil_test::redact(message, immigration | ssn);
   REQUIRE(result.audit.fields.size() == 2);
   const veil::redacted_field& pob = result.audit.fields[0];
   CHECK(pob.tag == "POB");
   CHECK(pob.kind == category::immigration);
   CHECK(pob.applied == action::drop);
   CHECK(message.substr(pob.offset, pob.length) == "POB/MX");
   const veil::redacted_field& soc = result.audit.fields[1];
   CHECK(soc.tag == "SOC");
   CHECK(soc.kind == category::ssn);
   CHECK(message.substr(soc.offset, soc.length) == "SOC/123-45-6789");
   CHECK(result.output == std::string(query_header) + "NAM/DOE,JO.SEX/F\r\n\r\n");
}

TEST_CASE("nlets text fields: the mask action keeps PFX/ and stars every value byte but control characters")
{
   veil_test::check_bodies(query_header,
                           {
                              { "NAM/DOE,JO.POB/MX.SEX/F", immigration, "NAM/DOE,JO.POB/**.SEX/F" },
                              { "POB/MX.NAM/DOE,JO", immigration, "POB/**.NAM/DOE,JO" },
                              { "NAM/DOE,JO.SOC/123-45 6789*X", ssn, "NAM/DOE,JO.SOC/*************" },
                              { "NAM/A.POB/M\r\nX\x7f.SEX/F", immigration, "NAM/A.POB/*\r\n*\x7f.SEX/F" },
                           },
                           action::mask);
   // An empty value is still a field of its category: nothing to star, but redacted.
   const veil_test::redaction empty = redact_body(query_header, "NAM/A.POB/", immigration, action::mask);
   CHECK(empty.output == "NAM/A.POB/");
   CHECK(empty.audit.result == veil::outcome::redacted);
}

TEST_CASE("nlets text fields: MNU is immigration data with an AR, AN, PP or FN type, or one veil cannot place")
{
   check_drops({
      { "NAM/A.MNU/AR-012345678.SEX/F", immigration, "NAM/A.SEX/F" },
      { "NAM/A.MNU/FN-1234.SEX/F", immigration, "NAM/A.SEX/F" },
      { "MNU/A-1", immigration, "" },
      { "MNU/PA-1", immigration, "" },
      { "NAM/A.MNU/AN-012345678.SEX/F", immigration, "NAM/A.SEX/F" },
      { "NAM/A.MNU/PP-X1234567", immigration, "NAM/A" },
      // leading blanks do not hide the type
      { "NAM/A.MNU/ AR-012345678", immigration, "NAM/A" },
      { "MNU/AR-1.MNU/VA-000111.MNU/PP-2", immigration, "MNU/VA-000111" },
   });
   for (const std::string_view body : { "NAM/A.MNU/VA-000111.SEX/F", "MNU/MP-123", "MNU/SS-1", "MNU/" }) {
      CAPTURE(body);
      const veil_test::redaction kept = redact_body(query_header, body, category_mask::all());
      CHECK(kept.output == body);
      CHECK(kept.audit.result == veil::outcome::passed);
   }
   // Without immigration in the mask an alien number stays.
   const category_mask all_but_immigration{ category::address, category::photo, category::biometric,
                                            category::ssn,     category::medical, category::contact };
   const veil_test::redaction unmasked = redact_body(query_header, "MNU/AR-012345678", all_but_immigration);
   CHECK(unmasked.output == "MNU/AR-012345678");
}

TEST_CASE("nlets text fields: fields of categories outside the mask, or not in the dictionary, stay")
{
   const std::string_view body = "NAM/A.SOC/1.PHN/2.POB/3.XYZ/4.ADR/5";
   const veil_test::redaction none = redact_body(query_header, body, category_mask::none());
   CHECK(none.output == body);
   CHECK(none.audit.result == veil::outcome::passed);
   CHECK(redact_body(query_header, body, ssn).output == "NAM/A.PHN/2.POB/3.XYZ/4.ADR/5");
   CHECK(redact_body(query_header, body, category_mask{ category::contact }).output == "NAM/A.SOC/1.POB/3.XYZ/4.ADR/5");
   CHECK(redact_body(query_header, body, category_mask{ category::address }).output == "NAM/A.SOC/1.PHN/2.POB/3.XYZ/4");
   CHECK(redact_body(query_header, body, category_mask::all()).output == "NAM/A.XYZ/4");
}

TEST_CASE("nlets text fields: headers are never redacted, whatever they hold")
{
   // ORIs, destinations and the control field spelled like the values being removed.
   const std::vector<std::string_view> headers{
      "IAQ.POBZZ0000.AX.TXT\n",
      "DQ.ORTEST001.ZZ,POBZZ0000.*POB-ZZZ.TXT\r\n\x7f",
      "SWQ.ARN012345.NL.MNUAR01234.TXT",
   };
   for (const std::string_view header : headers) {
      CAPTURE(header);
      for (const action applied : { action::drop, action::mask }) {
         const veil_test::redaction result =
            redact_body(veil_test::make_redactor(category_mask::all(), applied), header, "POB/ZZ.NAM/A");
         CHECK(result.output == (applied == action::drop ? "NAM/A" : "POB/**.NAM/A"));
         REQUIRE(result.audit.fields.size() == 1);
         CHECK(result.audit.fields[0].offset == header.size());
      }
   }
}

TEST_CASE("nlets text fields: a compile-time mask redacts exactly as the same mask chosen at run time")
{
   constexpr category_mask mask{ category::immigration, category::ssn };
   const veil::nlets::text_redactor<veil::static_mask<mask>> compiled{};
   const std::string message = std::string(query_header) + "NAM/A.POB/B.SOC/C.PHN/D.MNU/AR-1.MNU/VA-2";
   std::string from_static;
   const veil::audit_record audit = compiled.redact(message, from_static);
   const veil_test::redaction from_runtime = veil_test::redact(message, mask);
   CHECK(from_static == from_runtime.output);
   CHECK(veil::to_json_line(audit) == veil::to_json_line(from_runtime.audit));
   CHECK(from_static == std::string(query_header) + "NAM/A.PHN/D.MNU/VA-2");
}

TEST_CASE("nlets text fields: a sensitive token inside a kept value is redacted too")
{
   // Fields separated by line breaks instead of '.' read as one value; a remark may
   // quote another field. Either way the token is found and goes as in free text.
   check_drops({
      { "NAM/A\r\nPOB/ZZ\r\nSEX/F", immigration, "NAM/A\r\n\r\nSEX/F" },
      { "NAM/A\nPOB/ZZ", immigration, "NAM/A\n" },
      { "NAM/A.MIS/SEE POB/MX.SEX/F", immigration, "NAM/A.MIS/SEE.SEX/F" },
      { "MIS/pob/mx.SEX/F", immigration, "MIS/.SEX/F" },
      { "NAM/A\nSOC/123456789.SEX/F", ssn, "NAM/A\n.SEX/F" },
      // tokens the mask does not name stay
      { "NAM/A\nSEX/F", immigration, "NAM/A\nSEX/F" },
   });
   veil_test::check_bodies(query_header, { { "NAM/A\nPOB/ZZ.SEX/F", immigration, "NAM/A\nPOB/**.SEX/F" } },
                           action::mask);
   const veil_test::redaction r = redact_body(query_header, "NAM/A\nPOB/ZZ.SEX/F", immigration);
   REQUIRE(r.audit.fields.size() == 1);
   CHECK(r.audit.fields[0].tag == "POB");
   CHECK(r.audit.fields[0].offset == query_header.size() + 6);
   CHECK(r.audit.fields[0].length == 6);
}

TEST_CASE("nlets text fields: MNU type prefixes are read in any case")
{
   check_drops({
      { "NAM/A.MNU/ar-012345678.SEX/F", immigration, "NAM/A.SEX/F" },
      { "NAM/A.MNU/Pp-1.SEX/F", immigration, "NAM/A.SEX/F" },
      { "NAM/A.MNU/va-1.SEX/F", immigration, "NAM/A.MNU/va-1.SEX/F" },
   });
}
