// libFuzzer target for the AAMVA DL/ID redactor. Beyond "does not crash", every input is
// held to the promises callers rely on:
//   - a rejected payload leaves the output string as it was, redact_stream() writes
//     nothing for it, and its audit says why;
//   - redact_stream(), fed in chunks whose sizes the input chooses, writes the same bytes
//     and the same audit line as redact();
//   - an accepted output reads strictly, with the input's subfiles and its elements less
//     the dropped ones, and redacting it again (strictly, same mask and action) gives the
//     same bytes (idempotence); every audited element lies inside the input and starts
//     with its id; read strictly, "passed" means the output is the input, and the mask
//     action keeps the payload's size;
//   - lenient mode accepts what strict mode accepts and removes the same elements;
//   - an element of every masked dictionary entry of the payload's version (and, with
//     unknown elements sensitive, one no version defines), each holding a sentinel and
//     added to the payload's first subfile, never reaches the output;
//   - no consumer reader of an accepted output (tests/aamva_consumer_readers.hpp:
//     IdParser's lines, benhovinga's designators, str.splitlines) finds an element of a
//     masked category with a value left in it;
//   - the policy dimension (policy_dimension.hpp), under the preset and with the caller
//     recipient the input picks: a payload going to an immigration-enforcement agency is
//     never released under immigration-withhold, and loses at least what
//     immigration-minimize or dppa-highly-restricted removes.
//
// Input layout, so that every mask, action, framing mode, limit and recipient is reached
// by mutation:
//   byte 0   bits 0-6: the mask, bit i = veil::all_categories[i]; bit 7: action (1 = mask)
//   byte 1   bit 0: lenient framing; bit 1: unknown_elements_sensitive; bits 2-4: largest
//            stream chunk, 4^n bytes; bits 5-7: seed of the chunk sizes
//   byte 2   bit 7 clear: the default max_payload_size; set: 8 times bits 0-6 bytes (0 to
//            1016), so that fuzz inputs meet the limit on both sides; bits 0-6, modulo
//            the number of caller_recipients, also pick the caller's recipient, and
//            divided by it, the preset
//   rest     the payload

#include "aamva_consumer_readers.hpp"
#include "fuzz_support.hpp"
#include "policy_dimension.hpp"

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload.hpp>
#include <veil/aamva/payload_reader.hpp>
#include <veil/aamva/payload_writer.hpp>
#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/format.hpp>
#include <veil/mask_policy.hpp>
#include <veil/rejection.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace aamva = veil::aamva;

using veil::category_mask;
using veil_fuzz::require;
using redactor = aamva::aamva_redactor<veil::runtime_mask>;

// Who the gateway says a payload goes to (an AAMVA payload names no recipient of its
// own): nobody, the immigration-enforcement agencies of the preset, another agency.
constexpr std::array<std::string_view, 5> caller_recipients{ "", "VTICE0900", "AX", "ORTEST001", "NY" };

struct fuzz_case
{
   category_mask mask;
   aamva::aamva_options options;
   std::uint8_t chunking = 0;
   std::vector<std::string> callers;
   std::uint8_t preset = 0;  // the preset of the policy dimension
   std::string payload;
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
   c.options.mode = (l->chunking & 1U) != 0 ? aamva::framing_mode::lenient : aamva::framing_mode::strict;
   c.options.unknown_elements_sensitive = (l->chunking & 2U) != 0;
   c.chunking = l->chunking;
   if (l->tight_limits) {
      c.options.max_payload_size = std::size_t{ 8 } * *l->tight_limits;
   }
   const std::size_t recipients = data[2] & 0x7FU;
   const std::string_view caller = caller_recipients[recipients % caller_recipients.size()];
   c.preset = static_cast<std::uint8_t>(recipients / caller_recipients.size());
   if (!caller.empty()) {
      c.callers.emplace_back(caller);
   }
   c.payload = std::string(l->message);
   return c;
}

[[nodiscard]] std::size_t element_count(const aamva::payload& p) noexcept
{
   std::size_t n = 0;
   for (const aamva::subfile& s : p.subfiles) {
      n += s.elements.size();
   }
   return n;
}

// The output of an accepted payload reads strictly, has the input's subfiles and the
// input's elements less the dropped ones, and is its own redaction.
void check_output(const fuzz_case& c, const veil::audit_record& audit, const std::string& output)
{
   aamva::payload written;
   try {
      written = aamva::read_strict(output);
   }
   catch (const veil::rejected_input&) {
      require(false, "the output of an accepted payload reads strictly");
   }
   const aamva::payload read = aamva::read_payload(c.payload, c.options.mode);  // as the redactor did
   require(written.subfiles.size() == read.subfiles.size(), "the output has the input's subfiles");
   const std::size_t dropped = c.options.action == veil::action::drop ? audit.fields.size() : 0;
   require(element_count(written) == element_count(read) - dropped,
           "the output has the input's elements less the dropped ones");

   aamva::aamva_options strict = c.options;
   strict.mode = aamva::framing_mode::strict;
   strict.max_payload_size = std::max(strict.max_payload_size, output.size());
   veil_fuzz::require_idempotent(redactor{ veil::runtime_mask{ c.mask }, strict }, output);
}

using veil_fuzz::redaction;

// No consumer reader of `output` finds an element of a masked category with a value left.
void check_consumers_view(const fuzz_case& c, const std::string& output)
{
   namespace consumers = veil_test::aamva_consumers;
   for (const consumers::consumer_element& e : consumers::read_elements_as_consumers(output)) {
      const std::optional<veil::category> kind = consumers::category_of(consumers::upper_cased(e.id));
      require(!kind || !c.mask.contains(*kind) || e.value.find_first_not_of("* ") == std::string::npos,
              "no consumer of the output finds a value of a masked category");
   }
}

// Redacts the payload through both entry points and checks every property that holds for
// any input.
redaction redact_checked(const fuzz_case& c)
{
   const redactor r{ veil::runtime_mask{ c.mask }, c.options };
   redaction result = veil_fuzz::redact_both_ways(r, c.payload, c.chunking);
   if (result.audit.rejected()) {
      require(result.streamed.empty(), "redact_stream writes nothing for a rejected payload");
      return result;
   }
   const veil::audit_record& audit = result.audit;
   const std::string& output = result.output;
   for (const veil::redacted_field& f : audit.fields) {
      require(std::string_view(c.payload).substr(f.offset).starts_with(f.tag), "an audited element starts with its id");
   }
   if (c.options.mode == aamva::framing_mode::strict) {
      require(audit.result != veil::outcome::passed || output == c.payload, "a passed payload is output unchanged");
      require(c.options.action != veil::action::mask || output.size() == c.payload.size(),
              "the mask action keeps the payload's size");
   }
   check_output(c, audit, output);
   check_consumers_view(c, output);
   return result;
}

// Planted values contain this byte; inputs that already hold it skip the sentinel check,
// so any '~' in the output is a planted value that survived.
constexpr char sentinel_byte = '~';
constexpr std::string_view sentinel = "~SENTINEL~";

// An element to plant: the subfile it goes into (its index) and its bytes, id and value.
struct planted_element
{
   std::size_t subfile;
   std::string bytes;
};

// `input`, read as `p`, in the standard's strict framing with `extra` elements at the end
// of their subfiles. The writer puts it together, taking the extra elements from behind
// the input as if they had been read there.
[[nodiscard]] std::string with_elements(std::string_view input, aamva::payload p,
                                        const std::vector<planted_element>& extra)
{
   std::string bytes(input);
   for (const planted_element& element : extra) {
      const std::size_t begin = bytes.size();
      bytes += element.bytes;
      p.subfiles[element.subfile].elements.push_back({ begin, bytes.size() });
   }
   return aamva::write_payload(bytes, p, [](std::size_t, std::size_t) { return aamva::element_fate::keep; });
}

// The elements a redactor with the case's mask and options must remove from `p`, each
// holding the sentinel: one of every id the dictionary gives a masked category (in any
// version: an id takes its sensitive meaning in every version) in the first subfile, and,
// with unknown elements sensitive, one no version defines in the first jurisdiction
// subfile, if there is one.
[[nodiscard]] std::vector<planted_element> sentinel_elements(const fuzz_case& c, const aamva::payload& p)
{
   std::vector<planted_element> elements;
   for (const aamva::element_entry& entry : aamva::element_dictionary) {
      if (entry.sensitivity && c.mask.contains(*entry.sensitivity)) {
         elements.push_back({ 0, std::string(entry.tag) + std::string(sentinel) });
      }
   }
   if (c.options.unknown_elements_sensitive && !c.mask.empty()) {
      for (std::size_t s = 0; s < p.subfiles.size(); ++s) {
         if (aamva::internal::is_jurisdiction_type(p.subfiles[s].type)) {
            elements.push_back({ s, p.subfiles[s].type + "Q" + std::string(sentinel) });
            break;
         }
      }
   }
   return elements;
}

// Plants sentinels in an accepted payload and checks that none survives (and, since it is
// just another payload, every other property too). The planted payload is in the
// standard's framing, so strictly it must read; leniently it may be refused.
void check_sentinels(const fuzz_case& c)
{
   if (c.payload.find(sentinel_byte) != std::string::npos) {
      return;
   }
   const aamva::payload read = aamva::read_payload(c.payload, c.options.mode);
   const std::vector<planted_element> extra = sentinel_elements(c, read);
   if (extra.empty()) {
      return;
   }
   fuzz_case planted = c;
   try {
      planted.payload = with_elements(c.payload, read, extra);
   }
   catch (const veil::rejected_input&) {
      return;  // a subfile would outgrow what a designator can say
   }
   planted.options.max_payload_size = std::max(c.options.max_payload_size, planted.payload.size());
   std::vector<aamva::framing_mode> modes{ aamva::framing_mode::strict };
   if (c.options.mode != aamva::framing_mode::strict) {
      modes.push_back(c.options.mode);
   }
   for (const aamva::framing_mode mode : modes) {
      planted.options.mode = mode;
      const redaction result = redact_checked(planted);
      require(mode != aamva::framing_mode::strict || !result.audit.rejected(),
              "the payload with planted elements reads strictly");
      require(result.output.find(sentinel_byte) == std::string::npos, "no sentinel planted in a masked element survives");
   }
}

// Lenient mode accepts whatever strict mode accepts, and removes the same elements.
void check_lenient_agrees(const fuzz_case& c, const veil::audit_record& audit)
{
   if (c.options.mode != aamva::framing_mode::strict) {
      return;
   }
   fuzz_case lenient = c;
   lenient.options.mode = aamva::framing_mode::lenient;
   const redaction result = redact_checked(lenient);
   require(!result.audit.rejected(), "lenient mode accepts what strict mode accepts");
   require(to_json_line(result.audit) == to_json_line(audit), "lenient mode removes what strict mode removes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
   const std::optional<fuzz_case> c = decode(data, size);
   if (!c) {
      return 0;
   }
   const redaction result = redact_checked(*c);
   if (!result.audit.rejected()) {
      check_sentinels(*c);
      check_lenient_agrees(*c, result.audit);
   }
   veil_fuzz::require_presets_hold(veil::format::aamva, c->payload, {}, c->callers, c->preset);
   return 0;
}
