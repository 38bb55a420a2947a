#pragma once
// PEGTL grammar of one XML document, read in a single pass without a tree:
//
//   document  [BOM] item* end
//   item      comment | CDATA section | <!...> (refused) | PI | end tag | start tag | text
//
// Nesting is not a grammar rule but a count in the state, so a deep document costs no
// stack. Every unit that can be long (a start tag, a comment or PI, a piece of text or
// CDATA) is a custom rule that looks ahead only as far as its limit, checks references
// and UTF-8 as it goes, and reports an overlong unit where it goes over the limit.

#include <veil/detail/bounded_run.hpp>
#include <veil/detail/parse_errors.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/utf8.hpp>
#include <veil/xml/xml_limits.hpp>

#include <tao/pegtl.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil::xml::grammar {

namespace pegtl = tao::pegtl;

// ---- byte classes --------------------------------------------------------------------

[[nodiscard]] constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

[[nodiscard]] constexpr bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

[[nodiscard]] constexpr bool is_non_ascii(char c) noexcept { return static_cast<unsigned char>(c) >= 0x80; }

// Non-ASCII bytes are name bytes here; whether they form valid UTF-8 is checked apart.
[[nodiscard]] constexpr bool is_name_start(char c) noexcept
{
   return is_ascii_letter(c) || c == '_' || c == ':' || is_non_ascii(c);
}

[[nodiscard]] constexpr bool is_name_char(char c) noexcept
{
   return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// XML 1.0 Char: what a character reference may name.
[[nodiscard]] constexpr bool is_xml_char(std::uint32_t cp) noexcept
{
   return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
          (cp >= 0x10000 && cp <= 0x10FFFF);
}

// ---- looking ahead -------------------------------------------------------------------

// Bytes a unit may need past its limit: an opener, a reference, a UTF-8 sequence, "]]>".
inline constexpr std::size_t lookahead_slack = 64;
// "&#x0000010FFFF;" and the like: leading zeros are legal, but not without end.
inline constexpr std::size_t longest_reference = 32;

// The next bytes of a PEGTL input by index, fetched in growing steps as they are
// needed (so a short unit does not pull a whole buffer), never beyond `cap` bytes.
template <typename ParseInput>
class lookahead
{
public:
   lookahead(ParseInput& in, std::size_t cap) noexcept : in_(in), cap_(cap), base_(in.byte()) {}

   // Whether byte i exists; false at the end of the input (or at the cap, which callers
   // keep out of reach by checking their limit first).
   [[nodiscard]] bool has(std::size_t i)
   {
      while (i >= available_) {
         if (ended_ || i >= cap_) {
            return false;
         }
         want_ = std::min(std::max({ want_ * 2, i + 1, first_request }), cap_);
         available_ = in_.size(want_);
         ended_ = available_ < want_;
      }
      return true;
   }

   [[nodiscard]] char operator[](std::size_t i) const noexcept { return in_.current()[i]; }
   [[nodiscard]] std::string_view view(std::size_t i, std::size_t n) const noexcept { return { in_.current() + i, n }; }
   [[nodiscard]] std::size_t offset(std::size_t i) const noexcept { return base_ + i; }

   [[noreturn]] void reject(std::size_t i, std::string reason) const { throw rejected_input(base_ + i, std::move(reason)); }

   // The unit that starts at byte `start` goes over `limit` bytes.
   [[noreturn]] void reject_too_long(std::size_t start, std::size_t limit, const char* what) const
   {
      reject(start + limit, std::string(what) + " longer than " + std::to_string(limit) + " bytes");
   }

   // Byte i, which must exist and not be NUL; at the end of the input the unit is unclosed.
   [[nodiscard]] char require(std::size_t i, const char* unclosed)
   {
      if (!has(i)) {
         reject(i, std::string("message ends early: ") + unclosed);
      }
      if ((*this)[i] == '\0') {
         reject(i, "NUL byte");
      }
      return (*this)[i];
   }

   [[nodiscard]] bool starts_with(std::size_t i, std::string_view s)
   {
      for (std::size_t k = 0; k < s.size(); ++k) {
         if (!has(i + k) || (*this)[i + k] != s[k]) {
            return false;
         }
      }
      return true;
   }

   // Length of the well-formed UTF-8 sequence at i (1 for ASCII), which must be a
   // character XML allows: no control character but tab, LF and CR, no U+FFFE or U+FFFF.
   [[nodiscard]] std::size_t utf8_unit(std::size_t i)
   {
      const auto lead = static_cast<unsigned char>((*this)[i]);
      if (lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r') {
         reject(i, lead == 0 ? "NUL byte" : "control character that XML does not allow");
      }
      if (lead == 0xEF && starts_with(i + 1, "\xBF") && has(i + 2) &&
          ((*this)[i + 2] == '\xBE' || (*this)[i + 2] == '\xBF')) {
         reject(i, "U+FFFE or U+FFFF, which XML does not allow");
      }
      const std::size_t n = utf8_sequence_length(lead);
      if (n == 0) {
         reject(i, "invalid UTF-8");
      }
      for (std::size_t k = 1; k < n; ++k) {
         if (!has(i + k)) {
            reject(i, "invalid UTF-8");
         }
         const auto next = static_cast<unsigned char>((*this)[i + k]);
         if (k == 1 ? !utf8_second_byte_fits(lead, next) : !utf8_continuation(next)) {
            reject(i, "invalid UTF-8");
         }
      }
      return n;
   }

   // Length of the reference starting with the '&' at i: a character reference to an
   // XML character or one of the five predefined entities. Anything else is refused:
   // there is no DTD, so no other entity exists.
   [[nodiscard]] std::size_t reference(std::size_t i)
   {
      std::size_t end = i + 1;
      while (true) {
         if (end - i > longest_reference || !has(end)) {
            reject(i, "malformed reference");
         }
         const char c = (*this)[end];
         if (c == ';') {
            break;
         }
         if (!is_name_char(c) && c != '#') {
            reject(i, "malformed reference");
         }
         ++end;
      }
      const std::string_view body = view(i + 1, end - i - 1);
      if (!body.empty() && body.front() == '#') {
         check_character_reference(i, body.substr(1));
      }
      else if (body.empty() || !is_name_start(body.front())) {
         reject(i, "malformed reference");
      }
      else if (body != "lt" && body != "gt" && body != "amp" && body != "apos" && body != "quot") {
         reject(i, "entity reference other than the five predefined entities");
      }
      return end - i + 1;
   }

private:
   static constexpr std::size_t first_request = 128;

   void check_character_reference(std::size_t i, std::string_view digits) const
   {
      const bool hex = !digits.empty() && digits.front() == 'x';
      if (hex) {
         digits.remove_prefix(1);
      }
      if (digits.empty()) {
         reject(i, "malformed character reference");
      }
      std::uint32_t code_point = 0;
      for (const char c : digits) {
         std::uint32_t digit = 0;
         if (c >= '0' && c <= '9') {
            digit = static_cast<std::uint32_t>(c - '0');
         }
         else if (hex && c >= 'a' && c <= 'f') {
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
         }
         else if (hex && c >= 'A' && c <= 'F') {
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
         }
         else {
            reject(i, "malformed character reference");
         }
         // Saturates above the largest code point, so long digit runs cannot wrap.
         code_point = std::min<std::uint32_t>(code_point * (hex ? 16 : 10) + digit, 0x110000);
      }
      if (!is_xml_char(code_point)) {
         reject(i, "character reference to a code point XML does not allow");
      }
   }

   ParseInput& in_;
   std::size_t cap_;
   std::size_t base_;
   std::size_t available_ = 0;
   std::size_t want_ = 0;
   bool ended_ = false;
};

// ---- start tags ------------------------------------------------------------------------

// Where the parts of the start tag just matched lie, relative to its '<'.
struct span
{
   std::size_t begin = 0;
   std::size_t size = 0;
};

struct start_tag_parts
{
   struct attribute_parts
   {
      span name;
      span value;  // between the quotes
   };

   span name;
   std::vector<attribute_parts> attributes;  // at most max_attributes
   bool self_closing = false;
};

// '<' Name (S Name S? '=' S? quoted-value)* S? ('>' | '/>'), at most max_tag_size bytes.
// The parts go to state.start_tag(); the action turns them into an event.
struct start_tag
{
   using rule_t = start_tag;
   using subs_t = pegtl::type_list<>;

   template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput, typename State>
   [[nodiscard]] static bool match(ParseInput& in, State& state)
   {
      const xml_limits& limits = state.limits();
      lookahead<ParseInput> tag(in, limits.max_tag_size + lookahead_slack);
      if (!tag.has(0) || tag[0] != '<') {
         return false;
      }
      scanner<ParseInput> scan{ tag, limits };
      start_tag_parts& parts = state.start_tag();
      parts.attributes.clear();
      parts.self_closing = false;
      std::size_t i = 1;
      parts.name = scan.name(i, "expected an element name after '<'");
      while (true) {
         const bool spaced = scan.skip_space(i);
         const char c = scan.at(i);
         if (c == '>') {
            ++i;
            break;
         }
         if (c == '/') {
            if (scan.at(i + 1) != '>') {
               tag.reject(i + 1, "expected '>' after '/' in a start tag");
            }
            parts.self_closing = true;
            i += 2;
            break;
         }
         if (!spaced) {
            tag.reject(i, "expected whitespace before an attribute");
         }
         if (parts.attributes.size() == limits.max_attributes) {
            tag.reject(i, "more than " + std::to_string(limits.max_attributes) + " attributes in a start tag");
         }
         parts.attributes.push_back(scan.attribute(i));
      }
      in.bump(i);
      return true;
   }

private:
   template <typename ParseInput>
   struct scanner
   {
      lookahead<ParseInput>& tag;
      const xml_limits& limits;

      // Byte i of the tag, which must be within max_tag_size and present.
      [[nodiscard]] char at(std::size_t i)
      {
         within_tag(i);
         return tag.require(i, "unclosed start tag");
      }

      void within_tag(std::size_t i) const
      {
         if (i >= limits.max_tag_size) {
            tag.reject_too_long(0, limits.max_tag_size, "start tag");
         }
      }

      [[nodiscard]] bool skip_space(std::size_t& i)
      {
         const std::size_t start = i;
         while (is_space(at(i))) {
            ++i;
         }
         return i != start;
      }

      [[nodiscard]] span name(std::size_t& i, const char* expected)
      {
         if (!is_name_start(at(i))) {
            tag.reject(i, expected);
         }
         const std::size_t start = i;
         while (is_name_char(at(i))) {
            i += tag.utf8_unit(i);
            if (i - start > limits.max_name_length) {
               tag.reject_too_long(start, limits.max_name_length, "name");
            }
         }
         return { start, i - start };
      }

      [[nodiscard]] start_tag_parts::attribute_parts attribute(std::size_t& i)
      {
         start_tag_parts::attribute_parts parts;
         parts.name = name(i, "expected an attribute name");
         (void)skip_space(i);
         if (at(i) != '=') {
            tag.reject(i, "expected '=' after an attribute name");
         }
         ++i;
         (void)skip_space(i);
         const char quote = at(i);
         if (quote != '"' && quote != '\'') {
            tag.reject(i, "attribute value must be in quotes");
         }
         ++i;
         parts.value.begin = i;
         for (char c = at(i); c != quote; c = at(i)) {
            if (c == '<') {
               tag.reject(i, "'<' in an attribute value");
            }
            i += c == '&' ? tag.reference(i) : tag.utf8_unit(i);
         }
         parts.value.size = i - parts.value.begin;
         ++i;
         return parts;
      }
   };
};

// ---- text and CDATA content ---------------------------------------------------------------

template <typename ParseInput>
[[nodiscard]] bool bump(ParseInput& in, std::size_t length)
{
   if (length == 0) {
      return false;
   }
   in.bump(length);
   return true;
}

// One piece of character data: up to the next '<' or the end, at most max_text_piece
// bytes, never ending inside a reference or a UTF-8 sequence. Outside the root element
// only whitespace may stand here.
struct text_piece
{
   using rule_t = text_piece;
   using subs_t = pegtl::type_list<>;

   template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput, typename State>
   [[nodiscard]] static bool match(ParseInput& in, State& state)
   {
      const std::size_t limit = state.limits().max_text_piece;
      const char* outside_root = state.outside_root_reason();
      lookahead<ParseInput> text(in, limit + lookahead_slack);
      std::size_t i = 0;
      while (text.has(i) && text[i] != '<') {
         const char c = text[i];
         if (c == '\0') {
            text.reject(i, "NUL byte");
         }
         if (outside_root != nullptr && !is_space(c)) {
            text.reject(i, outside_root);
         }
         if (c == ']' && text.starts_with(i, "]]>")) {
            text.reject(i, "']]>' in text");
         }
         const std::size_t unit = c == '&' ? text.reference(i) : text.utf8_unit(i);
         if (i > 0 && i + unit > limit) {
            break;
         }
         i += unit;
      }
      return bump(in, i);
   }
};

// One piece of a CDATA section's content: up to "]]>" or the end, at most
// max_text_piece bytes, never ending inside a UTF-8 sequence.
struct cdata_piece
{
   using rule_t = cdata_piece;
   using subs_t = pegtl::type_list<>;

   template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput, typename State>
   [[nodiscard]] static bool match(ParseInput& in, State& state)
   {
      const std::size_t limit = state.limits().max_text_piece;
      lookahead<ParseInput> text(in, limit + lookahead_slack);
      std::size_t i = 0;
      while (text.has(i) && !text.starts_with(i, "]]>")) {
         if (text[i] == '\0') {
            text.reject(i, "NUL byte");
         }
         const std::size_t unit = text.utf8_unit(i);
         if (i > 0 && i + unit > limit) {
            break;
         }
         i += unit;
      }
      return bump(in, i);
   }
};

// ---- comments and processing instructions ---------------------------------------------

struct comment_kind
{
   static constexpr std::string_view opener = "<!--";
   static constexpr std::string_view terminator = "-->";
   static constexpr const char* what = "comment";
   static constexpr const char* unclosed = "unclosed comment";

   template <typename Lookahead>
   static void check(Lookahead& markup, std::size_t i)
   {
      if (markup.starts_with(i, "--")) {
         markup.reject(i, "'--' inside a comment");
      }
   }
};

struct processing_instruction_kind
{
   static constexpr std::string_view opener = "<?";
   static constexpr std::string_view terminator = "?>";
   static constexpr const char* what = "processing instruction";
   static constexpr const char* unclosed = "unclosed processing instruction";

   template <typename Lookahead>
   static void check(Lookahead& /*markup*/, std::size_t /*i*/)
   {}
};

// Opener, content (well-formed UTF-8, no NUL), terminator: at most max_markup_size bytes.
template <typename Kind>
struct delimited_markup
{
   using rule_t = delimited_markup;
   using subs_t = pegtl::type_list<>;

   template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput, typename State>
   [[nodiscard]] static bool match(ParseInput& in, State& state)
   {
      const std::size_t limit = state.limits().max_markup_size;
      lookahead<ParseInput> markup(in, limit + lookahead_slack);
      if (!markup.starts_with(0, Kind::opener)) {
         return false;
      }
      std::size_t i = Kind::opener.size();
      while (!markup.starts_with(i, Kind::terminator)) {
         (void)markup.require(i, Kind::unclosed);
         if (i >= limit) {
            markup.reject_too_long(0, limit, Kind::what);
         }
         Kind::check(markup, i);
         i += markup.utf8_unit(i);
      }
      i += Kind::terminator.size();
      if (i > limit) {
         markup.reject_too_long(0, limit, Kind::what);
      }
      return bump(in, i);
   }
};

struct comment : delimited_markup<comment_kind> {};
struct processing_instruction : delimited_markup<processing_instruction_kind> {};

// "<!" that starts neither a comment nor a CDATA section: a DOCTYPE (refused, so that no
// DTD can declare entities or point at external files) or a stray declaration.
struct refused_declaration
{
   using rule_t = refused_declaration;
   using subs_t = pegtl::type_list<>;

   template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput, typename State>
   [[nodiscard]] static bool match(ParseInput& in, State& /*state*/)
   {
      lookahead<ParseInput> markup(in, lookahead_slack);
      if (!markup.starts_with(0, "<!")) {
         return false;
      }
      if (markup.starts_with(0, "<!DOCTYPE")) {
         markup.reject(0, "DOCTYPE is not allowed");
      }
      markup.reject(0, "expected a comment or CDATA section after '<!'");
   }
};

// ---- the document --------------------------------------------------------------------

struct name_scanner
{
   static constexpr const char* what = "name";
   static constexpr std::size_t min_length = 1;
   static constexpr bool keeps_stop_byte = false;
   [[nodiscard]] static constexpr bool accepts(char c) noexcept { return is_name_char(c); }
};

struct space_scanner
{
   static constexpr const char* what = "whitespace in an end tag";
   static constexpr std::size_t min_length = 0;
   static constexpr bool keeps_stop_byte = false;
   [[nodiscard]] static constexpr bool accepts(char c) noexcept { return is_space(c); }
};

struct byte_order_mark : pegtl::string<'\xEF', '\xBB', '\xBF'> {};

struct end_tag_open : pegtl::string<'<', '/'> {};
struct end_tag_name : detail::bounded_run<name_scanner> {};
struct end_tag_space : detail::bounded_run<space_scanner> {};
struct end_tag_close : pegtl::one<'>'> {};
struct end_tag : pegtl::seq<end_tag_open, pegtl::must<end_tag_name>, end_tag_space, pegtl::must<end_tag_close>> {};

struct cdata_open : pegtl::string<'<', '!', '[', 'C', 'D', 'A', 'T', 'A', '['> {};
struct cdata_content : pegtl::star<cdata_piece, pegtl::discard> {};
struct cdata_close : pegtl::string<']', ']', '>'> {};
struct cdata_section : pegtl::seq<cdata_open, cdata_content, pegtl::must<cdata_close>> {};

struct item : pegtl::sor<comment, cdata_section, refused_declaration, processing_instruction, end_tag, start_tag, text_piece> {};

// At the end of the input: the root element must have been read and closed.
struct end_of_document
{
   using rule_t = end_of_document;
   using subs_t = pegtl::type_list<>;

   template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput, typename State>
   [[nodiscard]] static bool match(ParseInput& in, State& state)
   {
      state.check_complete(in.byte());
      return true;
   }
};

// Input is discarded after every item and every CDATA piece: the buffer holds at most
// one start tag, one text piece (after a CDATA opener) or one markup item at a time.
struct document : pegtl::seq<pegtl::opt<byte_order_mark>, pegtl::star<item, pegtl::discard>, end_of_document> {};

// ---- errors ------------------------------------------------------------------------------

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr const char* error_message<end_tag_name> = "expected an element name after '</'";
template <> inline constexpr const char* error_message<end_tag_close> = "expected '>' to close an end tag";
template <> inline constexpr const char* error_message<cdata_close> = "unclosed CDATA section";
// clang-format on

// Turns every failure under must<> into a rejected_input at the offset where the rule
// was expected (see detail::reject_expected); a NUL byte there is named.
template <typename Rule>
struct control : pegtl::normal<Rule>
{
   template <typename ParseInput, typename... States>
   [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/)
   {
      static_assert(error_message<Rule> != nullptr, "every rule under must<> needs an error message");
      detail::reject_expected(in, error_message<Rule>, [](char) { return false; }, 1);
   }
};

}  // namespace veil::xml::grammar
