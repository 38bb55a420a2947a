#pragma once
// The words the explain page uses for a reader who is not a technician: what a field is
// ("address", not "free-text line"), what happens to it ("removed", not "dropped"), who a
// recipient is (its name from the state's directory), which law decided, and what one
// recipient receives, counted and listed.

#include "agency_directory.hpp"
#include "explain_field_names.hpp"
#include "explanation.hpp"

#include <veil/category.hpp>
#include <veil/policy/policy.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::cli {

[[nodiscard]] constexpr std::string_view plain_name_of(category c) noexcept
{
   switch (c) {
      case category::address: return "address";
      case category::photo: return "photo";
      case category::biometric: return "fingerprints or other biometric data";
      case category::immigration: return "immigration or citizenship data";
      case category::ssn: return "social security number";
      case category::medical: return "medical or disability data";
      case category::contact: return "telephone number or e-mail address";
   }
   return "personal data";
}

// A field's name in words: its dictionary's, unless that says only where it stands (a
// free-text line, an unnamed field or record), when its category says what it holds.
[[nodiscard]] inline std::string plain_name_of(const listed_field& f)
{
   constexpr std::array<std::string_view, 4> says_only_where{ free_text_line, "field", "record",
                                                              "jurisdiction element" };
   for (const std::string_view name : says_only_where) {
      if (f.name == name) {
         return std::string(plain_name_of(f.kind));
      }
   }
   return f.name;
}

// What happens to a field, in the words the page shows on it.
[[nodiscard]] constexpr std::string_view plain_name_of(fate f) noexcept
{
   switch (f) {
      case fate::released: return "sent";
      case fate::masked: return "blanked out";
      case fate::dropped: return "removed";
      case fate::withheld: return "not sent";
   }
   return "unknown";
}

// "ICE Law Enforcement Support Center (VTICE0900)", or the ORI alone when the directory
// does not name it.
[[nodiscard]] inline std::string agency_words(const agency_directory& agencies, const std::string& ori)
{
   const std::optional<std::string> name = agencies.name_of(ori);
   return name ? *name + " (" + ori + ")" : ori;
}

// The policy's lists that hold `ori`: what the page says it is, "immigration_enforcement".
[[nodiscard]] inline std::vector<std::string> lists_holding(const veil::policy::policy& p, const std::string& ori)
{
   std::vector<std::string> names;
   for (const auto& [name, patterns] : p.lists) {
      const veil::policy::recipient_match only_this{ {}, { name } };
      if (veil::policy::matches_recipient(p, only_this, ori)) {
         names.push_back(name);
      }
   }
   return names;
}

// "a", "a; b": semicolons, as the names and citations joined hold commas and "and"
// themselves ("address, city", "NY VTL §201(12), 625 ILCS 5/6-110.3").
[[nodiscard]] inline std::string joined_words(const std::vector<std::string>& items)
{
   std::string out;
   for (std::size_t i = 0; i < items.size(); ++i) {
      out += (i == 0 ? "" : "; ") + items[i];
   }
   return out;
}

// What decided, by the laws the rules cite: "under NY VTL §201(12)"; a rule that cites no
// law is named as the policy's, so the reader sees that no law was given.
[[nodiscard]] inline std::string decided_by_words(const veil::policy::policy& p, const std::vector<std::string>& rules)
{
   std::vector<std::string> laws;
   std::vector<std::string> uncited;
   for (const std::string& name : rules) {
      const veil::policy::rule* r = &p.default_rule;
      for (const veil::policy::rule& candidate : p.rules) {
         r = candidate.name == name ? &candidate : r;
      }
      std::vector<std::string>& into = r->law.empty() ? uncited : laws;
      const std::string words = r->law.empty() ? (r == &p.default_rule ? "the policy's default rule, which cites no law"
                                                                        : "a rule of the policy that cites no law")
                                               : r->law;
      if (std::find(into.begin(), into.end(), words) == into.end()) {
         into.push_back(words);
      }
   }
   laws.insert(laws.end(), uncited.begin(), uncited.end());
   return laws.empty() ? std::string() : "under " + joined_words(laws);
}

// The fields one recipient gets with fate `what`, named in words and counted by name:
// "address (2); social security number".
struct field_tally
{
   std::size_t count = 0;
   std::string words;
};

[[nodiscard]] inline field_tally tally(const explanation& e, std::size_t r, std::initializer_list<fate> what)
{
   std::vector<std::pair<std::string, std::size_t>> names;
   field_tally t;
   for (const listed_field& f : e.fields) {
      if (std::find(what.begin(), what.end(), f.fates[r]) == what.end()) {
         continue;
      }
      ++t.count;
      const std::string name = plain_name_of(f);
      const auto same = std::find_if(names.begin(), names.end(), [&name](const auto& n) { return n.first == name; });
      if (same == names.end()) {
         names.emplace_back(name, 1);
      }
      else {
         ++same->second;
      }
   }
   std::vector<std::string> items;
   for (const auto& [name, n] : names) {
      items.push_back(n == 1 ? name : name + " (" + std::to_string(n) + ")");
   }
   t.words = joined_words(items);
   return t;
}

// What recipient `r` receives that no category covers, counted by kind in the page's
// order: "name, date of birth, physical description (6), licence number".
[[nodiscard]] inline field_tally uncategorized_tally(const explanation& e, std::size_t r)
{
   const std::vector<uncategorized_item> received = uncategorized_received(e, r);
   field_tally t;
   t.count = received.size();
   for (const std::string_view words : uncategorized_words) {
      const auto n = static_cast<std::size_t>(std::count_if(
         received.begin(), received.end(), [words](const uncategorized_item& i) { return i.words == words; }));
      if (n != 0) {
         t.words += (t.words.empty() ? "" : ", ") + std::string(words) + (n == 1 ? "" : " (" + std::to_string(n) + ")");
      }
   }
   return t;
}

// The status a recipient's row and column show, in words: the page's colours only repeat it.
struct recipient_status
{
   std::string_view css;   // the class that colours it
   std::string_view words;
};

[[nodiscard]] inline recipient_status status_of(const explanation& e, std::size_t r)
{
   if (e.recipients[r].audit.result == outcome::withheld) {
      return { "nothing", "Receives nothing" };
   }
   const bool removed = tally(e, r, { fate::dropped, fate::masked }).count != 0;
   const bool released = tally(e, r, { fate::released }).count != 0;
   if (released) {
      return { "sensitive", removed ? "Some sensitive data sent" : "Sensitive data sent" };
   }
   return removed ? recipient_status{ "removed", "Sensitive data removed" }
                  : recipient_status{ "plain", "Nothing sensitive in it" };
}

// The one sentence that answers the question for recipient `r`: who, what it receives,
// which law decided, and whether the person is to be told.
[[nodiscard]] inline std::string summary_sentence(const explanation& e, std::size_t r, const veil::policy::policy& p,
                                                  const agency_directory& agencies)
{
   const audit_record& audit = e.recipients[r].audit;
   std::string out = agency_words(agencies, e.recipients[r].ori);
   const std::string decided = decided_by_words(p, audit.rules);
   if (audit.result == outcome::withheld) {
      out += " receives nothing \xE2\x80\x94 withheld" + (decided.empty() ? "" : " " + decided);
   }
   else {
      const field_tally removed = tally(e, r, { fate::dropped, fate::masked });
      const field_tally released = tally(e, r, { fate::released });
      out += " receives the message";
      if (removed.count != 0) {
         out += " with " + std::to_string(removed.count) + " sensitive item" + (removed.count == 1 ? "" : "s") +
                " removed (" + removed.words + ")";
      }
      if (released.count != 0) {
         out += std::string(removed.count != 0 ? " and " : " with ") + std::to_string(released.count) +
                (released.count == 1 ? " sensitive item sent as it is (" : " sensitive items sent as they are (") +
                released.words + ")";
      }
      if (removed.count == 0 && released.count == 0) {
         out += ", which holds nothing veil counts as sensitive";
      }
      const field_tally plain = uncategorized_tally(e, r);
      if (plain.count != 0) {
         out += ", and " + std::to_string(plain.count) +
                (plain.count == 1 ? " item no category covers sent as it is (" : " items no category covers sent as they are (") +
                plain.words + ")";
      }
      out += decided.empty() ? "" : " \xE2\x80\x94 decided " + decided;
   }
   if (audit.notify) {
      out += "; the person is to be notified";
   }
   return out + ".";
}

}  // namespace veil::cli
