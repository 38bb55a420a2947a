#pragma once
// Per-field exceptions to the mask, set at run time (a policy's "fields"): one field kept
// although the mask covers its category, or removed with its own action although the mask
// does not. A field is named by the tag the audit record gives it in its format: "POB" in
// Nlets text, "nc:PersonBirthLocation" in XML, "DDA" in AAMVA, "2.020" in ANSI/NIST.
//
// An override names the field, not a value: a value-dependent field (an NCIC MNU) that is
// overridden to mask or drop is removed whatever its value, and one kept is kept.
// The compile-time mask path never sets any, and an empty set costs one test per field.

#include <veil/action.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil {

// What an override says of one field, in order of strictness.
enum class field_rule : std::uint8_t { keep, mask, drop };

[[nodiscard]] constexpr std::string_view name_of(field_rule r) noexcept
{
   switch (r) {
      case field_rule::keep: return "keep";
      case field_rule::mask: return "mask";
      case field_rule::drop: return "drop";
   }
   return "unknown";
}

// What a redactor does with one field: nullopt keeps it, else the action that removes it.
using field_verdict = std::optional<action>;

class field_overrides
{
public:
   // Sets `tag`'s rule; a tag set twice keeps the stricter rule.
   void set(std::string_view tag, field_rule rule)
   {
      const auto it = std::find_if(rules_.begin(), rules_.end(), [tag](const auto& r) { return r.first == tag; });
      if (it == rules_.end()) {
         rules_.emplace_back(std::string(tag), rule);
      }
      else {
         it->second = std::max(it->second, rule);
      }
   }

   [[nodiscard]] std::optional<field_rule> find(std::string_view tag) const noexcept
   {
      for (const auto& [name, rule] : rules_) {
         if (name == tag) {
            return rule;
         }
      }
      return std::nullopt;
   }

   // The verdict for field `tag`, given whether the mask covers it and the redactor's
   // action.
   [[nodiscard]] field_verdict verdict(std::string_view tag, bool covered_by_mask, action applied) const noexcept
   {
      const std::optional<field_rule> rule = find(tag);
      if (!rule) {
         return covered_by_mask ? field_verdict(applied) : std::nullopt;
      }
      switch (*rule) {
         case field_rule::keep: return std::nullopt;
         case field_rule::mask: return action::mask;
         case field_rule::drop: return action::drop;
      }
      return applied;
   }

   [[nodiscard]] bool empty() const noexcept { return rules_.empty(); }
   [[nodiscard]] auto begin() const noexcept { return rules_.begin(); }
   [[nodiscard]] auto end() const noexcept { return rules_.end(); }

private:
   std::vector<std::pair<std::string, field_rule>> rules_;
};

}  // namespace veil
