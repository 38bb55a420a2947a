// Redacts a pugixml tree with an installed veil::xml_dom; exits non-zero if the photo
// survives or anything else changes.

#include <veil/xml/dom_redactor.hpp>

#include <pugixml.hpp>

#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>

int main()
{
   constexpr std::string_view message = "<m xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\">"
                                        "<nc:PersonName>A</nc:PersonName><nc:Image>PHOTO</nc:Image></m>";
   pugi::xml_document document;
   if (!document.load_buffer(message.data(), message.size())) {
      std::fputs("the message did not parse\n", stderr);
      return 1;
   }
   const veil::xml::dom_redactor redactor{ veil::runtime_mask{ veil::default_mask } };
   const veil::audit_record audit = redactor.redact(document);
   std::ostringstream saved;
   document.save(saved, "", pugi::format_raw | pugi::format_no_declaration);
   const std::string expected = "<m xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\"><nc:PersonName>A</nc:PersonName></m>";
   if (saved.str() != expected || audit.result != veil::outcome::redacted || audit.fields.size() != 1) {
      std::fprintf(stderr, "unexpected tree '%s'\n", saved.str().c_str());
      return 1;
   }
   return 0;
}
