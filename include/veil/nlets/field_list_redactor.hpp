#pragma once
// Decides the fields of a query body ("NAM/DOE,JO.POB/MX.SEX/F") one at a time, as the
// grammar finds them, and keeps the output well formed: a dropped field takes the '.'
// after it, and a dropped last field takes the '.' before it instead. That separator is
// only known to be needed once the next field is decided, so it waits in `pending_`
// together with the control characters that followed it.
//
// The value of a field the mask keeps is still judged as free text is (labelled_text.hpp):
// a remark that quotes a field ("MIS/SEE POB/MX") or a label ("MIS/SEE RES ADDR: 1 MAIN
// ST"), or fields separated by line breaks instead of '.', carry no sensitive value
// through.
//
// Control characters are kept even when the fields around them go, so dropping joins
// runs of them: into the run at the start of the body, or onto the value before a
// dropped last field. A join that would make the output break the limits it was read
// with is rejected, so that every output reads back under the same limits.

#include <veil/detail/bytes.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/nlets/label_grammar.hpp>
#include <veil/nlets/labelled_text.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/rejection.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace veil::nlets {

template <std::size_t DictionarySize, std::size_t LabelCapacity>
class field_list_redactor
{
public:
   field_list_redactor(const field_dictionary<DictionarySize>& dictionary,
                       const redaction_plan<field_entry, DictionarySize>& plan,
                       const redaction_plan<label_rule, LabelCapacity>& label_plan,
                       std::span<const run_time_label> added_labels, redaction_rules rules, std::size_t max_run) noexcept
      : plan_(plan), rules_(rules), embedded_(dictionary, plan, label_plan, added_labels, rules), max_run_(max_run)
   {}

   // A run of control characters between fields (or after the last one).
   void on_gap(std::string_view bytes, std::size_t offset, redaction_output& out)
   {
      if (!separator_pending_) {
         extend_run(bytes.size(), offset);
         out.emit(bytes);
         return;
      }
      if (pending_.size() + bytes.size() > max_run_) {
         throw rejected_input(offset, too_many_controls);
      }
      if (pending_.size() == 1) {
         pending_controls_offset_ = offset;
      }
      pending_ += bytes;
   }

   // `field` is "PFX/value" as in the input, starting at byte `offset` of the message.
   void on_field(std::string_view field, std::size_t offset, redaction_output& out)
   {
      // Control characters that end a value (a line break before the next '.' or at the
      // end of the message) are layout, not data: they stay when the field is dropped,
      // and the audit does not count them as part of the field.
      std::size_t end = field.size();
      while (end > 4 && detail::is_control(field[end - 1])) {
         --end;
      }
      decide(field.substr(0, end), offset, out);
      on_gap(field.substr(end), offset + end, out);
   }

   // The '.' after a field.
   void on_separator()
   {
      if (dropped_) {
         dropped_unterminated_ = false;  // the dropped field takes this '.' with it
         return;
      }
      pending_.assign(1, '.');
      separator_pending_ = true;
   }

   void on_end(redaction_output& out)
   {
      if (dropped_unterminated_ && separator_pending_) {
         pending_.erase(0, 1);  // the last field went, so the '.' before it goes too
         extend_run(pending_.size(), pending_controls_offset_);
      }
      out.emit(pending_);
      pending_.clear();
      separator_pending_ = false;
   }

private:
   static constexpr const char* too_many_controls = "too many control characters between fields";

   void decide(std::string_view field, std::size_t offset, redaction_output& out)
   {
      const std::string_view prefix = field.substr(0, 3);
      const std::string_view value = field.substr(4);
      const field_entry* entry = plan_.find(prefix);
      const std::optional<field_removal> removed = entry != nullptr ? rules_.removal(*entry, value) : std::nullopt;
      if (!removed) {
         release_pending(out);
         if (embedded_.redact(value, offset + 4, out).removed) {
            out.emit(field.substr(0, 4));
            out.emit(embedded_.result());
            run_ = embedded_.result().size();
            return;
         }
         out.emit(field);
         run_ = value.size();
         return;
      }
      out.record(prefix, removed->kind, removed->applied, offset, field.size());
      if (removed->applied == action::mask) {
         release_pending(out);
         out.emit(field.substr(0, 4));
         out.emit_masked(value);
         run_ = value.size();
         return;
      }
      dropped_ = true;
      dropped_unterminated_ = true;
   }

   void release_pending(redaction_output& out)
   {
      out.emit(pending_);
      pending_.clear();
      separator_pending_ = false;
      dropped_ = false;
      dropped_unterminated_ = false;
   }

   // `length` more control bytes join the unit the output ends in.
   void extend_run(std::size_t length, std::size_t offset)
   {
      run_ += length;
      if (run_ > max_run_) {
         throw rejected_input(offset, too_many_controls);
      }
   }

   const redaction_plan<field_entry, DictionarySize>& plan_;
   redaction_rules rules_;
   labelled_text<DictionarySize, LabelCapacity> embedded_;
   std::size_t max_run_;  // the reader's limit on a field value and on a run of control characters
   std::string pending_;
   std::size_t pending_controls_offset_ = 0;  // where the control characters in pending_ start
   std::size_t run_ = 0;  // bytes of the last value written, or of the run of control
                          // characters that starts the body, as the reader counts them
   bool separator_pending_ = false;     // pending_ starts with the '.' after the last kept field
   bool dropped_ = false;               // the most recent field was dropped
   bool dropped_unterminated_ = false;  // ... and no '.' has followed it yet
};

}  // namespace veil::nlets
