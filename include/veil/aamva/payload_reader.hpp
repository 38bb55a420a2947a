#pragma once
// Reads the framing of an AAMVA DL/ID payload, strictly or leniently (see payload.hpp).
//
// Strict: the header is exact ('@' LF RS CR "ANSI "), the version is 01 to 11, the first
// subfile starts where the designators end, each subfile starts at its designated offset
// with its type, ends at offset + length with CR, and the next one follows it directly;
// the last one ends the payload.
//
// Both modes hold every element to what a reader of the format takes for one: it starts
// with an element id that some version of the standard defines, or, in a jurisdiction's
// subfile (Z and a letter), that subfile's type and an upper-case letter; and it holds no
// byte that some reader takes for a line break or a control (bytes below 0x20, DEL, 0x85,
// and the UTF-8 line and paragraph separators), so that no reader splits it into elements
// veil did not see. A line such as "123 MAIN" or "APT 5" is not an element, and a payload
// that holds one is refused rather than read as an element veil would not recognise.
//
// Lenient: a payload strict mode accepts is read as strict mode reads it. Otherwise a
// UTF-8 byte order mark, leading blanks and line breaks, any mix of up to three
// LF, RS, CR or FS bytes where LF RS CR should be, the old "AAMVA" file type, and blank
// padding (spaces, CR, LF, NUL) after the last element are accepted. The designators'
// offsets and lengths are ignored (scanners often leave them wrong) and the subfiles are
// framed again from the line breaks: every CR or LF ends an element (empty lines are left
// out), and the next designated subfile starts at a line that is its type alone, its type
// followed by an element id of its own, or, its type lost, an element id that can only be
// its own, one the current subfile could not hold. A line that could be both an element
// of the current subfile and the start of the next, a line that is not an element, or a
// designated subfile that never starts is refused: boundaries are never guessed inside a
// value.
//
// A rejection names what was expected and where (the 2nd subfile, the version number),
// never the bytes it found.

#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload.hpp>
#include <veil/aamva/subfile_ordinal.hpp>
#include <veil/rejection.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::aamva {

inline constexpr unsigned newest_version = 11;

namespace internal {

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }

[[nodiscard]] constexpr bool is_jurisdiction_type(std::string_view type) noexcept
{
   return type.size() == 2 && type[0] == 'Z' && is_upper(type[1]);
}

// Whether `line` starts with the id of one of the subfile `type`'s own elements: in a
// jurisdiction's subfile its type and an upper-case letter, in the others an id some
// version of the standard defines (cards do not keep to their version).
[[nodiscard]] constexpr bool starts_with_own_element(std::string_view line, std::string_view type) noexcept
{
   if (line.size() < 3) {
      return false;
   }
   const std::string_view id = line.substr(0, 3);
   if (is_jurisdiction_type(type)) {
      return id.starts_with(type) && is_upper(id[2]);
   }
   return find_element(id, newest_version) != nullptr;
}

// Whether a subfile of `type` may hold `line`: its own elements, and in a jurisdiction's
// subfile the standard's too (consumers read them wherever they stand).
[[nodiscard]] constexpr bool starts_with_element_of(std::string_view line, std::string_view type) noexcept
{
   return starts_with_own_element(line, type) ||
          (line.size() >= 3 && find_element(line.substr(0, 3), newest_version) != nullptr);
}

// Where `element` holds a byte that some reader of the format takes for a line break or a
// control, or npos: a C0 control or DEL; 0x85, the next-line control in Latin-1, and its
// UTF-8 form C2 85; the UTF-8 line and paragraph separators E2 80 A8/A9.
[[nodiscard]] constexpr std::size_t find_line_break_or_control(std::string_view element) noexcept
{
   for (std::size_t i = 0; i < element.size(); ++i) {
      const auto c = static_cast<unsigned char>(element[i]);
      if (c < 0x20 || c == 0x7F || c == 0x85) {
         return i;
      }
      const std::string_view three = element.substr(i, 3);
      if (three.starts_with("\xC2\x85") || three == "\xE2\x80\xA8" || three == "\xE2\x80\xA9") {
         return i;
      }
   }
   return std::string_view::npos;
}

struct designator
{
   std::string type;
   std::size_t offset;
   std::size_t length;
};

// Reads fixed-width header fields, rejecting with the offset of the field at fault.
class header_cursor
{
public:
   header_cursor(std::string_view bytes, std::size_t at) noexcept : bytes_(bytes), at_(at) {}

   [[nodiscard]] std::size_t at() const noexcept { return at_; }

   std::string_view digits(std::size_t n, const char* what)
   {
      const std::string_view field = take(n, what);
      for (const char c : field) {
         if (!is_digit(c)) {
            throw rejected_input(at_ - n, std::string(what) + " is not " + std::to_string(n) + " digits");
         }
      }
      return field;
   }

   std::size_t number(std::size_t n, const char* what)
   {
      std::size_t value = 0;
      for (const char c : digits(n, what)) {
         value = value * 10 + static_cast<std::size_t>(c - '0');
      }
      return value;
   }

   std::string_view take(std::size_t n, const char* what)
   {
      if (bytes_.size() - at_ < n) {
         throw rejected_input(bytes_.size(), std::string("payload ends in the ") + what);
      }
      at_ += n;
      return bytes_.substr(at_ - n, n);
   }

private:
   std::string_view bytes_;
   std::size_t at_;
};

struct header_fields
{
   std::string header;  // as it will be written
   unsigned version = 0;
   std::vector<designator> designators;
   std::size_t end = 0;  // where the designators end in the input
};

// IIN, versions, entries and designators, from `cursor` on (just past the file type).
// `header` is what comes before, as it will be written.
[[nodiscard]] inline header_fields read_header_fields(header_cursor& cursor, std::string header)
{
   header_fields h;
   header += cursor.digits(6, "issuer identification number");
   const std::size_t version_at = cursor.at();
   const std::string_view version = cursor.digits(2, "AAMVA version number");
   header += version;
   h.version = static_cast<unsigned>((version[0] - '0') * 10 + (version[1] - '0'));
   if (h.version == 0 || h.version > newest_version) {
      throw rejected_input(version_at, "AAMVA version number is not one veil reads (01 to 11)");
   }
   if (h.version >= 2) {
      header += cursor.digits(2, "jurisdiction version number");
   }
   const std::size_t entries_at = cursor.at();
   const std::string_view entries = cursor.digits(2, "number of entries");
   header += entries;
   if (entries == "00") {
      throw rejected_input(entries_at, "number of entries designates no subfile");
   }
   const std::size_t count = static_cast<std::size_t>((entries[0] - '0') * 10 + (entries[1] - '0'));
   for (std::size_t i = 0; i < count; ++i) {
      const std::size_t type_at = cursor.at();
      const std::string_view type = cursor.take(2, "subfile designators");
      // The standard's subfiles: a driver licence, an identification card, a
      // jurisdiction's own. Another type and its first element would read as an id of the
      // standard to readers that do not strip the type ("DA" "PAA..." as "DAP" "AA...").
      if (type != "DL" && type != "ID" && !is_jurisdiction_type(type)) {
         throw rejected_input(type_at, "subfile type is not DL, ID or Z and a letter");
      }
      const std::size_t offset = cursor.number(4, "subfile offset");
      const std::size_t length = cursor.number(4, "subfile length");
      h.designators.push_back({ std::string(type), offset, length });
   }
   h.header = std::move(header);
   h.end = cursor.at();
   return h;
}

// Checks that `element` (a line's bytes, `at` in the input) is an element of the subfile
// of `type`, the `index`th designated.
inline void check_element(std::string_view element, std::size_t at, std::size_t index, std::string_view type)
{
   if (element.empty()) {
      throw rejected_input(at, "empty element in " + nth_subfile(index));
   }
   if (!starts_with_element_of(element, type)) {
      throw rejected_input(at, "a line of " + nth_subfile(index) +
                                  " does not start with an element id of the standard or of the subfile's jurisdiction");
   }
   if (const std::size_t bad = find_line_break_or_control(element); bad != std::string_view::npos) {
      throw rejected_input(at + bad, "an element of " + nth_subfile(index) + " holds a control byte or a line break");
   }
}

// The elements of one subfile's content (between its type and its CR), strictly: LF
// between elements, one LF before the CR allowed.
[[nodiscard]] inline subfile strict_subfile(std::string_view bytes, const designator& d, std::size_t index)
{
   subfile s{ d.type, {}, false };
   const std::size_t content_begin = d.offset + 2;
   std::string_view content = bytes.substr(content_begin, d.length - 3);
   if (const std::size_t cr = content.find('\r'); cr != std::string_view::npos) {
      throw rejected_input(content_begin + cr, "CR inside " + nth_subfile(index));
   }
   if (content.size() > 1 && content.back() == '\n') {
      s.separator_before_terminator = true;
      content.remove_suffix(1);
   }
   if (content.empty()) {
      return s;  // a subfile with no elements: its type, then CR
   }
   for (std::size_t at = 0;;) {
      const std::size_t end = std::min(content.find('\n', at), content.size());
      check_element(content.substr(at, end - at), content_begin + at, index, d.type);
      s.elements.push_back({ content_begin + at, content_begin + end });
      if (end == content.size()) {
         break;
      }
      at = end + 1;
   }
   return s;
}

}  // namespace internal

[[nodiscard]] inline payload read_strict(std::string_view bytes)
{
   if (bytes.starts_with("\xEF\xBB\xBF")) {
      throw rejected_input(0, "byte order mark before '@' (lenient mode accepts it)");
   }
   if (!bytes.starts_with('@')) {
      throw rejected_input(0, "payload does not start with '@'");
   }
   if (bytes.substr(1, 3) != "\n\x1e\r") {
      throw rejected_input(1, "header separators are not LF RS CR");
   }
   if (bytes.substr(4, 5) != "ANSI ") {
      throw rejected_input(4, bytes.substr(4, 5) == "AAMVA" ? "file type AAMVA (lenient mode accepts it)"
                                                              : "file type is not \"ANSI \"");
   }
   internal::header_cursor cursor(bytes, 9);
   internal::header_fields h = internal::read_header_fields(cursor, std::string(bytes.substr(0, 9)));
   payload p{ std::move(h.header), h.version, {} };
   std::size_t expected = h.end;
   for (std::size_t i = 0; i < h.designators.size(); ++i) {
      const internal::designator& d = h.designators[i];
      const std::string subfile = internal::nth_subfile(i);
      if (d.offset != expected) {
         throw rejected_input(expected, subfile + " is not designated where " +
                                           (i == 0 ? "the designators end" : "the one before it ends"));
      }
      if (d.length < 3 || d.length > bytes.size() - d.offset) {
         throw rejected_input(d.offset, "the designated length of " + subfile + " does not fit the payload");
      }
      if (bytes.substr(d.offset, 2) != d.type) {
         throw rejected_input(d.offset, subfile + " does not start with its designated type");
      }
      if (bytes[d.offset + d.length - 1] != '\r') {
         throw rejected_input(d.offset + d.length - 1, subfile + " does not end with CR");
      }
      p.subfiles.push_back(internal::strict_subfile(bytes, d, i));
      expected = d.offset + d.length;
   }
   if (expected != bytes.size()) {
      throw rejected_input(expected, "bytes after the last subfile");
   }
   return p;
}

namespace internal {

// One line of the body in lenient mode: its bytes and where they are in the input.
struct body_line
{
   std::string_view text;
   std::size_t at;
};

// Whether `c` is blank padding a scanner leaves after the last element.
[[nodiscard]] constexpr bool is_padding(char c) noexcept
{
   return c == ' ' || c == '\r' || c == '\n' || c == '\0';
}

// The body from `from` to the padding at its end, cut at every CR and LF, empty lines
// left out.
[[nodiscard]] inline std::vector<body_line> body_lines(std::string_view bytes, std::size_t from)
{
   std::size_t to = bytes.size();
   while (to > from && is_padding(bytes[to - 1])) {
      --to;
   }
   std::vector<body_line> lines;
   while (from < to) {
      const std::size_t end = std::min(bytes.find_first_of("\r\n", from), to);
      if (end > from) {
         lines.push_back({ bytes.substr(from, end - from), from });
      }
      from = end + 1;
   }
   return lines;
}

// Whether `line` starts the subfile `type`: the type, then the id of one of its own
// elements. (A jurisdiction's type followed by an id of the standard reads as well as one
// of the jurisdiction's own ids, "ZV" "DAG..." as "ZVD" "AG...": it is read so, and the
// redactor looks for ids after the type of such an element.)
[[nodiscard]] inline bool starts_subfile(std::string_view line, std::string_view type) noexcept
{
   return line.starts_with(type) && starts_with_own_element(line.substr(2), type);
}

}  // namespace internal

[[nodiscard]] inline payload read_lenient(std::string_view bytes)
{
   // A payload with nothing to mend is read as strict mode reads it, and written back
   // byte for byte outside its redactions.
   try {
      return read_strict(bytes);
   }
   catch (const rejected_input&) {
      // damaged: framed again below
   }
   std::size_t at = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
   while (at < bytes.size() && (bytes[at] == ' ' || bytes[at] == '\r' || bytes[at] == '\n')) {
      ++at;
   }
   if (at == bytes.size() || bytes[at] != '@') {
      throw rejected_input(at, "payload does not start with '@'");
   }
   std::size_t type_at = at + 1;
   while (type_at < bytes.size() && type_at - at <= 3 && std::string_view("\n\x1e\r\x1c").find(bytes[type_at]) != std::string_view::npos) {
      ++type_at;
   }
   const std::string_view file_type = bytes.substr(type_at, 5);
   if (file_type != "ANSI " && file_type != "AAMVA") {
      throw rejected_input(type_at, "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators");
   }
   internal::header_cursor cursor(bytes, type_at + 5);
   internal::header_fields h = internal::read_header_fields(cursor, "@\n\x1e\rANSI ");
   payload p{ std::move(h.header), h.version, {} };

   const std::vector<internal::body_line> lines = internal::body_lines(bytes, h.end);
   std::size_t next = 0;  // the designator whose subfile starts next
   for (const internal::body_line& line : lines) {
      if (next < h.designators.size()) {
         const std::string& type = h.designators[next].type;
         // The type alone or followed by an element of its own; or, the type lost, an
         // element that can only be the next subfile's.
         const bool fits_current =
            !p.subfiles.empty() && internal::starts_with_element_of(line.text, p.subfiles.back().type);
         const bool typed = line.text == type || internal::starts_subfile(line.text, type);
         const bool untyped = !fits_current && internal::starts_with_own_element(line.text, type);
         if (typed || untyped) {
            if (fits_current) {
               throw rejected_input(line.at, "a line could be an element of " + internal::nth_subfile(next - 1) +
                                                " or the start of " + internal::nth_subfile(next));
            }
            p.subfiles.push_back({ type, {}, false });
            ++next;
            const std::size_t skip = typed ? 2 : 0;
            if (line.text.size() > skip) {
               internal::check_element(line.text.substr(skip), line.at + skip, next - 1, type);
               p.subfiles.back().elements.push_back({ line.at + skip, line.at + line.text.size() });
            }
            continue;
         }
      }
      if (p.subfiles.empty()) {
         throw rejected_input(line.at, "the 1st subfile does not start where the designators end");
      }
      internal::check_element(line.text, line.at, p.subfiles.size() - 1, p.subfiles.back().type);
      p.subfiles.back().elements.push_back({ line.at, line.at + line.text.size() });
   }
   if (next < h.designators.size()) {
      throw rejected_input(bytes.size(), internal::nth_subfile(next) + " never starts");
   }
   return p;
}

// Reads `bytes` in the given mode; a fault is a rejected_input with its offset.
[[nodiscard]] inline payload read_payload(std::string_view bytes, framing_mode mode)
{
   return mode == framing_mode::strict ? read_strict(bytes) : read_lenient(bytes);
}

}  // namespace veil::aamva
