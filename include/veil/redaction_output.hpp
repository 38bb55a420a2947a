#pragma once
// The redactor's side of a message: writes kept and replaced bytes to the sink and
// notes each redacted field in the audit record.

#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/detail/masking.hpp>
#include <veil/sink.hpp>

#include <cstddef>
#include <span>
#include <string_view>

namespace veil {

// Where a redactor that works on a decoded copy of the input (XML text with its
// references expanded) finds the input offsets for the audit record: an offset
// `base + i` in the copy stands for `base + input_positions[i]` in the input.
struct position_map
{
   std::size_t base = 0;
   std::span<const std::size_t> input_positions;

   [[nodiscard]] std::size_t to_input(std::size_t at) const { return base + input_positions[at - base]; }
};

class redaction_output
{
public:
   redaction_output(sink_ref sink, audit_record& audit) noexcept : sink_(sink), audit_(audit) {}

   // The same audit record, another sink; offsets mapped through `positions` if given,
   // else as this output maps them.
   [[nodiscard]] redaction_output redirected(sink_ref sink, const position_map* positions = nullptr) const noexcept
   {
      redaction_output other(sink, audit_);
      other.positions_ = positions != nullptr ? positions : positions_;
      return other;
   }

   void emit(std::string_view bytes) const { sink_(bytes); }

   // Writes `value` as the mask action does (see detail/masking.hpp).
   void emit_masked(std::string_view value) const
   {
      detail::masked_pieces(value, [this](std::string_view piece) { sink_(piece); });
   }

   // Notes a field removed with `applied`. Returns the index of the new entry, so a
   // field that grows (an address with continuation lines) can be extended.
   std::size_t record(std::string_view tag, category kind, veil::action applied, std::size_t offset,
                      std::size_t length)
   {
      const std::size_t start = input_offset(offset);
      audit_.fields.push_back({ std::string(tag), kind, applied, start, input_offset(offset + length) - start });
      return audit_.fields.size() - 1;
   }

   void extend(std::size_t index, std::size_t new_end)
   {
      redacted_field& f = audit_.fields[index];
      f.length = input_offset(new_end) - f.offset;
   }

private:
   [[nodiscard]] std::size_t input_offset(std::size_t at) const
   {
      return positions_ == nullptr ? at : positions_->to_input(at);
   }

   sink_ref sink_;
   audit_record& audit_;
   const position_map* positions_ = nullptr;
};

}  // namespace veil
