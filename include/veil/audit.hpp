#pragma once
// What happened to one message, for the people who must answer for it: which fields
// were removed, where they were and why — never what they held.

#include <veil/action.hpp>
#include <veil/category.hpp>
#include <veil/detail/json_writer.hpp>
#include <veil/policy_identity.hpp>
#include <veil/rejection.hpp>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

// withheld: a policy kept the whole message from its recipients.
enum class outcome : std::uint8_t { passed, redacted, withheld, rejected };

[[nodiscard]] constexpr std::string_view name_of(outcome o) noexcept
{
   switch (o) {
      case outcome::passed: return "passed";
      case outcome::redacted: return "redacted";
      case outcome::withheld: return "withheld";
      case outcome::rejected: return "rejected";
   }
   return "unknown";
}

struct redacted_field
{
   std::string tag;  // field prefix, element id or free-text label
   category kind = category::address;
   action applied = action::drop;
   std::size_t offset = 0;  // of the field in the input message
   std::size_t length = 0;  // of the field in the input message
};

struct audit_record
{
   std::string time;  // UTC, ISO 8601, when the caller stamps it (time_stamp())
   std::string format;
   std::string input;  // name of the message's source (file name, connection), may be empty
   std::string message_key;
   std::string sender_ori;
   std::vector<std::string> recipients;
   std::string control_field;
   std::string released_to;  // the agency the output goes to, when the caller knows it
   outcome result = outcome::passed;
   std::vector<redacted_field> fields;
   std::vector<std::string> notes;  // what else the format made change (an integrity record dropped)
   std::vector<std::string> rules;  // the policy rules that decided the message, when a policy did
   std::optional<policy_identity> policy;  // the policy in force, when one read from bytes decided
   // A rule asked that the person be told their record was requested (NY, IL, MA): the
   // record key (licence number) is the one value an audit line carries, so that the
   // notice can reach them. Empty when the message holds none.
   bool notify = false;
   std::string record_key;
   std::optional<rejection> error;

   [[nodiscard]] bool rejected() const noexcept { return result == outcome::rejected; }
};

// `when` in UTC as ISO 8601 with milliseconds, e.g. "2026-11-26T21:30:05.123Z".
[[nodiscard]] inline std::string time_stamp(std::chrono::system_clock::time_point when = std::chrono::system_clock::now())
{
   using namespace std::chrono;
   const auto day = floor<days>(when);
   const year_month_day date{ day };
   const hh_mm_ss clock{ floor<milliseconds>(when - day) };
   char text[32];
   std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                 static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                 static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                 static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
   return text;
}

// The record of one message before it is read.
[[nodiscard]] inline audit_record new_audit_record(std::string_view format, std::string_view input)
{
   audit_record audit;
   audit.format = std::string(format);
   audit.input = std::string(input);
   return audit;
}

// The message was read to its end: it passed unchanged, or fields were redacted (or the
// format made another change the notes tell).
inline void mark_completed(audit_record& audit) noexcept
{
   audit.result = audit.fields.empty() && audit.notes.empty() ? outcome::passed : outcome::redacted;
}

// The message was refused: nothing of it is released, so no field was redacted either.
inline void mark_rejected(audit_record& audit, rejection why)
{
   audit.result = outcome::rejected;
   audit.fields.clear();
   audit.notes.clear();
   audit.error = std::move(why);
}

// A policy kept the message from its recipients: nothing of it is released.
inline void mark_withheld(audit_record& audit) noexcept
{
   audit.result = outcome::withheld;
   audit.fields.clear();
   audit.notes.clear();
}

// The record of one message redacted by `redact(audit)`, which fills in its fields: a
// rejection it throws ends the record as rejected, anything else as completed.
template <typename Redact>
[[nodiscard]] audit_record audited(std::string_view format, std::string_view input, Redact&& redact)
{
   audit_record audit = new_audit_record(format, input);
   try {
      redact(audit);
      mark_completed(audit);
   }
   catch (const rejected_input& e) {
      mark_rejected(audit, e.to_rejection());
   }
   return audit;
}

// "policy":{"name":...,"version":...,"sha256":...,"lists":[...]}, without a version the
// policy does not give or lists none were added.
inline void append_policy_identity(std::string& out, const policy_identity& p)
{
   using detail::append_json_member;
   out += ",\"policy\":{";
   append_json_member(out, "name", p.name);
   if (!p.version.empty()) {
      out += ',';
      append_json_member(out, "version", p.version);
   }
   out += ',';
   append_json_member(out, "sha256", p.sha256);
   if (!p.lists.empty()) {
      out += ",\"lists\":";
      detail::append_json_objects(out, p.lists, [&out](const recipient_list_identity& list) {
         append_json_member(out, "name", list.name);
         out += ',';
         append_json_member(out, "file", list.file);
         out += ',';
         append_json_member(out, "sha256", list.sha256);
      });
   }
   out += '}';
}

// One JSON object, terminated by '\n', so that an audit file is JSON Lines.
[[nodiscard]] inline std::string to_json_line(const audit_record& r)
{
   using detail::append_json_member;
   using detail::append_json_strings;
   std::string out = "{";
   if (!r.time.empty()) {
      append_json_member(out, "time", r.time);
      out += ',';
   }
   append_json_member(out, "format", r.format);
   if (!r.input.empty()) {
      out += ',';
      append_json_member(out, "input", r.input);
   }
   out += ',';
   append_json_member(out, "message_key", r.message_key);
   out += ',';
   append_json_member(out, "sender_ori", r.sender_ori);
   out += ",\"recipients\":";
   append_json_strings(out, r.recipients);
   if (!r.control_field.empty()) {
      out += ',';
      append_json_member(out, "control_field", r.control_field);
   }
   if (!r.released_to.empty()) {
      out += ',';
      append_json_member(out, "released_to", r.released_to);
   }
   if (!r.rules.empty()) {
      out += ",\"rules\":";
      append_json_strings(out, r.rules);
   }
   if (r.policy) {
      append_policy_identity(out, *r.policy);
   }
   out += ',';
   append_json_member(out, "outcome", name_of(r.result));
   out += ",\"fields\":";
   detail::append_json_objects(out, r.fields, [&out](const redacted_field& f) {
      append_json_member(out, "tag", f.tag);
      out += ',';
      append_json_member(out, "category", name_of(f.kind));
      out += ',';
      append_json_member(out, "action", name_of(f.applied));
      out += ',';
      append_json_member(out, "offset", f.offset);
      out += ',';
      append_json_member(out, "length", f.length);
   });
   if (!r.notes.empty()) {
      out += ",\"notes\":";
      append_json_strings(out, r.notes);
   }
   if (r.notify) {
      out += ",\"notify\":true,";
      append_json_member(out, "record_key", r.record_key);
   }
   if (r.error) {
      out += ",\"error\":{";
      append_json_member(out, "offset", r.error->offset);
      out += ',';
      append_json_member(out, "reason", r.error->reason);
      out += '}';
   }
   out += "}\n";
   return out;
}

}  // namespace veil
