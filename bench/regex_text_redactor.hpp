#pragma once
// The baseline for Nlets text: what a script would do with std::regex and the same field
// list as veil's default mask. Line by line, as the response bodies are laid out: a line
// with a label of a masked category ("RES ADDR:", "POB:") goes whole, or keeps its label
// with the rest starred, and an address label takes the more indented lines under it;
// elsewhere "PFX/value" tokens of masked prefixes go, a value running to two blanks or
// the end of the line, with the blanks before the token (after it, for the first of a
// line). The labels and prefixes are read from veil's own tables; case is ignored, as
// veil ignores it.

#include <veil/action.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace veil_bench {

class regex_text_redactor
{
public:
   regex_text_redactor(veil::category_mask mask, veil::action applied)
      : labels_(label_pattern(mask), std::regex::icase | std::regex::optimize),
        tokens_(token_pattern(mask), std::regex::icase | std::regex::optimize),
        applied_(applied)
   {}

   void redact(std::string_view message, std::string& out) const
   {
      std::optional<std::size_t> continuation;  // the indentation of the open address line
      while (!message.empty()) {
         const std::size_t end = std::min(message.find('\n'), message.size() - 1) + 1;
         const std::string_view line = message.substr(0, end);
         message.remove_prefix(end);
         const std::size_t terminator = line.ends_with("\r\n") ? 2 : line.ends_with('\n') ? 1 : 0;
         redact_line(line.substr(0, line.size() - terminator), line.substr(line.size() - terminator), continuation,
                     out);
      }
   }

private:
   using match = std::match_results<std::string_view::const_iterator>;

   [[nodiscard]] static std::size_t indentation(std::string_view s) noexcept
   {
      const std::size_t i = s.find_first_not_of(" \t");
      return i == std::string_view::npos ? s.size() : i;
   }

   void stars(std::string_view value, std::string& out) const { out.append(value.size(), '*'); }

   void redact_line(std::string_view content, std::string_view terminator, std::optional<std::size_t>& continuation,
                    std::string& out) const
   {
      const std::size_t indent = indentation(content);
      if (continuation && indent < content.size() && indent > *continuation) {
         if (applied_ == veil::action::mask) {
            out += content.substr(0, indent);
            stars(content.substr(indent), out);
            out += terminator;
         }
         return;
      }
      continuation.reset();
      match label;
      if (std::regex_search(content.begin(), content.end(), label, labels_)) {
         if (label[1].matched) {
            continuation = indent;
         }
         if (applied_ == veil::action::mask) {
            const auto label_end = static_cast<std::size_t>(label.position(0) + label.length(0));
            out += content.substr(0, label_end);
            stars(content.substr(label_end), out);
            out += terminator;
         }
         return;
      }
      redact_tokens(content, terminator, indent, continuation, out);
   }

   void redact_tokens(std::string_view content, std::string_view terminator, std::size_t indent,
                      std::optional<std::size_t>& continuation, std::string& out) const
   {
      const std::size_t line_start = out.size();
      std::size_t cursor = 0;
      bool address_ends_line = false;
      for (auto it = std::regex_iterator<std::string_view::const_iterator>(content.begin(), content.end(), tokens_);
           it != decltype(it)(); ++it) {
         const match& token = *it;
         const auto start = static_cast<std::size_t>(token.position(0));
         std::size_t end = start + static_cast<std::size_t>(token.length(0));
         address_ends_line = token[1].matched && indentation(content.substr(end)) == content.size() - end;
         if (applied_ == veil::action::mask) {
            const auto value = static_cast<std::size_t>(token.position(2));
            out += content.substr(cursor, value - cursor);
            stars(content.substr(value, end - value), out);
         }
         else {
            if (start <= indent) {
               end += indentation(content.substr(end));  // the first token of a line takes the blanks after it
            }
            out += content.substr(cursor, std::max(start, cursor) - cursor);
         }
         cursor = end;
      }
      if (cursor == 0) {
         out += content;
         out += terminator;
         return;
      }
      out += content.substr(cursor);
      if (applied_ == veil::action::drop && indentation(std::string_view(out).substr(line_start)) == out.size() - line_start) {
         out.resize(line_start);  // nothing but dropped tokens: the line goes
      }
      else {
         out += terminator;
      }
      if (address_ends_line) {
         continuation = indent;
      }
   }

   // An alternation, or what matches nothing when it has no alternatives.
   [[nodiscard]] static std::string or_nothing(const std::string& alternatives)
   {
      return alternatives.empty() ? "(?!)" : alternatives;
   }

   // "\b(?:(RES ADDR:|...)|(POB:|...))[ \t]*": group 1 the address labels, which take
   // continuation lines.
   [[nodiscard]] static std::string label_pattern(veil::category_mask mask)
   {
      std::string address;
      std::string other;
      for (const veil::nlets::label_rule& rule : veil::nlets::builtin_labels) {
         if (mask.contains(*rule.sensitivity)) {
            std::string& group = rule.takes_continuation ? address : other;
            group += (group.empty() ? "" : "|") + std::string(rule.tag);
         }
      }
      return "\\b(?:(" + or_nothing(address) + ")|(" + or_nothing(other) + "))[ \\t]*";
   }

   // "[ \t]*\b(?:(ADR)|POB|...|MNU(?=/[ \t]*(?:AR|AN|PP)))/(value)": group 1 an address
   // prefix, group 2 the value, words one blank apart.
   [[nodiscard]] static std::string token_pattern(veil::category_mask mask)
   {
      std::string address;
      std::string other;
      for (const veil::field_entry& entry : veil::nlets::text_dictionary) {
         if (entry.sensitivity && mask.contains(*entry.sensitivity)) {
            std::string& group = *entry.sensitivity == veil::category::address ? address : other;
            group += (group.empty() ? "" : "|") + std::string(entry.tag);
            if (entry.categories_of != nullptr) {
               group += "(?=/[ \\t]*(?:AR|AN|PP))";  // the immigration types of an NCIC number
            }
         }
      }
      return "[ \\t]*\\b(?:(" + or_nothing(address) + ")|" + or_nothing(other) + ")/([^ \\t]*(?: [^ \\t]+)*)";
   }

   std::regex labels_;
   std::regex tokens_;
   veil::action applied_;
};

}  // namespace veil_bench
