#pragma once
// The redactor's side of a message: writes kept and replaced bytes to the sink and
// notes each redacted field in the audit record.

#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/detail/masking.hpp>
#include <veil/sink.hpp>

#include <cstddef>
#include <string_view>

namespace veil {

class redaction_output
{
public:
   redaction_output(sink_ref sink, audit_record& audit, veil::action applied) noexcept
      : sink_(sink), audit_(audit), action_(applied)
   {}

   [[nodiscard]] veil::action applied_action() const noexcept { return action_; }

   void emit(std::string_view bytes) const { sink_(bytes); }

   // Writes `value` as the mask action does (see detail/masking.hpp).
   void emit_masked(std::string_view value) const
   {
      detail::masked_pieces(value, [this](std::string_view piece) { sink_(piece); });
   }

   // Returns the index of the new entry, so a field that grows (an address with
   // continuation lines) can be extended.
   std::size_t record(std::string_view tag, category kind, std::size_t offset, std::size_t length)
   {
      audit_.fields.push_back({ std::string(tag), kind, action_, offset, length });
      return audit_.fields.size() - 1;
   }

   void extend(std::size_t index, std::size_t new_end)
   {
      redacted_field& f = audit_.fields[index];
      f.length = new_end - f.offset;
   }

private:
   sink_ref sink_;
   audit_record& audit_;
   veil::action action_;
};

}  // namespace veil
