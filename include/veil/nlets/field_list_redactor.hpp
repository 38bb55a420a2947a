#pragma once
// Decides the fields of a query body ("NAM/DOE,JO.POB/MX.SEX/F") one at a time, as the
// grammar finds them, and keeps the output well formed: a dropped field takes the '.'
// after it, and a dropped last field takes the '.' before it instead. That separator is
// only known to be needed once the next field is decided, so it waits in `pending_`
// together with the control characters that followed it.

#include <veil/field_dictionary.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>
#include <veil/rejection.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace veil::nlets {

template <std::size_t PlanSize>
class field_list_redactor
{
public:
   field_list_redactor(const redaction_plan<field_entry, PlanSize>& plan, std::size_t max_pending) noexcept
      : plan_(plan), max_pending_(max_pending)
   {}

   // A run of control characters between fields (or after the last one).
   void on_gap(std::string_view bytes, std::size_t offset, redaction_output& out)
   {
      if (!separator_pending_) {
         out.emit(bytes);
         return;
      }
      if (pending_.size() + bytes.size() > max_pending_) {
         throw rejected_input(offset, "too many control characters between fields");
      }
      pending_ += bytes;
   }

   // `field` is "PFX/value" as in the input, starting at byte `offset` of the message.
   void on_field(std::string_view field, std::size_t offset, redaction_output& out)
   {
      const std::string_view prefix = field.substr(0, 3);
      const std::string_view value = field.substr(4);
      const field_entry* entry = plan_.find(prefix);
      if (entry == nullptr || !entry->sensitive_for(value)) {
         release_pending(out);
         out.emit(field);
         return;
      }
      out.record(prefix, *entry->sensitivity, offset, field.size());
      if (out.applied_action() == action::mask) {
         release_pending(out);
         out.emit(field.substr(0, 4));
         out.emit_masked(value);
         return;
      }
      dropped_ = true;
      dropped_unterminated_ = true;
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
      }
      out.emit(pending_);
      pending_.clear();
      separator_pending_ = false;
   }

private:
   void release_pending(redaction_output& out)
   {
      out.emit(pending_);
      pending_.clear();
      separator_pending_ = false;
      dropped_ = false;
      dropped_unterminated_ = false;
   }

   const redaction_plan<field_entry, PlanSize>& plan_;
   std::size_t max_pending_;
   std::string pending_;
   bool separator_pending_ = false;     // pending_ starts with the '.' after the last kept field
   bool dropped_ = false;               // the most recent field was dropped
   bool dropped_unterminated_ = false;  // ... and no '.' has followed it yet
};

}  // namespace veil::nlets
