#pragma once
// What the XML reader tells its handler. Every span points into the reader's buffer and
// is valid only during the call. Concatenating, in call order, every raw span handed to
// the handler (start tags, end tags, text pieces, markup) gives back the input exactly.

#include <concepts>
#include <cstddef>
#include <span>
#include <string_view>

namespace veil::xml {

// Elements are told apart by uri + local, never by prefix: one document may bind the
// same prefix to different namespaces in different scopes.
struct qualified_name
{
   std::string_view prefix;
   std::string_view local;
   std::string_view uri;  // empty: no namespace
   std::string_view raw;  // prefix:local as written
};

struct attribute
{
   qualified_name name;
   std::string_view raw_value;  // between the quotes, references not decoded
};

struct element_start
{
   std::string_view raw;  // '<' to '>'
   std::size_t offset;
   qualified_name name;
   std::span<const attribute> attributes;
   bool self_closing;
   std::size_t depth;  // the root is at depth 1
};

struct element_end
{
   std::string_view raw;  // '</' to '>'; empty after a self-closing start tag
   std::size_t offset;    // after a self-closing start tag: the offset just past it
   qualified_name name;
   std::size_t depth;
};

enum class text_kind { text, cdata };

// on_end is also called right after on_start for <a/>, with an empty raw span.
// on_text gets content in pieces of at most xml_limits::max_text_piece bytes, raw
// (undecoded); a piece never splits a reference or a UTF-8 sequence. on_markup gets
// everything else: the XML declaration, comments, processing instructions, whitespace
// outside the root, a byte order mark, and the "<![CDATA[" and "]]>" around CDATA content.
template <typename H>
concept xml_handler = requires(H& handler, const element_start& start, const element_end& end,
                               std::string_view bytes, std::size_t offset, text_kind kind) {
   handler.on_start(start);
   handler.on_end(end);
   handler.on_text(bytes, offset, kind);
   handler.on_markup(bytes, offset);
};

}  // namespace veil::xml
