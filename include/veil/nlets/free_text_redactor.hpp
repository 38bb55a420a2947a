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
#include <veil/detail/masking.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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

[[nodiscard]] constexpr std::size_t indentation(std::string_view s) noexcept
{
   std::size_t i = 0;
   while (i < s.size() && detail::is_blank(s[i])) {
      ++i;
   }
   return i;
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

struct token
{
   std::size_t start;      // of the prefix
   std::size_t value_end;  // one past the value, trailing blanks and '.' excluded
   const field_entry* entry;
};

}  // namespace internal

template <std::size_t DictionarySize, std::size_t LabelCapacity>
class free_text_redactor
{
public:
   free_text_redactor(const field_dictionary<DictionarySize>& dictionary,
                      const redaction_plan<field_entry, DictionarySize>& token_plan,
                      const redaction_plan<label_rule, LabelCapacity>& label_plan,
                      std::span<const label_rule> extra_labels) noexcept
      : dictionary_(dictionary), token_plan_(token_plan), label_plan_(label_plan), extra_labels_(extra_labels)
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
      find_tokens(content.substr(0, best.at));
      (void)redact_tokens_into_line(content.substr(0, best.at), offset, out);
      if (out.applied_action() == action::mask) {
         out.emit(line_);
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

   void find_tokens(std::string_view content)
   {
      tokens_.clear();
      for (std::size_t i = 0; i + 4 <= content.size(); ++i) {
         if (content[i + 3] != '/' || (i != 0 && detail::is_alnum(content[i - 1])) ||
             !detail::is_upper_or_digit(content[i]) || !detail::is_upper_or_digit(content[i + 1]) ||
             !detail::is_upper_or_digit(content[i + 2])) {
            continue;
         }
         if (const field_entry* entry = dictionary_.find(content.substr(i, 3))) {
            tokens_.push_back({ i, content.size(), entry });
            i += 3;
         }
      }
      for (std::size_t t = 0; t < tokens_.size(); ++t) {
         std::size_t end = t + 1 < tokens_.size() ? tokens_[t + 1].start : content.size();
         const std::size_t value_start = tokens_[t].start + 4;
         while (end > value_start && (detail::is_blank(content[end - 1]) || detail::is_control(content[end - 1]))) {
            --end;
         }
         if (end > value_start && content[end - 1] == '.') {
            --end;
         }
         tokens_[t].value_end = end;
      }
   }

   void redact_tokens(std::string_view content, std::string_view terminator, std::size_t offset,
                      redaction_output& out)
   {
      find_tokens(content);
      bool any = false;
      for (const internal::token& t : tokens_) {
         any = any || is_sensitive(t, content);
      }
      if (!any) {
         out.emit(content);
         out.emit(terminator);
         return;
      }
      if (const std::optional<std::size_t> open_address = redact_tokens_into_line(content, offset, out)) {
         continuation_ = continuation{ internal::indentation(content), *open_address };
      }
      // A line that held nothing but dropped tokens goes with its terminator.
      if (out.applied_action() == action::drop && internal::is_blank_line(line_)) {
         return;
      }
      out.emit(line_);
      out.emit(terminator);
   }

   // Puts `content` into line_ with the sensitive ones of tokens_ (found in `content`)
   // dropped or masked, and records them. Returns the audit entry of an address token
   // that ends the content, whose value may go on in the lines below.
   std::optional<std::size_t> redact_tokens_into_line(std::string_view content, std::size_t offset,
                                                      redaction_output& out)
   {
      line_.clear();
      std::size_t cursor = 0;
      std::optional<std::size_t> open_address;  // audit entry of an address token that ends the line
      for (const internal::token& t : tokens_) {
         open_address.reset();
         if (!is_sensitive(t, content)) {
            continue;
         }
         const std::size_t index =
            out.record(t.entry->tag, *t.entry->sensitivity, offset + t.start, t.value_end - t.start);
         if (*t.entry->sensitivity == category::address && t.value_end == trimmed_size(content)) {
            open_address = index;
         }
         if (out.applied_action() == action::mask) {
            line_.append(content.substr(cursor, t.start + 4 - cursor));
            detail::masked_pieces(content.substr(t.start + 4, t.value_end - t.start - 4),
                                  [this](std::string_view piece) { line_.append(piece); });
            cursor = t.value_end;
            continue;
         }
         std::size_t from = t.start;
         std::size_t to = t.value_end;
         // Nothing but blanks after it: no token follows this one directly.
         const bool ends_list =
            to == content.size() || detail::is_blank(content[to]) || detail::is_control(content[to]);
         if (to < content.size() && content[to] == '.') {
            ++to;  // a dot-separated token takes the '.' after it ...
         }
         else if (ends_list && from > 0 && content[from - 1] == '.') {
            --from;  // ... or, as the last of its list, the '.' before it
            if (from < cursor && line_.ends_with('.')) {
               // That '.' went with the dropped token before this one, so a run of
               // dropped tokens ends the list: the '.' before the run goes instead.
               line_.pop_back();
            }
         }
         else if (from > internal::indentation(content)) {
            while (from > 0 && detail::is_blank(content[from - 1])) {
               --from;  // a token in a column layout takes the blanks before it
            }
         }
         else {
            while (to < content.size() && detail::is_blank(content[to])) {
               ++to;  // ... and the first token of a line the blanks after it
            }
         }
         from = std::max(from, cursor);
         line_.append(content.substr(cursor, from - cursor));
         cursor = to;
      }
      line_.append(content.substr(cursor));
      return open_address;
   }

   [[nodiscard]] bool is_sensitive(const internal::token& t, std::string_view content) const noexcept
   {
      const field_entry* planned = token_plan_.find(t.entry->tag);
      return planned != nullptr &&
             planned->sensitive_for(content.substr(t.start + 4, t.value_end - t.start - 4));
   }

   [[nodiscard]] static std::size_t trimmed_size(std::string_view content) noexcept
   {
      std::size_t end = content.size();
      while (end > 0 && (detail::is_blank(content[end - 1]) || detail::is_control(content[end - 1]) ||
                         content[end - 1] == '.')) {
         --end;
      }
      return end;
   }

   const field_dictionary<DictionarySize>& dictionary_;
   const redaction_plan<field_entry, DictionarySize>& token_plan_;
   const redaction_plan<label_rule, LabelCapacity>& label_plan_;
   std::span<const label_rule> extra_labels_;
   std::optional<continuation> continuation_;
   std::vector<internal::token> tokens_;  // reused from line to line
   std::string line_;                     // the redacted line, reused
};

}  // namespace veil::nlets
