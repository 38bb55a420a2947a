#pragma once
// The record key a person-notification duty needs (NY VTL §201(12), IL 625 ILCS
// 5/6-110.3, MA 940 CMR 37.04: tell the person their record was requested): the driver
// licence number the message carries. It is read only for a rule that asks to notify,
// from a message the format's reader has already accepted, and it is the one value an
// audit line ever holds.
//
// Where it is found: Nlets text, and free text inside XML, an "OLN/" field; Nlets XML a
// DriverLicenseIdentification's IdentificationID; AAMVA the customer id number DAQ.
// ANSI/NIST transactions carry no licence number: the key is empty.

#include <veil/aamva/payload_reader.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/format.hpp>
#include <veil/rejection.hpp>

#include <string>
#include <string_view>

namespace veil::policy {

namespace internal {

[[nodiscard]] constexpr bool ends_value(char c) noexcept
{
   return c == '.' || detail::is_blank(c) || detail::is_control(c);
}

// The value of the first "OLN/" that starts a field (at the start, or after a blank,
// a period or a line break).
[[nodiscard]] inline std::string licence_field(std::string_view text)
{
   constexpr std::string_view prefix = "OLN/";
   for (std::size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
      if (at == 0 || ends_value(text[at - 1])) {
         std::size_t end = at + prefix.size();
         while (end < text.size() && !ends_value(text[end])) {
            ++end;
         }
         return std::string(text.substr(at + prefix.size(), end - at - prefix.size()));
      }
   }
   return {};
}

// Whether `local` found at `at` names an opening tag: "<local>" or "<prefix:local>".
[[nodiscard]] inline bool opens_element(std::string_view xml, std::size_t at, std::string_view local)
{
   const std::size_t lt = xml.rfind('<', at);
   if (lt == std::string_view::npos || at + local.size() >= xml.size() || xml[at + local.size()] != '>') {
      return false;
   }
   const std::string_view prefix = xml.substr(lt + 1, at - lt - 1);
   return prefix.empty() ||
          (prefix.back() == ':' && prefix.find_first_of("/>:!? \t\r\n") == prefix.size() - 1 && prefix.size() > 1);
}

// The text of the first element named `local` (any prefix) at or after `from`; `from`
// moves past its start tag, or to npos when there is none.
[[nodiscard]] inline std::string_view element_text(std::string_view xml, std::string_view local, std::size_t& from)
{
   for (std::size_t at = xml.find(local, from); at != std::string_view::npos; at = xml.find(local, at + 1)) {
      if (opens_element(xml, at, local)) {
         from = at + local.size() + 1;
         return xml.substr(from, xml.find('<', from) - from);
      }
   }
   from = std::string_view::npos;
   return {};
}

[[nodiscard]] inline std::string xml_licence(std::string_view xml)
{
   std::size_t from = 0;
   (void)element_text(xml, "DriverLicenseIdentification", from);
   if (from != std::string_view::npos) {
      const std::string_view id = element_text(xml, "IdentificationID", from);
      if (from != std::string_view::npos) {
         return std::string(id);
      }
   }
   return licence_field(xml);
}

[[nodiscard]] inline std::string aamva_licence(std::string_view bytes)
{
   try {
      const aamva::payload p = aamva::read_payload(bytes, aamva::framing_mode::lenient);
      for (const aamva::subfile& s : p.subfiles) {
         for (const aamva::element_span& e : s.elements) {
            const std::string_view element = bytes.substr(e.begin, e.end - e.begin);
            if (element.starts_with("DAQ")) {
               return std::string(element.substr(3));
            }
         }
      }
   }
   catch (const rejected_input&) {
      // The message was accepted by its reader before this; a payload read leniently
      // that still fails has no key to give.
   }
   return {};
}

}  // namespace internal

// The licence number `message` carries, or "" when it holds none.
[[nodiscard]] inline std::string record_key(format f, std::string_view message)
{
   switch (f) {
      case format::nlets_text: return internal::licence_field(message);
      case format::nlets_xml: return internal::xml_licence(message);
      case format::aamva: return internal::aamva_licence(message);
      case format::ansi_nist: return {};
   }
   return {};
}

}  // namespace veil::policy
