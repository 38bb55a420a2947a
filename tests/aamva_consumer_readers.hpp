#pragma once
// How consumers of AAMVA barcode payloads read them, written apart from veil's reader so
// that tests and the fuzz target can ask what a consumer would find in a payload and in
// veil's output. Four readers, after the peers formats.md names, each as forgiving as its
// peer is, and none sharing a line with include/veil/aamva:
//   - line_reader, as c0shea/IdParser reads: the separators are the header's bytes 1 and
//     3 (LF and CR in the standard), the subfiles start at the first designator's offset
//     (or, when that is not a number, where the designators end), every LF or CR ends a
//     record, a "DL" or "ID" before the first record is dropped, and a record's first
//     three characters are its id;
//   - designator_reader, as benhovinga/aamva_barcode_library reads: each subfile at its
//     designated offset and length, starting with its type and ending with CR, split at
//     LF;
//   - line_break_reader, as a script that splits lines as Python's str.splitlines() does
//     (after decoding the bytes as Latin-1 or as UTF-8) and strips each line: its first
//     three characters are the id, and, where a line starts with a subfile type, so are
//     the three after the type;
//   - id_scanner, as an app that looks for each id it knows anywhere in the text with a
//     regular expression such as DAG([^\n\r]*), case-sensitive or not: the ids of the
//     categories below and the ids of jurisdiction subfiles (Z, then two letters).
// Each gives every element it reads, an id and a value, duplicates included.

#include <veil/category.hpp>
#include <veil/category_mask.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test::aamva_consumers {

struct consumer_element
{
   std::string id;
   std::string value;
};

// The ids a consumer takes for each masked category, from formats.md §1.4 and §1.5, in
// every version (a consumer does not check a card's version against its ids; DBG is the
// medical codes of version 01 and an alias name later, so it counts as medical).
struct categorised_id
{
   std::string_view id;
   veil::category kind;
};

inline constexpr std::array<categorised_id, 18> categorised_ids{ {
   { "DAG", veil::category::address },     { "DAH", veil::category::address },
   { "DAI", veil::category::address },     { "DAJ", veil::category::address },
   { "DAK", veil::category::address },     { "DAL", veil::category::address },
   { "DAM", veil::category::address },     { "DAN", veil::category::address },
   { "DAO", veil::category::address },     { "DAP", veil::category::address },
   { "DCI", veil::category::immigration }, { "DDA", veil::category::immigration },
   { "DDD", veil::category::immigration }, { "DDN", veil::category::immigration },
   { "DBI", veil::category::immigration }, { "DBK", veil::category::ssn },
   { "DBM", veil::category::ssn },         { "DBG", veil::category::medical },
} };

[[nodiscard]] inline std::optional<veil::category> category_of(std::string_view id)
{
   for (const categorised_id& c : categorised_ids) {
      if (c.id == id) {
         return c.kind;
      }
   }
   return std::nullopt;
}

[[nodiscard]] constexpr bool is_upper_letter(char c) noexcept { return c >= 'A' && c <= 'Z'; }

[[nodiscard]] inline std::string upper_cased(std::string_view text)
{
   std::string out(text);
   for (char& c : out) {
      c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
   }
   return out;
}

// An id of a jurisdiction's element: Z, the jurisdiction's letter, a letter.
[[nodiscard]] inline bool is_jurisdiction_id(std::string_view id)
{
   return id.size() == 3 && id[0] == 'Z' && is_upper_letter(id[1]) && is_upper_letter(id[2]);
}

// Whether a consumer of an output redacted under `mask` (with elements no version of the
// standard defines taken as sensitive, or not) expects element `e` gone: its id, read in
// upper case, is of a masked category or, so taken, a jurisdiction's.
[[nodiscard]] inline bool masked(const consumer_element& e, veil::category_mask mask, bool unknown_elements_sensitive)
{
   const std::string id = upper_cased(e.id);
   if (const std::optional<veil::category> kind = category_of(id)) {
      return mask.contains(*kind);
   }
   return unknown_elements_sensitive && !mask.empty() && is_jurisdiction_id(id);
}

namespace internal {

[[nodiscard]] inline std::optional<std::size_t> number(std::string_view text, std::size_t at, std::size_t digits)
{
   if (at + digits > text.size()) {
      return std::nullopt;
   }
   std::size_t n = 0;
   for (const char c : text.substr(at, digits)) {
      if (c < '0' || c > '9') {
         return std::nullopt;
      }
      n = n * 10 + static_cast<std::size_t>(c - '0');
   }
   return n;
}

// Where the designators start, counted from '@': version 01 has no jurisdiction version.
[[nodiscard]] inline std::size_t designators_at(std::string_view from_at)
{
   return number(from_at, 15, 2) == std::size_t{ 1 } ? 19 : 21;
}

[[nodiscard]] inline std::string_view trimmed(std::string_view text)
{
   constexpr std::string_view blanks = " \t\n\v\f\r\x1c\x1d\x1e\x85";
   const std::size_t first = text.find_first_not_of(blanks);
   if (first == std::string_view::npos) {
      return {};
   }
   return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

inline void add_record(std::vector<consumer_element>& out, std::string_view record)
{
   if (record.size() >= 3) {
      out.push_back({ std::string(record.substr(0, 3)), std::string(trimmed(record.substr(3))) });
   }
}

[[nodiscard]] inline bool is_subfile_type(std::string_view text)
{
   return text.starts_with("DL") || text.starts_with("ID") ||
          (text.size() >= 2 && text[0] == 'Z' && is_upper_letter(text[1]));
}

}  // namespace internal

[[nodiscard]] inline std::vector<consumer_element> line_reader(std::string_view text)
{
   std::vector<consumer_element> out;
   const std::size_t at = text.find('@');
   if (at == std::string_view::npos || text.size() - at < 4) {
      return out;
   }
   const std::string_view payload = text.substr(at);
   const char separators[] = { payload[1], payload[3], '\0' };
   const std::size_t designators = internal::designators_at(payload);
   std::size_t start = internal::number(payload, designators + 2, 4).value_or(0);
   if (start == 0 || start >= payload.size()) {
      start = designators + 10 * internal::number(payload, designators - 2, 2).value_or(0);
   }
   if (start >= payload.size()) {
      return out;
   }
   bool first = true;
   for (std::size_t from = start; from < payload.size();) {
      const std::size_t end = std::min(payload.find_first_of(std::string_view(separators, 2), from), payload.size());
      std::string_view record = payload.substr(from, end - from);
      if (!record.empty()) {
         if (first && (record.starts_with("DL") || record.starts_with("ID"))) {
            record.remove_prefix(2);
         }
         first = false;
         internal::add_record(out, record);
      }
      from = end + 1;
   }
   return out;
}

[[nodiscard]] inline std::vector<consumer_element> designator_reader(std::string_view text)
{
   std::vector<consumer_element> out;
   const std::size_t at = text.find('@');
   if (at == std::string_view::npos) {
      return out;
   }
   const std::string_view payload = text.substr(at);
   const std::size_t designators = internal::designators_at(payload);
   const std::size_t entries = internal::number(payload, designators - 2, 2).value_or(0);
   for (std::size_t i = 0; i < entries; ++i) {
      const std::size_t d = designators + 10 * i;
      const std::optional<std::size_t> offset = internal::number(payload, d + 2, 4);
      const std::optional<std::size_t> length = internal::number(payload, d + 6, 4);
      if (!offset || !length || *length < 3 || *offset + *length > payload.size() ||
          payload.substr(*offset, 2) != payload.substr(d, 2) || payload[*offset + *length - 1] != '\r') {
         return {};  // the peer raises on the first bad subfile
      }
      const std::string_view content = payload.substr(*offset + 2, *length - 3);
      for (std::size_t from = 0; from < content.size();) {
         const std::size_t end = std::min(content.find('\n', from), content.size());
         internal::add_record(out, content.substr(from, end - from));
         from = end + 1;
      }
   }
   return out;
}

[[nodiscard]] inline std::vector<consumer_element> line_break_reader(std::string_view text)
{
   // Line boundaries of str.splitlines(): LF, CR, VT, FF, FS, GS, RS and NEL (0x85 in
   // Latin-1; its UTF-8 form C2 85 ends in the same byte), and in UTF-8 also the line and
   // paragraph separators. Both decodings' boundaries are taken at once.
   const auto line_break_at = [text](std::size_t i) -> std::size_t {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85) {
         return 1;
      }
      const std::string_view three = text.substr(i, 3);
      return three == "\xE2\x80\xA8" || three == "\xE2\x80\xA9" ? 3 : 0;
   };
   std::vector<consumer_element> out;
   std::size_t from = 0;
   for (std::size_t i = 0; i <= text.size(); ++i) {
      const std::size_t width = i < text.size() ? line_break_at(i) : 1;
      if (width == 0) {
         continue;
      }
      const std::string_view line = internal::trimmed(text.substr(from, i - from));
      internal::add_record(out, line);
      if (internal::is_subfile_type(line)) {
         internal::add_record(out, line.substr(2));
      }
      i += width - 1;
      from = i + 1;
   }
   return out;
}

[[nodiscard]] inline std::vector<consumer_element> id_scanner(std::string_view text)
{
   std::vector<consumer_element> out;
   for (const bool any_case : { false, true }) {
      const std::string scanned = any_case ? upper_cased(text) : std::string(text);
      for (std::size_t i = 0; i + 3 <= scanned.size(); ++i) {
         const std::string_view id = std::string_view(scanned).substr(i, 3);
         if (!category_of(id) && !is_jurisdiction_id(id)) {
            continue;
         }
         const std::size_t end = std::min(text.find_first_of("\r\n", i + 3), text.size());
         out.push_back({ std::string(id), std::string(text.substr(i + 3, end - i - 3)) });
      }
   }
   return out;
}

// Every element the readers that read elements where they stand find in `text`: all but
// the id scanner, which also finds ids across an element's boundaries ("IDDAI...", a
// subfile's type and its first element, holds "DDA") and reads the next element's value
// there.
[[nodiscard]] inline std::vector<consumer_element> read_elements_as_consumers(std::string_view text)
{
   std::vector<consumer_element> all;
   for (auto* reader : { &line_reader, &designator_reader, &line_break_reader }) {
      std::vector<consumer_element> found = reader(text);
      all.insert(all.end(), found.begin(), found.end());
   }
   return all;
}

}  // namespace veil_test::aamva_consumers
