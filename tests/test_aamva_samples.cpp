// Every public AAMVA sample payload in tests/samples/aamva, most of them damaged by the
// scanners that read them, either redacts or is refused with a reason; none crashes and
// none lets an address or immigration element through. A payload that redacts comes out
// parsing strictly, with the same elements as it went in, in the same order, less the
// redacted ones.

#include "sample_messages.hpp"

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload_reader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::aamva::framing_mode;

[[nodiscard]] std::map<std::string, std::string> aamva_samples()
{
   std::map<std::string, std::string> samples;
   for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(VEIL_TEST_DATA_DIR) / "samples" /
                                                                "aamva")) {
      samples[entry.path().filename().string()] = veil_test::read_file(entry.path());
   }
   return samples;
}

// The samples refused even in lenient mode, and why: what a scanner did to them cannot be
// undone without guessing.
const std::map<std::string, std::string> refused_when_lenient{
   { "dlparser_synthetic_v01.txt", "subfile type is not DL, ID or Z and a letter" },  // 21-byte v01 header
   { "idparser_AB.txt", "subfile offset is not 4 digits" },
   { "idparser_CT_Undefined_Characters.txt", "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
   { "idparser_MA_Piped.txt", "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
   { "idparser_NH.txt", "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
   { "idparser_NV.txt", "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
   { "idparser_SC.txt", "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
   { "idparser_WI.txt", "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
   { "idparser_WY.txt", "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
};

// The samples whose framing is exactly the standard's.
const std::vector<std::string> strictly_valid{ "benhovinga_readme_v10_VA_sample.txt", "idparser_GA.txt",
                                               "idparser_NY.txt" };

[[nodiscard]] veil::aamva::aamva_redactor<veil::runtime_mask> redactor(framing_mode mode, action applied)
{
   veil::aamva::aamva_options options;
   options.mode = mode;
   options.action = applied;
   return veil::aamva::aamva_redactor<veil::runtime_mask>{ veil::runtime_mask{ veil::default_mask }, options };
}

struct element
{
   std::string id;
   std::string value;
   bool operator==(const element&) const = default;
};

[[nodiscard]] std::vector<std::vector<element>> elements_of(std::string_view bytes, const veil::aamva::payload& p)
{
   std::vector<std::vector<element>> all;
   for (const veil::aamva::subfile& s : p.subfiles) {
      all.emplace_back();
      for (const veil::aamva::element_span& e : s.elements) {
         const std::string_view text = bytes.substr(e.begin, e.end - e.begin);
         all.back().push_back({ std::string(text.substr(0, 3)), std::string(text.substr(3)) });
      }
   }
   return all;
}

[[nodiscard]] bool removed_by_default_mask(const std::string& id, unsigned version)
{
   const veil::aamva::element_entry* entry = veil::aamva::find_element(id, version);
   return entry != nullptr && entry->sensitivity && veil::default_mask.contains(*entry->sensitivity);
}

void check_redacted_sample(const std::string& input, action applied)
{
   std::string out;
   const veil::audit_record audit = redactor(framing_mode::lenient, applied).redact(input, out);
   REQUIRE_FALSE(audit.rejected());
   const veil::aamva::payload before = veil::aamva::read_lenient(input);
   const veil::aamva::payload after = veil::aamva::read_strict(out);  // throws if the framing is off
   CHECK(after.version == before.version);
   REQUIRE(after.subfiles.size() == before.subfiles.size());

   const std::vector<std::vector<element>> in = elements_of(input, before);
   const std::vector<std::vector<element>> kept = elements_of(out, after);
   std::size_t removed = 0;
   for (std::size_t s = 0; s < in.size(); ++s) {
      CHECK(after.subfiles[s].type == before.subfiles[s].type);
      std::vector<element> expected;
      for (const element& e : in[s]) {
         if (!removed_by_default_mask(e.id, before.version)) {
            expected.push_back(e);
            continue;
         }
         ++removed;
         if (applied == action::mask) {
            expected.push_back({ e.id, std::string(e.value.size(), '*') });
         }
      }
      CHECK(kept[s] == expected);
   }
   CHECK(audit.fields.size() == removed);
   for (const veil::redacted_field& f : audit.fields) {
      CHECK(input.substr(f.offset, f.length).starts_with(f.tag));
      CHECK(veil::default_mask.contains(f.kind));
   }
}

}  // namespace

TEST_CASE("aamva samples: every payload redacts in lenient mode and parses strictly after, or is refused with a reason")
{
   const std::map<std::string, std::string> samples = aamva_samples();
   REQUIRE(samples.size() == 47);
   std::size_t redacted = 0;
   for (const auto& sample : samples) {
      const std::string& name = sample.first;
      const std::string& bytes = sample.second;
      CAPTURE(name);
      const auto refused = refused_when_lenient.find(name);
      if (refused != refused_when_lenient.end()) {
         std::string out = "untouched";
         const veil::audit_record audit = redactor(framing_mode::lenient, action::drop).redact(bytes, out);
         REQUIRE(audit.rejected());
         CHECK(audit.error->reason == refused->second);
         CHECK(out == "untouched");
         continue;
      }
      for (const action applied : { action::drop, action::mask }) {
         check_redacted_sample(bytes, applied);
      }
      ++redacted;
   }
   CHECK(redacted == 38);
}

TEST_CASE("aamva samples: strict mode takes the three whose framing is exact, byte for byte outside the redactions")
{
   for (const auto& sample : aamva_samples()) {
      const std::string& name = sample.first;
      const std::string& bytes = sample.second;
      CAPTURE(name);
      std::string strict_out;
      const veil::audit_record strict = redactor(framing_mode::strict, action::drop).redact(bytes, strict_out);
      const bool valid = std::find(strictly_valid.begin(), strictly_valid.end(), name) != strictly_valid.end();
      CHECK(strict.rejected() != valid);
      if (!valid) {
         CHECK_FALSE(strict.error->reason.empty());
         CHECK(strict_out.empty());
         continue;
      }
      // Nothing to mend: lenient mode reads it as strict mode does.
      std::string lenient_out;
      (void)redactor(framing_mode::lenient, action::drop).redact(bytes, lenient_out);
      CHECK(strict_out == lenient_out);
      // Masked, nothing moves: the output is the input with values starred.
      std::string masked;
      REQUIRE_FALSE(redactor(framing_mode::strict, action::mask).redact(bytes, masked).rejected());
      REQUIRE(masked.size() == bytes.size());
      for (std::size_t i = 0; i < bytes.size(); ++i) {
         if (masked[i] != bytes[i]) {
            CHECK(masked[i] == veil::mask_byte);
         }
      }
   }
}

TEST_CASE("aamva samples: the payloads make demo shows are in the standard's framing and lose what the mask names")
{
   std::size_t payloads = 0;
   for (const auto& entry :
        std::filesystem::directory_iterator(std::filesystem::path(VEIL_SOURCE_DIR) / "examples" / "messages" / "aamva")) {
      CAPTURE(entry.path().filename().string());
      const std::string bytes = veil_test::read_file(entry.path());
      (void)veil::aamva::read_strict(bytes);
      check_redacted_sample(bytes, action::drop);
      check_redacted_sample(bytes, action::mask);
      ++payloads;
   }
   CHECK(payloads == 2);
}

TEST_CASE("aamva samples: an element goes for an id its value holds only in Indiana's, where the next subfile's start was lost in it")
{
   // The Indiana card's DL subfile lost its CR: its last element reads
   // "DDB09212009MZIZIC457", the jurisdiction subfile's type and its first element ZIC
   // inside the card revision date. With unknown elements sensitive, that element goes
   // for the ZIC it holds. No other sample, under every category, loses an element for an
   // id in its value.
   std::size_t payloads = 0;
   for (const auto& sample : aamva_samples()) {
      CAPTURE(sample.first);
      for (const bool unknown : { false, true }) {
         veil::aamva::aamva_options options;
         options.mode = framing_mode::lenient;
         options.unknown_elements_sensitive = unknown;
         std::string out;
         const veil::audit_record audit =
            veil::aamva::aamva_redactor<veil::runtime_mask>{ veil::runtime_mask{ veil::category_mask::all() }, options }
               .redact(sample.second, out);
         if (audit.rejected()) {
            continue;
         }
         ++payloads;
         std::vector<std::string> for_their_value;
         for (const veil::redacted_field& f : audit.fields) {
            const veil::aamva::element_entry* entry = veil::aamva::find_element(f.tag, 1);
            const bool by_own_id = entry != nullptr ? entry->sensitivity.has_value() : unknown;
            if (!by_own_id) {
               for_their_value.push_back(sample.second.substr(f.offset, f.length));
            }
         }
         const bool indiana = sample.first == "idparser_IN.txt" && unknown;
         CHECK(for_their_value == (indiana ? std::vector<std::string>{ "DDB09212009MZIZIC457" } : std::vector<std::string>{}));
      }
   }
   CHECK(payloads == 2 * 38);
}
