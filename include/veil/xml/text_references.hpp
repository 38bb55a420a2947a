#pragma once
// XML text as a reader of the message sees it: the five predefined entities and
// character references expanded. Decisions about text (an identification's category
// code, a free-text label) are taken on that decoded text, so "&#65;R" is an AR code and
// "RES&#32;ADDR:" is an address label. The text comes from the reader, which has already
// refused any malformed reference.
//
// A decoded text that was redacted is written back in the input's own spelling: what
// stays keeps its bytes, references included (see respeller).

#include <veil/action.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/xml/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil::xml {

namespace internal {

inline void append_utf8(std::string& out, std::uint32_t code_point)
{
   const auto byte = [](std::uint32_t b) { return static_cast<char>(static_cast<unsigned char>(b)); };
   if (code_point < 0x80) {
      out += byte(code_point);
   }
   else if (code_point < 0x800) {
      out += byte(0xC0 | (code_point >> 6));
      out += byte(0x80 | (code_point & 0x3F));
   }
   else if (code_point < 0x10000) {
      out += byte(0xE0 | (code_point >> 12));
      out += byte(0x80 | ((code_point >> 6) & 0x3F));
      out += byte(0x80 | (code_point & 0x3F));
   }
   else {
      out += byte(0xF0 | (code_point >> 18));
      out += byte(0x80 | ((code_point >> 12) & 0x3F));
      out += byte(0x80 | ((code_point >> 6) & 0x3F));
      out += byte(0x80 | (code_point & 0x3F));
   }
}

// Appends what the reference `body` (between '&' and ';') stands for.
inline void append_reference(std::string& out, std::string_view body)
{
   if (body == "lt") {
      out += '<';
   }
   else if (body == "gt") {
      out += '>';
   }
   else if (body == "amp") {
      out += '&';
   }
   else if (body == "apos") {
      out += '\'';
   }
   else if (body == "quot") {
      out += '"';
   }
   else {
      const bool hex = body.size() > 1 && body[1] == 'x';
      std::uint32_t code_point = 0;
      for (const char c : body.substr(hex ? 2 : 1)) {
         const std::uint32_t digit = c <= '9' ? static_cast<std::uint32_t>(c - '0')
                                              : static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
         code_point = code_point * (hex ? 16 : 10) + digit;
      }
      append_utf8(out, code_point);
   }
}

// The raw bytes of the unit that starts at `at`: a whole reference, or one whole UTF-8
// character.
[[nodiscard]] inline std::size_t unit_length(std::string_view raw, std::size_t at) noexcept
{
   if (raw[at] == '&') {
      const std::size_t semicolon = raw.find(';', at);
      return semicolon == std::string_view::npos ? raw.size() - at : semicolon - at + 1;
   }
   const std::size_t n = utf8_sequence_length(static_cast<unsigned char>(raw[at]));
   return n == 0 ? 1 : std::min(n, raw.size() - at);
}

// Appends what one unit of raw text stands for.
inline void append_decoded_unit(std::string& out, std::string_view unit)
{
   if (unit.size() > 2 && unit.front() == '&' && unit.back() == ';') {
      append_reference(out, unit.substr(1, unit.size() - 2));
   }
   else {
      out += unit;
   }
}

}  // namespace internal

// Appends the decoded form of `raw` to `out`.
inline void append_decoded(std::string& out, std::string_view raw)
{
   for (std::size_t at = 0; at < raw.size();) {
      const std::size_t next = raw.find('&', at);
      if (next == std::string_view::npos) {
         out.append(raw.substr(at));
         return;
      }
      out.append(raw.substr(at, next - at));
      const std::size_t n = internal::unit_length(raw, next);
      internal::append_decoded_unit(out, raw.substr(next, n));
      at = next + n;
   }
}

// An attribute value as a reader sees it: references expanded, and each literal tab,
// line break (CR LF counting as one) or CR turned into a space, as XML normalizes them.
[[nodiscard]] inline std::string attribute_value(std::string_view raw)
{
   std::string literal_spaces;
   for (std::size_t at = 0; at < raw.size(); ++at) {
      const char c = raw[at];
      if (c == '\r' && at + 1 < raw.size() && raw[at + 1] == '\n') {
         continue;  // the LF that follows makes the one space
      }
      literal_spaces += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
   }
   std::string value;
   append_decoded(value, literal_spaces);
   return value;
}

// `raw` decoded, with where each decoded byte came from in `raw`.
struct decoded_text
{
   std::string text;
   std::vector<std::size_t> raw_positions;  // one per byte of `text`, and one for its end

   void assign(std::string_view raw)
   {
      text.clear();
      raw_positions.clear();
      for (std::size_t at = 0; at < raw.size();) {
         const std::size_t n = internal::unit_length(raw, at);
         internal::append_decoded_unit(text, raw.substr(at, n));
         raw_positions.resize(text.size(), at);
         at += n;
      }
      raw_positions.push_back(raw.size());
   }
};

namespace internal {

// Whether `redacted` starts with `decoded` as the mask action writes it.
[[nodiscard]] inline bool starts_masked(std::string_view redacted, std::string_view decoded) noexcept
{
   if (redacted.size() < decoded.size()) {
      return false;
   }
   for (std::size_t k = 0; k < decoded.size(); ++k) {
      if (redacted[k] != (detail::is_control(decoded[k]) ? decoded[k] : mask_byte)) {
         return false;
      }
   }
   return true;
}

}  // namespace internal

// Writes `redacted` (what the free-text rules made of a decoded line) in the spelling of
// the line's raw text, handed over piece by piece: a character kept is written as it was
// in the raw text (a reference stays a reference), a character masked becomes mask bytes,
// one per byte of its decoded form, and a character dropped is left out. The drop action
// only removes and the mask action only replaces, each a whole character at a time, so the
// characters of the raw text line up with `redacted` in order; next() is false if they do
// not, and nothing must then be trusted. `rules` say which actions the fields of the line
// may have been removed with.
class respeller
{
public:
   respeller(std::string_view redacted, const redaction_rules& rules)
      : redacted_(redacted), masks_(rules.may_apply(action::mask)), drops_(rules.may_apply(action::drop))
   {}

   // The next piece of the raw text; `encoded` if its references are to be expanded.
   template <typename Put>
   [[nodiscard]] bool next(std::string_view raw, bool encoded, Put&& put)
   {
      for (std::size_t at = 0; at < raw.size();) {
         const std::size_t n = encoded ? internal::unit_length(raw, at) : single_unit(raw, at);
         const std::string_view unit = raw.substr(at, n);
         unit_text_.clear();
         if (encoded) {
            internal::append_decoded_unit(unit_text_, unit);
         }
         else {
            unit_text_ = unit;
         }
         const std::string_view ahead = redacted_.substr(done_);
         if (ahead.starts_with(unit_text_)) {
            put(unit);
            done_ += unit_text_.size();
         }
         else if (masks_ && internal::starts_masked(ahead, unit_text_)) {
            put(ahead.substr(0, unit_text_.size()));
            done_ += unit_text_.size();
         }
         else if (!drops_) {
            return false;
         }
         at += n;
      }
      return true;
   }

   // Whether all of `redacted` was written.
   [[nodiscard]] bool done() const noexcept { return done_ == redacted_.size(); }

private:
   // One whole UTF-8 character of text without references.
   [[nodiscard]] static std::size_t single_unit(std::string_view raw, std::size_t at) noexcept
   {
      const std::size_t n = utf8_sequence_length(static_cast<unsigned char>(raw[at]));
      return n == 0 ? 1 : std::min(n, raw.size() - at);
   }

   std::string_view redacted_;
   bool masks_;
   bool drops_;
   std::string unit_text_;
   std::size_t done_ = 0;  // of redacted_
};

}  // namespace veil::xml
