// The promise veil makes for ANSI/NIST-ITL transactions, checked on generated
// transactions rather than chosen ones: under any mask and either action, no planted value
// of a masked category reaches the output and every other one does; the audit names each
// dropped record and each removed Type-2 field where it stands in the input, and the
// transaction as Type-1 does; the output's framing, read without the redactor, has every
// length walk to the next record and 1.003 CNT list exactly the kept records, which are
// the input's byte for byte (Type-1 less its LEN and CNT, Type-2 less its LEN and its
// removed fields, masked ones of the same length); a Type-98 goes when anything was
// redacted, 2.036 PHT says N when photos went and none remains, and the audit notes both;
// "passed" means the output is the input; and the output, redacted again, is accepted as
// it is under no mask and left as it is under the same mask.

#include "ansi_nist_test_support.hpp"

#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/audit.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using veil_test::generated_field;
using veil_test::generated_record;
using veil_test::planted_transaction;
using veil_test::removes;

constexpr int iterations = 2000;

// What a mask does to a transaction, decided from what was planted.
struct expectation
{
   std::vector<bool> kept;  // per record, Type-1 first
   bool assurance_dropped = false;
   bool no_photo_left = false;
};

[[nodiscard]] bool covers_a_type2_field(category_mask mask)
{
   return std::any_of(veil::ansi_nist::type2_dictionary.begin(), veil::ansi_nist::type2_dictionary.end(),
                      [mask](const veil::field_entry& e) { return removes(mask, e.sensitivity); });
}

// A Type-98 goes when a record or field went, or when a Type-2 record comes after
// Type-1 has been written and the mask covers a Type-2 field (transaction_redactor.hpp).
[[nodiscard]] expectation expect(const planted_transaction& t, category_mask mask)
{
   expectation e;
   bool photo_dropped = false;
   bool photo_kept = false;
   for (const generated_record& r : t.records) {
      e.kept.push_back(!removes(mask, r.kind));
      photo_dropped = photo_dropped || (r.kind == category::photo && !e.kept.back());
      photo_kept = photo_kept || (r.kind == category::photo && e.kept.back());
   }
   e.no_photo_left = photo_dropped && !photo_kept;
   e.assurance_dropped = t.fields_under(mask) > 0 || (t.has_later_type2() && covers_a_type2_field(mask));
   for (std::size_t r = 0; r < t.records.size(); ++r) {
      e.kept[r] = e.kept[r] && !(t.records[r].type == 98 && e.assurance_dropped);
   }
   return e;
}

// A masked value: every byte '*' but control characters (the RS between repeats).
[[nodiscard]] std::string masked(std::string_view value)
{
   std::string out;
   for (const char c : value) {
      const auto b = static_cast<unsigned char>(c);
      out += b < 0x20 || b == 0x7f ? c : '*';
   }
   return out;
}

// What becomes of Type-2 field `f`: itself, its tag and its value masked, "N" for a PHT
// once no photo remains, or nothing.
[[nodiscard]] std::optional<std::string> redacted_field(const generated_field& f, category_mask mask, action applied,
                                                        const expectation& e)
{
   if (f.number != 1 && removes(mask, f.kind)) {
      if (applied == action::drop) {
         return std::nullopt;
      }
      return std::string(f.tag()) + masked(f.value());
   }
   if (f.number == 36 && e.no_photo_left) {
      return std::string(f.tag()) + "N";
   }
   return f.text;
}

// `fields` less those that start with one of `tags`.
[[nodiscard]] std::vector<std::string> texts_except(const std::vector<std::string>& fields,
                                                    std::initializer_list<std::string_view> tags)
{
   std::vector<std::string> kept;
   for (const std::string& f : fields) {
      if (std::none_of(tags.begin(), tags.end(), [&f](std::string_view tag) { return f.starts_with(tag); })) {
         kept.push_back(f);
      }
   }
   return kept;
}

// The output, read by lengths and 1.003 CNT alone, holds exactly the kept records, in
// order, each as it must be.
void check_output(const planted_transaction& t, const std::string& output, category_mask mask, action applied,
                  const expectation& e)
{
   std::vector<veil_test::framed_record> frame;
   REQUIRE_NOTHROW(frame = veil_test::read_frame(output));
   std::vector<const generated_record*> kept;
   for (std::size_t r = 0; r < t.records.size(); ++r) {
      if (e.kept[r]) {
         kept.push_back(&t.records[r]);
      }
   }
   REQUIRE(frame.size() == kept.size());
   for (std::size_t r = 0; r < kept.size(); ++r) {
      const generated_record& in = *kept[r];
      const std::string_view out = std::string_view(output).substr(frame[r].offset, frame[r].length);
      CAPTURE(in.type);
      CHECK(frame[r].type == in.type);
      CHECK(frame[r].idc == in.idc);
      if (in.type == 1) {
         const std::string len = std::string(in.fields[0].tag());
         const std::string cnt = std::string(in.fields[2].tag());
         CHECK(texts_except(veil_test::text_fields_of(out), { len, cnt }) ==
               texts_except(veil_test::text_fields_of(in.bytes), { len, cnt }));
      }
      else if (in.type == 2) {
         std::vector<std::string> expected;
         for (const generated_field& f : in.fields) {
            if (const std::optional<std::string> text = redacted_field(f, mask, applied, e)) {
               expected.push_back(*text);
            }
         }
         std::vector<std::string> written = veil_test::text_fields_of(out);
         CHECK(written.front().starts_with(in.fields[0].tag()));
         written.front() = in.fields[0].text;  // the LEN is the walk's to check
         CHECK(written == expected);
         if (applied == action::mask) {
            CHECK(out.size() == in.bytes.size());
         }
      }
      else {
         CHECK(out == in.bytes);
      }
   }
}

// The audit names the transaction as Type-1 does, each dropped record and removed Type-2
// field in input order, where it stands in the input, and notes a dropped Type-98 and
// each PHT set to N.
void check_audit(const planted_transaction& t, const veil::audit_record& audit, category_mask mask, action applied,
                 const expectation& e)
{
   const generated_record& type1 = t.records.front();
   CHECK(audit.message_key == type1.field(4)->value());
   CHECK(audit.recipients == std::vector<std::string>{ std::string(type1.field(7)->value()) });
   CHECK(audit.sender_ori == type1.field(8)->value());
   CHECK(audit.control_field == type1.field(9)->value());

   std::vector<veil::redacted_field> expected;
   std::size_t photo_flags_set = 0;
   for (const generated_record& r : t.records) {
      if (r.type != 2 && removes(mask, r.kind)) {
         expected.push_back({ "Type-" + std::to_string(r.type), *r.kind, action::drop, r.offset, r.bytes.size() });
      }
      if (r.type != 2) {
         continue;
      }
      for (const generated_field& f : r.fields) {
         if (f.number != 1 && removes(mask, f.kind)) {
            expected.push_back({ veil::ansi_nist::canonical_tag(2, f.number), *f.kind, applied, r.offset + f.begin,
                                 f.text.size() });
         }
         photo_flags_set += f.number == 36 && e.no_photo_left && f.value() != "N" ? 1 : 0;
      }
   }
   REQUIRE(audit.fields.size() == expected.size());
   for (std::size_t i = 0; i < expected.size(); ++i) {
      const veil::redacted_field& f = audit.fields[i];
      CAPTURE(f.tag);
      CHECK(f.tag == expected[i].tag);
      CHECK(f.kind == expected[i].kind);
      CHECK(f.applied == expected[i].applied);
      CHECK(f.offset == expected[i].offset);
      CHECK(f.length == expected[i].length);
   }
   const bool had_assurance = std::any_of(t.records.begin(), t.records.end(),
                                          [](const generated_record& r) { return r.type == 98; });
   const auto notes_about = [&audit](std::string_view what) {
      return std::count_if(audit.notes.begin(), audit.notes.end(),
                           [what](const std::string& note) { return note.find(what) != std::string::npos; });
   };
   CHECK(notes_about("Type-98") == (had_assurance && e.assurance_dropped ? 1 : 0));
   CHECK(notes_about("2.036") == static_cast<std::ptrdiff_t>(photo_flags_set));
   CHECK(audit.notes.size() == static_cast<std::size_t>(notes_about("Type-98") + notes_about("2.036")));
}

void check_redaction(const planted_transaction& t, category_mask mask, action applied)
{
   CAPTURE(t.bytes);
   CAPTURE(mask.to_string());
   CAPTURE(veil::name_of(applied));
   const veil_test::ansi_nist_redactor redactor = veil_test::make_ansi_nist_redactor(mask, applied);
   const veil_test::redaction first = veil_test::redact(redactor, t.bytes);
   REQUIRE_FALSE(first.audit.rejected());

   const expectation e = expect(t, mask);
   veil_test::check_planted_values(first, t, mask);
   check_audit(t, first.audit, mask, applied, e);
   check_output(t, first.output, mask, applied, e);
   CHECK((first.audit.result == veil::outcome::passed) == (first.output == t.bytes));

   const veil_test::redaction unmasked =
      veil_test::redact(veil_test::make_ansi_nist_redactor(category_mask::none(), applied), first.output);
   CHECK(unmasked.audit.result == veil::outcome::passed);
   CHECK(unmasked.output == first.output);

   const veil_test::redaction second = veil_test::redact(redactor, first.output);
   REQUIRE_FALSE(second.audit.rejected());
   CHECK(second.output == first.output);
}

}  // namespace

TEST_CASE("ansi-nist leak property: generated transactions under random masks, both actions")
{
   veil_test::transaction_generator generate(20240314);
   for (int i = 0; i < iterations; ++i) {
      const planted_transaction t = generate.transaction();
      const category_mask mask = generate.mask();
      for (const action applied : { action::drop, action::mask }) {
         check_redaction(t, mask, applied);
      }
   }
}

TEST_CASE("ansi-nist leak property: the generator covers every category, both record framings and the older forms")
{
   // Guards the property above against a generator that stopped covering something.
   veil_test::transaction_generator generate(7);
   std::array<std::size_t, veil::all_categories.size() + 1> per_category{};
   std::array<std::size_t, 2> records_by_framing{};  // tagged, binary
   std::size_t images_with_every_separator = 0;
   std::size_t two_digit_tags = 0;
   std::size_t padded_lengths = 0;
   std::size_t assurance_records = 0;
   std::size_t later_type2 = 0;
   std::size_t photo_flags = 0;
   constexpr std::string_view separators = "\x1c\x1d\x1e\x1f";
   for (int i = 0; i < 300; ++i) {
      const planted_transaction t = generate.transaction();
      REQUIRE_NOTHROW((void)veil_test::read_frame(t.bytes));
      for (const veil_test::planted_value& v : t.values) {
         ++per_category[v.kind ? static_cast<std::size_t>(*v.kind) : veil::all_categories.size()];
      }
      two_digit_tags += t.bytes.starts_with("1.01:") ? 1 : 0;
      later_type2 += t.has_later_type2() ? 1 : 0;
      for (const generated_record& r : t.records) {
         const bool binary = veil::ansi_nist::find_record(r.type)->binary;
         ++records_by_framing[binary ? 1 : 0];
         const std::size_t image = binary || !r.image ? std::string::npos : r.bytes.find(".999:");
         if (image != std::string::npos) {
            const std::string_view bytes = std::string_view(r.bytes).substr(image + 5, r.bytes.size() - image - 6);
            images_with_every_separator += std::all_of(separators.begin(), separators.end(), [bytes](char s) {
               return bytes.find(s) != std::string_view::npos;
            });
         }
         padded_lengths += !binary && r.bytes[r.bytes.find(':') + 1] == '0' ? 1 : 0;
         assurance_records += r.type == 98 ? 1 : 0;
         photo_flags += r.field(36) != nullptr ? 1 : 0;
      }
   }
   for (const category c : veil::all_categories) {
      CAPTURE(veil::name_of(c));
      bool in_dictionaries = false;
      for (const veil::ansi_nist::record_entry& r : veil::ansi_nist::record_dictionary) {
         in_dictionaries = in_dictionaries || r.sensitivity == c;
      }
      for (const veil::field_entry& f : veil::ansi_nist::type2_dictionary) {
         in_dictionaries = in_dictionaries || f.sensitivity == c;
      }
      CHECK((per_category[static_cast<std::size_t>(c)] > 0) == in_dictionaries);
   }
   CHECK(per_category[veil::all_categories.size()] > 0);  // values no mask removes
   CHECK(records_by_framing[0] > 0);
   CHECK(records_by_framing[1] > 0);
   CHECK(images_with_every_separator > 0);
   CHECK(two_digit_tags > 0);
   CHECK(padded_lengths > 0);
   CHECK(assurance_records > 0);
   CHECK(later_type2 > 0);
   CHECK(photo_flags > 0);
}
