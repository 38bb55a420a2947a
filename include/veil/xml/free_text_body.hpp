#pragma once
// The text of a free-text element (n2:ResponseText and its kin), cut into lines for the
// Nlets free-text redactor. The stream and DOM redactors both go through here, so both
// read a body alike:
//   - a line ends at LF, CR LF or a CR alone, the three line breaks of XML;
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
      while (!piece.empty()) {
         if (line_.empty()) {
            line_offset_ = offset;
            encoded_ = encoded;
         }
         std::size_t take = line_break_end(piece);
         if (take == std::string_view::npos) {
            take = piece.size();
         }
         if (line_.size() + take > max_line_size_ + 2) {
            throw rejected_input(line_offset_ + max_line_size_,
                                 "line longer than " + std::to_string(max_line_size_) + " bytes");
         }
         line_.append(piece.substr(0, take));
         piece.remove_prefix(take);
         offset += take;
         if (ends_line(piece)) {
            write_line(out);
         }
      }
   }

   // The block ends (markup, a child element, the end of a text node).
   void end_block(redaction_output& out)
   {
      if (!line_.empty()) {
         interrupted_ = !ends_with_line_break() && !nlets::internal::is_blank_line(line_);
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
      interrupted_ = false;
      ends_with_cr_ = false;
   }

private:
   // One past the line break in `piece`, or npos. A CR at the very end may be the first
   // half of CR LF: the line stays open until the next byte shows.
   [[nodiscard]] std::size_t line_break_end(std::string_view piece) const noexcept
   {
      if (!line_.empty() && line_.back() == '\r') {
         return piece.front() == '\n' ? 1 : 0;
      }
      const std::size_t at = piece.find_first_of("\r\n");
      if (at == std::string_view::npos || piece[at] == '\n') {
         return at == std::string_view::npos ? at : at + 1;
      }
      if (at + 1 == piece.size()) {
         return std::string_view::npos;
      }
      return piece[at + 1] == '\n' ? at + 2 : at + 1;
   }

   // Whether line_ is complete, with `rest` what follows it in the current piece.
   [[nodiscard]] bool ends_line(std::string_view rest) const noexcept
   {
      if (line_.empty()) {
         return false;
      }
      if (line_.back() == '\n') {
         return true;
      }
      return line_.back() == '\r' && !rest.empty();
   }

   // Whether line_ ends with a line break, as written or as a reference (&#10;).
   [[nodiscard]] bool ends_with_line_break() const
   {
      const std::size_t reference = line_.rfind('&');
      if (encoded_ && reference != std::string::npos && line_.find(';', reference) == line_.size() - 1) {
         std::string last;
         append_decoded(last, std::string_view(line_).substr(reference));
         return last == "\n" || last == "\r";
      }
      return line_.back() == '\n' || line_.back() == '\r';
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
         for_each_line(line_, line_offset_, guarded);
      }
      else {
         write_decoded_line(guarded);
      }
      line_.clear();
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
      for_each_line(decoded_.text, line_offset_, decoded_out);
      if (redacted_ == decoded_.text) {
         out.emit(line_);
         return;
      }
      const bool aligned =
         respell(line_, redacted_, out.applied_action(), [&](std::string_view bytes) { out.emit(bytes); });
      if (!aligned) {
         throw rejected_input(line_offset_, "free-text line could not be redacted in its own spelling");
      }
   }

   // Decoded text may hold line breaks that were references (&#10;): each line goes to
   // the line redactor on its own, as a tree walk would see it.
   void for_each_line(std::string_view text, std::size_t offset, redaction_output& out)
   {
      while (!text.empty()) {
         std::size_t end = text.find_first_of("\r\n");
         if (end == std::string_view::npos) {
            end = text.size();
         }
         else {
            end += (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1;
         }
         lines_.on_line(text.substr(0, end), offset, out);
         text.remove_prefix(end);
         offset += end;
      }
   }

   free_text_line_redactor& lines_;
   std::size_t max_line_size_;
   std::string line_;
   std::size_t line_offset_ = 0;
   bool encoded_ = false;
   bool interrupted_ = false;
   bool line_written_ = false;  // some output of the current line was written
   bool ends_with_cr_ = false;  // the last byte written in this block is a CR
   decoded_text decoded_;
   std::string redacted_;
};

}  // namespace veil::xml
