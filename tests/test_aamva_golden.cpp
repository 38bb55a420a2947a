// Golden before/after files for AAMVA payloads of versions 01, 04, 08, 10 and 11: each
// sample in tests/samples/aamva named below, redacted under the default mask
// (address,photo,immigration) with each action, must give
// tests/golden/aamva/<stem>.<action>.txt byte for byte. The version 10 Virginia sample has
// the standard's framing and is read strictly; the others are scanner captures, read in
// lenient mode and written in the standard's framing. The expected files were made from
// the rules, not by the redactor: the sensitive elements removed with one LF each (or
// their values starred), every designator recomputed. The audit names the elements
// removed, in input order, read off each sample by hand.

#include "sample_messages.hpp"

#include <veil/aamva/aamva_redactor.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

using veil::action;
using veil::aamva::framing_mode;

struct golden_case
{
   std::string stem;
   framing_mode mode;
   std::vector<std::string> removed;  // element ids, in input order
};

const std::vector<golden_case> golden_cases{
   { "idparser_CT", framing_mode::lenient, { "DAG", "DAI", "DAJ", "DAK" } },                // v01, "AAMVA", no DL type
   { "idparser_HI", framing_mode::lenient, { "DAG", "DAI", "DAJ", "DAK", "DAH" } },         // v04, CRs lost
   { "idparser_IL", framing_mode::lenient, { "DAG", "DAI", "DAJ", "DAK", "DAH" } },         // v08, CRs lost
   { "benhovinga_readme_v10_VA_sample", framing_mode::strict,                               // v10, exact
     { "DAG", "DAI", "DAJ", "DAK", "DDA", "DDD" } },
   { "dlparser_synthetic_v11_2025", framing_mode::lenient,                                  // v11, offsets 0000
     { "DCI", "DAG", "DAH", "DAI", "DAJ", "DAK", "DDN", "DDA", "DDD" } },
};

}  // namespace

TEST_CASE("aamva golden: versions 01, 04, 08, 10 and 11 under the default mask, both actions, byte for byte")
{
   const std::filesystem::path data(VEIL_TEST_DATA_DIR);
   for (const golden_case& c : golden_cases) {
      const std::string input = veil_test::read_file(data / "samples" / "aamva" / (c.stem + ".txt"));
      for (const action applied : { action::drop, action::mask }) {
         CAPTURE(c.stem);
         CAPTURE(veil::name_of(applied));
         veil::aamva::aamva_options options;
         options.mode = c.mode;
         options.action = applied;
         std::string out;
         const veil::audit_record audit =
            veil::aamva::aamva_redactor<veil::runtime_mask>{ veil::runtime_mask{}, options }.redact(input, out, c.stem);
         REQUIRE_FALSE(audit.rejected());
         CHECK(out == veil_test::read_file(data / "golden" / "aamva" /
                                           (c.stem + "." + std::string(veil::name_of(applied)) + ".txt")));
         std::vector<std::string> removed;
         for (const veil::redacted_field& f : audit.fields) {
            removed.push_back(f.tag);
            CHECK(input.substr(f.offset, f.length).starts_with(f.tag));
         }
         CHECK(removed == c.removed);
         CHECK(audit.format == "aamva");
      }
   }
}
