#pragma once
// How a label is read in free text: as a person reads one, not as a fixed string. A label
// is up to six words right before a colon, in any case, separated by any run of blanks,
// tabs, '.', '-', '_', '\'', parentheses or bytes outside ASCII, with blanks allowed
// before the colon:
//
//   RES ADDR:   Res. Addr :   RES  ADDR:   RESIDENCE ADDRESS 2:   ADDR2:   SOC SEC #:
//
// Control characters are not seen by a reader (Nlets receivers ignore them), so they
// are skipped inside and between words. Number signs ("NO", "NUMBER", "NBR", "#") and
// digits are read but do not count among the six words. The words are then looked up
// in the vocabulary of text_labels.hpp (and the labels added at run time), the longest
// first: the label is the last run of known words before the colon and what follows it
// ("LAST KNOWN ADDRESS:", "ADDRESS OF RECORD:", "E-MAIL ADDRESS:"), read when one of
// them names one. Words before a colon that the vocabulary does not know ("DOB:",
// "NOTE:") are no label, and neither are words without a colon.
//
// A label whose words name several labels ("E-MAIL ADDRESS:" is an email and an address
// word) carries them all: it is removed when any of them is.

#include <veil/detail/bytes.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_lines.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veil::nlets {

// A label added at run time, as the grammar reads it: by its words when its text is
// words and a colon ("HOME ADDR:"), so that every spelling of them is read; else by its
// text, matched case-insensitively at the start of a word.
struct run_time_label
{
   label_rule rule;    // its tag refers to the custom_label's text
   std::string words;  // as label_words spells words; empty when matched by its text
};

namespace internal {

inline constexpr std::size_t max_label_words = 6;     // words that are not numbers
inline constexpr std::size_t max_label_reach = 96;    // bytes from a label's first word to its colon
inline constexpr std::size_t max_label_word_size = 16;

[[nodiscard]] constexpr bool is_letter(char c) noexcept
{
   return detail::is_alnum(c) && !(c >= '0' && c <= '9');
}

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Bytes that separate the words of a label.
[[nodiscard]] constexpr bool separates_label_words(char c) noexcept
{
   return detail::is_blank(c) || c == '.' || c == '-' || c == '_' || c == '\'' || c == '(' || c == ')' ||
          static_cast<unsigned char>(c) >= 0x80;
}

// One word of a label as read: where it starts, and its spelling in upper case without
// unseen bytes (number signs spelled "NO"; longer words than any of the vocabulary are
// cut and so match nothing).
struct label_text_word
{
   std::size_t start = 0;
   std::array<char, max_label_word_size + 1> text{};
   std::size_t size = 0;

   [[nodiscard]] std::string_view spelling() const noexcept { return { text.data(), size }; }
};

[[nodiscard]] constexpr bool is_number_sign(std::string_view word) noexcept
{
   return word == "NO" || word == "NUMBER" || word == "NBR" || word == "NUM" || word == "NMBR" || word == "NR" ||
          word == "#";
}

// The first word of `words` ("A B") and the rest.
[[nodiscard]] constexpr std::string_view first_word(std::string_view words) noexcept
{
   return words.substr(0, words.find(' '));
}

// Whether the words of `term` stand in `read` from `at` on; how many they are, or 0.
[[nodiscard]] inline std::size_t term_length(std::string_view term, std::span<const label_text_word> read,
                                             std::size_t at) noexcept
{
   std::size_t n = 0;
   while (!term.empty()) {
      const std::string_view word = first_word(term);
      if (at + n >= read.size() || read[at + n].spelling() != word) {
         return 0;
      }
      ++n;
      term.remove_prefix(std::min(term.size(), word.size() + 1));
   }
   return n;
}

// Appends `word` to `out`, a number sign spelled "NO".
inline void push_label_word(label_text_word word, std::vector<label_text_word>& out)
{
   if (is_number_sign(word.spelling())) {
      word.size = 2;
      word.text[0] = 'N';
      word.text[1] = 'O';
   }
   out.push_back(word);
}

// Whether `word`, a letter alone, continues the dotted abbreviation `out` ends with
// (`letters_alone`: out's last word was made of letters alone): "S.S.N.", "P.O. BOX".
[[nodiscard]] inline bool continues_dotted(std::string_view text, std::size_t previous_end,
                                           const label_text_word& word, const std::vector<label_text_word>& out,
                                           bool letters_alone)
{
   if (!letters_alone || out.empty() || word.size != 1 || !is_letter(word.text[0]) ||
       out.back().size >= max_label_word_size) {
      return false;
   }
   const std::string_view between = text.substr(previous_end, word.start - previous_end);
   return between.find('.') != std::string_view::npos && std::all_of(between.begin(), between.end(), [](char c) {
             return c == '.' || detail::is_blank(c) || is_unseen(c);
          });
}

// Appends the words of `text` from `start` on to `out`: runs of letters and digits (unseen
// bytes skipped), and '#'. A word of letters with digits after them is two words
// ("ADDR2" is "ADDR" and "2"); letters alone joined by dots are one ("S.S.N." is "SSN").
inline void read_label_words(std::string_view text, std::size_t start, std::vector<label_text_word>& out)
{
   std::array<std::size_t, max_label_word_size + 1> positions{};
   std::size_t previous_end = start;  // one past the last word read
   bool letters_alone = false;        // the last word is letters each standing alone
   for (std::size_t i = start; i < text.size();) {
      label_text_word word;
      word.start = i;
      if (text[i] == '#') {
         word.text[word.size++] = '#';
         push_label_word(word, out);
         previous_end = ++i;
         letters_alone = false;
         continue;
      }
      if (!detail::is_alnum(text[i])) {
         ++i;
         continue;
      }
      bool cut = false;
      for (; i < text.size() && (detail::is_alnum(text[i]) || is_unseen(text[i])); ++i) {
         if (is_unseen(text[i])) {
            continue;
         }
         if (word.size == word.text.size()) {
            cut = true;  // longer than any word of the vocabulary: it matches none
            continue;
         }
         positions[word.size] = i;
         word.text[word.size++] = detail::to_upper(text[i]);
      }
      const std::size_t end = i;
      if (continues_dotted(text, previous_end, word, out, letters_alone)) {
         out.back().text[out.back().size++] = word.text[0];
         previous_end = end;
         continue;
      }
      previous_end = end;
      letters_alone = word.size == 1 && is_letter(word.text[0]);
      std::size_t digits = word.size;
      while (digits > 0 && is_digit(word.text[digits - 1])) {
         --digits;
      }
      if (cut || digits == 0 || digits == word.size) {
         push_label_word(word, out);
         continue;
      }
      label_text_word number;
      number.start = positions[digits];
      for (std::size_t k = digits; k < word.size; ++k) {
         number.text[number.size++] = word.text[k];
      }
      word.size = digits;
      push_label_word(word, out);
      push_label_word(number, out);
   }
}

}  // namespace internal

// What the words of one label name: a label of builtin_labels or one added at run time,
// or a field of the text dictionary (by its prefix).
struct label_meaning
{
   const label_rule* rule = nullptr;
   std::string_view field_prefix{};
};

// One label read in a text: from its first word to one past its colon (or its text, for
// a run-time label matched by its text), and what it names.
struct label_reading
{
   std::size_t start = 0;
   std::size_t end = 0;
   // A word names at most one label, and qualifiers each one more address label.
   std::array<label_meaning, 2 * internal::max_label_words> meanings{};
   std::size_t meaning_count = 0;

   [[nodiscard]] std::span<const label_meaning> named() const noexcept { return { meanings.data(), meaning_count }; }

   void add(label_meaning m) noexcept
   {
      for (std::size_t i = 0; i < meaning_count; ++i) {
         if (meanings[i].rule == m.rule && meanings[i].field_prefix == m.field_prefix) {
            return;
         }
      }
      if (meaning_count < meanings.size()) {
         meanings[meaning_count++] = m;
      }
   }
};

// Reads the labels of texts with the built-in vocabulary and the labels added at run
// time. Keeps its buffers from text to text.
class label_reader
{
public:
   explicit label_reader(std::span<const run_time_label> added) noexcept : added_(added) {}

   // Every label of `text`, left to right; labels overlap only where a run-time label
   // matched by its text overlaps another.
   const std::vector<label_reading>& read(std::string_view text)
   {
      found_.clear();
      for (std::size_t colon = text.find(':'); colon != std::string_view::npos; colon = text.find(':', colon + 1)) {
         if (std::optional<label_reading> label = read_before(text, colon)) {
            found_.push_back(*label);
         }
      }
      for (const run_time_label& added : added_) {
         if (added.words.empty()) {
            add_literal(text, added.rule);
         }
      }
      return found_;
   }

private:
   // The label whose colon is at `colon`, if its words name one. It is the last run of
   // vocabulary words before the colon, with any words after them ("RES ADDR", not
   // "SUBJECT RES ADDR"; "BIRTH" in "PLACE OF BIRTH"; "ADDRESS OF RECORD"): any other
   // word before it may be the end of the value before it, and a value is never part of
   // a label.
   std::optional<label_reading> read_before(std::string_view text, std::size_t colon)
   {
      read_words(text.substr(0, colon), words_start(text, colon));
      label_reading label;
      std::array<const label_rule*, internal::max_label_words> qualifiers{};
      std::size_t qualifier_count = 0;
      std::array<const label_rule*, internal::max_label_words> fallbacks{};
      std::size_t fallback_count = 0;
      std::optional<std::size_t> first_word;  // of the run of vocabulary words that ends last
      std::size_t run_end = 0;
      for (std::size_t at = 0; at < words_.size();) {
         const matched m = longest_term_at(at);
         if (m.length == 0 || m.role == word_role::neutral) {
            at += std::max<std::size_t>(m.length, 1);
            continue;
         }
         if (!first_word || run_end != at) {
            // A new run: the label is the last run, and only its words say what it is
            // (the words before it may be a value, masked or dropped when the output is
            // read again).
            first_word = at;
            label = label_reading{};
            qualifier_count = 0;
            fallback_count = 0;
         }
         run_end = at + m.length;
         switch (m.role) {
            case word_role::names: label.add({ m.rule, {} }); break;
            case word_role::names_field: label.add({ nullptr, m.label }); break;
            case word_role::qualifies_or_names:
               if (fallback_count < fallbacks.size()) {
                  fallbacks[fallback_count++] = m.rule;
               }
               [[fallthrough]];
            case word_role::qualifies:
               if (qualifier_count < qualifiers.size()) {
                  qualifiers[qualifier_count++] = m.rule;
               }
               break;
            case word_role::neutral: break;
         }
         at = run_end;
      }
      if (label.meaning_count == 0) {
         for (std::size_t i = 0; i < fallback_count; ++i) {
            label.add({ fallbacks[i], {} });
         }
      }
      qualify_address(label, std::span(qualifiers.data(), qualifier_count));
      if (label.meaning_count == 0) {
         return std::nullopt;
      }
      label.start = words_[*first_word].start;
      label.end = colon + 1;
      return label;
   }

   // "ADDRESS:" with a word that qualifies it is the address that word says.
   static void qualify_address(label_reading& label, std::span<const label_rule* const> qualifiers) noexcept
   {
      const label_rule* plain = builtin_label("ADDRESS:");
      for (std::size_t i = 0; i < label.meaning_count; ++i) {
         if (label.meanings[i].rule == plain && !qualifiers.empty()) {
            label.meanings[i].rule = qualifiers.front();
            for (const label_rule* q : qualifiers.subspan(1)) {
               label.add({ q, {} });
            }
         }
      }
   }

   struct matched
   {
      std::size_t length = 0;
      word_role role = word_role::neutral;
      const label_rule* rule = nullptr;
      std::string_view label{};
   };

   // The longest vocabulary entry whose words start at word `at`; a run-time label
   // before a built-in one of the same length.
   [[nodiscard]] matched longest_term_at(std::size_t at) const noexcept
   {
      matched best;
      for (const run_time_label& added : added_) {
         if (!added.words.empty()) {
            const std::size_t n = internal::term_length(added.words, words_, at);
            if (n > best.length) {
               best = { n, word_role::names, &added.rule, {} };
            }
         }
      }
      for (const label_word& w : label_words) {
         const std::size_t n = internal::term_length(w.words, words_, at);
         if (n > best.length) {
            best = { n, w.role, builtin_label(w.label), w.label };
         }
      }
      return best;
   }

   // Where the words before the colon at `colon` start: at most max_label_words words
   // that are not numbers, within max_label_reach bytes, back to a byte that is neither
   // part of a word nor a separator.
   [[nodiscard]] static std::size_t words_start(std::string_view text, std::size_t colon) noexcept
   {
      std::size_t start = colon;
      std::size_t words = 0;
      std::size_t i = colon;
      while (i > 0 && colon - i < internal::max_label_reach) {
         const char c = text[i - 1];
         if (internal::separates_label_words(c) || internal::is_unseen(c)) {
            --i;
            continue;
         }
         if (c == '#') {
            start = --i;
            continue;
         }
         if (!detail::is_alnum(c)) {
            break;
         }
         std::size_t j = i;
         bool letters = false;
         while (j > 0 && (detail::is_alnum(text[j - 1]) || internal::is_unseen(text[j - 1]))) {
            letters = letters || internal::is_letter(text[j - 1]);
            --j;
         }
         if (colon - j > internal::max_label_reach || (letters && words == internal::max_label_words)) {
            break;
         }
         words += letters ? 1 : 0;
         while (!detail::is_alnum(text[j])) {
            ++j;  // the word starts at its first letter or digit, not at an unseen byte
         }
         start = j;
         i = j;
      }
      return start;
   }

   void read_words(std::string_view text, std::size_t start)
   {
      words_.clear();
      internal::read_label_words(text, start, words_);
   }

   // A run-time label matched by its text, at the start of a word, in any case.
   void add_literal(std::string_view text, const label_rule& rule)
   {
      const std::string_view tag = rule.tag;
      for (std::size_t at = 0; at + tag.size() <= text.size(); ++at) {
         if (at != 0 && detail::is_alnum(text[at - 1])) {
            continue;
         }
         bool same = true;
         for (std::size_t k = 0; k < tag.size() && same; ++k) {
            same = detail::to_upper(text[at + k]) == detail::to_upper(tag[k]);
         }
         if (same) {
            label_reading label;
            label.start = at;
            label.end = at + tag.size();
            label.add({ &rule, {} });
            found_.push_back(label);
            at += tag.size() - 1;
         }
      }
   }

   std::span<const run_time_label> added_;
   std::vector<internal::label_text_word> words_;
   std::vector<label_reading> found_;
};

// How a label added at run time is read (see run_time_label).
[[nodiscard]] inline run_time_label read_run_time_label(const custom_label& label)
{
   run_time_label read{ label.rule(), {} };
   std::string_view text = label.text;
   while (!text.empty() && detail::is_blank(text.back())) {
      text.remove_suffix(1);
   }
   if (text.empty() || text.back() != ':') {
      return read;
   }
   text.remove_suffix(1);
   const bool only_words = std::all_of(text.begin(), text.end(), [](char c) {
      return detail::is_alnum(c) || c == '#' || internal::separates_label_words(c);
   });
   if (!only_words) {
      return read;
   }
   std::vector<internal::label_text_word> words;
   internal::read_label_words(text, 0, words);
   const auto counted = std::count_if(words.begin(), words.end(), [](const internal::label_text_word& w) {
      return std::any_of(w.text.begin(), w.text.begin() + static_cast<std::ptrdiff_t>(w.size), internal::is_letter);
   });
   const bool cut = std::any_of(words.begin(), words.end(),
                                [](const internal::label_text_word& w) { return w.size > internal::max_label_word_size; });
   if (counted == 0 || static_cast<std::size_t>(counted) > internal::max_label_words || cut) {
      return read;
   }
   for (const internal::label_text_word& w : words) {
      read.words += (read.words.empty() ? "" : " ") + std::string(w.spelling());
   }
   return read;
}

}  // namespace veil::nlets
