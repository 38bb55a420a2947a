#pragma once
// The policy dimension every format's fuzz target checks: under the statute preset
// `immigration-withhold`, a message that an immigration-enforcement agency would receive
// is never released. Who receives a message is judged as a lenient consumer reads its
// routing — case ignored, any run of blanks, commas or other punctuation taken as a
// separator, a value cut to the length of an ORI or a destination code — and not by
// veil's own rule, so that a recipient spelling veil reads differently from a switch is
// found rather than assumed away. Such a message must be withheld or rejected, with no
// byte written; any rejected message writes nothing.

#include "fuzz_support.hpp"

#include <veil/audit.hpp>
#include <veil/format.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/presets.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil_fuzz {

// The recipients the preset's immigration_enforcement list names.
inline constexpr std::array<std::string_view, 2> immigration_enforcement{ "VTICE0900", "AX" };

// Spellings of those recipients a message or a caller may use: the exact ones and the
// variants lenient readers accept. A fuzz target plants one of them where its format
// names recipients, chosen by a byte of its input.
inline constexpr std::array<std::string_view, 12> immigration_spellings{
   "VTICE0900", "AX", "vtice0900", "ax", " VTICE0900 ", "VTICE0900 ", "VTICE 0900", "VTICE0900,ORTEST001",
   "ORTEST001 VTICE0900", "VTICE09000", "Ax", "\tAX\n",
};

// Whether a consumer that reads `recipient_text` leniently would deliver to an agency
// of the list: some word of it (letters and digits), upper-cased, is one of them or
// starts with one that is an ORI (a reader that keeps the first nine characters).
[[nodiscard]] inline bool leniently_names_immigration_enforcement(std::string_view recipient_text)
{
   std::string word;
   const auto names = [](const std::string& w) {
      return std::any_of(immigration_enforcement.begin(), immigration_enforcement.end(), [&w](std::string_view ori) {
         return w == ori || (ori.size() == 9 && w.starts_with(ori));
      });
   };
   for (std::size_t i = 0; i <= recipient_text.size(); ++i) {
      const char c = i < recipient_text.size() ? recipient_text[i] : ' ';
      const bool letter_or_digit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (letter_or_digit) {
         word += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
         continue;
      }
      if (names(word)) {
         return true;
      }
      word.clear();
   }
   return false;
}

[[nodiscard]] inline const veil::policy::policy_redactor& immigration_withhold()
{
   static const veil::policy::policy_redactor redactor{ veil::policy::read_policy(
      *veil::policy::preset_text("immigration-withhold")) };
   return redactor;
}

// Redacts `message` of format `f` under immigration-withhold for its own recipients
// plus `caller_recipients` (well-formed ones, as a gateway's link gives them), and holds
// it to the property above. `recipient_texts`: every recipient value of the message as
// the format's consumers read it (raw text, before any validation).
inline void require_never_released_to_immigration_enforcement(veil::format f, std::string_view message,
                                                              const std::vector<std::string>& recipient_texts,
                                                              const std::vector<std::string>& caller_recipients)
{
   std::string out;
   const veil::audit_record audit = immigration_withhold().redact(f, message, out, "fuzz", caller_recipients);
   bool to_immigration_enforcement = false;
   for (const std::vector<std::string>* texts : { &recipient_texts, &caller_recipients }) {
      for (const std::string& text : *texts) {
         to_immigration_enforcement = to_immigration_enforcement || leniently_names_immigration_enforcement(text);
      }
   }
   if (audit.rejected() || audit.result == veil::outcome::withheld) {
      require(out.empty(), "a withheld or rejected message writes no byte");
      return;
   }
   require(!to_immigration_enforcement,
           "a message an immigration-enforcement agency would receive is withheld under immigration-withhold");
}

}  // namespace veil_fuzz
