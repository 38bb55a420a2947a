#pragma once
// The text of a free-text element (n2:ResponseText and its kin), cut into lines for the
// Nlets free-text redactor. The stream and DOM redactors both go through here, so both
// read a body alike:
//   - a line ends at LF, CR LF or a CR alone, the three line breaks of XML, written as
//     bytes or as references (&#10;); a line is never longer than one line break;
//   - text is judged as a reader of the message sees it: a line written with references
//     ("RES&#32;ADDR:") is decoded first, and if anything in it is redacted the rest is
//     written back in its own spelling (see text_references.hpp);
//   - the text comes in blocks (a run of text, a CDATA section; in a tree, a text node)
//     and a line cut by the end of a block, then going on after it, cannot be judged
//     whole: a label before the cut would not reach the value after it. It is refused.

#include <veil/detail/bytes.hpp>
#include <veil/nlets/free_text_redactor.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/redaction_output.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/text_references.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace veil::xml {

using free_text_line_redactor =
   nlets::free_text_redactor<nlets::text_dictionary.size(), nlets::builtin_labels.size()>;

class free_text_body
{
public:
   free_text_body(free_text_line_redactor& lines, std::size_t max_line_size) noexcept
      : lines_(lines), max_line_size_(max_line_size)
   {}

   // A piece of a block, starting at `offset` in the input. `encoded`: raw XML text whose
   // references are still to be expanded (not CDATA, not a text node of a tree).
   void add(std::string_view piece, std::size_t offset, bool encoded, redaction_output& out)
   {
      if (interrupted_) {
         refuse_continued_line(piece, offset, encoded);
      }
      const std::string_view stops = encoded ? std::string_view("\r\n&") : std::string_view("\r\n");
      std::size_t at = 0;
      while (at < piece.size()) {
         if (line_.empty()) {
            line_offset_ = offset + at;
            encoded_ = encoded;
         }
         const unit u = unit_at(piece, at, encoded);
         if (pending_cr_ != cr::none) {
            // A CR ends its line; an LF right after it belongs to the same line break,
            // as XML reads them: after a CR written as such only an LF written as such,
            // after &#13; either.
            const bool joins = u.kind == break_kind::literal_lf ||
                               (pending_cr_ == cr::reference && u.kind == break_kind::reference_lf);
            if (joins) {
               append(piece.substr(at, u.length));
               at += u.length;
            }
            write_line(out);
            continue;
         }
         if (u.kind == break_kind::none) {
            const std::size_t stop = std::min(piece.find_first_of(stops, at + u.length), piece.size());
            append(piece.substr(at, stop - at));
            at = stop;
            continue;
         }
         append(piece.substr(at, u.length));
         at += u.length;
         if (u.kind == break_kind::literal_lf || u.kind == break_kind::reference_lf) {
            write_line(out);
         }
         else {
            pending_cr_ = u.kind == break_kind::literal_cr ? cr::literal : cr::reference;
         }
      }
   }

   // The block ends (markup, a child element, the end of a text node).
   void end_block(redaction_output& out)
   {
      if (!line_.empty()) {
         interrupted_ = pending_cr_ == cr::none && !nlets::internal::is_blank_line(line_);
         write_line(out);
      }
      ends_with_cr_ = false;  // markup stands between this block's bytes and the next's
   }

   // The free-text element ends: so does its last line.
   void end_body() noexcept { interrupted_ = false; }

   // The body is skipped from here on (it was inside an element that is being dropped).
   void discard() noexcept
   {
      line_.clear();
      pending_cr_ = cr::none;
      interrupted_ = false;
      ends_with_cr_ = false;
   }

private:
   // Line breaks as written: a byte, or a reference (&#10;, &#xD;) in text that has them.
   enum class break_kind { none, literal_lf, reference_lf, literal_cr, reference_cr };
   enum class cr { none, literal, reference };

   struct unit
   {
      break_kind kind;
      std::size_t length;
   };

   [[nodiscard]] static unit unit_at(std::string_view piece, std::size_t at, bool encoded)
   {
      if (piece[at] == '\n') {
         return { break_kind::literal_lf, 1 };
      }
      if (piece[at] == '\r') {
         return { break_kind::literal_cr, 1 };
      }
      if (!encoded || piece[at] != '&') {
         return { break_kind::none, 1 };
      }
      const std::size_t n = internal::unit_length(piece, at);
      std::string decoded;
      append_decoded(decoded, piece.substr(at, n));
      if (decoded == "\n") {
         return { break_kind::reference_lf, n };
      }
      return { decoded == "\r" ? break_kind::reference_cr : break_kind::none, n };
   }

   void append(std::string_view bytes)
   {
      if (line_.size() + bytes.size() > max_line_size_ + 2) {
         throw rejected_input(line_offset_ + max_line_size_,
                              "line longer than " + std::to_string(max_line_size_) + " bytes");
      }
      line_.append(bytes);
   }

   // Text after a line cut by markup may only end that line: blanks, then a line break.
   void refuse_continued_line(std::string_view piece, std::size_t offset, bool encoded)
   {
      std::string decoded;
      if (encoded) {
         append_decoded(decoded, piece.substr(0, piece.find_first_of("\r\n")));
      }
      const std::string_view text = encoded ? std::string_view(decoded) : piece;
      const std::size_t eol = text.find_first_of("\r\n");
      if (text.substr(0, eol).find_first_not_of(" \t") != std::string_view::npos) {
         throw rejected_input(offset, "free-text line interrupted by markup");
      }
      interrupted_ = eol == std::string_view::npos && piece.find_first_of("\r\n") == std::string_view::npos;
   }

   void write_line(redaction_output& out)
   {
      line_written_ = false;
      auto guard = [this, &out](std::string_view bytes) { emit_guarded(bytes, out); };
      redaction_output guarded = out.redirected(guard);
      if (!encoded_ || line_.find('&') == std::string::npos) {
         lines_.on_line(line_, line_offset_, guarded);
      }
      else {
         write_decoded_line(guarded);
      }
      line_.clear();
      pending_cr_ = cr::none;
   }

   // A line that ends with a CR alone, then dropped lines, then an empty line: written
   // as they stand, the CR and the LF would make one line break, and the body would
   // read differently than the redacted text. No byte may be changed to keep them
   // apart, so the message is refused.
   void emit_guarded(std::string_view bytes, const redaction_output& out)
   {
      if (!line_written_ && ends_with_cr_ && bytes.front() == '\n') {
         throw rejected_input(line_offset_, "dropping a free-text line would join a CR and an LF into one line break");
      }
      line_written_ = true;
      ends_with_cr_ = bytes.back() == '\r';
      out.emit(bytes);
   }

   // A line written with references: judged decoded, written back in its own spelling.
   void write_decoded_line(redaction_output& out)
   {
      decoded_.assign(line_);
      redacted_.clear();
      const position_map positions{ line_offset_, decoded_.raw_positions };
      auto capture = [this](std::string_view bytes) { redacted_.append(bytes); };
      redaction_output decoded_out = out.redirected(capture, &positions);
      lines_.on_line(decoded_.text, line_offset_, decoded_out);
      if (redacted_ == decoded_.text) {
         out.emit(line_);
         return;
      }
      const bool aligned =
         respell(line_, redacted_, lines_.rules(), [&](std::string_view bytes) { out.emit(bytes); });
      if (!aligned) {
         throw rejected_input(line_offset_, "free-text line could not be redacted in its own spelling");
      }
   }

   free_text_line_redactor& lines_;
   std::size_t max_line_size_;
   std::string line_;
   std::size_t line_offset_ = 0;
   bool encoded_ = false;
   cr pending_cr_ = cr::none;  // line_ ends with a CR; an LF may still join it
   bool interrupted_ = false;
   bool line_written_ = false;  // some output of the current line was written
   bool ends_with_cr_ = false;  // the last byte written in this block is a CR
   decoded_text decoded_;
   std::string redacted_;
};

}  // namespace veil::xml
