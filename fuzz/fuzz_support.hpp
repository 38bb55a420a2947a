#pragma once
// What every fuzz target needs: a way to report a violated property that libFuzzer (and
// the replay test) notices, a source that hands a message out in chunks of sizes the
// input chooses, so that every split point of the stream readers is reached by mutation,
// and, for the redactor targets, the first layout byte and the checks that hold for any
// redactor and any input.

#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
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

// Byte 0 of every redactor target: bits 0-6 the mask, bit i = veil::all_categories[i].
[[nodiscard]] inline veil::category_mask mask_of(std::uint8_t byte) noexcept
{
   veil::category_mask mask;
   for (std::size_t i = 0; i < veil::all_categories.size(); ++i) {
      if ((byte >> i) & 1U) {
         mask = mask | veil::category_mask{ veil::all_categories[i] };
      }
   }
   return mask;
}

// ... and bit 7 the action.
[[nodiscard]] inline veil::action action_of(std::uint8_t byte) noexcept
{
   return (byte & 0x80U) != 0 ? veil::action::mask : veil::action::drop;
}

struct redaction
{
   veil::audit_record audit;
   std::string output;  // empty when rejected
};

// Redacts `message` through both entry points: redact() into a string that already holds
// an earlier output, and redact_stream() in chunks chosen by `chunking` (bits 2-4: the
// largest chunk, 4^n bytes; bits 5-7: the seed of the sizes). Checks what every redactor
// promises for any input: the same audit line both ways; a rejected message appends
// nothing to the string and its audit names the error; an accepted one keeps what the
// string held, writes the same bytes both ways, and audits fields that lie inside it.
template <typename Redactor>
[[nodiscard]] redaction redact_both_ways(const Redactor& r, std::string_view message, std::uint8_t chunking)
{
   static constexpr std::string_view earlier_output = "output of an earlier message\n";
   std::string out(earlier_output);
   const veil::audit_record audit = r.redact(message, out, "fuzz");

   std::string streamed;
   const auto append_streamed = [&streamed](std::string_view bytes) { streamed += bytes; };
   const veil::audit_record streamed_audit =
      r.redact_stream(chunked_source(message, (chunking >> 2) & 7U, chunking >> 5U), append_streamed, "fuzz");
   require(to_json_line(streamed_audit) == to_json_line(audit), "redact_stream audit equals redact audit");

   if (audit.rejected()) {
      require(out == earlier_output, "a rejected message appends nothing to the output");
      require(audit.error.has_value(), "a rejected message's audit names its error");
      return { audit, {} };
   }
   require(!audit.error.has_value(), "an accepted message's audit has no error");
   require(out.starts_with(earlier_output), "redact keeps what the output string held");
   std::string output = out.substr(earlier_output.size());
   require(streamed == output, "redact_stream output equals redact output");
   for (const veil::redacted_field& f : audit.fields) {
      require(f.offset <= message.size() && f.length <= message.size() - f.offset,
              "every audited field lies inside the message");
   }
   return { audit, std::move(output) };
}

}  // namespace veil_fuzz
