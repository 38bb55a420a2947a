#pragma once
// The name of a field as the audit tags it, in words, from its format's dictionary: an
// Nlets prefix ("POB"), a free-text label ("RES ADDR:"), an XML element
// ("nc:PersonBirthLocation"), an AAMVA element ("DAG", by the payload's version), an
// ANSI/NIST Type-2 field ("2.016") or record ("Type-10").

#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload_reader.hpp>
#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/format.hpp>
#include <veil/format_redactors.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/xml/element_dictionary.hpp>

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

inline constexpr std::string_view free_text_line = "free-text line";

class field_namer
{
public:
   // `options` are those the message is redacted with: its run-time labels and AAMVA
   // framing mode.
   field_namer(format f, std::string_view message, const format_options& options)
      : format_(f), labels_(options.text.extra_labels)
   {
      if (f == format::aamva) {
         try {
            aamva_version_ = aamva::read_payload(message, options.aamva.mode).version;
         }
         catch (const rejected_input&) {
            // A payload the redactor accepted reads; if not, the newest names are the best guess.
         }
      }
   }

   [[nodiscard]] std::string name(std::string_view tag) const
   {
      switch (format_) {
         case format::nlets_xml:
            if (const xml::element_entry* e = xml::find_element_named(tag)) {
               return std::string(e->description);
            }
            return text_name(tag);  // a field of a free-text body inside the XML
         case format::aamva:
            if (const aamva::element_entry* e = aamva::find_element(tag, aamva_version_)) {
               return std::string(e->description);
            }
            return "jurisdiction element";
         case format::ansi_nist: return ansi_nist_name(tag);
         case format::nlets_text: break;
      }
      return text_name(tag);
   }

private:
   [[nodiscard]] static bool same_label(std::string_view a, std::string_view b) noexcept
   {
      return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                        [](char x, char y) { return detail::to_upper(x) == detail::to_upper(y); });
   }

   [[nodiscard]] std::string text_name(std::string_view tag) const
   {
      if (const field_entry* e = nlets::text_dictionary.find(tag)) {
         return std::string(e->name);
      }
      const bool builtin = std::any_of(nlets::builtin_labels.begin(), nlets::builtin_labels.end(),
                                       [tag](const nlets::label_rule& l) { return same_label(l.tag, tag); });
      const bool custom = std::any_of(labels_.begin(), labels_.end(),
                                      [tag](const nlets::custom_label& l) { return same_label(l.text, tag); });
      return builtin || custom ? std::string(free_text_line) : "field";
   }

   [[nodiscard]] static std::string ansi_nist_name(std::string_view tag)
   {
      constexpr std::string_view record_prefix = "Type-";
      if (tag.starts_with(record_prefix)) {
         const std::string_view number = tag.substr(record_prefix.size());
         unsigned type = 0;
         const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), type);
         const ansi_nist::record_entry* r = ansi_nist::find_record(type);
         if (error == std::errc() && end == number.data() + number.size() && r != nullptr) {
            return std::string(r->description);
         }
         return "record";
      }
      if (const field_entry* e = ansi_nist::type2_dictionary.find(tag)) {
         return std::string(e->description);
      }
      return "field";
   }

   format format_;
   std::vector<nlets::custom_label> labels_;
   unsigned aamva_version_ = aamva::newest_version;
};

}  // namespace veil::cli
