// Recipients in the Nlets text header, in every spelling an attacker or a sloppy
// switch writes them: lower case, blanks and tabs, comma lists with empty entries,
// trailing garbage, more than five destinations, a second header line, CR LF variants, a
// control field that reads as a destination. Each spelling is held to two readings:
// veil's own rule (veil::is_well_formed_recipient: the reader accepts a header only when
// every recipient it names is one), and a lenient consumer's, which ignores case and
// splits at anything but letters and digits: whatever such a consumer would deliver to an
// immigration-enforcement agency is never released under `immigration-withhold`, and a
// rejected message writes nothing.

#include "nlets_test_support.hpp"

#include <veil/format.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/presets.hpp>
#include <veil/recipient.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::category_mask;

// The words of `text` as a lenient consumer reads recipients: runs of letters and digits,
// upper-cased.
[[nodiscard]] std::vector<std::string> lenient_words(std::string_view text)
{
   std::vector<std::string> words(1);
   for (const char c : text) {
      const bool word_char = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (word_char) {
         words.back() += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      }
      else if (!words.back().empty()) {
         words.emplace_back();
      }
   }
   if (words.back().empty()) {
      words.pop_back();
   }
   return words;
}

// Whether a lenient consumer of `text` delivers to the preset's immigration-enforcement
// list (VTICE0900, AX): a word is one of them, or starts with the ORI.
[[nodiscard]] bool leniently_immigration(std::string_view text)
{
   const std::vector<std::string> words = lenient_words(text);
   return std::any_of(words.begin(), words.end(),
                      [](const std::string& w) { return w == "AX" || w.starts_with("VTICE0900"); });
}

[[nodiscard]] const veil::policy::policy_redactor& withhold()
{
   static const veil::policy::policy_redactor redactor{ veil::policy::read_policy(
      *veil::policy::preset_text("immigration-withhold")) };
   return redactor;
}

const std::vector<std::string_view> destination_spellings{
   "AX",        "ax",          "Ax",          " AX",         "AX ",        "A X",        "\tAX",
   "AX\t",      "AX,",         ",AX",         "AX,,WA",      "WA,AX",      "WA, AX",     "WA;AX",
   "WA AX",     "AX*",         "AX-1",        "VTICE0900",   "vtice0900",  "VTICE 0900", "VTICE09000",
   "VTICE090",  "ORTEST001",   "WA,OR,ID,CA,AX",            "WA,OR,ID,CA,NV,AX",         "WA,OR,ID,CA,NV,ID",
   "AX\r",      "\x7f" "AX",   "WA,\x7f" "AX", "",           "WA,ORTEST001",
};

// What the reader reads of a header with `destinations`, as far as its recipients go.
void check_input_header(std::string_view destinations)
{
   CAPTURE(destinations);
   const std::string message =
      "DR.WAOLN0000." + std::string(destinations) + ".TXT\nRES ADDR: 1 MAIN ST\nPOB: MX\n";
   std::string out;
   const veil::audit_record audit = veil_test::make_redactor(veil::default_mask).redact(message, out);

   // veil's own rule: accepted exactly when the text is a list of at most five
   // recipients, each well formed; and then those are the recipients.
   std::vector<std::string> items;
   for (std::string_view rest = destinations;;) {
      const std::size_t comma = rest.find(',');
      items.emplace_back(rest.substr(0, comma));
      if (comma == std::string_view::npos) {
         break;
      }
      rest.remove_prefix(comma + 1);
   }
   const bool well_formed = items.size() <= 5 && std::all_of(items.begin(), items.end(), [](const std::string& r) {
                               return veil::is_well_formed_recipient(r);
                            });
   CHECK(audit.rejected() == !well_formed);
   if (well_formed) {
      CHECK(audit.recipients == items);
   }
   else {
      CHECK(out.empty());
   }

   // A lenient consumer's reading: never released to immigration enforcement.
   std::string released;
   const veil::audit_record decided = withhold().redact(veil::format::nlets_text, message, released);
   if (leniently_immigration(destinations)) {
      CHECK((decided.rejected() || decided.result == veil::outcome::withheld));
      CHECK(released.empty());
   }
   if (decided.rejected()) {
      CHECK(released.empty());
   }
}

}  // namespace

TEST_CASE("class 1, recipients: Nlets text input-form destinations in every spelling")
{
   for (const std::string_view destinations : destination_spellings) {
      check_input_header(destinations);
   }
}

TEST_CASE("class 1, recipients: Nlets text delivered form names one recipient, in every spelling")
{
   for (const std::string_view eol : { "\n", "\r\n" }) {
      for (const std::string_view recipient : destination_spellings) {
         CAPTURE(recipient);
         const std::string message = "DR.WAOLN0000" + std::string(eol) + "10:15 03/14/2024 00412" +
                                     std::string(eol) + "10:15 03/14/2024 01877 " + std::string(recipient) +
                                     std::string(eol) + "TXT" + std::string(eol) + "RES ADDR: 1 MAIN\n";
         std::string out;
         const veil::audit_record audit = veil_test::make_redactor(veil::default_mask).redact(message, out);
         // Blanks before and after the recipient are the stamp's, and a CR before the LF
         // the line end's; nothing else is.
         std::string_view trimmed = recipient;
         if (eol == "\n" && trimmed.ends_with('\r')) {
            trimmed.remove_suffix(1);
         }
         while (!trimmed.empty() && trimmed.front() == ' ') {
            trimmed.remove_prefix(1);
         }
         while (!trimmed.empty() && trimmed.back() == ' ') {
            trimmed.remove_suffix(1);
         }
         const bool one_recipient = veil::is_well_formed_recipient(trimmed);
         CHECK(audit.rejected() == !one_recipient);
         if (one_recipient) {
            CHECK(audit.recipients == std::vector<std::string>{ std::string(trimmed) });
         }
         std::string released;
         const veil::audit_record decided = withhold().redact(veil::format::nlets_text, message, released);
         if (leniently_immigration(recipient)) {
            CHECK((decided.rejected() || decided.result == veil::outcome::withheld));
            CHECK(released.empty());
         }
      }
   }
}

TEST_CASE("class 1, recipients: Nlets text header lines inside the body route too")
{
   struct routed
   {
      std::string_view message;
      bool rejected;                        // else: accepted, with these recipients
      std::vector<std::string> recipients;  // the header's, then the body's
   };
   const std::vector<routed> cases{
      // a second input-form header pasted into a response's text
      { "DR.WAOLN0000.ORTEST001.TXT\nDR.WAOLN0000.AX.TXT\nRES ADDR: 1 MAIN\n", false, { "ORTEST001", "AX" } },
      { "DR.WAOLN0000.ORTEST001.TXT\r\n  DR.WAOLN0000.WA,VTICE0900.*CTRL000001.TXT\r\nX\r\n", false,
        { "ORTEST001", "WA", "VTICE0900" } },
      // read leniently: a spelling the header grammar refuses is refused in the body too
      { "DR.WAOLN0000.ORTEST001.TXT\ndr.waoln0000.ax.txt\nRES ADDR: 1 MAIN\n", true, {} },
      { "DR.WAOLN0000.ORTEST001.TXT\nDR.WAOLN0000. AX.TXT\n", true, {} },
      // a second send stamp in a delivered message
      { "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n"
        "10:15 03/14/2024 01878 VTICE0900\nRES ADDR: 1 MAIN\n",
        false, { "ORTEST001", "VTICE0900" } },
      { "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n"
        "10:15  03/14/2024\t01878 vtice0900\n",
        true, {} },
      // a receive stamp names nobody
      { "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n10:15 03/14/2024 01878\n",
        false, { "ORTEST001" } },
      // a second header in a query is no field: the query is refused
      { "DQ.ORTEST001.WA.TXT\nDQ.ORTEST001.AX.TXT\nNAM/DOE,JO", true, {} },
      // a send stamp on a line of its own inside a query's value routes too
      { "DQ.ORTEST001.WA.TXT\nNAM/DOE,JO.MIS/SEE BELOW\r\n10:15 03/14/2024 01878 VTICE0900", false,
        { "WA", "VTICE0900" } },
      // words that only look alike are text
      { "DR.WAOLN0000.ORTEST001.TXT\nSEE WWW.EXAMPLE.COM FOR DETAILS\nTIME 10:15 TODAY\n", false, { "ORTEST001" } },
   };
   for (const routed& c : cases) {
      CAPTURE(c.message);
      std::string out;
      const veil::audit_record audit = veil_test::make_redactor(veil::default_mask).redact(c.message, out);
      CHECK(audit.rejected() == c.rejected);
      if (!c.rejected) {
         CHECK(audit.recipients == c.recipients);
      }
      std::string released;
      const veil::audit_record decided = withhold().redact(veil::format::nlets_text, c.message, released);
      if (leniently_immigration(c.message.substr(c.message.find('\n')))) {
         CHECK((decided.rejected() || decided.result == veil::outcome::withheld));
         CHECK(released.empty());
      }
   }
}

TEST_CASE("class 1, recipients: Nlets text control field that reads as a destination is refused")
{
   const std::string reason = "control field reads as a destination (a part of 2 or 9 letters or digits)";
   for (const std::string_view control : { "AX", "*AX", "ax", "*ax", "VTICE0900", "*VTICE0900", "vtice0900",
                                           "SYN-AX", "AX-1234567", "A1-B2-C3" }) {
      CAPTURE(control);
      const std::string message = "DQ.ORTEST001.WA." + std::string(control) + ".TXT\nNAM/DOE,JO";
      std::string out;
      const veil::audit_record audit = veil_test::make_redactor(veil::default_mask).redact(message, out);
      REQUIRE(audit.rejected());
      CHECK(audit.error->reason == reason);
      CHECK(out.empty());
   }
   // Control fields of other lengths are the sender's reference, and route nowhere.
   for (const std::string_view control : { "SYN0000001", "*SYN0000001", "*CTRL01", "X", "*A-X", "NLETSTEST1" }) {
      CAPTURE(control);
      const std::string message = "DQ.ORTEST001.WA." + std::string(control) + ".TXT\nNAM/DOE,JO";
      const veil_test::redaction result = veil_test::redact(message, veil::default_mask);
      CHECK_FALSE(result.audit.rejected());
      CHECK(result.audit.recipients == std::vector<std::string>{ "WA" });
   }
}

TEST_CASE("class 1, recipients: Nlets text CR LF variants after TXT change nobody's reading")
{
   for (const std::string_view trailer : { "", "\n", "\r\n", "\r\n\x7f" }) {
      CAPTURE(trailer);
      const std::string message = "DR.WAOLN0000.AX.TXT" + std::string(trailer) + "RES ADDR: 1 MAIN\n";
      std::string released;
      const veil::audit_record decided = withhold().redact(veil::format::nlets_text, message, released);
      CHECK(decided.result == veil::outcome::withheld);
      CHECK(decided.recipients == std::vector<std::string>{ "AX" });
      CHECK(released.empty());
   }
}
