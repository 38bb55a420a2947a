#pragma once
// The text report of `veil explain`: the message's routing, what each recipient gets, and
// a table of the fields with each recipient's fate. Values appear only when asked for.

#include "explain_words.hpp"
#include "explanation.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

inline constexpr std::size_t shown_value_bytes = 40;

// A field's bytes on one line: control characters and bytes outside ASCII escaped
// (\n, \x1d), cut after shown_value_bytes with "…".
[[nodiscard]] inline std::string escaped_value(std::string_view bytes)
{
   std::string out;
   for (const char c : bytes.substr(0, shown_value_bytes)) {
      const auto b = static_cast<unsigned char>(c);
      if (c == '\n') {
         out += "\\n";
      }
      else if (c == '\r') {
         out += "\\r";
      }
      else if (c == '\t') {
         out += "\\t";
      }
      else if (c == '\\') {
         out += "\\\\";
      }
      else if (b < 0x20 || b >= 0x7f) {
         char hex[8];
         std::snprintf(hex, sizeof hex, "\\x%02x", b);
         out += hex;
      }
      else {
         out += c;
      }
   }
   return bytes.size() > shown_value_bytes ? out + "\xE2\x80\xA6" : out;
}

// Rows of cells printed in columns two spaces apart, each as wide as its widest cell;
// the columns flagged in `right` are aligned right, and the last cell is not padded.
[[nodiscard]] inline std::string aligned(const std::vector<std::vector<std::string>>& rows,
                                         const std::vector<bool>& right)
{
   std::vector<std::size_t> widths;
   for (const auto& row : rows) {
      widths.resize(std::max(widths.size(), row.size()));
      for (std::size_t c = 0; c < row.size(); ++c) {
         widths[c] = std::max(widths[c], row[c].size());
      }
   }
   std::string out;
   for (const auto& row : rows) {
      std::string line;
      for (std::size_t c = 0; c < row.size(); ++c) {
         const std::string padding(widths[c] - row[c].size(), ' ');
         const bool last = c + 1 == row.size();
         line += c == 0 ? "" : "  ";
         line += c < right.size() && right[c] ? padding + row[c] : row[c] + (last ? "" : padding);
      }
      out += line + "\n";
   }
   return out;
}

[[nodiscard]] inline std::string explain_text(const explanation& e, std::string_view message,
                                              const std::string& policy_name, bool show_values)
{
   std::string out = aligned(
      {
         { "input:", e.input },
         { "format:", std::string(name_of(e.kind)) },
         { "message:", or_dash(e.routing.message_key) },
         { "sender:", or_dash(e.routing.sender_ori) },
         { "addressed to:", named_recipients(e) },
         { "policy:", policy_name },
      },
      {});
   out += "\nEach recipient is decided alone, as if the message went to it only:\n";
   std::vector<std::vector<std::string>> outcomes;
   for (std::size_t r = 0; r < e.recipients.size(); ++r) {
      outcomes.push_back({ "", e.recipients[r].ori, outcome_phrase(e, r) });
   }
   out += aligned(outcomes, {}) + "\n";

   if (e.fields.empty()) {
      out += "The message holds no sensitive field, and no recipient's rules name one.\n";
   }
   else {
      std::vector<std::string> header{ "tag", "name", "category", "offset", "length" };
      for (const recipient_decision& r : e.recipients) {
         header.push_back(r.ori);
      }
      if (show_values) {
         header.emplace_back("value");
      }
      std::vector<std::vector<std::string>> rows{ header };
      for (const listed_field& f : e.fields) {
         std::vector<std::string> row{ f.tag, f.name, std::string(name_of(f.kind)), std::to_string(f.offset),
                                       std::to_string(f.length) };
         for (const fate what : f.fates) {
            row.emplace_back(name_of(what));
         }
         if (show_values) {
            row.push_back(escaped_value(message.substr(f.offset, f.length)));
         }
         rows.push_back(std::move(row));
      }
      out += aligned(rows, { false, false, false, true, true });
   }
   return out + "\n" + closing_sentence(e) + "\n";
}

}  // namespace veil::cli
