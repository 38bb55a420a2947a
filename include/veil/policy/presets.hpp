#pragma once
// The statute presets: policies that model one law each, shipped as JSON text so that
// `read_policy(preset_text(name))` loads them like any policy file. The same texts are
// docs/policies/<name>.json, which a test keeps byte-equal to these. Each names the date
// of its last change in "policy_version": change it with the text, so that an audit
// line's version says which wording decided (its SHA-256 proves it).

#include <array>
#include <optional>
#include <string_view>

namespace veil::policy {

struct preset
{
   std::string_view name;
   std::string_view json;
};

inline constexpr std::array<preset, 3> presets{ {
   { "immigration-withhold", R"json({
  "version": 1,
  "policy_version": "2026-12-03",
  "description": "Withholds every message from agencies that primarily enforce immigration law and marks it for the person's notification; releases the rest unchanged. Models NY VTL 201(12) (Driver's License Access and Privacy Act), IL 625 ILCS 5/6-110.3 and MA 940 CMR 37.04: no record to such an agency without a judicial warrant or court order (a release under a warrant is decided by people, not by this policy), and the person is told within three (business) days.",
  "lists": { "immigration_enforcement": ["VTICE0900", "AX"] },
  "default": { "redact": [] },
  "rules": [
    { "name": "withhold-from-immigration-enforcement",
      "description": "Agencies that primarily enforce immigration law receive nothing; the person is to be notified.",
      "law": "NY VTL §201(12), 625 ILCS 5/6-110.3, 940 CMR 37.04",
      "match": { "recipient": ["@immigration_enforcement"] },
      "withhold": true, "notify": true }
  ]
}
)json" },
   { "dppa-highly-restricted", R"json({
  "version": 1,
  "policy_version": "2026-12-03",
  "description": "Removes highly restricted personal information as the Driver's Privacy Protection Act defines it, 18 U.S.C. 2725(4): the photograph or image, the social security number, medical or disability information. For releases outside the uses 18 U.S.C. 2721(b) permits without consent.",
  "default": { "redact": ["photo", "ssn", "medical"], "law": "18 U.S.C. §2725(4)" }
}
)json" },
   { "immigration-minimize", R"json({
  "version": 1,
  "policy_version": "2026-12-03",
  "description": "Releases no address, place of birth, citizenship, lawful-status indicator or identity-source document number to anyone, and to agencies that primarily enforce immigration law also no photo, biometric, social security number or contact data. Models Washington (Keep Washington Working Act, 2019), Colorado (C.R.S. 24-74-101 ff., SB21-131) and California (Gov. Code 7284.6, SB 54; Veh. Code 12801.9): data that reveal immigration status or where a person lives are not shared for immigration enforcement.",
  "lists": { "immigration_enforcement": ["VTICE0900", "AX"] },
  "default": { "redact": ["address", "immigration"], "law": "Keep Washington Working Act (2019), C.R.S. 24-74-101 ff., Cal. Gov. Code §7284.6" },
  "rules": [
    { "name": "minimize-for-immigration-enforcement",
      "description": "Agencies that primarily enforce immigration law also get no photo, biometric, social security number or contact data.",
      "law": "Keep Washington Working Act (2019), C.R.S. 24-74-101 ff., Cal. Gov. Code §7284.6",
      "match": { "recipient": ["@immigration_enforcement"] },
      "redact": ["address", "immigration", "photo", "biometric", "ssn", "contact"] }
  ]
}
)json" },
} };

// The JSON text of the preset named `name`, or nullopt.
[[nodiscard]] constexpr std::optional<std::string_view> preset_text(std::string_view name) noexcept
{
   for (const preset& p : presets) {
      if (p.name == name) {
         return p.json;
      }
   }
   return std::nullopt;
}

}  // namespace veil::policy
