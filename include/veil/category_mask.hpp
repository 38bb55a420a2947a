#pragma once
// A set of categories. It is a structural type, so a mask can be a template argument
// (see static_mask) as well as a value chosen at run time (see runtime_mask).

#include <veil/category.hpp>
#include <veil/detail/names.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace veil {

struct category_mask
{
   // Public so that the type stays structural (usable as a non-type template argument).
   std::uint8_t bits = 0;

   constexpr category_mask() noexcept = default;
   constexpr category_mask(std::initializer_list<category> categories) noexcept
   {
      for (const category c : categories) {
         bits = static_cast<std::uint8_t>(bits | bit(c));
      }
   }

   [[nodiscard]] static constexpr category_mask none() noexcept { return {}; }
   [[nodiscard]] static constexpr category_mask all() noexcept
   {
      category_mask m;
      for (const category c : all_categories) {
         m.bits = static_cast<std::uint8_t>(m.bits | bit(c));
      }
      return m;
   }

   [[nodiscard]] constexpr bool contains(category c) const noexcept { return (bits & bit(c)) != 0; }
   [[nodiscard]] constexpr bool empty() const noexcept { return bits == 0; }
   [[nodiscard]] constexpr bool intersects(category_mask other) const noexcept { return !(*this & other).empty(); }

   [[nodiscard]] friend constexpr category_mask operator|(category_mask a, category_mask b) noexcept
   {
      category_mask m;
      m.bits = static_cast<std::uint8_t>(a.bits | b.bits);
      return m;
   }
   [[nodiscard]] friend constexpr category_mask operator&(category_mask a, category_mask b) noexcept
   {
      category_mask m;
      m.bits = static_cast<std::uint8_t>(a.bits & b.bits);
      return m;
   }
   [[nodiscard]] friend constexpr bool operator==(category_mask, category_mask) noexcept = default;

   // The first category of the mask in canonical order, if any.
   [[nodiscard]] constexpr std::optional<category> first() const noexcept
   {
      for (const category c : all_categories) {
         if (contains(c)) {
            return c;
         }
      }
      return std::nullopt;
   }

   // Comma-separated category names in canonical order; "none" for the empty mask.
   [[nodiscard]] std::string to_string() const
   {
      std::string out;
      for (const category c : all_categories) {
         if (contains(c)) {
            if (!out.empty()) {
               out += ',';
            }
            out += name_of(c);
         }
      }
      return out.empty() ? std::string("none") : out;
   }

private:
   [[nodiscard]] static constexpr std::uint8_t bit(category c) noexcept
   {
      return static_cast<std::uint8_t>(1U << static_cast<unsigned>(c));
   }
};

// The mask used when nobody chose one.
inline constexpr category_mask default_mask{ category::address, category::photo, category::immigration };

// Thrown for a mask, action or option that cannot be understood; the message names it.
class policy_error : public std::invalid_argument
{
public:
   using std::invalid_argument::invalid_argument;
};

// Parses "address,photo,immigration", "all" or "none". Spaces around names are ignored;
// an empty name or an unknown one is an error naming it.
[[nodiscard]] inline category_mask parse_mask(std::string_view text)
{
   const auto trim = [](std::string_view s) {
      while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
         s.remove_prefix(1);
      }
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
         s.remove_suffix(1);
      }
      return s;
   };
   const std::string_view whole = trim(text);
   if (whole == "all") {
      return category_mask::all();
   }
   if (whole == "none") {
      return category_mask::none();
   }
   category_mask mask;
   std::size_t start = 0;
   while (true) {
      const std::size_t comma = whole.find(',', start);
      const std::string_view name = trim(whole.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      const auto c = category_from_name(name);
      if (!c) {
         throw policy_error(name.empty() ? std::string("empty category name in mask")
                                         : detail::unknown_name("category", name, category_names));
      }
      mask = mask | category_mask{ *c };
      if (comma == std::string_view::npos) {
         return mask;
      }
      start = comma + 1;
   }
}

}  // namespace veil
