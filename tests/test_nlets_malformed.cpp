// Input that does not parse, or that goes past a limit, is rejected: the audit names the
// byte offset and the reason, the output string is left exactly as it was, and the
// streaming entry point names the same offset and reason. Every limit is configurable.

#include "nlets_test_support.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil_test::query_header;
using veil_test::response_header;

constexpr std::string_view earlier_output = "OUTPUT OF AN EARLIER MESSAGE\n";

[[nodiscard]] veil_test::text_redactor redactor_with(const veil::nlets::text_limits& limits)
{
   veil::nlets::text_options options;
   options.limits = limits;
   return veil_test::make_redactor(veil::default_mask, action::drop, options);
}

// Rejected by both entry points with this offset and reason, writing nothing to `out`.
void check_rejected(const veil_test::text_redactor& redactor, std::string_view message, std::size_t offset,
                    std::string_view reason)
{
   std::string out(earlier_output);
   const veil::audit_record audit = redactor.redact(message, out, "message.txt");
   CHECK(out == earlier_output);
   CHECK(audit.result == veil::outcome::rejected);
   CHECK(audit.fields.empty());
   CHECK(audit.input == "message.txt");
   REQUIRE(audit.error.has_value());
   CHECK(audit.error->offset == offset);
   CHECK(audit.error->reason == reason);

   std::vector<std::size_t> cuts;
   if (message.size() <= 4096) {  // one byte at a time as well as in one piece
      for (std::size_t at = 1; at < message.size(); ++at) {
         cuts.push_back(at);
      }
   }
   for (const std::vector<std::size_t>& split : { std::vector<std::size_t>{}, cuts }) {
      veil_test::redaction streamed = veil_test::redact_in_chunks(redactor, message, split);
      streamed.audit.input = audit.input;
      CHECK(veil::to_json_line(streamed.audit) == veil::to_json_line(audit));
   }
}

void check_rejected(std::string_view message, std::size_t offset, std::string_view reason)
{
   check_rejected(veil_test::make_redactor(veil::default_mask), message, offset, reason);
}

void check_passes(const veil_test::text_redactor& redactor, std::string_view message)
{
   std::string out(earlier_output);
   const veil::audit_record audit = redactor.redact(message, out);
   CHECK_FALSE(audit.rejected());
   CHECK(out.size() > earlier_output.size());
}

[[nodiscard]] std::string with_nul(std::string text, std::size_t at)
{
   text[at] = '\0';
   return text;
}

const std::string missing_txt = "missing TXT marker (or control field of at most 10 characters before it)";
const std::string bad_destination = "destination must be a 2-character code or a 9-character ORI";
const std::string bad_sender = "sender ORI must be 9 letters or digits";
const std::string ends_early = "message ends early: ";

}  // namespace

TEST_CASE("nlets text malformed: no TXT marker")
{
   // Reported where the marker (or the control field before it) was expected, also when
   // what stands there could begin a control field.
   check_rejected("DQ.ORTEST001.WA.NAM/X.SEX/F", 16, missing_txt);
   check_rejected("DQ.ORTEST001.WA.CTRL000001.NAM/X", 16, missing_txt);
   check_rejected("DQ.ORTEST001.WA.CTRL0000012.TXT\nNAM/X", 16, missing_txt);
   check_rejected(std::string(response_header).replace(69, 3, "NAM/X"), 69,
                  "missing TXT marker after the time stamp lines");
}

TEST_CASE("nlets text malformed: a header cut short anywhere")
{
   const std::vector<std::string> headers{ "DQ.ORTEST001.WA,OR.*CTRL01.TXT", std::string(response_header) };
   for (const std::string& header : headers) {
      const std::string complete = header.substr(0, header.find("TXT") + 3);
      for (std::size_t length = 0; length < complete.size(); ++length) {
         CAPTURE(length);
         const std::string cut = complete.substr(0, length);
         std::string out(earlier_output);
         const veil::audit_record audit = veil_test::make_redactor(veil::default_mask).redact(cut, out);
         CHECK(out == earlier_output);
         REQUIRE(audit.error.has_value());
         CHECK(audit.error->offset <= length);
      }
   }
   // Where the cut falls between parts, the reason says the message ended there.
   check_rejected("", 0, ends_early + "message key must be 2 to 4 letters or digits");
   check_rejected("DQ", 2, ends_early + "expected '.' after the message key");
   check_rejected("DQ.ORTEST001", 12, ends_early + "expected '.' or a line break after the sender ORI");
   check_rejected("DQ.ORTEST001.", 13, ends_early + bad_destination);
   check_rejected("DQ.ORTEST001.WA", 15, ends_early + "expected '.' after the destinations");
   check_rejected("DQ.ORTEST001.WA.", 16, ends_early + missing_txt);
   // Cut inside a part: the part is reported where it starts.
   check_rejected("DQ.ORTEST001.WA.TX", 16, missing_txt);
   check_rejected("DR.WAOLN0000\n10:15", 18, ends_early + "expected receive time stamp line 'hh:mm mm/dd/ccyy nnnnn'");
   check_rejected(response_header.substr(0, 36), 36,
                  ends_early + "expected send time stamp line 'hh:mm mm/dd/ccyy nnnnn ORI'");
   check_rejected(response_header.substr(0, 69), 69, ends_early + "missing TXT marker after the time stamp lines");
}

TEST_CASE("nlets text malformed: a field with no '/'")
{
   const std::string q(query_header);
   check_rejected(q + "NAM/A.SEXF", 29, "field has no '/' after its prefix");
   check_rejected(q + "NAME/DOE", 23, "field has no '/' after its prefix");
   check_rejected(q + "NAM/A.S/X", 27, "field must start with a 3-character prefix");
   check_rejected(q + "NAM/A.SEX", 29, ends_early + "field has no '/' after its prefix");
   check_rejected(q + "NAM/A..SEX/F", 26, "field must start with a 3-character prefix");
}

TEST_CASE("nlets text malformed: NUL bytes in the header, a field, a gap and free text")
{
   const std::string q(query_header);
   // Where the header expects a separator, the reason names the NUL ...
   check_rejected(with_nul("DQ.ORTEST001.WA.TXT", 2), 2, "NUL byte");
   check_rejected(with_nul("DQ.ORTEST001.WA.TXT", 15), 15, "NUL byte");
   // ... and so does it inside a fixed-length part (key, ORI, destination), though the
   // rule that fails there fails where the part starts.
   for (const std::size_t at : { std::size_t{ 1 }, std::size_t{ 7 }, std::size_t{ 13 } }) {
      CAPTURE(at);
      check_rejected(with_nul(q + "NAM/A", at), at, "NUL byte");
   }
   // A part that ends at a separator before the NUL is reported for what it is.
   check_rejected(with_nul("DQ.ORTEST01.W.TXT", 13), 3, bad_sender);
   check_rejected(with_nul(q + "NAM/AXB.SEX/F", 25), 25, "NUL byte");
   check_rejected(with_nul(q + "NAM/A.SEX/F", 28), 28, "NUL byte");
   check_rejected(with_nul(q + "NAM/A.\r\nXSEX/F", 28), 28, "NUL byte");
   check_rejected(with_nul(std::string(response_header) + "LINE ONE\nLINE X TWO\n", 73 + 14), 73 + 14, "NUL byte");
}

TEST_CASE("nlets text malformed: a 16 MiB field")
{
   const std::string q(query_header);
   const std::size_t value_start = q.size() + std::string_view("NAM/A.MIS/").size();
   const std::string message = q + "NAM/A.MIS/" + std::string(std::size_t{ 16 } << 20, 'X') + ".SEX/F";

   // With the default limits: the field limit is crossed first, long before the message
   // limit, and both entry points say so.
   const veil::nlets::text_limits defaults;
   check_rejected(redactor_with(defaults), message, value_start + defaults.max_field_size,
                  "field longer than 65536 bytes");

   veil::nlets::text_limits roomy;
   roomy.max_message_size = std::size_t{ 32 } << 20;
   roomy.max_field_size = (std::size_t{ 16 } << 20) - 1;
   check_rejected(redactor_with(roomy), message, value_start + roomy.max_field_size,
                  "field longer than 16777215 bytes");
   roomy.max_field_size = std::size_t{ 16 } << 20;
   check_passes(redactor_with(roomy), message);
}

TEST_CASE("nlets text malformed: ORIs of 8 and 10 characters")
{
   check_rejected("DQ.ORTEST01.WA.TXT\nNAM/A", 3, bad_sender);
   check_rejected("DQ.ORTEST0011.WA.TXT\nNAM/A", 3, bad_sender);
   check_rejected("DQ.ORTEST001.ORTEST02.TXT\nNAM/A", 13, bad_destination);
   check_rejected("DQ.ORTEST001.ORTEST0022.TXT\nNAM/A", 13, bad_destination);
   check_rejected("DQ.ORTEST001.WA,ORTEST02.TXT\nNAM/A", 16, bad_destination);
   const std::string send_stamp = "expected send time stamp line 'hh:mm mm/dd/ccyy nnnnn ORI'";
   check_rejected(std::string(response_header).replace(59, 9, "ORTEST01"), 59, send_stamp);
   check_rejected(std::string(response_header).replace(59, 9, "ORTEST0011"), 59, send_stamp);
   check_passes(veil_test::make_redactor(veil::default_mask), "DQ.ORTEST001.WA,ORTEST002.TXT\nNAM/A");
}

TEST_CASE("nlets text malformed: bad destinations")
{
   check_rejected("DQ.ORTEST001.wa.TXT", 13, bad_destination);
   check_rejected("DQ.ORTEST001.W.TXT", 13, bad_destination);
   check_rejected("DQ.ORTEST001.WAS.TXT", 13, bad_destination);
   check_rejected("DQ.ORTEST001.WA,.TXT", 16, bad_destination);
   check_rejected("DQ.ORTEST001.WA,,OR.TXT", 16, bad_destination);
   check_rejected("DQ.ORTEST001.TXT", 13, bad_destination);
}

TEST_CASE("nlets text malformed: too many destinations, and the limit is configurable")
{
   // Nlets takes at most five destinations in an input header; so does veil by default.
   const std::string five = "DQ.ORTEST001.WA,OR,ID,CA,NV.TXT\nNAM/A";
   const std::string six = "DQ.ORTEST001.WA,OR,ID,CA,NV,AZ.TXT\nNAM/A";
   check_passes(veil_test::make_redactor(veil::default_mask), five);
   check_rejected(six, 13 + 5 * 3, "more than 5 destinations");

   veil::nlets::text_limits limits;
   limits.max_destinations = 6;
   check_passes(redactor_with(limits), six);
   limits.max_destinations = 2;
   check_rejected(redactor_with(limits), "DQ.ORTEST001.WA,OR,ID.TXT", 19, "more than 2 destinations");
}

TEST_CASE("nlets text malformed: a message longer than max_message_size")
{
   veil::nlets::text_limits limits;
   limits.max_message_size = 100;
   const std::string q(query_header);
   const std::string exactly = q + "NAM/" + std::string(100 - q.size() - 4, 'A');
   REQUIRE(exactly.size() == 100);
   check_passes(redactor_with(limits), exactly);
   check_rejected(redactor_with(limits), exactly + "B", 100, "message longer than 100 bytes");
   // A problem well before the limit is the one reported, in memory as in a stream.
   check_rejected("DQ.ORTEST01.WA.TXT\n" + std::string(std::size_t{ 9 } << 20, 'A'), 3, bad_sender);
   limits.max_message_size = 101;
   check_passes(redactor_with(limits), exactly + "B");
}

TEST_CASE("nlets text malformed: a line longer than max_line_size")
{
   veil::nlets::text_limits limits;
   limits.max_line_size = 64;
   const std::string r(response_header);
   const std::size_t second_line = r.size() + 6;
   check_passes(redactor_with(limits), r + "FIRST\n" + std::string(64, 'X') + "\nLAST\n");
   check_passes(redactor_with(limits), r + "FIRST\n" + std::string(63, 'X') + "\r\nLAST\n");
   check_rejected(redactor_with(limits), r + "FIRST\n" + std::string(65, 'X') + "\nLAST\n", second_line + 64,
                  "line longer than 64 bytes");
   check_rejected(redactor_with(limits), r + "FIRST\n" + std::string(64, 'X') + "\r\nLAST\n", second_line + 64,
                  "line longer than 64 bytes");
   check_rejected(redactor_with(limits), r + "FIRST\n" + std::string(65, 'X'), second_line + 64,
                  "line longer than 64 bytes");

   const std::string long_line = r + std::string(70'000, 'X') + "\n";
   check_rejected(long_line, r.size() + 65'536, "line longer than 65536 bytes");
   limits.max_line_size = 70'000;
   check_passes(redactor_with(limits), long_line);
}

TEST_CASE("nlets text malformed: control characters between fields beyond max_field_size")
{
   veil::nlets::text_limits limits;
   limits.max_field_size = 16;
   const std::string q(query_header);
   // One run longer than the limit.
   check_rejected(redactor_with(limits), q + "NAM/A." + std::string(18, '\x7f') + "SEX/F", q.size() + 6 + 16,
                  "run of control characters longer than 16 bytes");
   // Runs that are short each but pile up around a dropped field, which must be held
   // until the next field says whether the '.' before them stays.
   const std::string piled = q + "NAM/A.\r\n\r\n\r\n\r\nPOB/Z\r\n\r\n\r\n\r\n\r\n.SEX/F";
   check_rejected(redactor_with(limits), piled, q.size() + 6 + 8 + 5, "too many control characters between fields");
   limits.max_field_size = 32;
   check_passes(redactor_with(limits), piled);
}

TEST_CASE("nlets text malformed: dropping fields must not join control characters past max_field_size")
{
   // Kept control characters join when the fields between them go; the output must
   // still read back under the limits the input was read with.
   veil::nlets::text_limits limits;
   limits.max_field_size = 4;
   const std::string q(query_header);
   const veil_test::text_redactor redactor = redactor_with(limits);
   // into the run that starts the body
   check_rejected(redactor, q + "\n\n\nPOB/Z.\n\n\nNAM/A", q.size() + 9, "too many control characters between fields");
   check_rejected(redactor, q + "\n\n\nPOB/\n\n", q.size() + 7, "too many control characters between fields");
   // onto the value before a dropped last field
   check_rejected(redactor, q + "NAM/KKK.\n\n\nPOB/Z", q.size() + 8, "too many control characters between fields");

   // Joins that stay within the limit pass, and their output reads back unchanged.
   for (const std::string_view body : { "\n\nPOB/Z.\n\nNAM/A", "NAM/K.\n\nPOB/Z\n", "NAM/KKK.\n\n\nPOB/Z.SEX/F" }) {
      CAPTURE(body);
      const veil_test::redaction first = veil_test::redact(redactor, q + std::string(body));
      REQUIRE_FALSE(first.audit.rejected());
      const veil_test::redaction again = veil_test::redact(redactor, first.output);
      CHECK_FALSE(again.audit.rejected());
      CHECK(again.output == first.output);
   }
   // The mask action joins nothing.
   veil::nlets::text_options masking;
   masking.limits = limits;
   check_passes(veil_test::make_redactor(veil::default_mask, action::mask, masking), q + "NAM/KKK.\n\n\nPOB/Z");
}
