#pragma once
// Per format, what each tag means and which category it carries. The dictionaries are
// constexpr data, so tests, the CLI and compile-time masks all read the same table.

#include <veil/category.hpp>
#include <veil/category_mask.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace veil {

// The categories a field of a value-dependent tag carries, read from its value: an NCIC
// miscellaneous number "AR-..." is immigration data, "CI-..." a social insurance number,
// "VA-..." neither (an empty mask); a field that repeats may hold several.
using value_classifier = category_mask (*)(std::string_view value) noexcept;

struct field_entry
{
   std::string_view tag;
   std::string_view name;
   // nullopt: never removed by a mask. For a value-dependent field, the category it is
   // listed under.
   std::optional<category> sensitivity;
   std::string_view description;
   value_classifier categories_of = nullptr;  // nullptr: `sensitivity` whatever the value
   std::string_view condition = {};           // says in words what categories_of reads
   category_mask value_categories = {};       // every category categories_of may give

   // Every category a value of this field may carry.
   [[nodiscard]] constexpr category_mask categories() const noexcept
   {
      return sensitivity ? value_categories | category_mask{ *sensitivity } : category_mask{};
   }

   // The categories this value of the field carries.
   [[nodiscard]] constexpr category_mask categories_for(std::string_view value) const noexcept
   {
      if (!sensitivity) {
         return {};
      }
      return categories_of == nullptr ? category_mask{ *sensitivity } : categories_of(value);
   }

   [[nodiscard]] constexpr bool sensitive_for(std::string_view value) const noexcept
   {
      return !categories_for(value).empty();
   }
};

template <std::size_t N>
struct field_dictionary
{
   std::string_view format;
   std::array<field_entry, N> entries;

   [[nodiscard]] constexpr const field_entry* find(std::string_view tag) const noexcept
   {
      for (const field_entry& e : entries) {
         if (e.tag == tag) {
            return &e;
         }
      }
      return nullptr;
   }
   [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
   [[nodiscard]] constexpr auto begin() const noexcept { return entries.begin(); }
   [[nodiscard]] constexpr auto end() const noexcept { return entries.end(); }
};

}  // namespace veil
