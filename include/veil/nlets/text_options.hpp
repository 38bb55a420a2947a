#pragma once
// Everything a caller can set for Nlets text redaction besides the mask.

#include <veil/action.hpp>
#include <veil/field_overrides.hpp>
#include <veil/nlets/text_labels.hpp>

#include <cstddef>
#include <vector>

namespace veil::nlets {

// Working memory is bounded by these, not by the size of the message. A message that
// goes past one of them is rejected with the offset where it did.
struct text_limits
{
   std::size_t max_message_size = std::size_t{ 8 } << 20;
   std::size_t max_field_size = std::size_t{ 64 } << 10;  // one field's value, or a run of control characters
   std::size_t max_line_size = std::size_t{ 64 } << 10;   // one line of a free-text body
   std::size_t max_destinations = 5;  // destinations of an input header, as Nlets allows
};

struct text_options
{
   veil::action action = veil::action::drop;
   text_limits limits{};
   std::vector<custom_label> extra_labels{};  // added to builtin_labels
   veil::field_overrides overrides{};         // by field prefix ("POB") or label ("RES ADDR:")
};

}  // namespace veil::nlets
