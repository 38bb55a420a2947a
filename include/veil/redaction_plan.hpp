#pragma once
// The subset of a table (dictionary entries, free-text labels) whose category a mask
// covers. Built by a constexpr function: for a static_mask the plan is a compile-time
// constant, so entries of categories outside the mask are not even in the binary's
// lookup; for a runtime_mask the same function runs once per redactor. Per-field
// overrides, set at run time, make a run-time plan: an entry overridden to mask or drop
// is in it whatever the mask says, one overridden to keep is not.

#include <veil/category_mask.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/redaction_rules.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <type_traits>

namespace veil {

template <typename Entry, std::size_t Capacity>
class redaction_plan
{
public:
   constexpr redaction_plan() noexcept = default;

   constexpr redaction_plan(std::span<const Entry> table, category_mask mask) noexcept
      : redaction_plan(table, [mask](const Entry& e) { return mask.intersects(categories_of(e)); })
   {}

   redaction_plan(std::span<const Entry> table, const redaction_rules& rules) noexcept
      : redaction_plan(table, [&rules](const Entry& e) {
           if constexpr (std::is_same_v<Entry, field_entry>) {
              return rules.may_remove(e);
           }
           else {
              return rules.verdict(e.tag, e.sensitivity).has_value();
           }
        })
   {}

   // The planned entry for `tag`, or nullptr when the tag is not redacted under this mask.
   [[nodiscard]] constexpr const Entry* find(std::string_view tag) const noexcept
   {
      for (std::size_t i = 0; i < count_; ++i) {
         if (targets_[i]->tag == tag) {
            return targets_[i];
         }
      }
      return nullptr;
   }

   [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
   [[nodiscard]] constexpr bool empty() const noexcept { return count_ == 0; }
   [[nodiscard]] constexpr auto begin() const noexcept { return targets_.begin(); }
   [[nodiscard]] constexpr auto end() const noexcept { return targets_.begin() + static_cast<std::ptrdiff_t>(count_); }

private:
   // Every category an entry may carry: a value-dependent dictionary field may carry
   // several.
   [[nodiscard]] static constexpr category_mask categories_of(const Entry& e) noexcept
   {
      if constexpr (std::is_same_v<Entry, field_entry>) {
         return e.categories();
      }
      else {
         return category_mask{ *e.sensitivity };
      }
   }

   // The entries with a category that `selects`.
   template <typename Selects>
   constexpr redaction_plan(std::span<const Entry> table, Selects selects) noexcept
   {
      for (const Entry& e : table) {
         if (e.sensitivity && selects(e) && count_ < Capacity) {
            targets_[count_++] = &e;
         }
      }
   }

   std::array<const Entry*, Capacity> targets_{};
   std::size_t count_ = 0;
};

}  // namespace veil
