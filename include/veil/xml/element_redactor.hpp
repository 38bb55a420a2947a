#pragma once
// Decides XML elements as the reader reports them, writing through a redaction_output:
//   - an element of a masked category is dropped whole (from the '<' of its start tag to
//     the '>' of its end tag; the whitespace around it stays) or, with the mask action,
//     kept as its start and end tags with nothing between them; an override on its name
//     in its vocabulary ("nc:PersonBirthLocation", whatever prefix the message binds)
//     keeps it or removes it with its own action whatever the mask says (see
//     redaction_rules.hpp);
//   - an identification (nc:PersonOtherIdentification) carries the category its category
//     code child gives (id_category_code.hpp), which may come after other children: the
//     element is held back, within max_held_bytes, until it ends; past that it counts as
//     sensitive, because what cannot be decided is not safe. An override decides it at
//     its start tag, whatever its code;
//   - an ANSI/NIST-ITL record carries its type's category and its record category code's
//     (itl_records.hpp): held back, within the same limit, until the code is read; a
//     Type-98 record goes when anything may be removed, and the Type-1 content summary and
//     the photo-available indicator are written again (element_rewrite.hpp);
//   - the text of n2:ResponseText and its kin is a legacy free-text body, redacted line by
//     line by the Nlets text rules;
//   - the routing (routing_header.hpp) is read from every element whatever the mask
//     removes, and its values go to the audit record; a routing value is never redacted,
//     and the header shields nothing else: what it holds is decided like any element.
// Every other byte is written as it came.

#include <veil/audit.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/free_text_body.hpp>
#include <veil/xml/element_rewrite.hpp>
#include <veil/xml/id_category_code.hpp>
#include <veil/xml/itl_records.hpp>
#include <veil/xml/routing_header.hpp>
#include <veil/xml/text_references.hpp>
#include <veil/xml/xml_events.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace veil::xml {

struct held_element_limits
{
   std::size_t max_held_bytes = std::size_t{ 64 } << 10;  // an identification or record held back undecided
   std::size_t max_line_size = std::size_t{ 64 } << 10;   // a line of free text inside XML
};

class element_redactor
{
public:
   element_redactor(redaction_rules rules, held_element_limits limits, const free_text_line_redactor& lines,
                    sink_ref sink, audit_record& audit)
      : rules_(rules),
        limits_(limits),
        lines_(lines),
        body_(lines_, limits.max_line_size),
        sink_(sink),
        audit_(audit),
        router_{ this },
        out_(router_, audit)
   {}

   element_redactor(const element_redactor&) = delete;
   element_redactor& operator=(const element_redactor&) = delete;

   void on_start(const element_start& e)
   {
      routing_.on_start(e.name.uri, e.name.local, e.depth, e.offset);
      if (skipping()) {
         return;
      }
      if (in_free_text(e.depth)) {
         // An empty element inside a line is markup of the line: what deciding it writes
         // is caught and handed to the body when it ends. Any other element stands
         // between lines.
         if (e.self_closing && body_.inside_line()) {
            markup_capture_ = std::string();
         }
         else {
            body_.element_boundary(e.offset, out_, write_piece_);
         }
      }
      if (rewrite_) {
         rewrite_->on_start(e.name.local, e.depth, e.raw);
      }
      else if (!e.self_closing && !free_text_depth_ && starts_rewrite(e)) {
         return;
      }
      // A held record's own category code: its first child of that name.
      if (holding() && hold_->record != nullptr && e.depth == hold_->depth + 1 && e.name.local == record_code_name) {
         hold_->code_depth = e.depth;
      }
      if (holding() && hold_->record == nullptr) {
         hold_->content = true;
      }
      const element_entry* entry = find_element(e.name.uri, e.name.local);
      if (entry == nullptr) {
         out_.emit(e.raw);
         return;
      }
      // Overrides name elements by their vocabulary, not by the prefix this message uses.
      const std::string tag = rules_.has_overrides() ? override_tag(*entry, e.name.local) : std::string();
      switch (entry->role) {
         case element_role::sensitive:
            if (const field_verdict removed = rules_.verdict(tag, entry->sensitivity)) {
               redact_element(e, { *entry->sensitivity, *removed });
               return;
            }
            break;
         case element_role::by_category_code:
            // An override does not wait for the code.
            if (rules_.names(tag)) {
               if (const field_verdict removed = rules_.verdict(tag, entry->sensitivity)) {
                  redact_element(e, { *entry->sensitivity, *removed });
                  return;
               }
               break;
            }
            if (identification_may_be_removed(rules_) && !e.self_closing) {
               // No second hold inside the first.
               if (holding()) {
                  redact_element(e, undecided_identification(rules_, tag));
               }
               else {
                  begin_hold(e, tag, nullptr);
               }
               return;
            }
            break;
         case element_role::category_code:
            // Any descendant counts: NIEM 3 and later may wrap the code in an augmentation.
            if (holding() && !hold_->record && e.depth > hold_->depth) {
               hold_->code_depth = e.depth;
               hold_->code = {};
            }
            break;
         case element_role::record:
            if (start_record(e, *entry, tag)) {
               return;
            }
            break;
         case element_role::free_text:
            // The outermost one: a free-text element nested in another must not end
            // the outer body early, or the rest of it would pass unredacted.
            if (!e.self_closing && !free_text_depth_) {
               free_text_depth_ = e.depth;
            }
            break;
         case element_role::header:
            break;
      }
      out_.emit(e.raw);
   }

   void on_end(const element_end& e)
   {
      routing_.on_end(e.depth, audit_);
      if (skip_ && e.depth == skip_->depth) {
         finish_redacted_element(e);
         return;
      }
      if (skipping()) {
         return;
      }
      if (markup_capture_) {
         std::string captured = std::move(*markup_capture_);
         markup_capture_.reset();
         body_.add_markup(captured, e.offset, markup_kind::other, 0, out_, write_piece_);
      }
      else if (in_free_text(e.depth)) {
         body_.element_boundary(e.offset, out_, write_piece_);
      }
      else if (free_text_depth_ == e.depth) {
         free_text_depth_.reset();
         body_.end_body(out_, write_piece_);
      }
      if (rewrite_ && rewrite_->depth() == e.depth) {
         const std::string content = rewrite_->finish(rules_, audit_);
         rewrite_.reset();
         out_.emit(content);
         out_.emit(e.raw);
         return;
      }
      if (holding() && hold_->code_depth == e.depth) {
         hold_->code_depth.reset();
         if (hold_->record) {
            out_.emit(e.raw);
            decide_record();  // as soon as its code is read
            return;
         }
         hold_->carried = hold_->carried | hold_->code.categories();
         hold_->coded = hold_->coded || !hold_->code.empty();
      }
      if (holding() && e.depth == hold_->depth) {
         end_hold(e);
         return;
      }
      out_.emit(e.raw);
      if (rewrite_) {
         rewrite_->on_end(e.depth, e.raw);
      }
   }

   void on_text(std::string_view piece, std::size_t offset, text_kind kind)
   {
      if (routing_.reading_value()) {
         routing_.on_text(decoded(piece, kind));
         if (!skipping()) {
            out_.emit(piece);  // a routing value is never redacted, nor free text
         }
         return;
      }
      if (skipping()) {
         return;
      }
      const bool empty_so_far = holding() && hold_->record == nullptr && !hold_->content;
      if ((holding() && hold_->code_depth) || rewrite_ || empty_so_far) {
         const std::string_view text = decoded(piece, kind);
         if (empty_so_far && text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
            hold_->content = true;
         }
         if (holding() && hold_->code_depth && hold_->record) {
            hold_->record_code.append(text);
         }
         else if (holding() && hold_->code_depth) {
            hold_->code.append(text);
         }
         if (rewrite_) {
            rewrite_->on_text(text);
         }
      }
      if (free_text_depth_) {
         body_.add(piece, offset, kind == text_kind::text ? text_form::xml_text : text_form::cdata, 0, out_,
                   write_piece_);
         return;
      }
      out_.emit(piece);
   }

   void on_markup(std::string_view raw, std::size_t offset)
   {
      if (is_comment_or_instruction(raw)) {
         routing_.on_markup(offset);
      }
      if (skipping()) {
         return;
      }
      if (free_text_depth_) {
         const bool cdata_delimiter = !is_comment_or_instruction(raw);  // nothing else stands inside the root
         body_.add_markup(raw, offset, cdata_delimiter ? markup_kind::cdata_delimiter : markup_kind::other, 0, out_,
                          write_piece_);
         return;
      }
      out_.emit(raw);
   }

private:
   struct skip_state
   {
      std::size_t depth;
      std::optional<std::size_t> audit_index;  // none for a Type-98 record, which a note tells
      action applied;
   };

   // What redaction_output writes to; it refers to its sink, so this lives as long as it.
   struct router
   {
      element_redactor* self;
      void operator()(std::string_view bytes) const { self->write(bytes); }
   };

   struct hold_state
   {
      std::size_t depth;
      std::string override_tag;
      std::size_t audit_size;  // audit entries before the hold, to forget those made inside it
      std::size_t start_offset;
      std::string start_tag;
      std::string tag;
      std::string bytes;  // everything held so far, start tag included
      const element_entry* record;  // a record held for its code; nullptr for an identification
      std::optional<std::size_t> code_depth;
      id_category_code code;
      record_category_code record_code;
      category_mask carried;  // what the codes read so far give
      bool coded = false;     // some code of an identification held anything
      bool content = false;   // an identification holds an element or text but blanks
   };

   [[nodiscard]] static bool is_comment_or_instruction(std::string_view raw) noexcept
   {
      return raw.starts_with("<!--") || raw.starts_with("<?");
   }

   [[nodiscard]] bool skipping() const noexcept { return skip_.has_value(); }
   [[nodiscard]] bool holding() const noexcept { return hold_.has_value(); }

   // Inside the body of a free-text element, below the element itself.
   [[nodiscard]] bool in_free_text(std::size_t depth) const noexcept
   {
      return free_text_depth_ && depth > *free_text_depth_;
   }

   // Every byte leaves through here: into the markup of a free-text line being caught,
   // into the held element, or to the sink.
   void write(std::string_view bytes)
   {
      if (markup_capture_) {
         *markup_capture_ += bytes;
         return;
      }
      if (skipping()) {
         return;  // the rest of an event that made a hold give up: inside the skipped element
      }
      if (rewrite_) {
         rewrite_->write(bytes);
         return;
      }
      if (!holding()) {
         sink_(bytes);
         return;
      }
      if (hold_->bytes.size() + bytes.size() > limits_.max_held_bytes) {
         give_up_hold();
         if (skipping()) {
            return;
         }
      }
      hold_->bytes += bytes;
   }

   void redact_element(const element_start& e, field_removal as)
   {
      const std::size_t index = out_.record(e.name.raw, as.kind, as.applied, e.offset, e.raw.size());
      if (as.applied == action::mask) {
         out_.emit(e.raw);
      }
      // Writing the start tag may have made a hold give up, which skips the held
      // element (and forgot `index`) instead.
      if (!e.self_closing && !skipping()) {
         skip_ = skip_state{ e.depth, index, as.applied };
      }
   }

   void finish_redacted_element(const element_end& e)
   {
      if (skip_->audit_index) {
         out_.extend(*skip_->audit_index, e.offset + e.raw.size());
      }
      const action applied = skip_->applied;
      skip_.reset();
      if (applied == action::mask) {
         out_.emit(e.raw);
      }
   }

   // The content summary and the photo indicator are caught to be written again; true if
   // `e` starts one (its start tag is then written).
   bool starts_rewrite(const element_start& e)
   {
      const std::optional<rewritten_element> kind = rewritten_element_named(e.name.local);
      if (!kind || (*kind == rewritten_element::photo_indicator && !no_photo_record_remains(rules_))) {
         return false;
      }
      out_.emit(e.raw);
      rewrite_.emplace(*kind, e.depth, e.offset, limits_.max_held_bytes);
      return true;
   }

   // A record starts; true if it was redacted or held (nothing more to do with `e`).
   bool start_record(const element_start& e, const element_entry& entry, const std::string& tag)
   {
      if (entry.record_type == information_assurance_type && drops_information_assurance(rules_)) {
         audit_.notes.emplace_back("Type-98 information assurance record dropped: it no longer verifies");
         if (!e.self_closing) {
            skip_ = skip_state{ e.depth, std::nullopt, action::drop };
         }
         return true;
      }
      if (const std::optional<field_removal> by_name = record_removal_by_name(rules_, tag, entry)) {
         redact_element(e, *by_name);
         return true;
      }
      if (!record_waits_for_code(rules_, tag, e.self_closing)) {
         return false;
      }
      // Its code may still make it go. No second hold inside the first.
      if (holding()) {
         redact_element(e, undecided_record(rules_, tag));
      }
      else {
         begin_hold(e, tag, &entry);
      }
      return true;
   }

   void begin_hold(const element_start& e, std::string_view override_tag, const element_entry* record)
   {
      hold_ = hold_state{ e.depth,          std::string(override_tag), audit_.fields.size(), e.offset,
                          std::string(e.raw), std::string(e.name.raw),   std::string(e.raw), record,
                          {},               {},                        {},                   {} };
   }

   // The categories the held element carries, as far as its codes were read.
   [[nodiscard]] category_mask held_categories() const
   {
      if (hold_->record != nullptr) {
         return name_categories(*hold_->record);  // it ended before any code was read
      }
      return identification_categories(hold_->carried, hold_->coded || !hold_->content);
   }

   // A held record's code was read: it goes now, or what was held is released and the
   // rest of it streams through.
   void decide_record()
   {
      const std::optional<field_removal> removed =
         removal_by_categories(rules_, hold_->override_tag,
                               name_categories(*hold_->record) | code_categories(hold_->record_code.type()));
      if (removed) {
         remove_held(*removed);
         return;
      }
      const std::string held = std::move(hold_->bytes);
      hold_.reset();
      sink_(held);
   }

   void end_hold(const element_end& e)
   {
      const category_mask carried = held_categories();
      hold_state held = std::move(*hold_);
      hold_.reset();
      const std::optional<field_removal> removed = removal_by_categories(rules_, held.override_tag, carried);
      if (!removed) {
         sink_(held.bytes);
         out_.emit(e.raw);
         return;
      }
      audit_.fields.resize(held.audit_size);
      out_.record(held.tag, removed->kind, removed->applied, held.start_offset,
                  e.offset + e.raw.size() - held.start_offset);
      if (removed->applied == action::mask) {
         out_.emit(held.start_tag);
         out_.emit(e.raw);
      }
   }

   // The held element goes before its end: what was held is forgotten and the rest of it
   // skipped.
   void remove_held(field_removal as)
   {
      hold_state held = std::move(*hold_);
      hold_.reset();
      audit_.fields.resize(held.audit_size);
      const std::size_t index = out_.record(held.tag, as.kind, as.applied, held.start_offset, held.start_tag.size());
      if (as.applied == action::mask) {
         sink_(held.start_tag);
      }
      skip_ = skip_state{ held.depth, index, as.applied };
      // What was open inside it is skipped with it.
      if (free_text_depth_ > held.depth) {
         free_text_depth_.reset();
         body_.discard();
      }
      if (rewrite_ && rewrite_->depth() > held.depth) {
         rewrite_.reset();
      }
   }

   // The held element grew too large to wait for its category: it is redacted as if the
   // code had said so, and the rest of it is skipped.
   void give_up_hold()
   {
      remove_held(hold_->record != nullptr ? undecided_record(rules_, hold_->override_tag)
                                           : undecided_identification(rules_, hold_->override_tag));
   }

   // Text as a reader sees it: line breaks written as CR LF or CR alone read as LF, and
   // references expanded (CDATA has none; a CR written as &#13; stays a CR).
   [[nodiscard]] std::string_view decoded(std::string_view piece, text_kind kind)
   {
      const bool references = kind == text_kind::text && piece.find('&') != std::string_view::npos;
      if (!references && piece.find('\r') == std::string_view::npos) {
         return piece;
      }
      std::string normalized;
      for (std::size_t i = 0; i < piece.size(); ++i) {
         if (piece[i] != '\r') {
            normalized += piece[i];
         }
         else if (i + 1 == piece.size() || piece[i + 1] != '\n') {
            normalized += '\n';
         }
      }
      decoded_piece_.clear();
      if (references) {
         append_decoded(decoded_piece_, normalized);
      }
      else {
         decoded_piece_ = std::move(normalized);
      }
      return decoded_piece_;
   }

   redaction_rules rules_;
   held_element_limits limits_;
   free_text_line_redactor lines_;  // a copy: it keeps per-message continuation state
   free_text_body body_;
   sink_ref sink_;
   audit_record& audit_;
   router router_;
   redaction_output out_;

   std::optional<skip_state> skip_;
   std::optional<hold_state> hold_;
   std::optional<std::size_t> free_text_depth_;
   std::optional<std::string> markup_capture_;  // what an empty element inside a free-text line writes
   std::optional<element_rewrite> rewrite_;
   free_text_body::piece_writer write_piece_{ [this](std::size_t /*piece*/, std::string_view bytes) {
      out_.emit(bytes);
   } };

   routing_header routing_;
   std::string decoded_piece_;  // reused
};

}  // namespace veil::xml
