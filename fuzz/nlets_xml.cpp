// libFuzzer target for the Nlets/NIEM XML redactor, and the differential target for its
// DOM twin. Beyond "does not crash", every input is held to the promises callers rely on:
//   - a rejected message leaves the output string as it was and its audit says why;
//   - redact_stream(), fed in chunks whose sizes the input chooses, writes the same bytes
//     and the same audit line as redact();
//   - an accepted output is itself a message the reader accepts, and redacting it again
//     with the same mask and action gives the same bytes (idempotence); "passed" means
//     the output is the input, and every audited field lies inside the input;
//   - with the default limits, the DOM redactor, given pugixml's tree of the message,
//     removes the same fields and leaves the tree pugixml reads from the stream output;
//   - an element of every masked category, an alien-number identification and a line of
//     every masked free-text label, all holding a sentinel and added at the end of the
//     root element, never reach the output;
//   - the free text of a response framed by the target (no namespace declared inside it,
//     no element with content in it), as a consumer reads it (XPath string(), whitespace
//     text kept, each CR LF, CR or LF one line break), reads in the output as the Nlets
//     line redactor makes of the input's reading: the XML spelling (references, CDATA,
//     markup anywhere, line breaks in all their forms) changes nothing of what is judged;
//   - the policy dimension (policy_dimension.hpp): with a recipient spelling planted in a
//     DestinationORIID of the envelope's routing header, and a caller's recipient, under
//     the preset the input picks, a message that an immigration-enforcement agency would
//     receive, as a lenient consumer reads the text of every element named
//     DestinationORIID (any namespace, read by pugixml), is never released under
//     immigration-withhold.
//
// Input layout, so that every mask, action, framing and limit is reached by mutation:
//   byte 0   bits 0-6: the mask, bit i = veil::all_categories[i]; bit 7: action (1 = mask)
//   byte 1   bits 0-1: what the rest is (see framings); bits 2-4: largest stream chunk,
//            4^n bytes; bits 5-7: seed of the chunk sizes
//   byte 2   bit 7 clear: default limits; set: limits small enough for fuzz inputs to
//            cross (see tight_options)
//   rest     the message, or what the framing puts inside an Nlets envelope, then one
//            last byte (when there are two or more): the recipients (see
//            veil_fuzz::planted_recipient): bits 0-3 the destination the envelope names, bits 4-5
//            the caller's recipient, bits 6-7 the preset

#include "dom_twin_support.hpp"
#include "fuzz_support.hpp"
#include "policy_dimension.hpp"
#include "xml_reader_view.hpp"

#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/mask_policy.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/redaction_output.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/dom_redactor.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/free_text_rules.hpp>
#include <veil/xml/xml_events.hpp>
#include <veil/xml/xml_options.hpp>
#include <veil/xml/xml_reader.hpp>
#include <veil/xml/xml_redactor.hpp>

#include <pugixml.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::category_mask;
using veil_fuzz::require;
using stream_redactor = veil::xml::xml_redactor<veil::runtime_mask>;
using dom_redactor = veil::xml::dom_redactor<veil::runtime_mask>;

constexpr std::string_view envelope_open =
   "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\" xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\" "
   "xmlns:j=\"http://niem.gov/niem/domains/jxdm/4.0\" xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\">"
   "<n2:NLETSMessageHeader><nh2:MessageKeyCodeText>DR</nh2:MessageKeyCodeText>";
constexpr std::string_view header_close = "</n2:NLETSMessageHeader>";

struct framing
{
   std::string_view before;
   std::string_view after;
};

// Where the rest of the input goes, so that content is fuzzed without the fuzzer having
// to keep an envelope intact: as it is, as the content of the envelope, as the free text
// of a response, and as the content of an identification.
constexpr std::array<framing, 4> framings{ {
   { "", "" },
   { "", "</n2:NLETS>" },
   { "<n2:ResponseText>", "</n2:ResponseText></n2:NLETS>" },
   { "<nc:PersonOtherIdentification>", "</nc:PersonOtherIdentification></n2:NLETS>" },
} };

// Limits of a few bytes to a few hundred, so that every limit, the hold-back of an
// identification included, meets inputs on both sides of it.
[[nodiscard]] veil::xml::xml_options tight_options(std::uint8_t bits)
{
   veil::xml::xml_options options;
   options.limits.max_depth = std::size_t{ 2 } + (bits & 3U);                 // 2 to 5
   options.limits.max_attributes = std::size_t{ 1 } + ((bits >> 2) & 3U);     // 1 to 4
   options.limits.max_text_piece = std::size_t{ 40 } << ((bits >> 4) & 1U);   // 40 or 80
   options.held.max_held_bytes = std::size_t{ 16 } << ((bits >> 5) & 3U);    // 16 to 128
   options.held.max_line_size = std::size_t{ 8 } << ((bits >> 2) & 3U);      // 8 to 64
   return options;
}

struct fuzz_case
{
   category_mask mask;
   veil::xml::xml_options options;
   bool tight = false;
   std::uint8_t chunking = 0;
   std::uint8_t recipients = 0x0F;  // no destination planted, no caller, withhold
   std::string message;
   std::string fuzzed_part;  // what the input put inside the framing
};

[[nodiscard]] std::optional<fuzz_case> decode(const std::uint8_t* data, std::size_t size)
{
   const std::optional<veil_fuzz::layout> l = veil_fuzz::read_layout(data, size);
   if (!l) {
      return std::nullopt;
   }
   fuzz_case c;
   c.mask = l->mask;
   c.tight = l->tight_limits.has_value();
   if (c.tight) {
      c.options = tight_options(*l->tight_limits);
   }
   c.options.action = l->action;
   c.chunking = l->chunking;
   std::string_view rest = l->message;
   if (rest.size() >= 2) {
      c.recipients = static_cast<std::uint8_t>(rest.back());
      rest.remove_suffix(1);
   }
   const framing& f = framings[l->chunking & 3U];
   if (!f.after.empty()) {
      c.message.append(envelope_open);
      if (const std::optional<std::string_view> destination = veil_fuzz::planted_recipient(c.recipients)) {
         c.message.append("<nh2:DestinationORIID>").append(*destination).append("</nh2:DestinationORIID>");
      }
      c.message.append(header_close).append(f.before);
   }
   c.message.append(rest);
   c.message.append(f.after);
   c.fuzzed_part = rest;
   return c;
}

using veil_fuzz::redaction;

// Redacts `message` through both entry points and checks every property that holds for
// any input.
redaction redact_checked(const stream_redactor& r, const std::string& message, std::uint8_t chunking)
{
   redaction result = veil_fuzz::redact_both_ways(r, message, chunking);
   if (result.audit.rejected()) {
      return result;
   }
   const std::string& output = result.output;
   require(result.audit.result != veil::outcome::passed || output == message, "a passed message is output unchanged");

   veil_fuzz::require_idempotent(r, output);
   return result;
}

void check_dom_twin(const fuzz_case& c)
{
   const stream_redactor stream{ veil::runtime_mask{ c.mask }, c.options };
   const dom_redactor dom{ veil::runtime_mask{ c.mask }, c.options };
   const veil_test::twin_result r = veil_test::redact_both_ways(stream, dom, c.message);
   if (r.difference) {
      std::fprintf(stderr, "%s\n", r.difference->c_str());
   }
   require(!r.difference, "the DOM redactor agrees with the stream redactor");
}

constexpr std::size_t response_framing = 2;

// The framed response's free text as a consumer reads it, every line break as one LF;
// nothing when the message is not read, or when the text could hold what the Nlets line
// rules do not judge (an element with content, or a namespace the fuzzed part declares).
[[nodiscard]] std::optional<std::string> response_text_as_read(std::string_view message)
{
   pugi::xml_document document;
   if (!document.load_buffer(message.data(), message.size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
      return std::nullopt;
   }
   const pugi::xml_node text = document.child("n2:NLETS").child("n2:ResponseText");
   if (!text || !text.next_sibling("n2:ResponseText").empty()) {
      return std::nullopt;
   }
   std::string read;
   for (const pugi::xpath_node& n : text.select_nodes("descendant-or-self::node()")) {
      const pugi::xml_node node = n.node();
      if (node.type() == pugi::node_element && node != text && node.first_child()) {
         return std::nullopt;
      }
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
         read += node.value();
      }
   }
   std::string lines;
   for (std::size_t at = 0; at < read.size(); ++at) {
      if (read[at] == '\r') {
         lines += '\n';
         at += at + 1 < read.size() && read[at + 1] == '\n' ? 1 : 0;
      }
      else {
         lines += read[at];
      }
   }
   return lines;
}

// What the Nlets line rules of the mask and options make of `text`, line by line; nothing
// when they refuse it.
[[nodiscard]] std::optional<std::string> judged_by_line_rules(const fuzz_case& c, std::string_view text)
{
   const veil::xml::free_text_rules<veil::runtime_mask> rules{ veil::runtime_mask{ c.mask }, c.options };
   veil::xml::free_text_line_redactor lines = rules.line_redactor();
   std::string judged;
   auto write = [&judged](std::string_view bytes) { judged += bytes; };
   veil::audit_record audit;
   veil::redaction_output out{ write, audit };
   try {
      for (std::size_t at = 0; at < text.size();) {
         const std::size_t end = std::min(text.find('\n', at), text.size() - 1) + 1;
         lines.on_line(text.substr(at, end - at), at, out);
         at = end;
      }
   }
   catch (const veil::rejected_input&) {
      return std::nullopt;
   }
   return judged;
}

void check_free_text_reading(const fuzz_case& c, const std::string& output)
{
   if ((c.chunking & 3U) != response_framing || c.fuzzed_part.find("xmlns") != std::string::npos) {
      return;
   }
   const std::optional<std::string> input_text = response_text_as_read(c.message);
   if (!input_text) {
      return;
   }
   const std::optional<std::string> judged = judged_by_line_rules(c, *input_text);
   const std::optional<std::string> output_text = response_text_as_read(output);
   if (!judged || !output_text) {
      return;
   }
   require(*output_text == *judged,
           "the free text reads, to a consumer, as the line rules judge what the consumer reads in the input");
}

// Planted values contain this byte; inputs that already hold it skip the sentinel check,
// so any '~' in the output is a planted value that survived.
constexpr char sentinel_byte = '~';
constexpr std::string_view sentinel = "~SENTINELQZX~";

// Where the root element's end tag starts, if the message has one.
[[nodiscard]] std::optional<std::size_t> root_end(std::string_view message, const veil::xml::xml_limits& limits)
{
   struct finder
   {
      std::optional<std::size_t> at;
      void on_start(const veil::xml::element_start&) {}
      void on_end(const veil::xml::element_end& e)
      {
         if (e.depth == 1 && !e.raw.empty()) {
            at = e.offset;
         }
      }
      void on_text(std::string_view, std::size_t, veil::xml::text_kind) {}
      void on_markup(std::string_view, std::size_t) {}
   } f;
   try {
      veil::xml::read(message, f, limits);
   }
   catch (const veil::rejected_input&) {
      return std::nullopt;
   }
   return f.at;
}

[[nodiscard]] std::string_view uri_of(veil::xml::vocabulary family)
{
   for (const veil::xml::namespace_uri& n : veil::xml::known_namespaces) {
      if (n.family == family) {
         return n.uri;
      }
   }
   return {};
}

// An element of every masked dictionary entry, an identification with an alien number
// if immigration is masked, and a free-text body with a line per masked label, each
// declaring its own namespace and holding the sentinel.
[[nodiscard]] std::string planted_elements(category_mask mask)
{
   using veil::xml::element_role;
   std::string planted;
   for (const veil::xml::element_entry& e : veil::xml::element_dictionary) {
      if (e.role == element_role::sensitive && mask.contains(*e.sensitivity)) {
         planted.append("<p:").append(e.tag).append(" xmlns:p=\"").append(uri_of(e.family)).append("\">");
         planted.append(sentinel).append("</p:").append(e.tag).append(">");
      }
   }
   if (mask.contains(veil::category::immigration)) {
      planted.append("<p:PersonOtherIdentification xmlns:p=\"")
         .append(uri_of(veil::xml::vocabulary::niem_core))
         .append("\"><p:IdentificationID>")
         .append(sentinel)
         .append("</p:IdentificationID><q:PersonIDCategoryCode xmlns:q=\"")
         .append(uri_of(veil::xml::vocabulary::jxdm))
         .append("\">AR</q:PersonIDCategoryCode></p:PersonOtherIdentification>");
   }
   std::string lines;
   for (const veil::nlets::label_rule& label : veil::nlets::builtin_labels) {
      if (mask.contains(*label.sensitivity)) {
         lines.append(label.tag).append(" ").append(sentinel).append("\n");
      }
   }
   if (!lines.empty()) {
      planted.append("<p:ResponseText xmlns:p=\"").append(uri_of(veil::xml::vocabulary::nlets)).append("\">\n");
      planted.append(lines).append("</p:ResponseText>");
   }
   return planted;
}

void check_sentinels(const stream_redactor& r, const fuzz_case& c)
{
   if (c.message.find(sentinel_byte) != std::string::npos) {
      return;
   }
   const std::string planted = planted_elements(c.mask);
   const std::optional<std::size_t> at = root_end(c.message, c.options.limits);
   if (planted.empty() || !at) {
      return;
   }
   std::string message = c.message;
   message.insert(*at, planted);
   const redaction result = redact_checked(r, message, c.chunking);
   require(result.output.find(sentinel_byte) == std::string::npos, "no sentinel planted in a masked field survives");
}

// The message's destinations as a consumer reads them: the text of every element named
// DestinationORIID, in any namespace (nothing when pugixml cannot read the message).
[[nodiscard]] std::vector<std::string> destination_texts(std::string_view message)
{
   const std::optional<veil_test::consumer_view> view = veil_test::read_as_consumer(message);
   return view ? view->recipients : std::vector<std::string>{};
}

void check_policy(const fuzz_case& c)
{
   veil_fuzz::require_presets_hold(veil::format::nlets_xml, c.message, destination_texts(c.message),
                                   veil_fuzz::caller_recipients(c.recipients), static_cast<std::uint8_t>(c.recipients >> 6));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
   const std::optional<fuzz_case> c = decode(data, size);
   if (!c) {
      return 0;
   }
   const stream_redactor r{ veil::runtime_mask{ c->mask }, c->options };
   const redaction result = redact_checked(r, c->message, c->chunking);
   check_policy(*c);
   if (result.audit.rejected()) {
      return 0;
   }
   // The DOM redactor never gives up on an identification, so tight hold-back limits
   // would make the twins differ by design.
   if (!c->tight) {
      check_dom_twin(*c);
   }
   check_sentinels(r, *c);
   check_free_text_reading(*c, result.output);
   return 0;
}
