#pragma once
// `veil explain --matrix` on stdout: for each row of message kinds, one line per group of
// recipients with what the policy decides; comparing two policies, a line per policy under
// each group, and the groups they decide differently marked.

#include "policy_matrix.hpp"
#include "policy_matrix_words.hpp"

#include <string>

namespace veil::cli {

[[nodiscard]] inline std::string matrix_text(const policy_matrix& m)
{
   const bool comparing = m.policy_names.size() > 1;
   std::string out = "What " + m.policy_names.front() +
                     (comparing ? " and " + m.policy_names.back() + " decide" : " decides") +
                     ", by message and recipient\n";
   std::size_t differing = 0;
   for (const matrix_row& row : m.rows) {
      out += "\n" + kinds_words(row.kinds) + "\n";
      for (std::size_t c = 0; c < m.columns.size(); ++c) {
         const std::vector<veil::policy::decision>& cell = row.cells[c];
         if (!comparing) {
            out += "  " + m.columns[c].label + ": " + decision_words(cell.front()) + "\n";
            continue;
         }
         const bool differs = cell_differs(cell);
         differing += differs ? 1 : 0;
         out += "  " + m.columns[c].label + (differs ? ": DIFFERENT\n" : ": the same\n");
         for (std::size_t p = 0; p < cell.size(); ++p) {
            out += "    " + m.policy_names[p] + ": " + decision_words(cell[p]) + "\n";
         }
      }
   }
   if (comparing) {
      out += "\n" + std::to_string(differing) + (differing == 1 ? " decision differs\n" : " decisions differ\n");
   }
   return out;
}

}  // namespace veil::cli
