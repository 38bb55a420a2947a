// The promise checked from the reader's side: messages made in the variants states print
// and attackers write (nlets_variant_generator.hpp), with markers planted only where a
// reader sees a value of a masked category, redacted under every mask of the Nlets text
// categories and either action. No marker of a masked category is visible to a reader of
// the output (nlets_reader_view.hpp), nor anywhere in its bytes or its audit line; a
// rejected message writes nothing, and a mask of more categories keeps no byte that one
// of fewer removes. The generator's claims are checked by the reader first, so a marker
// the reader would not see as such a value fails the test instead of proving nothing.

#include "nlets_reader_view.hpp"
#include "nlets_test_support.hpp"
#include "nlets_variant_generator.hpp"

#include <veil/audit.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using veil_test::reader_marker;
using veil_test::variant_message;
namespace reader = veil_test::reader_view;

constexpr std::array<category, 4> text_categories{ category::address, category::ssn, category::immigration,
                                                   category::contact };

// Every subset of the categories Nlets text has values of.
[[nodiscard]] std::vector<category_mask> every_mask()
{
   std::vector<category_mask> masks;
   for (unsigned bits = 0; bits < (1U << text_categories.size()); ++bits) {
      category_mask m;
      for (std::size_t i = 0; i < text_categories.size(); ++i) {
         if ((bits & (1U << i)) != 0) {
            m = m | category_mask{ text_categories[i] };
         }
      }
      masks.push_back(m);
   }
   return masks;
}

// The text a reader reads a value in: a line of free text, or a field of a query.
[[nodiscard]] std::string_view reading_of(const variant_message& m, std::string_view marker_text)
{
   if (!m.query) {
      return m.bytes;
   }
   std::string_view body = m.bytes;
   while (!body.empty()) {
      const std::size_t dot = body.find('.');
      const std::string_view field = body.substr(0, dot);
      if (reader::shows(field, marker_text)) {
         return field;
      }
      body.remove_prefix(dot == std::string_view::npos ? body.size() : dot + 1);
   }
   return {};
}

// What the reader sees of `marker` in the message, before any redaction: the marker
// shows, and as the value of the label or token the generator says.
void check_reader_sees(const variant_message& m, const reader_marker& marker)
{
   CAPTURE(marker.text);
   REQUIRE(reader::shows(m.bytes, marker.text));
   if (!marker.prefix.empty()) {
      bool after_prefix = false;
      for (const std::string& line : reader::visible_lines(m.bytes)) {
         const std::size_t at = line.find(marker.text);
         after_prefix = after_prefix || (at != std::string::npos && at >= 4 &&
                                         line.substr(at - 4, 4) == marker.prefix + "/");
      }
      CHECK(after_prefix);
      return;
   }
   if (marker.label.empty()) {
      return;  // a value of no label
   }
   const std::optional<std::string> label = reader::label_of_value(reading_of(m, marker.text), marker.text);
   REQUIRE(label.has_value());
   CAPTURE(*label);
   CAPTURE(marker.label);
   CHECK(reader::same_label(*label, marker.label));
}

struct tally
{
   std::size_t masked_markers = 0;  // checked to be gone
   std::size_t kept_markers = 0;    // of no masked category
   std::size_t kept_visible = 0;    // ... and still there
};

// Returns the output.
std::string check_redacted(const variant_message& m, category_mask mask, action applied, tally& t)
{
   CAPTURE(mask.to_string());
   CAPTURE(veil::name_of(applied));
   const veil_test::redaction result = veil_test::redact(veil_test::make_redactor(mask, applied), m.bytes);
   REQUIRE_FALSE(result.audit.rejected());
   const std::string audit_line = veil::to_json_line(result.audit);
   for (const reader_marker& marker : m.markers) {
      CAPTURE(marker.text);
      if (marker.kind && mask.contains(*marker.kind)) {
         ++t.masked_markers;
         CHECK_FALSE(reader::shows(result.output, marker.text));
         CHECK(result.output.find(marker.text) == std::string::npos);
      }
      else {
         ++t.kept_markers;
         t.kept_visible += reader::shows(result.output, marker.text) ? 1 : 0;
      }
      CHECK(audit_line.find(marker.text) == std::string::npos);
   }
   if (mask.empty()) {
      CHECK(result.output == m.bytes);
      CHECK(result.audit.result == veil::outcome::passed);
   }
   return result.output;
}

// A mask with more categories never keeps a byte that one with fewer masks: under the
// mask action, which keeps every byte in its place, each byte starred under `fewer` is
// starred under `more`.
void check_more_removes_more(const std::string& input, const std::string& fewer, const std::string& more)
{
   REQUIRE(fewer.size() == input.size());
   REQUIRE(more.size() == input.size());
   for (std::size_t i = 0; i < input.size(); ++i) {
      if (fewer[i] != input[i]) {
         CAPTURE(i);
         CHECK(more[i] == fewer[i]);
      }
   }
}

// The same message cut short by a NUL: rejected, and nothing written.
void check_rejected_writes_nothing(const variant_message& m, category_mask mask)
{
   std::string out;
   const veil::audit_record audit = veil_test::make_redactor(mask).redact(m.bytes + '\0', out);
   CHECK(audit.rejected());
   CHECK(out.empty());
}

void check_generated(std::uint32_t seed, int messages, bool queries)
{
   veil_test::nlets_variant_generator generate(seed);
   const std::vector<category_mask> masks = every_mask();
   tally t;
   for (int i = 0; i < messages; ++i) {
      const variant_message m = queries ? generate.query() : generate.response();
      CAPTURE(m.bytes);
      for (const reader_marker& marker : m.markers) {
         check_reader_sees(m, marker);
      }
      std::vector<std::string> masked;  // by the index of the mask in `masks`
      for (const category_mask mask : masks) {
         (void)check_redacted(m, mask, action::drop, t);
         masked.push_back(check_redacted(m, mask, action::mask, t));
      }
      for (std::size_t fewer = 0; fewer < masks.size(); ++fewer) {
         for (std::size_t bit = 1; bit < masks.size(); bit <<= 1U) {
            if ((fewer & bit) == 0) {
               check_more_removes_more(m.bytes, masked[fewer], masked[fewer | bit]);
            }
         }
      }
      check_rejected_writes_nothing(m, category_mask::all());
   }
   // The markers of masked categories were many, and veil did not remove everything
   // else to get rid of them: most values it need not remove are still there.
   CHECK(t.masked_markers > static_cast<std::size_t>(messages));
   CHECK(t.kept_visible * 10 > t.kept_markers * 7);
}

}  // namespace

TEST_CASE("class 3, free text: no value of a masked category is visible to a reader of the output")
{
   check_generated(20240613, 1500, false);
}

TEST_CASE("class 3, free text: labels inside kept remarks of queries are searched as free text is")
{
   check_generated(19450508, 600, true);
}

TEST_CASE("class 3, free text: the variant generator makes every variant the reader is tested with")
{
   // Guards the property above against a generator that stopped making something.
   veil_test::nlets_variant_generator generate(5);
   std::size_t tabs = 0;
   std::size_t crlf = 0;
   std::size_t unseen = 0;
   std::size_t several_labels = 0;
   std::size_t value_below = 0;
   std::size_t continued = 0;
   std::size_t per_category[4] = {};
   for (int i = 0; i < 400; ++i) {
      const variant_message m = generate.response();
      tabs += m.bytes.find('\t') != std::string::npos ? 1 : 0;
      crlf += m.bytes.find("\r\n") != std::string::npos ? 1 : 0;
      unseen += m.bytes.find('\x7f') != std::string::npos ? 1 : 0;
      for (const std::string& line : reader::visible_lines(m.bytes)) {
         const std::vector<reader::seen_label> labels = reader::labels_of(line);
         several_labels += labels.size() > 1 ? 1 : 0;
         value_below += !labels.empty() && labels.back().empty_value ? 1 : 0;
      }
      for (const reader_marker& marker : m.markers) {
         for (std::size_t c = 0; c < text_categories.size(); ++c) {
            per_category[c] += marker.kind == text_categories[c] ? 1 : 0;
         }
         const std::optional<std::string> label = reader::label_of_value(m.bytes, marker.text);
         for (const std::string& line : reader::visible_lines(m.bytes)) {
            if (line.find(marker.text) != std::string::npos && label && reader::labels_of(line).empty()) {
               ++continued;  // read under a label of a line above
            }
         }
      }
   }
   CHECK(tabs > 100);
   CHECK(crlf > 50);
   CHECK(unseen > 50);
   CHECK(several_labels > 100);
   CHECK(value_below > 30);
   CHECK(continued > 100);
   for (const std::size_t n : per_category) {
      CHECK(n > 100);
   }
}

TEST_CASE("class 3, free text: the reader reads tabs to 8-column stops and labels whatever their spacing")
{
   CHECK(reader::visible("\tA") == "        A");
   CHECK(reader::visible("    \tA") == "        A");
   CHECK(reader::visible("AB\x7f\tC") == "AB      C");
   const std::vector<reader::seen_label> labels = reader::labels_of(reader::visible("SSN: 1  Res.  Addr : X"));
   REQUIRE(labels.size() == 2);
   CHECK(labels[0].words == "SSN");
   CHECK(labels[1].words == "ADDR");
   CHECK(reader::same_label(labels[1].words, reader::words_of("RES ADDR")));
   CHECK(reader::label_of_value("RES ADDR: 1 MAIN\n\tSPRINGFIELD\n", "SPRINGFIELD") == "RES ADDR");
   CHECK(reader::label_of_value("SSN: 1  RES ADDR:\nVALUE\n", "VALUE") == "RES ADDR");
   CHECK_FALSE(reader::label_of_value("RES ADDR: 1 MAIN\n\nSPRINGFIELD\n", "SPRINGFIELD").has_value());
}
