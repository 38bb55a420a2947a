#pragma once
// A single-pass, event-based XML reader that gives back every byte: concatenating the
// raw spans handed to the handler reproduces the input exactly, so a redactor built on
// it can pass through whatever it does not change.
//
//   struct counter {
//      void on_start(const veil::xml::element_start& e) { ... e.name.uri, e.name.local ... }
//      void on_end(const veil::xml::element_end&) {}
//      void on_text(std::string_view, std::size_t, veil::xml::text_kind) {}
//      void on_markup(std::string_view, std::size_t) {}
//   };
//   counter c;
//   veil::xml::read(document, c);   // throws veil::rejected_input(offset, reason)
//
// read() takes a document in memory; read_stream() a chunk source (any callable
// `size_t(char* buffer, size_t capacity)` returning 0 at the end, chunks of any size),
// with memory bounded by xml_limits. Both give the same events and the same error for
// the same bytes, however they are split.

#include <veil/detail/chunk_reader.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/xml_actions.hpp>
#include <veil/xml/xml_events.hpp>
#include <veil/xml/xml_grammar.hpp>
#include <veil/xml/xml_limits.hpp>

#include <tao/pegtl.hpp>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace veil::xml {

namespace internal {

inline constexpr std::size_t stream_chunk = 4096;

template <typename ParseInput, xml_handler Handler>
void parse(ParseInput& in, Handler& handler, const xml_limits& limits)
{
   reader_state<Handler> state(handler, limits);
   try {
      tao::pegtl::parse<grammar::document, xml_action, grammar::control>(in, state);
   }
   catch (const std::overflow_error&) {
      // The buffer is sized from the limits, so this means a limit check is missing
      // somewhere; still, the document is refused, never passed.
      throw rejected_input(in.byte(), "document exceeds the reader's buffer");
   }
}

}  // namespace internal

template <typename ChunkSource, xml_handler Handler>
void read_stream(ChunkSource&& source, Handler& handler, const xml_limits& limits = {})
{
   // One unit at a time: a start tag, a text piece after a CDATA opener, or a markup
   // item, plus what a unit looks at beyond its limit.
   const std::size_t buffer = std::max({ limits.max_tag_size, limits.max_text_piece, limits.max_markup_size }) +
                              2 * grammar::lookahead_slack;
   using reader = detail::filling_reader<std::remove_reference_t<ChunkSource>>;
   tao::pegtl::buffer_input<reader, tao::pegtl::eol::lf_crlf, std::string, internal::stream_chunk> in(
      "", buffer, source, limits.max_message_size);
   internal::parse(in, handler, limits);
}

template <xml_handler Handler>
void read(std::string_view document, Handler& handler, const xml_limits& limits = {})
{
   if (document.size() > limits.max_message_size) {
      // Read as read_stream() reads it, so both entry points name the same first problem.
      read_stream(detail::memory_source{ document }, handler, limits);
      return;
   }
   tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(document.data(), document.size(), "");
   internal::parse(in, handler, limits);
}

}  // namespace veil::xml
