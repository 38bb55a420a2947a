#pragma once
// Lines of free text as a reader sees them: a line ends at LF (a CR before it belongs to
// the terminator), control characters are not seen, and indentation is measured in
// columns with tab stops every 8 columns, as a terminal shows it — four spaces are
// column 4, a tab is column 8, however many bytes either takes.

#include <veil/detail/bytes.hpp>

#include <cstddef>
#include <string_view>

namespace veil::nlets::internal {

inline constexpr std::size_t tab_stop = 8;

// Bytes a reader of the text does not see: control characters other than the tab and
// the line feed.
[[nodiscard]] constexpr bool is_unseen(char c) noexcept
{
   return detail::is_control(c) && c != '\t' && c != '\n';
}

struct line_split
{
   std::string_view content;
   std::string_view terminator;  // "\n", "\r\n" or empty for a last line without one
};

[[nodiscard]] constexpr line_split split_line(std::string_view line) noexcept
{
   std::size_t n = 0;
   if (!line.empty() && line.back() == '\n') {
      n = (line.size() >= 2 && line[line.size() - 2] == '\r') ? 2 : 1;
   }
   return { line.substr(0, line.size() - n), line.substr(line.size() - n) };
}

// Nothing a reader sees: blanks and control characters only.
[[nodiscard]] constexpr bool is_blank_line(std::string_view s) noexcept
{
   for (const char c : s) {
      if (!detail::is_blank(c) && !detail::is_control(c)) {
         return false;
      }
   }
   return true;
}

// Bytes of the blanks and control characters a line starts with.
[[nodiscard]] constexpr std::size_t indentation(std::string_view s) noexcept
{
   std::size_t i = 0;
   while (i < s.size() && (detail::is_blank(s[i]) || detail::is_control(s[i]))) {
      ++i;
   }
   return i;
}

// The column at which a reader sees the line's text start.
[[nodiscard]] constexpr std::size_t indent_columns(std::string_view s) noexcept
{
   std::size_t column = 0;
   for (const char c : s.substr(0, indentation(s))) {
      if (c == ' ') {
         ++column;
      }
      else if (c == '\t') {
         column = (column / tab_stop + 1) * tab_stop;
      }
   }
   return column;
}

}  // namespace veil::nlets::internal
