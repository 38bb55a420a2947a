// Telling formats apart by their first bytes, as `veil redact --format auto` does.

#include <veil/format.hpp>

#include <doctest/doctest.h>

#include <array>
#include <span>
#include <string_view>

using veil::detect_format;
using veil::format;

// Decided by the compiler too, so callers can use it in constant expressions.
static_assert(detect_format("<n2:NLETS/>") == format::nlets_xml);
static_assert(detect_format("DQ.ORTEST001.WA.TXT") == format::nlets_text);

namespace {

struct detection_case
{
   std::string_view start;
   format expected;
};

void check_detection(std::span<const detection_case> cases)
{
   for (const detection_case& c : cases) {
      CAPTURE(c.start);
      CHECK(detect_format(c.start) == c.expected);
   }
}

}  // namespace

TEST_CASE("the first non-blank byte decides between XML, AAMVA and the rest")
{
   constexpr std::array<detection_case, 9> cases{ {
      { "<?xml version=\"1.0\"?><n2:NLETS/>", format::nlets_xml },
      { "<n2:NLETS>", format::nlets_xml },
      { "  \t\r\n<n2:NLETS>", format::nlets_xml },
      { "@\n\x1e\rANSI 636000100002DL", format::aamva },
      { "\n\n  @\n", format::aamva },
      { "DQ.ORTEST001.WA.TXT\nNAM/DOE,JO", format::nlets_text },
      { "  DR.WAOLN0000\n", format::nlets_text },
      // A '<' or '@' after other bytes is content, not a format marker.
      { "DQ.ORTEST001.WA.TXT\n<x>", format::nlets_text },
      { "x@y", format::nlets_text },
   } };
   check_detection(cases);
}

TEST_CASE("ANSI/NIST is 1.0 or 1.00 followed by digits and a colon")
{
   constexpr std::array<detection_case, 13> cases{ {
      { "1.001:230\x1d", format::ansi_nist },
      { "1.01:230\x1d", format::ansi_nist },
      { "1.002:0500", format::ansi_nist },
      { "1.0001:", format::ansi_nist },
      { " \r\n1.001:230", format::ansi_nist },
      // No digit between "1.0" and ':'.
      { "1.0:230", format::nlets_text },
      // No colon after the digits, or the input ends first.
      { "1.001", format::nlets_text },
      { "1.001;230", format::nlets_text },
      { "1.0", format::nlets_text },
      // Other record types or versions.
      { "2.001:230", format::nlets_text },
      { "1.1:230", format::nlets_text },
      { "11.001:", format::nlets_text },
      { "1.00a:", format::nlets_text },
   } };
   check_detection(cases);
}

TEST_CASE("empty and all-blank input is left to the Nlets text reader to reject")
{
   CHECK(detect_format("") == format::nlets_text);
   CHECK(detect_format(" \t\r\n") == format::nlets_text);
}

TEST_CASE("format names round-trip and unknown names are not formats")
{
   for (const format f : { format::nlets_text, format::nlets_xml, format::aamva, format::ansi_nist }) {
      CAPTURE(veil::name_of(f));
      CHECK(veil::format_from_name(veil::name_of(f)) == f);
   }
   CHECK(veil::name_of(format::nlets_text) == "nlets-text");
   CHECK(veil::name_of(format::nlets_xml) == "nlets-xml");
   CHECK(veil::name_of(format::aamva) == "aamva");
   CHECK(veil::name_of(format::ansi_nist) == "ansi-nist");
   CHECK_FALSE(veil::format_from_name("auto").has_value());
   CHECK_FALSE(veil::format_from_name("xml").has_value());
   CHECK_FALSE(veil::format_from_name("").has_value());
}
