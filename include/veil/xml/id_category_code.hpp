#pragma once
// The category code of an identification (ebts:PersonIDCategoryCode and its kin), read
// a piece of decoded text at a time, and what it makes the identification: the code is
// an NCIC miscellaneous-number type (ncic_mnu.hpp), so AR, AN, PP and FN make it
// immigration data, CI a social insurance number, and a code veil cannot place ("A R",
// "XX", a word) counts as the strictest reading, immigration. Whitespace around the code
// does not count. An identification with no code at all, or only empty ones, holds a
// number of a type that cannot be told: it is read as an unknown type, immigration. Memory
// stays a few bytes however long the text, and the stream and DOM redactors decide alike.

#include <veil/category_mask.hpp>
#include <veil/ncic_mnu.hpp>
#include <veil/redaction_rules.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace veil::xml {

class id_category_code
{
public:
   // Adds decoded text of the code element.
   void append(std::string_view decoded)
   {
      for (const char c : decoded) {
         if (code_.empty() && static_cast<unsigned char>(c) <= ' ') {
            continue;  // leading whitespace
         }
         if (code_.size() < type_length) {
            code_ += c;
         }
      }
   }

   // Whether the code holds nothing but whitespace.
   [[nodiscard]] bool empty() const noexcept { return code_.empty(); }

   // The categories the code gives (empty for an empty code).
   [[nodiscard]] category_mask categories() const noexcept
   {
      const std::optional<category> kind = mnu_category(code_);
      return kind ? category_mask{ *kind } : category_mask{};
   }

private:
   static constexpr std::size_t type_length = 2;  // all that decides the category
   std::string code_;                             // the first characters after leading whitespace
};

// Whether an identification may be removed, before its codes are read.
[[nodiscard]] inline bool identification_may_be_removed(const redaction_rules& rules) noexcept
{
   return rules.mask().intersects(every_mnu_category());
}

// What an identification's codes give once all are read: `carried`, or an unknown type's
// category when none of them held anything (`coded` false).
[[nodiscard]] inline category_mask identification_categories(category_mask carried, bool coded) noexcept
{
   return coded ? carried : category_mask{ unknown_mnu_category };
}

// The removal of a field (override tag `tag`: an identification, a record) that carries
// `carried`: the mask removes it when it covers one of them.
[[nodiscard]] inline std::optional<field_removal> removal_by_categories(const redaction_rules& rules,
                                                                        std::string_view tag, category_mask carried)
{
   const std::optional<category> kind = (carried & rules.mask()).first();
   if (!kind) {
      return std::nullopt;
   }
   const field_verdict removed = rules.verdict(tag, kind);
   return removed ? std::optional<field_removal>(field_removal{ *kind, *removed }) : std::nullopt;
}

// How an identification is removed when its codes cannot be waited for (it grew past
// what may be held, or it lies inside one already held): as the strictest reading of
// its codes, the first category the mask covers that a code could give.
[[nodiscard]] inline field_removal undecided_identification(const redaction_rules& rules, std::string_view tag)
{
   const category kind = (rules.mask() & every_mnu_category()).first().value_or(unknown_mnu_category);
   return { kind, rules.verdict(tag, kind).value_or(action::drop) };
}

}  // namespace veil::xml
