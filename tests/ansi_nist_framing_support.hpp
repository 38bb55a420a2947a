#pragma once
// A reader of an ANSI/NIST-ITL transaction's framing (record lengths and 1.003 CNT) that
// owes nothing to the redactor's, to check what the redactor writes with. Used by the
// tests and by the fuzz target, so it holds no test macros.

#include <veil/ansi_nist/tagged_record.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test {

// The records that carry no tags and start with a 4-byte length (the standard's Types 3
// to 8), said here rather than taken from the redactor's dictionary.
[[nodiscard]] constexpr bool is_binary_record_type(unsigned type) noexcept
{
   return type >= 3 && type <= 8;
}

struct framed_record
{
   unsigned type = 0;
   std::string idc;  // as 1.003 CNT lists it; empty for Type-1
   std::size_t offset = 0;
   std::size_t length = 0;
};

namespace internal {

[[noreturn]] inline void bad_frame(std::size_t offset, const std::string& what)
{
   throw std::runtime_error("byte " + std::to_string(offset) + ": " + what);
}

// The number the digits of `text` from `at` write (1 to `max_digits` of them), with `at`
// moved past them; nullopt for none or too many.
[[nodiscard]] inline std::optional<unsigned long long> digits_at(std::string_view text, std::size_t& at,
                                                                 std::size_t max_digits)
{
   const std::size_t start = at;
   unsigned long long number = 0;
   while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (at - start == max_digits) {
         return std::nullopt;
      }
      number = number * 10 + static_cast<unsigned long long>(text[at] - '0');
      ++at;
   }
   return at == start ? std::nullopt : std::optional<unsigned long long>(number);
}

// The field number of the tag "T.N:" at `at` in a record of `type`, with `at` moved past
// the ':'.
[[nodiscard]] inline unsigned long long tag_at(std::string_view text, std::size_t& at, unsigned type)
{
   const std::size_t start = at;
   const std::optional<unsigned long long> record_type = digits_at(text, at, 3);
   if (!record_type || *record_type != type || at >= text.size() || text[at] != '.') {
      bad_frame(start, "no tag of record type " + std::to_string(type));
   }
   ++at;
   const std::optional<unsigned long long> number = digits_at(text, at, 9);
   if (!number || at >= text.size() || text[at] != ':') {
      bad_frame(start, "tag without a field number and ':'");
   }
   ++at;
   return *number;
}

// The length of the tagged record of `type` at `offset`: its first field, "T.1:LEN"; the
// record must lie inside `bytes` and end with FS.
[[nodiscard]] inline std::size_t tagged_record_length(std::string_view bytes, std::size_t offset, unsigned type)
{
   std::size_t at = offset;
   if (tag_at(bytes, at, type) != 1) {
      bad_frame(offset, "first field of a Type-" + std::to_string(type) + " record is not its length");
   }
   const std::optional<unsigned long long> length = digits_at(bytes, at, 12);
   if (!length || at >= bytes.size() ||
       (bytes[at] != veil::ansi_nist::group_separator && bytes[at] != veil::ansi_nist::file_separator)) {
      bad_frame(offset, "record length is not digits ended by GS or FS");
   }
   if (*length <= at - offset || *length > bytes.size() - offset) {
      bad_frame(offset, "record length " + std::to_string(*length) + " ends inside its own field or past the input");
   }
   if (bytes[offset + *length - 1] != veil::ansi_nist::file_separator) {
      bad_frame(offset + *length - 1, "record does not end with FS");
   }
   return *length;
}

// The length of the binary record at `offset`: its first four bytes, big-endian, which
// count themselves and the IDC at least.
[[nodiscard]] inline std::size_t binary_record_length(std::string_view bytes, std::size_t offset)
{
   if (bytes.size() - offset < 5) {
      bad_frame(offset, "binary record shorter than its length and IDC");
   }
   std::size_t length = 0;
   for (std::size_t i = 0; i < 4; ++i) {
      length = (length << 8) | static_cast<unsigned char>(bytes[offset + i]);
   }
   if (length < 5 || length > bytes.size() - offset) {
      bad_frame(offset, "binary record length " + std::to_string(length) + " is under 5 or runs past the input");
   }
   return length;
}

// The value of 1.003 CNT in the Type-1 record `record` (whose content holds no image, so
// GS ends every field before the first that is numbered 3).
[[nodiscard]] inline std::string_view cnt_value(std::string_view record)
{
   const std::string_view content = record.substr(0, record.size() - 1);
   std::size_t at = 0;
   while (at < content.size()) {
      const std::size_t end = std::min(content.find(veil::ansi_nist::group_separator, at), content.size());
      if (tag_at(content, at, 1) == 3) {
         return content.substr(at, end - at);
      }
      at = end + 1;
   }
   bad_frame(0, "Type-1 has no 1.003 CNT");
}

}  // namespace internal

// The records of `bytes`, Type-1 first, as the standard frames them: Type-1 as long as
// its 1.001 LEN says; its 1.003 CNT "1 US count", then "type US IDC" for each record that
// follows, the count being theirs; those records in that order, each as long as its own
// length says (a tagged record's x.001, a binary record's first four bytes), the last
// ending where the input does. Throws std::runtime_error saying what does not hold.
[[nodiscard]] inline std::vector<framed_record> read_frame(std::string_view bytes)
{
   using veil::ansi_nist::record_separator;
   using veil::ansi_nist::unit_separator;
   std::vector<framed_record> records{ { 1, {}, 0, internal::tagged_record_length(bytes, 0, 1) } };
   const std::string_view cnt = internal::cnt_value(bytes.substr(0, records[0].length));
   std::optional<unsigned long long> count;
   for (std::size_t at = 0; at <= cnt.size();) {
      const std::size_t end = std::min(cnt.find(record_separator, at), cnt.size());
      const std::string_view subfield = cnt.substr(at, end - at);
      std::size_t i = 0;
      const std::optional<unsigned long long> type = internal::digits_at(subfield, i, 3);
      if (!type || i >= subfield.size() || subfield[i] != unit_separator || i + 1 == subfield.size()) {
         internal::bad_frame(at, "1.003 CNT subfield is not a type, US and a value");
      }
      if (count) {
         records.push_back({ static_cast<unsigned>(*type), std::string(subfield.substr(i + 1)), 0, 0 });
      }
      else {
         ++i;
         count = internal::digits_at(subfield, i, 9);
         if (*type != 1 || !count || i != subfield.size()) {
            internal::bad_frame(at, "1.003 CNT does not start with 1, US and a count");
         }
      }
      at = end + 1;
   }
   if (*count != records.size() - 1) {
      internal::bad_frame(0, "1.003 CNT counts " + std::to_string(*count) + " records but lists " +
                                std::to_string(records.size() - 1));
   }
   std::size_t offset = records[0].length;
   for (std::size_t r = 1; r < records.size(); ++r) {
      if (offset == bytes.size()) {
         internal::bad_frame(offset, "the input ends before the records 1.003 CNT lists");
      }
      records[r].offset = offset;
      records[r].length = is_binary_record_type(records[r].type)
                             ? internal::binary_record_length(bytes, offset)
                             : internal::tagged_record_length(bytes, offset, records[r].type);
      offset += records[r].length;
   }
   if (offset != bytes.size()) {
      internal::bad_frame(offset, "bytes after the last record 1.003 CNT lists");
   }
   return records;
}

// The fields of a tagged record that holds no image ("T.N:value" each, LEN first).
[[nodiscard]] inline std::vector<std::string> text_fields_of(std::string_view record)
{
   std::vector<std::string> fields;
   const std::string_view content = record.substr(0, record.size() - 1);
   for (std::size_t at = 0; at <= content.size();) {
      const std::size_t end = std::min(content.find(veil::ansi_nist::group_separator, at), content.size());
      fields.emplace_back(content.substr(at, end - at));
      at = end + 1;
   }
   return fields;
}

}  // namespace veil_test
