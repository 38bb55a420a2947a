// libFuzzer target for the ANSI/NIST-ITL redactor. Beyond "does not crash", every input
// is held to the promises callers rely on:
//   - redact_stream(), fed in chunks whose sizes the input chooses, writes the same bytes
//     and the same audit line as redact(); a rejected transaction leaves the output
//     string as it was and its audit says why;
//   - an accepted transaction and its output are framed as the standard says, read
//     without the redactor: each record as long as its length says, 1.003 CNT listing
//     each of them; redacting the output again gives the same bytes (idempotence), and
//     under no mask it passes unchanged;
//   - "passed" means the output is the input;
//   - a Type-2 field of every masked dictionary entry, each holding a sentinel and put at
//     the end of the transaction's first Type-2 record (after any field that could hide
//     it, a 2.999 among them) in place of any field of its number, never reaches the
//     output;
//   - the policy dimension (policy_dimension.hpp): with a recipient spelling planted in
//     1.007 DAI and a caller's recipient chosen by the input, a transaction that an
//     immigration-enforcement agency would receive, as a consumer that cuts Type-1 at GS
//     reads its DAI, is never released under immigration-withhold, and loses what
//     immigration-minimize removes for such an agency.
//
// Input layout, so that every mask, action, limit and recipient is reached by mutation:
//   byte 0   bits 0-6: the mask, bit i = veil::all_categories[i]; bit 7: action (1 = mask)
//   byte 1   bits 2-4: largest stream chunk, 4^n bytes; bits 5-7: seed of the chunk sizes
//   byte 2   bit 7 clear: the default limits; set: limits small enough for fuzz inputs to
//            cross (see tight_limits)
//   byte 3   the recipients (see plant_recipient): bits 0-3 the 1.007 DAI written into
//            Type-1, bits 4-5 the caller's recipient, bit 6 a second DAI beside the first,
//            bit 7 the preset (immigration-withhold or immigration-minimize)
//   rest     the transaction

#include "ansi_nist_framing_support.hpp"
#include "ansi_nist_reader_view.hpp"
#include "ansi_nist_transaction_builder.hpp"
#include "fuzz_support.hpp"
#include "policy_dimension.hpp"

#include <veil/action.hpp>
#include <veil/ansi_nist/ansi_nist_redactor.hpp>
#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/ansi_nist/tagged_record.hpp>
#include <veil/ansi_nist/transaction_redactor.hpp>
#include <veil/audit.hpp>
#include <veil/category_mask.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/format.hpp>
#include <veil/mask_policy.hpp>
#include <veil/rejection.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace ansi_nist = veil::ansi_nist;

using veil::category_mask;
using veil_fuzz::redaction;
using veil_fuzz::require;
using redactor = ansi_nist::ansi_nist_redactor<veil::runtime_mask>;

struct fuzz_case
{
   category_mask mask;
   ansi_nist::ansi_nist_options options;
   std::uint8_t chunking = 0;
   std::string transaction;                 // with the recipient planted
   std::vector<std::string> callers;        // recipients the caller adds
   std::uint8_t preset = 0;                 // the preset of the policy dimension
};

// Limits that fuzz inputs cross: images passed in pieces of 1 to 8 bytes, 0 to 7 records
// after Type-1, Type-2 records of at most 64 or 256 bytes.
[[nodiscard]] ansi_nist::ansi_nist_limits tight_limits(std::uint8_t bits) noexcept
{
   ansi_nist::ansi_nist_limits limits;
   limits.chunk_size = std::size_t{ 1 } + (bits & 7U);
   limits.max_records = (bits >> 3) & 7U;
   limits.max_text_record = (bits & 0x40U) != 0 ? 256 : 64;
   return limits;
}

// `transaction` with the 1.007 DAI `choice` picks (bits 0-3, see
// veil_fuzz::planted_recipient; else the transaction's own) in place of its own, or
// beside it (bit 6), with Type-1's LEN written again; as it was when its Type-1 is not
// framed by its LEN.
[[nodiscard]] std::string plant_recipient(std::string_view transaction, std::uint8_t choice)
{
   const std::optional<std::string_view> planted_dai = veil_fuzz::planted_recipient(choice);
   if (!planted_dai) {
      return std::string(transaction);
   }
   const std::string dai(*planted_dai);
   const std::optional<std::string> planted =
      (choice & 0x40U) != 0
         ? veil_test::build::with_type1_fields(transaction,
                                               [&dai](std::vector<std::string>& fields) { fields.push_back("1.007:" + dai); })
         : veil_test::build::with_type1_values(transaction, { { "7", dai } });
   return planted.value_or(std::string(transaction));
}

[[nodiscard]] std::optional<fuzz_case> decode(const std::uint8_t* data, std::size_t size)
{
   const std::optional<veil_fuzz::layout> l = veil_fuzz::read_layout(data, size);
   if (!l || l->message.empty()) {
      return std::nullopt;
   }
   fuzz_case c;
   c.mask = l->mask;
   c.options.action = l->action;
   c.chunking = l->chunking;
   if (l->tight_limits) {
      c.options.limits = tight_limits(*l->tight_limits);
   }
   const auto recipients = static_cast<std::uint8_t>(l->message.front());
   c.transaction = plant_recipient(l->message.substr(1), recipients);
   c.callers = veil_fuzz::caller_recipients(recipients);
   c.preset = static_cast<std::uint8_t>(recipients >> 7);
   return c;
}

// The records of `bytes`, which must be framed as the standard says (`property`).
[[nodiscard]] std::vector<veil_test::framed_record> frame_of(std::string_view bytes, const char* property)
{
   try {
      return veil_test::read_frame(bytes);
   }
   catch (const std::runtime_error&) {
      require(false, property);
   }
   return {};
}

// The output of an accepted transaction is framed as the standard says, and is its own
// redaction under the same mask and under none.
void check_output(const fuzz_case& c, const std::string& output)
{
   (void)frame_of(output, "the output's lengths and 1.003 CNT frame it");
   veil_fuzz::require_idempotent(redactor{ veil::runtime_mask{ c.mask }, c.options }, output);

   std::string unmasked;
   const veil::audit_record none =
      redactor{ veil::runtime_mask{ category_mask::none() }, c.options }.redact(output, unmasked, "fuzz");
   require(none.result == veil::outcome::passed, "the output passes under no mask");
   require(unmasked == output, "the output comes out unchanged under no mask");
}

// Redacts the transaction through both entry points and checks every property that holds
// for any input.
redaction redact_checked(const fuzz_case& c)
{
   const redactor r{ veil::runtime_mask{ c.mask }, c.options };
   redaction result = veil_fuzz::redact_both_ways(r, c.transaction, c.chunking);
   if (result.audit.rejected()) {
      return result;
   }
   require(result.audit.result != veil::outcome::passed || result.output == c.transaction,
           "a passed transaction is output unchanged");
   (void)frame_of(c.transaction, "an accepted transaction is framed as the standard says");
   check_output(c, result.output);
   return result;
}

// Planted values contain this byte; inputs that already hold it skip the sentinel check,
// so any '~' in the output is a planted value that survived.
constexpr char sentinel_byte = '~';
constexpr std::string_view sentinel = "~S~";

// A field of every Type-2 dictionary entry the mask covers, each holding the sentinel (a
// miscellaneous number as an alien registration number, "AR-~S~").
[[nodiscard]] std::vector<std::string> sentinel_fields(category_mask mask)
{
   std::vector<std::string> fields;
   for (const veil::field_entry& entry : ansi_nist::type2_dictionary) {
      if (entry.sensitivity && mask.contains(*entry.sensitivity)) {
         fields.push_back(std::string(entry.tag) + ":" + (entry.categories_of != nullptr ? "AR-" : "") +
                          std::string(sentinel));
      }
   }
   return fields;
}

// `transaction` with `extra` fields put at the end of its Type-2 record `type2` in place
// of the fields of their numbers (a number written twice is refused), whose LEN the
// library's writer computes again; nothing else changes, Type-1's LEN included.
[[nodiscard]] std::string with_type2_fields(std::string_view transaction, const veil_test::framed_record& type2,
                                            const std::vector<std::string>& extra)
{
   const std::string_view record = transaction.substr(type2.offset, type2.length);
   const std::vector<ansi_nist::tagged_field> fields = ansi_nist::read_fields(record, 2, type2.offset);
   std::vector<std::string> texts;
   for (const ansi_nist::tagged_field& f : fields) {
      const std::string tag = ansi_nist::canonical_tag(2, f.number) + ":";
      if (std::none_of(extra.begin(), extra.end(), [&tag](const std::string& e) { return e.starts_with(tag); })) {
         texts.emplace_back(record.substr(f.begin, f.end - f.begin));
      }
   }
   texts.insert(texts.end(), extra.begin(), extra.end());
   const std::string rewritten =
      ansi_nist::assemble_record(std::move(texts), fields[0].tag_in(record), fields[0].end - fields[0].value);
   return std::string(transaction.substr(0, type2.offset)) + rewritten +
          std::string(transaction.substr(type2.offset + type2.length));
}

// Plants sentinels in the first Type-2 record of an accepted transaction and checks that
// none survives (and, since it is just another transaction, every other property too).
void check_sentinels(const fuzz_case& c)
{
   const std::vector<std::string> extra = sentinel_fields(c.mask);
   if (extra.empty() || c.transaction.find(sentinel_byte) != std::string::npos) {
      return;
   }
   const std::vector<veil_test::framed_record> frame =
      frame_of(c.transaction, "an accepted transaction is framed as the standard says");
   const auto type2 =
      std::find_if(frame.begin(), frame.end(), [](const veil_test::framed_record& r) { return r.type == 2; });
   if (type2 == frame.end()) {
      return;
   }
   fuzz_case planted = c;
   planted.transaction = with_type2_fields(c.transaction, *type2, extra);
   planted.options.limits.max_text_record =
      std::max(c.options.limits.max_text_record, type2->length + planted.transaction.size() - c.transaction.size());
   const redaction result = redact_checked(planted);
   require(!result.audit.rejected(), "the transaction with planted fields is accepted");
   require(result.output.find(sentinel_byte) == std::string::npos, "no sentinel planted in a masked field survives");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
   const std::optional<fuzz_case> c = decode(data, size);
   if (!c) {
      return 0;
   }
   if (!redact_checked(*c).audit.rejected()) {
      check_sentinels(*c);
   }
   veil_fuzz::require_presets_hold(veil::format::ansi_nist, c->transaction,
                                   veil_test::consumer::destination_values(c->transaction), c->callers, c->preset);
   return 0;
}
