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
// Each field removed goes by its own action (see redaction_rules.hpp); a label an
// override keeps is no label, and neither is a shorter label inside its text.

#include <veil/detail/bytes.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/token_redactor.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>
#include <veil/redaction_rules.hpp>

#include <algorithm>
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

// Whether `label` stands in `line` at `at`, at the start of a word, case-insensitively.
[[nodiscard]] constexpr bool label_at(std::string_view line, std::string_view label, std::size_t at) noexcept
{
   if (label.empty() || at + label.size() > line.size() || (at != 0 && detail::is_alnum(line[at - 1]))) {
      return false;
   }
   for (std::size_t k = 0; k < label.size(); ++k) {
      if (detail::to_upper(line[at + k]) != detail::to_upper(label[k])) {
         return false;
      }
   }
   return true;
}

// Where `label` first stands in `line` from `from` on.
[[nodiscard]] constexpr std::size_t find_label(std::string_view line, std::string_view label,
                                               std::size_t from = 0) noexcept
{
   for (std::size_t at = from; at + label.size() <= line.size(); ++at) {
      if (label_at(line, label, at)) {
         return at;
      }
   }
   return std::string_view::npos;
}

}  // namespace internal

// The labels set at run time.
struct run_time_labels
{
   std::span<const label_rule> extra;  // text_options::extra_labels that redact
   std::span<const label_rule> kept;   // labels, built-in or extra, an override keeps
};

template <std::size_t DictionarySize, std::size_t LabelCapacity>
class free_text_redactor
{
public:
   free_text_redactor(const field_dictionary<DictionarySize>& dictionary,
                      const redaction_plan<field_entry, DictionarySize>& token_plan,
                      const redaction_plan<label_rule, LabelCapacity>& label_plan, run_time_labels labels,
                      redaction_rules rules) noexcept
      : tokens_(dictionary, token_plan, rules), label_plan_(label_plan), labels_(labels), rules_(rules)
   {}

   [[nodiscard]] const redaction_rules& rules() const noexcept { return rules_; }

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
      recorded_field address;
   };

   // Lines more indented than an address line, and not blank, continue its value.
   bool continue_address(std::string_view content, std::string_view terminator, std::size_t offset,
                         redaction_output& out)
   {
      if (!continuation_ || internal::is_blank_line(content) ||
          internal::indentation(content) <= continuation_->indent) {
         return false;
      }
      out.extend(continuation_->address.audit_index, offset + content.size());
      if (continuation_->address.applied == action::mask) {
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
      action applied = action::drop;
   };

   bool redact_labelled_line(std::string_view content, std::string_view terminator, std::size_t offset,
                             redaction_output& out)
   {
      label_match best;
      const auto consider = [&](const label_rule& rule) {
         const std::size_t at = find_redacted_label(content, rule.tag);
         if (at < best.at) {
            if (const field_verdict removed = rules_.verdict(rule.tag, rule.sensitivity)) {
               best = { at, &rule, *removed };
            }
         }
      };
      for (const label_rule* rule : label_plan_) {
         consider(*rule);
      }
      for (const label_rule& rule : labels_.extra) {
         consider(rule);
      }
      if (best.rule == nullptr) {
         return false;
      }
      // Sensitive tokens before the label are fields of their own: a dropped label
      // removes them with the line, a masked one keeps the words around them.
      const std::string_view before_label = content.substr(0, best.at);
      (void)tokens_.scan(before_label);
      if (best.applied == action::drop) {
         tokens_.drop_removed();
      }
      (void)tokens_.redact(before_label, offset, out);
      if (best.applied == action::mask) {
         out.emit(tokens_.result());
      }
      const std::size_t index = out.record(best.rule->tag, *best.rule->sensitivity, best.applied, offset + best.at,
                                           content.size() - best.at);
      if (best.applied == action::mask) {
         std::size_t value_start = best.at + best.rule->tag.size();
         while (value_start < content.size() && detail::is_blank(content[value_start])) {
            ++value_start;
         }
         out.emit(content.substr(best.at, value_start - best.at));
         out.emit_masked(content.substr(value_start));
         out.emit(terminator);
      }
      if (best.rule->takes_continuation) {
         continuation_ = continuation{ internal::indentation(content), { index, best.applied } };
      }
      return true;
   }

   // Where `label` first stands in `content` outside the labels an override keeps: an
   // "ADDR:" inside a kept "RES ADDR:" is part of that label, not a label of its own.
   [[nodiscard]] std::size_t find_redacted_label(std::string_view content, std::string_view label) const noexcept
   {
      std::size_t at = internal::find_label(content, label);
      while (at != std::string_view::npos && inside_kept_label(content, at, label.size())) {
         at = internal::find_label(content, label, at + 1);
      }
      return at;
   }

   [[nodiscard]] bool inside_kept_label(std::string_view content, std::size_t at, std::size_t length) const noexcept
   {
      return std::any_of(labels_.kept.begin(), labels_.kept.end(), [&](const label_rule& kept) {
         const std::size_t end = at + length;
         for (std::size_t from = end > kept.tag.size() ? end - kept.tag.size() : 0; from <= at; ++from) {
            if (internal::label_at(content, kept.tag, from)) {
               return true;
            }
         }
         return false;
      });
   }

   void redact_tokens(std::string_view content, std::string_view terminator, std::size_t offset,
                      redaction_output& out)
   {
      if (!tokens_.scan(content)) {
         out.emit(content);
         out.emit(terminator);
         return;
      }
      if (const std::optional<recorded_field> open_address = tokens_.redact(content, offset, out)) {
         continuation_ = continuation{ internal::indentation(content), *open_address };
      }
      // A line that held nothing but dropped tokens goes with its terminator (a masked
      // token keeps its prefix, so its line is never blank).
      if (internal::is_blank_line(tokens_.result())) {
         return;
      }
      out.emit(tokens_.result());
      out.emit(terminator);
   }

   token_redactor<DictionarySize> tokens_;
   const redaction_plan<label_rule, LabelCapacity>& label_plan_;
   run_time_labels labels_;
   redaction_rules rules_;
   std::optional<continuation> continuation_;
};

}  // namespace veil::nlets
