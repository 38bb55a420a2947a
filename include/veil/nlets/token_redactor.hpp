#pragma once
// "PFX/value" tokens wherever text is not a rigid field list: inside free-text lines,
// and inside the values of query fields (a field list broken by line breaks instead of
// '.', or a remark that quotes another field). A token starts at a word start with a
// prefix of the field dictionary, in any case, read as a reader sees it: control
// characters inside "PO\x7fB/" are not seen, so that is POB/ too. Its value runs to the
// next such token or the end of the text, so an unexpected layout redacts too much
// rather than too little.

#include <veil/detail/bytes.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/nlets/text_lines.hpp>
#include <veil/nlets/traced_text.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>
#include <veil/redaction_rules.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::nlets {

namespace internal {

struct token
{
   std::size_t start;        // of the prefix
   std::size_t value_start;  // one past its '/'
   std::size_t value_end;    // one past the value, trailing blanks and '.' excluded
   const field_entry* entry;
   std::optional<field_removal> removal = std::nullopt;
};

}  // namespace internal

// The audit entry of a removed field, and the action it was removed with.
struct recorded_field
{
   std::size_t audit_index;
   action applied;
};

template <std::size_t DictionarySize>
class token_redactor
{
public:
   token_redactor(const field_dictionary<DictionarySize>& dictionary,
                  const redaction_plan<field_entry, DictionarySize>& plan, redaction_rules rules) noexcept
      : dictionary_(dictionary), plan_(plan), rules_(rules)
   {}

   // Finds the tokens of `text` and decides each; true when one of them is removed.
   bool scan(std::string_view text)
   {
      find_tokens(text);
      bool any = false;
      for (internal::token& t : tokens_) {
         if (const field_entry* planned = plan_.find(t.entry->tag)) {
            t.removal = rules_.removal(*planned, text.substr(t.value_start, t.value_end - t.value_start));
            any = any || t.removal.has_value();
         }
      }
      return any;
   }

   // The tokens of `text`, each with its dictionary entry, whatever the plan decides:
   // what a reader finds there (explain names from them what a message holds).
   [[nodiscard]] const std::vector<internal::token>& tokens_in(std::string_view text)
   {
      find_tokens(text);
      return tokens_;
   }

   // After scan(): whether a token of category `kind` is removed.
   [[nodiscard]] bool removes(category kind) const noexcept
   {
      return std::any_of(tokens_.begin(), tokens_.end(),
                         [kind](const internal::token& t) { return t.removal && t.removal->kind == kind; });
   }

   // After scan(text) found a removed token, for a `text` that goes whole (the lead of a
   // dropped label): records its removed tokens, dropped whatever their own action, so
   // that together they cover every byte of `text` from `from` on, each entry running to
   // the start of the next one, the first starting at `from`: what goes with them is
   // audited, none of it twice. Returns the entry of the first address token.
   std::optional<recorded_field> record_dropped_whole(std::string_view text, std::size_t from, std::size_t offset,
                                                      redaction_output& out)
   {
      std::optional<recorded_field> address;
      std::optional<std::size_t> previous;
      for (const internal::token& t : tokens_) {
         if (!t.removal) {
            continue;
         }
         const std::size_t start = previous ? t.start : from;
         if (previous) {
            out.extend(*previous, offset + start);
         }
         previous = out.record(t.entry->tag, t.removal->kind, action::drop, offset + start, t.value_end - start);
         if (t.removal->kind == category::address && !address) {
            address = recorded_field{ *previous, action::drop };
         }
      }
      if (previous) {
         out.extend(*previous, offset + text.size());
      }
      return address;
   }

   // After scan(text): puts `text` into result() with its removed tokens dropped or
   // masked, each by its own action, and records them (`offset` is where `text` starts
   // in the message; `word_follows`: the line goes on right after `text` with a word, the
   // label that ends it). Returns the audit entry of the first address token removed: in
   // a layout of columns the indented lines below may go on with its value.
   std::optional<recorded_field> redact(std::string_view text, std::size_t offset, redaction_output& out,
                                        bool word_follows = false)
   {
      result_.clear();
      std::size_t cursor = 0;
      std::optional<recorded_field> address;
      for (const internal::token& t : tokens_) {
         if (!t.removal) {
            continue;
         }
         // Dropped, it takes the word a reader glues to its prefix across unseen bytes
         // ("TOR\x01ARN/" reads as one word): left behind, that word would join the word
         // after the token.
         const std::size_t start =
            t.removal->applied == action::drop ? glued_word_start(text, t.start) : t.start;
         const std::size_t index =
            out.record(t.entry->tag, t.removal->kind, t.removal->applied, offset + start, t.value_end - start);
         if (t.removal->kind == category::address && !address) {
            address = recorded_field{ index, t.removal->applied };
         }
         if (t.removal->applied == action::mask) {
            result_.keep(text, cursor, t.value_start);
            result_.mask(text, t.value_start, t.value_end);
            cursor = t.value_end;
            continue;
         }
         std::size_t from = start;
         std::size_t to = t.value_end;
         // A word right after it (unseen bytes between are no gap to a reader) must stay
         // apart from what is before it: the separators before it stay.
         const bool joins_next = word_at(text, to, word_follows);
         // Nothing but blanks after it: no token follows this one directly.
         const bool ends_list =
            !joins_next && (to == text.size() || detail::is_blank(text[to]) || detail::is_control(text[to]));
         if (to < text.size() && text[to] == '.') {
            ++to;  // a dot-separated token takes the '.' after it ...
         }
         else if (joins_next) {
            // Taking what is before it would join the words on either side into one
            // that reads as another label when the output is read again.
         }
         else if (ends_list && from > 0 && text[from - 1] == '.') {
            --from;  // ... or, as the last of its list, the '.' before it
            if (from < cursor && result_.bytes().ends_with('.')) {
               // That '.' went with the dropped token before this one, so a run of
               // dropped tokens ends the list: the '.' before the run goes instead.
               result_.pop_back();
            }
         }
         else if (from > internal::indentation(text)) {
            while (from > 0 && detail::is_blank(text[from - 1])) {
               --from;  // a token in a column layout takes the blanks before it
            }
         }
         else {
            while (to < text.size() && detail::is_blank(text[to])) {
               ++to;  // ... and the first token of a line the blanks after it
            }
         }
         from = std::max(from, cursor);
         result_.keep(text, cursor, from);
         cursor = to;
      }
      result_.keep(text, cursor, text.size());
      return address;
   }

   [[nodiscard]] const traced_text& result() const noexcept { return result_; }

   // Whether `text` starts with a "PFX/" of the dictionary.
   [[nodiscard]] bool starts_with_token(std::string_view text) const noexcept { return prefix_at(text, 0).has_value(); }

private:
   // Whether a word starts at `at` of `text` as a reader sees it, past unseen bytes
   // (`word_follows`: at the end of `text`, the line goes on with one).
   [[nodiscard]] static bool word_at(std::string_view text, std::size_t at, bool word_follows) noexcept
   {
      while (at < text.size() && internal::is_unseen(text[at])) {
         ++at;
      }
      return at == text.size() ? word_follows : detail::is_alnum(text[at]);
   }

   // Where the word that holds `start` begins as a reader reads it, unseen bytes not
   // seen: `start` unless a word ends right before it but for unseen bytes.
   [[nodiscard]] static std::size_t glued_word_start(std::string_view text, std::size_t start) noexcept
   {
      std::size_t at = start;
      while (at > 0 && internal::is_unseen(text[at - 1])) {
         --at;
      }
      if (at == start || at == 0 || !detail::is_alnum(text[at - 1])) {
         return start;
      }
      while (at > 0 && (detail::is_alnum(text[at - 1]) || internal::is_unseen(text[at - 1]))) {
         --at;
      }
      return at;
   }

   // The dictionary entry of a "PFX/" standing at `i`, and where its value starts: three
   // letters or digits at the start of a word, unseen bytes between them skipped, then '/'.
   struct prefix_match
   {
      const field_entry* entry;
      std::size_t value_start;
   };

   [[nodiscard]] std::optional<prefix_match> prefix_at(std::string_view text, std::size_t i) const noexcept
   {
      if (i >= text.size() || !detail::is_alnum(text[i]) || (i != 0 && detail::is_alnum(text[i - 1]))) {
         return std::nullopt;
      }
      char prefix[3] = {};
      std::size_t k = 0;
      std::size_t at = i;
      for (; at < text.size() && k < 3; ++at) {
         if (detail::is_alnum(text[at])) {
            prefix[k++] = detail::to_upper(text[at]);
         }
         else if (!internal::is_unseen(text[at])) {
            break;
         }
      }
      while (at < text.size() && internal::is_unseen(text[at])) {
         ++at;
      }
      if (k < 3 || at == text.size() || text[at] != '/') {
         return std::nullopt;
      }
      const field_entry* entry = dictionary_.find(std::string_view(prefix, 3));
      return entry == nullptr ? std::nullopt : std::optional<prefix_match>(prefix_match{ entry, at + 1 });
   }

   void find_tokens(std::string_view text)
   {
      tokens_.clear();
      for (std::size_t i = 0; i < text.size(); ++i) {
         if (const std::optional<prefix_match> p = prefix_at(text, i)) {
            tokens_.push_back({ i, p->value_start, text.size(), p->entry, std::nullopt });
            i = p->value_start - 1;
         }
      }
      for (std::size_t t = 0; t < tokens_.size(); ++t) {
         std::size_t end = t + 1 < tokens_.size() ? tokens_[t + 1].start : text.size();
         const std::size_t value_start = tokens_[t].value_start;
         while (end > value_start && (detail::is_blank(text[end - 1]) || detail::is_control(text[end - 1]))) {
            --end;
         }
         if (end > value_start && text[end - 1] == '.') {
            --end;
         }
         tokens_[t].value_end = end;
      }
   }

   const field_dictionary<DictionarySize>& dictionary_;
   const redaction_plan<field_entry, DictionarySize>& plan_;
   redaction_rules rules_;
   std::vector<internal::token> tokens_;  // reused from text to text
   traced_text result_;                   // reused
};

}  // namespace veil::nlets
