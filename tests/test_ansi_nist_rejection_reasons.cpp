// A rejection reason names what was expected and where, never a byte of the transaction:
// over many malformed transactions, with markers planted in every place a reason could
// copy from (values, routing, field numbers, record types and counts in 1.003 CNT,
// lengths), no reason holds a marker, and the reasons are a few fixed sentences — a
// reason that copied input would make as many as there are inputs.

#include "ansi_nist_test_support.hpp"
#include "ansi_nist_transaction_builder.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil_test::build::listed_record;
using veil_test::build::tagged_record;

// Markers: text that no reason holds unless it was copied from the input. The numeric
// ones stand where a reason would name a number: a record type, a count, a length, a
// field number.
constexpr std::array<std::string_view, 6> markers{ "QZ7MARK", "qz7mark", "474", "4747", "9393", "QZ7" };

const std::string fs(1, veil_test::consumer::fs);
const std::string gs(1, veil_test::consumer::gs);
const std::string rs(1, veil_test::consumer::rs);
const std::string us(1, veil_test::consumer::us);

// Malformed transactions, each with markers where its fault lies.
[[nodiscard]] std::vector<std::string> chosen_faults()
{
   const listed_record subject{ 2, "00", tagged_record("2.001:", { "2.002:00", "2.018:QZ7MARK", "2.020:QZ7MARK" }) };
   const std::vector<std::string> routing = veil_test::build::well_formed_routing;
   const auto with_type1 = [&](std::vector<std::string> fields, const std::vector<listed_record>& records) {
      std::string bytes = tagged_record("1.001:", fields);
      for (const listed_record& r : records) {
         bytes += r.bytes;
      }
      return bytes;
   };
   const std::string cnt_of_subject = "1.003:" + veil_test::build::cnt_value({ subject });
   return {
      // CNT: a record type veil does not read, a count that disagrees, a second Type-1.
      with_type1({ "1.002:0500", "1.003:1" + us + "1" + rs + "474" + us + "00", "1.004:CAR" }, {}),
      with_type1({ "1.002:0500", "1.003:1" + us + "4747" + rs + "2" + us + "00" }, { subject }),
      with_type1({ "1.002:0500", "1.003:474" + us + "1" + rs + "2" + us + "00" }, { subject }),
      with_type1({ "1.002:0500", "1.003:1" + us + "1" + rs + "1" + us + "4747" }, { subject }),
      with_type1({ "1.002:0500", "1.003:1" + us + "1" + rs + "2" + us }, { subject }),
      // Routing.
      veil_test::build::transaction({ subject }, { "1.004:qz7mark", "1.007:WVIAFIS0Z", "1.008:WVMEDS001" }),
      veil_test::build::transaction({ subject }, { "1.004:CAR", "1.007:qz7mark", "1.008:WVMEDS001" }),
      veil_test::build::transaction({ subject }, { "1.004:CAR", "1.007:QZ7MARK474", "1.008:WVMEDS001" }),
      veil_test::build::transaction({ subject }, { "1.004:CAR", "1.007:WVIAFIS0Z", "1.008:QZ7MARK" }),
      // Tags: another record type, a number too long, twice.
      veil_test::build::transaction({ subject }, { "474.004:CAR", "1.007:WVIAFIS0Z", "1.008:WVMEDS001" }),
      veil_test::build::transaction({ { 2, "00", tagged_record("2.001:", { "2.002:00", "4747.020:QZ7MARK" }) } }),
      veil_test::build::transaction({ { 2, "00", tagged_record("2.001:", { "2.0000000474747:QZ7MARK" }) } }),
      veil_test::build::transaction({ { 2, "00", tagged_record("2.001:", { "2.474:QZ7", "2.0474:QZ7MARK" }) } }),
      // Lengths that lie, in tagged and binary records.
      veil_test::build::transaction({ { 2, "00", "2.001:4747" + gs + "2.002:00" + fs } }),
      veil_test::build::transaction({ { 2, "00", "2.001:4" + gs + "2.002:00" + fs } }),
      veil_test::build::transaction({ { 4, "01", std::string("\0\0\0\3", 4) + "QZ7MARK" } }),
      veil_test::build::transaction({ { 4, "01", std::string("\0\0\x12\x86", 4) + "QZ7MARK" } }),
      veil_test::build::transaction(
         { { 10, "01", tagged_record("10.001:", { "10.002:01", "10.999:QZ7MARK" }, 4) } }),
      veil_test::build::transaction({ subject }) + "QZ7MARK",
      // Separators where they do not belong.
      veil_test::build::transaction({ { 2, "00", tagged_record("2.001:", { "2.002:00", "2.020:QZ7" + fs + "MARK" }) } }),
      veil_test::build::transaction({ { 2, "00", tagged_record("2.001:", { "2.002:00", "QZ7MARK" }) } }),
      cnt_of_subject,
   };
}

// Damage done to a well-formed transaction, with a marker in what it writes.
class damager
{
public:
   explicit damager(std::uint32_t seed) : engine_(seed) {}

   [[nodiscard]] std::string damaged(std::string bytes)
   {
      static constexpr std::array<std::string_view, 10> pieces{
         "QZ7MARK", "474", "4747", "9393", "\x1c" "474.9393:QZ7", "\x1d" "2.4747:QZ7MARK", "\x1e" "474\x1f" "4747",
         "\x1d\x1d", "\x1c", "2.9393:",
      };
      switch (below(4)) {
         case 0: bytes.resize(below(bytes.size())); break;
         case 1: bytes.insert(below(bytes.size() + 1), pieces[below(pieces.size())]); break;
         case 2: bytes[below(bytes.size())] = "\x1c\x1d\x1e\x1f" "4:."[below(7)]; break;
         default: bytes.replace(below(bytes.size()), 1 + below(4), pieces[below(pieces.size())]); break;
      }
      return bytes;
   }

   [[nodiscard]] std::size_t below(std::size_t n)
   {
      return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(engine_);
   }

private:
   std::mt19937 engine_;
};

}  // namespace

TEST_CASE("class 6, rejection reasons: ANSI/NIST reasons name no byte of the transaction")
{
   std::vector<std::string> inputs = chosen_faults();
   const std::size_t chosen = inputs.size();
   veil_test::transaction_generator generate(474);
   damager damage(9393);
   for (int i = 0; i < 3000; ++i) {
      inputs.push_back(damage.damaged(generate.transaction().bytes));
   }
   veil::ansi_nist::ansi_nist_limits tight;
   tight.max_records = 2;
   tight.max_text_record = 160;
   std::set<std::string> reasons;
   std::size_t rejected = 0;
   for (std::size_t i = 0; i < inputs.size(); ++i) {
      CAPTURE(inputs[i]);
      for (const veil::ansi_nist::ansi_nist_limits& limits : { veil::ansi_nist::ansi_nist_limits{}, tight }) {
         const veil_test::redaction r =
            veil_test::redact(veil_test::make_ansi_nist_redactor(veil::default_mask, veil::action::drop, limits),
                              inputs[i]);
         if (i < chosen) {
            REQUIRE(r.audit.rejected());  // each chosen fault is one
         }
         if (!r.audit.rejected()) {
            continue;
         }
         ++rejected;
         CHECK(r.output.empty());
         const std::string& reason = r.audit.error->reason;
         CAPTURE(reason);
         for (const std::string_view marker : markers) {
            CHECK(reason.find(marker) == std::string::npos);
         }
         reasons.insert(reason);
      }
   }
   MESSAGE(rejected << " rejections, " << reasons.size() << " distinct reasons");
   CHECK(rejected > 3000);
   CHECK(reasons.size() < 40);
}
