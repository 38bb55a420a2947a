#pragma once
// What a message holds about a person that no category covers — a name, a date of birth,
// a physical description, a licence number — found by each format's own reader and named
// in the words an official uses. No mask removes these, so every recipient that is not
// withheld receives them unless they stand inside something that is removed; the explain
// page says so, beside what is removed.
//
// Found: Nlets tokens ("NAM/", "DOB/") in the text, or in the free text of an XML message
// as it is written (a token spelled with references is not named); the NIEM elements of
// described_elements.hpp; the AAMVA elements the payload's version defines without a
// category. ANSI/NIST records are not read for this: what a Type-2 record holds besides
// its categorized fields is not in veil's dictionary.

#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload_reader.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/field_overrides.hpp>
#include <veil/format.hpp>
#include <veil/format_redactors.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/token_redactor.hpp>
#include <veil/redaction_plan.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/described_elements.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/xml_reader.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::cli {

struct uncategorized_item
{
   std::string_view words;  // "name", "date of birth", ...
   std::size_t offset = 0;  // of what holds it, in the message
   std::size_t length = 0;

   [[nodiscard]] std::size_t end() const noexcept { return offset + length; }
};

// The order the page lists them in: who the person is first.
inline constexpr std::array<std::string_view, 5> uncategorized_words{ "name", "date of birth", "physical description",
                                                                     "licence number", "licence details" };

namespace uncategorized_detail {

using tag_words = std::pair<std::string_view, std::string_view>;

// Nlets prefixes of the text dictionary, by what they hold.
inline constexpr std::array<tag_words, 12> nlets_words{ {
   { "NAM", "name" },
   { "DOB", "date of birth" },
   { "SEX", "physical description" },
   { "RAC", "physical description" },
   { "HGT", "physical description" },
   { "WGT", "physical description" },
   { "EYE", "physical description" },
   { "HAI", "physical description" },
   { "SKN", "physical description" },
   { "OLN", "licence number" },
   { "OLS", "licence details" },
   { "OLY", "licence details" },
} };

// AAMVA elements without a category, by what they hold; of the others, those whose
// description names a name hold one, and the rest are the card's own details.
inline constexpr std::array<tag_words, 16> aamva_words{ {
   { "DDE", "licence details" },  // whether a name was truncated: a flag, not the name
   { "DDF", "licence details" },
   { "DDG", "licence details" },
   { "DBB", "date of birth" },
   { "DBL", "date of birth" },
   { "DBC", "physical description" },
   { "DAU", "physical description" },
   { "DAV", "physical description" },
   { "DAW", "physical description" },
   { "DAX", "physical description" },
   { "DAY", "physical description" },
   { "DAZ", "physical description" },
   { "DCE", "physical description" },
   { "DCL", "physical description" },
   { "DAQ", "licence number" },
   { "DBJ", "licence number" },
} };

template <std::size_t N>
[[nodiscard]] constexpr std::string_view words_for(const std::array<tag_words, N>& table, std::string_view tag) noexcept
{
   const auto found = std::find_if(table.begin(), table.end(), [tag](const tag_words& t) { return t.first == tag; });
   return found == table.end() ? std::string_view() : found->second;
}

// Finds Nlets tokens in pieces of text, each at its offset in the message.
class token_finder
{
public:
   token_finder() : tokens_(nlets::text_dictionary, plan_, redaction_rules(category_mask::none(), action::drop, overrides_))
   {}

   void find(std::string_view text, std::size_t offset, std::vector<uncategorized_item>& into)
   {
      for (const nlets::internal::token& t : tokens_.tokens_in(text)) {
         const std::string_view words = words_for(nlets_words, t.entry->tag);
         if (!words.empty()) {
            into.push_back({ words, offset + t.start, t.value_end - t.start });
         }
      }
   }

private:
   field_overrides overrides_;
   redaction_plan<field_entry, nlets::text_dictionary.size()> plan_;
   nlets::token_redactor<nlets::text_dictionary.size()> tokens_;
};

inline void find_in_text(std::string_view message, std::vector<uncategorized_item>& into)
{
   token_finder finder;
   for (std::size_t at = 0; at < message.size();) {
      const std::size_t end = std::min(message.find('\n', at), message.size());
      finder.find(message.substr(at, end - at), at, into);
      at = end + 1;
   }
}

// The outermost described elements, and the tokens in the text of free-text elements.
class xml_finder
{
public:
   explicit xml_finder(std::vector<uncategorized_item>& into) : into_(into) {}

   void on_start(const xml::element_start& e)
   {
      if (!open_) {
         if (const xml::described_element* d = xml::find_described(e.name.uri, e.name.local)) {
            open_ = open_element{ d->words, e.offset, e.depth };
         }
      }
      const xml::element_entry* entry = xml::find_element(e.name.uri, e.name.local);
      if (!free_text_depth_ && !e.self_closing && entry != nullptr && entry->role == xml::element_role::free_text) {
         free_text_depth_ = e.depth;
      }
   }

   void on_end(const xml::element_end& e)
   {
      if (open_ && open_->depth == e.depth) {
         into_.push_back({ open_->words, open_->offset, e.offset + e.raw.size() - open_->offset });
         open_.reset();
      }
      if (free_text_depth_ == e.depth) {
         free_text_depth_.reset();
      }
   }

   void on_text(std::string_view text, std::size_t offset, xml::text_kind)
   {
      if (free_text_depth_) {
         tokens_.find(text, offset, into_);
      }
   }

   void on_markup(std::string_view, std::size_t) {}

private:
   struct open_element
   {
      std::string_view words;
      std::size_t offset;
      std::size_t depth;
   };

   std::vector<uncategorized_item>& into_;
   std::optional<open_element> open_;
   std::optional<std::size_t> free_text_depth_;
   token_finder tokens_;
};

inline void find_in_aamva(std::string_view message, aamva::framing_mode mode, std::vector<uncategorized_item>& into)
{
   const aamva::payload p = aamva::read_payload(message, mode);
   for (const aamva::subfile& s : p.subfiles) {
      for (const aamva::element_span& span : s.elements) {
         const std::string_view id = message.substr(span.begin, 3);
         const aamva::element_entry* entry = aamva::find_element(id, p.version);
         if (entry == nullptr || entry->sensitivity) {
            continue;
         }
         const std::string_view listed = words_for(aamva_words, id);
         const bool a_name = entry->description.find("name") != std::string_view::npos;
         into.push_back({ !listed.empty() ? listed : (a_name ? "name" : "licence details"), span.begin,
                          span.end - span.begin });
      }
   }
}

}  // namespace uncategorized_detail

// What `message` holds that no category covers, in message order. A message its reader
// refuses holds nothing here: explain reports the refusal instead.
[[nodiscard]] inline std::vector<uncategorized_item> uncategorized_data(format f, std::string_view message,
                                                                        const format_options& options)
{
   using namespace uncategorized_detail;
   std::vector<uncategorized_item> items;
   try {
      switch (f) {
         case format::nlets_text: find_in_text(message, items); break;
         case format::nlets_xml: {
            xml_finder finder(items);
            xml::read(message, finder, options.xml.limits);
            break;
         }
         case format::aamva: find_in_aamva(message, options.aamva.mode, items); break;
         case format::ansi_nist: break;
      }
   }
   catch (const rejected_input&) {
      return {};
   }
   std::sort(items.begin(), items.end(), [](const uncategorized_item& a, const uncategorized_item& b) {
      return a.offset < b.offset;
   });
   return items;
}

}  // namespace veil::cli
