#pragma once
// Free text as a person (or a state's terminal) reads it, written apart from veil's
// rules: the lines a reader sees, the labels a reader sees in them, and which label each
// value on the screen belongs to. Nothing here comes from veil's label tables, grammar
// or line rules; the variants below are spelled by hand, the way states print them.
//
// A reader sees a line with its control characters left out and its tabs expanded to
// the next multiple of 8 columns. A label is words before a colon, in any case; on a
// line laid out in columns, a gap of two or more columns separates one label's value from
// the next label's words. A line that holds no label before a value belongs to a label
// above it: to the label whose column it is indented under (the line above is less
// indented), or to the label that ended its line with nothing after the colon.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test::reader_view {

inline constexpr std::size_t tab_stop = 8;

// `raw` (one line, without its line feed) as it shows on a screen.
[[nodiscard]] inline std::string visible(std::string_view raw)
{
   std::string shown;
   for (const char c : raw) {
      const auto b = static_cast<unsigned char>(c);
      if (c == '\t') {
         shown.append(tab_stop - shown.size() % tab_stop, ' ');
      }
      else if (b >= 0x20 && b != 0x7f) {
         shown += c;
      }
   }
   return shown;
}

// The lines of `text` as they show: split at each line feed.
[[nodiscard]] inline std::vector<std::string> visible_lines(std::string_view text)
{
   std::vector<std::string> lines;
   while (true) {
      const std::size_t lf = text.find('\n');
      lines.push_back(visible(text.substr(0, lf)));
      if (lf == std::string_view::npos) {
         return lines;
      }
      text.remove_prefix(lf + 1);
   }
}

// Whether `marker` shows anywhere in `text`.
[[nodiscard]] inline bool shows(std::string_view text, std::string_view marker)
{
   const std::vector<std::string> lines = visible_lines(text);
   return std::any_of(lines.begin(), lines.end(),
                      [marker](const std::string& line) { return line.find(marker) != std::string::npos; });
}

[[nodiscard]] inline bool is_word_char(char c)
{
   return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// A label's words as a reader compares them: upper case, any run of other characters
// one blank ("Soc. Sec. #" and "SOC SEC" read alike).
[[nodiscard]] inline std::string words_of(std::string_view text)
{
   std::string words;
   bool gap = false;
   for (const char c : text) {
      if (!is_word_char(c)) {
         gap = true;
         continue;
      }
      if (gap && !words.empty()) {
         words += ' ';
      }
      gap = false;
      words += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
   }
   return words;
}

// Whether two readings of a label agree: one's words end the other's ("RES ADDR" and
// "ADDR", or "SUBJECT RES ADDR" and "RES ADDR").
[[nodiscard]] inline bool same_label(const std::string& a, const std::string& b)
{
   const std::string& longer = a.size() >= b.size() ? a : b;
   const std::string& shorter = a.size() >= b.size() ? b : a;
   return !shorter.empty() && longer.ends_with(shorter) &&
          (longer.size() == shorter.size() || longer[longer.size() - shorter.size() - 1] == ' ');
}

// One label a reader sees on a line.
struct seen_label
{
   std::size_t column;        // where its words start
   std::size_t colon;         // column of its colon
   std::size_t value_end;     // where its value ends: the next label's column, or the line's end
   std::string words;         // as words_of() gives them
   bool empty_value = false;  // nothing but blanks after the colon
};

// The labels of a visible line, left to right. A label's words run back from its colon
// to a gap of two or more columns, the previous colon, or the start of the line.
[[nodiscard]] inline std::vector<seen_label> labels_of(const std::string& line)
{
   std::vector<seen_label> labels;
   std::size_t boundary = 0;  // where the text after the previous colon starts
   for (std::size_t colon = line.find(':'); colon != std::string::npos; colon = line.find(':', colon + 1)) {
      std::size_t start = colon;
      while (start > boundary && line[start - 1] == ' ') {
         --start;  // blanks before the colon
      }
      // Back to a gap between columns, unless what stands after the gap has no letter
      // ("PASSPORT  #:" is one label).
      const auto has_letter = [&](std::size_t from) {
         return std::any_of(line.begin() + static_cast<std::ptrdiff_t>(from),
                            line.begin() + static_cast<std::ptrdiff_t>(colon),
                            [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
      };
      while (start > boundary) {
         if (start >= 2 && line[start - 1] == ' ' && line[start - 2] == ' ' && has_letter(start)) {
            break;  // a gap between columns
         }
         --start;
      }
      while (start < colon && line[start] == ' ') {
         ++start;
      }
      const std::string words = words_of(std::string_view(line).substr(start, colon - start));
      if (has_letter(start)) {
         if (!labels.empty()) {
            labels.back().value_end = start;
         }
         labels.push_back({ start, colon, line.size(), words });
      }
      boundary = colon + 1;
   }
   for (seen_label& l : labels) {
      const std::string_view value = std::string_view(line).substr(l.colon + 1, l.value_end - l.colon - 1);
      l.empty_value = value.find_first_not_of(' ') == std::string_view::npos;
   }
   return labels;
}

[[nodiscard]] inline std::size_t indent_of(const std::string& line)
{
   const std::size_t first = line.find_first_not_of(' ');
   return first == std::string::npos ? line.size() : first;
}

[[nodiscard]] inline bool is_blank(const std::string& line) { return line.find_first_not_of(' ') == std::string::npos; }

// The words of the label whose value holds `marker`, as a reader of `text` sees it.
[[nodiscard]] inline std::optional<std::string> label_of_value(std::string_view text, std::string_view marker)
{
   const std::vector<std::string> lines = visible_lines(text);
   for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::size_t at = lines[i].find(marker);
      if (at == std::string::npos) {
         continue;
      }
      const std::vector<seen_label> here = labels_of(lines[i]);
      for (auto l = here.rbegin(); l != here.rend(); ++l) {
         if (l->colon < at) {
            return l->words;
         }
      }
      // No label before it on its line: it belongs to a label above. Lines of values only
      // (a block under a label that ended its line) are passed over; a blank line ends
      // the search.
      const std::size_t indent = indent_of(lines[i]);
      for (std::size_t j = i; j-- > 0;) {
         if (is_blank(lines[j])) {
            return std::nullopt;
         }
         const std::vector<seen_label> above = labels_of(lines[j]);
         if (above.empty()) {
            continue;
         }
         if (indent > indent_of(lines[j])) {
            // Indented under the line: the label whose column it stands in.
            const seen_label* owner = &above.front();
            for (const seen_label& l : above) {
               if (l.column <= indent) {
                  owner = &l;
               }
            }
            return owner->words;
         }
         for (auto l = above.rbegin(); l != above.rend(); ++l) {
            if (l->empty_value) {
               return l->words;
            }
         }
         return std::nullopt;
      }
      return std::nullopt;
   }
   return std::nullopt;
}

}  // namespace veil_test::reader_view
