#pragma once
// Per format, what each tag means and which category it carries. The dictionaries are
// constexpr data, so tests, the CLI and compile-time masks all read the same table.

#include <veil/category.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace veil {

// Decides from the value whether a field of a value-dependent tag is sensitive, e.g. an
// NCIC miscellaneous number is immigration data only when it is an alien number.
using value_classifier = bool (*)(std::string_view value) noexcept;

struct field_entry
{
   std::string_view tag;
   std::string_view name;
   std::optional<category> sensitivity;  // nullopt: never removed by a mask
   std::string_view description;
   value_classifier sensitive_when = nullptr;  // nullptr: sensitive whatever the value
   std::string_view condition = {};            // says in words when sensitive_when holds

   [[nodiscard]] constexpr bool sensitive_for(std::string_view value) const noexcept
   {
      return sensitivity.has_value() && (sensitive_when == nullptr || sensitive_when(value));
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
