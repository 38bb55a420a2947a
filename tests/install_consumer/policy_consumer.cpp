// Decides a message by a preset with an installed veil::policy_json (simdjson and
// libsodium found through veil's package config); exits non-zero unless the audit line
// names the preset by its version and the SHA-256 of its text.

#include <veil/policy/identity.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/presets.hpp>

#include <cstdio>
#include <string>
#include <string_view>

int main()
{
   const std::string_view text = *veil::policy::preset_text("immigration-withhold");
   const veil::policy::policy_redactor redactor{ veil::policy::read_identified_policy(text, "preset:immigration-withhold") };
   std::string out;
   const veil::audit_record audit = redactor.redact(veil::format::nlets_text, "DQ.ORTEST001.WA.TXT\nNAM/DOE,JO", out);
   const std::string line = veil::to_json_line(audit);
   const std::string expected = R"("policy":{"name":"preset:immigration-withhold","version":"2026-12-03","sha256":")" +
                                veil::policy::sha256_hex(text) + R"("})";
   if (audit.result != veil::outcome::passed || line.find(expected) == std::string::npos) {
      std::fprintf(stderr, "unexpected audit line %s", line.c_str());
      return 1;
   }
   return 0;
}
