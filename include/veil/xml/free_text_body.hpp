#pragma once
// The text of a free-text element (n2:ResponseText and its kin), cut into lines for the
// Nlets free-text redactor. The stream and DOM redactors both go through here, so both
// read a body alike:
//   - a line ends at LF, CR LF or a CR alone, the three line breaks of XML, written as
//     bytes or as references (&#10;); a line is never longer than one line break. A CR
//     written as such is read as an LF unless an LF written as such follows it at once,
//     so markup after it ends its line; a CR char (&#13;, or a CR in a tree's text) is
//     text, and an LF after it joins it however far apart markup writes them;
//   - a line is judged as a reader of the message reads it: references expanded, CDATA
//     content as text, and the markup inside it left out — CDATA delimiters, comments,
//     processing instructions and empty elements, wherever they stand in the line, do not
//     cut it ("RES ADDR<!---->: 1 MAIN" is an address line, "   <!---->ANYTOWN" a
//     continuation line);
//   - it is then written in its own spelling: a line kept as it came, markup included; a
//     redacted one unit by unit (text_references.hpp's respeller): a kept character keeps its
//     bytes (a reference stays a reference), a masked one becomes mask bytes, a dropped one
//     goes, CDATA delimiters stay (they hold nothing), and a comment, processing
//     instruction or empty element stays only if it stands before the first character the
//     redaction changed: one inside or after a removed value goes with it. A line that
//     cannot be written so is refused;
//   - markup met at the start of a line, before any of its text, is written at once: it
//     belongs to no line;
//   - an element with content (or any element the stream meets as a start tag and an end
//     tag) may stand only between lines: one that starts or ends inside a line refuses
//     the message, since what a reader makes of the line around it cannot be told.
//
// The input comes as pieces, each with a number the caller chooses, and the output goes
// to a writer called with the number of the piece each byte belongs to, in input order:
// the stream redactor writes the bytes as they come, the DOM redactor gives each text
// node its new value and removes the markup nodes nothing was written for.

#include <veil/nlets/free_text_redactor.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/redaction_output.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/text_references.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::xml {

using free_text_line_redactor =
   nlets::free_text_redactor<nlets::text_dictionary.size(), nlets::builtin_labels.size()>;

// What markup inside a line is: a CDATA delimiter, which holds nothing and stays, or a
// comment, processing instruction or empty element.
enum class markup_kind : unsigned char { cdata_delimiter, other };

// How a piece of text is written: raw XML text whose references are still to be expanded,
// the content of a CDATA section, or a tree's text node (already decoded).
enum class text_form : unsigned char { xml_text, cdata, decoded };

class free_text_body
{
public:
   using piece_writer = std::function<void(std::size_t piece, std::string_view bytes)>;

   free_text_body(free_text_line_redactor& lines, std::size_t max_line_size) noexcept
      : lines_(lines), max_line_size_(max_line_size)
   {}

   // A piece of text starting at `offset` in the input.
   void add(std::string_view text, std::size_t offset, text_form form, std::size_t piece, redaction_output& out,
            const piece_writer& write)
   {
      const bool encoded = form == text_form::xml_text;
      const std::string_view stops = encoded ? std::string_view("\r\n&") : std::string_view("\r\n");
      std::size_t at = 0;
      const bool cr_bytes_read_as_lf = form != text_form::decoded;
      while (at < text.size()) {
         const unit u = unit_at(text, at, encoded);
         if (pending_cr_ != cr::none) {
            // A CR ends its line; an LF right after it belongs to the same line break,
            // as XML reads them: after a CR written as such only an LF written as such,
            // after a CR char either, or a CR written as such, which a reader reads as an
            // LF (and the LF written after that one with it).
            const bool cr_byte_as_lf =
               pending_cr_ == cr::character && u.kind == break_kind::literal_cr && cr_bytes_read_as_lf;
            const bool joins = u.kind == break_kind::literal_lf || cr_byte_as_lf ||
                               (pending_cr_ == cr::character && u.kind == break_kind::reference_lf);
            if (joins) {
               append_text(text.substr(at, u.length), offset + at, form, piece);
               at += u.length;
            }
            if (cr_byte_as_lf) {
               pending_cr_ = cr::byte_read_as_lf;
               continue;
            }
            write_line(out, write);
            continue;
         }
         if (u.kind == break_kind::none) {
            const std::size_t stop = std::min(text.find_first_of(stops, at + u.length), text.size());
            append_text(text.substr(at, stop - at), offset + at, form, piece);
            at = stop;
            continue;
         }
         append_text(text.substr(at, u.length), offset + at, form, piece);
         at += u.length;
         if (u.kind == break_kind::literal_lf || u.kind == break_kind::reference_lf) {
            write_line(out, write);
         }
         else {
            pending_cr_ = u.kind == break_kind::literal_cr && cr_bytes_read_as_lf ? cr::byte_read_as_lf : cr::character;
         }
      }
   }

   // Markup inside the body (`raw` as written, empty for an element its redaction
   // dropped; the DOM redactor passes any non-empty stand-in for one it keeps). Before any
   // text of a line it is written at once.
   void add_markup(std::string_view raw, std::size_t offset, markup_kind kind, std::size_t piece,
                   redaction_output& out, const piece_writer& write)
   {
      if (pending_cr_ == cr::byte_read_as_lf) {
         write_line(out, write);  // markup after a CR byte keeps an LF byte from joining it
      }
      if (units_.empty()) {
         if (!raw.empty()) {
            // Written whatever is dropped, it keeps a CR byte and an LF byte around it
            // apart; not a CR char, which an LF joins through any markup.
            cr_ends_.cr_byte_read_as_lf = false;
         }
         write(piece, raw);
         return;
      }
      check_size(raw.size(), offset);
      units_.push_back({ piece, raw_.size(), raw.size(), offset, text_form::decoded,
                         kind == markup_kind::cdata_delimiter, true });
      raw_ += raw;
   }

   // An element with content starts or ends at `offset`: only between lines. It keeps no
   // CR from a later LF: its tags go when the element is dropped, and a CR char and an LF
   // join through them anyway.
   void element_boundary(std::size_t offset, redaction_output& out, const piece_writer& write)
   {
      if (pending_cr_ != cr::none) {
         write_line(out, write);
      }
      if (!units_.empty()) {
         throw rejected_input(offset, "an element starts or ends inside a free-text line");
      }
   }

   // Whether a line has begun and not ended: markup now is part of it.
   [[nodiscard]] bool inside_line() const noexcept { return !units_.empty(); }

   // The free-text element ends: so does its last line.
   void end_body(redaction_output& out, const piece_writer& write)
   {
      if (!units_.empty()) {
         write_line(out, write);
      }
      cr_ends_ = {};
   }

   // The body is skipped from here on (it was inside an element that is being dropped).
   void discard() noexcept
   {
      units_.clear();
      raw_.clear();
      pending_cr_ = cr::none;
      cr_ends_ = {};
   }

private:
   // Line breaks as written: a byte, or a reference (&#10;, &#xD;) in text that has them.
   enum class break_kind { none, literal_lf, reference_lf, literal_cr, reference_cr };
   // A CR the line ends with, which an LF may still join: a byte (in XML text or CDATA),
   // or a char (&#13;, or a CR in a tree's text).
   enum class cr { none, byte_read_as_lf, character };
   // The CR line breaks that earlier lines of the body end with, which an LF starting a
   // later line joins when the lines between are dropped: a CR byte (read as an LF), which
   // only an LF byte joins and which markup written between lines keeps apart from it, and
   // a CR char, which any LF joins, a CR byte included, whatever markup stands between.
   enum class line_end { other, cr_byte_read_as_lf, cr_char };
   struct cr_line_ends
   {
      bool cr_byte_read_as_lf = false;
      bool cr_char = false;
   };

   struct unit
   {
      break_kind kind;
      std::size_t length;
   };

   // A run of the line's bytes from one piece: text, or one markup item.
   struct line_unit
   {
      std::size_t piece;
      std::size_t begin;  // in raw_
      std::size_t size;
      std::size_t offset;  // in the input
      text_form form;
      bool cdata_delimiter;
      bool markup;

      [[nodiscard]] bool encoded() const noexcept { return form == text_form::xml_text; }
   };

   [[nodiscard]] static unit unit_at(std::string_view text, std::size_t at, bool encoded)
   {
      if (text[at] == '\n') {
         return { break_kind::literal_lf, 1 };
      }
      if (text[at] == '\r') {
         return { break_kind::literal_cr, 1 };
      }
      if (!encoded || text[at] != '&') {
         return { break_kind::none, 1 };
      }
      const std::size_t n = internal::unit_length(text, at);
      std::string decoded;
      append_decoded(decoded, text.substr(at, n));
      if (decoded == "\n") {
         return { break_kind::reference_lf, n };
      }
      return { decoded == "\r" ? break_kind::reference_cr : break_kind::none, n };
   }

   // The line, with `more` bytes starting at `offset`, stays within the limit.
   void check_size(std::size_t more, std::size_t offset) const
   {
      if (raw_.size() + more > max_line_size_ + 2) {
         const std::size_t start = units_.empty() ? offset : units_.front().offset;
         throw rejected_input(start + max_line_size_, "line longer than " + std::to_string(max_line_size_) + " bytes");
      }
   }

   void append_text(std::string_view bytes, std::size_t offset, text_form form, std::size_t piece)
   {
      if (bytes.empty()) {
         return;
      }
      check_size(bytes.size(), offset);
      line_unit* last = units_.empty() ? nullptr : &units_.back();
      if (last != nullptr && !last->markup && last->piece == piece && last->form == form &&
          last->offset + last->size == offset) {
         last->size += bytes.size();
      }
      else {
         units_.push_back({ piece, raw_.size(), bytes.size(), offset, form, false, false });
      }
      raw_ += bytes;
   }

   [[nodiscard]] std::string_view raw_of(const line_unit& u) const noexcept
   {
      return std::string_view(raw_).substr(u.begin, u.size);
   }

   // The line as a reader reads it, with the input offset of each of its bytes.
   void decode_line()
   {
      decoded_.clear();
      positions_.clear();
      for (const line_unit& u : units_) {
         if (u.markup) {
            continue;
         }
         const std::string_view raw = raw_of(u);
         for (std::size_t at = 0; at < raw.size();) {
            const std::size_t n = u.encoded() ? internal::unit_length(raw, at) : 1;
            if (u.encoded()) {
               internal::append_decoded_unit(decoded_, raw.substr(at, n));
            }
            else {
               decoded_ += raw[at];
            }
            positions_.resize(decoded_.size(), u.offset + at);
            at += n;
         }
      }
      const line_unit& last = units_.back();
      positions_.push_back(last.offset + last.size);
   }

   void write_line(redaction_output& out, const piece_writer& write)
   {
      refuse_possible_join();
      decode_line();
      const std::size_t base = units_.front().offset;
      for (std::size_t& p : positions_) {
         p -= base;
      }
      const position_map positions{ base, positions_ };
      redacted_.clear();
      auto capture = [this](std::string_view bytes) { redacted_.append(bytes); };
      redaction_output judged = out.redirected(capture, &positions);
      // The line redactor ends a line at LF or CR LF. A CR alone is an XML line break too
      // (a tree holds it as an LF), so the line is judged with an LF in its place and the
      // CR is written back: it ends the line, and never goes with the value before it.
      const bool ends_with_lone_cr = decoded_.ends_with('\r');
      if (ends_with_lone_cr) {
         decoded_.back() = '\n';
      }
      lines_.on_line(decoded_, base, judged);
      if (ends_with_lone_cr) {
         decoded_.back() = '\r';
         if (redacted_.ends_with('\n')) {
            redacted_.back() = '\r';
         }
      }
      note_cr_end();  // before writing: a writer may discard the body
      const auto put = [&write](const line_unit& u, std::string_view bytes) { write(u.piece, bytes); };
      if (redacted_ == decoded_) {
         for (const line_unit& u : units_) {
            put(u, raw_of(u));
         }
      }
      else {
         write_redacted(put);
      }
      units_.clear();
      raw_.clear();
      pending_cr_ = cr::none;
   }

   // Writes redacted_ unit by unit in the spelling of the line's units (see above).
   template <typename Put>
   void write_redacted(Put&& put)
   {
      const std::size_t first_change = static_cast<std::size_t>(
         std::mismatch(decoded_.begin(), decoded_.end(), redacted_.begin(), redacted_.end()).first - decoded_.begin());
      respeller respell{ redacted_, lines_.rules() };
      std::size_t decoded_at = 0;  // decoded bytes before the unit
      for (const line_unit& u : units_) {
         if (u.markup) {
            if (u.cdata_delimiter || decoded_at < first_change) {
               put(u, raw_of(u));
            }
            continue;
         }
         const std::string_view raw = raw_of(u);
         std::string written;
         const bool aligned = respell.next(raw, u.encoded(), [&written](std::string_view bytes) { written += bytes; });
         if (!aligned) {
            refuse();
         }
         if (u.form == text_form::cdata && written.find("]]>") != std::string::npos) {
            refuse();  // removing characters inside CDATA would close it
         }
         put(u, written);
         decoded_at += decoded_length(u);
      }
      if (!respell.done()) {
         refuse();
      }
   }

   [[nodiscard]] std::size_t decoded_length(const line_unit& u) const
   {
      if (!u.encoded()) {
         return u.size;
      }
      std::string decoded;
      append_decoded(decoded, raw_of(u));
      return decoded.size();
   }

   [[noreturn]] void refuse() const
   {
      throw rejected_input(units_.front().offset, "free-text line could not be redacted in its own spelling");
   }

   // A line that ends with a CR, then lines that may be dropped, then one that starts
   // with an LF: with the lines between dropped, the CR and the LF, written as they stand,
   // would make one line break as XML reads them, and the body would read differently
   // than the redacted text. No byte may be changed to keep them apart, and whether the
   // lines between go depends on the mask and the action, so the message is refused
   // whatever they hold: the decision rests on the line breaks alone, and a policy that
   // removes more never releases what one that removes less refuses.
   void refuse_possible_join() const
   {
      const line_unit& first = units_.front();  // text: markup before any text is written at once
      const std::string_view bytes = raw_of(first);
      const bool lf_byte = bytes.front() == '\n';
      const bool cr_byte_read_as_lf = bytes.front() == '\r' && first.form != text_form::decoded;
      const bool joins = (cr_ends_.cr_byte_read_as_lf && lf_byte) ||
                         (cr_ends_.cr_char &&
                          (lf_byte || cr_byte_read_as_lf || (first.encoded() && first_reference(bytes) == "\n")));
      if (joins) {
         throw rejected_input(first.offset,
                              "a free-text line ending in a CR and a later one starting with an LF would join into "
                              "one line break if the lines between them were dropped");
      }
   }

   // Markup after a CR char stays in its line: the CR is the line's last text.
   void note_cr_end()
   {
      const auto last = std::find_if(units_.rbegin(), units_.rend(), [](const line_unit& u) { return !u.markup; });
      switch (end_as_read(*last, raw_of(*last))) {
         case line_end::cr_byte_read_as_lf: cr_ends_.cr_byte_read_as_lf = true; return;
         case line_end::cr_char: cr_ends_.cr_char = true; return;
         case line_end::other: return;
      }
   }

   // How the line break that `bytes`, written in the spelling of `u`, ends with is read.
   [[nodiscard]] static line_end end_as_read(const line_unit& u, std::string_view bytes)
   {
      if (bytes.back() == '\r') {
         return u.form == text_form::decoded ? line_end::cr_char : line_end::cr_byte_read_as_lf;
      }
      const std::size_t amp = bytes.rfind('&');
      if (!u.encoded() || bytes.back() != ';' || amp == std::string_view::npos ||
          first_reference(bytes.substr(amp)) != "\r" || internal::unit_length(bytes, amp) != bytes.size() - amp) {
         return line_end::other;
      }
      return line_end::cr_char;
   }

   // What the reference `bytes` starts with stands for, or nothing when it starts with
   // none.
   [[nodiscard]] static std::string first_reference(std::string_view bytes)
   {
      std::string decoded;
      if (bytes.front() == '&') {
         append_decoded(decoded, bytes.substr(0, internal::unit_length(bytes, 0)));
      }
      return decoded;
   }

   free_text_line_redactor& lines_;
   std::size_t max_line_size_;
   std::vector<line_unit> units_;  // the line so far
   std::string raw_;               // its bytes, text and markup, as written
   cr pending_cr_ = cr::none;      // the line ends with a CR; an LF may still join it
   cr_line_ends cr_ends_;          // see cr_line_ends
   std::string decoded_;
   std::vector<std::size_t> positions_;
   std::string redacted_;
};

}  // namespace veil::xml
