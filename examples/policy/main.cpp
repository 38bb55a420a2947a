#include <veil/policy/identity.hpp>
#include <veil/policy/policy_redactor.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

int main()
{
   // One policy for the whole gateway, read when it starts (or from a preset:
   // veil::policy::preset_text("immigration-withhold")).
   constexpr std::string_view policy_text = R"({
      "version": 1,
      "policy_version": "2026-12-03",
      "lists": { "immigration_enforcement": ["VTICE0900"] },
      "default": { "redact": ["address", "immigration"] },
      "rules": [ { "name": "no-immigration-enforcement",
                   "match": { "recipient": ["@immigration_enforcement"] },
                   "withhold": true } ]
   })";
   // Every audit line names it as "gateway policy", with the SHA-256 of these bytes.
   const veil::policy::policy_redactor redactor{ veil::policy::read_identified_policy(policy_text, "gateway policy") };

   // A driver record response from Washington to an Oregon agency, as its header says.
   const std::string response = "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\n"
                                "TXT\nNAM/SAMPLE, PAT Q  DOB/02291980\nRES ADDR: 1234 EXAMPLE AVE\n"
                                "POB: MX\nOLN/SAMPLPQ123AB\n";

   // Decided per message from its recipients: the one its header names, then the same
   // response on its way to an agency on the immigration-enforcement list.
   for (const std::vector<std::string>& also_to : { std::vector<std::string>{}, { "VTICE0900" } }) {
      std::string out;
      const veil::audit_record audit = redactor.redact(veil::format::nlets_text, response, out, "response", also_to);
      std::cout << out << veil::to_json_line(audit);
   }
}
