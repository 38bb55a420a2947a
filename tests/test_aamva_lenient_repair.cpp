// --lenient never reads a payload differently from how strict mode reads it repaired.
// For every payload lenient mode takes (generated with the damage scanners and attackers
// do, and the public samples), its repair is what lenient mode writes with nothing
// masked; strict mode must take that repair as it is, and under any mask, action and
// treatment of unknown elements redact it to the same bytes, removing the same elements
// with the same categories and actions, as lenient mode redacts the damaged payload.
// Where the damage only moved the framing (line breaks, designators, header, padding), the
// tests' own writer repairs the payload too, from the card its writer meant, and strict
// mode must read that repair the same way again.

#include "aamva_test_support.hpp"
#include "aamva_variant_generator.hpp"
#include "sample_messages.hpp"

#include <veil/aamva/payload_reader.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category_mask;
using veil::aamva::framing_mode;
namespace variants = veil_test::aamva_variants;

struct decision
{
   std::string tag;
   veil::category kind;
   action applied;

   friend bool operator==(const decision&, const decision&) = default;
};

[[nodiscard]] std::vector<decision> decisions_of(const veil::audit_record& audit)
{
   std::vector<decision> out;
   for (const veil::redacted_field& f : audit.fields) {
      out.push_back({ f.tag, f.kind, f.applied });
   }
   return out;
}

// What lenient mode writes for `payload` with nothing masked, or "" when it refuses it.
[[nodiscard]] std::string lenient_repair(std::string_view payload)
{
   const veil_test::redaction r =
      veil_test::redact_aamva(payload, { category_mask::none(), action::drop, framing_mode::lenient, false });
   return r.audit.rejected() ? std::string() : r.output;
}

// Strict mode reads `repaired` as lenient mode reads `payload`, under masks drawn by `random`.
void check_same_reading(std::string_view payload, std::string_view repaired, veil_test::message_generator& random)
{
   CAPTURE(payload);
   CAPTURE(repaired);
   const veil_test::redaction as_is = veil_test::redact_aamva(repaired, { category_mask::none() });
   REQUIRE_FALSE(as_is.audit.rejected());
   CHECK(as_is.output == repaired);
   for (int k = 0; k < 4; ++k) {
      const category_mask mask = k == 0 ? category_mask::all() : random.mask();
      const action applied = random.chance(2) ? action::drop : action::mask;
      const bool unknown_elements_sensitive = random.chance(2);
      CAPTURE(mask.to_string());
      CAPTURE(veil::name_of(applied));
      CAPTURE(unknown_elements_sensitive);
      const veil_test::redaction lenient =
         veil_test::redact_aamva(payload, { mask, applied, framing_mode::lenient, unknown_elements_sensitive });
      const veil_test::redaction strict =
         veil_test::redact_aamva(repaired, { mask, applied, framing_mode::strict, unknown_elements_sensitive });
      REQUIRE_FALSE(lenient.audit.rejected());
      REQUIRE_FALSE(strict.audit.rejected());
      CHECK(lenient.output == strict.output);
      CHECK(decisions_of(lenient.audit) == decisions_of(strict.audit));
   }
}

}  // namespace

TEST_CASE("class 4, AAMVA framing: --lenient reads a damaged payload as strict mode reads its repair")
{
   variants::variant_generator generate(4242);
   veil_test::message_generator random(4243);
   std::size_t repaired_by_veil = 0;
   std::size_t repaired_by_the_tests = 0;
   for (int i = 0; i < 3000; ++i) {
      std::vector<variants::damage> done{ generate.any_damage() };
      if (generate.chance(2)) {
         done.push_back(generate.any_damage());
      }
      const variants::variant v = generate.damaged(generate.make_card(), done);
      const std::string repaired = lenient_repair(v.bytes);
      if (repaired.empty()) {
         continue;
      }
      check_same_reading(v.bytes, repaired, random);
      ++repaired_by_veil;
      if (!v.repaired.empty()) {
         // Only the framing was damaged: veil's repair is the card as its writer meant it.
         CHECK(repaired == v.repaired);
         check_same_reading(v.bytes, v.repaired, random);
         ++repaired_by_the_tests;
      }
   }
   CHECK(repaired_by_veil > 1000);
   CHECK(repaired_by_the_tests > 300);
}

TEST_CASE("class 4, AAMVA framing: --lenient reads each public sample it takes as strict mode reads its repair")
{
   veil_test::message_generator random(11);
   std::size_t taken = 0;
   for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(VEIL_TEST_DATA_DIR) / "samples" /
                                                                "aamva")) {
      CAPTURE(entry.path().filename().string());
      const std::string payload = veil_test::read_file(entry.path());
      const std::string repaired = lenient_repair(payload);
      if (repaired.empty()) {
         continue;
      }
      check_same_reading(payload, repaired, random);
      ++taken;
   }
   CHECK(taken == 38);
}
