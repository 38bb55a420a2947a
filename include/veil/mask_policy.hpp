#pragma once
// Two ways to say which categories to remove, with one interface, so every reader takes
// either: static_mask<M> fixes the set at compile time (lookup tables are built by the
// compiler and fields outside M cost nothing), runtime_mask reads it from configuration.

#include <veil/category_mask.hpp>

#include <concepts>

namespace veil {

template <category_mask Mask>
struct static_mask
{
   static constexpr bool is_static = true;
   static constexpr category_mask value = Mask;

   [[nodiscard]] static constexpr category_mask mask() noexcept { return Mask; }
   [[nodiscard]] static constexpr bool covers(category c) noexcept { return Mask.contains(c); }
};

struct runtime_mask
{
   static constexpr bool is_static = false;
   category_mask value = default_mask;

   [[nodiscard]] constexpr category_mask mask() const noexcept { return value; }
   [[nodiscard]] constexpr bool covers(category c) const noexcept { return value.contains(c); }
};

template <typename T>
concept mask_policy = requires(const T& policy, category c) {
   { T::is_static } -> std::convertible_to<bool>;
   { policy.mask() } -> std::same_as<category_mask>;
   { policy.covers(c) } -> std::same_as<bool>;
};

}  // namespace veil
