#pragma once
// `veil explain`: what each recipient of one message would receive under a policy, each
// decided alone, field by field, as text on stdout and optionally as an HTML page.
// Nothing is written before the message has been read and explained: a usage or policy
// error (2) and a rejected message (1) write neither.

#include "agency_directory.hpp"
#include "arguments.hpp"
#include "explain_html.hpp"
#include "explain_text.hpp"
#include "explanation.hpp"
#include "input_files.hpp"
#include "message_options.hpp"
#include "output_file.hpp"
#include "policy_matrix.hpp"
#include "policy_matrix_html.hpp"
#include "policy_matrix_text.hpp"
#include "policy_source.hpp"
#include "usage.hpp"

#include <veil/format.hpp>
#include <veil/format_redactors.hpp>
#include <veil/policy/policy_redactor.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace veil::cli {

struct explain_settings
{
   policy_source policy;
   std::vector<std::string> recipients;
   std::optional<format> forced_format;  // nullopt: auto
   bool lenient = false;                 // aamva framing
   bool show_values = false;
   std::string html_path;
   std::string agencies_path;  // empty: recipients are named by their ORIs alone
   std::string input;
   bool matrix = false;  // what the policy does without a message (policy_matrix.hpp)
   std::string compare;  // a second policy, side by side in the matrix
};

[[nodiscard]] inline explain_settings parse_explain_arguments(arguments args, bool& help)
{
   explain_settings s;
   bool input_given = false;
   while (!args.done()) {
      const std::string_view a = args.take();
      if (a == "--help" || a == "-h") {
         help = true;
         return s;
      }
      if (a == "--policy") {
         s.policy.policy = std::string(args.value_of(a));
      }
      else if (a == "--recipient-list") {
         s.policy.add_recipient_list(args.value_of(a));
      }
      else if (a == "--recipient") {
         const std::string ori = parse_recipient(args.value_of(a));
         if (std::find(s.recipients.begin(), s.recipients.end(), ori) == s.recipients.end()) {
            s.recipients.push_back(ori);
         }
      }
      else if (a == "--format") {
         s.forced_format = parse_format(args.value_of(a));
      }
      else if (a == "--html") {
         s.html_path = std::string(args.value_of(a));
      }
      else if (a == "--agencies") {
         s.agencies_path = std::string(args.value_of(a));
      }
      else if (a == "--lenient") {
         s.lenient = true;
      }
      else if (a == "--show-values") {
         s.show_values = true;
      }
      else if (a == "--matrix") {
         s.matrix = true;
      }
      else if (a == "--compare") {
         s.compare = std::string(args.value_of(a));
         s.matrix = true;
      }
      else if (a.size() > 1 && a.front() == '-') {
         throw usage_error("unknown option '" + std::string(a) + "' for explain");
      }
      else if (input_given) {
         throw usage_error("explain takes one INPUT");
      }
      else {
         s.input = std::string(a);
         input_given = true;
      }
   }
   if (!s.policy.given()) {
      throw usage_error("explain needs --policy FILE or --policy preset:NAME");
   }
   if (s.matrix) {
      if (input_given || !s.recipients.empty() || s.forced_format || s.lenient || s.show_values ||
          !s.agencies_path.empty()) {
         throw usage_error("explain --matrix decides every kind of message for every recipient a policy names: it "
                           "takes no INPUT, --recipient, --format, --lenient, --agencies or --show-values");
      }
      return s;
   }
   if (s.recipients.empty()) {
      throw usage_error("explain needs at least one --recipient ORI");
   }
   if (!input_given) {
      throw usage_error("explain needs an INPUT ('-' for stdin)");
   }
   if (!s.html_path.empty() && s.input != stdin_name && same_file(s.input, s.html_path)) {
      throw usage_error("'" + s.input + "' is both the input and the HTML page");
   }
   return s;
}

// `explain --matrix [--compare OTHER]`: the matrix on stdout, and as a page with --html.
inline int explain_matrix(const explain_settings& s)
{
   std::vector<veil::policy::policy> policies{ load_policy(s.policy) };
   std::vector<std::string> names{ s.policy.policy };
   if (!s.compare.empty()) {
      policy_source other = s.policy;
      other.policy = s.compare;
      policies.push_back(load_policy(other));
      names.push_back(s.compare);
   }
   std::vector<const veil::policy::policy*> decided;
   for (const veil::policy::policy& p : policies) {
      decided.push_back(&p);
   }
   const policy_matrix m = build_matrix(decided, names);
   if (!s.html_path.empty()) {
      output_file page(s.html_path, "wb");
      page.write(matrix_html(m));
      if (!page.commit()) {
         std::cerr << "veil: " << page.name() << ": write failed\n";
         return 2;
      }
   }
   output_file out(stdout, "stdout");
   out.write(matrix_text(m));
   if (!out.flush_ok()) {
      std::cerr << "veil: stdout: write failed\n";
      return 2;
   }
   return 0;
}

inline int explain_command(arguments args)
{
   bool help = false;
   const explain_settings s = parse_explain_arguments(args, help);
   if (help) {
      std::cout << explain_help;
      return 0;
   }
   if (s.matrix) {
      return explain_matrix(s);
   }
   format_options options;
   options.aamva.mode = s.lenient ? aamva::framing_mode::lenient : aamva::framing_mode::strict;
   const veil::policy::policy_redactor redactor(load_policy(s.policy), options);
   const agency_directory agencies =
      s.agencies_path.empty() ? agency_directory() : read_agency_directory(s.agencies_path);
   input_stream in(s.input);
   if (!in.readable()) {
      throw cannot_read(s.input);
   }
   const format f = s.forced_format.value_or(detect_format(in.start()));
   std::string whole;
   const bool within_limit = in.read_whole(whole, policy_message_limit);
   if (in.failed()) {
      throw cannot_read(s.input);
   }
   if (!within_limit) {
      std::cerr << "veil: " << s.input << ": byte " << policy_message_limit << ": " << too_long_for_a_policy << '\n';
      return 1;
   }

   const explanation e = explain(redactor, f, whole, s.recipients, s.input);
   if (e.rejected) {
      std::cerr << "veil: " << s.input << ": byte " << e.rejected->error->offset << ": " << e.rejected->error->reason
                << '\n';
      return 1;
   }
   const std::string text = explain_text(e, whole, s.policy.policy, s.show_values);
   if (!s.html_path.empty()) {
      output_file page(s.html_path, "wb");
      page.write(explain_html(e, whole, redactor.rules(), s.policy.policy, agencies, s.show_values));
      if (!page.commit()) {
         std::cerr << "veil: " << page.name() << ": write failed\n";
         return 2;
      }
   }
   output_file out(stdout, "stdout");
   out.write(text);
   if (!out.flush_ok()) {
      std::cerr << "veil: stdout: write failed\n";
      return 2;
   }
   return 0;
}

}  // namespace veil::cli
