#pragma once
// `veil fields --format aamva`: the AAMVA element dictionary with the versions that
// define each element.

#include "listing_style.hpp"

#include <veil/aamva/element_dictionary.hpp>
#include <veil/detail/json_writer.hpp>

#include <cstdio>
#include <string>

namespace veil::cli {

[[nodiscard]] inline std::string aamva_versions(const aamva::element_entry& e)
{
   char text[8];
   std::snprintf(text, sizeof text, e.first_version == e.last_version ? "%02u" : "%02u-%02u",
                 static_cast<unsigned>(e.first_version), static_cast<unsigned>(e.last_version));
   return text;
}

[[nodiscard]] inline std::string aamva_category(const aamva::element_entry& e)
{
   return e.sensitivity ? std::string(name_of(*e.sensitivity)) : "-";
}

[[nodiscard]] inline std::string list_aamva(listing_style style)
{
   std::string out;
   switch (style) {
      case listing_style::markdown:
         out += "| element | versions | category | description |\n|---|---|---|---|\n";
         for (const aamva::element_entry& e : aamva::element_dictionary) {
            out += "| `" + std::string(e.tag) + "` | " + aamva_versions(e) + " | " + aamva_category(e) + " | " +
                   std::string(e.description) + " |\n";
         }
         return out;
      case listing_style::json:
         for (const aamva::element_entry& e : aamva::element_dictionary) {
            open_json_entry(out, aamva::aamva_format_name, "element", e.tag, e.sensitivity);
            out += ',';
            detail::append_json_member(out, "versions", aamva_versions(e));
            out += ',';
            detail::append_json_member(out, "description", e.description);
            out += '}';
         }
         return out;
      case listing_style::text:
         break;
   }
   char row[256];
   for (const aamva::element_entry& e : aamva::element_dictionary) {
      std::snprintf(row, sizeof row, "%-12s %-4s %-6s %-12s %s\n", std::string(aamva::aamva_format_name).c_str(),
                    std::string(e.tag).c_str(), aamva_versions(e).c_str(), aamva_category(e).c_str(),
                    std::string(e.description).c_str());
      out += row;
   }
   return out;
}

}  // namespace veil::cli
