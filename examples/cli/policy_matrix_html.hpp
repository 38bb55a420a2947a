#pragma once
// `veil explain --matrix --html FILE`: the matrix as a page for the people who answer for a
// policy. One table, kinds of message down, groups of recipients across, each cell in
// words; comparing two policies, each cell gives both and says whether they differ, in
// words, not colour. Below 40em the table becomes one block per row, each cell headed by
// its group, so a phone never scrolls sideways.

#include "explain_html_bytes.hpp"
#include "policy_matrix.hpp"
#include "policy_matrix_words.hpp"

#include <string>
#include <string_view>

namespace veil::cli {

namespace matrix_html_detail {

inline constexpr std::string_view matrix_css =
   "body{font:16px/1.45 system-ui,sans-serif;color:#111;background:#fff;margin:0}"
   "main{max-width:80em;margin:0 auto;padding:1em}"
   "h1{font-size:1.4em;margin:.2em 0 .6em}"
   "table{border-collapse:collapse;width:100%}"
   "caption{text-align:left;font-weight:600;padding:.4em 0}"
   "th,td{border:1px solid #555;padding:.5em;vertical-align:top;text-align:left}"
   "thead th{background:#e8e8e8}"
   "td p{margin:0 0 .4em}"
   ".status{font-weight:700}"
   ".differs{border:3px solid #8b0000}"
   ".differs .status{color:#8b0000}"
   ".group{display:none;font-weight:700}"
   "@media (max-width:40em){table,caption,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}"
   "tr{margin-bottom:1em;border:1px solid #555}.group{display:block}}";

[[nodiscard]] inline std::string cell_html(const policy_matrix& m, const recipient_group& group,
                                           const std::vector<veil::policy::decision>& cell)
{
   const bool comparing = cell.size() > 1;
   const bool differs = comparing && cell_differs(cell);
   std::string out = std::string("<td") + (differs ? " class=\"differs\"" : "") + "><span class=\"group\">" +
                     html_escaped(group.label) + "</span>";
   if (comparing) {
      out += std::string("<p class=\"status\">") + (differs ? "Different" : "The same") + "</p>";
   }
   for (std::size_t p = 0; p < cell.size(); ++p) {
      out += "<p>" + (comparing ? "<strong>" + html_escaped(m.policy_names[p]) + ":</strong> " : std::string()) +
             html_escaped(decision_words(cell[p])) + "</p>";
   }
   return out + "</td>";
}

}  // namespace matrix_html_detail

[[nodiscard]] inline std::string matrix_html(const policy_matrix& m)
{
   using namespace matrix_html_detail;
   const bool comparing = m.policy_names.size() > 1;
   const std::string title = html_escaped(
      comparing ? "What " + m.policy_names.front() + " and " + m.policy_names.back() + " decide"
                : "What " + m.policy_names.front() + " decides");
   std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" +
                     title + "</title>\n<style>" + std::string(matrix_css) + "</style>\n</head>\n<body>\n<main>\n<h1>" +
                     title + "</h1>\n<table>\n<caption>By kind of message (down) and recipient (across)</caption>\n"
                             "<thead><tr><th scope=\"col\">Messages</th>";
   for (const recipient_group& group : m.columns) {
      out += "<th scope=\"col\">" + html_escaped(group.label) + "</th>";
   }
   out += "</tr></thead>\n<tbody>\n";
   for (const matrix_row& row : m.rows) {
      out += "<tr><th scope=\"row\">" + html_escaped(kinds_words(row.kinds)) + "</th>";
      for (std::size_t c = 0; c < m.columns.size(); ++c) {
         out += cell_html(m, m.columns[c], row.cells[c]);
      }
      out += "</tr>\n";
   }
   return out + "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
}

}  // namespace veil::cli
