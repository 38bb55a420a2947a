#pragma once
// Where a JSON text first breaks the grammar of RFC 8259, as a line and column people can
// find in an editor. simdjson (3.0 as Debian 12 ships it) says only what kind of error it
// met, not where, so read_policy runs this scanner after simdjson has refused a text. It
// checks the grammar alone: a text it passes may still be refused by simdjson (a number
// too large, nesting too deep), and then simdjson's own message is all there is.
//
// It keeps its open objects and arrays on a stack of its own rather than recursing, so a
// text nested a million deep costs memory, not the call stack.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::policy {

struct json_syntax_error
{
   std::size_t line = 0;    // 1-based; a line ends with LF
   std::size_t column = 0;  // 1-based, in characters (UTF-8 sequences), not bytes
   std::string what;        // what was expected or what is wrong there
};

namespace internal {

class json_syntax_scanner
{
public:
   explicit json_syntax_scanner(std::string_view text) noexcept : text_(text) {}

   // The offset of the first error and what it is, or nullopt for a text that keeps to
   // the grammar.
   [[nodiscard]] std::optional<std::pair<std::size_t, std::string>> first_error()
   {
      state next = state::value;
      while (true) {
         skip_blanks();
         switch (next) {
            case state::first_key:
            case state::key:
               if (next == state::first_key && closes('}')) {
                  next = state::after_value;
               }
               else if (!at('"')) {
                  return fail(next == state::first_key ? "expected a key in double quotes or '}'"
                              : at('}')                ? "expected a key after ',' (JSON has no ',' before '}')"
                                                       : "expected a key in double quotes");
               }
               else if (!string()) {
                  return error_;
               }
               else if (skip_blanks(); !at(':')) {
                  return fail("expected ':' after the key");
               }
               else {
                  ++at_;
                  next = state::value;
               }
               break;
            case state::first_value:
            case state::value:
               if (next == state::first_value && closes(']')) {
                  next = state::after_value;
               }
               else if (next == state::value && at(']') && !open_.empty() && open_.back() == '[') {
                  return fail("expected a value after ',' (JSON has no ',' before ']')");
               }
               else if (const std::optional<state> after = value()) {
                  next = *after;
               }
               else {
                  return error_;
               }
               break;
            case state::after_value:
               if (open_.empty()) {
                  return at_end() ? std::nullopt : fail("expected the end of the text after the JSON value");
               }
               const char closing = open_.back() == '{' ? '}' : ']';
               if (at(',')) {
                  ++at_;
                  next = open_.back() == '{' ? state::key : state::value;
               }
               else if (!closes(closing)) {
                  return fail(std::string("expected ',' or '") + closing + "'");
               }
               break;
         }
      }
   }

private:
   // What the scanner reads next: `first_` just after '{' or '[', where the object or
   // array may close at once.
   enum class state { value, first_value, first_key, key, after_value };

   [[nodiscard]] bool at_end() const noexcept { return at_ >= text_.size(); }

   void skip_blanks() noexcept
   {
      while (!at_end() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
         ++at_;
      }
   }

   [[nodiscard]] bool at(char c) const noexcept { return !at_end() && text_[at_] == c; }

   // Closes the innermost object or array if `closing` is next.
   [[nodiscard]] bool closes(char closing) noexcept
   {
      if (!at(closing)) {
         return false;
      }
      ++at_;
      open_.pop_back();
      return true;
   }

   [[nodiscard]] std::optional<std::pair<std::size_t, std::string>> fail(std::string what)
   {
      error_ = { at_, std::move(what) };
      return error_;
   }

   // Reads a value, or opens an object or array; what comes next; nullopt having failed.
   [[nodiscard]] std::optional<state> value()
   {
      const char c = at_end() ? '\0' : text_[at_];
      if (c == '{' || c == '[') {
         open_.push_back(c);
         ++at_;
         return c == '{' ? state::first_key : state::first_value;
      }
      const bool read = c == '"'                            ? string()
                        : (c == '-' || (c >= '0' && c <= '9')) ? number()
                                                               : literal();
      return read ? std::optional(state::after_value) : std::nullopt;
   }

   [[nodiscard]] bool literal()
   {
      for (const std::string_view word : { "true", "false", "null" }) {
         if (text_.substr(at_, word.size()) == word) {
            at_ += word.size();
            return true;
         }
      }
      return !fail("expected a value (an object, array, string, number, true, false or null)");
   }

   [[nodiscard]] bool digits()
   {
      const std::size_t start = at_;
      while (!at_end() && text_[at_] >= '0' && text_[at_] <= '9') {
         ++at_;
      }
      return at_ > start || !fail("expected a digit");
   }

   [[nodiscard]] bool number()
   {
      if (text_[at_] == '-') {
         ++at_;
      }
      if (!at_end() && text_[at_] == '0') {
         ++at_;
      }
      else if (!digits()) {
         return false;
      }
      if (!at_end() && text_[at_] == '.') {
         ++at_;
         if (!digits()) {
            return false;
         }
      }
      if (!at_end() && (text_[at_] == 'e' || text_[at_] == 'E')) {
         ++at_;
         if (!at_end() && (text_[at_] == '+' || text_[at_] == '-')) {
            ++at_;
         }
         return digits();
      }
      return true;
   }

   // Four hex digits after "\u", as a code unit; nullopt (having failed) if they are not.
   [[nodiscard]] std::optional<unsigned> hex4()
   {
      unsigned unit = 0;
      for (int i = 0; i < 4; ++i, ++at_) {
         const char c = at_end() ? '\0' : text_[at_];
         const int digit = (c >= '0' && c <= '9') ? c - '0'
                           : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                           : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                    : -1;
         if (digit < 0) {
            (void)fail("expected four hex digits after \\u");
            return std::nullopt;
         }
         unit = unit * 16 + static_cast<unsigned>(digit);
      }
      return unit;
   }

   // "\uD83D\uDE00": a high surrogate must be followed by a low one, and a low one
   // never stands alone.
   [[nodiscard]] bool unicode_escape()
   {
      const std::size_t start = at_ - 2;
      const std::optional<unsigned> unit = hex4();
      if (!unit) {
         return false;
      }
      if (*unit >= 0xDC00 && *unit <= 0xDFFF) {
         at_ = start;
         return !fail("a low surrogate escape without a high one before it");
      }
      if (*unit >= 0xD800 && *unit <= 0xDBFF) {
         if (text_.substr(at_, 2) != "\\u") {
            at_ = start;
            return !fail("a high surrogate escape without a low one after it");
         }
         at_ += 2;
         const std::optional<unsigned> low = hex4();
         if (!low) {
            return false;
         }
         if (*low < 0xDC00 || *low > 0xDFFF) {
            at_ = start;
            return !fail("a high surrogate escape without a low one after it");
         }
      }
      return true;
   }

   // One UTF-8 sequence starting at a byte of 0x80 or more (RFC 3629: no overlong forms,
   // no surrogates, nothing above U+10FFFF).
   [[nodiscard]] bool utf8_sequence()
   {
      const auto byte = [this](std::size_t i) { return static_cast<unsigned char>(text_[i]); };
      const unsigned char lead = byte(at_);
      std::size_t length = 0;
      unsigned char low = 0x80;
      unsigned char high = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
         length = 2;
      }
      else if (lead >= 0xE0 && lead <= 0xEF) {
         length = 3;
         low = lead == 0xE0 ? 0xA0 : 0x80;
         high = lead == 0xED ? 0x9F : 0xBF;
      }
      else if (lead >= 0xF0 && lead <= 0xF4) {
         length = 4;
         low = lead == 0xF0 ? 0x90 : 0x80;
         high = lead == 0xF4 ? 0x8F : 0xBF;
      }
      if (length == 0 || at_ + length > text_.size()) {
         return !fail("not valid UTF-8");
      }
      for (std::size_t i = 1; i < length; ++i) {
         const unsigned char b = byte(at_ + i);
         if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF)) {
            return !fail("not valid UTF-8");
         }
      }
      at_ += length;
      return true;
   }

   [[nodiscard]] bool string()
   {
      const std::size_t opening = at_++;
      while (!at_end()) {
         const char c = text_[at_];
         if (c == '"') {
            ++at_;
            return true;
         }
         if (static_cast<unsigned char>(c) < 0x20) {
            return !fail("a control character in a string (write it as an escape, e.g. \\n or \\t)");
         }
         if (c == '\\') {
            ++at_;
            const char escaped = at_end() ? '\0' : text_[at_++];
            if (escaped == 'u') {
               if (!unicode_escape()) {
                  return false;
               }
            }
            else if (std::string_view("\"\\/bfnrt").find(escaped) == std::string_view::npos || escaped == '\0') {
               --at_;
               return !fail("not an escape JSON has (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
         }
         else if (static_cast<unsigned char>(c) >= 0x80) {
            if (!utf8_sequence()) {
               return false;
            }
         }
         else {
            ++at_;
         }
      }
      at_ = opening;
      return !fail("a string that is never closed");
   }

   std::string_view text_;
   std::size_t at_ = 0;
   std::vector<char> open_;  // '{' or '[' for each object or array not yet closed
   std::optional<std::pair<std::size_t, std::string>> error_;
};

}  // namespace internal

[[nodiscard]] inline std::optional<json_syntax_error> find_json_syntax_error(std::string_view text)
{
   const std::optional<std::pair<std::size_t, std::string>> error = internal::json_syntax_scanner(text).first_error();
   if (!error) {
      return std::nullopt;
   }
   const auto [offset, what] = *error;
   json_syntax_error where{ 1, 1, what };
   for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
         ++where.line;
         where.column = 1;
      }
      else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // not a continuation byte
         ++where.column;
      }
   }
   if (offset >= text.size()) {
      where.what += ", but the text ends";
   }
   return where;
}

}  // namespace veil::policy
