#pragma once
// Writes a payload back with some elements dropped or masked. The header is written as
// read (in lenient mode, the standard's framing; see payload_reader.hpp) and the subfile
// designators are computed from what is written, so the output parses strictly:
//   - a dropped element goes with one separator: the LF after it, or, for the last
//     element of a subfile, the LF before it; the subfile's CR stays;
//   - a masked element keeps its id and the length of its value, every value byte
//     becoming '*', so offsets do not move.
// In strict mode every other byte of the subfiles is the input's.

#include <veil/aamva/payload.hpp>
#include <veil/aamva/subfile_ordinal.hpp>
#include <veil/detail/masking.hpp>
#include <veil/rejection.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil::aamva {

enum class element_fate : std::uint8_t { keep, drop, mask };

namespace internal {

[[nodiscard]] inline std::string four_digits(std::size_t n)
{
   std::string digits = std::to_string(n);
   return std::string(4 - digits.size(), '0') + digits;
}

}  // namespace internal

// `fate_of(subfile_index, element_index)` says what becomes of each element.
template <typename FateOf>
[[nodiscard]] std::string write_payload(std::string_view input, const payload& p, FateOf&& fate_of)
{
   std::vector<std::string> bodies;
   for (std::size_t s = 0; s < p.subfiles.size(); ++s) {
      const subfile& sub = p.subfiles[s];
      std::string body = sub.type;
      bool first = true;
      for (std::size_t e = 0; e < sub.elements.size(); ++e) {
         const element_fate fate = fate_of(s, e);
         if (fate == element_fate::drop) {
            continue;
         }
         body += first ? "" : "\n";
         first = false;
         const std::string_view element = input.substr(sub.elements[e].begin, sub.elements[e].end - sub.elements[e].begin);
         if (fate == element_fate::keep) {
            body += element;
            continue;
         }
         body += element.substr(0, 3);
         detail::masked_pieces(element.substr(3), [&body](std::string_view piece) { body += piece; });
      }
      body += sub.separator_before_terminator && !first ? "\n\r" : "\r";
      bodies.push_back(std::move(body));
   }
   std::string out = p.header;
   std::size_t offset = p.header.size() + 10 * p.subfiles.size();
   for (std::size_t s = 0; s < bodies.size(); ++s) {
      // Four digits each: a payload whose parts lie further cannot be written.
      if (offset > 9999 || bodies[s].size() > 9999) {
         throw rejected_input(0, internal::nth_subfile(s) + " would lie past what a designator can say (9999)");
      }
      out += p.subfiles[s].type + internal::four_digits(offset) + internal::four_digits(bodies[s].size());
      offset += bodies[s].size();
   }
   for (const std::string& body : bodies) {
      out += body;
   }
   return out;
}

}  // namespace veil::aamva
