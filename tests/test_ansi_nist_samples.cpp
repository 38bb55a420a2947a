// Every ANSI/NIST-ITL sample in tests/samples/ansi-nist (NIST 2011 conformance files,
// FBI EBTS files from MITRE JET, libbiomeval and node-nist files) is read: the pass files
// go through unchanged when nothing is masked, the fail file is refused with the reason,
// and under every mask the output is a transaction the reader accepts again, unchanged,
// and redacting it once more changes nothing. The sample that carries a subject's
// residence, place of birth, citizenship and a face photo loses all four.
//
// Some pass files carry routing a policy cannot decide by: the conformance files' 1.004
// TOT "A", 1.007 DAI "DAI" and 1.008 ORI "ORI" are placeholders, node-nist's DAI is
// "FIMB-SL" and libbiomeval's "NGI". veil refuses them at that field; the rest of each
// such file is still read, with its routing replaced by well-formed values.

#include "ansi_nist_transaction_builder.hpp"
#include "sample_messages.hpp"

#include <veil/ansi_nist/ansi_nist_redactor.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace {

using veil::action;
using veil::category_mask;
using redactor = veil::ansi_nist::ansi_nist_redactor<veil::runtime_mask>;

[[nodiscard]] redactor make(category_mask mask, action applied = action::drop)
{
   return redactor{ veil::runtime_mask{ mask }, veil::ansi_nist::ansi_nist_options{ applied, {} } };
}

// The pass files veil refuses for their routing: the field refused, as the file writes
// its tag, and the reason.
struct routing_fault
{
   std::string_view tag;
   std::string_view reason;
};

constexpr std::string_view malformed_tot = "1.004 TOT is not 2 to 16 upper-case letters or digits";
constexpr std::string_view malformed_dai =
   "1.007 DAI is not one 2-character destination or 9-character ORI of upper-case letters and digits";

const std::map<std::string, routing_fault, std::less<>> refused_routing{
   { "biocts2011_pass-all-supported-types-with-2.003-udf-with-sf.an2", { "1.004:", malformed_tot } },
   { "biocts2011_pass-type-1-long-fieldnumber.an2", { "1.004:", malformed_tot } },
   { "biocts2011_pass-type-1-mandatory-only.an2", { "1.004:", malformed_tot } },
   { "biocts2011_pass-type-10-face-mandatory-only.an2", { "1.004:", malformed_tot } },
   { "biocts2011_pass-type-10-face.an2", { "1.004:", malformed_tot } },
   { "biocts2011_pass-type-10-smt-mandatory-only.an2", { "1.004:", malformed_tot } },
   { "libbiomeval_type9-efs.an2k", { "1.007:", malformed_dai } },
   { "nodenist_sre_with_face.tdf", { "1.007:", malformed_dai } },
};

// `input` with well-formed routing in place of its own.
[[nodiscard]] std::string routed(std::string_view input)
{
   const std::optional<std::string> rewritten = veil_test::build::with_well_formed_routing(input);
   REQUIRE(rewritten.has_value());
   return *rewritten;
}

}  // namespace

TEST_CASE("ansi-nist samples: every pass file reads (placeholder routing refused first), the fail file is refused, "
          "every output reads back unchanged")
{
   std::size_t files = 0;
   std::size_t routed_files = 0;
   for (const auto& entry :
        std::filesystem::directory_iterator(std::filesystem::path(VEIL_TEST_DATA_DIR) / "samples" / "ansi-nist")) {
      const std::string name = entry.path().filename().string();
      CAPTURE(name);
      std::string input = veil_test::read_file(entry.path());
      ++files;
      std::string unchanged;
      veil::audit_record none = make(category_mask::none()).redact(input, unchanged);
      if (name.find("_fail-") != std::string::npos) {
         REQUIRE(none.rejected());
         // 1.002 written as "0.002": a field of another record type inside Type-1.
         CHECK(none.error->reason == "field of another record type than the record's own");
         CHECK(none.error->offset == input.find("0.002"));
         continue;
      }
      if (const auto fault = refused_routing.find(name); fault != refused_routing.end()) {
         REQUIRE(none.rejected());
         CHECK(unchanged.empty());
         CHECK(none.error->reason == fault->second.reason);
         CHECK(none.error->offset == input.find(fault->second.tag));
         input = routed(input);
         none = make(category_mask::none()).redact(input, unchanged);
         ++routed_files;
      }
      REQUIRE_FALSE(none.rejected());
      CHECK(unchanged == input);
      CHECK(none.result == veil::outcome::passed);
      for (const category_mask mask : { veil::default_mask, category_mask::all() }) {
         for (const action applied : { action::drop, action::mask }) {
            std::string out;
            REQUIRE_FALSE(make(mask, applied).redact(input, out).rejected());
            std::string read_back;
            REQUIRE_FALSE(make(category_mask::none()).redact(out, read_back).rejected());
            CHECK(read_back == out);
            std::string again;
            (void)make(mask, applied).redact(out, again);
            CHECK(again == out);
         }
      }
   }
   CHECK(files == 16);
   CHECK(routed_files == refused_routing.size());
}

TEST_CASE("ansi-nist samples: jet_S001-01-t10_01.eft loses its face photo, RES, POB and CTZ, and stays consistent")
{
   const std::string input = veil_test::read_file(std::filesystem::path(VEIL_TEST_DATA_DIR) / "samples" /
                                                  "ansi-nist" / "jet_S001-01-t10_01.eft");
   std::string out;
   const veil::audit_record audit = make(veil::default_mask).redact(input, out);
   REQUIRE_FALSE(audit.rejected());
   CHECK(audit.message_key == "FRS");
   CHECK(audit.sender_ori == "WVMEDS001");
   for (const std::string_view gone : { "2.041:", "2.020:", "2.021:", "10.001:", "RESIDENCE OF SUBJECT" }) {
      CAPTURE(gone);
      CHECK(input.find(gone) != std::string::npos);
      CHECK(out.find(gone) == std::string::npos);
   }
   // 1.003 CNT now lists the Type-2 record alone, and 1.01 LEN and 2.001 LEN say the sizes.
   CHECK(out.starts_with("1.01:116\x1d" "1.02:0201\x1d" "1.03:1\x1f" "1\x1e" "2\x1f" "00\x1d"));
   const std::size_t type2 = out.find('\x1c') + 1;
   CHECK(type2 == 116);
   CHECK(out.substr(type2).starts_with("2.001:" + std::to_string(out.size() - type2) + "\x1d"));
   CHECK(out.back() == '\x1c');
}
