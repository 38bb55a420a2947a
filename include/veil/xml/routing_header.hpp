#pragma once
// The routing of an Nlets XML message, read as strictly as `--recipient` is: a policy
// decides who may receive what by these values, so a value a switch could read another
// way than veil does is refused, never read as the nearest well-formed one.
//
//   - The routing header is the one element named NLETSMessageHeader, in the Nlets
//     namespace, directly under the root. A second element of that local name anywhere, in
//     any namespace, or the first one anywhere else, rejects the message: a lenient
//     consumer that matches local names would take it for the header.
//   - A routing element is one whose local name is MessageKeyCodeText, OriginatingORIID,
//     DestinationORIID or DocumentControlFieldText, in any namespace (for the same
//     reason). Inside the header it is read; anywhere else it rejects the message.
//   - A value is read as an XML reader reads it: references expanded, CDATA as text, line
//     breaks as LF, and XML whitespace (space, tab, CR, LF) around it trimmed; never cut to
//     a buffer size. The whole value must then be well formed: a recipient or sender one
//     2-character destination or 9-character ORI (recipient.hpp), a message key 2 to 16
//     upper-case letters or digits, a control field an optional '*' and 1 to 10 letters,
//     digits or '-' (as in Nlets text). A routing element holding a child element, a
//     comment or a processing instruction, a second message key, sender or control field,
//     or a value that is not well formed rejects the message at the element's offset.
//   - Every DestinationORIID is a recipient; a header without one names no recipient (a
//     policy then decides by its strictest rule).
//
// The stream and DOM redactors feed every element of the message here, whatever a mask
// removes, so both read the same routing under every mask. Memory stays a few dozen
// bytes per value however long the text.

#include <veil/audit.hpp>
#include <veil/recipient.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/element_dictionary.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace veil::xml {

enum class routing_field : unsigned char { message_key, sender, recipient, control_field };

struct routing_element
{
   std::string_view local;
   routing_field field;
};

inline constexpr std::array<routing_element, 4> routing_elements{ {
   { "MessageKeyCodeText", routing_field::message_key },
   { "OriginatingORIID", routing_field::sender },
   { "DestinationORIID", routing_field::recipient },
   { "DocumentControlFieldText", routing_field::control_field },
} };

inline constexpr std::string_view routing_header_name = "NLETSMessageHeader";

[[nodiscard]] constexpr std::optional<routing_field> routing_field_named(std::string_view local) noexcept
{
   for (const routing_element& e : routing_elements) {
      if (e.local == local) {
         return e.field;
      }
   }
   return std::nullopt;
}

// A control field as Nlets text has it: an optional '*', then 1 to 10 letters, digits or '-'.
[[nodiscard]] constexpr bool is_well_formed_control_field(std::string_view value) noexcept
{
   constexpr std::size_t longest = 10;
   if (!value.empty() && value.front() == '*') {
      value.remove_prefix(1);
   }
   return !value.empty() && value.size() <= longest && std::all_of(value.begin(), value.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
   });
}

class routing_header
{
public:
   // An element starts at `offset`, at `depth` (the root is 1).
   void on_start(std::string_view uri, std::string_view local, std::size_t depth, std::size_t offset)
   {
      if (field_) {
         throw rejected_input(offset, "a routing element holds an element");
      }
      if (local == routing_header_name) {
         if (header_seen_ || depth != 2 || vocabulary_of(uri) != vocabulary::nlets) {
            throw rejected_input(offset, "a routing header other than the one Nlets header directly under the root");
         }
         header_seen_ = true;
         header_depth_ = depth;
         return;
      }
      const std::optional<routing_field> field = routing_field_named(local);
      if (!field) {
         return;
      }
      if (!header_depth_) {
         throw rejected_input(offset, "a routing element outside the routing header");
      }
      field_ = field;
      field_depth_ = depth;
      field_offset_ = offset;
      value_.clear();
      blanks_ = false;
      overlong_ = false;
   }

   // Whether text now belongs to a routing value (callers decode it only then).
   [[nodiscard]] bool reading_value() const noexcept { return field_.has_value(); }

   // `decoded`: text of the value as a reader sees it (references expanded, line breaks
   // as LF, CDATA as it stands).
   void on_text(std::string_view decoded)
   {
      if (!field_) {
         return;
      }
      for (const char c : decoded) {
         if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            blanks_ = !value_.empty();  // leading ones do not count; trailing ones are trimmed
            continue;
         }
         if (blanks_) {
            append(' ');  // a blank inside the value: it can be nothing well formed
            blanks_ = false;
         }
         append(c);
      }
   }

   // A comment or processing instruction at `offset`.
   void on_markup(std::size_t offset) const
   {
      if (field_) {
         throw rejected_input(offset, "a routing element holds a comment or processing instruction");
      }
   }

   // The element at `depth` ends.
   void on_end(std::size_t depth, audit_record& audit)
   {
      if (field_ && depth == field_depth_) {
         record(audit);
         field_.reset();
      }
      if (header_depth_ == depth) {
         header_depth_.reset();
      }
   }

private:
   // Longer than any well-formed routing value: past it a value is refused, unstored.
   static constexpr std::size_t longest_kept = 32;

   void append(char c)
   {
      if (value_.size() == longest_kept) {
         overlong_ = true;
         return;
      }
      value_ += c;
   }

   void record(audit_record& audit)
   {
      const std::string_view value = overlong_ ? std::string_view() : std::string_view(value_);
      switch (*field_) {
         case routing_field::message_key:
            if (key_seen_ || !is_well_formed_message_key(value)) {
               refuse("the message key is not one value of 2 to 16 upper-case letters or digits");
            }
            key_seen_ = true;
            audit.message_key = value;
            break;
         case routing_field::sender:
            if (sender_seen_ || !is_well_formed_recipient(value)) {
               refuse("the originating ORI is not one 2-character destination or 9-character ORI of upper-case "
                      "letters and digits");
            }
            sender_seen_ = true;
            audit.sender_ori = value;
            break;
         case routing_field::recipient:
            if (!is_well_formed_recipient(value)) {
               refuse("a destination is not one 2-character destination or 9-character ORI of upper-case letters "
                      "and digits");
            }
            audit.recipients.emplace_back(value);
            break;
         case routing_field::control_field:
            if (control_seen_ || !is_well_formed_control_field(value)) {
               refuse("the control field is not one value of an optional '*' and 1 to 10 letters, digits or '-'");
            }
            control_seen_ = true;
            audit.control_field = value;
            break;
      }
   }

   [[noreturn]] void refuse(const char* reason) const { throw rejected_input(field_offset_, reason); }

   bool header_seen_ = false;
   std::optional<std::size_t> header_depth_;  // set while inside the header
   std::optional<routing_field> field_;       // set while inside a routing element
   std::size_t field_depth_ = 0;
   std::size_t field_offset_ = 0;
   std::string value_;     // the value read so far, leading blanks skipped, at most longest_kept bytes
   bool blanks_ = false;   // blanks after the last character of value_
   bool overlong_ = false;
   bool key_seen_ = false;
   bool sender_seen_ = false;
   bool control_seen_ = false;
};

}  // namespace veil::xml
