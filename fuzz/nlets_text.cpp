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
//     the output;
//   - free text in the variants states print (tests/nlets_variant_generator.hpp, seeded
//     by the input) added to a free-text body: no marker of a masked category is visible
//     to a reader of the output (tests/nlets_reader_view.hpp);
//   - the policy dimension (policy_dimension.hpp): with a recipient spelling planted as
//     the destination of an input header or the recipient of a delivered one, and a
//     caller's recipient, under the preset the input picks, a message that an
//     immigration-enforcement agency would receive, as a lenient consumer reads its
//     destinations, is never released under immigration-withhold.
//
// Input layout, so that every mask, action, framing, limit and recipient is reached by
// mutation:
//   byte 0     bits 0-6: the mask, bit i = veil::all_categories[i]; bit 7: action (1 = mask)
//   byte 1     bits 0-1: what the rest is (see framings); bits 2-4: largest stream chunk,
//              4^n bytes; bits 5-7: seed of the chunk sizes
//   byte 2     bit 7 clear: default text_limits; set: limits small enough for fuzz inputs
//              to cross (see tight_limits)
//   rest       the message, or the body that the framing's header is put in front of,
//              then one last byte (when there are two or more): the recipients (see
//              plant_recipient): bits 0-3 the destination or recipient the framing names,
//              bits 4-5 the caller's recipient, bits 6-7 the preset

#include "fuzz_support.hpp"
#include "nlets_reader_view.hpp"
#include "nlets_variant_generator.hpp"
#include "policy_dimension.hpp"

#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/format.hpp>
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
#include <vector>

namespace {

using veil_fuzz::require;

using veil::category_mask;
using redactor = veil::nlets::text_redactor<veil::runtime_mask>;

// Headers put in front of the input, so that bodies are fuzzed without the fuzzer having
// to keep a header intact: none, a query (input form), a delivered free-text response,
// and a query with a control field and the CR LF DEL trailer. Each names its recipient
// between `before` and `after`.
struct framing
{
   std::string_view before;
   std::string_view recipient;
   std::string_view after;
};

constexpr std::array<framing, 4> framings{ {
   { "", "", "" },
   { "IAQ.ORTEST001.", "AX", ".TXT\n" },
   { "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ", "ORTEST001", "\nTXT\n" },
   { "KQ.ORTEST001.", "AZ", ".*SYN01.TXT\r\n\x7f" },
} };

// The recipient a framing names, as bits 0-3 of `choice` pick it (see
// veil_fuzz::planted_recipient), or the framing's own.
[[nodiscard]] std::string_view plant_recipient(const framing& f, std::uint8_t choice) noexcept
{
   return veil_fuzz::planted_recipient(choice).value_or(f.recipient);
}

// The destinations of `message` as a lenient consumer finds them: in an input header,
// what stands between the sender ORI and the next '.'; in a delivered one, what follows
// the send stamp's counter on its line.
[[nodiscard]] std::vector<std::string> destination_texts(std::string_view message)
{
   const std::string_view first_line = message.substr(0, message.find('\n'));
   const std::size_t key_dot = first_line.find('.');
   if (key_dot == std::string_view::npos) {
      return {};
   }
   const std::size_t ori_dot = first_line.find('.', key_dot + 1);
   if (ori_dot != std::string_view::npos) {
      const std::size_t end = first_line.find('.', ori_dot + 1);
      return { std::string(first_line.substr(ori_dot + 1, end == std::string_view::npos ? end : end - ori_dot - 1)) };
   }
   std::string_view rest = message.substr(std::min(message.size(), first_line.size() + 1));
   rest = rest.substr(std::min(rest.size(), rest.find('\n') + 1));  // past the receive stamp
   const std::string_view send_stamp = rest.substr(0, rest.find('\n'));
   constexpr std::size_t counter_end = 22;  // "hh:mm mm/dd/ccyy nnnnn"
   return { std::string(send_stamp.substr(std::min(send_stamp.size(), counter_end))) };
}

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
   std::uint8_t recipients = 0x0F;  // the framing's own recipient, no caller, withhold
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
   std::string_view rest = l->message;
   if (rest.size() >= 2) {
      c.recipients = static_cast<std::uint8_t>(rest.back());
      rest.remove_suffix(1);
   }
   const framing& f = framings[l->chunking & 3U];
   if (!f.before.empty()) {
      c.message.append(f.before).append(plant_recipient(f, c.recipients)).append(f.after);
   }
   c.message.append(rest);
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

// Free text in the variants states print, added to an accepted free-text body: no
// marker of a masked category is visible to a reader of the output.
void check_reader_view(const redactor& r, const fuzz_case& c, const veil::audit_record& audit)
{
   if (veil::nlets::body_kind_of(audit.message_key) != veil::nlets::body_kind::free_text ||
       c.message.find("QZ") != std::string::npos) {
      return;  // markers start with QZ: an input that holds it could hold one
   }
   std::uint32_t seed = 2166136261U;  // FNV-1a of the message: the same input, the same text
   for (const char byte : c.message) {
      seed = (seed ^ static_cast<unsigned char>(byte)) * 16777619U;
   }
   veil_test::nlets_variant_generator generate(seed);
   const veil_test::variant_message added = generate.body(false);
   const std::string message = c.message + (c.message.ends_with('\n') ? "" : "\n") + added.bytes;
   const redaction result = redact_checked(r, message, c.chunking);
   if (result.audit.rejected()) {
      return;  // a limit crossed: nothing was written
   }
   for (const veil_test::reader_marker& marker : added.markers) {
      if (marker.kind && c.mask.contains(*marker.kind)) {
         require(!veil_test::reader_view::shows(result.output, marker.text),
                 "no value of a masked category is visible to a reader of the output");
      }
   }
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
      check_reader_view(r, *c, result.audit);
   }
   veil_fuzz::require_presets_hold(veil::format::nlets_text, c->message, destination_texts(c->message),
                                   veil_fuzz::caller_recipients(c->recipients), static_cast<std::uint8_t>(c->recipients >> 6));
   return 0;
}
