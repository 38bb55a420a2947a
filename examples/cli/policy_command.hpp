#pragma once
// `veil policy check P`: loads a policy (a file or preset:NAME, with any recipient
// lists) exactly as `veil redact --policy` would, and prints its identity (the version
// and digests its audit lines will carry) and its rules in plain words, and on stderr
// what in it is suspect (policy_lint.hpp); `--strict` refuses a policy with any such
// warning, for a state's CI.
// `veil policy test P TESTS` runs a state's assertions about P (policy_test_run.hpp).
// `veil policy show preset:NAME` prints a preset's JSON, to start a state's own from,
// and its identity on stderr.

#include "arguments.hpp"
#include "identity_words.hpp"
#include "input_files.hpp"
#include "policy_source.hpp"
#include "policy_test_cases.hpp"
#include "policy_test_run.hpp"
#include "policy_words.hpp"
#include "usage.hpp"

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace veil::cli {

// `veil policy test P TESTS`: every case of TESTS, PASS or FAIL with what happened; 1 if
// any fails.
[[nodiscard]] inline int policy_test(const policy_source& source, const std::string& tests_name)
{
   const std::optional<std::string> text = read_input(tests_name);
   if (!text) {
      throw policy_error(tests_name + ": cannot read the tests: " + unreadable_reason(tests_name));
   }
   std::vector<policy_test_case> cases;
   try {
      cases = read_policy_tests(*text);
   }
   catch (const policy_error& e) {
      throw policy_error(tests_name + ": " + e.what());
   }
   const std::filesystem::path folder =
      tests_name == stdin_name ? std::filesystem::path() : std::filesystem::path(tests_name).parent_path();
   std::vector<std::string> messages;
   for (const policy_test_case& c : cases) {
      try {
         messages.push_back(case_message(c, folder));
      }
      catch (const policy_error& e) {
         throw policy_error(tests_name + ": " + e.what());
      }
   }
   const veil::policy::policy_redactor redactor(load_policy(source));
   std::size_t failed = 0;
   for (std::size_t i = 0; i < cases.size(); ++i) {
      const std::vector<std::string> failures = run_policy_test_case(redactor, cases[i], messages[i]);
      std::cout << (failures.empty() ? "PASS " : "FAIL ") << cases[i].name << '\n';
      for (const std::string& f : failures) {
         std::cout << "  " << f << '\n';
      }
      failed += failures.empty() ? 0 : 1;
   }
   std::cout << cases.size() << (cases.size() == 1 ? " case: " : " cases: ") << cases.size() - failed << " passed, "
             << failed << " failed\n";
   return failed == 0 ? 0 : 1;
}

inline int policy_command(arguments args)
{
   if (args.done()) {
      throw usage_error("policy needs a subcommand: check, test or show");
   }
   const std::string_view sub = args.take();
   if (sub == "--help" || sub == "-h") {
      std::cout << policy_help;
      return 0;
   }
   if (sub != "check" && sub != "test" && sub != "show") {
      throw usage_error("unknown policy subcommand '" + std::string(sub) + "' (check, test or show)");
   }
   policy_source source;
   std::string tests;
   bool strict = false;
   const std::size_t operands = sub == "test" ? 2 : 1;
   std::size_t given = 0;
   while (!args.done()) {
      const std::string_view a = args.take();
      if (a == "--help" || a == "-h") {
         std::cout << policy_help;
         return 0;
      }
      if (a == "--recipient-list" && sub != "show") {
         source.add_recipient_list(args.value_of(a));
      }
      else if (a == "--strict" && sub == "check") {
         strict = true;
      }
      else if ((a.size() > 1 && a.front() == '-') || given == operands) {
         throw usage_error("unexpected '" + std::string(a) + "' for policy " + std::string(sub));
      }
      else {
         (given++ == 0 ? source.policy : tests) = std::string(a);
      }
   }
   if (given < operands) {
      throw usage_error("policy " + std::string(sub) + " needs " +
                        (sub == "test" ? "a policy file or preset:NAME, then a tests file"
                                       : "a policy file or preset:NAME"));
   }
   if (sub == "test") {
      return policy_test(source, tests);
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
