// A rejected Nlets text message is named by an offset and a reason that says what was
// expected there, never by any byte of the message: a marker planted where each reason
// is given (a key, an ORI, a destination, a control field, a stamp, a field, a line, a
// routing line in the body, a limit) appears in no reason, in no other field of the
// audit record, and nothing of the message is written.

#include "nlets_test_support.hpp"

#include <veil/audit.hpp>

#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Planted in every message below, in either case, where the reader stops.
constexpr std::string_view marker = "QZ7MARKER";

[[nodiscard]] std::string lower(std::string_view s)
{
   std::string out(s);
   for (char& c : out) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
   }
   return out;
}

[[nodiscard]] veil_test::text_redactor tight()
{
   veil::nlets::text_options options;
   options.limits.max_field_size = 16;
   options.limits.max_line_size = 24;
   options.limits.max_destinations = 2;
   options.limits.max_message_size = 256;
   return veil_test::make_redactor(veil::category_mask::all(), veil::action::drop, options);
}

}  // namespace

TEST_CASE("class 6, rejection reasons: Nlets text reasons never hold a byte of the message")
{
   const std::string m(marker);
   const std::string l = lower(marker);
   const std::string head = "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n";
   const std::vector<std::string> messages{
      l + ".ORTEST001.WA.TXT\nNAM/A",                     // a key
      "DQ." + l + ".WA.TXT\nNAM/A",                       // a sender ORI
      "DQ.ORTEST001." + l + ".TXT\nNAM/A",                // a destination
      "DQ.ORTEST001.WA," + m + "X.TXT\nNAM/A",            // a destination too long
      "DQ.ORTEST001.WA.QZ.TXT\nNAM/A",                    // a control field read as a destination
      "DQ.ORTEST001.WA.*" + m + ".TXT\nNAM/A",            // ... of nine characters
      "DQ.ORTEST001.WA." + m + "XYZ.TXT\nNAM/A",          // a control field too long
      "DR.WAOLN0000\n10:15 03/14/2024 " + m + "\n",       // a receive stamp
      "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 " + l + "\nTXT\n",  // a recipient
      "DQ.ORTEST001.WA.TXT\nNAM/A." + m,                  // a field without '/'
      "DQ.ORTEST001.WA.TXT\n" + l + "/A",                 // a prefix in lower case
      "DQ.ORTEST001.WA.TXT\nNAM/" + m + m + '\0',         // a NUL
      "DQ.ORTEST001.WA.TXT\nNAM/" + m + m + m,            // a field over the limit
      head + m + m + m + "\n",                            // a line over the limit
      head + "DR.WAOLN0000." + l + ".TXT\n",              // a routing line in the body
      head + "10:15 03/14/2024 01878 " + l + "\n",        // a send stamp in the body
      "DQ.ORTEST001.WA,OR,ID.TXT\nNAM/" + m,              // too many destinations
      head + std::string(300, 'Q') + m,                   // a message over the limit
   };
   for (const std::string& message : messages) {
      CAPTURE(message);
      REQUIRE(lower(message).find("qz") != std::string::npos);
      std::string out;
      const veil::audit_record audit = tight().redact(message, out);
      REQUIRE(audit.rejected());
      CHECK(out.empty());
      const std::string line = veil::to_json_line(audit);
      CAPTURE(line);
      CHECK(line.find(m) == std::string::npos);
      CHECK(lower(line).find(l) == std::string::npos);
      REQUIRE(audit.error.has_value());
      CHECK(lower(audit.error->reason).find("qz") == std::string::npos);
   }
}
