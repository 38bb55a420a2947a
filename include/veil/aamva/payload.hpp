#pragma once
// An AAMVA DL/ID barcode payload as read: the header, and each subfile with the spans of
// its elements in the input. Everything the writer needs to put the payload back
// together, with some elements gone or masked and the subfile designators recomputed.
//
//   @ LF RS CR "ANSI " IIN(6) version(2) [jurisdiction version(2), from 02] entries(2)
//   entries x designator: type(2) offset(4) length(4)
//   entries x subfile: type(2) element (LF element)* [LF] CR
//   element: id(3) value

#include <cstddef>
#include <string>
#include <vector>

namespace veil::aamva {

// How framing faults are met: strict rejects any inconsistency; lenient accepts the
// damage scanners and keyboard wedges do (formats.md §1.6) where the subfiles can still
// be framed without doubt, and writes the payload back in the standard's framing.
enum class framing_mode { strict, lenient };

struct element_span
{
   std::size_t begin = 0;  // of the id, in the input
   std::size_t end = 0;    // one past the value
};

struct subfile
{
   std::string type;  // "DL", "ID", or a jurisdiction's "Z" + letter
   std::vector<element_span> elements;
   bool separator_before_terminator = false;  // "...LF CR": kept as it was
};

struct payload
{
   std::string header;  // '@' through the number of entries, as it will be written
   unsigned version = 0;
   std::vector<subfile> subfiles;  // in designator order
};

}  // namespace veil::aamva
