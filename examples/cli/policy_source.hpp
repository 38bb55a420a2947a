#pragma once
// Where a command's policy comes from: `--policy FILE` or `--policy preset:NAME`, then
// each `--recipient-list NAME=FILE` added to the policy's list NAME. The policy is named
// as given, and its audit lines carry the digests of these bytes (identity.hpp). Any
// mistake is a policy_error (exit 2) that names the file and, inside it, the JSON path or
// line. What is only suspect (policy_lint.hpp) is left to the callers that report it.

#include "arguments.hpp"
#include "input_files.hpp"

#include <veil/category_mask.hpp>
#include <veil/policy/identity.hpp>
#include <veil/policy/policy.hpp>
#include <veil/policy/policy_lint.hpp>
#include <veil/policy/presets.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::cli {

inline constexpr std::string_view preset_prefix = "preset:";

// The most a command reads of one message it decides by a policy: a policy decides from
// the whole message, so the message is held whole, and one longer than this is rejected
// there. A 50 MB ANSI/NIST transaction fits; a mask alone streams messages of any size.
inline constexpr std::size_t policy_message_limit = std::size_t{ 64 } << 20;
inline constexpr std::string_view too_long_for_a_policy =
   "message longer than 67108864 bytes, the most a policy reads whole";
static_assert(policy_message_limit == 67108864, "too_long_for_a_policy names the limit");

struct policy_source
{
   std::string policy;  // a file name or preset:NAME; empty: no policy
   std::vector<std::pair<std::string, std::string>> recipient_lists;  // list name, file

   [[nodiscard]] bool given() const noexcept { return !policy.empty(); }

   // Takes `--recipient-list NAME=FILE`'s value.
   void add_recipient_list(std::string_view spec)
   {
      const std::size_t eq = spec.find('=');
      if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size()) {
         throw usage_error("--recipient-list takes NAME=FILE, e.g. immigration_enforcement=ice.txt");
      }
      recipient_lists.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
   }
};

[[nodiscard]] inline std::string preset_names()
{
   std::string names;
   for (const veil::policy::preset& p : veil::policy::presets) {
      names += (names.empty() ? "" : ", ") + std::string(p.name);
   }
   return names;
}

[[nodiscard]] inline veil::policy::policy load_policy(const policy_source& source)
{
   std::string text;
   if (std::string_view(source.policy).starts_with(preset_prefix)) {
      const std::string_view name = std::string_view(source.policy).substr(preset_prefix.size());
      const std::optional<std::string_view> preset = veil::policy::preset_text(name);
      if (!preset) {
         throw policy_error("no preset named '" + std::string(name) + "' (presets: " + preset_names() + ")");
      }
      text = std::string(*preset);
   }
   else {
      std::optional<std::string> file = read_input(source.policy);
      if (!file && veil::policy::preset_text(source.policy)) {
         throw policy_error(source.policy + ": no such file; to use the preset, give preset:" + source.policy);
      }
      if (!file) {
         throw policy_error(source.policy + ": cannot read the policy: " + unreadable_reason(source.policy));
      }
      text = std::move(*file);
   }
   veil::policy::policy p;
   try {
      p = veil::policy::read_identified_policy(text, source.policy);
   }
   catch (const policy_error& e) {
      throw policy_error(source.policy + ": " + e.what());
   }
   for (const auto& [list, file] : source.recipient_lists) {
      const std::optional<std::string> entries = read_input(file);
      if (!entries) {
         throw policy_error(file + ": cannot read the recipient list: " + unreadable_reason(file));
      }
      veil::policy::add_identified_list(p, list, file, *entries);
   }
   return p;
}

// How a warning about the policy `source` loaded (policy_lint.hpp) is printed or logged:
// "warning: mine.json: $.lists.ice: no rule names @ice, so the list decides nothing".
[[nodiscard]] inline std::string warning_line(const policy_source& source, const veil::policy::policy_warning& w)
{
   return "warning: " + source.policy + ": " + w.path + ": " + w.what;
}

}  // namespace veil::cli
