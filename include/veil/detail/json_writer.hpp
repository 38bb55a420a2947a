#pragma once
// Just enough JSON output for audit lines and field listings: escaped strings and
// numbers appended to a std::string. No parser here; policy files use simdjson.

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace veil::detail {

inline void append_json_string(std::string& out, std::string_view s)
{
   out += '"';
   for (const char ch : s) {
      const auto byte = static_cast<unsigned char>(ch);
      switch (ch) {
         case '"': out += "\\\""; break;
         case '\\': out += "\\\\"; break;
         case '\n': out += "\\n"; break;
         case '\r': out += "\\r"; break;
         case '\t': out += "\\t"; break;
         default:
            if (byte < 0x20 || byte == 0x7f || byte >= 0x80) {
               // Non-ASCII is escaped byte by byte so the line stays valid UTF-8 whatever
               // the input held; audit strings are ORIs and tags, normally plain ASCII.
               char buf[8];
               std::snprintf(buf, sizeof buf, "\\u%04x", byte);
               out += buf;
            }
            else {
               out += ch;
            }
      }
   }
   out += '"';
}

inline void append_json_member(std::string& out, std::string_view key, std::string_view value)
{
   append_json_string(out, key);
   out += ':';
   append_json_string(out, value);
}

inline void append_json_member(std::string& out, std::string_view key, std::size_t value)
{
   append_json_string(out, key);
   out += ':';
   out += std::to_string(value);
}

// A JSON array of strings.
template <typename Strings>
void append_json_strings(std::string& out, const Strings& strings)
{
   out += '[';
   bool first = true;
   for (const auto& s : strings) {
      if (!first) {
         out += ',';
      }
      first = false;
      append_json_string(out, s);
   }
   out += ']';
}

// A JSON array of objects, one per item: `members(item)` appends its members, comma
// separated, between the braces.
template <typename Items, typename Members>
void append_json_objects(std::string& out, const Items& items, Members&& members)
{
   out += '[';
   bool first = true;
   for (const auto& item : items) {
      out += first ? "{" : ",{";
      first = false;
      members(item);
      out += '}';
   }
   out += ']';
}

}  // namespace veil::detail
