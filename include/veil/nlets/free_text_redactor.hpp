#pragma once
// Redacts free-text bodies (DR, KR, RR, IR, FR, IAR, LR, the echo inside ER) line by
// line, as a reader of the text sees them. Each state composes these bodies its own way,
// so decisions come from two kinds of evidence, both read by labelled_text.hpp:
//   - labels ("RES ADDR:", "Soc. Sec. #:"): a label's value runs to the next label on the
//     line or its end, and several labels on a line are decided each by itself;
//   - "PFX/value" tokens of the field dictionary inside a line: a value runs to the next
//     known token or the end of the line, so an unexpected layout redacts too much
//     rather than too little.
// A value may go on below its line:
//   - continuation: under a removed address (label or token), every following line
//     that a reader sees indented further (in columns, tabs to every 8th) is part of it,
//     up to a blank line or one indented no further;
//   - a removed label with nothing after it on its line has its value on the next line
//     that is not blank and does not start with a label or token; an address label's
//     value goes on over the lines after that one until such a line or a blank line.
//     Lines indented under a removed address belong to it first.
// A line is held until it ends (bounded by text_limits::max_line_size) and then written.
// Each field removed goes by its own action (see redaction_rules.hpp).

#include <veil/field_dictionary.hpp>
#include <veil/nlets/label_grammar.hpp>
#include <veil/nlets/labelled_text.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_lines.hpp>
#include <veil/nlets/token_redactor.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>
#include <veil/redaction_rules.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace veil::nlets {

template <std::size_t DictionarySize, std::size_t LabelCapacity>
class free_text_redactor
{
public:
   free_text_redactor(const field_dictionary<DictionarySize>& dictionary,
                      const redaction_plan<field_entry, DictionarySize>& token_plan,
                      const redaction_plan<label_rule, LabelCapacity>& label_plan,
                      std::span<const run_time_label> added_labels, redaction_rules rules) noexcept
      : text_(dictionary, token_plan, label_plan, added_labels, rules), rules_(rules)
   {}

   [[nodiscard]] const redaction_rules& rules() const noexcept { return rules_; }

   // `line` includes its terminator; `offset` is where it starts in the message.
   void on_line(std::string_view line, std::size_t offset, redaction_output& out)
   {
      const auto [content, terminator] = internal::split_line(line);
      if (continue_address(content, terminator, offset, out) || take_value_line(content, terminator, offset, out)) {
         return;
      }
      continuation_.reset();
      judge(content, terminator, offset, out);
   }

private:
   struct continuation
   {
      std::size_t indent;  // in columns
      recorded_field address;
   };

   struct value_below
   {
      recorded_field label;
      bool block;    // an address: lines after the first go on with it
      bool started;  // its first line has been taken
   };

   // The lines that carry the value of a label that ended its line.
   bool take_value_line(std::string_view content, std::string_view terminator, std::size_t offset,
                        redaction_output& out)
   {
      if (!value_) {
         return false;
      }
      if (internal::is_blank_line(content)) {
         if (value_->started) {
            value_.reset();
            return false;
         }
         out.emit(content);  // blank lines before the value stay
         out.emit(terminator);
         return true;
      }
      if (text_.starts_with_item(content)) {
         value_.reset();
         return false;
      }
      const recorded_field label = value_->label;
      remove_line(content, terminator, offset, label, out);
      value_->started = true;
      if (!value_->block) {
         value_.reset();
      }
      follow_removed_line(content, label);
      return true;
   }

   // Lines indented further than a removed address, and not blank, continue its value,
   // whatever they hold; they are also the value a label above awaits, so what the
   // lines after them are does not depend on what these held (a masked line no longer
   // starts with a label when the output is read again).
   bool continue_address(std::string_view content, std::string_view terminator, std::size_t offset,
                         redaction_output& out)
   {
      if (!continuation_ || internal::is_blank_line(content) ||
          internal::indent_columns(content) <= continuation_->indent) {
         return false;
      }
      const recorded_field address = continuation_->address;
      remove_line(content, terminator, offset, address, out);
      if (value_) {
         value_->started = true;
         if (!value_->block) {
            value_.reset();
         }
      }
      follow_removed_line(content, address);
      return true;
   }

   // A line removed whole still has labels a reader sees: an address in it is continued
   // by the lines indented under it, a label that ends it by the line below.
   void follow_removed_line(std::string_view content, const recorded_field& field)
   {
      const judged_text ends = text_.ends_of(content, field);
      const std::size_t indent = internal::indent_columns(content);
      if (ends.address && (!continuation_ || indent < continuation_->indent)) {
         continuation_ = continuation{ indent, field };  // the lower of the two takes more
      }
      if (ends.open_label) {
         const bool block = ends.open_label_takes_continuation || (value_ && value_->block);
         value_ = value_below{ field, block, false };
      }
   }

   // A whole line that is part of `field`'s value: dropped with its terminator, or masked
   // after its indentation.
   static void remove_line(std::string_view content, std::string_view terminator, std::size_t offset,
                           const recorded_field& field, redaction_output& out)
   {
      out.extend(field.audit_index, offset + content.size());
      if (field.applied == action::mask) {
         const std::size_t indent = internal::indentation(content);
         out.emit(content.substr(0, indent));
         out.emit_masked(content.substr(indent));
         out.emit(terminator);
      }
   }

   void judge(std::string_view content, std::string_view terminator, std::size_t offset, redaction_output& out)
   {
      const judged_text judged = text_.redact(content, offset, out);
      if (judged.address) {
         continuation_ = continuation{ internal::indent_columns(content), *judged.address };
      }
      if (judged.open_label) {
         value_ = value_below{ *judged.open_label, judged.open_label_takes_continuation, false };
      }
      if (!judged.removed) {
         out.emit(content);
         out.emit(terminator);
         return;
      }
      // A line left with nothing a reader sees goes with its terminator (a masked field
      // keeps its prefix or label, so its line is never blank).
      if (internal::is_blank_line(text_.result())) {
         return;
      }
      out.emit(text_.result());
      out.emit(terminator);
   }

   labelled_text<DictionarySize, LabelCapacity> text_;
   redaction_rules rules_;
   std::optional<continuation> continuation_;
   std::optional<value_below> value_;
};

}  // namespace veil::nlets
