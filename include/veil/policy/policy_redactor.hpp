#pragma once
// Applies a policy to whole messages: reads each message's routing (key, sender,
// recipients), decides what its recipients may receive, then redacts it — or withholds
// it — and says so in the audit record with the names of the rules that decided.
//
//   veil::policy::policy_redactor redactor{ veil::policy::read_policy(json) };
//   std::string out;
//   veil::audit_record audit = redactor.redact(veil::format::nlets_text, message, out);
//
// A message is read twice: once under an empty mask for its routing (a message that
// does not parse is rejected there), once under the decided mask — unless that removes
// nothing, and the first reading is the output. The recipients are
// those the message names plus any the caller adds (the agency the output goes to, when
// the caller knows it better than the header); all of them receive the same bytes, so
// the strictest combination of their rules applies. Every record it returns, a rejected
// one too, names the policy when it has an identity (identity.hpp).

#include <veil/audit.hpp>
#include <veil/format.hpp>
#include <veil/format_redactors.hpp>
#include <veil/policy/policy.hpp>
#include <veil/policy/record_key.hpp>
#include <veil/recipient.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::policy {

// The override tags of `fields` ("nlets:POB") that belong to format `family` ("nlets"),
// without the family.
[[nodiscard]] inline field_overrides overrides_for(const std::map<std::string, field_rule>& fields,
                                                   std::string_view family)
{
   field_overrides overrides;
   for (const auto& [id, what] : fields) {
      if (id.size() > family.size() && id.starts_with(family) && id[family.size()] == ':') {
         overrides.set(std::string_view(id).substr(family.size() + 1), what);
      }
   }
   return overrides;
}

// What a message's routing says about where it goes.
struct routing
{
   std::string message_key;
   std::string sender_ori;
   std::vector<std::string> recipients;  // the message's own and the caller's, each once
};

class policy_redactor
{
public:
   // `base` gives every format's options besides what the policy decides (limits,
   // framing mode, labels of one's own); the policy sets action, overrides and adds the
   // responding state's labels.
   explicit policy_redactor(policy p, format_options base = {}) : policy_(std::move(p)), base_(std::move(base)) {}

   [[nodiscard]] const veil::policy::policy& rules() const noexcept { return policy_; }

   // The decision for a message with this routing.
   [[nodiscard]] decision decide_for(format f, const routing& r) const
   {
      return decide(policy_, f, r.message_key, r.recipients);
   }

   // The options a decided message is redacted with.
   [[nodiscard]] format_options options_for(const decision& d, std::string_view sender_ori) const
   {
      format_options options = base_;
      options.set_action(d.applied);
      options.text.overrides = overrides_for(d.fields, "nlets");
      // Free text inside XML is Nlets text: its prefixes and labels are overridden too.
      options.xml.overrides = overrides_for(d.fields, "nlets-xml");
      for (const auto& [tag, what] : options.text.overrides) {
         options.xml.overrides.set(tag, what);
      }
      options.aamva.overrides = overrides_for(d.fields, "aamva");
      options.ansi_nist.overrides = overrides_for(d.fields, "ansi-nist");
      options.add_labels(labels_for_sender(policy_, sender_ori));
      return options;
   }

   // Reads the routing of one whole message; a message that does not parse comes back
   // as a rejected audit record, and `found` is then left as it was.
   [[nodiscard]] audit_record read_routing(format f, std::string_view message, routing& found,
                                           const std::vector<std::string>& also_to = {},
                                           std::string_view input_name = {}) const
   {
      return stamped(read(f, message, found, also_to, input_name).audit);
   }

   // Redacts one whole message as the policy decides for its recipients (its own plus
   // `also_to`); appends what is released to `out` (nothing when it is withheld or
   // rejected) and returns its audit record.
   audit_record redact(format f, std::string_view message, std::string& out, std::string_view input_name = {},
                       const std::vector<std::string>& also_to = {}) const
   {
      routing r;
      reading first = read(f, message, r, also_to, input_name);
      return stamped(first.audit.rejected() ? first.audit : release(f, message, r, std::move(first), out, input_name));
   }

   // The same for `recipients` alone, whatever the message names: what these agencies
   // would receive (the question `veil explain` answers).
   audit_record redact_for(format f, std::string_view message, std::string& out,
                           const std::vector<std::string>& recipients, std::string_view input_name = {}) const
   {
      routing r;
      reading first = read(f, message, r, {}, input_name);
      r.recipients = recipients;
      return stamped(first.audit.rejected() ? first.audit : release(f, message, r, std::move(first), out, input_name));
   }

   // `audit` named as decided by this policy, when it has an identity (identity.hpp): a
   // message it rejected was refused under it too.
   [[nodiscard]] audit_record stamped(audit_record audit) const
   {
      audit.policy = policy_.identity;
      return audit;
   }

private:
   // The first reading of a message, under an empty mask: its record, and what it wrote,
   // which is already the output when the decision removes nothing.
   struct reading
   {
      audit_record audit;
      std::string output;
   };

   [[nodiscard]] reading read(format f, std::string_view message, routing& found, const std::vector<std::string>& also_to,
                              std::string_view input_name) const
   {
      reading first;
      first.audit = redact_message(f, category_mask{}, base_, message, first.output, input_name);
      if (first.audit.rejected()) {
         return first;
      }
      if (const std::optional<rejection> unreadable = unreadable_routing(first.audit, also_to)) {
         first.output.clear();
         mark_rejected(first.audit, *unreadable);
         return first;
      }
      found.message_key = first.audit.message_key;
      found.sender_ori = first.audit.sender_ori;
      found.recipients = first.audit.recipients;
      for (const std::string& ori : also_to) {
         if (std::find(found.recipients.begin(), found.recipients.end(), ori) == found.recipients.end()) {
            found.recipients.push_back(ori);
         }
      }
      return first;
   }

   // What a policy cannot decide by: a recipient, of the message or of the caller, that is
   // not a well-formed ORI or destination code, a sender that is not an ORI, or a message
   // key that is not one. Every reader already refuses these where it reads them; a
   // policy decides only by values it can match exactly, whatever reader filled the record.
   [[nodiscard]] static std::optional<rejection> unreadable_routing(const audit_record& audit,
                                                                    const std::vector<std::string>& also_to)
   {
      for (const std::string& ori : audit.recipients) {
         if (!is_well_formed_recipient(ori)) {
            return rejection{ 0, "a recipient of the message is not a 2-character destination or a 9-character ORI" };
         }
      }
      for (const std::string& ori : also_to) {
         if (!is_well_formed_recipient(ori)) {
            return rejection{ 0, "a recipient given with the message is not a 2-character destination or a "
                                 "9-character ORI" };
         }
      }
      // The sender chooses the responding state's labels.
      if (!audit.sender_ori.empty() && !is_well_formed_ori(audit.sender_ori)) {
         return rejection{ 0, "the sender is not a 9-character ORI of upper-case letters and digits" };
      }
      if (!audit.message_key.empty() && !is_well_formed_message_key(audit.message_key)) {
         return rejection{ 0, "the message key is not 2 to 16 upper-case letters or digits" };
      }
      return std::nullopt;
   }

   // Decides a message whose routing was read and redacts or withholds it. A decision
   // that removes nothing (no category, no field override) releases what the first
   // reading wrote: the action and the state's labels change nothing without a category,
   // so a second pass over the bytes would write the same.
   audit_record release(format f, std::string_view message, const routing& r, reading first, std::string& out,
                        std::string_view input_name) const
   {
      const decision d = decide_for(f, r);
      audit_record audit = std::move(first.audit);
      if (d.withhold) {
         mark_withheld(audit);
      }
      else if (d.redact.empty() && d.fields.empty()) {
         out += first.output;
      }
      else {
         audit = redact_message(f, d.redact, options_for(d, r.sender_ori), message, out, input_name);
         if (audit.rejected()) {
            return audit;
         }
      }
      audit.rules = d.rules;
      audit.notify = d.notify;
      if (d.notify) {
         audit.record_key = record_key(f, message);
      }
      return audit;
   }

   veil::policy::policy policy_;
   format_options base_;
};

}  // namespace veil::policy
