#pragma once
// What a policy does without a sample message (`veil explain --matrix`): for each kind
// of message (a format and a message key a rule names, or any other key) and each group
// of recipients (each ORI list, each ORI or glob a rule names, everyone else, and a
// message that names no recipient), the decision the policy takes. With a second policy
// (`--compare`), both decisions side by side over the groups and kinds of either.
//
// A group is decided through recipients that stand for it: a list by each of its
// entries (one column while they all decide alike, one per entry otherwise), a glob by a
// well-formed ORI it matches, everyone else by one that no pattern of the policies
// matches. Kinds that every group decides alike are shown as one row.

#include <veil/category.hpp>
#include <veil/format.hpp>
#include <veil/policy/ori_pattern.hpp>
#include <veil/policy/policy.hpp>
#include <veil/recipient.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

struct message_kind
{
   format f = format::nlets_text;
   std::string key;    // decided by: a key a rule names, one no rule names, or none (AAMVA)
   std::string label;  // "DR", "any other message", "every message", "licence data"
};

struct recipient_group
{
   std::string label;                    // "list immigration_enforcement", "VTICE*", "everyone else"
   std::vector<std::string> recipients;  // who stands for it; empty: no recipient named
};

struct matrix_row
{
   std::vector<message_kind> kinds;  // decided alike in every column
   // One per column; per policy (one, or two to compare).
   std::vector<std::vector<veil::policy::decision>> cells;
};

struct policy_matrix
{
   std::vector<std::string> policy_names;  // one, or two to compare
   std::vector<recipient_group> columns;
   std::vector<matrix_row> rows;
};

// Whether two decisions do the same to a message, whatever rules took them.
[[nodiscard]] inline bool same_effect(const veil::policy::decision& a, const veil::policy::decision& b)
{
   return a.withhold == b.withhold && a.notify == b.notify && a.redact == b.redact && a.applied == b.applied &&
          a.fields == b.fields;
}

namespace matrix_detail {

[[nodiscard]] inline bool same(const veil::policy::decision& a, const veil::policy::decision& b)
{
   return same_effect(a, b) && a.rules == b.rules;
}

// A well-formed recipient `pattern` matches: its wildcards filled with '0'.
[[nodiscard]] inline std::optional<std::string> example_of(const veil::policy::ori_pattern& pattern)
{
   const std::string& text = pattern.text();
   const std::size_t fixed = static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
      return c != '*';
   }));
   for (const std::size_t length : { ori_length, destination_code_length }) {
      if (fixed > length) {
         continue;
      }
      std::string example;
      bool first_star = true;
      for (const char c : text) {
         if (c == '*') {
            example.append(first_star ? length - fixed : 0, '0');
            first_star = false;
         }
         else {
            example += c == '?' ? '0' : c;
         }
      }
      if (example.size() == length && pattern.matches(example)) {
         return example;
      }
   }
   return std::nullopt;
}

// Every pattern of `p`'s lists and rules.
[[nodiscard]] inline std::vector<veil::policy::ori_pattern> patterns_of(const veil::policy::policy& p)
{
   std::vector<veil::policy::ori_pattern> all;
   for (const auto& [name, entries] : p.lists) {
      all.insert(all.end(), entries.begin(), entries.end());
   }
   for (const veil::policy::rule& r : p.rules) {
      if (r.recipients) {
         all.insert(all.end(), r.recipients->patterns.begin(), r.recipients->patterns.end());
      }
   }
   return all;
}

// An ORI that no pattern of `policies` matches, if there is one worth trying.
[[nodiscard]] inline std::optional<std::string> unnamed_recipient(const std::vector<const veil::policy::policy*>& policies)
{
   for (const std::string_view candidate : { "ZZ9999999", "QX0000000", "XQ7777777", "ZZ", "QX" }) {
      bool named = false;
      for (const veil::policy::policy* p : policies) {
         for (const veil::policy::ori_pattern& pattern : patterns_of(*p)) {
            named = named || pattern.matches(candidate);
         }
      }
      if (!named) {
         return std::string(candidate);
      }
   }
   return std::nullopt;
}

[[nodiscard]] inline std::vector<veil::policy::decision> decide_all(
   const std::vector<const veil::policy::policy*>& policies, const message_kind& kind,
   const std::vector<std::string>& recipients)
{
   std::vector<veil::policy::decision> decisions;
   for (const veil::policy::policy* p : policies) {
      decisions.push_back(veil::policy::decide(*p, kind.f, kind.key, recipients));
   }
   return decisions;
}

inline void add_column(std::vector<recipient_group>& columns, recipient_group group)
{
   const auto same_label = [&group](const recipient_group& c) { return c.label == group.label; };
   if (std::none_of(columns.begin(), columns.end(), same_label)) {
      columns.push_back(std::move(group));
   }
}

// The kinds of message the rules of `policies` tell apart.
[[nodiscard]] inline std::vector<message_kind> kinds_of(const std::vector<const veil::policy::policy*>& policies)
{
   std::vector<std::string> keys;
   for (const veil::policy::policy* p : policies) {
      for (const veil::policy::rule& r : p->rules) {
         for (const std::string& key : r.message_keys) {
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
               keys.push_back(key);
            }
         }
      }
   }
   std::sort(keys.begin(), keys.end());
   // A well-formed key no rule names stands for every other key.
   std::string unnamed = "ZZZZ";
   while (std::find(keys.begin(), keys.end(), unnamed) != keys.end()) {
      --unnamed.back();
   }
   std::vector<message_kind> kinds;
   for (const format f : { format::nlets_text, format::nlets_xml, format::aamva, format::ansi_nist }) {
      if (f == format::aamva) {
         kinds.push_back({ f, "", "licence data" });  // a licence payload has no key
         continue;
      }
      for (const std::string& key : keys) {
         kinds.push_back({ f, key, key });
      }
      kinds.push_back({ f, unnamed, keys.empty() ? "every message" : "any other message" });
   }
   return kinds;
}

}  // namespace matrix_detail

// The matrix of `policies` (one, or two to compare), named as given.
[[nodiscard]] inline policy_matrix build_matrix(const std::vector<const veil::policy::policy*>& policies,
                                                std::vector<std::string> names)
{
   using namespace matrix_detail;
   policy_matrix m;
   m.policy_names = std::move(names);
   const std::vector<message_kind> kinds = kinds_of(policies);
   // The columns: lists (split into their entries where these decide differently), then
   // the patterns rules name, then everyone else and no recipient named.
   const auto decides_alike = [&](const std::vector<std::string>& recipients) {
      for (const message_kind& kind : kinds) {
         const std::vector<veil::policy::decision> first = decide_all(policies, kind, { recipients.front() });
         for (const std::string& ori : recipients) {
            const std::vector<veil::policy::decision> other = decide_all(policies, kind, { ori });
            for (std::size_t i = 0; i < first.size(); ++i) {
               if (!same(first[i], other[i])) {
                  return false;
               }
            }
         }
      }
      return true;
   };
   for (const veil::policy::policy* p : policies) {
      for (const auto& [name, entries] : p->lists) {
         std::vector<std::string> recipients;
         std::vector<std::string> labels;
         for (const veil::policy::ori_pattern& entry : entries) {
            if (const std::optional<std::string> ori = example_of(entry)) {
               recipients.push_back(*ori);
               labels.push_back(entry.text());
            }
         }
         if (recipients.empty()) {
            continue;
         }
         if (decides_alike(recipients)) {
            add_column(m.columns, { "list " + name, { recipients.front() } });
            continue;
         }
         for (std::size_t i = 0; i < recipients.size(); ++i) {
            add_column(m.columns, { labels[i] + " (list " + name + ")", { recipients[i] } });
         }
      }
   }
   for (const veil::policy::policy* p : policies) {
      for (const veil::policy::rule& r : p->rules) {
         if (!r.recipients) {
            continue;
         }
         for (const veil::policy::ori_pattern& pattern : r.recipients->patterns) {
            if (const std::optional<std::string> ori = example_of(pattern)) {
               add_column(m.columns, { pattern.text(), { *ori } });
            }
         }
      }
   }
   if (const std::optional<std::string> unnamed = unnamed_recipient(policies)) {
      add_column(m.columns, { "everyone else", { *unnamed } });
   }
   add_column(m.columns, { "no recipient named", {} });

   for (const message_kind& kind : kinds) {
      std::vector<std::vector<veil::policy::decision>> cells;
      for (const recipient_group& column : m.columns) {
         cells.push_back(decide_all(policies, kind, column.recipients));
      }
      const auto alike = [&cells](const matrix_row& row) {
         for (std::size_t c = 0; c < cells.size(); ++c) {
            for (std::size_t p = 0; p < cells[c].size(); ++p) {
               if (!same(row.cells[c][p], cells[c][p])) {
                  return false;
               }
            }
         }
         return true;
      };
      const auto row = std::find_if(m.rows.begin(), m.rows.end(), alike);
      if (row != m.rows.end()) {
         row->kinds.push_back(kind);
      }
      else {
         m.rows.push_back({ { kind }, std::move(cells) });
      }
   }
   return m;
}

}  // namespace veil::cli
