#include <veil/xml/dom_redactor.hpp>

#include <pugixml.hpp>

#include <iostream>
#include <string_view>

int main()
{
   // A response an integrator has already parsed with pugixml.
   constexpr std::string_view message =
      "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\" xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\">"
      "<nc:PersonName>DOE, JO</nc:PersonName><nc:PersonBirthLocation>MX</nc:PersonBirthLocation></n2:NLETS>";
   pugi::xml_document document;
   if (!document.load_buffer(message.data(), message.size())) {
      return 1;
   }

   // Same mask, same decisions as the stream redactor; the tree is changed in place.
   const veil::xml::dom_redactor redactor{ veil::runtime_mask{ veil::parse_mask("address,photo,immigration") } };
   const veil::audit_record audit = redactor.redact(document);

   document.save(std::cout, "", pugi::format_raw | pugi::format_no_declaration);
   std::cout << '\n' << veil::to_json_line(audit);
   return audit.rejected() ? 1 : 0;
}
