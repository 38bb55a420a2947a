#pragma once
// One column of the HTML page of `veil explain`: the message as one recipient would get
// it. Bytes outside the fields are shown as they are; each field is marked by what it is
// and what happens to it, in words, and shows its value only when asked (else a chip that
// says it is not shown; its size is in the field table). A field inside another is shown
// inside it.

#include "explain_html_bytes.hpp"
#include "explain_plain_words.hpp"
#include "explanation.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace veil::cli {

inline constexpr std::size_t shown_mask_bytes = 40;

class html_column
{
public:
   html_column(const explanation& e, std::string_view message, std::size_t recipient, bool show_values) noexcept
      : e_(e), message_(message), recipient_(recipient), show_values_(show_values)
   {}

   [[nodiscard]] std::string render()
   {
      out_.clear();
      render_range(0, message_.size(), 0);
      return std::move(out_);
   }

private:
   // Renders message bytes [begin, end) with the fields from index `next` on that start
   // in it; returns the index of the first field after them. A field that overlaps the
   // one before it starts where that one ends.
   std::size_t render_range(std::size_t begin, std::size_t end, std::size_t next)
   {
      std::size_t at = begin;
      while (next < e_.fields.size() && e_.fields[next].offset < end) {
         const listed_field& f = e_.fields[next];
         const std::size_t start = std::max(f.offset, at);
         const std::size_t stop = std::max(start, std::min(f.end(), end));
         bytes(at, start);
         next = render_field(next, start, stop);
         at = stop;
      }
      bytes(at, end);
      return next;
   }

   // Bytes outside every field are always shown; those of a field only with its value.
   void bytes(std::size_t begin, std::size_t end)
   {
      if ((show_values_ || fields_open_ == 0) && begin < end) {
         append_html_bytes(out_, message_.substr(begin, end - begin));
      }
   }

   std::size_t render_field(std::size_t index, std::size_t start, std::size_t stop)
   {
      const listed_field& f = e_.fields[index];
      const fate what = f.fates[recipient_];
      out_ += "<span class=\"f " + std::string(name_of(what)) + "\"><span class=\"l\">" +
              html_escaped(plain_name_of(f)) + ": " + std::string(plain_name_of(what)) + "</span><span class=\"v\">";
      if (!show_values_) {
         out_ += "<span class=\"chip\">[value not shown]</span>";
      }
      std::size_t next = index + 1;
      if (what == fate::masked) {
         mask(f.received[recipient_]);
         while (next < e_.fields.size() && e_.fields[next].offset < stop) {
            ++next;  // masked with it
         }
      }
      else {
         ++fields_open_;
         next = render_range(start, stop, next);
         --fields_open_;
      }
      out_ += "</span></span>";
      return next;
   }

   // What a recipient gets of a masked field: the bytes when values are shown, else the
   // mask characters alone (none for an XML element, which a mask empties).
   void mask(std::string_view received)
   {
      if (show_values_) {
         append_html_bytes(out_, received);
         return;
      }
      const auto stars = static_cast<std::size_t>(std::count(received.begin(), received.end(), mask_byte));
      const std::string shown = stars == 0 ? std::string("emptied")
                                           : std::string(std::min(stars, shown_mask_bytes), mask_byte) +
                                                (stars > shown_mask_bytes ? "\xE2\x80\xA6" : "");
      out_ += "<span class=\"mask\">" + shown + "</span>";
   }

   const explanation& e_;
   std::string_view message_;
   std::size_t recipient_;
   bool show_values_;
   std::size_t fields_open_ = 0;  // how many fields the bytes being rendered are inside
   std::string out_;
};

}  // namespace veil::cli
