#pragma once
// Bounds on what the XML reader holds at once. Memory depends on these, never on the
// size of the document: a 50 MB photo passes through in pieces of max_text_piece.

#include <cstddef>

namespace veil::xml {

struct xml_limits
{
   std::size_t max_message_size = std::size_t{ 256 } << 20;  // a 50 MB message with a photo must pass
   std::size_t max_depth = 256;                               // element nesting
   std::size_t max_attributes = 256;                          // per element, namespace declarations included
   std::size_t max_name_length = 256;                         // bytes of a qualified name
   std::size_t max_tag_size = std::size_t{ 64 } << 10;        // a whole start tag, '<' to '>'
   std::size_t max_namespace_bindings = 1024;                 // in scope at once
   std::size_t max_text_piece = std::size_t{ 64 } << 10;      // text and CDATA are delivered in pieces of at most this
   std::size_t max_markup_size = std::size_t{ 64 } << 10;     // a comment, PI or XML declaration
};

}  // namespace veil::xml
