// A rejection reason names what was expected and where ("the 2nd subfile", "version
// number"), never bytes of the payload: not an element id or value, not a subfile type,
// not a number the header holds. Checked on payloads malformed by hand in every field a
// reason could quote, each holding a marker there, and on many more malformed at random
// from generated cards whose values are markers, in both framing modes: no reason holds a
// marker, and every word of a reason in capitals and every number in it is veil's own.

#include "aamva_test_support.hpp"
#include "aamva_variant_generator.hpp"

#include <veil/aamva/payload_reader.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category_mask;
using veil::aamva::framing_mode;
using veil_test::framed;
namespace variants = veil_test::aamva_variants;

// The words in capitals and the numbers veil's reasons are made of.
const std::set<std::string> own_capitals{ "AAMVA", "ANSI", "LF", "RS", "CR", "DL", "ID", "Z" };
const std::set<std::string> own_numbers{ "01", "11", "9999", "2", "4", "6" };

// Every word of `reason` (a run of letters and digits) is veil's own: a word with a
// capital is one of own_capitals, a number one of own_numbers or the size limit, a number
// with an ordinal suffix names a subfile.
void check_own_words(const std::string& reason, std::size_t size_limit)
{
   CAPTURE(reason);
   std::string word;
   for (std::size_t i = 0; i <= reason.size(); ++i) {
      const char c = i < reason.size() ? reason[i] : ' ';
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
         word += c;
         continue;
      }
      if (word.empty()) {
         continue;
      }
      CAPTURE(word);
      const std::size_t digits = word.find_first_not_of("0123456789");
      if (digits == std::string::npos) {
         CHECK((own_numbers.contains(word) || word == std::to_string(size_limit)));
      }
      else if (digits > 0) {
         const std::string suffix = word.substr(digits);
         CHECK((suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th"));
         CHECK(digits <= 2);
      }
      else if (word.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
         CHECK(own_capitals.contains(word));
      }
      word.clear();
   }
}

// Redacts `payload` in both modes, with unknown elements sensitive and not; every
// rejection's reason holds none of `markers` and only veil's own words. The number of
// rejections.
std::size_t check_reasons(const std::string& payload, const std::vector<std::string>& markers)
{
   CAPTURE(payload);
   std::size_t rejected = 0;
   for (const framing_mode mode : { framing_mode::strict, framing_mode::lenient }) {
      for (const bool unknown : { false, true }) {
         veil::aamva::aamva_options options;
         options.mode = mode;
         options.unknown_elements_sensitive = unknown;
         options.max_payload_size = 12000;
         const veil_test::redaction r =
            veil_test::redact(veil_test::make_aamva_redactor(category_mask::all(), action::drop, options), payload);
         if (!r.audit.rejected()) {
            continue;
         }
         ++rejected;
         for (const std::string& m : markers) {
            CAPTURE(m);
            CHECK(r.audit.error->reason.find(m) == std::string::npos);
         }
         check_own_words(r.audit.error->reason, options.max_payload_size);
      }
   }
   return rejected;
}

}  // namespace

TEST_CASE("class 6, AAMVA: a rejection reason quotes no field of the payload, whichever field is wrong")
{
   // Each payload is wrong in one field and holds a marker where a reason could quote it:
   // subfile types QJ and ZQ, offsets and lengths 7319 and 8642, version 97 and 00, an
   // IIN and a jurisdiction version with letters, ids and values of elements.
   const std::string v10 = "@\n\x1e\rANSI 636000100002";
   const std::string good_dl = "DLDAQ1\nDCSQZ7MARKER\r";
   const std::vector<std::string> payloads{
      "@\n\x1e\rANSI 636000970001DL00310010DLDAQ1\r",
      "@\n\x1e\rANSI 636000000001DL00310010DLDAQ1\r",
      "@\n\x1e\rANSI 63QZ7Y100001DL00310010DLDAQ1\r",
      "@\n\x1e\rANSI 6360001QZ001DL00310010DLDAQ1\r",
      "@\n\x1e\rANSI 636000100000",
      "@\n\x1e\rANSI 6360001000017QDL00310010DLDAQ1\r",
      "@\n\x1e\rANSI 636000100001DL73198642DLDAQ1\r",
      "@\n\x1e\rANSI 636000100001DL0031864QDLDAQ1\r",
      "@\n\x1e\rANSI 636000100001QJ00310010DLDAQ1\r",
      "@\n\x1e\rANSI 636000100001ZQ00310010QJDAQ1\r",
      "@\n\x1e\rANSI 636000100001DL00318642DLDAQ1\r",
      framed(v10, { good_dl, "QJQJAQZ7MARKER\r" }),
      framed(v10, { good_dl, "ZQZQAQZ7MARKER\nZWQQZ7MARKER\r" }),
      framed(v10, { good_dl, "ZQZQAQZ7MARKER\nZQ\r" }),
      framed(v10, { good_dl, "ZQZQAQZ7MARKER\x1eZQB\r" }),
      framed(v10, { "DLQJQQZ7MARKER\r", "ZQZQA1\r" }),
      framed(v10, { "DLdagQZ7MARKER\r", "ZQZQA1\r" }),
      framed(v10, { "DLDAQ1\rQZ7MARKER\r", "ZQZQA1\r" }),
      framed(v10, { "DLDAQ1\n\nDCSQZ7MARKER\r", "ZQZQA1\r" }),
      framed(v10, { good_dl, "ZQZQA1\r" }) + "QZ7MARKER",
      "@\n\x1e\rANSI 636000100002DL00417319ZQ86420000DLDAQ1\nQZ7MARKER\r",
      "@\n\x1e\rANSI 636000100002DL00410000ZQ00000000DLDAQ1\nDCSQZ7MARKERZQZQA1\r",
      "@\n\x1e\rANSI 636000100002ZQ00410000ZQ00000000ZQZQA1\nZQZQBQZ7MARKER\r",
      "@\n\x1e\rANSI 636000100001DL00000000QZ7MARKER\nDAQ1\r",
      "@|\x1e|ANSI 636000100001DL00310010DLDAQ1|QZ7MARKER\r",
      "\xEF\xBB\xBF" + framed(v10, { good_dl, "ZQZQA1\r" }),
      "QZ7MARKER" + framed(v10, { good_dl, "ZQZQA1\r" }),
      "@\n\x1e\rAAMVA636000100001DL00310010DLDAQ1\r",
      "@\n\x1e\rANSIQ636000100001DL00310010DLDAQ1\r",
      "@\n\x1e\rANSI 636000100002DL00410000ZQ00000000DLDAQ1\nDCS" + std::string(9960, 'Q') + "\nDAD" +
         std::string(900, 'X') + "\rZQZQA1\r",
   };
   const std::vector<std::string> markers{ "QZ7", "MARKER", "QJ", "ZQ", "7319", "8642", "864Q", "97", "7Q", "1QZ" };
   std::size_t rejected = 0;
   for (const std::string& payload : payloads) {
      const std::size_t n = check_reasons(payload, markers);
      CHECK(n > 0);
      rejected += n;
   }
   CHECK(rejected >= 100);
}

TEST_CASE("class 6, AAMVA: no rejection reason quotes a value of a payload malformed at random")
{
   variants::variant_generator generate(60606);
   std::size_t rejected = 0;
   for (int i = 0; i < 3000; ++i) {
      std::vector<variants::damage> done{ generate.any_damage() };
      const variants::variant v = generate.damaged(generate.make_card(), done);
      std::string payload = v.bytes;
      // A few more blows: bytes replaced by marker letters, a marker put in, a cut.
      for (std::size_t blows = generate.below(4); blows > 0 && !payload.empty(); --blows) {
         const std::size_t at = generate.below(payload.size());
         switch (generate.below(3)) {
            case 0: payload[at] = "QXW9"[generate.below(4)]; break;
            case 1: payload.insert(at, v.written.markers.front().text); break;
            default: payload.resize(at); break;
         }
      }
      std::vector<std::string> markers;
      for (const variants::marker& m : v.written.markers) {
         markers.push_back(m.text);
      }
      rejected += check_reasons(payload, markers);
   }
   CHECK(rejected > 3000);
}
