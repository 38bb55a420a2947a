#include <veil/nlets/text_redactor.hpp>

#include <iostream>
#include <string>

int main()
{
   // A driver-licence query on its way from a state switch to Nlets.
   const std::string message = "DQ.ORTEST001.WA.TXT\nNAM/DOE,JO.POB/MX.SEX/F";

   // A mask read from configuration; veil::static_mask<...> fixes one at compile time.
   const veil::runtime_mask mask{ veil::parse_mask("address,photo,immigration") };
   const veil::nlets::text_redactor redactor{ mask };

   std::string out;
   const veil::audit_record audit = redactor.redact(message, out);
   std::cout << out << '\n' << veil::to_json_line(audit);
   return audit.rejected() ? 1 : 0;
}
