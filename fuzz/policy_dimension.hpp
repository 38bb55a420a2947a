#pragma once
// The policy dimension every format's fuzz target checks, under a statute preset the
// input picks: under `immigration-withhold` a message that an immigration-enforcement
// agency would receive is never released; under `immigration-minimize` such a message
// loses at least what the preset removes for that agency; under `dppa-highly-restricted`
// every message loses at least photo, ssn and medical data. Who receives a message is
// judged as a lenient consumer reads its routing — case ignored, any run of blanks, commas
// or other punctuation taken as a separator, a value cut to the length of an ORI or a
// destination code — and not by veil's own rule, so that a recipient spelling veil reads
// differently from a switch is found rather than assumed away. A withheld or rejected
// message writes nothing.

#include "fuzz_support.hpp"

#include <veil/audit.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/format.hpp>
#include <veil/format_redactors.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/presets.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
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

// Recipients that are no immigration-enforcement agency.
inline constexpr std::array<std::string_view, 3> harmless_recipients{ "ORTEST002", "WA", "NYNYPD000" };

// The recipient a fuzz target plants where its format names one, as bits 0-3 of `choice`
// pick it: a spelling of immigration_spellings, a harmless recipient, or (from there to
// 15) none, the message keeping its own.
[[nodiscard]] inline std::optional<std::string_view> planted_recipient(std::uint8_t choice) noexcept
{
   const std::size_t pick = choice & 0x0FU;
   if (pick < immigration_spellings.size()) {
      return immigration_spellings[pick];
   }
   if (pick < immigration_spellings.size() + harmless_recipients.size()) {
      return harmless_recipients[pick - immigration_spellings.size()];
   }
   return std::nullopt;
}

// The recipient a caller adds, as bits 4-5 of `choice` pick it: none, a harmless one, or
// one of the immigration-enforcement agencies, well formed as a gateway's link gives them.
[[nodiscard]] inline std::vector<std::string> caller_recipients(std::uint8_t choice)
{
   const unsigned pick = (choice >> 4) & 3U;
   switch (pick) {
      case 0: return {};
      case 1: return { std::string(harmless_recipients[0]) };
      default: return { std::string(immigration_enforcement[pick - 2]) };
   }
}

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

[[nodiscard]] inline veil::policy::policy_redactor preset_redactor(std::string_view name)
{
   return veil::policy::policy_redactor{ veil::policy::read_policy(*veil::policy::preset_text(name)) };
}

[[nodiscard]] inline const veil::policy::policy_redactor& immigration_withhold()
{
   static const veil::policy::policy_redactor redactor = preset_redactor("immigration-withhold");
   return redactor;
}

// Whether any of `texts` leniently names an immigration-enforcement agency.
[[nodiscard]] inline bool leniently_to_immigration_enforcement(const std::vector<std::string>& recipient_texts,
                                                               const std::vector<std::string>& caller_recipients)
{
   for (const std::vector<std::string>* texts : { &recipient_texts, &caller_recipients }) {
      for (const std::string& text : *texts) {
         if (leniently_names_immigration_enforcement(text)) {
            return true;
         }
      }
   }
   return false;
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
   if (audit.rejected() || audit.result == veil::outcome::withheld) {
      require(out.empty(), "a withheld or rejected message writes no byte");
      return;
   }
   require(!leniently_to_immigration_enforcement(recipient_texts, caller_recipients),
           "a message an immigration-enforcement agency would receive is withheld under immigration-withhold");
}

// Whether every byte of message[offset, offset + length) that can carry a value lies in
// some field `fields` removed. A field found in a second reading of a line may span
// fields of another mask, and the blanks and control characters between those fields
// go with them unaudited.
[[nodiscard]] inline bool covered_by(const std::vector<veil::redacted_field>& fields, std::string_view message,
                                     std::size_t offset, std::size_t length)
{
   for (std::size_t at = offset; at < offset + length && at < message.size(); ++at) {
      const char c = message[at];
      if (veil::detail::is_blank(c) || veil::detail::is_control(c) || c == '\0') {
         continue;
      }
      const bool removed = std::any_of(fields.begin(), fields.end(), [at](const veil::redacted_field& r) {
         return r.offset <= at && at < r.offset + r.length;
      });
      if (!removed) {
         return false;
      }
   }
   return true;
}

// Under a preset that removes categories, a released message loses at least what the
// preset removes for the strictest recipient it may have: every byte the mask alone,
// with those categories, removes as one of them is removed — or more, never less.
inline void require_at_least_removed(const veil::policy::policy_redactor& preset, veil::format f,
                                     std::string_view message, const std::vector<std::string>& caller_recipients,
                                     veil::category_mask at_least)
{
   std::string out;
   const veil::audit_record audit = preset.redact(f, message, out, "fuzz", caller_recipients);
   if (audit.rejected() || audit.result == veil::outcome::withheld) {
      require(out.empty(), "a withheld or rejected message writes no byte");
      return;
   }
   std::string by_mask;
   const veil::audit_record masked = veil::redact_message(f, at_least, veil::format_options{}, message, by_mask);
   require(!masked.rejected(), "a message a policy releases is accepted by the mask path too");
   for (const veil::redacted_field& removed : masked.fields) {
      require(!at_least.contains(removed.kind) || covered_by(audit.fields, message, removed.offset, removed.length),
              "a field the preset removes for the strictest recipient is removed");
   }
}

// The policy dimension, under the preset `choice` picks.
inline void require_presets_hold(veil::format f, std::string_view message, const std::vector<std::string>& recipient_texts,
                                 const std::vector<std::string>& caller_recipients, std::uint8_t choice)
{
   static const veil::policy::policy_redactor minimize = preset_redactor("immigration-minimize");
   static const veil::policy::policy_redactor dppa = preset_redactor("dppa-highly-restricted");
   using veil::category;
   switch (choice % 3) {
      case 0: require_never_released_to_immigration_enforcement(f, message, recipient_texts, caller_recipients); return;
      case 1: {
         const bool to_immigration = leniently_to_immigration_enforcement(recipient_texts, caller_recipients);
         const veil::category_mask for_everyone{ category::address, category::immigration };
         const veil::category_mask for_immigration{ category::address, category::immigration, category::photo,
                                                    category::biometric, category::ssn, category::contact };
         require_at_least_removed(minimize, f, message, caller_recipients,
                                  to_immigration ? for_immigration : for_everyone);
         return;
      }
      default:
         require_at_least_removed(dppa, f, message, caller_recipients,
                                  veil::category_mask{ category::photo, category::ssn, category::medical });
         return;
   }
}

}  // namespace veil_fuzz
