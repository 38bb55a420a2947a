// The ANSI/NIST-ITL redactor's redact_stream() must not depend on how its input is cut,
// nor on the size of the pieces it reads and passes images in: fed a transaction in
// chunks split at any point, or at many points (down to one byte per chunk), it writes
// the bytes redact() writes for the whole transaction and returns the same audit (the
// same error, for a transaction it refuses).

#include "ansi_nist_test_support.hpp"
#include "ansi_nist_transaction_builder.hpp"
#include "sample_messages.hpp"
#include "chunk_invariance_support.hpp"

#include <veil/ansi_nist/transaction_redactor.hpp>
#include <veil/category_mask.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using veil::action;
using veil::category_mask;
using veil::ansi_nist::ansi_nist_limits;

using veil_test::reference;

// The default limits, but pieces of a size drawn from tiny to the default.
[[nodiscard]] ansi_nist_limits random_limits(veil_test::transaction_generator& random)
{
   static constexpr std::array<std::size_t, 5> chunk_sizes{ 1, 3, 16, 256, ansi_nist_limits{}.chunk_size };
   ansi_nist_limits limits;
   limits.chunk_size = chunk_sizes[random.below(chunk_sizes.size())];
   return limits;
}

[[nodiscard]] veil_test::ansi_nist_redactor random_redactor(veil_test::transaction_generator& random)
{
   const category_mask mask = random.mask();
   const action applied = random.chance(2) ? action::drop : action::mask;
   return veil_test::make_ansi_nist_redactor(mask, applied, random_limits(random));
}

// `t` damaged so that its framing no longer holds: cut short, a byte too long, or one
// record's length one more or one less than the record.
[[nodiscard]] std::string damaged(const veil_test::planted_transaction& t, veil_test::transaction_generator& random)
{
   std::string bytes = t.bytes;
   switch (random.below(3)) {
      case 0: bytes.resize(random.below(bytes.size())); break;
      case 1: bytes += bytes[random.below(bytes.size())]; break;
      default: {
         const veil_test::generated_record& r = t.records[random.below(t.records.size())];
         const bool binary = veil_test::is_binary_record_type(r.type);
         // The last byte of the length: the fourth of a binary record, the digit before
         // the first GS of a tagged one.
         char& digit = bytes[r.offset + (binary ? 3 : r.bytes.find('\x1d') - 1)];
         digit = binary ? static_cast<char>(digit ^ 1) : digit == '9' ? '8' : static_cast<char>(digit + 1);
         break;
      }
   }
   return bytes;
}

// Where the sample transactions are: the project's copy, or the shared collection it is
// taken from.
[[nodiscard]] std::filesystem::path sample_dir()
{
   const std::filesystem::path source = VEIL_SOURCE_DIR;
   const std::filesystem::path project_copy = source / "tests" / "samples" / "ansi-nist";
   return std::filesystem::exists(project_copy) ? project_copy : source / ".." / "shared" / "samples" / "ansi-nist";
}

// The sample transactions (published test files: EBTS, NIST conformance and parser
// suites), in file-name order, each followed by a copy with well-formed routing (the
// conformance files' routing is a placeholder veil refuses); never empty.
[[nodiscard]] std::vector<veil_test::sample_message> sample_transactions()
{
   std::vector<std::filesystem::path> files;
   for (const auto& entry : std::filesystem::directory_iterator(sample_dir())) {
      files.push_back(entry.path());
   }
   if (files.empty()) {
      throw std::runtime_error("no sample transactions in " + sample_dir().string());
   }
   std::sort(files.begin(), files.end());
   std::vector<veil_test::sample_message> samples;
   for (const std::filesystem::path& file : files) {
      samples.push_back({ file.filename().string(), veil_test::read_file(file) });
      if (std::optional<std::string> routed = veil_test::build::with_well_formed_routing(samples.back().bytes)) {
         samples.push_back({ file.filename().string() + " (routed)", std::move(*routed) });
      }
   }
   return samples;
}

}  // namespace

TEST_CASE("ansi-nist chunk invariance: generated transactions, cut anywhere, read in pieces of any size")
{
   veil_test::transaction_generator generate(2);
   for (int i = 0; i < 40; ++i) {
      const veil_test::planted_transaction t = generate.transaction();
      const reference expected = veil_test::check_all_cuts(random_redactor(generate), t.bytes, generate, 20, 400);
      CHECK_FALSE(expected.whole.audit.rejected());
   }
}

TEST_CASE("ansi-nist chunk invariance: a transaction cut short or misframed is refused alike however it is cut")
{
   veil_test::transaction_generator generate(3);
   for (int i = 0; i < 40; ++i) {
      const std::string bytes = damaged(generate.transaction(), generate);
      const reference expected = veil_test::check_all_cuts(random_redactor(generate), bytes, generate, 10, 400);
      CHECK(expected.whole.audit.rejected());
   }
}

TEST_CASE("ansi-nist chunk invariance: the sample transactions under several masks, cut at random")
{
   MESSAGE("sample transactions read from " << sample_dir().string());
   veil_test::transaction_generator random(1);
   std::size_t accepted = 0;
   std::size_t refused = 0;
   for (const veil_test::sample_message& sample : sample_transactions()) {
      CAPTURE(sample.name);
      for (const category_mask mask : { veil::default_mask, category_mask::all(), category_mask::none() }) {
         for (const action applied : { action::drop, action::mask }) {
            CAPTURE(mask.to_string());
            const veil_test::ansi_nist_redactor redactor =
               veil_test::make_ansi_nist_redactor(mask, applied, random_limits(random));
            const reference expected = veil_test::redact_whole(redactor, sample.bytes);
            // Up to 400 cuts: a few of the large samples' records, many of the small ones'.
            for (int round = 0; round < 4; ++round) {
               std::vector<std::size_t> cuts(1 + random.below(400));
               for (std::size_t& cut : cuts) {
                  cut = random.below(sample.bytes.size() + 1);
               }
               CAPTURE(round);
               veil_test::check_cut(redactor, sample.bytes, expected, cuts);
            }
            refused += expected.whole.audit.rejected() ? 1 : 0;
            accepted += expected.whole.audit.rejected() ? 0 : 1;
         }
      }
   }
   // Both paths were taken: samples that read and samples that do not.
   CHECK(accepted > 0);
   CHECK(refused > 0);
}
