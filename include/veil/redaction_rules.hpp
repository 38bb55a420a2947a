#pragma once
// What decides each dictionary field of a message, for every redactor alike: the mask
// by the field's category, the action it removes fields with, and the per-field
// overrides over both (see field_overrides.hpp). A field the dictionary gives no
// category is never removed, whatever an override says.
//
// It refers to the overrides of the options it was made from, so it lives no longer
// than they do: redactors make one per message.

#include <veil/action.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/field_overrides.hpp>

#include <algorithm>
#include <optional>
#include <string_view>

namespace veil {

// How a removed field is audited: its category, and the action it was removed with.
struct field_removal
{
   category kind;
   action applied;
};

class redaction_rules
{
public:
   redaction_rules(category_mask mask, action applied, const field_overrides& overrides) noexcept
      : mask_(mask), applied_(applied), overrides_(&overrides)
   {}

   [[nodiscard]] category_mask mask() const noexcept { return mask_; }

   // Field `tag` of dictionary category `kind`.
   [[nodiscard]] field_verdict verdict(std::string_view tag, std::optional<category> kind) const noexcept
   {
      if (!kind) {
         return std::nullopt;
      }
      return overrides_->verdict(tag, mask_.contains(*kind), applied_);
   }

   // A dictionary field with value `value`: a value-dependent one (an NCIC MNU) is
   // removed by the mask only when its value says so, by an override whatever it says.
   [[nodiscard]] field_verdict verdict(const field_entry& entry, std::string_view value) const noexcept
   {
      if (entry.sensitive_when != nullptr && !names(entry.tag) && !entry.sensitive_when(value)) {
         return std::nullopt;
      }
      return verdict(entry.tag, entry.sensitivity);
   }

   [[nodiscard]] bool has_overrides() const noexcept { return !overrides_->empty(); }

   // An override names field `tag`: its value has no say in the verdict.
   [[nodiscard]] bool names(std::string_view tag) const noexcept { return overrides_->find(tag).has_value(); }

   // Some field may be removed with `a`: the redactor's action, or an override's.
   [[nodiscard]] bool may_apply(action a) const noexcept
   {
      return applied_ == a || std::any_of(overrides_->begin(), overrides_->end(), [&](const auto& rule) {
                return overrides_->verdict(rule.first, false, applied_) == a;
             });
   }

private:
   category_mask mask_;
   action applied_;
   const field_overrides* overrides_;
};

}  // namespace veil
