// The XML redactor's redact_stream() must not depend on how its input is cut: fed a
// message in chunks split at any point, or at many points (down to one byte per chunk),
// it writes the bytes redact() writes for the whole message and returns the same audit
// (the same error, for a message it refuses). Its memory is set by the limits, not by
// the message: a photo many times the reader's buffer streams through.

#include "photo_message.hpp"
#include "xml_redactor_test_support.hpp"
#include "chunk_invariance_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category_mask;

using veil_test::check_cut;
using veil_test::redact_whole;
using veil_test::reference;

// Every byte its own chunk, and `rounds` random multi-splits of at most 400 cuts.
void check_random_cuts(const veil_test::xml_redactor& redactor, std::string_view message, const reference& expected,
                       veil_test::xml_message_generator& random, int rounds)
{
   veil_test::check_byte_and_random_cuts(redactor, message, expected, random, rounds, 400);
}

// Every single split point as well.
void check_all_cuts(const veil_test::xml_redactor& redactor, std::string_view message,
                    veil_test::xml_message_generator& random)
{
   const reference expected = redact_whole(redactor, message);
   for (std::size_t at = 0; at <= message.size(); ++at) {
      CAPTURE(at);
      check_cut(redactor, message, expected, { at });
   }
   check_random_cuts(redactor, message, expected, random, 10);
}

const std::vector<category_mask> masks{ veil::default_mask, category_mask::all(), category_mask::none() };

[[nodiscard]] bool is_synthetic(const veil_test::sample_message& message)
{
   return std::filesystem::is_regular_file(veil_test::xml_message_dir() / message.name);
}

}  // namespace

TEST_CASE("xml chunk invariance: the synthetic Nlets messages, cut at every point")
{
   veil_test::xml_message_generator random(1);
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      if (!is_synthetic(message)) {
         continue;
      }
      CAPTURE(message.name);
      for (const action applied : { action::drop, action::mask }) {
         check_all_cuts(veil_test::make_xml_redactor(veil::default_mask, applied), message.bytes, random);
      }
   }
}

TEST_CASE("xml chunk invariance: every message, the EBTS samples included, under several masks, cut at random")
{
   veil_test::xml_message_generator random(2);
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      CAPTURE(message.name);
      for (const category_mask mask : masks) {
         for (const action applied : { action::drop, action::mask }) {
            const veil_test::xml_redactor redactor = veil_test::make_xml_redactor(mask, applied);
            check_random_cuts(redactor, message.bytes, redact_whole(redactor, message.bytes), random, 10);
         }
      }
   }
}

TEST_CASE("xml chunk invariance: generated messages, cut anywhere")
{
   veil_test::xml_message_generator generate(3);
   for (int i = 0; i < 40; ++i) {
      const veil_test::planted_xml_message message = generate.message();
      const category_mask mask = generate.mask();
      const action applied = generate.chance(2) ? action::drop : action::mask;
      veil::xml::xml_options options;
      options.extra_labels = veil_test::generated_extra_labels;
      // A small hold limit, so that some identifications give up on the way.
      options.held.max_held_bytes = generate.chance(2) ? 96 : options.held.max_held_bytes;
      CAPTURE(message.bytes);
      check_all_cuts(veil_test::make_xml_redactor(mask, applied, options), message.bytes, generate);
   }
}

TEST_CASE("xml chunk invariance: rejected messages, cut anywhere, name the same offset and reason")
{
   veil::xml::xml_options tight;
   tight.held.max_line_size = 24;
   tight.limits.max_message_size = 400;
   tight.limits.max_depth = 4;
   const veil_test::xml_redactor redactor = veil_test::make_xml_redactor(veil::default_mask, action::drop, tight);
   const std::string open = "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\""
                            " xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\">";
   const std::vector<std::string> messages{
      open + "<nc:Image>x</nc:Image><a></b></n2:NLETS>",     // mismatched end tag
      open + "<nc:Image>x</nc:Image>",                       // not closed
      "<!DOCTYPE a>" + open + "</n2:NLETS>",                 // DOCTYPE
      open + "<zz:Image/></n2:NLETS>",                       // undeclared prefix
      open + "<a><b><c><d>deep</d></c></b></a></n2:NLETS>",  // too deep
      open + "<n2:ResponseText>OK\nA LINE LONGER THAN TWENTY-FOUR BYTES\n</n2:ResponseText></n2:NLETS>",
      open + "<n2:ResponseText><![CDATA[" + std::string(400, 'X') + "]]></n2:ResponseText></n2:NLETS>",  // size
   };
   veil_test::xml_message_generator random(4);
   for (const std::string& message : messages) {
      CAPTURE(message);
      REQUIRE(redact_whole(redactor, message).whole.audit.rejected());
      check_all_cuts(redactor, message, random);
   }
}

namespace {

constexpr std::size_t fifty_mib = std::size_t{ 50 } << 20;

}  // namespace

TEST_CASE("xml chunk invariance: a 50 MiB photo streams through a buffer of a few dozen KiB, dropped or kept")
{
   for (const category_mask mask : { veil::default_mask, category_mask::none() }) {
      CAPTURE(mask.to_string());
      veil_test::photo_message source(fifty_mib);
      std::size_t written = 0;
      std::size_t largest_write = 0;
      bool name_written = false;
      const veil_test::xml_redactor redactor = veil_test::make_xml_redactor(mask);
      const veil::audit_record audit = redactor.redact_stream(source, [&](std::string_view bytes) {
         written += bytes.size();
         largest_write = std::max(largest_write, bytes.size());
         name_written = name_written || bytes.find("SAMPLE") != std::string_view::npos;
      });
      REQUIRE_FALSE(audit.rejected());
      CHECK(name_written);
      if (mask.contains(veil::category::photo)) {
         REQUIRE(audit.fields.size() == 1);
         CHECK(audit.fields[0].tag == "nc:PersonDigitalImage");
         CHECK(audit.fields[0].length > fifty_mib);
         CHECK(written == source.size() - audit.fields[0].length);
      }
      else {
         CHECK(audit.fields.empty());
         CHECK(written == source.size());
      }
      // Neither the reader's buffer nor any piece written grew with the photo.
      const veil::xml::xml_limits limits;
      CHECK(source.largest_request() <= std::size_t{ 256 } << 10);
      CHECK(largest_write <= limits.max_text_piece);
   }
}
