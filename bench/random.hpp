#pragma once
// The random numbers behind every corpus: splitmix64 from a fixed seed, so that the same
// seed gives the same bytes with any compiler and standard library (the standard's
// distributions do not promise that).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace veil_bench {

// One step of splitmix64: a well-mixed 64-bit value for any input, so a run of generated
// bytes can be computed from its position alone (see message_plan.hpp).
[[nodiscard]] constexpr std::uint64_t mix(std::uint64_t x) noexcept
{
   x += 0x9e3779b97f4a7c15ULL;
   x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
   x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
   return x ^ (x >> 31);
}

class random_source
{
public:
   explicit random_source(std::uint64_t seed) noexcept : state_(seed) {}

   [[nodiscard]] std::uint64_t next() noexcept { return mix(state_++); }
   [[nodiscard]] std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(next() % n); }
   [[nodiscard]] std::size_t between(std::size_t low, std::size_t high) noexcept { return low + below(high - low + 1); }
   [[nodiscard]] bool chance(std::size_t one_in) noexcept { return below(one_in) == 0; }

   template <typename Choices>
   [[nodiscard]] const auto& pick(const Choices& choices) noexcept
   {
      return choices[below(std::size(choices))];
   }

   // `n` characters drawn from `alphabet`.
   [[nodiscard]] std::string text(std::size_t n, std::string_view alphabet)
   {
      std::string s(n, ' ');
      for (char& c : s) {
         c = alphabet[below(alphabet.size())];
      }
      return s;
   }
   [[nodiscard]] std::string digits(std::size_t n) { return text(n, "0123456789"); }
   [[nodiscard]] std::string letters(std::size_t n) { return text(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"); }

private:
   std::uint64_t state_;
};

}  // namespace veil_bench
