#pragma once
// Labels that mark sensitive lines in free-text responses (DR, KR, RR, IAR, ...).
// Nlets does not fix the layout of these bodies: every state prints its own, so the
// built-in set covers common labels and integrators add their states' own at run time.

#include <veil/category.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace veil::nlets {

struct label_rule
{
   std::string_view tag;                // the label text, matched case-insensitively
   std::optional<category> sensitivity;  // always set; optional to share redaction_plan
   bool takes_continuation = false;      // indented lines below belong to the value
};

inline constexpr std::array<label_rule, 17> builtin_labels{ {
   { "RES ADDR:", category::address, true },
   { "MAIL ADDR:", category::address, true },
   { "RESIDENCE ADDRESS:", category::address, true },
   { "MAILING ADDRESS:", category::address, true },
   { "ADDRESS:", category::address, true },
   { "ADDR:", category::address, true },
   { "SSN:", category::ssn, false },
   { "SOC SEC NO:", category::ssn, false },
   { "POB:", category::immigration, false },
   { "PLACE OF BIRTH:", category::immigration, false },
   { "COUNTRY OF BIRTH:", category::immigration, false },
   { "CITIZENSHIP:", category::immigration, false },
   { "ALIEN NO:", category::immigration, false },
   { "ALIEN NUMBER:", category::immigration, false },
   { "PASSPORT NO:", category::immigration, false },
   { "PHONE:", category::contact, false },
   { "EMAIL:", category::contact, false },
} };

// A label added at run time; owns its text. Address labels take continuation lines.
struct custom_label
{
   std::string text;
   category sensitivity = category::address;

   [[nodiscard]] label_rule rule() const noexcept
   {
      return { text, sensitivity, sensitivity == category::address };
   }
};

}  // namespace veil::nlets
