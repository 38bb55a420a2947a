#pragma once
// A run-time policy: which categories each requesting agency may not receive, decided per
// message from its recipients, its key and its format. A policy has named ORI lists, a
// default rule and ordered rules; a rule matches on recipient (ORI, glob or @list), message
// key and format, and says what to redact, with per-field overrides, the action, or that
// the message is withheld altogether.
//
// For each recipient the rules that match it apply together; a recipient no rule matches
// gets the default rule. A message goes to all its recipients at once, so it gets the
// strictest combination over all of them: withheld if any says so; every category any
// says to redact; drop over mask; per field, drop over mask over keep.

#include <veil/action.hpp>
#include <veil/category_mask.hpp>
#include <veil/field_overrides.hpp>
#include <veil/format.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/policy/ori_pattern.hpp>
#include <veil/policy_identity.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::policy {

// What a rule says of one field ("nlets:POB", "aamva:DDA"), whatever its category.
using veil::field_rule;

struct recipient_match
{
   std::vector<ori_pattern> patterns;
   std::vector<std::string> lists;  // names of the policy's ORI lists
};

struct rule
{
   std::string name;
   std::string description;                    // in plain words, for people; may be empty
   std::string law;                            // the citation that asks for it ("NY VTL §201(12)"); may be empty
   std::optional<recipient_match> recipients;  // nullopt: any recipient
   std::vector<std::string> message_keys;      // empty: any message
   std::vector<format> formats;                // empty: any format
   category_mask redact;
   std::map<std::string, field_rule> fields;
   std::optional<veil::action> applied;  // nullopt: drop
   bool withhold = false;
   bool notify = false;
};

struct policy
{
   std::string description;  // what the policy models (the law it cites); may be empty
   std::string version;      // the version its authors give it ("policy_version"); may be empty
   // Where it was read from, stamped on every audit record it decides; nullopt for a
   // policy built in code or read without a name (veil/policy/identity.hpp).
   std::optional<policy_identity> identity;
   std::map<std::string, std::vector<ori_pattern>> lists;
   // Free-text labels a responding state prints, by its two-letter code: they apply to
   // messages whose sender ORI starts with the code, as built-in labels do.
   std::map<std::string, std::vector<nlets::custom_label>> labels;
   rule default_rule;
   std::vector<rule> rules;
};

// What one message gets: the strictest combination of the rules that apply to it.
struct decision
{
   bool withhold = false;
   bool notify = false;
   category_mask redact;
   veil::action applied = veil::action::mask;  // the weakest, until a rule says otherwise
   std::map<std::string, field_rule> fields;
   std::vector<std::string> rules;  // names of the rules that applied, in policy order

   void add(const rule& r)
   {
      withhold = withhold || r.withhold;
      notify = notify || r.notify;
      redact = redact | r.redact;
      if (r.applied.value_or(veil::action::drop) == veil::action::drop) {
         applied = veil::action::drop;
      }
      for (const auto& [field, what] : r.fields) {
         const auto [it, inserted] = fields.emplace(field, what);
         it->second = std::max(it->second, what);
      }
      if (std::find(rules.begin(), rules.end(), r.name) == rules.end()) {
         rules.push_back(r.name);
      }
   }
};

[[nodiscard]] inline bool matches_recipient(const policy& p, const recipient_match& m, std::string_view ori)
{
   const auto matches = [ori](const ori_pattern& pattern) { return pattern.matches(ori); };
   if (std::any_of(m.patterns.begin(), m.patterns.end(), matches)) {
      return true;
   }
   for (const std::string& name : m.lists) {
      const auto list = p.lists.find(name);
      if (list != p.lists.end() && std::any_of(list->second.begin(), list->second.end(), matches)) {
         return true;
      }
   }
   return false;
}

// Whether rule `r` is about messages of format `f` and key `message_key`. An empty key is
// one the message does not have or veil could not read: a rule that names keys may be
// about it, so it is.
[[nodiscard]] inline bool applies_to_message(const rule& r, format f, std::string_view message_key)
{
   const bool key_matches = r.message_keys.empty() || message_key.empty() ||
                            std::find(r.message_keys.begin(), r.message_keys.end(), message_key) != r.message_keys.end();
   return key_matches && (r.formats.empty() || std::find(r.formats.begin(), r.formats.end(), f) != r.formats.end());
}

[[nodiscard]] inline bool applies_to(const policy& p, const rule& r, format f, std::string_view message_key,
                                     std::string_view ori)
{
   return applies_to_message(r, f, message_key) && (!r.recipients || matches_recipient(p, *r.recipients, ori));
}

// The decision for a message of format `f` and key `message_key` going to `recipients`.
// A message with no known recipient is decided by the strictest reading: as if it went
// to every agency the rules name and to one they do not, so every rule for its key and
// format applies together with the default; it is never released on the default alone.
[[nodiscard]] inline decision decide(const policy& p, format f, std::string_view message_key,
                                     const std::vector<std::string>& recipients)
{
   decision d;
   if (recipients.empty()) {
      for (const rule& r : p.rules) {
         if (applies_to_message(r, f, message_key)) {
            d.add(r);
         }
      }
      d.add(p.default_rule);
      return d;
   }
   for (const std::string& ori : recipients) {
      bool matched = false;
      for (const rule& r : p.rules) {
         if (applies_to(p, r, f, message_key, ori)) {
            d.add(r);
            matched = true;
         }
      }
      if (!matched) {
         d.add(p.default_rule);
      }
   }
   return d;
}

// The labels `p` adds for a message sent by `sender_ori`. A message whose sender is not
// known (none named, as in an AAMVA payload) could come from any state: it gets every
// state's labels, the strictest reading.
[[nodiscard]] inline std::vector<nlets::custom_label> labels_for_sender(const policy& p, std::string_view sender_ori)
{
   if (sender_ori.empty()) {
      std::vector<nlets::custom_label> every;
      for (const auto& [state, labels] : p.labels) {
         every.insert(every.end(), labels.begin(), labels.end());
      }
      return every;
   }
   const auto found = p.labels.find(std::string(sender_ori.substr(0, 2)));
   return found == p.labels.end() ? std::vector<nlets::custom_label>{} : found->second;
}

}  // namespace veil::policy
