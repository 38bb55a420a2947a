#pragma once
// Runs the cases of a policy tests file (policy_test_cases.hpp): each message is decided
// for the case's recipients alone, as `veil explain` decides it, and what the case expects
// is checked against the outcome, the audit record and the bytes released.
//
// What is absent or present in the released bytes is judged as a reader of them would:
// the format's reader masks the category or field in the output once more. A value the
// policy dropped is gone, one it masked is mask bytes already, so neither changes; a value
// that went out as it was does. A withheld or rejected message releases nothing, so
// everything is absent from it.

#include "input_files.hpp"
#include "policy_source.hpp"
#include "policy_test_cases.hpp"
#include "shipped_samples.hpp"

#include <veil/audit.hpp>
#include <veil/format.hpp>
#include <veil/format_redactors.hpp>
#include <veil/policy/policy_redactor.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

// The bytes a case names: a shipped sample, or a file relative to the tests file's folder.
[[nodiscard]] inline std::string case_message(const policy_test_case& c, const std::filesystem::path& tests_folder)
{
   const std::string_view name = c.message;
   if (name.starts_with(sample_prefix)) {
      const std::optional<std::string_view> sample = sample_message(name.substr(sample_prefix.size()));
      if (!sample) {
         throw policy_error(c.path + ".message: no sample named '" + std::string(name.substr(sample_prefix.size())) +
                            "' (samples: " + sample_names() + ")");
      }
      return std::string(*sample);
   }
   const std::filesystem::path file = tests_folder / std::filesystem::path(c.message);
   std::optional<std::string> bytes = read_input(file.string(), policy_message_limit + 1);
   if (!bytes) {
      throw policy_error(c.path + ".message: cannot read '" + file.string() + "': " + unreadable_reason(file.string()));
   }
   if (bytes->size() > policy_message_limit) {
      throw policy_error(c.path + ".message: '" + file.string() + "' is " + std::string(too_long_for_a_policy));
   }
   return std::move(*bytes);
}

namespace policy_test_detail {

[[nodiscard]] inline std::string joined(const std::vector<std::string>& names)
{
   std::string text;
   for (const std::string& n : names) {
      text += (text.empty() ? "" : ", ") + n;
   }
   return text.empty() ? "none" : text;
}

// Whether `output` still shows `item` (see above); a reason when the format's reader
// refuses the output, which veil itself wrote.
struct reading_again
{
   bool shows = false;
   std::optional<std::string> refused;
};

[[nodiscard]] inline reading_again read_again(const veil::policy::policy_redactor& redactor, format f,
                                              std::string_view output, const std::string& sender,
                                              const content_item& item)
{
   veil::policy::decision d;
   d.applied = action::mask;
   if (item.kind) {
      d.redact = category_mask{ *item.kind };
   }
   else {
      d.fields[item.name] = field_rule::mask;
   }
   std::string again;
   const audit_record read = redact_message(f, d.redact, redactor.options_for(d, sender), output, again);
   if (read.rejected()) {
      return { false, "byte " + std::to_string(read.error->offset) + ": " + read.error->reason };
   }
   return { again != output, std::nullopt };
}

}  // namespace policy_test_detail

// The failures of one case, in words; none when it passed.
[[nodiscard]] inline std::vector<std::string> run_policy_test_case(const veil::policy::policy_redactor& redactor,
                                                                   const policy_test_case& c, std::string_view message)
{
   using namespace policy_test_detail;
   const format f = c.forced_format.value_or(detect_format(message.substr(0, format_detection_bytes)));
   std::string output;
   const audit_record audit = redactor.redact_for(f, message, output, c.recipients);
   const policy_expectation& expect = c.expect;
   const std::string happened = "outcome " + std::string(name_of(audit.result)) +
                                (audit.rejected() ? " (byte " + std::to_string(audit.error->offset) + ": " +
                                                       audit.error->reason + ")"
                                                  : "") +
                                ", rules " + joined(audit.rules);
   std::vector<std::string> failures;
   if (expect.result && *expect.result != audit.result) {
      failures.push_back("expected outcome " + std::string(name_of(*expect.result)) + ", got " + happened);
   }
   const bool withheld = audit.result == outcome::withheld;
   if (expect.withheld && *expect.withheld != withheld) {
      failures.push_back(std::string(*expect.withheld ? "expected withheld" : "expected not withheld") + ", got " +
                         happened);
   }
   if (expect.notify && *expect.notify != audit.notify) {
      failures.push_back(std::string(*expect.notify ? "expected a notification" : "expected no notification") +
                         ", got " + (audit.notify ? "one" : "none") + " (" + happened + ")");
   }
   if (expect.rules && *expect.rules != audit.rules) {
      failures.push_back("expected rules " + joined(*expect.rules) + ", got " + happened);
   }
   const bool released = audit.result == outcome::passed || audit.result == outcome::redacted;
   const auto check = [&](const content_item& item, bool want_present) {
      reading_again read;
      if (released) {
         read = read_again(redactor, f, output, audit.sender_ori, item);
      }
      if (read.refused) {
         failures.push_back("the output, read again for " + item.name + ", was refused at " + *read.refused);
      }
      else if (read.shows != want_present) {
         failures.push_back("expected " + item.name + (want_present ? " present" : " absent") + ", but the output " +
                            (read.shows ? "shows it"
                                        : released ? "does not show it"
                                                   : "is nothing: the message was " + std::string(name_of(audit.result))) +
                            " (" + happened + ")");
      }
   };
   for (const content_item& item : expect.absent) {
      check(item, false);
   }
   for (const content_item& item : expect.present) {
      check(item, true);
   }
   return failures;
}

}  // namespace veil::cli
