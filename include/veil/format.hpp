#pragma once
// The record formats veil knows by name, and how to tell them apart from the first bytes.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace veil {

enum class format : std::uint8_t { nlets_text, nlets_xml, aamva, ansi_nist };

[[nodiscard]] constexpr std::string_view name_of(format f) noexcept
{
   switch (f) {
      case format::nlets_text: return "nlets-text";
      case format::nlets_xml: return "nlets-xml";
      case format::aamva: return "aamva";
      case format::ansi_nist: return "ansi-nist";
   }
   return "unknown";
}

inline constexpr std::array all_formats{ format::nlets_text, format::nlets_xml, format::aamva, format::ansi_nist };

// Every format's name, in the order of all_formats: what a name may be.
inline constexpr std::array<std::string_view, all_formats.size()> format_names = [] {
   std::array<std::string_view, all_formats.size()> names{};
   for (std::size_t i = 0; i < names.size(); ++i) {
      names[i] = name_of(all_formats[i]);
   }
   return names;
}();

[[nodiscard]] constexpr std::optional<format> format_from_name(std::string_view name) noexcept
{
   for (const format f : all_formats) {
      if (name_of(f) == name) {
         return f;
      }
   }
   return std::nullopt;
}

// Guesses the format from the start of a message: first non-blank byte (after a byte
// order mark) '<' is XML, '@' an AAMVA barcode payload, "1.0" or "1.00" followed by digits and ':' an ANSI/NIST
// transaction (its first tag, 1.001); anything else is read as Nlets text, whose reader
// rejects what it cannot parse.
[[nodiscard]] constexpr format detect_format(std::string_view start) noexcept
{
   // A UTF-8 byte order mark, as keyboard-wedge scanners put before AAMVA payloads.
   std::size_t i = start.starts_with("\xEF\xBB\xBF") ? 3 : 0;
   while (i < start.size() && (start[i] == ' ' || start[i] == '\t' || start[i] == '\r' || start[i] == '\n')) {
      ++i;
   }
   const std::string_view s = start.substr(i);
   if (s.starts_with('<')) {
      return format::nlets_xml;
   }
   if (s.starts_with('@')) {
      return format::aamva;
   }
   if (s.starts_with("1.0")) {
      std::size_t k = 3;
      while (k < s.size() && s[k] >= '0' && s[k] <= '9') {
         ++k;
      }
      if (k > 3 && k < s.size() && s[k] == ':') {
         return format::ansi_nist;
      }
   }
   return format::nlets_text;
}

// How many leading bytes detect_format needs to decide.
inline constexpr std::size_t format_detection_bytes = 64;

}  // namespace veil
