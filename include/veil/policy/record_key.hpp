#pragma once
// The record key a person-notification duty needs (NY VTL §201(12), IL 625 ILCS
// 5/6-110.3, MA 940 CMR 37.04: tell the person their record was requested): the driver
// licence number the message carries. It is read only for a rule that asks to notify,
// from a message the format's reader has already accepted, and it is the one value an
// audit line ever holds — so it comes only from the licence number itself, never from
// another identification, and only when it looks like one.
//
// Where it is found: Nlets text, the OLN field of a query, or an "OLN/" token of a
// free-text line (a response); Nlets XML, the text of an nc:IdentificationID that is
// a child of an nc:DriverLicenseIdentification, read as an XML reader reads it, else an
// "OLN/" field in the text of a free-text element (n2:ResponseText and its kin); AAMVA,
// the customer id number element DAQ. ANSI/NIST transactions carry no licence number:
// the key is empty.

#include <veil/aamva/payload_reader.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/format.hpp>
#include <veil/nlets/message_kind.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/text_references.hpp>
#include <veil/xml/xml_reader.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace veil::policy {

namespace internal {

// Nlets allows 20 characters for an operator licence number; a longer or blank-holding
// value is not one, and an audit line does not take it.
inline constexpr std::size_t longest_licence_number = 20;

[[nodiscard]] inline std::string licence_number_or_nothing(std::string_view value)
{
   while (!value.empty() && static_cast<unsigned char>(value.front()) <= ' ') {
      value.remove_prefix(1);
   }
   while (!value.empty() && static_cast<unsigned char>(value.back()) <= ' ') {
      value.remove_suffix(1);
   }
   const bool printable = std::all_of(value.begin(), value.end(), [](char c) { return c > ' ' && c < 0x7f; });
   return printable && value.size() <= longest_licence_number ? std::string(value) : std::string();
}

[[nodiscard]] constexpr bool ends_value(char c) noexcept
{
   return c == '.' || detail::is_blank(c) || detail::is_control(c);
}

// The value of the first "OLN/" token of free text: at the start, or after a blank, a
// period or a line break, as the free-text rules read a field inside a line.
[[nodiscard]] inline std::string licence_token(std::string_view text)
{
   constexpr std::string_view prefix = "OLN/";
   for (std::size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
      if (at == 0 || ends_value(text[at - 1])) {
         std::size_t end = at + prefix.size();
         while (end < text.size() && !ends_value(text[end])) {
            ++end;
         }
         return licence_number_or_nothing(text.substr(at + prefix.size(), end - at - prefix.size()));
      }
   }
   return {};
}

// The value of the OLN field of a query's field list: a field of its own, not an "OLN/"
// quoted inside another field's value (a remark).
[[nodiscard]] inline std::string licence_of_field_list(std::string_view message)
{
   for (std::size_t at = 0; at < message.size();) {
      const std::size_t end = std::min(message.find('.', at), message.size());
      std::string_view field = message.substr(at, end - at);
      while (!field.empty() && detail::is_control(field.front())) {
         field.remove_prefix(1);
      }
      if (field.starts_with("OLN/")) {
         return licence_number_or_nothing(field.substr(4));
      }
      at = end + 1;
   }
   return {};
}

[[nodiscard]] inline std::string text_licence(std::string_view message)
{
   const std::string_view key = message.substr(0, message.find('.'));
   return nlets::body_kind_of(key) == nlets::body_kind::fields ? licence_of_field_list(message)
                                                               : licence_token(message);
}

// Reads an XML message for its licence number, as the XML reader hands it over.
class xml_licence_reader
{
public:
   void on_start(const xml::element_start& e)
   {
      const std::optional<xml::vocabulary> v = xml::vocabulary_of(e.name.uri);
      const bool core = v == xml::vocabulary::niem_core;
      if (core && e.name.local == "DriverLicenseIdentification") {
         licence_depth_ = e.depth;
      }
      else if (core && e.name.local == "IdentificationID" && licence_depth_ && e.depth == *licence_depth_ + 1) {
         reading_ = reading::licence;
         licence_text_.clear();
      }
      else if (!free_text_depth_ && v == xml::vocabulary::nlets) {
         const xml::element_entry* entry = xml::find_element(e.name.uri, e.name.local);
         if (entry != nullptr && entry->role == xml::element_role::free_text) {
            free_text_depth_ = e.depth;
            reading_ = reading::free_text;
         }
      }
   }

   void on_end(const xml::element_end& e)
   {
      if (reading_ == reading::licence && licence_depth_ && e.depth == *licence_depth_ + 1) {
         if (licence_.empty()) {
            licence_ = licence_number_or_nothing(licence_text_);
         }
         reading_ = reading::nothing;
      }
      if (licence_depth_ == e.depth) {
         licence_depth_.reset();
      }
      if (free_text_depth_ == e.depth) {
         free_text_depth_.reset();
         reading_ = reading::nothing;
         free_text_ += '\n';  // one free-text element does not run into the next
      }
   }

   void on_text(std::string_view piece, std::size_t /*offset*/, xml::text_kind kind)
   {
      if (reading_ == reading::nothing) {
         return;
      }
      std::string& text = reading_ == reading::licence ? licence_text_ : free_text_;
      if (kind == xml::text_kind::text) {
         xml::append_decoded(text, piece);
      }
      else {
         text.append(piece);
      }
   }

   void on_markup(std::string_view /*raw*/, std::size_t /*offset*/) {}

   // The licence number, or the OLN/ field of the free text read when there is none.
   [[nodiscard]] std::string key() const { return licence_.empty() ? licence_token(free_text_) : licence_; }

private:
   enum class reading { nothing, licence, free_text };

   std::optional<std::size_t> licence_depth_;    // inside an nc:DriverLicenseIdentification
   std::optional<std::size_t> free_text_depth_;  // inside a free-text element
   reading reading_ = reading::nothing;
   std::string licence_text_;  // of the licence's IdentificationID being read
   std::string free_text_;     // of every free-text element read so far
   std::string licence_;
};

[[nodiscard]] inline std::string xml_licence(std::string_view xml_message)
{
   xml_licence_reader reader;
   try {
      xml::read(xml_message, reader);
   }
   catch (const rejected_input&) {
      return {};  // accepted by its reader before this; nothing to read otherwise
   }
   return reader.key();
}

[[nodiscard]] inline std::string aamva_licence(std::string_view bytes)
{
   try {
      const aamva::payload p = aamva::read_payload(bytes, aamva::framing_mode::lenient);
      for (const aamva::subfile& s : p.subfiles) {
         for (const aamva::element_span& e : s.elements) {
            const std::string_view element = bytes.substr(e.begin, e.end - e.begin);
            if (element.starts_with("DAQ")) {
               return licence_number_or_nothing(element.substr(3));
            }
         }
      }
   }
   catch (const rejected_input&) {
      // The message was accepted by its reader before this; a payload read leniently
      // that still fails has no key to give.
   }
   return {};
}

}  // namespace internal

// The licence number `message` carries, or "" when it holds none.
[[nodiscard]] inline std::string record_key(format f, std::string_view message)
{
   switch (f) {
      case format::nlets_text: return internal::text_licence(message);
      case format::nlets_xml: return internal::xml_licence(message);
      case format::aamva: return internal::aamva_licence(message);
      case format::ansi_nist: return {};
   }
   return {};
}

}  // namespace veil::policy
