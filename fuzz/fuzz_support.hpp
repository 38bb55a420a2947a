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
#include <optional>
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

// The three bytes every redactor target's input starts with, and the message after them:
//   byte 0   bits 0-6: the mask, bit i = veil::all_categories[i]; bit 7: the action (1 = mask)
//   byte 1   bits 2-4 and 5-7: the chunking redact_both_ways uses; bits 0-1 are the
//            target's own
//   byte 2   bit 7 set: limits small enough for fuzz inputs to cross, chosen by bits 0-6
struct layout
{
   veil::category_mask mask;
   veil::action action = veil::action::drop;
   std::uint8_t chunking = 0;
   std::optional<std::uint8_t> tight_limits;
   std::string_view message;
};

[[nodiscard]] inline std::optional<layout> read_layout(const std::uint8_t* data, std::size_t size)
{
   constexpr std::size_t layout_bytes = 3;
   if (size < layout_bytes) {
      return std::nullopt;
   }
   layout l;
   for (std::size_t i = 0; i < veil::all_categories.size(); ++i) {
      if ((data[0] >> i) & 1U) {
         l.mask = l.mask | veil::category_mask{ veil::all_categories[i] };
      }
   }
   l.action = (data[0] & 0x80U) != 0 ? veil::action::mask : veil::action::drop;
   l.chunking = data[1];
   if ((data[2] & 0x80U) != 0) {
      l.tight_limits = static_cast<std::uint8_t>(data[2] & 0x7FU);
   }
   l.message = std::string_view(reinterpret_cast<const char*>(data + layout_bytes), size - layout_bytes);
   return l;
}

struct redaction
{
   veil::audit_record audit;
   std::string output;    // empty when rejected
   std::string streamed;  // what redact_stream() wrote, also for a rejected message
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
      return { audit, {}, std::move(streamed) };
   }
   require(!audit.error.has_value(), "an accepted message's audit has no error");
   require(out.starts_with(earlier_output), "redact keeps what the output string held");
   std::string output = out.substr(earlier_output.size());
   require(streamed == output, "redact_stream output equals redact output");
   for (const veil::redacted_field& f : audit.fields) {
      require(f.offset <= message.size() && f.length <= message.size() - f.offset,
              "every audited field lies inside the message");
   }
   return { audit, std::move(output), std::move(streamed) };
}

// The output of an accepted message is accepted by `r` again and comes back unchanged:
// redacting twice equals redacting once.
template <typename Redactor>
void require_idempotent(const Redactor& r, const std::string& output)
{
   std::string again;
   const veil::audit_record second = r.redact(output, again, "fuzz");
   require(!second.rejected(), "the output of an accepted message is accepted again");
   require(again == output, "redacting twice equals redacting once");
}

}  // namespace veil_fuzz
