#pragma once
// What a recipient receives in place of each field that was masked for it, found in the
// redacted output. A mask keeps a field's place but not always its length (XML keeps an
// element's tags and empties it; a free-text character written as a reference becomes
// one '*' per byte), and a drop may take a line break with it, so each masked field is
// found between the input bytes that stand just before and just after it, which were
// copied unchanged. What is found must read as the field with bytes starred or left out;
// when it does not, the mask is shown as the action defines it: every byte but control
// characters starred.

#include <veil/action.hpp>
#include <veil/audit.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace veil::cli {

struct masked_rendition
{
   std::size_t offset = 0;  // of the field in the input
   std::size_t length = 0;
   std::string received;
};

namespace explain_masks_detail {

// How many bytes of unchanged input on each side of a field locate it in the output.
inline constexpr std::size_t anchor_bytes = 32;

// True when `received` is `original` with some bytes starred and some left out: each
// byte of it, in order, is the mask byte or the next matching byte of the original.
[[nodiscard]] inline bool reads_as_mask_of(std::string_view received, std::string_view original) noexcept
{
   std::size_t at = 0;
   for (const char c : received) {
      while (at < original.size() && c != mask_byte && original[at] != c) {
         ++at;
      }
      if (at == original.size()) {
         return false;
      }
      ++at;
   }
   return true;
}

[[nodiscard]] inline std::string starred(std::string_view original)
{
   std::string out(original);
   for (char& c : out) {
      c = static_cast<unsigned char>(c) < 0x20 ? c : mask_byte;
   }
   return out;
}

// The fields of `audit` that lie inside no other, by offset.
[[nodiscard]] inline std::vector<redacted_field> outermost(const audit_record& audit)
{
   std::vector<redacted_field> fields = audit.fields;
   std::sort(fields.begin(), fields.end(), [](const redacted_field& a, const redacted_field& b) {
      return std::tie(a.offset, b.length) < std::tie(b.offset, a.length);
   });
   std::vector<redacted_field> outer;
   for (const redacted_field& f : fields) {
      if (outer.empty() || f.offset >= outer.back().offset + outer.back().length) {
         outer.push_back(f);
      }
   }
   return outer;
}

// Where `tail` ends in `output`, searched from `from`; a drop before it may have taken
// a line break (LF or CR LF) from its start.
[[nodiscard]] inline std::size_t find_end(std::string_view output, std::string_view tail, std::size_t from) noexcept
{
   constexpr std::size_t line_break_bytes = 2;
   for (std::size_t taken = 0; taken <= std::min(line_break_bytes, tail.size()); ++taken) {
      const std::string_view rest = tail.substr(taken);
      const std::size_t at = output.find(rest, from);
      if (at != std::string_view::npos && (taken == 0 || !rest.empty())) {
         return at + rest.size();
      }
   }
   return std::string_view::npos;
}

}  // namespace explain_masks_detail

// What the recipient whose record is `audit` and whose output is `output` receives in
// place of each field masked for it (inner fields go with the field they are in).
//
// The input between two removed fields is a gap copied unchanged. Walking the gaps in
// order, the end of one gap in the output is where the next field's rendition begins, and
// the start of the next gap where it ends: the field's own length when the gap starts
// there (a mask in place), else the gap's first occurrence after it. Only the bytes of a
// gap next to a field are looked for, so a rewritten header further off does not matter.
[[nodiscard]] inline std::vector<masked_rendition> masked_renditions(std::string_view message,
                                                                     std::string_view output,
                                                                     const audit_record& audit)
{
   using namespace explain_masks_detail;
   constexpr std::size_t unknown = std::string_view::npos;
   const std::vector<redacted_field> outer = outermost(audit);
   std::vector<masked_rendition> found;
   std::size_t rendition_start = unknown;  // where the previous field's rendition begins
   std::size_t search_from = 0;            // output before this is accounted for
   for (std::size_t k = 0; k <= outer.size(); ++k) {
      const std::size_t gap_begin = k == 0 ? 0 : outer[k - 1].offset + outer[k - 1].length;
      const std::size_t gap_end = k < outer.size() ? outer[k].offset : message.size();
      const std::string_view gap = message.substr(gap_begin, gap_end - gap_begin);
      const std::string_view head = gap.substr(0, std::min(gap.size(), anchor_bytes));
      const std::string_view tail = gap.substr(gap.size() - std::min(gap.size(), anchor_bytes));
      if (k > 0 && outer[k - 1].applied == action::mask) {
         const redacted_field& f = outer[k - 1];
         const std::string_view original = message.substr(f.offset, f.length);
         std::size_t end = unknown;
         if (rendition_start != unknown) {
            const std::size_t in_place = rendition_start + f.length;
            end = in_place <= output.size() && output.compare(in_place, head.size(), head) == 0
                     ? in_place
                     : (head.empty() ? unknown : output.find(head, rendition_start));
         }
         const bool located = end != unknown && reads_as_mask_of(output.substr(rendition_start, end - rendition_start), original);
         found.push_back({ f.offset, f.length,
                           located ? std::string(output.substr(rendition_start, end - rendition_start)) : starred(original) });
         search_from = located ? end : search_from;
      }
      rendition_start = find_end(output, tail, search_from);
      search_from = rendition_start == unknown ? search_from : rendition_start;
   }
   return found;
}

}  // namespace veil::cli
