// libFuzzer target for what veil reads besides messages: policy files (JSON), recipient
// lists, and the record key a notifying rule takes from a message. Beyond "does not
// crash", every input is held to:
//   - read_policy() either returns a policy or throws policy_error, never anything else;
//   - a policy that loads has a policy_version that every audit line can repeat as it
//     is: none, or 1 to 64 printable ASCII characters;
//   - a policy that loads decides as a policy must: a message to several recipients is
//     at least as strict as to any one of them (withheld, categories, action, fields);
//   - read_recipient_list() returns patterns or throws policy_error;
//   - the record key found in the input, under every format, is a licence number's
//     shape and (but for XML, whose references are decoded) a piece of the input.
//
// The whole input is the text read each way; no layout bytes.

#include "fuzz_support.hpp"

#include <veil/category_mask.hpp>
#include <veil/format.hpp>
#include <veil/policy/policy.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/recipient_list.hpp>
#include <veil/policy/record_key.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil_fuzz::require;

[[nodiscard]] bool at_least_as_strict(const veil::policy::decision& all, const veil::policy::decision& one)
{
   if (one.withhold && !all.withhold) {
      return false;
   }
   if ((all.redact | one.redact) != all.redact) {
      return false;
   }
   if (one.applied == veil::action::drop && all.applied != veil::action::drop) {
      return false;
   }
   for (const auto& [field, what] : one.fields) {
      const auto found = all.fields.find(field);
      if (found == all.fields.end() || found->second < what) {
         return false;
      }
   }
   return true;
}

void check_policy(std::string_view text)
{
   std::optional<veil::policy::policy> p;
   try {
      p = veil::policy::read_policy(text);
   }
   catch (const veil::policy_error&) {
      return;
   }
   require(p->version.size() <= 64 && std::all_of(p->version.begin(), p->version.end(),
                                                   [](char c) { return c >= ' ' && c <= '~'; }),
           "a policy_version is one short line of printable ASCII");
   const std::vector<std::string> recipients{ "VTICE0900", "DCFBIWA00", "ORTEST001", "AX" };
   for (const veil::format f : { veil::format::nlets_text, veil::format::nlets_xml, veil::format::aamva,
                                 veil::format::ansi_nist }) {
      for (const std::string_view key : { "DR", "IAQ", "" }) {
         const veil::policy::decision all = decide(*p, f, key, recipients);
         for (const std::string& ori : recipients) {
            require(at_least_as_strict(all, decide(*p, f, key, { ori })), "several recipients are the strictest");
         }
         require(!all.rules.empty(), "every decision names a rule");
      }
   }
}

void check_recipient_list(std::string_view text)
{
   try {
      (void)veil::policy::read_recipient_list(text, "fuzz");
   }
   catch (const veil::policy_error&) {
      // Refused with a reason: what the reader promises.
   }
}

void check_record_keys(std::string_view text)
{
   for (const veil::format f : { veil::format::nlets_text, veil::format::nlets_xml, veil::format::aamva,
                                 veil::format::ansi_nist }) {
      const std::string key = veil::policy::record_key(f, text);
      // XML decodes references, so its key is a piece of the text a reader sees instead.
      require(key.empty() || f == veil::format::nlets_xml || text.find(key) != std::string_view::npos,
              "the record key is a piece of the message");
      require(key.size() <= 20 && std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 0x7f; }),
              "the record key is a licence number: at most 20 printable characters, no blank");
   }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
   const std::string_view text(reinterpret_cast<const char*>(data), size);
   check_policy(text);
   check_recipient_list(text);
   check_record_keys(text);
   return 0;
}
