#pragma once
// The words the text and HTML forms of `veil explain --matrix` share: what a decision
// does to a message, and which messages a row is about.

#include "explain_words.hpp"
#include "policy_matrix.hpp"

#include <veil/category.hpp>
#include <veil/format.hpp>
#include <veil/policy/policy.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace veil::cli {

// "withheld; the person is to be notified (rule r)", or "removes address, immigration;
// releases photo, ssn, … (rule default)", or "releases everything (rule default)".
[[nodiscard]] inline std::string decision_words(const veil::policy::decision& d)
{
   std::string out;
   if (d.withhold) {
      out = std::string("withheld: nothing is sent") + (d.notify ? "; the person is to be notified" : "");
   }
   else {
      std::string removed;
      std::string released;
      for (const category c : all_categories) {
         std::string& list = d.redact.contains(c) ? removed : released;
         list += (list.empty() ? "" : ", ") + std::string(name_of(c));
      }
      if (removed.empty()) {
         out = "releases every category";
      }
      else {
         out = std::string(d.applied == action::mask ? "masks " : "removes ") + removed + "; releases " +
               (released.empty() ? "no category" : released);
      }
      std::string fields;
      for (const auto& [id, what] : d.fields) {
         fields += (fields.empty() ? "" : ", ") + id + " " + std::string(name_of(what));
      }
      if (!fields.empty()) {
         out += "; fields: " + fields;
      }
      if (d.notify) {
         out += "; the person is to be notified";
      }
   }
   return d.rules.empty() ? out : out + " (" + rules_phrase(d.rules) + ")";
}

// "nlets-text: DR, KR; nlets-xml: DR, KR; aamva: licence data".
[[nodiscard]] inline std::string kinds_words(const std::vector<message_kind>& kinds)
{
   std::string out;
   for (const format f : { format::nlets_text, format::nlets_xml, format::aamva, format::ansi_nist }) {
      std::string keys;
      for (const message_kind& k : kinds) {
         if (k.f == f) {
            keys += (keys.empty() ? "" : ", ") + k.label;
         }
      }
      if (!keys.empty()) {
         out += (out.empty() ? "" : "; ") + std::string(name_of(f)) + ": " + keys;
      }
   }
   return out;
}

// Whether the policies compared do different things in a cell (whatever their rules' names).
[[nodiscard]] inline bool cell_differs(const std::vector<veil::policy::decision>& cell)
{
   return std::any_of(cell.begin(), cell.end(),
                      [&cell](const veil::policy::decision& d) { return !same_effect(d, cell.front()); });
}

}  // namespace veil::cli
