#pragma once
// `veil fields --format ansi-nist`: the record types and the Type-2 fields of an
// ANSI/NIST-ITL transaction.

#include "listing_style.hpp"

#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/detail/json_writer.hpp>

#include <cstdio>
#include <string>

namespace veil::cli {

[[nodiscard]] inline std::string ansi_nist_category(const std::optional<category>& c)
{
   return c ? std::string(name_of(*c)) : "-";
}

[[nodiscard]] inline std::string list_ansi_nist(listing_style style)
{
   using ansi_nist::record_entry;
   const auto record_tag = [](const record_entry& r) { return "Type-" + std::to_string(r.type); };
   const auto field_category = [](const field_entry& f) {
      return ansi_nist_category(f.sensitivity) + (f.condition.empty() ? "" : " (" + std::string(f.condition) + ")");
   };
   std::string out;
   switch (style) {
      case listing_style::markdown:
         out += "| record | category | encoding | description |\n|---|---|---|---|\n";
         for (const record_entry& r : ansi_nist::record_dictionary) {
            out += "| " + record_tag(r) + " | " + ansi_nist_category(r.sensitivity) + " | " +
                   (r.binary ? "binary" : "tagged") + " | " + std::string(r.description) + " |\n";
         }
         out += "\n| field | mnemonic | category | description |\n|---|---|---|---|\n";
         for (const field_entry& f : ansi_nist::type2_dictionary) {
            out += "| `" + std::string(f.tag) + "` | " + std::string(f.name) + " | " + field_category(f) + " | " +
                   std::string(f.description) + " |\n";
         }
         return out;
      case listing_style::json:
         for (const record_entry& r : ansi_nist::record_dictionary) {
            open_json_entry(out, ansi_nist::ansi_nist_format_name, "record", record_tag(r), r.sensitivity);
            out += ',';
            detail::append_json_member(out, "encoding", r.binary ? "binary" : "tagged");
            out += ',';
            detail::append_json_member(out, "description", r.description);
            out += '}';
         }
         for (const field_entry& f : ansi_nist::type2_dictionary) {
            open_json_entry(out, ansi_nist::ansi_nist_format_name, "field", f.tag, f.sensitivity);
            out += ',';
            detail::append_json_member(out, "name", f.name);
            out += ',';
            detail::append_json_member(out, "description", f.description);
            if (!f.condition.empty()) {
               out += ',';
               detail::append_json_member(out, "condition", f.condition);
            }
            out += '}';
         }
         return out;
      case listing_style::text:
         break;
   }
   char row[256];
   for (const record_entry& r : ansi_nist::record_dictionary) {
      std::snprintf(row, sizeof row, "%-12s %-8s %-12s %s\n", std::string(ansi_nist::ansi_nist_format_name).c_str(),
                    record_tag(r).c_str(), ansi_nist_category(r.sensitivity).c_str(),
                    std::string(r.description).c_str());
      out += row;
   }
   for (const field_entry& f : ansi_nist::type2_dictionary) {
      std::snprintf(row, sizeof row, "%-12s %-8s %-12s %s\n", std::string(ansi_nist::ansi_nist_format_name).c_str(),
                    std::string(f.tag).c_str(), field_category(f).c_str(), std::string(f.description).c_str());
      out += row;
   }
   return out;
}

}  // namespace veil::cli
