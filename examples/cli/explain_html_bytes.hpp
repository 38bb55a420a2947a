#pragma once
// Message bytes as HTML text that a reader can follow: markup characters escaped, line
// breaks kept, every other control byte and every byte outside ASCII a visible box that
// names it, and a long stretch of binary data (an image) one marker that says its size.

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace veil::cli {

// Our own text (names, rules, descriptions) as HTML text or attribute value.
[[nodiscard]] inline std::string html_escaped(std::string_view text)
{
   std::string out;
   for (const char c : text) {
      switch (c) {
         case '&': out += "&amp;"; break;
         case '<': out += "&lt;"; break;
         case '>': out += "&gt;"; break;
         case '"': out += "&quot;"; break;
         default: out += c;
      }
   }
   return out;
}

namespace html_bytes_detail {

// Binary data shows as one marker when it holds more than this many non-text bytes.
inline constexpr std::size_t collapsed_binary_bytes = 256;
// Binary data is where at least `dense_bytes` of the next `window_bytes` are not text:
// compressed images are mostly such bytes, while text that separates its fields with
// control characters (ANSI/NIST tagged fields) has a few, and an image's own stretches
// of ASCII (JPEG tables) do not end it.
inline constexpr std::size_t window_bytes = 64;
inline constexpr std::size_t dense_bytes = 8;

[[nodiscard]] constexpr bool is_text(char c) noexcept
{
   const auto b = static_cast<unsigned char>(c);
   return (b >= 0x20 && b < 0x7f) || c == '\n' || c == '\r' || c == '\t';
}

// The binary data at the start of `bytes`: how far it runs (0 if it does not start
// there), and how many of its bytes are not text.
struct binary_run
{
   std::size_t length = 0;
   std::size_t non_text = 0;
};

[[nodiscard]] inline binary_run measure_binary(std::string_view bytes) noexcept
{
   const auto non_text = [bytes](std::size_t at) -> std::size_t { return at < bytes.size() && !is_text(bytes[at]) ? 1 : 0; };
   std::size_t in_window = 0;
   for (std::size_t at = 0; at < window_bytes; ++at) {
      in_window += non_text(at);
   }
   binary_run run;
   while (run.length < bytes.size() && in_window >= dense_bytes) {
      run.non_text += non_text(run.length);
      in_window = in_window - non_text(run.length) + non_text(run.length + window_bytes);
      ++run.length;
   }
   return run;
}

// The ASCII names of the control bytes, shown in place of the bytes: a name in a box
// reads in any font, where a control picture may not.
inline constexpr std::array<std::string_view, 32> control_names{
   "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
   "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
};

// One byte: line breaks and printable ASCII as text, any other byte as a box (class
// "c") with its control name or, outside ASCII, its value in hex.
inline void append_byte(std::string& out, char c)
{
   const auto b = static_cast<unsigned char>(c);
   if (c == '\n' || (b >= 0x20 && b < 0x7f)) {
      out += html_escaped(std::string_view(&c, 1));
      return;
   }
   static constexpr char hex[] = "0123456789ABCDEF";
   out += "<span class=\"c\">";
   if (b < 0x20) {
      out += control_names[b];
   }
   else if (b == 0x7f) {
      out += "DEL";
   }
   else {
      out += hex[b >> 4];
      out += hex[b & 0xf];
   }
   out += "</span>";
}

}  // namespace html_bytes_detail

inline void append_html_bytes(std::string& out, std::string_view bytes)
{
   using namespace html_bytes_detail;
   std::size_t i = 0;
   while (i < bytes.size()) {
      const binary_run run = is_text(bytes[i]) ? binary_run{} : measure_binary(bytes.substr(i));
      if (run.non_text > collapsed_binary_bytes) {
         out += "<span class=\"bin\">[" + std::to_string(run.length) + " bytes of binary data]</span>";
      }
      else {
         for (const char c : bytes.substr(i, std::max<std::size_t>(run.length, 1))) {
            append_byte(out, c);
         }
      }
      i += std::max<std::size_t>(run.length, 1);
   }
}

}  // namespace veil::cli
