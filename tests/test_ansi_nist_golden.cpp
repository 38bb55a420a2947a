// Golden before/after files for ANSI/NIST-ITL transactions: each sample named below,
// redacted under the default mask (address,photo,immigration) with each action, must give
// tests/golden/ansi-nist/<stem>.<action>.<extension> byte for byte. The expected files
// were made by a separate reading of the rules, not by the redactor: records walked by
// their lengths; photo records dropped and 1.003 CNT and 1.001 LEN rewritten, LEN keeping
// its width; the Type-2 fields of the mask dropped (or their values starred) and 2.001 LEN
// rewritten. The audit names what went, in input order, read off each file by hand.

#include "ansi_nist_transaction_builder.hpp"
#include "sample_messages.hpp"

#include <veil/ansi_nist/ansi_nist_redactor.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace {

using veil::action;

struct golden_case
{
   std::string file;
   std::vector<std::string> removed;  // tags, in input order
   // The sample's routing is a placeholder veil refuses (test_ansi_nist_samples.cpp): it
   // is redacted, and its golden files written, with well-formed routing in its place.
   bool placeholder_routing = false;
};

const std::vector<golden_case> golden_cases{
   // FBI EBTS (VER 0201, 2-digit Type-1 tags): POB, CTZ, EAD and RES, then the face photo.
   { "jet_S001-01-t10_01.eft", { "2.020", "2.021", "2.039", "2.041", "Type-10" } },
   // The same subject with an empty image field.
   { "jet_empty_image.eft", { "2.020", "2.021", "2.039", "2.041", "Type-10" } },
   // Fingerprints stay (biometric is not in the default mask); the photo goes.
   { "jet_testEbts.eft", { "2.020", "Type-10" } },
   // A face whose JPEG bytes hold FS: framed by length, dropped whole.
   { "nodenist_sre_with_face.tdf", { "Type-10" }, true },
   { "biocts2011_pass-type-10-face-mandatory-only.an2", { "Type-10" }, true },
};

}  // namespace

TEST_CASE("ansi-nist golden: EBTS and ANSI/NIST 2011 samples under the default mask, both actions, byte for byte")
{
   const std::filesystem::path data(VEIL_TEST_DATA_DIR);
   for (const golden_case& c : golden_cases) {
      const std::filesystem::path file(c.file);
      std::string input = veil_test::read_file(data / "samples" / "ansi-nist" / file);
      if (c.placeholder_routing) {
         const std::optional<std::string> routed = veil_test::build::with_well_formed_routing(input);
         REQUIRE(routed.has_value());
         input = *routed;
      }
      for (const action applied : { action::drop, action::mask }) {
         CAPTURE(c.file);
         CAPTURE(veil::name_of(applied));
         std::string out;
         const veil::audit_record audit = veil::ansi_nist::ansi_nist_redactor<veil::runtime_mask>{
            veil::runtime_mask{}, veil::ansi_nist::ansi_nist_options{ applied, {} }
         }.redact(input, out, c.file);
         REQUIRE_FALSE(audit.rejected());
         const std::string golden = file.stem().string() + "." + std::string(veil::name_of(applied)) +
                                    file.extension().string();
         CHECK(out == veil_test::read_file(data / "golden" / "ansi-nist" / golden));
         std::vector<std::string> removed;
         for (const veil::redacted_field& f : audit.fields) {
            removed.push_back(f.tag);
            CHECK(f.offset + f.length <= input.size());
         }
         CHECK(removed == c.removed);
      }
   }
}
