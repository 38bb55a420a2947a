#pragma once
// The sentences the text and HTML reports of `veil explain` share.

#include "explain_plain_words.hpp"
#include "explanation.hpp"

#include <veil/audit.hpp>
#include <veil/format.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

// "rule default", "rules a, b".
[[nodiscard]] inline std::string rules_phrase(const std::vector<std::string>& rules)
{
   std::string out = rules.size() == 1 ? "rule " : "rules ";
   for (std::size_t i = 0; i < rules.size(); ++i) {
      out += (i == 0 ? "" : ", ") + rules[i];
   }
   return out;
}

// What recipient `r` receives, in a few words: "withheld: nothing is sent",
// "redacted: 2 dropped, 1 masked, 1 released".
[[nodiscard]] inline std::string outcome_phrase(const explanation& e, std::size_t r)
{
   const audit_record& audit = e.recipients[r].audit;
   std::string out(name_of(audit.result));
   if (audit.result == outcome::withheld) {
      out += ": nothing is sent";
   }
   else {
      std::string counts;
      for (const fate f : { fate::dropped, fate::masked, fate::released }) {
         std::size_t n = 0;
         for (const listed_field& field : e.fields) {
            n += field.fates[r] == f ? 1 : 0;
         }
         if (n != 0) {
            counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(name_of(f));
         }
      }
      out += ": " + (counts.empty() ? std::string("no field to remove") : counts);
      const field_tally plain = uncategorized_tally(e, r);
      if (plain.count != 0) {
         out += "; " + std::to_string(plain.count) + " sent in no category (" + plain.words + ")";
      }
   }
   if (!audit.rules.empty()) {
      out += " (" + rules_phrase(audit.rules) + ")";
   }
   if (audit.notify) {
      out += "; the person is to be notified";
   }
   for (const std::string& note : audit.notes) {
      out += "; " + note;
   }
   return out;
}

[[nodiscard]] inline std::string or_dash(const std::string& s)
{
   return s.empty() ? "-" : s;
}

// The message's own recipients, "ORTEST001, WA", or "none".
[[nodiscard]] inline std::string named_recipients(const explanation& e)
{
   std::string out;
   for (const std::string& ori : e.routing.recipients) {
      out += (out.empty() ? "" : ", ") + ori;
   }
   return out.empty() ? "none" : out;
}

// The promise the field list makes, with what each format takes or rewrites besides the
// fields themselves.
[[nodiscard]] inline std::string closing_sentence(const explanation& e)
{
   const std::string out = "Every byte outside the listed fields is released unchanged to each recipient that is "
                           "not withheld, except ";
   constexpr std::string_view free_text = "the separator or line break that goes with a dropped field";
   const bool noted = std::any_of(e.recipients.begin(), e.recipients.end(),
                                  [](const recipient_decision& r) { return !r.audit.notes.empty(); });
   switch (e.kind) {
      case format::nlets_xml: return out + "in free-text bodies " + std::string(free_text) + ".";
      case format::aamva:
         return out + "the line feed that ends a dropped element, and the subfile offsets and lengths in the header, "
                      "which are rewritten to fit.";
      case format::ansi_nist:
         return out + "the separator that goes with a dropped field, and the record lengths and the list of "
                      "records in the Type-1 record, which are rewritten to fit" +
                (noted ? ", and the changes the notes above name." : ".");
      case format::nlets_text: break;
   }
   return out + std::string(free_text) + ".";
}

}  // namespace veil::cli
