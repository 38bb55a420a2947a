#pragma once
// What every fuzz target needs: a way to report a violated property that libFuzzer (and
// the replay test) notices, and a source that hands a message out in chunks of sizes the
// input chooses, so that every split point of the stream readers is reached by mutation.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace veil_fuzz {

// A violated property must crash, so that libFuzzer (or the replay test) reports the input.
inline void require(bool holds, const char* property)
{
   if (!holds) {
      std::fprintf(stderr, "property violated: %s\n", property);
      std::abort();
   }
}

// Hands out `message` in chunks of pseudo-random sizes between 1 and 4^size_exponent
// bytes, the sequence fixed by `seed`.
class chunked_source
{
public:
   chunked_source(std::string_view message, unsigned size_exponent, unsigned seed) noexcept
      : rest_(message),
        largest_(std::size_t{ 1 } << (2 * size_exponent)),
        state_(0x9E3779B9U ^ seed)  // xorshift needs a state that is not 0
   {}

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      state_ ^= state_ << 13;  // xorshift32
      state_ ^= state_ >> 17;
      state_ ^= state_ << 5;
      const std::size_t n = std::min({ 1 + state_ % largest_, capacity, rest_.size() });
      std::copy_n(rest_.data(), n, buffer);
      rest_.remove_prefix(n);
      return n;
   }

private:
   std::string_view rest_;
   std::size_t largest_;
   std::uint32_t state_;
};

}  // namespace veil_fuzz
