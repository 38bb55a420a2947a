// Redacts with an installed veil and exits non-zero if anything is not as documented.

#include <veil/nlets/text_redactor.hpp>
#include <veil/version.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view query = "IAQ.ORTEST001.AX.TXT\nNAM/EXAMPLE,ALEX.POB/ZZ.SEX/M.ARN/012345678";
// POB takes the '.' after it; ARN, the last field, takes the '.' before it.
constexpr std::string_view redacted = "IAQ.ORTEST001.AX.TXT\nNAM/EXAMPLE,ALEX.SEX/M";
constexpr std::string_view malformed = "IAQ.ORTEST001.AX.TXT\nNAM/EXAMPLE,ALEX.POBZZ";

template <typename Redactor>
bool redacts_and_rejects(const Redactor& redactor, const char* which)
{
   std::string out;
   const veil::audit_record audit = redactor.redact(query, out);
   if (out != redacted || audit.result != veil::outcome::redacted || audit.fields.size() != 2) {
      std::fprintf(stderr, "%s mask: unexpected output '%s'\n", which, out.c_str());
      return false;
   }
   out.clear();
   if (!redactor.redact(malformed, out).rejected() || !out.empty()) {
      std::fprintf(stderr, "%s mask: malformed message was not rejected\n", which);
      return false;
   }
   return true;
}

}  // namespace

int main()
{
   if (std::string_view(veil::version_string) != PACKAGE_VERSION) {
      std::fprintf(stderr, "headers say %s, package says %s\n", veil::version_string, PACKAGE_VERSION);
      return 1;
   }
   const veil::nlets::text_redactor<veil::static_mask<veil::default_mask>> fixed;
   const veil::nlets::text_redactor configured{ veil::runtime_mask{ veil::parse_mask("immigration") } };
   return redacts_and_rejects(fixed, "static") && redacts_and_rejects(configured, "runtime") ? 0 : 1;
}
