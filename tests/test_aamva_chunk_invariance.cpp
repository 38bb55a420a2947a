// The AAMVA redactor's redact_stream() must not depend on how its input is cut: fed a
// payload in chunks split at any point, or at many points (down to one byte per chunk),
// it writes the bytes redact() writes for the whole payload and returns the same audit
// (the same error, for a payload it refuses, and then it writes nothing). A payload over
// max_payload_size is refused alike by both entry points.

#include "aamva_test_support.hpp"
#include "sample_messages.hpp"
#include "chunk_invariance_support.hpp"

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/aamva/payload.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category_mask;
using veil::aamva::framing_mode;

using veil_test::redact_whole;
using veil_test::reference;

// Every single split point, every byte its own chunk, and random multi-splits; a refused
// payload must leave the sink untouched however it was cut. Gives back what redact() gave.
reference check_all_cuts(const veil_test::aamva_redactor& redactor, std::string_view payload,
                         veil_test::aamva_payload_generator& random)
{
   const reference expected = veil_test::check_all_cuts(redactor, payload, random, 20, 400);
   if (expected.whole.audit.rejected()) {
      for (std::size_t at = 0; at <= payload.size(); ++at) {
         CHECK(veil_test::redact_in_chunks(redactor, payload, { at }).output.empty());
      }
   }
   return expected;
}

const std::vector<category_mask> masks{ veil::default_mask, category_mask::all(), category_mask::none() };

[[nodiscard]] veil::aamva::aamva_options options_for(framing_mode mode)
{
   veil::aamva::aamva_options options;
   options.mode = mode;
   return options;
}

// The payloads of tests/samples/aamva (real cards and published examples, many of them
// damaged as scanners leave them), in file-name order; never empty.
[[nodiscard]] std::vector<veil_test::sample_message> sample_payloads()
{
   const std::filesystem::path dir = std::filesystem::path(VEIL_SOURCE_DIR) / "tests" / "samples" / "aamva";
   std::vector<std::filesystem::path> files;
   for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".txt") {
         files.push_back(entry.path());
      }
   }
   if (files.empty()) {
      throw std::runtime_error("no sample payloads in " + dir.string());
   }
   std::sort(files.begin(), files.end());
   std::vector<veil_test::sample_message> payloads;
   for (const std::filesystem::path& file : files) {
      payloads.push_back({ file.filename().string(), veil_test::read_file(file) });
   }
   return payloads;
}

}  // namespace

TEST_CASE("aamva chunk invariance: generated payloads, cut anywhere, read strictly or leniently")
{
   veil_test::aamva_payload_generator generate(2);
   for (int i = 0; i < 60; ++i) {
      const veil_test::planted_payload payload = generate.payload();
      veil::aamva::aamva_options options = options_for(generate.chance(2) ? framing_mode::strict : framing_mode::lenient);
      options.unknown_elements_sensitive = generate.chance(3);
      const category_mask mask = generate.mask();
      const action applied = generate.chance(2) ? action::drop : action::mask;
      check_all_cuts(veil_test::make_aamva_redactor(mask, applied, options), payload.bytes, generate);
   }
}

TEST_CASE("aamva chunk invariance: the sample payloads, read leniently, under several masks, cut anywhere")
{
   veil_test::aamva_payload_generator random(1);
   std::size_t accepted = 0;
   std::size_t refused = 0;
   for (const veil_test::sample_message& sample : sample_payloads()) {
      CAPTURE(sample.name);
      for (const category_mask mask : masks) {
         for (const action applied : { action::drop, action::mask }) {
            const veil_test::aamva_redactor redactor =
               veil_test::make_aamva_redactor(mask, applied, options_for(framing_mode::lenient));
            const bool rejected = check_all_cuts(redactor, sample.bytes, random).whole.audit.rejected();
            refused += rejected ? 1 : 0;
            accepted += rejected ? 0 : 1;
         }
      }
   }
   // Both paths were taken: samples that read and samples that do not.
   CHECK(accepted > 0);
   CHECK(refused > 0);
}

TEST_CASE("aamva chunk invariance: a payload over max_payload_size is refused by both entry points alike")
{
   veil_test::aamva_payload_generator generate(3);
   for (int i = 0; i < 20; ++i) {
      const veil_test::planted_payload payload = generate.payload();
      CAPTURE(payload.bytes);
      for (const framing_mode mode : { framing_mode::strict, framing_mode::lenient }) {
         veil::aamva::aamva_options options = options_for(mode);
         // Just long enough: the payload fares as under the default limit (strictly, it reads).
         const reference default_limit =
            redact_whole(veil_test::make_aamva_redactor(veil::default_mask, action::drop, options), payload.bytes);
         options.max_payload_size = payload.bytes.size();
         const reference at_limit =
            check_all_cuts(veil_test::make_aamva_redactor(veil::default_mask, action::drop, options), payload.bytes,
                           generate);
         CHECK(at_limit.audit_json == default_limit.audit_json);
         CHECK(at_limit.whole.output == default_limit.whole.output);
         CHECK((mode == framing_mode::lenient || !at_limit.whole.audit.rejected()));
         // One byte or more too long: refused at the limit, whatever else the payload holds.
         options.max_payload_size = payload.bytes.size() - 1 - generate.below(payload.bytes.size());
         const veil_test::aamva_redactor too_small =
            veil_test::make_aamva_redactor(veil::default_mask, action::drop, options);
         const reference expected = check_all_cuts(too_small, payload.bytes, generate);
         REQUIRE(expected.whole.audit.rejected());
         REQUIRE(expected.whole.audit.error.has_value());
         CHECK(expected.whole.audit.error->offset == options.max_payload_size);
         CHECK(expected.whole.audit.error->reason ==
               "payload longer than " + std::to_string(options.max_payload_size) + " bytes");
      }
   }
}

TEST_CASE("aamva chunk invariance: the default max_payload_size holds against a longer input through both entry points")
{
   const veil_test::aamva_redactor redactor = veil_test::make_aamva_redactor(veil::default_mask);
   const std::size_t limit = redactor.options().max_payload_size;
   std::string payload = veil_test::aamva_payload_generator(4).payload().bytes;
   payload.resize(limit + 1, 'X');
   veil_test::aamva_payload_generator random(5);
   const reference expected = redact_whole(redactor, payload);
   REQUIRE(expected.whole.audit.rejected());
   CHECK(expected.whole.audit.error->offset == limit);
   veil_test::check_byte_and_random_cuts(redactor, payload, expected, random, 20, 400);
   CHECK(veil_test::redact_in_chunks(redactor, payload, { limit / 2, limit, limit + 1 }).output.empty());
}
