#pragma once
// ANSI/NIST-ITL transactions in XML (EBTS XML): what the stream and DOM redactors decide
// about records the way the traditional-encoding redactor decides them, so that a
// transaction loses the same records in either encoding.
//
//   - A record element (itl:Package…Record) carries the category of its record type
//     (element_dictionary.hpp). A consumer may key off the record's own
//     RecordCategoryCode (the first child of every record) rather than its element name —
//     OJBC's RapBack XML wraps Type-2 content in a second PackageInformationRecord — so a
//     record also carries the category of the type its code names: a Type-2 element whose
//     code says 10 is a photo. A record the mask could remove by its code is held back
//     until its code is read (within max_held_bytes; past that, or with a code that names
//     no type veil knows, it counts as what any record may hold).
//   - A Type-98 information-assurance record no longer verifies once anything is removed.
//     The content summary that lists it is written before the records are read, so it is
//     dropped whenever the mask or an override may remove anything.
//   - The Type-1 content summary (TransactionContentSummary) loses the entry of every
//     record type the rules drop, and its record quantity says how many are left,
//     written as wide as before ("08" becomes "05"), as the traditional encoding rewrites
//     1.003 CNT. Masked records stay (emptied), and so do their entries.
//   - The photo-available indicator (ebts:PersonDigitalImageAvailableIndicator, 2.036 PHT)
//     says false once no photo record can remain: when the rules remove every record
//     type of the photo category.
// Elements of these names are matched by local name in any namespace, as a lenient
// consumer matches them.

#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/category_mask.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/id_category_code.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace veil::xml {

inline constexpr std::string_view record_code_name = "RecordCategoryCode";
inline constexpr std::string_view content_summary_name = "TransactionContentSummary";
inline constexpr std::string_view record_quantity_name = "ContentRecordQuantity";
inline constexpr std::string_view summary_entry_name = "ContentRecordSummary";
inline constexpr std::string_view photo_indicator_name = "PersonDigitalImageAvailableIndicator";
inline constexpr unsigned information_assurance_type = 98;

// Every category a record may carry, whatever its type.
[[nodiscard]] constexpr category_mask every_record_category() noexcept
{
   category_mask m;
   for (const ansi_nist::record_entry& r : ansi_nist::record_dictionary) {
      if (r.sensitivity) {
         m = m | category_mask{ *r.sensitivity };
      }
   }
   return m;
}

// A record category code ("10", " 04 ") read a piece of decoded text at a time: the record
// type it names, if it is a number of at most three digits between blanks.
class record_category_code
{
public:
   void append(std::string_view decoded)
   {
      for (const char c : decoded) {
         if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ended_ = digits_ > 0;
            continue;
         }
         if (c < '0' || c > '9' || ended_ || digits_ == longest) {
            malformed_ = true;
            continue;
         }
         type_ = type_ * 10 + static_cast<unsigned>(c - '0');
         ++digits_;
      }
   }

   [[nodiscard]] std::optional<unsigned> type() const noexcept
   {
      return malformed_ || digits_ == 0 ? std::nullopt : std::optional<unsigned>(type_);
   }

private:
   static constexpr std::size_t longest = 3;
   unsigned type_ = 0;
   std::size_t digits_ = 0;
   bool ended_ = false;
   bool malformed_ = false;
};

// The categories a record of type `type` (as its code names it) may carry: its binary
// twin's, or for a type veil does not know, or no readable type, those of any record.
[[nodiscard]] constexpr category_mask code_categories(std::optional<unsigned> type) noexcept
{
   const ansi_nist::record_entry* r = type ? ansi_nist::find_record(*type) : nullptr;
   if (r == nullptr) {
      return every_record_category();
   }
   return r->sensitivity ? category_mask{ *r->sensitivity } : category_mask{};
}

// The categories a record element carries by its name alone.
[[nodiscard]] constexpr category_mask name_categories(const element_entry& e) noexcept
{
   if (&e == &unknown_record) {
      return every_record_category();
   }
   return e.sensitivity ? category_mask{ *e.sensitivity } : category_mask{};
}

// Whether the code of a record may make it go where its name does not: the record is
// then held until its code is read.
[[nodiscard]] inline bool record_code_may_remove(const redaction_rules& rules) noexcept
{
   return rules.mask().intersects(every_record_category());
}

// How the rules remove a record (override tag `tag`) by its name alone, if they do. An
// override decides by the name, as it does for any element, and its code has no say.
[[nodiscard]] inline std::optional<field_removal> record_removal_by_name(const redaction_rules& rules,
                                                                         std::string_view tag, const element_entry& e)
{
   if (!rules.names(tag)) {
      return removal_by_categories(rules, tag, name_categories(e));
   }
   const field_verdict removed = rules.verdict(tag, e.sensitivity);
   return removed ? std::optional<field_removal>(field_removal{ *e.sensitivity, *removed }) : std::nullopt;
}

// Whether a record not removed by its name must wait for its code.
[[nodiscard]] inline bool record_waits_for_code(const redaction_rules& rules, std::string_view tag, bool empty)
{
   return !empty && !rules.names(tag) && record_code_may_remove(rules);
}

// How a record is removed when its code cannot be waited for (it grew past what may be
// held, or it lies inside an element already held): as what any record may hold.
[[nodiscard]] inline field_removal undecided_record(const redaction_rules& rules, std::string_view tag)
{
   return removal_by_categories(rules, tag, every_record_category())
      .value_or(field_removal{ *every_record_category().first(), action::drop });
}

// Whether the Type-98 record goes: the rules may remove something.
[[nodiscard]] inline bool drops_information_assurance(const redaction_rules& rules) noexcept
{
   return !rules.mask().empty() || rules.has_overrides();
}

// The dictionary entry of the record element of type `type`, or nullptr.
[[nodiscard]] constexpr const element_entry* record_element_of(unsigned type) noexcept
{
   for (const element_entry& e : element_dictionary) {
      if (e.role == element_role::record && e.record_type == type) {
         return &e;
      }
   }
   return nullptr;
}

// How the rules remove a record of type `type`, if they do (as its element would be).
[[nodiscard]] inline std::optional<field_removal> record_type_removal(const redaction_rules& rules,
                                                                      std::optional<unsigned> type)
{
   const element_entry* e = type ? record_element_of(*type) : nullptr;
   const std::string tag = e != nullptr ? override_tag(*e, e->tag) : std::string();
   return removal_by_categories(rules, tag, code_categories(type));
}

// Whether a content summary entry for a record of type `type` goes.
[[nodiscard]] inline bool summary_entry_dropped(const redaction_rules& rules, std::optional<unsigned> type)
{
   if (type == information_assurance_type) {
      return drops_information_assurance(rules);
   }
   const std::optional<field_removal> removed = record_type_removal(rules, type);
   return removed && removed->applied == action::drop;
}

// Whether no photo record can remain: every record type of the photo category goes.
[[nodiscard]] inline bool no_photo_record_remains(const redaction_rules& rules)
{
   for (const ansi_nist::record_entry& r : ansi_nist::record_dictionary) {
      if (r.sensitivity == category::photo && !record_type_removal(rules, r.type)) {
         return false;
      }
   }
   return true;
}

inline constexpr std::string_view no_photo_indicator = "false";

// Whether an indicator's value, as a reader reads it, says true (XML Schema: "true" or
// "1", blanks around).
[[nodiscard]] constexpr bool says_true(std::string_view decoded) noexcept
{
   const std::size_t first = decoded.find_first_not_of(" \t\r\n");
   if (first == std::string_view::npos) {
      return false;
   }
   const std::string_view value = decoded.substr(first, decoded.find_last_not_of(" \t\r\n") - first + 1);
   return value == "true" || value == "1";
}

// The record quantity `decoded` (as a reader reads it) rewritten for `kept` records, as
// wide as it was; a quantity that is not a number refuses the message at `offset`.
[[nodiscard]] inline std::string rewritten_quantity(std::string_view decoded, std::size_t kept, std::size_t offset)
{
   const std::size_t first = decoded.find_first_not_of(" \t\r\n");
   const std::size_t last = decoded.find_last_not_of(" \t\r\n");
   const std::string_view digits = first == std::string_view::npos ? std::string_view()
                                                                   : decoded.substr(first, last - first + 1);
   constexpr std::size_t longest = 8;
   if (digits.empty() || digits.size() > longest ||
       digits.find_first_not_of("0123456789") != std::string_view::npos) {
      throw rejected_input(offset, "a content summary's record quantity is not a number");
   }
   std::string count = std::to_string(kept);
   if (count.size() < digits.size()) {
      count.insert(0, digits.size() - count.size(), '0');
   }
   return count;
}

}  // namespace veil::xml
