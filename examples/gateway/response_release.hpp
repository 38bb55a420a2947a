#pragma once
// What one message on its way to the requester becomes: its format is detected, the
// policy redacts it for the recipients its own header names, and the result says what
// to send (the redacted bytes, the withheld notice, or nothing) and how it is audited.

#include <veil/format.hpp>
#include <veil/policy/policy_redactor.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace veil::gateway {

struct release
{
   std::optional<std::string> to_send;  // nullopt: nothing goes to the requester
   audit_record audit;
};

[[nodiscard]] inline release release_response(const policy::policy_redactor& redactor, std::string_view message,
                                              std::string_view input_name, const std::string& withheld_notice)
{
   release r;
   std::string out;
   r.audit = redactor.redact(detect_format(message), message, out, input_name);
   switch (r.audit.result) {
      case outcome::passed:
      case outcome::redacted: r.to_send = std::move(out); break;
      case outcome::withheld:
         if (!withheld_notice.empty()) {
            r.to_send = withheld_notice;
         }
         break;
      case outcome::rejected: break;
   }
   return r;
}

}  // namespace veil::gateway
