// libFuzzer target for the streaming XML reader. Beyond "does not crash", every input is
// held to the promises the redactor relies on:
//   - every event's offset is the number of bytes handed out before it, and the raw
//     spans put together are the input (accepted) or a prefix of it that ends at or
//     before the reported offset (rejected);
//   - read_stream(), fed in chunks whose sizes the input chooses, gives the same events
//     and the same error as read();
//   - text pieces stay within max_text_piece, nesting never passes max_depth, and every
//     start has its end.
//
// Input layout, so that every limit is reached by mutation:
//   byte 0   bit 7 clear: default xml_limits; set: limits small enough for fuzz inputs to
//            cross, chosen by bits 0-6 (see tight_limits)
//   byte 1   bits 0-2: largest stream chunk, 4^n bytes; bits 3-7: seed of the chunk sizes
//   rest     the document

#include "fuzz_support.hpp"

#include <veil/rejection.hpp>
#include <veil/xml/xml_events.hpp>
#include <veil/xml/xml_limits.hpp>
#include <veil/xml/xml_reader.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

using veil_fuzz::require;

// Limits of a few bytes to a few hundred. Text pieces stay above the longest reference,
// so that every piece fits its limit.
[[nodiscard]] veil::xml::xml_limits tight_limits(std::uint8_t bits) noexcept
{
   veil::xml::xml_limits limits;
   limits.max_depth = std::size_t{ 1 } + (bits & 3U);                    // 1 to 4
   limits.max_attributes = std::size_t{ 1 } + ((bits >> 2) & 1U);        // 1 or 2
   limits.max_name_length = std::size_t{ 4 } << ((bits >> 3) & 1U);      // 4 or 8
   limits.max_tag_size = std::size_t{ 16 } << ((bits >> 4) & 3U);        // 16 to 128
   limits.max_namespace_bindings = std::size_t{ 1 } + ((bits >> 2) & 1U);
   limits.max_text_piece = std::size_t{ 40 } << ((bits >> 6) & 1U);      // 40 or 80
   limits.max_markup_size = std::size_t{ 16 } << ((bits >> 4) & 3U);     // 16 to 128
   limits.max_message_size = std::size_t{ 256 } << ((bits >> 5) & 3U);   // 256 to 2048
   return limits;
}

// Writes every event down and checks, as they come, what can be checked at once.
class checking_handler
{
public:
   explicit checking_handler(const veil::xml::xml_limits& limits) : limits_(limits) {}

   void on_start(const veil::xml::element_start& e)
   {
      add("S", e.raw, e.offset);
      require(e.depth == ++depth_ && e.depth <= limits_.max_depth, "depth counts open elements within the limit");
      require(e.attributes.size() <= limits_.max_attributes, "attributes within the limit");
      require(e.raw.size() <= limits_.max_tag_size, "start tag within the limit");
      log_ += e.name.uri;
      log_ += '\x01';
      log_ += e.name.local;
   }

   void on_end(const veil::xml::element_end& e)
   {
      add("E", e.raw, e.offset);
      require(e.depth == depth_ && depth_ > 0, "every end closes the innermost start");
      --depth_;
   }

   void on_text(std::string_view piece, std::size_t offset, veil::xml::text_kind kind)
   {
      add(kind == veil::xml::text_kind::cdata ? "C" : "T", piece, offset);
      require(!piece.empty() && piece.size() <= limits_.max_text_piece, "text pieces within max_text_piece");
   }

   void on_markup(std::string_view raw, std::size_t offset) { add("M", raw, offset); }

   [[nodiscard]] const std::string& bytes() const noexcept { return bytes_; }
   [[nodiscard]] const std::string& log() const noexcept { return log_; }
   [[nodiscard]] std::size_t depth() const noexcept { return depth_; }

private:
   void add(const char* kind, std::string_view raw, std::size_t offset)
   {
      require(offset == bytes_.size(), "an event's offset is the number of bytes handed out before it");
      bytes_ += raw;
      log_ += kind;
      log_ += std::to_string(offset) + ":" + std::to_string(raw.size()) + '\x02';
   }

   const veil::xml::xml_limits& limits_;
   std::string bytes_;
   std::string log_;
   std::size_t depth_ = 0;
};

struct reading
{
   std::string log;
   std::optional<veil::rejection> error;
};

template <typename Read>
reading read_checked(std::string_view document, const veil::xml::xml_limits& limits, Read&& read)
{
   checking_handler handler(limits);
   reading result;
   try {
      read(handler);
      require(handler.bytes() == document, "an accepted document is given back byte for byte");
      require(handler.depth() == 0, "an accepted document closes every element");
   }
   catch (const veil::rejected_input& e) {
      result.error = e.to_rejection();
      require(document.starts_with(handler.bytes()), "a rejected document's events give back a prefix of it");
      require(handler.bytes().size() <= e.offset() && e.offset() <= document.size(),
              "the error lies after what was handed out and within the document");
      require(!result.error->reason.empty(), "a rejection says why");
   }
   result.log = handler.log();
   return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
   constexpr std::size_t layout_bytes = 2;
   if (size < layout_bytes) {
      return 0;
   }
   const veil::xml::xml_limits limits = (data[0] & 0x80U) != 0 ? tight_limits(data[0]) : veil::xml::xml_limits{};
   const std::string_view document(reinterpret_cast<const char*>(data + layout_bytes), size - layout_bytes);

   const reading in_memory =
      read_checked(document, limits, [&](checking_handler& h) { veil::xml::read(document, h, limits); });
   const reading streamed = read_checked(document, limits, [&](checking_handler& h) {
      veil::xml::read_stream(veil_fuzz::chunked_source(document, data[1] & 7U, data[1] >> 3U), h, limits);
   });
   require(streamed.log == in_memory.log, "read_stream gives the events of read, however the input is split");
   require(streamed.error.has_value() == in_memory.error.has_value(), "read_stream rejects what read rejects");
   if (in_memory.error) {
      require(streamed.error->offset == in_memory.error->offset && streamed.error->reason == in_memory.error->reason,
              "read_stream gives the error of read");
   }
   return 0;
}
