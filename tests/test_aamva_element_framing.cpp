// What counts as an element of an AAMVA payload, case by case: a line that is not one is
// refused rather than read as an element veil would not know; elements not separated by
// LF are never read as one element that keeps a masked one inside it; separators other
// than LF (and, leniently, CR) are refused; --lenient takes blank padding after the last
// element, and keeps it out of that element's value.

#include "aamva_test_support.hpp"

#include <veil/aamva/payload_reader.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using veil::aamva::framing_mode;
using veil_test::framed;
using veil_test::redact_aamva;

const std::string v10_one = "@\n\x1e\rANSI 636000100001";
const std::string v10_two = "@\n\x1e\rANSI 636000100002";
const std::string not_an_element =
   "a line of the 1st subfile does not start with an element id of the standard or of the subfile's jurisdiction";

[[nodiscard]] std::vector<std::string> tags_of(const veil::audit_record& audit)
{
   std::vector<std::string> tags;
   for (const veil::redacted_field& f : audit.fields) {
      tags.push_back(f.tag);
   }
   return tags;
}

}  // namespace

TEST_CASE("class 4, AAMVA framing: a line that is not an element is refused in both modes, never read as one")
{
   // An address broken over lines, an id in lower case or with a blank, an id no version
   // defines, a jurisdiction's element in a standard subfile (or another jurisdiction's in
   // a jurisdiction's subfile): today's consumers read these as address text, as DAG, or
   // not at all; veil reads none of them as an element of its own making.
   for (const std::string line : { "123 MAIN ST", "APT 5", "  ANYTOWN", "#4", "dag1 MAIN ST", "DA G1 MAIN ST",
                                   " DAG1 MAIN ST", "XYZ1", "DAX", "ZVA01", "1AB", "DL" }) {
      const std::string payload = framed(v10_one, { "DLDAQ1\nDAG1 MAIN ST\n" + line + "\r" });
      CAPTURE(payload);
      const bool is_element = line == "DAX";  // weight in kilograms, with an empty value
      for (const framing_mode mode : { framing_mode::strict, framing_mode::lenient }) {
         const veil_test::redaction r = redact_aamva(payload, { veil::default_mask, action::drop, mode });
         CHECK(r.audit.rejected() != is_element);
         if (!is_element) {
            CHECK(r.output.empty());
            CHECK(r.audit.error->reason == not_an_element);
            CHECK(r.audit.error->offset == payload.size() - 1 - line.size());
         }
      }
   }
   const std::string other_jurisdiction = framed(v10_two, { "DLDAQ1\r", "ZVZVA01\nZWA02\r" });
   CHECK(redact_aamva(other_jurisdiction).audit.error->reason ==
         "a line of the 2nd subfile does not start with an element id of the standard or of the subfile's jurisdiction");
   CHECK(redact_aamva(other_jurisdiction, { veil::default_mask, action::drop, framing_mode::lenient }).audit.rejected());
}

TEST_CASE("class 4, AAMVA framing: an id any version of the standard defines is an element in every version")
{
   // Cards do not keep to their version: a version 10 card with the version 01 residence
   // address (DAL) or alias date of birth (DBL), a version 04 card with version 11's
   // non-domiciled indicator (DDN). They are read, and redacted by their meaning.
   const std::string v10 = framed(v10_one, { "DLDAQ1\nDAL1 MAIN ST\nDBL19700101\r" });
   const veil_test::redaction r10 = redact_aamva(v10);
   REQUIRE_FALSE(r10.audit.rejected());
   CHECK(tags_of(r10.audit) == std::vector<std::string>{ "DAL" });
   const std::string v04 = framed("@\n\x1e\rANSI 636000040001", { "DLDAQ1\nDDN1\r" });
   const veil_test::redaction r04 = redact_aamva(v04);
   REQUIRE_FALSE(r04.audit.rejected());
   CHECK(tags_of(r04.audit) == std::vector<std::string>{ "DDN" });
}

TEST_CASE("class 4, AAMVA framing: a jurisdiction's subfile holds the standard's elements, which go by their meaning")
{
   // Consumers read the standard's elements wherever they stand.
   const veil_test::redaction later = redact_aamva(framed(v10_two, { "DLDAQ1\r", "ZVZVA01\nDAG1 MAIN ST\r" }));
   REQUIRE_FALSE(later.audit.rejected());
   CHECK(later.output == framed(v10_two, { "DLDAQ1\r", "ZVZVA01\r" }));
   const veil_test::redaction first = redact_aamva(framed(v10_two, { "DLDAQ1\r", "ZVDAG1 MAIN ST\nZVA01\r" }));
   REQUIRE_FALSE(first.audit.rejected());
   CHECK(first.output == framed(v10_two, { "DLDAQ1\r", "ZVZVA01\r" }));

   // Framed from its lines, "ZVDAG1 MAIN ST" is the jurisdiction element ZVD, as readers
   // that do not strip the type read it; it goes for the address id after its type.
   const std::string lines = "@\n\x1e\rANSI 636000100002DL00410007ZV00480000DLDAQ1\rZVDAG1 MAIN ST\r";
   const veil_test::redaction lenient = redact_aamva(lines, { veil::default_mask, action::drop, framing_mode::lenient });
   REQUIRE_FALSE(lenient.audit.rejected());
   CHECK(lenient.output == framed(v10_two, { "DLDAQ1\r", "ZV\r" }));
   REQUIRE(lenient.audit.fields.size() == 1);
   CHECK(lenient.audit.fields[0].tag == "ZVD");
   CHECK(lenient.audit.fields[0].kind == category::address);
}

TEST_CASE("class 4, AAMVA framing: elements written one after another are never read as one element that keeps a masked one")
{
   // No LF between elements (a lost separator, a fixed-width capture): the line is one
   // element by the standard's framing, but its value holds the ids of the elements after
   // the first, and a reader scanning for ids finds them. The element goes whole whenever
   // an id it holds is of a masked category, audited as that category; under a mask that
   // covers none of them, it stays as it came.
   const std::vector<std::string> one_line{
      "DLDAQ123DCSDOEDAG1 MAIN ST\r",
      "DLDAQ123        DCSDOE          DAG1 MAIN ST    \r",
      "DLDAQ123DCSDOEdag1 MAIN ST\r",  // an id in lower case, as a caps-locked scanner writes it
   };
   for (const std::string& subfile : one_line) {
      const std::string payload = framed(v10_one, { subfile });
      CAPTURE(payload);
      for (const action applied : { action::drop, action::mask }) {
         const veil_test::redaction r = redact_aamva(payload, { veil::default_mask, applied });
         REQUIRE_FALSE(r.audit.rejected());
         CHECK(r.output.find("MAIN") == std::string::npos);
         REQUIRE(r.audit.fields.size() == 1);
         CHECK(r.audit.fields[0].tag == "DAQ");
         CHECK(r.audit.fields[0].kind == category::address);
         CHECK(r.audit.fields[0].applied == applied);
      }
      CHECK(redact_aamva(payload, { category_mask{ category::ssn } }).output == payload);
   }

   // A name that holds an id (DANIEL holds DAN, the version 01 residence city) is read so
   // too: the strictest reading costs the name under the address mask, and the audit
   // says why.
   const std::string daniel = framed(v10_one, { "DLDAQ1\nDACDANIEL\r" });
   const veil_test::redaction r = redact_aamva(daniel);
   CHECK(r.output == framed(v10_one, { "DLDAQ1\r" }));
   REQUIRE(r.audit.fields.size() == 1);
   CHECK(r.audit.fields[0].tag == "DAC");
   CHECK(r.audit.fields[0].kind == category::address);
   CHECK(redact_aamva(daniel, { category_mask{ category::immigration } }).output == daniel);

   // A jurisdiction's element after a standard one: with unknown elements sensitive, the
   // standard one goes for it. Only the payload's own jurisdiction's ids count: a name
   // such as GONZALEZ holds ZAL.
   const std::string jurisdiction = framed(v10_two, { "DLDAQ1ZVA01\nDCSGONZALEZ\r", "ZVZVB02\r" });
   const veil_test::redaction sensitive =
      redact_aamva(jurisdiction, { veil::default_mask, action::drop, framing_mode::strict, true });
   CHECK(sensitive.output == framed(v10_two, { "DLDCSGONZALEZ\r", "ZV\r" }));
   CHECK(redact_aamva(jurisdiction).output == jurisdiction);
}

TEST_CASE("class 4, AAMVA framing: a separator other than LF, or leniently CR, is refused, not read as part of a value")
{
   // Readers split lines at these (str.splitlines at VT, FF, FS, GS, RS and NEL; Unicode
   // readers at the line and paragraph separators) or stop at them (NUL); an element that
   // holds one may hide the next element from veil and show it to the reader.
   for (const std::string_view separator : { "\x1e", "\x1d", "\x1c", "\x0b", "\x0c", "\t", "\x7f", "\x85", "\xC2\x85",
                                             "\xE2\x80\xA8", "\xE2\x80\xA9", "\x01" }) {
      const std::string payload = framed(v10_one, { "DLDAQ1" + std::string(separator) + "DAG1 MAIN ST\r" });
      CAPTURE(payload);
      for (const framing_mode mode : { framing_mode::strict, framing_mode::lenient }) {
         const veil_test::redaction r = redact_aamva(payload, { veil::default_mask, action::drop, mode });
         REQUIRE(r.audit.rejected());
         CHECK(r.audit.error->reason == "an element of the 1st subfile holds a control byte or a line break");
         CHECK(r.audit.error->offset == 37);
      }
   }
   const std::string nul = framed(v10_one, { std::string("DLDAQ1\0DAG1 MAIN ST\r", 20) });
   CHECK(redact_aamva(nul).audit.rejected());

   // CR alone between elements: strict mode refuses it; lenient mode ends an element there.
   const std::string cr = "@\n\x1e\rANSI 636000100001DL00310027DLDAQ1\rDAG1 MAIN ST\rDCSDOE\r";
   CHECK(redact_aamva(cr).audit.error->reason == "CR inside the 1st subfile");
   const veil_test::redaction lenient = redact_aamva(cr, { veil::default_mask, action::drop, framing_mode::lenient });
   CHECK(lenient.output == framed(v10_one, { "DLDAQ1\nDCSDOE\r" }));
}

TEST_CASE("class 4, AAMVA framing: --lenient takes blank padding after the last element, outside its value")
{
   const std::string payload = framed(v10_two, { "DLDAQ1\nDAG1 MAIN ST\r", "ZVZVA01\r" });
   const veil_test::aamva_run lenient{ veil::default_mask, action::mask, framing_mode::lenient, true };
   const std::string expected = redact_aamva(payload, lenient).output;
   REQUIRE(expected == framed(v10_two, { "DLDAQ1\nDAG*********\r", "ZVZVA**\r" }));
   for (const std::string& padding : std::vector<std::string>{ "   ", "\r\n", "\n\n", std::string(3, '\0'), " \r\n " }) {
      CAPTURE(padding);
      CHECK(redact_aamva(payload + padding, { veil::default_mask }).audit.error->reason == "bytes after the last subfile");
      CHECK(redact_aamva(payload + padding, lenient).output == expected);
      // The last CR lost under the padding: the padding is still not the value's, as a
      // consumer that trims values reads it.
      CHECK(redact_aamva(payload.substr(0, payload.size() - 1) + padding, lenient).output == expected);
   }
   // Blanks between elements are no padding: a line that is not an element.
   const std::string inside = "@\n\x1e\rANSI 636000100001DL00310000DLDAQ1\n   \nDCSDOE\r";
   CHECK(redact_aamva(inside, lenient).audit.error->reason == not_an_element);
}
