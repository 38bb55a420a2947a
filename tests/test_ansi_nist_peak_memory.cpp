// The promise that images cost no memory: a transaction of a Type-1, a Type-2, a Type-10
// photo and ten Type-14 fingerprints is redacted through redact_stream() in a child
// process, whose peak resident memory the kernel reports when it ends, once 5 MiB in all
// and once 50 MiB. The transaction is made on demand and the output counted, not kept, so
// what the child holds is the redactor's own memory; the two peaks may differ by noise,
// not by the 45 MiB between the transactions.

#include "ansi_nist_test_support.hpp"
#include "peak_memory_support.hpp"

#include <veil/ansi_nist/tagged_record.hpp>
#include <veil/category_mask.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::category_mask;

constexpr std::size_t fingerprints = 10;
constexpr std::size_t images = fingerprints + 1;

// A transaction made on demand and never held in memory: a Type-1, a Type-2 (name,
// photo flag, residence), one Type-10 photo and ten Type-14 fingerprints whose images
// are `image_size` bytes each, of every byte value, separators among them.
class fingerprint_card
{
public:
   explicit fingerprint_card(std::size_t image_size) : image_size_(image_size)
   {
      const std::string us(1, veil::ansi_nist::unit_separator);
      const std::string rs(1, veil::ansi_nist::record_separator);
      std::string cnt = "1.003:1" + us + std::to_string(images + 1) + rs + "2" + us + "00" + rs + "10" + us + "01";
      for (std::size_t i = 0; i < fingerprints; ++i) {
         cnt += rs + "14" + us + std::to_string(10 + i);
      }
      const std::string head =
         veil::ansi_nist::assemble_record(
            { "1.001:", "1.002:0502", cnt, "1.004:CAR", "1.007:WVIAFIS0Z", "1.008:WVMEDS001" }, "1.001:", 1) +
         veil::ansi_nist::assemble_record(
            { "2.001:", "2.002:00", "2.018:SAMPLE,SUBJECT", "2.036:Y", "2.041:RESIDENCE OF SUBJECT" }, "2.001:", 1);
      pieces_.push_back({ head, 0 });
      add_image_record(10, "01");
      for (std::size_t i = 0; i < fingerprints; ++i) {
         add_image_record(14, std::to_string(10 + i));
      }
   }

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      std::size_t written = 0;
      while (written < capacity && piece_ < pieces_.size()) {
         const piece& p = pieces_[piece_];
         if (at_ == p.text.size() + p.image) {
            ++piece_;
            at_ = 0;
            continue;
         }
         const std::size_t n = std::min(capacity - written, p.text.size() + p.image - at_);
         for (std::size_t i = 0; i < n; ++i, ++at_) {
            buffer[written + i] = at_ < p.text.size() ? p.text[at_] : static_cast<char>((at_ - p.text.size()) % 251);
         }
         written += n;
      }
      return written;
   }

   [[nodiscard]] std::size_t size() const noexcept
   {
      std::size_t n = 0;
      for (const piece& p : pieces_) {
         n += p.text.size() + p.image;
      }
      return n;
   }

   [[nodiscard]] std::size_t image_size() const noexcept { return image_size_; }

private:
   struct piece
   {
      std::string text;
      std::size_t image = 0;  // bytes made after the text
   };

   // "T.001:LEN", "T.002:IDC", "T.999:" and the image, then FS; the LEN is written with
   // ten digits, so that it is known before the record is.
   void add_image_record(unsigned type, const std::string& idc)
   {
      const std::string t = std::to_string(type);
      const std::string gs(1, veil::ansi_nist::group_separator);
      const std::string rest = gs + t + ".002:" + idc + gs + t + ".999:";
      const std::string length = std::to_string(t.size() + 5 + 10 + rest.size() + image_size_ + 1);
      pieces_.push_back({ t + ".001:" + std::string(10 - length.size(), '0') + length + rest, image_size_ });
      pieces_.push_back({ std::string(1, veil::ansi_nist::file_separator), 0 });
   }

   std::size_t image_size_;
   std::vector<piece> pieces_;
   std::size_t piece_ = 0;
   std::size_t at_ = 0;  // in pieces_[piece_]
};

// A transaction of `size` bytes or so, redacted under `mask`: what is written is all of it
// when nothing is masked, and less than all but the photo when the photo goes.
[[nodiscard]] std::size_t peak_memory_of_redaction(std::size_t size, category_mask mask)
{
   return veil_test::peak_memory_of([size, mask] {
      fingerprint_card source(size / images);
      std::size_t written = 0;
      const veil::audit_record audit = veil_test::make_ansi_nist_redactor(mask).redact_stream(
         source, [&written](std::string_view bytes) { written += bytes.size(); });
      const bool dropped = mask.contains(veil::category::photo);
      return !audit.rejected() &&
             (dropped ? written < source.size() - source.image_size() : written == source.size());
   });
}

// The same transaction read whole into memory, as an integrator without veil might: it
// shows that the measurement sees a transaction held whole.
[[nodiscard]] std::size_t peak_memory_of_reading_whole(std::size_t size)
{
   return veil_test::peak_memory_of([size] {
      fingerprint_card source(size / images);
      std::string whole(source.size(), '\0');
      return source(whole.data(), whole.size()) == whole.size() &&
             whole.back() == veil::ansi_nist::file_separator;
   });
}

}  // namespace

TEST_CASE("ansi-nist peak memory: a 50 MiB transaction costs no more memory than a 5 MiB one, photo dropped or kept")
{
   veil_test::check_memory_does_not_grow("transaction", peak_memory_of_redaction, peak_memory_of_reading_whole);
}
