#pragma once
// `veil redact`: every input is one message; outputs go back to back in input order.
// All checks that can fail without reading a message (options, inputs, output files)
// run before the first byte is written, so a usage error writes nothing. Each message is
// streamed through its format's reader, so that memory stays within the reader's limits
// whatever the input's size; a policy, which decides from the whole message, reads it
// whole up to policy_message_limit.

#include "arguments.hpp"
#include "input_files.hpp"
#include "message_options.hpp"
#include "message_spool.hpp"
#include "output_file.hpp"
#include "policy_source.hpp"
#include "usage.hpp"

#include <veil/audit.hpp>
#include <veil/audit/chain_writer.hpp>
#include <veil/audit/log_tail.hpp>
#include <veil/category.hpp>
#include <veil/detail/names.hpp>
#include <veil/format.hpp>
#include <veil/format_redactors.hpp>
#include <veil/policy/policy_redactor.hpp>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace veil::cli {

struct redact_settings
{
   category_mask mask = default_mask;
   action applied = action::drop;
   std::optional<format> forced_format;  // nullopt: auto
   policy_source policy;
   std::string recipient;
   std::string audit_path;
   std::string audit_key_path;  // signs the audit log's checkpoints
   std::string output_path;
   bool summary = false;
   bool lenient = false;         // aamva framing
   bool strict_unknown = false;  // aamva elements no version defines are sensitive
   std::vector<nlets::custom_label> labels;  // added to the built-in free-text labels
   std::vector<std::string> inputs;
};

// "TEXT=CATEGORY", split at the last '=' so that the label itself may hold one.
[[nodiscard]] inline nlets::custom_label parse_label(std::string_view spec)
{
   const std::size_t eq = spec.rfind('=');
   if (eq == std::string_view::npos || eq == 0) {
      throw usage_error("--label takes TEXT=CATEGORY, e.g. 'ABODE:=address'");
   }
   const std::string_view name = spec.substr(eq + 1);
   const auto kind = category_from_name(name);
   if (!kind) {
      throw usage_error("--label: " + detail::unknown_name("category", name, category_names));
   }
   return { std::string(spec.substr(0, eq)), *kind };
}

[[nodiscard]] inline redact_settings parse_redact_arguments(arguments args, bool& help)
{
   redact_settings s;
   bool mask_given = false;
   bool action_given = false;
   while (!args.done()) {
      const std::string_view a = args.take();
      if (a == "--help" || a == "-h") {
         help = true;
         return s;
      }
      if (a == "--mask") {
         s.mask = parse_mask(args.value_of(a));
         mask_given = true;
      }
      else if (a == "--policy") {
         s.policy.policy = std::string(args.value_of(a));
      }
      else if (a == "--recipient-list") {
         s.policy.add_recipient_list(args.value_of(a));
      }
      else if (a == "--action") {
         s.applied = parse_action(args.value_of(a));
         action_given = true;
      }
      else if (a == "--format") {
         if (const std::optional<format> forced = parse_format(args.value_of(a))) {
            s.forced_format = forced;
         }
      }
      else if (a == "--recipient") {
         s.recipient = parse_recipient(args.value_of(a));
      }
      else if (a == "--audit") {
         s.audit_path = std::string(args.value_of(a));
      }
      else if (a == "--audit-key") {
         s.audit_key_path = std::string(args.value_of(a));
      }
      else if (a == "-o" || a == "--output") {
         s.output_path = std::string(args.value_of(a));
      }
      else if (a == "--label") {
         s.labels.push_back(parse_label(args.value_of(a)));
      }
      else if (a == "--summary") {
         s.summary = true;
      }
      else if (a == "--lenient") {
         s.lenient = true;
      }
      else if (a == "--strict-unknown") {
         s.strict_unknown = true;
      }
      else if (a.size() > 1 && a.front() == '-') {
         throw usage_error("unknown option '" + std::string(a) + "' for redact");
      }
      else {
         s.inputs.emplace_back(a);
      }
   }
   if (s.policy.given() && (mask_given || action_given)) {
      throw usage_error("--mask and --action exclude --policy: the policy says what to remove and how");
   }
   if (!s.policy.given() && !s.policy.recipient_lists.empty()) {
      throw usage_error("--recipient-list extends a list of --policy");
   }
   if (!s.audit_key_path.empty() && s.audit_path.empty()) {
      throw usage_error("--audit-key signs the log of --audit");
   }
   if (s.inputs.empty()) {
      s.inputs.emplace_back(stdin_name);
   }
   return s;
}

[[nodiscard]] inline std::string summary_line(const audit_record& a)
{
   std::string line = "veil: " + a.input + ": " + std::string(name_of(a.result));
   if (!a.rules.empty()) {
      line += " (rule";
      line += a.rules.size() > 1 ? "s " : " ";
      for (std::size_t i = 0; i < a.rules.size(); ++i) {
         line += (i == 0 ? "" : ", ") + a.rules[i];
      }
      line += ")";
   }
   if (a.error) {
      return line + ": byte " + std::to_string(a.error->offset) + ": " + a.error->reason + "\n";
   }
   if (a.result == outcome::withheld) {
      return line + ": nothing released\n";
   }
   if (a.fields.empty()) {
      return line + ": nothing removed\n";
   }
   line += ":";
   for (std::size_t i = 0; i < a.fields.size(); ++i) {
      const redacted_field& f = a.fields[i];
      line += (i == 0 ? " " : ", ") + std::string(name_of(f.applied)) + " " + f.tag + " (" +
              std::string(name_of(f.kind)) + ")";
   }
   return line + "\n";
}

// The record of a message refused before any reader saw it.
// The key that signs the audit log's checkpoints, when one is given.
[[nodiscard]] inline std::optional<audit::signing_key> read_audit_key(const std::string& path)
{
   if (path.empty()) {
      return std::nullopt;
   }
   try {
      return audit::load_signing_key(path);
   }
   catch (const std::invalid_argument& e) {
      throw input_error(e.what());
   }
}

[[nodiscard]] inline audit_record refused_record(format f, const std::string& name, std::size_t offset,
                                                 std::string reason)
{
   audit_record record = new_audit_record(name_of(f), name);
   mark_rejected(record, rejection{ offset, std::move(reason) });
   return record;
}

inline int redact_command(arguments args)
{
   bool help = false;
   const redact_settings s = parse_redact_arguments(args, help);
   if (help) {
      std::cout << redact_help;
      return 0;
   }

   // Everything that can be known before writing: each input can be opened, and none is
   // the output.
   std::size_t stdin_uses = 0;
   for (const std::string& name : s.inputs) {
      stdin_uses += name == stdin_name ? 1 : 0;
      if (!s.output_path.empty() && name != stdin_name && same_file(name, s.output_path)) {
         throw usage_error("'" + name + "' is both an input and the output");
      }
      if (name != stdin_name && !input_stream(name).readable()) {
         throw cannot_read(name);
      }
   }
   if (stdin_uses > 1) {
      throw usage_error("stdin ('-') can be read only once");
   }

   format_options options;
   options.set_action(s.applied);
   options.add_labels(s.labels);
   options.aamva.mode = s.lenient ? aamva::framing_mode::lenient : aamva::framing_mode::strict;
   options.aamva.unknown_elements_sensitive = s.strict_unknown;
   const std::optional<veil::policy::policy_redactor> by_policy =
      s.policy.given() ? std::optional(veil::policy::policy_redactor(load_policy(s.policy), options)) : std::nullopt;
   const std::vector<std::string> also_to = s.recipient.empty() ? std::vector<std::string>{}
                                                                : std::vector<std::string>{ s.recipient };
   // The audit file is opened first: appending to it destroys nothing if -o then fails.
   // -o is written beside its file and put in its place at the end, only if a message
   // was released or withheld: a run that rejects every message leaves it as it was.
   std::optional<audit::chain_writer> chain;
   if (!s.audit_path.empty()) {
      chain.emplace(audit::last_line_of(s.audit_path), read_audit_key(s.audit_key_path));
   }
   output_file audit(s.audit_path, "ab");
   output_file out = s.output_path.empty() ? output_file(stdout, "stdout") : output_file(s.output_path, "wb");
   message_spool spool;
   if (!spool.usable()) {
      throw usage_error("cannot create a temporary file for the output");
   }

   int status = 0;
   bool decided_any = false;
   std::string whole;  // a message a policy reads
   std::string redacted;
   for (const std::string& name : s.inputs) {
      input_stream in(name);
      if (!in.readable()) {
         std::cerr << "veil: " << name << ": cannot read\n";
         status = 1;
         continue;
      }
      const format f = s.forced_format.value_or(detect_format(in.start()));
      // A stream reader writes as it reads; the spool holds its output until the record
      // says the message was accepted.
      spool.clear();
      redacted.clear();
      audit_record record;
      if (!by_policy) {
         record = redact_message_stream(
            f, s.mask, options, in, [&spool](std::string_view bytes) { spool.write(bytes); }, name);
      }
      else if (in.read_whole(whole, policy_message_limit)) {
         record = by_policy->redact(f, whole, redacted, name, also_to);
      }
      else {
         record = by_policy->stamped(refused_record(f, name, policy_message_limit, std::string(too_long_for_a_policy)));
      }
      if (in.failed()) {
         std::cerr << "veil: " << name << ": cannot read\n";
         status = 1;
         continue;
      }
      record.time = time_stamp();
      if (!s.recipient.empty() && !record.rejected()) {
         record.released_to = s.recipient;
      }
      if (record.rejected()) {
         std::cerr << "veil: " << name << ": byte " << record.error->offset << ": " << record.error->reason << '\n';
         status = 1;
      }
      else {
         decided_any = true;
         out.write(redacted);
         if (!spool.copy_to(out)) {
            std::cerr << "veil: " << name << ": the output could not be read back from its temporary file\n";
            status = 2;
         }
      }
      if (audit.is_open()) {
         audit.write(chain->append(record));
      }
      if (s.summary && !record.rejected()) {
         std::cerr << summary_line(record);
      }
   }
   if (audit.is_open()) {
      audit.write(chain->close());
   }
   if (audit.is_open() && !audit.flush_ok()) {
      std::cerr << "veil: " << audit.name() << ": write failed\n";
      status = 2;
   }
   if ((decided_any || s.output_path.empty()) && !out.commit()) {
      std::cerr << "veil: " << out.name() << ": write failed\n";
      status = 2;
   }
   return status;
}

}  // namespace veil::cli
