#pragma once
// The stream redactor's side of the ITL elements written again once they end
// (itl_records.hpp): a Type-1 content summary, whose entries for dropped records go and
// whose record quantity is counted again, and a photo-available indicator that says true
// when no photo record can remain. What is written between the element's tags is caught
// here, within a limit, in segments: the bytes around, each summary entry, each record
// quantity. When the element ends, the segments are put back together.

#include <veil/audit.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/itl_records.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::xml {

enum class rewritten_element : unsigned char { content_summary, photo_indicator };

// Which element ends up rewritten, by its local name.
[[nodiscard]] constexpr std::optional<rewritten_element> rewritten_element_named(std::string_view local) noexcept
{
   if (local == content_summary_name) {
      return rewritten_element::content_summary;
   }
   if (local == photo_indicator_name) {
      return rewritten_element::photo_indicator;
   }
   return std::nullopt;
}

class element_rewrite
{
public:
   // The element of `kind` at `depth`, its start tag at `offset`, whose content may hold
   // at most `limit` bytes.
   element_rewrite(rewritten_element kind, std::size_t depth, std::size_t offset, std::size_t limit)
      : kind_(kind), depth_(depth), offset_(offset), limit_(limit)
   {
      segments_.emplace_back();
   }

   [[nodiscard]] std::size_t depth() const noexcept { return depth_; }

   // A child element starts, before its start tag `raw` is written.
   void on_start(std::string_view local, std::size_t depth, std::string_view raw)
   {
      if (kind_ != rewritten_element::content_summary) {
         return;
      }
      if (depth == depth_ + 1 && local == summary_entry_name) {
         segments_.push_back({ {}, segment_role::entry, {}, {}, {}, {} });
      }
      else if (depth == depth_ + 1 && local == record_quantity_name) {
         segments_.push_back({ {}, segment_role::quantity, {}, std::string(raw), {}, {} });
         reading_from_ = depth;
      }
      else if (local == record_code_name && segments_.back().role == segment_role::entry && !code_depth_ &&
               !segments_.back().code_read) {
         code_depth_ = depth;
         reading_from_ = depth;
      }
   }

   // A child element ends, after its end tag `raw` was written.
   void on_end(std::size_t depth, std::string_view raw)
   {
      if (code_depth_ == depth) {
         code_depth_.reset();
         reading_from_.reset();
         segments_.back().code_read = true;
         return;
      }
      if (depth == depth_ + 1 && segments_.back().role != segment_role::plain) {
         if (segments_.back().role == segment_role::quantity) {
            segments_.back().end_tag = raw;
            reading_from_.reset();
         }
         segments_.emplace_back();
      }
   }

   // Text as a reader reads it.
   void on_text(std::string_view decoded)
   {
      if (kind_ == rewritten_element::photo_indicator) {
         value_.append(decoded.substr(0, std::min(decoded.size(), limit_ - std::min(limit_, value_.size()))));
         return;
      }
      if (!reading_from_) {
         return;
      }
      segment& s = segments_.back();
      if (s.role == segment_role::quantity) {
         s.value.append(decoded);
      }
      else {
         s.code.append(decoded);
      }
   }

   // Bytes written inside the element.
   void write(std::string_view bytes)
   {
      size_ += bytes.size();
      if (size_ > limit_) {
         throw rejected_input(offset_, "a content summary or photo indicator longer than " + std::to_string(limit_) +
                                          " bytes");
      }
      segments_.back().bytes += bytes;
   }

   // The element's content as it is to be written; notes go to `audit`.
   [[nodiscard]] std::string finish(const redaction_rules& rules, audit_record& audit) const
   {
      return kind_ == rewritten_element::content_summary ? summary(rules, audit) : indicator(audit);
   }

private:
   enum class segment_role : unsigned char { plain, entry, quantity };

   struct segment
   {
      std::string bytes;
      segment_role role = segment_role::plain;
      record_category_code code;  // of an entry
      std::string start_tag;      // of a quantity
      std::string end_tag;        // of a quantity
      std::string value;          // of a quantity, decoded
      bool code_read = false;
   };

   [[nodiscard]] std::string summary(const redaction_rules& rules, audit_record& audit) const
   {
      std::size_t kept = 0;
      std::size_t dropped = 0;
      for (const segment& s : segments_) {
         if (s.role == segment_role::entry) {
            (summary_entry_dropped(rules, s.code.type()) ? dropped : kept) += 1;
         }
      }
      std::string out;
      for (const segment& s : segments_) {
         if (dropped == 0 || s.role == segment_role::plain) {
            out += s.bytes;
         }
         else if (s.role == segment_role::entry && !summary_entry_dropped(rules, s.code.type())) {
            out += s.bytes;
         }
         else if (s.role == segment_role::quantity) {
            out += s.start_tag + rewritten_quantity(s.value, kept, offset_) + s.end_tag;
         }
      }
      if (dropped > 0) {
         audit.notes.emplace_back("content summary: the entries of dropped records removed and the record quantity "
                                  "counted again");
      }
      return out;
   }

   [[nodiscard]] std::string indicator(audit_record& audit) const
   {
      if (!says_true(value_)) {
         return segments_.front().bytes;
      }
      audit.notes.emplace_back("photo-available indicator set to false: no photo record remains");
      return std::string(no_photo_indicator);
   }

   rewritten_element kind_;
   std::size_t depth_;
   std::size_t offset_;
   std::size_t limit_;
   std::size_t size_ = 0;
   std::vector<segment> segments_;
   std::optional<std::size_t> code_depth_;    // inside an entry's record category code
   std::optional<std::size_t> reading_from_;  // the quantity or code whose text is read
   std::string value_;                        // of a photo indicator, decoded (within the limit)
};

}  // namespace veil::xml
