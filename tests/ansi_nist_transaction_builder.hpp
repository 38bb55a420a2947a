#pragma once
// ANSI/NIST-ITL transactions put together for tests from plain text, written apart from
// veil's reader and writer (the reader's-view tests must not share veil's framing code):
// tagged records with their LEN computed (or made to lie), binary records, a Type-1 whose
// 1.003 CNT lists the records, and a transaction's Type-1 values rewritten. Used by the
// tests and by the fuzz target, so it holds no test macros.

#include "ansi_nist_reader_view.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil_test::build {

using consumer::fs;
using consumer::gs;
using consumer::rs;
using consumer::us;

// A tagged record: `len_tag` ("2.001:") and its length, then each of `fields` after a GS,
// then FS. The length is the record's own, plus or minus `len_error` (a LEN that lies,
// written with the digits of the true one, zero-padded, so that it never comes true).
[[nodiscard]] inline std::string tagged_record(std::string_view len_tag, const std::vector<std::string>& fields,
                                               long len_error = 0)
{
   std::size_t rest = len_tag.size() + 1;  // the tag and the FS
   for (const std::string& f : fields) {
      rest += 1 + f.size();
   }
   std::size_t digits = 1;
   while (std::to_string(rest + digits).size() > digits) {
      ++digits;
   }
   const long true_length = static_cast<long>(rest + digits);
   if (std::to_string(true_length + len_error).size() > digits) {
      len_error = -len_error;  // a LEN one digit longer would make the record that long
   }
   std::string length = std::to_string(true_length + len_error);
   length.insert(0, length.size() < digits ? digits - length.size() : 0, '0');
   std::string record = std::string(len_tag) + length;
   for (const std::string& f : fields) {
      record += gs + f;
   }
   return record + fs;
}

// A binary record (Types 3 to 8): its 4-byte big-endian length, its IDC, then `data`.
[[nodiscard]] inline std::string binary_record(unsigned char idc, std::string_view data)
{
   const std::size_t length = 5 + data.size();
   std::string record;
   for (const int shift : { 24, 16, 8, 0 }) {
      record += static_cast<char>((length >> shift) & 0xFFU);
   }
   record += static_cast<char>(idc);
   return record + std::string(data);
}

// A record after Type-1, as 1.003 CNT lists it ("type US IDC") and as written.
struct listed_record
{
   unsigned type = 0;
   std::string idc;
   std::string bytes;
};

// The value of 1.003 CNT for `records`: "1 US count", then "type US IDC" for each.
[[nodiscard]] inline std::string cnt_value(const std::vector<listed_record>& records)
{
   std::string cnt = "1" + std::string(1, us) + std::to_string(records.size());
   for (const listed_record& r : records) {
      cnt += rs + std::to_string(r.type) + us + r.idc;
   }
   return cnt;
}

// The routing every well-formed test transaction carries unless told otherwise.
inline const std::vector<std::string> well_formed_routing{ "1.004:CAR", "1.007:WVIAFIS0Z", "1.008:WVMEDS001",
                                                           "1.009:TCN0001" };

// Type-1 (1.002 VER, 1.003 CNT for `records`, then `type1_fields`), then the records.
[[nodiscard]] inline std::string transaction(const std::vector<listed_record>& records,
                                             const std::vector<std::string>& type1_fields = well_formed_routing)
{
   std::vector<std::string> fields{ "1.002:0500", "1.003:" + cnt_value(records) };
   fields.insert(fields.end(), type1_fields.begin(), type1_fields.end());
   std::string bytes = tagged_record("1.001:", fields);
   for (const listed_record& r : records) {
      bytes += r.bytes;
   }
   return bytes;
}

// `transaction` with the fields of its Type-1 after the LEN (each "T.N:value" as written)
// changed by `edit`, and its LEN written again. Type-1 is found by its LEN and cut at GS,
// as the split reading cuts it; nothing when it is not framed so.
template <typename Edit>
[[nodiscard]] std::optional<std::string> with_type1_fields(std::string_view transaction, Edit edit)
{
   const std::string_view first = transaction.substr(0, transaction.find(gs));
   const std::optional<consumer::field> len = consumer::field_of(first);
   if (!len || len->record_type != "1" || len->number != "1" || !consumer::all_digits(len->value) ||
       len->value.size() > 9 || std::stoul(len->value) > transaction.size() || std::stoul(len->value) == 0) {
      return std::nullopt;
   }
   const std::size_t length = std::stoul(len->value);
   if (transaction[length - 1] != fs) {
      return std::nullopt;
   }
   const std::vector<std::string_view> pieces = consumer::split(transaction.substr(0, length - 1), gs);
   std::vector<std::string> fields(pieces.begin() + 1, pieces.end());
   edit(fields);
   return tagged_record(first.substr(0, first.find(':') + 1), fields) + std::string(transaction.substr(length));
}

// `transaction` with the values of its Type-1 fields numbered as in `values` ("7" for
// 1.007) replaced, each tag kept as written; a field it lacks is added at the end.
[[nodiscard]] inline std::optional<std::string> with_type1_values(
   std::string_view transaction, const std::vector<std::pair<std::string, std::string>>& values)
{
   return with_type1_fields(transaction, [&values](std::vector<std::string>& fields) {
      std::vector<bool> written(values.size(), false);
      for (std::string& text : fields) {
         if (const std::optional<consumer::field> f = consumer::field_of(text)) {
            for (std::size_t v = 0; v < values.size(); ++v) {
               if (f->number == values[v].first) {
                  text = text.substr(0, text.find(':') + 1) + values[v].second;
                  written[v] = true;
               }
            }
         }
      }
      for (std::size_t v = 0; v < values.size(); ++v) {
         if (!written[v]) {
            std::string number = values[v].first;
            number.insert(0, number.size() < 3 ? 3 - number.size() : 0, '0');
            fields.push_back("1." + number + ":" + values[v].second);
         }
      }
   });
}

// `transaction` with well-formed routing (1.004 TOT CAR, 1.007 DAI WVIAFIS0Z, 1.008 ORI
// WVMEDS001) in place of its own: a sample whose routing is a placeholder veil refuses
// is read so for the rest of what it holds.
[[nodiscard]] inline std::optional<std::string> with_well_formed_routing(std::string_view transaction)
{
   return with_type1_values(transaction, { { "4", "CAR" }, { "7", "WVIAFIS0Z" }, { "8", "WVMEDS001" } });
}

}  // namespace veil_test::build
