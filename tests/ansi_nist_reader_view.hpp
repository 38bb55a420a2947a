#pragma once
// How consumers of an ANSI/NIST-ITL transaction read it, written apart from veil's reader
// to check veil's output by: what a receiving system would show of a transaction, not
// what veil's own rules say it holds. Used by the tests and by the fuzz target, so it
// holds no test macros.
//
// Two readings:
//   - the split reading of a simple consumer: the transaction cut at every FS into
//     records, each record whose first field is a tag of Type-1 or Type-2 cut at every GS
//     into fields; a field is "T.N:value" with T and N digits of any count, compared by
//     value ("2.20", "2.0020" and "02.020" are all field 20), and a field's own T is not
//     looked at (the record's first field says what the record is); a piece that is no
//     such field is skipped;
//   - the framed reading: records walked by their lengths and 1.003 CNT as the standard
//     frames them (ansi_nist_framing_support.hpp), Type-1 and Type-2 then cut at GS as
//     above.
// What a field means is the FBI EBTS's: 2.016 SOC is a social security number, 2.017 MNU
// holds miscellaneous numbers (one a subfield, RS; a consumer that cuts subfields into
// items at US reads each item as one), whose NCIC type, read after leading blanks in
// either case, says what it is; 2.020 POB and 2.021 CTZ are immigration data, 2.039 EAD
// and 2.041 RES addresses, 2.2037 ESI a DHS subject identifier. A record's type says
// what it holds (Type-10 a face photo, Type-14 a fingerprint ...).

#include "ansi_nist_framing_support.hpp"

#include <veil/category.hpp>
#include <veil/category_mask.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil_test::consumer {

inline constexpr char fs = '\x1c';
inline constexpr char gs = '\x1d';
inline constexpr char rs = '\x1e';
inline constexpr char us = '\x1f';

// `text` cut at every `separator` (one piece for text without one).
[[nodiscard]] inline std::vector<std::string_view> split(std::string_view text, char separator)
{
   std::vector<std::string_view> pieces;
   while (true) {
      const std::size_t end = text.find(separator);
      pieces.push_back(text.substr(0, end));
      if (end == std::string_view::npos) {
         return pieces;
      }
      text.remove_prefix(end + 1);
   }
}

// A number as a consumer compares it: its digits without leading zeros ("0020" is "20").
[[nodiscard]] inline std::string number_value(std::string_view digits)
{
   const std::size_t first = digits.find_first_not_of('0');
   return first == std::string_view::npos ? "0" : std::string(digits.substr(first));
}

struct field
{
   std::string record_type;  // as the field's own tag writes it, by value
   std::string number;       // by value: "20" for 2.020
   std::string value;

   friend bool operator==(const field&, const field&) = default;
};

[[nodiscard]] inline bool all_digits(std::string_view s)
{
   return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "T.N:value", or nothing for a piece that is not a field.
[[nodiscard]] inline std::optional<field> field_of(std::string_view piece)
{
   const std::size_t dot = piece.find('.');
   const std::size_t colon = piece.find(':');
   if (dot == std::string_view::npos || colon == std::string_view::npos || dot > colon ||
       !all_digits(piece.substr(0, dot)) || !all_digits(piece.substr(dot + 1, colon - dot - 1))) {
      return std::nullopt;
   }
   return field{ number_value(piece.substr(0, dot)), number_value(piece.substr(dot + 1, colon - dot - 1)),
                 std::string(piece.substr(colon + 1)) };
}

struct text_record
{
   std::string type;  // "1" or "2"
   std::vector<field> fields;

   // The values of every field numbered `number` ("7" for 1.007), in order.
   [[nodiscard]] std::vector<std::string> values_of(std::string_view number) const
   {
      std::vector<std::string> values;
      for (const field& f : fields) {
         if (f.number == number) {
            values.push_back(f.value);
         }
      }
      return values;
   }
};

// The fields of a record's content (its bytes without the FS that ends it).
[[nodiscard]] inline std::vector<field> fields_of(std::string_view content)
{
   std::vector<field> fields;
   for (const std::string_view piece : split(content, gs)) {
      if (std::optional<field> f = field_of(piece)) {
         fields.push_back(std::move(*f));
      }
   }
   return fields;
}

// The split reading: every Type-1 and Type-2 record found by cutting at FS.
[[nodiscard]] inline std::vector<text_record> split_reading(std::string_view transaction)
{
   std::vector<text_record> records;
   for (const std::string_view piece : split(transaction, fs)) {
      std::vector<field> fields = fields_of(piece);
      if (fields.empty() || !field_of(split(piece, gs).front())) {
         continue;
      }
      const std::string type = fields.front().record_type;
      if (type == "1" || type == "2") {
         records.push_back({ type, std::move(fields) });
      }
   }
   return records;
}

// A record of the framed reading: its type, where it lies, and for Type-1 and Type-2 its
// fields.
struct framed
{
   unsigned type = 0;
   std::string_view bytes;
   std::vector<field> fields;
};

// The framed reading, or nothing when the transaction is not framed as the standard says.
[[nodiscard]] inline std::optional<std::vector<framed>> framed_reading(std::string_view transaction)
{
   std::vector<framed_record> frame;
   try {
      frame = read_frame(transaction);
   }
   catch (const std::runtime_error&) {
      return std::nullopt;
   }
   std::vector<framed> records;
   for (const framed_record& r : frame) {
      const std::string_view bytes = transaction.substr(r.offset, r.length);
      records.push_back({ r.type, bytes,
                          r.type == 1 || r.type == 2 ? fields_of(bytes.substr(0, bytes.size() - 1))
                                                     : std::vector<field>{} });
   }
   return records;
}

// The 1.007 DAI values of the transaction as the split reading sees them: every field
// numbered 7 of the piece before the first FS.
[[nodiscard]] inline std::vector<std::string> destination_values(std::string_view transaction)
{
   return text_record{ "1", fields_of(split(transaction, fs).front()) }.values_of("7");
}

// ---- what a field or a record means -----------------------------------------------------

// The category of one miscellaneous number by its NCIC type (NCIC 2000 Code Manual,
// MNU field codes, and the EBTS additions): the two letters after any leading blanks, in
// either case. A type not in the manual is read as immigration: a reader who
// cannot tell what a number is must not release it to whom immigration data is withheld.
[[nodiscard]] inline std::optional<veil::category> miscellaneous_number_category(std::string_view number)
{
   std::size_t i = 0;
   while (i < number.size() && static_cast<unsigned char>(number[i]) <= ' ') {
      ++i;
   }
   if (i == number.size()) {
      return std::nullopt;
   }
   if (number.size() - i < 2) {
      return veil::category::immigration;
   }
   std::string type;
   for (const char c : number.substr(i, 2)) {
      type += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
   }
   // PI, a personal identification number, may be a foreign government's: it tells a
   // nationality as much as a passport number does.
   static constexpr std::array<std::string_view, 5> immigration{ "AR", "AN", "PP", "FN", "PI" };
   static constexpr std::array<std::string_view, 14> other{ "AF", "AS", "BF", "CG", "IO", "MC", "MD",
                                                            "MP", "NA", "NS", "OA", "PS", "SS", "VA" };
   for (const std::string_view t : immigration) {
      if (type == t) {
         return veil::category::immigration;
      }
   }
   if (type == "CI") {
      return veil::category::ssn;  // Canadian social insurance number
   }
   for (const std::string_view t : other) {
      if (type == t) {
         return std::nullopt;
      }
   }
   return veil::category::immigration;
}

// The categories a Type-2 field carries for its reader.
[[nodiscard]] inline veil::category_mask type2_field_categories(const field& f)
{
   using veil::category;
   if (f.number == "16") {
      return { category::ssn };
   }
   if (f.number == "20" || f.number == "21" || f.number == "2037") {
      return { category::immigration };
   }
   if (f.number == "39" || f.number == "41") {
      return { category::address };
   }
   veil::category_mask carried;
   if (f.number == "17") {
      for (const std::string_view subfield : split(f.value, rs)) {
         for (const std::string_view item : split(subfield, us)) {
            if (const std::optional<category> kind = miscellaneous_number_category(item)) {
               carried = carried | veil::category_mask{ *kind };
            }
         }
      }
   }
   return carried;
}

// What a record of `type` holds, by the standard's description of the type; nothing for
// Type-1, Type-2 (read field by field) and Type-98.
[[nodiscard]] inline std::optional<veil::category> record_category(unsigned type)
{
   if (type == 8 || type == 10 || type == 20 || type == 21) {
      return veil::category::photo;  // signature, face, source representation, context
   }
   if ((type >= 3 && type <= 7) || type == 9 || (type >= 11 && type <= 19) || type == 22 || type == 99) {
      return veil::category::biometric;
   }
   return std::nullopt;
}

// ---- the oracle -------------------------------------------------------------------------

// The `markers` (unique planted texts) that some reading of `transaction` finds in a
// Type-2 field or a record of a category in `mask`: the ones no output may hold.
[[nodiscard]] inline std::vector<std::string> masked_markers(std::string_view transaction,
                                                             const std::vector<std::string>& markers,
                                                             veil::category_mask mask)
{
   std::vector<std::string_view> sensitive_texts;
   const auto add_fields = [&](const std::vector<field>& fields) {
      for (const field& f : fields) {
         if (type2_field_categories(f).intersects(mask)) {
            sensitive_texts.emplace_back(f.value);
         }
      }
   };
   const std::vector<text_record> split_records = split_reading(transaction);
   for (const text_record& r : split_records) {
      if (r.type == "2") {
         add_fields(r.fields);
      }
   }
   const std::optional<std::vector<framed>> framed_records = framed_reading(transaction);
   if (framed_records) {
      for (const framed& r : *framed_records) {
         if (r.type == 2) {
            add_fields(r.fields);
         }
         const std::optional<veil::category> kind = record_category(r.type);
         if (kind && mask.contains(*kind)) {
            sensitive_texts.push_back(r.bytes);
         }
      }
   }
   std::vector<std::string> found;
   for (const std::string& marker : markers) {
      for (const std::string_view text : sensitive_texts) {
         if (text.find(marker) != std::string_view::npos) {
            found.push_back(marker);
            break;
         }
      }
   }
   return found;
}

}  // namespace veil_test::consumer
