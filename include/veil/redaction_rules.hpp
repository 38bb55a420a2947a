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

   // A dictionary field with value `value`, and the category it is removed as: a
   // value-dependent one (an NCIC MNU) carries the categories its value gives, and the
   // mask removes it when it covers one of them; an override names the field, not a
   // value, so it removes the field whatever its value (as its value's category, or as
   // the field's own when the value gives none).
   [[nodiscard]] std::optional<field_removal> removal(const field_entry& entry, std::string_view value) const noexcept
   {
      if (!entry.sensitivity) {
         return std::nullopt;
      }
      const category_mask carried = entry.categories_for(value);
      const category_mask covered = carried & mask_;
      const field_verdict removed = overrides_->verdict(entry.tag, !covered.empty(), applied_);
      if (!removed) {
         return std::nullopt;
      }
      const std::optional<category> kind = covered.empty() ? carried.first() : covered.first();
      return field_removal{ kind.value_or(*entry.sensitivity), *removed };
   }

   // Some value of the dictionary field may be removed.
   [[nodiscard]] bool may_remove(const field_entry& entry) const noexcept
   {
      if (!entry.sensitivity) {
         return false;
      }
      return names(entry.tag) ? verdict(entry.tag, entry.sensitivity).has_value()
                              : mask_.intersects(entry.categories());
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
