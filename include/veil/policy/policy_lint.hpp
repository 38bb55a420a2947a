#pragma once
// What in a policy that reads is still suspect: entries and rules that cannot change a
// decision, or that look like a mistake, though a careful author might mean them.
// read_policy refuses what is certainly wrong (a malformed entry, a glob no recipient
// matches, a rule that says nothing to do); these are warnings, which `veil policy check`
// prints, `--strict` refuses and the gateway logs. Each names its JSON path:
//
//   - a list no rule names (`@name`): it decides nothing;
//   - an empty list: a rule that names it matches no recipient by it. It is judged after
//     `--recipient-list` files are added, which is how a list shipped empty is filled;
//   - an entry listed twice in one list;
//   - a rule without "match": it applies to every recipient, so the default never does;
//   - a rule whose match is the same as an earlier rule's: rules that match apply
//     together, so the two always act as one, which is rarely what two rules were meant
//     to be.
//
// A message key no format uses is not among them: Nlets has hundreds of keys and
// ANSI/NIST types of transaction are open-ended, and a warning from an incomplete list
// would fire on keys a state really uses, so `--strict` could not be used.

#include <veil/policy/policy.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace veil::policy {

struct policy_warning
{
   std::string path;  // JSON path: "$.lists.immigration_enforcement", "$.rules[2]"
   std::string what;
};

namespace internal {

// A rule's match as sets, so that order and repetition do not tell two matches apart.
struct normalized_match
{
   std::optional<std::set<std::string>> recipients;  // pattern texts and "@list"; nullopt: any
   std::set<std::string> message_keys;
   std::set<format> formats;

   explicit normalized_match(const rule& r)
      : message_keys(r.message_keys.begin(), r.message_keys.end()), formats(r.formats.begin(), r.formats.end())
   {
      if (r.recipients) {
         recipients.emplace();
         for (const ori_pattern& pattern : r.recipients->patterns) {
            recipients->insert(pattern.text());
         }
         for (const std::string& list : r.recipients->lists) {
            recipients->insert("@" + list);
         }
      }
   }

   [[nodiscard]] bool any() const noexcept { return !recipients && message_keys.empty() && formats.empty(); }

   friend bool operator==(const normalized_match&, const normalized_match&) = default;
};

[[nodiscard]] inline bool names_list(const rule& r, const std::string& list)
{
   return r.recipients &&
          std::find(r.recipients->lists.begin(), r.recipients->lists.end(), list) != r.recipients->lists.end();
}

}  // namespace internal

[[nodiscard]] inline std::vector<policy_warning> lint(const policy& p)
{
   std::vector<policy_warning> warnings;
   // Not a structured binding: clang 14 cannot capture one in the lambda below.
   for (const auto& list : p.lists) {
      const std::string& name = list.first;
      const std::vector<ori_pattern>& entries = list.second;
      const std::string path = "$.lists." + name;
      if (std::none_of(p.rules.begin(), p.rules.end(), [&name](const rule& r) { return internal::names_list(r, name); })) {
         warnings.push_back({ path, "no rule names @" + name + ", so the list decides nothing" });
      }
      if (entries.empty()) {
         warnings.push_back({ path, "is empty, so a rule naming @" + name + " matches no recipient by it" });
      }
      std::set<std::string> seen;
      std::set<std::string> reported;
      for (const ori_pattern& entry : entries) {
         if (!seen.insert(entry.text()).second && reported.insert(entry.text()).second) {
            warnings.push_back({ path, "'" + entry.text() + "' is listed more than once" });
         }
      }
   }
   for (std::size_t i = 0; i < p.rules.size(); ++i) {
      const std::string path = "$.rules[" + std::to_string(i) + "]";
      const internal::normalized_match match(p.rules[i]);
      if (match.any()) {
         warnings.push_back({ path, "has no \"match\", so it applies to every recipient and the default to none" });
      }
      for (std::size_t earlier = 0; earlier < i; ++earlier) {
         if (internal::normalized_match(p.rules[earlier]) == match) {
            warnings.push_back({ path, "matches exactly what rule '" + p.rules[earlier].name + "' ($.rules[" +
                                          std::to_string(earlier) +
                                          "]) matches, so the two always apply together; merge them or tell them apart" });
            break;
         }
      }
   }
   return warnings;
}

}  // namespace veil::policy
