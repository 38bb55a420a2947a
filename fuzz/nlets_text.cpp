// libFuzzer target for the Nlets/NCIC legacy text redactor. Beyond "does not crash",
// every input is held to the promises callers rely on:
//   - a rejected message leaves the output string as it was and its audit says why;
//   - an accepted output is itself a message the reader accepts, and redacting it again
//     with the same mask and action gives the same bytes (idempotence);
//   - redact_stream(), fed in chunks whose sizes the input chooses, writes the same bytes
//     and the same audit line as redact();
//   - "passed" means the output is the input, the mask action keeps every byte in its
//     column, and every audited field lies inside the input;
//   - a sentinel planted in every field and label of the masked categories never reaches
//     the output.
//
// Input layout, so that every mask, action, framing and limit is reached by mutation:
//   byte 0   bits 0-6: the mask, bit i = veil::all_categories[i]; bit 7: action (1 = mask)
//   byte 1   bits 0-1: what the rest is (see framings); bits 2-4: largest stream chunk,
//            4^n bytes; bits 5-7: seed of the chunk sizes
//   byte 2   bit 7 clear: default text_limits; set: limits small enough for fuzz inputs
//            to cross (see tight_limits)
//   rest     the message, or the body that the framing's header is put in front of

#include "fuzz_support.hpp"

#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/mask_policy.hpp>
#include <veil/nlets/message_kind.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_options.hpp>
#include <veil/nlets/text_redactor.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

using veil_fuzz::require;

using veil::category_mask;
using redactor = veil::nlets::text_redactor<veil::runtime_mask>;

// Headers put in front of the input, so that bodies are fuzzed without the fuzzer having
// to keep a header intact: none, a query (input form), a delivered free-text response,
// and a query with a control field and the CR LF DEL trailer.
constexpr std::array<std::string_view, 4> framings{
   "",
   "IAQ.ORTEST001.AX.TXT\n",
   "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n",
   "KQ.ORTEST001.AZ.*SYN01.TXT\r\n\x7f",
};

// Limits of a few bytes to a few hundred, so that every limit check, and the stream
// buffer sized from the limits, meets inputs on both sides of it.
[[nodiscard]] veil::nlets::text_limits tight_limits(std::uint8_t bits) noexcept
{
   veil::nlets::text_limits limits;
   limits.max_field_size = std::size_t{ 4 } << (bits & 3U);             // 4 to 32
   limits.max_line_size = std::size_t{ 8 } << ((bits >> 2) & 3U);       // 8 to 64
   limits.max_destinations = std::size_t{ 1 } + ((bits >> 4) & 1U);    // 1 or 2
   limits.max_message_size = std::size_t{ 64 } << ((bits >> 5) & 3U);  // 64 to 512
   return limits;
}

struct fuzz_case
{
   category_mask mask;
   veil::nlets::text_options options;
   std::uint8_t chunking = 0;
   std::string message;
};

[[nodiscard]] std::optional<fuzz_case> decode(const std::uint8_t* data, std::size_t size)
{
   const std::optional<veil_fuzz::layout> l = veil_fuzz::read_layout(data, size);
   if (!l) {
      return std::nullopt;
   }
   fuzz_case c;
   c.mask = l->mask;
   c.options.action = l->action;
   c.chunking = l->chunking;
   if (l->tight_limits) {
      c.options.limits = tight_limits(*l->tight_limits);
   }
   c.message = framings[l->chunking & 3U];
   c.message.append(l->message);
   return c;
}

using veil_fuzz::redaction;

// Redacts `message` through both entry points and checks every property that holds for
// any input.
redaction redact_checked(const redactor& r, const std::string& message, std::uint8_t chunking)
{
   redaction result = veil_fuzz::redact_both_ways(r, message, chunking);
   if (result.audit.rejected()) {
      return result;
   }
   const veil::audit_record& audit = result.audit;
   const std::string& output = result.output;
   require(audit.result != veil::outcome::passed || output == message, "a passed message is output unchanged");
   require(r.options().action != veil::action::mask || output.size() == message.size(),
           "the mask action keeps the message's length");

   veil_fuzz::require_idempotent(r, output);
   return result;
}

// Planted values contain this byte; inputs that already hold it skip the sentinel check,
// so any '~' in the output is a planted value that survived.
constexpr char sentinel_byte = '~';
constexpr std::string_view sentinel = "~SENTINELQZX~";

[[nodiscard]] bool masked(category_mask mask, const std::optional<veil::category>& sensitivity) noexcept
{
   return sensitivity.has_value() && mask.contains(*sensitivity);
}

// A value that `entry` treats as sensitive and that contains the sentinel.
[[nodiscard]] std::string planted_value(const veil::field_entry& entry)
{
   std::string value(sentinel);
   if (!entry.sensitive_for(value)) {
      value.insert(0, "AR-");  // MNU, the value-dependent tag: an alien registration number
   }
   require(entry.sensitive_for(value), "the planted value is sensitive for its tag");
   return value;
}

// `message` (a query) with one more field per masked dictionary entry.
[[nodiscard]] std::string with_planted_fields(const std::string& message, category_mask mask)
{
   std::string fields;
   for (const veil::field_entry& entry : veil::nlets::text_dictionary) {
      if (masked(mask, entry.sensitivity)) {
         fields.append(".").append(entry.tag).append("/").append(planted_value(entry));
      }
   }
   if (fields.empty()) {
      return {};
   }
   // A '.' already ending the list (perhaps followed by control characters) separates
   // the first planted field; a second one would make an empty field.
   const auto last = std::find_if_not(message.rbegin(), message.rend(), veil::detail::is_control);
   const bool separated = last != message.rend() && *last == '.';
   return message + (separated ? fields.substr(1) : fields);
}

// `message` (free text) with one more line per masked label and per masked dictionary
// entry, each at the start of its line so that none continues an earlier address.
[[nodiscard]] std::string with_planted_lines(const std::string& message, category_mask mask)
{
   std::string lines;
   for (const veil::nlets::label_rule& label : veil::nlets::builtin_labels) {
      if (masked(mask, label.sensitivity)) {
         lines.append(label.tag).append(" ").append(sentinel).append("\n");
      }
   }
   for (const veil::field_entry& entry : veil::nlets::text_dictionary) {
      if (masked(mask, entry.sensitivity)) {
         lines.append(entry.tag).append("/").append(planted_value(entry)).append("\n");
      }
   }
   if (lines.empty()) {
      return {};
   }
   return message + (message.ends_with('\n') ? lines : "\n" + lines);
}

// Plants sentinels in the masked fields of an accepted message and checks that none
// survives (and, since it is just another message, every other property too).
void check_sentinels(const redactor& r, const fuzz_case& c, const veil::audit_record& audit)
{
   if (c.message.find(sentinel_byte) != std::string::npos) {
      return;
   }
   const bool query = veil::nlets::body_kind_of(audit.message_key) == veil::nlets::body_kind::fields;
   const std::string planted =
      query ? with_planted_fields(c.message, c.mask) : with_planted_lines(c.message, c.mask);
   if (planted.empty()) {
      return;  // no dictionary entry or label in the masked categories
   }
   const redaction result = redact_checked(r, planted, c.chunking);
   require(result.output.find(sentinel_byte) == std::string::npos, "no sentinel planted in a masked field survives");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
   const std::optional<fuzz_case> c = decode(data, size);
   if (!c) {
      return 0;
   }
   const redactor r{ veil::runtime_mask{ c->mask }, c->options };
   const redaction result = redact_checked(r, c->message, c->chunking);
   if (!result.audit.rejected()) {
      check_sentinels(r, *c, result.audit);
   }
   return 0;
}
