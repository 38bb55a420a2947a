#pragma once
// One ANSI/NIST-ITL transaction (traditional encoding) redacted in one pass:
//   - Type-1 comes first; its 1.003 CNT says the type of every record after it, so the
//     records of masked categories are known before any is read, and Type-1 is written
//     with CNT and LEN (1.001) as they will be; its routing is read as
//     transaction_routing.hpp says;
//   - records are framed by their length (the x.001 field of a tagged record, the 4-byte
//     length of a binary one), never by looking for FS: image bytes hold any byte;
//   - a record of a masked category is skipped; a Type-2 record is held, its masked
//     fields dropped or masked and its LEN computed again; any other record passes
//     through in pieces;
//   - a Type-98 information-assurance record no longer verifies once anything was
//     redacted: it is dropped, and the audit says so. Whether a Type-2 field will be
//     redacted is known once the Type-2 records right after Type-1 are read (they are held
//     until then, up to max_text_record in all); a Type-2 record further on counts as
//     redacted if the mask covers any Type-2 field, since its bytes come after Type-1 is
//     written;
//   - 2.036 PHT says N once no photo record remains;
//   - the input must end exactly where the last record does.

#include <veil/action.hpp>
#include <veil/ansi_nist/byte_stream.hpp>
#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/ansi_nist/tagged_record.hpp>
#include <veil/ansi_nist/transaction_routing.hpp>
#include <veil/audit.hpp>
#include <veil/detail/masking.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/rejection.hpp>
#include <veil/sink.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::ansi_nist {

struct ansi_nist_limits
{
   std::size_t max_text_record = std::size_t{ 1 } << 20;  // Type-1 and Type-2, held whole
   std::size_t max_records = 1000;                        // entries of 1.003 CNT
   std::size_t chunk_size = std::size_t{ 64 } << 10;      // pieces images pass through in
};

namespace internal {

struct cnt_entry
{
   unsigned type = 0;
   std::string text;  // the subfield as written, "10<US>01"
};

struct content_summary
{
   std::vector<cnt_entry> records;  // the records after Type-1, in order
   std::string first_type_text;     // "1" as written in the first subfield ("01" too)
   std::string count_text;          // the count as written in the first subfield
};

[[nodiscard]] inline content_summary read_cnt(std::string_view value, std::size_t offset, std::size_t max_records)
{
   content_summary cnt;
   std::size_t at = 0;
   bool first = true;
   while (at <= value.size()) {
      const std::size_t end = std::min(value.find(record_separator, at), value.size());
      const std::string_view subfield = value.substr(at, end - at);
      const std::size_t us = subfield.find(unit_separator);
      unsigned long type = 0;
      std::size_t digits_end = 0;
      if (us == std::string_view::npos || internal::read_number(subfield, digits_end, 3, type) != us || us == 0 ||
          us + 1 == subfield.size()) {
         throw rejected_input(offset + at, "1.003 CNT subfield is not a record type, US and a number");
      }
      if (first) {
         if (type != 1) {
            throw rejected_input(offset + at, "1.003 CNT does not start with record type 1");
         }
         cnt.first_type_text = std::string(subfield.substr(0, us));
         cnt.count_text = std::string(subfield.substr(us + 1));
         first = false;
      }
      else {
         if (type == 1) {
            throw rejected_input(offset + at, "1.003 CNT lists a second Type-1 record");
         }
         if (find_record(static_cast<unsigned>(type)) == nullptr) {
            throw rejected_input(offset + at, "1.003 CNT names a record type veil does not read");
         }
         if (cnt.records.size() == max_records) {
            throw rejected_input(offset + at, "more than " + std::to_string(max_records) + " records");
         }
         cnt.records.push_back({ static_cast<unsigned>(type), std::string(subfield) });
      }
      at = end + 1;
   }
   unsigned long count = 0;
   std::size_t i = 0;
   if (internal::read_number(cnt.count_text, i, 9, count) != cnt.count_text.size() || count != cnt.records.size()) {
      throw rejected_input(offset, "1.003 CNT counts another number of records than it lists");
   }
   return cnt;
}

// The length a tagged record of type `type` gives itself in its x.001 field, read from
// the first bytes of the record (`head`), which starts at `offset`.
[[nodiscard]] inline std::size_t tagged_length(std::string_view head, unsigned type, std::size_t offset)
{
   unsigned long number = 0;
   std::size_t at = read_tag(head, 0, type, number, offset);
   if (number != 1) {
      throw rejected_input(offset, "record does not start with its length (x.001)");
   }
   unsigned long length = 0;
   const std::size_t digits = internal::read_number(head, at, 12, length);
   if (digits == 0 || at >= head.size() || (head[at] != group_separator && head[at] != file_separator)) {
      throw rejected_input(offset, "record length (x.001) is not a number ended by GS");
   }
   if (length <= at) {
      throw rejected_input(offset, "record length is shorter than its own field");
   }
   return length;
}

}  // namespace internal

template <typename ChunkSource>
class transaction_redactor
{
public:
   transaction_redactor(ChunkSource& source, redaction_rules rules, const ansi_nist_limits& limits, sink_ref sink,
                        audit_record& audit)
      : in_(source, limits.chunk_size), rules_(rules), limits_(limits), sink_(sink), audit_(audit)
   {}

   void run()
   {
      std::string type1 = in_.take(held_record_length(1), "the Type-1 record");
      const std::vector<tagged_field> fields1 = read_fields(type1, 1, 0);
      const tagged_field* cnt_field = find_field(fields1, 3);
      if (cnt_field == nullptr) {
         throw rejected_input(0, "Type-1 has no 1.003 CNT");
      }
      const internal::content_summary cnt =
         internal::read_cnt(cnt_field->value_in(type1), cnt_field->value, limits_.max_records);
      plan(cnt);
      read_routing(type1, fields1, audit_);

      // The Type-2 records right after Type-1 are held until Type-1 is written, as many as
      // fit in max_text_record together; any after them count as later ones.
      std::size_t next = 0;
      std::size_t held_bytes = 0;
      std::vector<std::string> held;
      while (next < cnt.records.size() && cnt.records[next].type == 2 && held_bytes < limits_.max_text_record) {
         held.push_back(redact_type2(cnt.records[next]));
         held_bytes += held.back().size();
         ++next;
      }
      bool later_type2 = false;
      for (std::size_t i = next; i < cnt.records.size(); ++i) {
         later_type2 = later_type2 || cnt.records[i].type == 2;
      }
      drop_assurance_ = any_dropped_ || type2_redacted_ || (later_type2 && masks_type2_fields());
      write_type1(type1, fields1, *cnt_field, cnt);
      for (const std::string& record : held) {
         sink_(record);
      }
      for (; next < cnt.records.size(); ++next) {
         copy_record(next, cnt.records[next]);
      }
      if (!in_.at_end()) {
         throw rejected_input(in_.offset(), "bytes after the last record 1.003 CNT lists");
      }
   }

private:
   // Decides, from CNT alone, which records go and whether a photo stays.
   void plan(const internal::content_summary& cnt)
   {
      bool photo_kept = false;
      for (const internal::cnt_entry& e : cnt.records) {
         const record_entry* r = find_record(e.type);
         const bool dropped = r->sensitivity && rules_.mask().contains(*r->sensitivity);
         dropped_.push_back(dropped);
         any_dropped_ = any_dropped_ || dropped;
         photos_dropped_ = photos_dropped_ || (dropped && r->sensitivity == category::photo);
         photo_kept = photo_kept || (!dropped && r->sensitivity == category::photo);
      }
      no_photo_left_ = photos_dropped_ && !photo_kept;
   }

   // Some Type-2 field may be redacted, whatever its value.
   [[nodiscard]] bool masks_type2_fields() const noexcept
   {
      return std::any_of(type2_dictionary.begin(), type2_dictionary.end(),
                         [this](const field_entry& f) { return rules_.may_remove(f); });
   }

   [[nodiscard]] static const tagged_field* find_field(const std::vector<tagged_field>& fields, unsigned long number)
   {
      for (const tagged_field& f : fields) {
         if (f.number == number) {
            return &f;
         }
      }
      return nullptr;
   }

   // The length of the tagged record of `type` that starts here, from its x.001 field.
   [[nodiscard]] std::size_t record_head_length(unsigned type)
   {
      return internal::tagged_length(in_.peek(32), type, in_.offset());
   }

   // The length of a record that is held whole (Type-1, Type-2), within the limit.
   [[nodiscard]] std::size_t held_record_length(unsigned type)
   {
      const std::size_t length = record_head_length(type);
      if (length > limits_.max_text_record) {
         throw rejected_input(in_.offset(), "Type-" + std::to_string(type) + " record longer than " +
                                               std::to_string(limits_.max_text_record) + " bytes");
      }
      return length;
   }

   void write_type1(const std::string& record, const std::vector<tagged_field>& fields, const tagged_field& cnt_field,
                    const internal::content_summary& cnt)
   {
      std::string value;
      std::size_t kept = 0;
      for (std::size_t i = 0; i < cnt.records.size(); ++i) {
         if (keeps(i, cnt.records[i].type)) {
            value += record_separator + cnt.records[i].text;
            ++kept;
         }
      }
      std::string count = std::to_string(kept);
      if (count.size() < cnt.count_text.size()) {
         count.insert(0, cnt.count_text.size() - count.size(), '0');  // "1<US>02" keeps its width
      }
      value.insert(0, cnt.first_type_text + unit_separator + count);
      std::vector<std::string> texts;
      for (const tagged_field& f : fields) {
         texts.emplace_back(&f == &cnt_field ? std::string(f.tag_in(record)) + value
                                             : std::string(record.substr(f.begin, f.end - f.begin)));
      }
      sink_(assemble_record(std::move(texts), fields[0].tag_in(record), fields[0].end - fields[0].value));
   }

   [[nodiscard]] bool keeps(std::size_t index, unsigned type) const noexcept
   {
      return !dropped_[index] && !(type == 98 && drop_assurance_);
   }

   std::string redact_type2(const internal::cnt_entry& entry)
   {
      const std::size_t offset = in_.offset();
      const std::string record = in_.take(held_record_length(entry.type), "a Type-2 record");
      const std::vector<tagged_field> fields = read_fields(record, 2, offset);
      std::vector<std::string> texts;
      for (const tagged_field& f : fields) {
         const std::string_view value = f.value_in(record);
         const std::string tag = canonical_tag(2, f.number);
         const field_entry* entry = type2_dictionary.find(tag);
         const std::optional<field_removal> removed =
            entry != nullptr && f.number != 1 ? rules_.removal(*entry, value) : std::nullopt;
         if (removed) {
            type2_redacted_ = true;
            audit_.fields.push_back({ tag, removed->kind, removed->applied, offset + f.begin, f.end - f.begin });
            if (removed->applied == action::mask) {
               std::string masked(f.tag_in(record));
               detail::masked_pieces(value, [&masked](std::string_view piece) { masked += piece; });
               texts.push_back(std::move(masked));
            }
            continue;
         }
         if (f.number == 36 && no_photo_left_ && value != "N") {
            texts.push_back(std::string(f.tag_in(record)) + "N");
            audit_.notes.emplace_back("2.036 PHT set to N: no photo record remains");
            continue;
         }
         texts.emplace_back(record.substr(f.begin, f.end - f.begin));
      }
      return assemble_record(std::move(texts), fields[0].tag_in(record), fields[0].end - fields[0].value);
   }

   void copy_record(std::size_t index, const internal::cnt_entry& entry)
   {
      if (entry.type == 2) {
         sink_(redact_type2(entry));
         return;
      }
      const std::size_t offset = in_.offset();
      const record_entry& r = *find_record(entry.type);
      const std::size_t length = r.binary ? binary_length() : record_head_length(entry.type);
      const bool kept = keeps(index, entry.type);
      const char* const what = r.binary ? "a binary record" : "a tagged record";
      const char last = in_.pass(length, what, [this, kept](std::string_view piece) {
         if (kept) {
            sink_(piece);
         }
      });
      if (!r.binary && last != file_separator) {
         throw rejected_input(offset + length - 1, "tagged record does not end with FS");
      }
      if (kept) {
         return;
      }
      if (entry.type == 98) {
         audit_.notes.emplace_back("Type-98 information assurance record dropped: it no longer verifies");
         return;
      }
      audit_.fields.push_back({ "Type-" + std::to_string(entry.type), *r.sensitivity, action::drop, offset, length });
   }

   // A binary record's length: its first four bytes, big-endian.
   [[nodiscard]] std::size_t binary_length()
   {
      const std::string_view head = in_.peek(5);
      if (head.size() < 5) {
         throw rejected_input(in_.offset(), "transaction ends inside a binary record's length");
      }
      std::size_t length = 0;
      for (const char c : head.substr(0, 4)) {
         length = (length << 8) | static_cast<unsigned char>(c);
      }
      if (length < 5) {
         throw rejected_input(in_.offset(), "binary record length is under 5 bytes");
      }
      return length;
   }

   byte_stream<ChunkSource> in_;
   redaction_rules rules_;
   const ansi_nist_limits& limits_;
   sink_ref sink_;
   audit_record& audit_;
   std::vector<bool> dropped_;
   bool any_dropped_ = false;
   bool photos_dropped_ = false;
   bool no_photo_left_ = false;
   bool type2_redacted_ = false;
   bool drop_assurance_ = false;
};

}  // namespace veil::ansi_nist
