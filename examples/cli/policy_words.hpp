#pragma once
// A policy in plain words, for the people who must approve it: `veil policy check`
// prints this after the policy has loaded.

#include <veil/category.hpp>
#include <veil/policy/policy.hpp>

#include <string>
#include <vector>

namespace veil::cli {

// "a", "a or b", "a, b or c".
[[nodiscard]] inline std::string listed(const std::vector<std::string>& items, const std::string& last_joint)
{
   std::string out;
   for (std::size_t i = 0; i < items.size(); ++i) {
      out += i == 0 ? "" : (i + 1 == items.size() ? " " + last_joint + " " : ", ");
      out += items[i];
   }
   return out;
}

[[nodiscard]] inline std::string category_words(category_mask mask)
{
   std::vector<std::string> names;
   for (const category c : all_categories) {
      if (mask.contains(c)) {
         names.emplace_back(name_of(c));
      }
   }
   return names.empty() ? "nothing" : listed(names, "and");
}

// "for recipients VTICE* or on list immigration_enforcement, messages DR or KR, in nlets-text"
[[nodiscard]] inline std::string condition_words(const veil::policy::rule& r)
{
   std::vector<std::string> parts;
   if (r.recipients) {
      std::vector<std::string> who;
      for (const veil::policy::ori_pattern& p : r.recipients->patterns) {
         who.push_back(p.text());
      }
      for (const std::string& list : r.recipients->lists) {
         who.push_back("on list " + list);
      }
      parts.push_back("recipient " + listed(who, "or"));
   }
   if (!r.message_keys.empty()) {
      parts.push_back("message " + listed(r.message_keys, "or"));
   }
   if (!r.formats.empty()) {
      std::vector<std::string> names;
      for (const format f : r.formats) {
         names.emplace_back(name_of(f));
      }
      parts.push_back("format " + listed(names, "or"));
   }
   return parts.empty() ? "every message" : listed(parts, "and");
}

[[nodiscard]] inline std::string outcome_words(const veil::policy::rule& r)
{
   std::string out;
   if (r.withhold) {
      out = "withhold the whole message";
   }
   else {
      out = "remove " + category_words(r.redact);
      if (!r.redact.empty()) {
         out += r.applied.value_or(action::drop) == action::drop ? " (drop each field)"
                                                                 : " (mask each field's value with '*')";
      }
      for (const auto& [field, what] : r.fields) {
         out += "; " + std::string(what == field_rule::keep ? "keep " : what == field_rule::mask ? "mask " : "drop ") +
                field;
      }
   }
   if (r.notify) {
      out += "; mark the audit line for notifying the person, with the licence number";
   }
   return out;
}

[[nodiscard]] inline std::string policy_words(const veil::policy::policy& p)
{
   std::string out;
   if (!p.description.empty()) {
      out += p.description + "\n\n";
   }
   for (const auto& [name, patterns] : p.lists) {
      std::vector<std::string> entries;
      for (const veil::policy::ori_pattern& pattern : patterns) {
         entries.push_back(pattern.text());
      }
      // The size first: an empty or one-entry list, a likely mistake, shows at a glance.
      out += "list " + name + ", " + std::to_string(entries.size()) + (entries.size() == 1 ? " entry" : " entries") +
             (entries.empty() ? "" : ": " + listed(entries, "and")) + "\n";
   }
   out += p.lists.empty() ? "" : "\n";
   std::size_t number = 0;
   for (const veil::policy::rule& r : p.rules) {
      out += "rule " + std::to_string(++number) + " '" + r.name + "': for " + condition_words(r) + ", " +
             outcome_words(r) + ".\n";
      if (!r.description.empty()) {
         out += "  " + r.description + "\n";
      }
      out += r.law.empty() ? "" : "  law: " + r.law + "\n";
   }
   out += "otherwise (default): " + outcome_words(p.default_rule) + ".\n";
   out += p.default_rule.law.empty() ? "" : "  law: " + p.default_rule.law + "\n";
   for (const auto& [state, labels] : p.labels) {
      for (const nlets::custom_label& label : labels) {
         out += "free text from " + state + ": a line with '" + label.text + "' is " +
                std::string(name_of(label.sensitivity)) + "\n";
      }
   }
   out += "\nEvery rule that matches a recipient applies; a recipient no rule matches gets the\n"
          "default. A message goes to all its recipients at once, so it gets the strictest\n"
          "combination over them: withheld if any rule says so, every category any rule\n"
          "removes, drop over mask, and per field drop over mask over keep. A message\n"
          "that names no recipient, or no message key, is decided by the strictest\n"
          "reading: every rule that may be about it applies, with the default.\n";
   return out;
}

}  // namespace veil::cli
