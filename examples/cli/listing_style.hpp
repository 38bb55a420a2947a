#pragma once
// How `veil fields` prints a dictionary, and the members every JSON entry starts with.

#include <veil/category.hpp>
#include <veil/detail/json_writer.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace veil::cli {

enum class listing_style { text, json, markdown };

// Opens one JSON object of a listing (a comma before it unless it is the first) with its
// format, kind, tag and category (null for none); the caller adds the members of its kind
// and the closing brace.
inline void open_json_entry(std::string& out, std::string_view format, std::string_view kind, std::string_view tag,
                            std::optional<category> sensitivity)
{
   out += out.empty() ? "{" : ",{";
   detail::append_json_member(out, "format", format);
   out += ',';
   detail::append_json_member(out, "kind", kind);
   out += ',';
   detail::append_json_member(out, "tag", tag);
   out += ",\"category\":";
   if (sensitivity) {
      detail::append_json_string(out, name_of(*sensitivity));
   }
   else {
      out += "null";
   }
}

}  // namespace veil::cli
