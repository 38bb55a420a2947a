#pragma once
// A tagged record held whole (Type-1, Type-2): its fields "T.N:value", separated by GS and
// ended by FS, read into spans; and the record written back with fields changed or left
// out and its LEN (x.001) computed again. Field numbers may be written with 1 to 9 digits
// and leading zeros ("1.01", "2.016", "2.0016") and compare by value; a field is written
// back with its tag as it was.
//
// These records hold text only, so every field ends at the next GS, as every consumer
// that splits the record at GS reads it: a field numbered 999, the image data of the
// records that carry images, is an ordinary field here and cannot take the fields after
// it out of sight. A field number that appears twice (written alike or not, "2.020" and
// "2.20") is refused: consumers differ on which of the two they read.

#include <veil/rejection.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace veil::ansi_nist {

inline constexpr char file_separator = '\x1c';
inline constexpr char group_separator = '\x1d';
inline constexpr char record_separator = '\x1e';
inline constexpr char unit_separator = '\x1f';

struct tagged_field
{
   std::size_t begin = 0;  // of the tag, in the record
   std::size_t value = 0;  // one past the ':'
   std::size_t end = 0;    // one past the value
   unsigned long number = 0;

   [[nodiscard]] std::string_view tag_in(std::string_view record) const { return record.substr(begin, value - begin); }
   [[nodiscard]] std::string_view value_in(std::string_view record) const { return record.substr(value, end - value); }
};

namespace internal {

// Reads the digits at `at` (1 to `max_digits`), as a number.
[[nodiscard]] inline std::size_t read_number(std::string_view text, std::size_t& at, std::size_t max_digits,
                                             unsigned long& number) noexcept
{
   const std::size_t start = at;
   number = 0;
   while (at < text.size() && at - start < max_digits && text[at] >= '0' && text[at] <= '9') {
      number = number * 10 + static_cast<unsigned long>(text[at] - '0');
      ++at;
   }
   return at - start;
}

}  // namespace internal

// Where the tag "T.N:" starting at `at` ends (one past the ':'), with N; throws when it is
// not a tag of record type `type`. `offset` is where `text` starts in the input.
inline std::size_t read_tag(std::string_view text, std::size_t at, unsigned type, unsigned long& number,
                            std::size_t offset)
{
   unsigned long record_type = 0;
   std::size_t i = at;
   if (internal::read_number(text, i, 3, record_type) == 0 || i >= text.size() || text[i] != '.') {
      throw rejected_input(offset + at, "field does not start with a record type and '.'");
   }
   if (record_type != type) {
      throw rejected_input(offset + at, "field of another record type than the record's own");
   }
   ++i;
   if (internal::read_number(text, i, 9, number) == 0 || i >= text.size() || text[i] != ':') {
      throw rejected_input(offset + at, "field number is not 1 to 9 digits and ':'");
   }
   return i + 1;
}

// Refuses `fields` (of a record at `offset`) when two carry the same number, at the
// second of them; sorted by number, so that a record of many fields costs n log n.
inline void refuse_repeated_numbers(const std::vector<tagged_field>& fields, std::size_t offset)
{
   std::vector<const tagged_field*> by_number;
   by_number.reserve(fields.size());
   for (const tagged_field& f : fields) {
      by_number.push_back(&f);
   }
   std::stable_sort(by_number.begin(), by_number.end(),
                    [](const tagged_field* a, const tagged_field* b) { return a->number < b->number; });
   const tagged_field* first_repeat = nullptr;
   for (std::size_t i = 1; i < by_number.size(); ++i) {
      if (by_number[i]->number == by_number[i - 1]->number &&
          (first_repeat == nullptr || by_number[i]->begin < first_repeat->begin)) {
         first_repeat = by_number[i];
      }
   }
   if (first_repeat != nullptr) {
      throw rejected_input(offset + first_repeat->begin, "field number written twice in one record");
   }
}

// The fields of `record` (a whole record, FS included) of type `type`, which starts at
// `offset` in the input. The first must be x.001 (LEN); each ends at the next GS, and no
// field number comes twice.
[[nodiscard]] inline std::vector<tagged_field> read_fields(std::string_view record, unsigned type, std::size_t offset)
{
   std::vector<tagged_field> fields;
   if (record.empty() || record.back() != file_separator) {
      throw rejected_input(offset + record.size(), "record does not end with FS");
   }
   const std::size_t content_end = record.size() - 1;
   std::size_t at = 0;
   while (at < content_end) {
      tagged_field f;
      f.begin = at;
      f.value = read_tag(record, at, type, f.number, offset);
      f.end = std::min(record.find(group_separator, f.value), content_end);
      if (f.value > content_end) {
         throw rejected_input(offset + at, "field runs past the end of its record");
      }
      if (const std::size_t fs = record.substr(f.value, f.end - f.value).find(file_separator);
          fs != std::string_view::npos) {
         throw rejected_input(offset + f.value + fs, "FS inside a field");
      }
      if (fields.empty() && f.number != 1) {
         throw rejected_input(offset + at, "first field is not the record length (x.001)");
      }
      fields.push_back(f);
      at = f.end + 1;
      if (at == content_end) {
         throw rejected_input(offset + f.end, "GS before the FS that ends the record: an empty field");
      }
   }
   if (fields.empty()) {
      throw rejected_input(offset, "record has no fields");
   }
   refuse_repeated_numbers(fields, offset);
   return fields;
}

// The record written back from `fields` (each a whole "T.N:value" text), separated by GS
// and ended by FS, with the value of fields[0], the LEN, computed to be the record's size.
// The LEN keeps the width it had (zero-padded, as some software writes it) while the
// size fits, and grows by a digit when it does not.
[[nodiscard]] inline std::string assemble_record(std::vector<std::string> fields, std::string_view len_tag,
                                                 std::size_t len_width)
{
   std::size_t rest = fields.size();  // GS between fields and the FS at the end
   for (std::size_t i = 1; i < fields.size(); ++i) {
      rest += fields[i].size();
   }
   rest += len_tag.size();
   std::size_t width = len_width;
   std::string digits;
   while (true) {
      digits = std::to_string(rest + width);
      if (digits.size() <= width) {
         digits.insert(0, width - digits.size(), '0');
         break;
      }
      width = digits.size();
   }
   fields[0] = std::string(len_tag) + digits;
   std::string out;
   for (std::size_t i = 0; i < fields.size(); ++i) {
      out += fields[i];
      out += i + 1 < fields.size() ? group_separator : file_separator;
   }
   return out;
}

}  // namespace veil::ansi_nist
