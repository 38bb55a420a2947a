#pragma once
// `veil fields`: the NCIC miscellaneous-number types (ncic_mnu.hpp) that decide the
// category of an MNU in Nlets text, an identification category code in XML and EBTS
// 2.017, listed with the Nlets text dictionary, where MNU/ is defined.

#include "listing_style.hpp"

#include <veil/category.hpp>
#include <veil/ncic_mnu.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace veil::cli {

[[nodiscard]] inline std::string mnu_category_text(const mnu_type& t)
{
   return t.kind ? std::string(name_of(*t.kind)) : std::string("-");
}

// Appends the types to a listing `out` in `style`; `format` names the dictionary they are
// listed with.
inline void append_mnu_types(std::string& out, listing_style style, std::string_view format)
{
   switch (style) {
      case listing_style::markdown:
         out += "\n| MNU type | meaning | category |\n|---|---|---|\n";
         for (const mnu_type& t : mnu_types) {
            out += "| `" + std::string(t.code) + "` | " + std::string(t.meaning) + " | " + mnu_category_text(t) + " |\n";
         }
         out += "| any other | a type veil cannot place | " + std::string(name_of(unknown_mnu_category)) + " |\n";
         return;
      case listing_style::json:
         for (const mnu_type& t : mnu_types) {
            open_json_entry(out, format, "mnu-type", t.code, t.kind);
            out += ',';
            detail::append_json_member(out, "meaning", t.meaning);
            out += '}';
         }
         return;
      case listing_style::text:
         break;
   }
   char row[256];
   for (const mnu_type& t : mnu_types) {
      std::snprintf(row, sizeof row, "%-12s %-35s %-12s %s\n", std::string(format).c_str(),
                    ("MNU type \"" + std::string(t.code) + "\"").c_str(), mnu_category_text(t).c_str(),
                    std::string(t.meaning).c_str());
      out += row;
   }
}

}  // namespace veil::cli
