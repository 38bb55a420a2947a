// redact_stream() must not depend on how its input is cut: fed a message in chunks split
// at any point, or at many points (down to one byte per chunk), it writes the bytes
// redact() writes for the whole message and returns the same audit. Its memory is set by
// the limits, not by the message: a body many times the reader's buffer streams through.

#include "nlets_test_support.hpp"
#include "sample_messages.hpp"
#include "chunk_invariance_support.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category_mask;


// Every single split point, every byte its own chunk, and random multi-splits.
void check_all_cuts(const veil_test::text_redactor& redactor, std::string_view message,
                    veil_test::message_generator& random)
{
   (void)veil_test::check_all_cuts(redactor, message, random, 20, message.size() / 2 + 1);
}

const std::vector<category_mask> masks{ veil::default_mask, category_mask::all(), category_mask::none() };

}  // namespace

TEST_CASE("nlets text chunk invariance: the sample messages, cut anywhere")
{
   veil_test::message_generator random(1);
   for (const veil_test::sample_message& sample : veil_test::sample_messages()) {
      CAPTURE(sample.name);
      for (const category_mask mask : masks) {
         for (const action applied : { action::drop, action::mask }) {
            check_all_cuts(veil_test::make_redactor(mask, applied), sample.bytes, random);
         }
      }
   }
}

TEST_CASE("nlets text chunk invariance: generated messages, cut anywhere")
{
   veil_test::message_generator generate(2);
   for (int i = 0; i < 60; ++i) {
      const veil_test::planted_message message = generate.any();
      const category_mask mask = generate.mask();
      const action applied = generate.chance(2) ? action::drop : action::mask;
      const veil_test::text_redactor redactor =
         veil_test::make_redactor(mask, applied, veil_test::generated_text_options());
      check_all_cuts(redactor, message.bytes, generate);
   }
}

TEST_CASE("nlets text chunk invariance: rejected messages, cut anywhere, name the same offset and reason")
{
   veil::nlets::text_options tight;
   tight.limits.max_field_size = 16;
   tight.limits.max_line_size = 24;
   tight.limits.max_message_size = 160;
   const veil_test::text_redactor redactor = veil_test::make_redactor(veil::default_mask, action::drop, tight);
   std::string too_long(veil_test::response_header);
   while (too_long.size() <= tight.limits.max_message_size) {
      too_long += "SHORT LINE\n";
   }
   const std::vector<std::string> messages{
      "DQ.ORTEST001.WA.NAM/X",                                            // no TXT
      "DQ.ORTEST001.WA.TXT\nNAM/A.SEXF",                                  // no '/'
      std::string("DQ.ORTEST001.WA.TXT\nNAM/A.POB/Z\0Z", 33),             // NUL in a field
      "DQ.ORTEST001.WA.TXT\nNAM/A.MIS/0123456789ABCDEFGH.SEX/F",           // field over the limit
      std::string(veil_test::response_header) + "LINE ONE\nLINE TWO IS MUCH TOO LONG FOR IT\n",  // line over the limit
      std::string(veil_test::response_header) + std::string(100, 'X'),  // ... and without a line end
      too_long,                                                          // message over the limit
   };
   veil_test::message_generator random(3);
   for (const std::string& message : messages) {
      REQUIRE(veil_test::redact_whole(redactor, message).whole.audit.rejected());
      check_all_cuts(redactor, message, random);
   }
}

namespace {

// A message made on demand and never held in memory: a header, then `count` units,
// every `every`-th of them the special one (the first included).
class repeated_message
{
public:
   repeated_message(std::string_view header, std::string_view unit, std::string_view special, std::size_t count,
                    std::size_t every)
      : unit_(unit), special_(special), count_(count), every_(every), pending_(header), size_(header.size())
   {
      size_ += specials() * special.size() + (count - specials()) * unit.size();
   }

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      largest_request_ = std::max(largest_request_, capacity);
      std::size_t written = 0;
      while (written < capacity) {
         if (pending_.empty()) {
            if (next_ == count_) {
               break;
            }
            pending_ = next_ % every_ == 0 ? special_ : unit_;
            ++next_;
         }
         const std::size_t n = std::min(capacity - written, pending_.size());
         std::copy_n(pending_.data(), n, buffer + written);
         pending_.remove_prefix(n);
         written += n;
      }
      return written;
   }

   [[nodiscard]] std::size_t specials() const noexcept { return (count_ + every_ - 1) / every_; }
   [[nodiscard]] std::size_t size() const noexcept { return size_; }
   [[nodiscard]] std::size_t largest_request() const noexcept { return largest_request_; }

private:
   std::string_view unit_;
   std::string_view special_;
   std::size_t count_;
   std::size_t every_;
   std::string_view pending_;
   std::size_t size_;
   std::size_t next_ = 0;
   std::size_t largest_request_ = 0;
};

constexpr std::size_t twenty_mib = std::size_t{ 20 } << 20;

// Streams `header` and over 20 MiB of `unit`s, every 50 000th one `special` instead,
// with limits of 4 KiB. Each special unit holds one field the default mask drops,
// `removed` bytes long with its separator; `mark` is in that field and nowhere else.
void check_twenty_mib(std::string_view header, std::string_view unit, std::string_view special, std::size_t removed,
                      std::string_view mark)
{
   repeated_message source(header, unit, special, twenty_mib / std::min(unit.size(), special.size()) + 1, 50'000);
   veil::nlets::text_options options;
   options.limits.max_line_size = 4096;
   options.limits.max_field_size = 4096;
   options.limits.max_message_size = std::size_t{ 64 } << 20;
   const veil_test::text_redactor redactor = veil_test::make_redactor(veil::default_mask, action::drop, options);
   std::size_t written = 0;
   bool mark_written = false;
   const veil::audit_record audit = redactor.redact_stream(source, [&](std::string_view bytes) {
      written += bytes.size();
      mark_written = mark_written || bytes.find(mark) != std::string_view::npos;
   });
   CHECK(audit.result == veil::outcome::redacted);
   CHECK(audit.fields.size() == source.specials());
   CHECK_FALSE(mark_written);
   CHECK(written == source.size() - source.specials() * removed);
   // The reader never had room for more than the limits allow (about one line or field
   // plus the header), not for the 20 MiB it read.
   CHECK(source.largest_request() <= 8192);
}

}  // namespace

TEST_CASE("nlets text chunk invariance: a 20 MiB free-text body streams through a buffer of a few KiB")
{
   constexpr std::string_view address = "RES ADDR: 1234 EXAMPLE AVE APT 5\n";
   check_twenty_mib(veil_test::response_header, "NAM/SAMPLE,PAT Q  DOB/19800229  SEX/M  LIC/SYN0001\n", address,
                    address.size(), "EXAMPLE AVE");
}

TEST_CASE("nlets text chunk invariance: a 20 MiB query streams through a buffer of a few KiB")
{
   check_twenty_mib(veil_test::query_header, "NAM/SAMPLE,PAT Q.DOB/19800229.SEX/M.\r\n",
                    "POB/ZZ.NAM/SAMPLE,PAT Q.DOB/19800229.\r\n", std::string_view("POB/ZZ.").size(), "POB/");
}
