#pragma once
// What the ANSI/NIST-ITL suites share: a redactor built in one call, random valid
// transactions that say where each record and Type-2 field stands and which of their
// planted values a mask must remove, and (from ansi_nist_framing_support.hpp) a reader of
// a transaction's framing to check an output with.

#include "ansi_nist_framing_support.hpp"
#include "nlets_test_support.hpp"

#include <veil/action.hpp>
#include <veil/ansi_nist/ansi_nist_redactor.hpp>
#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/ansi_nist/tagged_record.hpp>
#include <veil/ansi_nist/transaction_redactor.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/mask_policy.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil_test {

using ansi_nist_redactor = veil::ansi_nist::ansi_nist_redactor<veil::runtime_mask>;

[[nodiscard]] inline ansi_nist_redactor make_ansi_nist_redactor(veil::category_mask mask,
                                                                veil::action applied = veil::action::drop,
                                                                veil::ansi_nist::ansi_nist_limits limits = {})
{
   return ansi_nist_redactor{ veil::runtime_mask{ mask }, veil::ansi_nist::ansi_nist_options{ applied, limits } };
}

// Redacts `transaction` in memory under `mask` and `applied`, with the default limits.
[[nodiscard]] inline redaction redact_transaction(std::string_view transaction,
                                                  veil::category_mask mask = veil::default_mask,
                                                  veil::action applied = veil::action::drop)
{
   return redact(make_ansi_nist_redactor(mask, applied), transaction);
}

// ---- generated transactions --------------------------------------------------------------

// A field of a generated Type-1 or Type-2 record: its text ("2.016:value"), where it
// starts in its record, and the category that removes it (nullopt: none does).
struct generated_field
{
   std::string text;
   unsigned long number = 0;
   std::size_t begin = 0;
   std::optional<veil::category> kind;

   [[nodiscard]] std::string_view tag() const { return std::string_view(text).substr(0, text.find(':') + 1); }
   [[nodiscard]] std::string_view value() const { return std::string_view(text).substr(text.find(':') + 1); }
};

struct generated_record
{
   unsigned type = 0;
   std::string idc;  // as 1.003 CNT lists it
   std::string bytes;
   std::size_t offset = 0;               // in the transaction
   std::optional<veil::category> kind;   // the dictionary's: what drops the whole record
   std::vector<generated_field> fields;  // a Type-1 or Type-2 record's, LEN first
   bool image = false;                   // the planted marker lies in image bytes

   [[nodiscard]] const generated_field* field(unsigned long number) const
   {
      const auto f =
         std::find_if(fields.begin(), fields.end(), [number](const generated_field& g) { return g.number == number; });
      return f == fields.end() ? nullptr : &*f;
   }
};

[[nodiscard]] inline bool removes(veil::category_mask mask, std::optional<veil::category> kind)
{
   return kind && mask.contains(*kind);
}

struct planted_transaction
{
   std::string bytes;
   std::vector<generated_record> records;  // Type-1 first
   std::vector<planted_value> values;

   // The records and Type-2 fields `mask` removes: one audit entry each.
   [[nodiscard]] std::size_t fields_under(veil::category_mask mask) const
   {
      std::size_t n = 0;
      for (std::size_t r = 1; r < records.size(); ++r) {
         n += removes(mask, records[r].kind) ? 1 : 0;
         for (const generated_field& f : records[r].fields) {
            n += records[r].type == 2 && removes(mask, f.kind) ? 1 : 0;
         }
      }
      return n;
   }

   // Whether a Type-2 record comes after a record of another type (after Type-1).
   [[nodiscard]] bool has_later_type2() const
   {
      const auto first_other = std::find_if(records.begin() + 1, records.end(),
                                            [](const generated_record& r) { return r.type != 2; });
      return std::any_of(first_other, records.end(), [](const generated_record& r) { return r.type == 2; });
   }
};

// Random valid transactions: a Type-1 (tags of three digits, or of two as older software
// writes them; LENs sometimes zero-padded; a well-formed TOT, DAI and ORI) whose 1.003 CNT
// lists the records after it;
// mostly one or two Type-2 records right after it, then records of any type the
// dictionary knows (a Type-2 among them now and then), and sometimes a Type-98 last.
// Type-2 records hold a random choice of the dictionary's fields (2.017 MNU with
// immigration prefixes or others, repeated with RS; 2.036 PHT Y or N), 2.018 NAM and
// fields no dictionary entry names; other tagged records hold an image (x.999) of random
// bytes with every separator in it, or a text field; binary records a length, IDC, header
// and such bytes. Every planted value is unique and records the category that removes it;
// each record but Type-1, Type-2 and Type-98 holds one, its marker, with the record's
// category. Seeded, so every run is the same.
class transaction_generator
{
public:
   explicit transaction_generator(std::uint32_t seed) : random_(seed), shuffler_(seed) {}

   [[nodiscard]] planted_transaction transaction()
   {
      planted_transaction t;
      two_digit_tags_ = chance(3);
      std::vector<unsigned> types(chance(5) ? 0 : 1 + (chance(4) ? 1 : 0), 2);
      for (std::size_t n = below(6); n > 0; --n) {
         types.push_back(chance(10) ? 2 : other_record_type());
      }
      if (chance(4)) {
         types.push_back(98);
      }
      std::vector<generated_record> rest;
      for (std::size_t i = 0; i < types.size(); ++i) {
         rest.push_back(record(types[i], i + 1, t));
      }
      t.records.push_back(type1(rest, t));
      t.records.insert(t.records.end(), rest.begin(), rest.end());
      for (generated_record& r : t.records) {
         r.offset = t.bytes.size();
         t.bytes += r.bytes;
      }
      return t;
   }

   [[nodiscard]] veil::category_mask mask() { return random_.mask(); }
   [[nodiscard]] std::size_t below(std::size_t n) { return random_.below(n); }
   [[nodiscard]] bool chance(std::size_t one_in) { return random_.chance(one_in); }

private:
   static constexpr char gs = veil::ansi_nist::group_separator;
   static constexpr char rs = veil::ansi_nist::record_separator;
   static constexpr char us = veil::ansi_nist::unit_separator;

   [[nodiscard]] unsigned other_record_type()
   {
      std::vector<unsigned> types;
      for (const veil::ansi_nist::record_entry& r : veil::ansi_nist::record_dictionary) {
         if (r.type != 1 && r.type != 2 && r.type != 98) {
            types.push_back(r.type);
         }
      }
      return types[below(types.size())];
   }

   // "2.016:" or, in the older style, "2.16:"; numbers of three digits or more as they are.
   [[nodiscard]] std::string tag(unsigned type, unsigned long number) const
   {
      std::string digits = std::to_string(number);
      const std::size_t width = two_digit_tags_ ? 2 : 3;
      digits.insert(0, width - std::min(width, digits.size()), '0');
      return std::to_string(type) + "." + digits + ":";
   }

   // The record of `texts` (each "T.N:value", the first the LEN's tag alone) with its LEN
   // computed, zero-padded to a few digits now and then; where each field starts goes
   // into `fields`, which holds them in that order.
   [[nodiscard]] std::string assemble(std::vector<std::string> texts, std::vector<generated_field>* fields = nullptr)
   {
      const std::string len_tag = texts.front();
      std::string bytes = veil::ansi_nist::assemble_record(std::move(texts), len_tag, chance(4) ? 3 + below(3) : 1);
      if (fields != nullptr) {
         std::size_t begin = 0;
         for (generated_field& f : *fields) {
            f.begin = begin;
            begin = std::min(bytes.find(gs, begin), bytes.size() - 1) + 1;
            f.text = bytes.substr(f.begin, begin - 1 - f.begin);
         }
      }
      return bytes;
   }

   [[nodiscard]] static std::string idc_text(std::size_t index)
   {
      return (index < 10 ? "0" : "") + std::to_string(index);
   }

   [[nodiscard]] generated_record record(unsigned type, std::size_t index, planted_transaction& t)
   {
      const veil::ansi_nist::record_entry& entry = *veil::ansi_nist::find_record(type);
      generated_record r{ type, idc_text(index), {}, 0, entry.sensitivity, {}, false };
      if (type == 2) {
         r.fields = type2_fields(r.idc, t);
         std::vector<std::string> texts;
         for (const generated_field& f : r.fields) {
            texts.push_back(f.text);
         }
         r.bytes = assemble(std::move(texts), &r.fields);
      }
      else if (type == 98) {
         r.bytes = assemble({ tag(98, 1), tag(98, 2) + r.idc, tag(98, 3) + "0001", tag(98, 900) + "3F2A9C" });
      }
      else if (entry.binary) {
         r.bytes = binary_record(type, index, plant(t, r.kind));
         r.image = true;
      }
      else {
         const std::string marker = plant(t, r.kind);
         r.image = !chance(4);
         r.bytes = assemble({ tag(type, 1), tag(type, 2) + r.idc, tag(type, 3) + "FACE",
                              r.image ? std::to_string(type) + ".999:" + image(marker) : tag(type, 200) + marker });
      }
      return r;
   }

   // Random bytes with FS, GS, RS and US among them, now and then a run that looks like a
   // tag, and `marker` somewhere.
   [[nodiscard]] std::string image(const std::string& marker)
   {
      std::string bytes;
      for (std::size_t n = below(120); n > 0; --n) {
         bytes += static_cast<char>(below(256));
      }
      for (const char separator : { veil::ansi_nist::file_separator, gs, rs, us }) {
         bytes.insert(below(bytes.size() + 1), 1, separator);
      }
      if (chance(3)) {
         bytes.insert(below(bytes.size() + 1), "\x1c" "2.016:");
      }
      bytes.insert(below(bytes.size() + 1), marker);
      return bytes;
   }

   // Length (4 bytes, big-endian), IDC, the type's fixed header (Type-4's 13 bytes for the
   // fingerprint types, 7 for a signature, none for a user-defined image) and image bytes.
   [[nodiscard]] std::string binary_record(unsigned type, std::size_t index, const std::string& marker)
   {
      std::string body(1, static_cast<char>(index));
      const std::size_t header = type == 8 ? 7 : type == 7 ? 0 : 13;
      for (std::size_t i = 0; i < header; ++i) {
         body += static_cast<char>(below(256));
      }
      body += image(marker);
      const std::size_t length = 4 + body.size();
      std::string bytes;
      for (int shift = 24; shift >= 0; shift -= 8) {
         bytes += static_cast<char>((length >> shift) & 0xFFU);
      }
      return bytes + body;
   }

   [[nodiscard]] generated_record type1(const std::vector<generated_record>& rest, planted_transaction& t)
   {
      std::string count = std::to_string(rest.size());
      count.insert(0, chance(3) ? 2 - std::min<std::size_t>(2, count.size()) : 0, '0');
      std::string cnt = "1" + std::string(1, us) + count;
      for (const generated_record& r : rest) {
         cnt += rs + std::to_string(r.type) + us + r.idc;
      }
      static constexpr std::array<std::string_view, 4> versions{ "0200", "0201", "0400", "0502" };
      static constexpr std::array<std::string_view, 4> transaction_types{ "CAR", "FANC", "MAP", "SRE" };
      static constexpr std::array<std::string_view, 4> destinations{ "WVIAFIS0Z", "DCFBIWA00", "NY", "ORTEST001" };
      static constexpr std::array<std::string_view, 3> senders{ "WAOLN0000", "NY0340000", "TESTWV123" };
      std::vector<std::pair<unsigned long, std::string>> values{
         { 1, "" },
         { 2, std::string(versions[below(versions.size())]) },
         { 3, cnt },
         { 4, std::string(transaction_types[below(transaction_types.size())]) },
         { 5, "20240314" },
         { 7, std::string(destinations[below(destinations.size())]) },
         { 8, std::string(senders[below(senders.size())]) },
         { 9, plant(t, std::nullopt) },
         { 11, "00.00" },
      };
      generated_record r{ 1, {}, {}, 0, {}, {}, false };
      std::vector<std::string> texts;
      for (const auto& [number, value] : values) {
         texts.push_back(tag(1, number) + value);
         r.fields.push_back({ texts.back(), number, 0, std::nullopt });
      }
      r.bytes = assemble(std::move(texts), &r.fields);
      return r;
   }

   // LEN, IDC, then each dictionary field with a chance of one in two, 2.018 NAM, now and
   // then a 2.999 (in a Type-2 an ordinary text field, which ends at GS) and up to three
   // other fields no entry names, in random order, no number twice; a number is now and
   // then written with a leading zero more than it needs ("2.0016").
   [[nodiscard]] std::vector<generated_field> type2_fields(const std::string& idc, planted_transaction& t)
   {
      std::vector<generated_field> fields;
      for (const veil::field_entry& entry : veil::ansi_nist::type2_dictionary) {
         if (chance(2)) {
            const unsigned long number = std::stoul(std::string(entry.tag.substr(2)));
            std::optional<veil::category> kind;
            const std::string value = type2_value(entry, kind, t);
            fields.push_back({ value, number, 0, kind });
         }
      }
      fields.push_back({ plant(t, std::nullopt), 18, 0, std::nullopt });
      const auto unused = [&fields](unsigned long number) {
         return veil::ansi_nist::type2_dictionary.find(veil::ansi_nist::canonical_tag(2, number)) == nullptr &&
                std::none_of(fields.begin(), fields.end(),
                             [number](const generated_field& f) { return f.number == number; });
      };
      if (chance(4)) {
         fields.push_back({ plant(t, std::nullopt), 999, 0, std::nullopt });
      }
      for (std::size_t n = below(4); n > 0; --n) {
         unsigned long number = 0;
         do {
            number = 3 + below(3000);
         } while (!unused(number));
         fields.push_back({ plant(t, std::nullopt), number, 0, std::nullopt });
      }
      std::shuffle(fields.begin(), fields.end(), shuffler_);
      for (generated_field& f : fields) {
         f.text = (chance(12) ? "2.0" + tag(2, f.number).substr(2) : tag(2, f.number)) + f.text;
      }
      fields.insert(fields.begin(), { { tag(2, 1), 1, 0, std::nullopt }, { tag(2, 2) + idc, 2, 0, std::nullopt } });
      return fields;
   }

   // The value of a field of dictionary `entry`, planted, with the category that removes
   // it put in `kind`: an MNU is immigration data when one of its numbers has an
   // immigration prefix (in either case); a PHT says Y or N; others repeat now and then.
   [[nodiscard]] std::string type2_value(const veil::field_entry& entry, std::optional<veil::category>& kind,
                                         planted_transaction& t)
   {
      if (!entry.sensitivity) {
         return chance(5) ? "N" : "Y";
      }
      static constexpr std::array<std::string_view, 6> immigration_prefixes{ "AR", "AN", "PP", "FN", "ar", "Pp" };
      static constexpr std::array<std::string_view, 8> other_prefixes{ "VA", "SS", "OA", "AF", "AS", "NA", "IO", "BF" };
      const bool mnu = entry.categories_of != nullptr;
      std::vector<std::string> prefixes(1 + (chance(3) ? 1 + below(2) : 0));
      bool immigration = false;
      for (std::string& prefix : prefixes) {
         const bool this_one = chance(2);
         immigration = immigration || this_one;
         prefix = this_one ? immigration_prefixes[below(immigration_prefixes.size())]
                           : other_prefixes[below(other_prefixes.size())];
      }
      kind = !mnu || immigration ? entry.sensitivity : std::nullopt;
      std::string value;
      for (const std::string& prefix : prefixes) {
         value += value.empty() ? "" : std::string(1, rs);
         value += (mnu ? prefix + "-" : "") + plant(t, kind);
      }
      return value;
   }

   // A fresh value, recorded in `t`: four random lower-case letters and a serial number of
   // eight digits. No tag, LEN or header holds a lower-case letter, and values all of one
   // length and unique do not lie inside one another.
   std::string plant(planted_transaction& t, std::optional<veil::category> kind)
   {
      std::string text;
      for (int i = 0; i < 4; ++i) {
         text += static_cast<char>('a' + below(26));
      }
      const std::string serial = std::to_string(++planted_);
      text += std::string(8 - serial.size(), '0') + serial;
      t.values.push_back({ text, kind, true });
      return text;
   }

   message_generator random_;
   std::mt19937 shuffler_;  // for std::shuffle, which cannot reach random_'s engine
   std::size_t planted_ = 0;
   bool two_digit_tags_ = false;
};

}  // namespace veil_test
