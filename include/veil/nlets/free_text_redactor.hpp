#pragma once
// Redacts free-text bodies (DR, KR, RR, IR, FR, IAR, LR, the echo inside ER) line by
// line. Each state composes these bodies its own way, so decisions come from two kinds
// of evidence:
//   - labels ("RES ADDR:", "SSN:"): the whole line is the field; an address label also
//     takes the indented continuation lines under it;
//   - "PFX/value" tokens of the field dictionary inside a line: a value runs to the next
//     known token or the end of the line, so an unexpected layout redacts too much
//     rather than too little.
// A line is held until it ends (bounded by text_limits::max_line_size) and then written.

#include <veil/detail/bytes.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/token_redactor.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace veil::nlets {

namespace internal {

struct line_split
{
   std::string_view content;
   std::string_view terminator;  // "\n", "\r\n" or empty for a last line without one
};

[[nodiscard]] constexpr line_split split_line(std::string_view line) noexcept
{
   std::size_t n = 0;
   if (!line.empty() && line.back() == '\n') {
      n = (line.size() >= 2 && line[line.size() - 2] == '\r') ? 2 : 1;
   }
   return { line.substr(0, line.size() - n), line.substr(line.size() - n) };
}

[[nodiscard]] constexpr bool is_blank_line(std::string_view s) noexcept
{
   for (const char c : s) {
      if (!detail::is_blank(c) && !detail::is_control(c)) {
         return false;
      }
   }
   return true;
}

// Where `label` first stands in `line` at the start of a word, case-insensitively.
[[nodiscard]] constexpr std::size_t find_label(std::string_view line, std::string_view label) noexcept
{
   if (label.empty() || label.size() > line.size()) {
      return std::string_view::npos;
   }
   for (std::size_t at = 0; at + label.size() <= line.size(); ++at) {
      if (at != 0 && detail::is_alnum(line[at - 1])) {
         continue;
      }
      std::size_t k = 0;
      while (k < label.size() && detail::to_upper(line[at + k]) == detail::to_upper(label[k])) {
         ++k;
      }
      if (k == label.size()) {
         return at;
      }
   }
   return std::string_view::npos;
}

}  // namespace internal

template <std::size_t DictionarySize, std::size_t LabelCapacity>
class free_text_redactor
{
public:
   free_text_redactor(const field_dictionary<DictionarySize>& dictionary,
                      const redaction_plan<field_entry, DictionarySize>& token_plan,
                      const redaction_plan<label_rule, LabelCapacity>& label_plan,
                      std::span<const label_rule> extra_labels) noexcept
      : tokens_(dictionary, token_plan), label_plan_(label_plan), extra_labels_(extra_labels)
   {}

   // `line` includes its terminator; `offset` is where it starts in the message.
   void on_line(std::string_view line, std::size_t offset, redaction_output& out)
   {
      const auto [content, terminator] = internal::split_line(line);
      if (continue_address(content, terminator, offset, out)) {
         return;
      }
      continuation_.reset();
      if (redact_labelled_line(content, terminator, offset, out)) {
         return;
      }
      redact_tokens(content, terminator, offset, out);
   }

private:
   struct continuation
   {
      std::size_t indent;
      std::size_t audit_index;
   };

   // Lines more indented than an address line, and not blank, continue its value.
   bool continue_address(std::string_view content, std::string_view terminator, std::size_t offset,
                         redaction_output& out)
   {
      if (!continuation_ || internal::is_blank_line(content) ||
          internal::indentation(content) <= continuation_->indent) {
         return false;
      }
      out.extend(continuation_->audit_index, offset + content.size());
      if (out.applied_action() == action::mask) {
         const std::size_t indent = internal::indentation(content);
         out.emit(content.substr(0, indent));
         out.emit_masked(content.substr(indent));
         out.emit(terminator);
      }
      return true;
   }

   struct label_match
   {
      std::size_t at = std::string_view::npos;
      const label_rule* rule = nullptr;
   };

   bool redact_labelled_line(std::string_view content, std::string_view terminator, std::size_t offset,
                             redaction_output& out)
   {
      label_match best;
      const auto consider = [&](const label_rule& rule) {
         const std::size_t at = internal::find_label(content, rule.tag);
         if (at < best.at) {
            best = { at, &rule };
         }
      };
      for (const label_rule* rule : label_plan_) {
         consider(*rule);
      }
      for (const label_rule& rule : extra_labels_) {
         consider(rule);
      }
      if (best.rule == nullptr) {
         return false;
      }
      // Sensitive tokens before the label are fields of their own: the drop action
      // removes them with the line, the mask action keeps the words around them.
      const std::string_view before_label = content.substr(0, best.at);
      (void)tokens_.scan(before_label);
      (void)tokens_.redact(before_label, offset, out);
      if (out.applied_action() == action::mask) {
         out.emit(tokens_.result());
      }
      const std::size_t index =
         out.record(best.rule->tag, *best.rule->sensitivity, offset + best.at, content.size() - best.at);
      if (out.applied_action() == action::mask) {
         std::size_t value_start = best.at + best.rule->tag.size();
         while (value_start < content.size() && detail::is_blank(content[value_start])) {
            ++value_start;
         }
         out.emit(content.substr(best.at, value_start - best.at));
         out.emit_masked(content.substr(value_start));
         out.emit(terminator);
      }
      if (best.rule->takes_continuation) {
         continuation_ = continuation{ internal::indentation(content), index };
      }
      return true;
   }

   void redact_tokens(std::string_view content, std::string_view terminator, std::size_t offset,
                      redaction_output& out)
   {
      if (!tokens_.scan(content)) {
         out.emit(content);
         out.emit(terminator);
         return;
      }
      if (const std::optional<std::size_t> open_address = tokens_.redact(content, offset, out)) {
         continuation_ = continuation{ internal::indentation(content), *open_address };
      }
      // A line that held nothing but dropped tokens goes with its terminator.
      if (out.applied_action() == action::drop && internal::is_blank_line(tokens_.result())) {
         return;
      }
      out.emit(tokens_.result());
      out.emit(terminator);
   }

   token_redactor<DictionarySize> tokens_;
   const redaction_plan<label_rule, LabelCapacity>& label_plan_;
   std::span<const label_rule> extra_labels_;
   std::optional<continuation> continuation_;
};

}  // namespace veil::nlets
