#pragma once
// NCIC miscellaneous identifying numbers (MNU): every such number starts with a
// two-letter type ("AR-012345678" an alien registration number, "VA-10" a Veterans
// Administration claim number), and the type decides what the number reveals. One table
// for every format that carries them: the MNU/ field of Nlets text, the identification
// category codes of Nlets and EBTS XML (ebts:PersonIDCategoryCode and its kin), and EBTS
// field 2.017 MNU.
//
// Types and their meanings: the NCIC MNU code list (NCIC 2000 Code Manual, Personal
// Descriptors, section 15), as NIEM publishes it in the code type of
// j:PersonIDCategoryCode (NIEM 3.1, 4.0); BF, IO and FN are the FBI EBTS additions of the
// EBTS schema's MNU code type (fbi_ebts.xsd, EBTS 10.0). A type that reveals immigration
// status or nationality is `immigration`; one that is a social-insurance or
// social-security number is `ssn` (the US social security number has a field of its own,
// SOC; SS is the Selective Service number). A value whose type is not in the table is
// read as the strictest reading allows: it is `immigration`, the category the field
// itself carries, since what it holds cannot be told.

#include <veil/category.hpp>
#include <veil/category_mask.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace veil {

struct mnu_type
{
   std::string_view code;
   std::string_view meaning;
   std::optional<category> kind;  // nullopt: reveals nothing a mask removes
};

inline constexpr std::array<mnu_type, 20> mnu_types{ {
   { "AF", "Air Force serial number", std::nullopt },
   { "AN", "non-immigrant admission number", category::immigration },
   { "AR", "alien registration number (A-number)", category::immigration },
   { "AS", "Army, National Guard or Air National Guard serial number", std::nullopt },
   { "BF", "FBI Bureau fugitive index number", std::nullopt },
   { "CG", "Coast Guard serial number", std::nullopt },
   { "CI", "Canadian social insurance number", category::ssn },
   { "FN", "fingerprint identification number (DHS)", category::immigration },
   { "IO", "FBI identification order number", std::nullopt },
   { "MC", "Marine Corps serial number", std::nullopt },
   { "MD", "mariner's document or identification number", std::nullopt },
   { "MP", "Royal Canadian Mounted Police identification or fingerprint section number", std::nullopt },
   { "NA", "national agency case number (military)", std::nullopt },
   { "NS", "Navy serial number", std::nullopt },
   { "OA", "originating agency police or identification number", std::nullopt },
   // The type cannot tell a state's number from a foreign government's, which reveals
   // nationality: the strictest reading.
   { "PI", "personal identification number issued by a state or a foreign government", category::immigration },
   { "PP", "passport number", category::immigration },
   { "PS", "port security card number", std::nullopt },
   { "SS", "Selective Service number", std::nullopt },
   { "VA", "Veterans Administration claim number", std::nullopt },
} };

// The category an unknown type is read as.
inline constexpr category unknown_mnu_category = category::immigration;

// Every category an MNU may carry, whatever its type.
[[nodiscard]] constexpr category_mask every_mnu_category() noexcept
{
   category_mask m{ unknown_mnu_category };
   for (const mnu_type& t : mnu_types) {
      if (t.kind) {
         m = m | category_mask{ *t.kind };
      }
   }
   return m;
}

// The entry for a type code as written (two letters, either case), or nullptr.
[[nodiscard]] constexpr const mnu_type* find_mnu_type(char first, char second) noexcept
{
   const auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
   for (const mnu_type& t : mnu_types) {
      if (t.code[0] == upper(first) && t.code[1] == upper(second)) {
         return &t;
      }
   }
   return nullptr;
}

// Whether `c` is a control byte a reader may not see at all: Nlets receivers ignore
// control characters inside text, so "C<SOH>I" may be read as CI. Blanks, line breaks
// and the ANSI/NIST separators are seen: they separate.
[[nodiscard]] constexpr bool may_be_unseen(char c) noexcept
{
   const auto byte = static_cast<unsigned char>(c);
   const bool seen_control = c == '\t' || c == '\n' || c == '\r' || (byte >= 0x1c && byte <= 0x1f);
   return (byte < 0x20 && !seen_control) || byte == 0x7f;
}

// The category of one miscellaneous number (or of a type code alone), read from its type
// after any leading blanks or control characters (" AR-123" is still an alien number),
// with control bytes a reader may not see skipped; case does not hide a type. An empty
// number holds nothing; one too short to have a type, or of a type not in the table, is
// unknown_mnu_category.
[[nodiscard]] constexpr std::optional<category> mnu_category(std::string_view number) noexcept
{
   char type[2] = {};
   std::size_t letters = 0;
   bool anything = false;
   for (const char c : number) {
      const bool blank_or_unseen = static_cast<unsigned char>(c) <= ' ' || may_be_unseen(c);
      if (blank_or_unseen && (letters == 0 || may_be_unseen(c))) {
         continue;  // leading blanks, and bytes a reader does not see
      }
      anything = true;
      if (letters == 2 || blank_or_unseen) {
         break;
      }
      type[letters++] = c;
   }
   if (!anything) {
      return std::nullopt;
   }
   const mnu_type* t = letters == 2 ? find_mnu_type(type[0], type[1]) : nullptr;
   return t == nullptr ? std::optional<category>(unknown_mnu_category) : t->kind;
}

// Whether `c` separates one miscellaneous number from the next for some reader: a blank
// or control byte (EBTS 2.017 repeats its numbers in subfields and items, separated by RS
// and US), a comma or a semicolon.
[[nodiscard]] constexpr bool separates_numbers(char c) noexcept
{
   return static_cast<unsigned char>(c) <= ' ' || c == '\x7f' || c == ',' || c == ';';
}

namespace internal {

// The categories of the numbers in `numbers` as one reader sees them: one that takes a
// control byte it may not see for a separator (`unseen_separate`), or one that skips it.
[[nodiscard]] constexpr category_mask mnu_categories_read(std::string_view numbers, bool unseen_separate) noexcept
{
   category_mask carried;
   std::size_t at = 0;
   while (at < numbers.size()) {
      std::size_t end = at;
      while (end < numbers.size() &&
             !(separates_numbers(numbers[end]) && (unseen_separate || !may_be_unseen(numbers[end])))) {
         ++end;
      }
      if (const std::optional<category> kind = mnu_category(numbers.substr(at, end - at))) {
         carried = carried | category_mask{ *kind };
      }
      at = end + 1;
   }
   return carried;
}

}  // namespace internal

// The categories of a value that holds one miscellaneous number or several: every number
// any reader could see in it counts, so "VA-10 AR-123" holds an alien number, "C<SOH>I-1"
// a social insurance number (read without the control byte) and numbers of a type veil
// cannot place (read with it as a separator), and a word of a type veil cannot place
// ("VA 10": "10") is unknown_mnu_category.
[[nodiscard]] constexpr category_mask mnu_categories(std::string_view numbers) noexcept
{
   return internal::mnu_categories_read(numbers, true) | internal::mnu_categories_read(numbers, false);
}

}  // namespace veil
