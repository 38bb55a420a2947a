#pragma once
// `veil policy check P`: loads a policy (a file or preset:NAME, with any recipient
// lists) exactly as `veil redact --policy` would, and prints its identity (the version
// and digests its audit lines will carry) and its rules in plain words, and on stderr
// what in it is suspect (policy_lint.hpp); `--strict` refuses a policy with any such
// warning, for a state's CI.
// `veil policy show preset:NAME` prints a preset's JSON, to start a state's own from,
// and its identity on stderr.

#include "arguments.hpp"
#include "identity_words.hpp"
#include "policy_source.hpp"
#include "policy_words.hpp"
#include "usage.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace veil::cli {

inline int policy_command(arguments args)
{
   if (args.done()) {
      throw usage_error("policy needs a subcommand: check or show");
   }
   const std::string_view sub = args.take();
   if (sub == "--help" || sub == "-h") {
      std::cout << policy_help;
      return 0;
   }
   if (sub != "check" && sub != "show") {
      throw usage_error("unknown policy subcommand '" + std::string(sub) + "' (check or show)");
   }
   policy_source source;
   bool strict = false;
   while (!args.done()) {
      const std::string_view a = args.take();
      if (a == "--help" || a == "-h") {
         std::cout << policy_help;
         return 0;
      }
      if (a == "--recipient-list" && sub == "check") {
         source.add_recipient_list(args.value_of(a));
      }
      else if (a == "--strict" && sub == "check") {
         strict = true;
      }
      else if ((a.size() > 1 && a.front() == '-') || source.given()) {
         throw usage_error("unexpected '" + std::string(a) + "' for policy " + std::string(sub));
      }
      else {
         source.policy = std::string(a);
      }
   }
   if (!source.given()) {
      throw usage_error("policy " + std::string(sub) + " needs a policy file or preset:NAME");
   }
   if (sub == "show") {
      const std::string_view name = std::string_view(source.policy).substr(
         std::string_view(source.policy).starts_with(preset_prefix) ? preset_prefix.size() : 0);
      const std::optional<std::string_view> text = veil::policy::preset_text(name);
      if (!text) {
         throw usage_error("no preset named '" + std::string(name) + "' (presets: " + preset_names() + ")");
      }
      // The JSON alone goes to stdout, to be saved as a policy of one's own.
      policy_source preset;
      preset.policy = std::string(preset_prefix) + std::string(name);
      std::cerr << preset.policy << ": " << identity_words(*load_policy(preset).identity, "; ") << '\n';
      std::cout << *text;
      return 0;
   }
   const veil::policy::policy p = load_policy(source);
   const std::vector<veil::policy::policy_warning> warnings = veil::policy::lint(p);
   for (const veil::policy::policy_warning& w : warnings) {
      std::cerr << warning_line(source, w) << '\n';
   }
   const std::string counted =
      std::to_string(warnings.size()) + (warnings.size() == 1 ? " warning" : " warnings");
   if (strict && !warnings.empty()) {
      throw policy_error(source.policy + ": " + counted + ", refused under --strict");
   }
   std::cout << source.policy << ": valid" << (warnings.empty() ? "" : ", with " + counted) << '\n';
   for (const std::string& item : identity_words(*p.identity)) {
      std::cout << item << '\n';
   }
   std::cout << '\n' << policy_words(p);
   return 0;
}

}  // namespace veil::cli
