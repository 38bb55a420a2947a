// AAMVA payloads redacted by veil, judged by how their consumers read the output rather
// than by veil's own rules. Cards whose every value is a unique marker are written by the
// tests' own writer (aamva_variant_generator.hpp) in the standard's framing and with the
// damage scanners and attackers do: CR LF or CR between elements, lost types, wrong
// offsets, padding, elements written one after another without a separator or at fixed
// width, control bytes and Unicode line breaks as separators, lower-case ids, ids with
// blanks, continuation lines, values that hold another element, duplicated elements,
// and jurisdiction elements where the standard's stand and the reverse. For every mask,
// action, framing mode and treatment of unknown elements: a refused payload writes
// nothing, and its reason holds no marker; a payload veil takes holds no marker its
// writer meant as an element the mask removes, and none of the consumer readers
// (aamva_consumer_readers.hpp) finds an element of a masked category with a value left
// in it.

#include "aamva_consumer_readers.hpp"
#include "aamva_test_support.hpp"
#include "aamva_variant_generator.hpp"

#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload_reader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category_mask;
using veil::aamva::framing_mode;
using veil_test::aamva_variants::damage;
namespace consumers = veil_test::aamva_consumers;
namespace variants = veil_test::aamva_variants;

using run = veil_test::aamva_run;

// The markers a consumer of the output must not find: those whose writer meant them as
// an element the mask removes.
[[nodiscard]] std::set<std::string> removed_markers(const variants::variant& v, const run& r)
{
   std::set<std::string> removed;
   const bool jurisdiction_removed = r.unknown_elements_sensitive && !r.mask.empty();
   for (const variants::marker& m : v.written.markers) {
      if ((m.intent && r.mask.contains(*m.intent)) || (m.jurisdiction && jurisdiction_removed)) {
         removed.insert(m.text);
      }
   }
   return removed;
}

// Redacts `v` as `r` says and holds the result to the consumers' view; true when veil
// took the payload.
bool check_consumers_view(const variants::variant& v, const run& r)
{
   CAPTURE(v.bytes);
   CAPTURE(r.mask.to_string());
   CAPTURE(veil::name_of(r.applied));
   CAPTURE(r.mode == framing_mode::lenient);
   CAPTURE(r.unknown_elements_sensitive);
   const veil_test::aamva_redactor redactor = veil_test::make_aamva_redactor(r);
   const veil_test::redaction result = veil_test::redact(redactor, v.bytes);
   if (result.audit.rejected()) {
      CHECK(result.output.empty());
      CHECK(veil_test::redact_in_chunks(redactor, v.bytes, { 1, 7, 40 }).output.empty());
      for (const variants::marker& m : v.written.markers) {
         CHECK(result.audit.error->reason.find(m.text) == std::string::npos);
      }
      return false;
   }
   for (const std::string& m : removed_markers(v, r)) {
      CAPTURE(m);
      CHECK(result.output.find(m) == std::string::npos);
   }
   // No reader finds an element of a masked category with a value left in it.
   for (const consumers::consumer_element& e : consumers::read_elements_as_consumers(result.output)) {
      const std::optional<veil::category> kind = consumers::category_of(consumers::upper_cased(e.id));
      if (kind && r.mask.contains(*kind)) {
         CAPTURE(e.id);
         CAPTURE(e.value);
         CHECK(e.value.find_first_not_of("* ") == std::string::npos);
      }
   }
   return true;
}

// Whether veil takes a payload with damage `d` in framing mode `mode`: what scanners do
// is mended leniently and refused strictly; what the standard's framing reads is read in
// both modes; a jurisdiction element in a standard subfile is refused strictly, and
// leniently starts the jurisdiction subfile early when that is the next one designated,
// and is refused otherwise (nullopt: depends); what is not the standard's framing is
// refused in both.
[[nodiscard]] std::optional<bool> taken(damage d, framing_mode mode)
{
   if (variants::framed_as_the_standard_frames(d)) {
      return true;
   }
   if (variants::outside_the_standard(d)) {
      return false;
   }
   if (mode == framing_mode::strict) {
      return false;
   }
   return d == damage::jurisdiction_element_in_standard_subfile ? std::nullopt : std::optional<bool>(true);
}

[[nodiscard]] run random_run(variants::variant_generator& generate, framing_mode mode)
{
   run r;
   r.mask = category_mask::none();
   for (const veil::category c : veil::all_categories) {
      if (generate.chance(2)) {
         r.mask = r.mask | category_mask{ c };
      }
   }
   r.applied = generate.chance(2) ? action::drop : action::mask;
   r.mode = mode;
   r.unknown_elements_sensitive = generate.chance(3);
   return r;
}

constexpr std::size_t damage_kinds = static_cast<std::size_t>(variants::last_damage) + 1;

}  // namespace

TEST_CASE("class 4, AAMVA framing: consumers find no value of a masked category in veil's output, whatever was done to the payload")
{
   variants::variant_generator generate(20251113);
   std::array<std::array<std::size_t, 2>, damage_kinds> taken_count{};
   std::array<std::array<std::size_t, 2>, damage_kinds> refused_count{};
   for (int i = 0; i < 6000; ++i) {
      const auto d = static_cast<damage>(static_cast<std::size_t>(i) % damage_kinds);
      const variants::variant v = generate.damaged(generate.make_card(), { d });
      for (const framing_mode mode : { framing_mode::strict, framing_mode::lenient }) {
         CAPTURE(static_cast<int>(d));
         const bool took = check_consumers_view(v, random_run(generate, mode));
         const std::size_t m = mode == framing_mode::lenient ? 1 : 0;
         ++(took ? taken_count : refused_count)[static_cast<std::size_t>(d)][m];
         if (const std::optional<bool> expected = taken(d, mode)) {
            CHECK(took == *expected);
         }
      }
   }
   // The damage whose outcome depends on the card went both ways in lenient mode.
   const auto depends = static_cast<std::size_t>(damage::jurisdiction_element_in_standard_subfile);
   CHECK(taken_count[depends][1] > 0);
   CHECK(refused_count[depends][1] > 0);
}

TEST_CASE("class 4, AAMVA framing: several kinds of damage at once leak nothing either")
{
   variants::variant_generator generate(7031);
   std::size_t taken_count = 0;
   for (int i = 0; i < 4000; ++i) {
      std::vector<damage> done;
      for (std::size_t n = 2 + generate.below(3); n > 0; --n) {
         done.push_back(generate.any_damage());
      }
      const variants::variant v = generate.damaged(generate.make_card(), done);
      for (const framing_mode mode : { framing_mode::strict, framing_mode::lenient }) {
         taken_count += check_consumers_view(v, random_run(generate, mode)) ? 1 : 0;
      }
   }
   CHECK(taken_count > 1000);
}

TEST_CASE("class 4, AAMVA framing: the consumers' categories are the dictionary's, in every version")
{
   // The oracle above is written apart from veil's dictionary; this keeps the two from
   // drifting: each id the consumers categorise is removed under that category by veil in
   // every version, and every id veil's dictionary makes sensitive is one the consumers
   // know.
   for (const consumers::categorised_id& c : consumers::categorised_ids) {
      for (unsigned version = 1; version <= veil::aamva::newest_version; ++version) {
         CAPTURE(c.id);
         CAPTURE(version);
         const veil::aamva::element_entry* entry = veil::aamva::find_element(c.id, version);
         REQUIRE(entry != nullptr);
         CHECK(entry->sensitivity == c.kind);
      }
   }
   for (const veil::aamva::element_entry& e : veil::aamva::element_dictionary) {
      CAPTURE(e.tag);
      CHECK(consumers::category_of(e.tag) == veil::aamva::find_element(e.tag, e.first_version)->sensitivity);
   }
   for (const std::string_view id : variants::kept_ids) {
      CAPTURE(id);
      REQUIRE(veil::aamva::find_element(id, 10) != nullptr);
      CHECK_FALSE(veil::aamva::find_element(id, 10)->sensitivity.has_value());
   }
}

TEST_CASE("class 4, AAMVA framing: the consumer readers read the standard's framing as its writer meant it")
{
   // Guards the oracle: on an undamaged card, the line reader and the designator reader
   // each find exactly the card's elements, and the id scanner finds every element of a
   // masked category.
   variants::variant_generator generate(99);
   for (int i = 0; i < 200; ++i) {
      const variants::variant v = generate.damaged(generate.make_card(), { damage::none });
      CAPTURE(v.bytes);
      std::vector<std::string> meant;
      for (const variants::card_subfile& s : v.written.subfiles) {
         for (const variants::card_element& e : s.elements) {
            meant.push_back(e.text);
         }
      }
      for (auto* reader : { &consumers::line_reader, &consumers::designator_reader }) {
         std::vector<std::string> read;
         for (const consumers::consumer_element& e : reader(v.bytes)) {
            read.push_back(e.id + e.value);
         }
         // The line reader strips the type of the first subfile only: the others' types
         // stay in their first element's id.
         for (std::size_t k = 0; k < read.size() && k < meant.size(); ++k) {
            if (read[k] != meant[k] && read[k].size() > 2 && read[k].substr(2) == meant[k]) {
               read[k] = meant[k];
            }
         }
         CHECK(read == meant);
      }
      const std::vector<consumers::consumer_element> scanned = consumers::id_scanner(v.bytes);
      for (const variants::marker& m : v.written.markers) {
         if (!m.intent) {
            continue;
         }
         CAPTURE(m.text);
         CHECK(std::any_of(scanned.begin(), scanned.end(), [&m](const consumers::consumer_element& e) {
            return consumers::category_of(e.id) == m.intent && e.value.find(m.text) != std::string::npos;
         }));
      }
   }
}
