#pragma once
// Labels that mark sensitive values in free-text responses (DR, KR, RR, IAR, ...).
// Nlets does not fix the layout of these bodies: every state prints its own labels, in
// its own spelling. So a label is not a fixed string but the words a reader sees before
// a colon (see label_grammar.hpp), and these tables say which words make which label:
//   - builtin_labels: the labels veil knows, each with its category. The audit record
//     and per-field overrides name a label by its tag here, however the text spells it.
//   - label_words: the words (and abbreviations) a label is read from. A word that
//     qualifies an address ("HOME", "MAILING") picks which address label an address
//     word makes; some of them make the label on their own too ("HOME:").
// Integrators add their states' own labels at run time (custom_label).

#include <veil/category.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace veil::nlets {

struct label_rule
{
   std::string_view tag;                // how the audit and overrides name the label
   std::optional<category> sensitivity;  // always set; optional to share redaction_plan
   bool takes_continuation = false;      // indented lines below belong to the value
};

inline constexpr std::array<label_rule, 18> builtin_labels{ {
   { "RES ADDR:", category::address, true },
   { "MAIL ADDR:", category::address, true },
   { "EMPLOYER ADDR:", category::address, true },
   { "LKA:", category::address, true },
   { "ADDRESS:", category::address, true },
   { "CITY:", category::address, true },
   { "ZIP:", category::address, true },
   { "SSN:", category::ssn, false },
   { "TAX ID:", category::ssn, false },
   { "POB:", category::immigration, false },
   { "CITIZENSHIP:", category::immigration, false },
   { "ALIEN NO:", category::immigration, false },
   { "PASSPORT NO:", category::immigration, false },
   { "VISA NO:", category::immigration, false },
   { "ADMISSION NO:", category::immigration, false },
   { "IMMIGRATION STATUS:", category::immigration, false },
   { "PHONE:", category::contact, false },
   { "EMAIL:", category::contact, false },
} };

// What a word of the vocabulary does in a label.
enum class word_role : std::uint8_t {
   names,               // makes the label wherever it stands in the label's words
   qualifies,           // with an address word, makes this address label instead of ADDRESS:
   qualifies_or_names,  // as qualifies, and makes the label when no other word does
   names_field,         // makes the field of the text dictionary with this prefix
   neutral,             // names nothing, and keeps its words from being read otherwise
};

struct label_word
{
   std::string_view words;  // upper case, one blank between words; "NO" stands for any number sign
   word_role role;
   std::string_view label;  // the tag of builtin_labels it makes, the prefix of the field it
                            // makes, or empty for neutral
};

// Words are matched whole, the longest first. Number signs ("NO", "NUMBER", "NBR", "#")
// and digits after a word ("ADDR2", "ADDRESS 1") are read but name nothing, so
// "SOC SEC NO", "SOC SEC #" and "SOC SEC" are the same label. "MNU:" is the MNU field:
// it carries the category its NCIC type gives.
inline constexpr std::array<label_word, 99> label_words{ {
   // address
   { "ADDRESS", word_role::names, "ADDRESS:" },
   { "ADDRESSES", word_role::names, "ADDRESS:" },
   { "ADDR", word_role::names, "ADDRESS:" },
   { "ADDRS", word_role::names, "ADDRESS:" },
   { "ADR", word_role::names, "ADDRESS:" },
   { "ADRS", word_role::names, "ADDRESS:" },
   { "STREET", word_role::names, "ADDRESS:" },
   { "APT", word_role::names, "ADDRESS:" },
   { "APARTMENT", word_role::names, "ADDRESS:" },
   { "LOCATION", word_role::names, "ADDRESS:" },
   { "RESIDENCE", word_role::qualifies_or_names, "RES ADDR:" },
   { "DOMICILE", word_role::qualifies_or_names, "RES ADDR:" },
   { "RES", word_role::qualifies_or_names, "RES ADDR:" },
   { "RESID", word_role::qualifies_or_names, "RES ADDR:" },
   { "RESIDENTIAL", word_role::qualifies_or_names, "RES ADDR:" },
   { "HOME", word_role::qualifies_or_names, "RES ADDR:" },
   { "PHYSICAL", word_role::qualifies, "RES ADDR:" },
   { "PHYS", word_role::qualifies, "RES ADDR:" },
   { "CURRENT", word_role::qualifies, "RES ADDR:" },
   { "CURR", word_role::qualifies, "RES ADDR:" },
   { "PRESENT", word_role::qualifies, "RES ADDR:" },
   { "PERMANENT", word_role::qualifies, "RES ADDR:" },
   { "PERM", word_role::qualifies, "RES ADDR:" },
   { "MAIL", word_role::qualifies_or_names, "MAIL ADDR:" },
   { "MAILING", word_role::qualifies_or_names, "MAIL ADDR:" },
   { "POSTAL", word_role::qualifies, "MAIL ADDR:" },
   { "PO BOX", word_role::names, "MAIL ADDR:" },
   { "P O BOX", word_role::names, "MAIL ADDR:" },
   { "EMPLOYER", word_role::qualifies_or_names, "EMPLOYER ADDR:" },
   { "EMPLOYMENT", word_role::qualifies, "EMPLOYER ADDR:" },
   { "EMPL", word_role::qualifies, "EMPLOYER ADDR:" },
   { "EMP", word_role::qualifies, "EMPLOYER ADDR:" },
   { "WORK", word_role::qualifies, "EMPLOYER ADDR:" },
   { "BUSINESS", word_role::qualifies, "EMPLOYER ADDR:" },
   { "BUS", word_role::qualifies, "EMPLOYER ADDR:" },
   { "OFFICE", word_role::qualifies, "EMPLOYER ADDR:" },
   { "LKA", word_role::qualifies_or_names, "LKA:" },
   { "LAST KNOWN", word_role::qualifies_or_names, "LKA:" },
   { "LAST", word_role::qualifies, "LKA:" },
   { "PREVIOUS", word_role::qualifies, "LKA:" },
   { "PREV", word_role::qualifies, "LKA:" },
   { "PRIOR", word_role::qualifies, "LKA:" },
   { "FORMER", word_role::qualifies, "LKA:" },
   { "CITY", word_role::names, "CITY:" },
   { "TOWN", word_role::names, "CITY:" },
   { "ZIP", word_role::names, "ZIP:" },
   { "ZIPCODE", word_role::names, "ZIP:" },
   { "POSTCODE", word_role::names, "ZIP:" },
   { "POSTAL CODE", word_role::names, "ZIP:" },
   // ssn
   { "SSN", word_role::names, "SSN:" },
   { "SSAN", word_role::names, "SSN:" },
   { "SS", word_role::names, "SSN:" },
   { "SOC", word_role::names, "SSN:" },
   { "SOCIAL", word_role::names, "SSN:" },
   { "TIN", word_role::names, "TAX ID:" },
   { "ITIN", word_role::names, "TAX ID:" },
   { "TAXPAYER", word_role::names, "TAX ID:" },
   { "TAX ID", word_role::names, "TAX ID:" },
   { "TAX NO", word_role::names, "TAX ID:" },
   // immigration
   { "POB", word_role::names, "POB:" },
   { "BIRTHPLACE", word_role::names, "POB:" },
   { "BIRTH", word_role::names, "POB:" },
   { "BORN", word_role::names, "POB:" },
   { "ORIGIN", word_role::names, "POB:" },
   { "NATIVITY", word_role::names, "POB:" },
   { "DATE OF BIRTH", word_role::neutral, "" },
   { "BIRTH DATE", word_role::neutral, "" },
   { "BIRTHDATE", word_role::neutral, "" },
   { "CTZ", word_role::names, "CITIZENSHIP:" },
   { "CITIZEN", word_role::names, "CITIZENSHIP:" },
   { "CITIZENSHIP", word_role::names, "CITIZENSHIP:" },
   { "NATIONALITY", word_role::names, "CITIZENSHIP:" },
   { "ALIEN", word_role::names, "ALIEN NO:" },
   { "ARN", word_role::names, "ALIEN NO:" },
   { "A NO", word_role::names, "ALIEN NO:" },
   { "USCIS", word_role::names, "ALIEN NO:" },
   { "PASSPORT", word_role::names, "PASSPORT NO:" },
   { "VISA", word_role::names, "VISA NO:" },
   { "ADMISSION", word_role::names, "ADMISSION NO:" },
   { "I 94", word_role::names, "ADMISSION NO:" },
   { "IMMIGRATION", word_role::names, "IMMIGRATION STATUS:" },
   { "PRESENCE", word_role::names, "IMMIGRATION STATUS:" },
   { "NATURALIZATION", word_role::names, "IMMIGRATION STATUS:" },
   { "GREEN CARD", word_role::names, "IMMIGRATION STATUS:" },
   { "LEGAL STATUS", word_role::names, "IMMIGRATION STATUS:" },
   { "LAWFUL STATUS", word_role::names, "IMMIGRATION STATUS:" },
   { "MNU", word_role::names_field, "MNU" },
   // contact
   { "PHONE", word_role::names, "PHONE:" },
   { "PHN", word_role::names, "PHONE:" },
   { "PH", word_role::names, "PHONE:" },
   { "TEL", word_role::names, "PHONE:" },
   { "TELE", word_role::names, "PHONE:" },
   { "TELEPHONE", word_role::names, "PHONE:" },
   { "CELL", word_role::names, "PHONE:" },
   { "CELLULAR", word_role::names, "PHONE:" },
   { "MOBILE", word_role::names, "PHONE:" },
   { "FAX", word_role::names, "PHONE:" },
   { "EMAIL", word_role::names, "EMAIL:" },
   { "E MAIL", word_role::names, "EMAIL:" },
} };

// The built-in label with tag `tag`.
[[nodiscard]] constexpr const label_rule* builtin_label(std::string_view tag) noexcept
{
   const auto found =
      std::find_if(builtin_labels.begin(), builtin_labels.end(), [tag](const label_rule& l) { return l.tag == tag; });
   return found == builtin_labels.end() ? nullptr : &*found;
}

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
