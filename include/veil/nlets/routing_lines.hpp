#pragma once
// Lines of a free-text body that read as routing: an input-form header at the start of a
// line ("IAQ.ORTEST001.AX.TXT", as an ER echoes the message it refuses, or as a second
// message pasted into the text) or a delivered header's send stamp naming a recipient
// ("10:15 03/14/2024 01877 ORTEST001"). A system that splits messages at such lines would
// deliver what follows to the recipients they name, so they count as recipients of the
// message: a policy decides by the strictest of all of them. They are read leniently —
// any case, blanks and control characters where a reader skips them — so that a spelling
// veil's grammar would refuse in a header is not missed in the body; a recipient so read
// that is not a well-formed destination or ORI rejects the message.

#include <veil/detail/bytes.hpp>
#include <veil/nlets/text_lines.hpp>

#include <cstddef>
#include <string_view>

namespace veil::nlets::internal {

// The run of letters and digits at `at`, at most `longest` of them; advances `at`.
[[nodiscard]] constexpr std::size_t alnum_run(std::string_view s, std::size_t& at, std::size_t longest) noexcept
{
   std::size_t n = 0;
   while (at < s.size() && detail::is_alnum(s[at]) && n <= longest) {
      ++at;
      ++n;
   }
   return n;
}

[[nodiscard]] constexpr bool skip_byte(std::string_view s, std::size_t& at, char c) noexcept
{
   if (at < s.size() && s[at] == c) {
      ++at;
      return true;
   }
   return false;
}

[[nodiscard]] constexpr bool digits_then(std::string_view s, std::size_t& at, std::size_t count) noexcept
{
   for (std::size_t i = 0; i < count; ++i, ++at) {
      if (at >= s.size() || s[at] < '0' || s[at] > '9') {
         return false;
      }
   }
   return true;
}

constexpr void skip_blanks(std::string_view s, std::size_t& at) noexcept
{
   while (at < s.size() && (detail::is_blank(s[at]) || is_unseen(s[at]))) {
      ++at;
   }
}

// "MKE.ORI.DESTS.[...]TXT" at the start of `line`: calls `each(destination text)` for
// each comma-separated destination, as written. Whether the line is one.
template <typename Each>
constexpr bool read_input_header_line(std::string_view line, Each&& each)
{
   std::size_t at = indentation(line);
   const std::size_t key = alnum_run(line, at, 4);
   if (key < 2 || key > 4 || !skip_byte(line, at, '.')) {
      return false;
   }
   if (alnum_run(line, at, 9) != 9 || !skip_byte(line, at, '.')) {
      return false;
   }
   const std::size_t dests_end = line.find('.', at);
   if (dests_end == std::string_view::npos) {
      return false;
   }
   // A ".TXT" anywhere after them, in any case: what stands between may be a control
   // field or anything else a lenient reader skips, and it may be a field that redaction
   // removes, so the line reads the same before and after.
   bool txt = false;
   for (std::size_t dot = dests_end; dot != std::string_view::npos && !txt; dot = line.find('.', dot + 1)) {
      txt = dot + 4 <= line.size() && detail::to_upper(line[dot + 1]) == 'T' &&
            detail::to_upper(line[dot + 2]) == 'X' && detail::to_upper(line[dot + 3]) == 'T';
   }
   if (!txt) {
      return false;
   }
   std::string_view dests = line.substr(at, dests_end - at);
   while (true) {
      const std::size_t comma = dests.find(',');
      each(dests.substr(0, comma));
      if (comma == std::string_view::npos) {
         return true;
      }
      dests.remove_prefix(comma + 1);
   }
}

// "hh:mm mm/dd/ccyy nnnnn RECIPIENT" as the whole of `line`: calls `each(recipient text)`
// when the stamp names one (a receive stamp does not). Whether the line is a stamp.
template <typename Each>
constexpr bool read_stamp_line(std::string_view line, Each&& each)
{
   std::size_t at = indentation(line);
   const bool stamp = digits_then(line, at, 2) && skip_byte(line, at, ':') && digits_then(line, at, 2) &&
                      at < line.size() && detail::is_blank(line[at]);
   if (!stamp) {
      return false;
   }
   skip_blanks(line, at);
   const bool date = digits_then(line, at, 2) && skip_byte(line, at, '/') && digits_then(line, at, 2) &&
                     skip_byte(line, at, '/') && digits_then(line, at, 4) && at < line.size() &&
                     detail::is_blank(line[at]);
   if (!date) {
      return false;
   }
   skip_blanks(line, at);
   if (!digits_then(line, at, 5) || (at < line.size() && !detail::is_blank(line[at]) && !is_unseen(line[at]))) {
      return false;
   }
   skip_blanks(line, at);
   std::size_t end = line.size();
   while (end > at && (detail::is_blank(line[end - 1]) || detail::is_control(line[end - 1]))) {
      --end;
   }
   if (end > at) {
      each(line.substr(at, end - at));
   }
   return true;
}

}  // namespace veil::nlets::internal
