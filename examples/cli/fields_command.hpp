#pragma once
// `veil fields`: the field dictionaries, free-text labels and NCIC miscellaneous-number
// types, as text, JSON or Markdown.

#include "aamva_listing.hpp"
#include "ansi_nist_listing.hpp"
#include "arguments.hpp"
#include "listing_style.hpp"
#include "mnu_listing.hpp"
#include "usage.hpp"

#include <veil/detail/json_writer.hpp>
#include <veil/detail/names.hpp>
#include <veil/format.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/xml_redactor.hpp>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace veil::cli {

[[nodiscard]] inline std::string category_text(const field_entry& e)
{
   if (!e.sensitivity) {
      return "-";
   }
   std::string text(name_of(*e.sensitivity));
   if (!e.condition.empty()) {
      text += " (" + std::string(e.condition) + ")";
   }
   return text;
}

// The words of nlets::label_words with `role` that make `label`, as "`A`, `B`".
[[nodiscard]] inline std::string label_words_text(std::string_view label, nlets::word_role role)
{
   std::string out;
   for (const nlets::label_word& w : nlets::label_words) {
      if (w.label == label && w.role == role) {
         out += (out.empty() ? "`" : ", `") + std::string(w.words) + "`";
      }
   }
   return out;
}

// What makes a label, for the Markdown table: the words that name it, those that name it
// alone, and those that make it of an address word.
[[nodiscard]] inline std::string label_reading_text(std::string_view label)
{
   std::string out = label_words_text(label, nlets::word_role::names);
   const std::string alone = label_words_text(label, nlets::word_role::qualifies_or_names);
   const std::string qualifying = label_words_text(label, nlets::word_role::qualifies);
   if (!alone.empty()) {
      out += (out.empty() ? "" : "; ") + std::string("alone or before an address word: ") + alone;
   }
   if (!qualifying.empty()) {
      out += (out.empty() ? "" : "; ") + std::string("before an address word: ") + qualifying;
   }
   return out;
}

// The same as JSON arrays: "names", "alone_or_qualifies", "qualifies".
inline void append_label_words_json(std::string& out, std::string_view label)
{
   for (const auto& [member, role] : { std::pair{ "names", nlets::word_role::names },
                                       std::pair{ "alone_or_qualifies", nlets::word_role::qualifies_or_names },
                                       std::pair{ "qualifies", nlets::word_role::qualifies } }) {
      out += ",\"";
      out += member;
      out += "\":[";
      bool first = true;
      for (const nlets::label_word& w : nlets::label_words) {
         if (w.label == label && w.role == role) {
            out += first ? "" : ",";
            detail::append_json_string(out, w.words);
            first = false;
         }
      }
      out += ']';
   }
}

[[nodiscard]] inline std::string list_nlets_text(listing_style style)
{
   std::string out;
   const auto& dictionary = nlets::text_dictionary;
   switch (style) {
      case listing_style::markdown:
         out += "| prefix | name | category | description |\n|---|---|---|---|\n";
         for (const field_entry& e : dictionary) {
            out += "| `" + std::string(e.tag) + "/` | " + std::string(e.name) + " | " + category_text(e) + " | " +
                   std::string(e.description) + " |\n";
         }
         out += "\n| free-text label | category | takes indented continuation lines | read from the words |\n"
                "|---|---|---|---|\n";
         for (const nlets::label_rule& l : nlets::builtin_labels) {
            out += "| `" + std::string(l.tag) + "` | " + std::string(name_of(*l.sensitivity)) + " | " +
                   (l.takes_continuation ? "yes" : "no") + " | " + label_reading_text(l.tag) + " |\n";
         }
         out += "\n| words | read as |\n|---|---|\n";
         for (const nlets::label_word& w : nlets::label_words) {
            if (w.role == nlets::word_role::names_field) {
               out += "| `" + std::string(w.words) + "` | the field `" + std::string(w.label) + "/` |\n";
            }
            else if (w.role == nlets::word_role::neutral) {
               out += "| `" + std::string(w.words) + "` | no label |\n";
            }
         }
         append_mnu_types(out, style, dictionary.format);
         return out;
      case listing_style::json: {
         for (const field_entry& e : dictionary) {
            open_json_entry(out, dictionary.format, "field", e.tag, e.sensitivity);
            out += ',';
            detail::append_json_member(out, "name", e.name);
            out += ',';
            detail::append_json_member(out, "description", e.description);
            if (!e.condition.empty()) {
               out += ',';
               detail::append_json_member(out, "condition", e.condition);
            }
            out += '}';
         }
         for (const nlets::label_rule& l : nlets::builtin_labels) {
            open_json_entry(out, dictionary.format, "label", l.tag, l.sensitivity);
            out += l.takes_continuation ? ",\"continuation\":true" : ",\"continuation\":false";
            append_label_words_json(out, l.tag);
            out += '}';
         }
         append_mnu_types(out, style, dictionary.format);
         return out;
      }
      case listing_style::text:
         break;
   }
   char row[256];
   for (const field_entry& e : dictionary) {
      std::snprintf(row, sizeof row, "%-12s %-4s %-30s %-12s %s\n", std::string(dictionary.format).c_str(),
                    std::string(e.tag).c_str(), std::string(e.name).c_str(),
                    e.sensitivity ? std::string(name_of(*e.sensitivity)).c_str() : "-",
                    std::string(e.description).c_str());
      out += row;
   }
   for (const nlets::label_rule& l : nlets::builtin_labels) {
      std::snprintf(row, sizeof row, "%-12s %-35s %-12s %s\n", std::string(dictionary.format).c_str(),
                    ("label \"" + std::string(l.tag) + "\"").c_str(), std::string(name_of(*l.sensitivity)).c_str(),
                    l.takes_continuation ? "line and indented continuation lines" : "whole line");
      out += row;
   }
   append_mnu_types(out, style, dictionary.format);
   return out;
}

[[nodiscard]] inline std::string element_tag(const xml::element_entry& e)
{
   return std::string(xml::name_of(e.family)) + ":" + std::string(e.tag) + (e.prefix_match ? "*" : "");
}

[[nodiscard]] inline std::string element_category(const xml::element_entry& e)
{
   if (e.role == xml::element_role::free_text) {
      return "(text rules)";
   }
   return e.sensitivity ? std::string(name_of(*e.sensitivity)) : "-";
}

[[nodiscard]] inline std::string list_nlets_xml(listing_style style)
{
   std::string out;
   switch (style) {
      case listing_style::markdown:
         out += "| element | category | description |\n|---|---|---|\n";
         for (const xml::element_entry& e : xml::element_dictionary) {
            out += "| `" + element_tag(e) + "` | " + element_category(e) + " | " + std::string(e.description) + " |\n";
         }
         out += "\n| prefix | namespace URI |\n|---|---|\n";
         for (const xml::namespace_uri& n : xml::known_namespaces) {
            out += "| `" + std::string(xml::name_of(n.family)) + "` | `" + std::string(n.uri) + "` |\n";
         }
         return out;
      case listing_style::json:
         for (const xml::element_entry& e : xml::element_dictionary) {
            open_json_entry(out, xml::xml_format_name, "element", element_tag(e), e.sensitivity);
            out += ',';
            detail::append_json_member(out, "description", e.description);
            out += '}';
         }
         return out;
      case listing_style::text:
         break;
   }
   char row[256];
   for (const xml::element_entry& e : xml::element_dictionary) {
      std::snprintf(row, sizeof row, "%-12s %-44s %-12s %s\n", std::string(xml::xml_format_name).c_str(),
                    element_tag(e).c_str(), element_category(e).c_str(), std::string(e.description).c_str());
      out += row;
   }
   return out;
}

inline int fields_command(arguments args)
{
   listing_style style = listing_style::text;
   std::optional<format> chosen;
   while (!args.done()) {
      const std::string_view a = args.take();
      if (a == "--help" || a == "-h") {
         std::cout << fields_help;
         return 0;
      }
      if (a == "--json") {
         style = listing_style::json;
      }
      else if (a == "--markdown") {
         style = listing_style::markdown;
      }
      else if (a == "--format") {
         const std::string_view name = args.value_of(a);
         const auto f = format_from_name(name);
         if (!f) {
            throw usage_error(detail::unknown_name("format", name, format_names));
         }
         chosen = f;
      }
      else {
         throw usage_error("unknown option '" + std::string(a) + "' for fields");
      }
   }
   std::string listing;
   const auto add = [&](format f, std::string part) {
      if (chosen && *chosen != f) {
         return;
      }
      if (!listing.empty()) {
         listing += style == listing_style::json ? "," : "\n";
      }
      listing += part;
   };
   add(format::nlets_text, list_nlets_text(style));
   add(format::nlets_xml, list_nlets_xml(style));
   add(format::aamva, list_aamva(style));
   add(format::ansi_nist, list_ansi_nist(style));
   std::cout << (style == listing_style::json ? "[" + listing + "]\n" : listing);
   return 0;
}

}  // namespace veil::cli
