#pragma once
// A generated message as a list of pieces: text written as it is, and runs of bytes made
// from a seed on demand (image data, base64 text). The same plan gives the message whole
// (append_to) for the passes over a corpus held in memory, and in chunks (plan_source)
// for the peak-memory runs, where a message of any size reaches a streaming redactor
// without ever being held whole.

#include "random.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil_bench {

enum class run_kind : std::uint8_t {
   binary,  // any byte value, separators among them, as image data holds
   base64   // the base64 alphabet in lines of 76, as an XML photo is written
};

class message_plan
{
public:
   void add_text(std::string_view text)
   {
      if (pieces_.empty() || pieces_.back().run > 0) {
         pieces_.push_back({});
      }
      pieces_.back().text += text;
   }

   void add_run(std::size_t size, run_kind kind, std::uint64_t seed)
   {
      if (pieces_.empty() || pieces_.back().run > 0) {
         pieces_.push_back({});
      }
      pieces_.back().run = size;
      pieces_.back().kind = kind;
      pieces_.back().seed = seed;
   }

   [[nodiscard]] std::size_t size() const noexcept
   {
      std::size_t n = 0;
      for (const piece& p : pieces_) {
         n += p.text.size() + p.run;
      }
      return n;
   }

   // The whole message, appended to `out`.
   void append_to(std::string& out) const
   {
      for (const piece& p : pieces_) {
         out += p.text;
         const std::size_t start = out.size();
         out.resize(start + p.run);
         p.write_run(0, p.run, out.data() + start);
      }
   }

   [[nodiscard]] std::string bytes() const
   {
      std::string out;
      out.reserve(size());
      append_to(out);
      return out;
   }

private:
   friend class plan_source;

   struct piece
   {
      std::string text;
      std::size_t run = 0;  // bytes made after the text
      run_kind kind = run_kind::binary;
      std::uint64_t seed = 0;

      // Bytes [from, from + n) of the run into `out`: each depends on its position only.
      void write_run(std::size_t from, std::size_t n, char* out) const noexcept
      {
         static constexpr std::string_view alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
         for (std::size_t i = from; i < from + n; ++i) {
            const auto byte = static_cast<unsigned char>(mix(seed ^ (i >> 3)) >> ((i & 7) * 8));
            if (kind == run_kind::binary) {
               *out++ = static_cast<char>(byte);
            }
            else {
               *out++ = i % 77 == 76 ? '\n' : alphabet[byte & 63];
            }
         }
      }
   };

   std::vector<piece> pieces_;
};

// A plan as a chunk source (`size_t(char* buffer, size_t capacity)`, 0 at the end).
class plan_source
{
public:
   explicit plan_source(const message_plan& plan) noexcept : plan_(plan) {}

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      std::size_t written = 0;
      while (written < capacity && piece_ < plan_.pieces_.size()) {
         const message_plan::piece& p = plan_.pieces_[piece_];
         if (at_ == p.text.size() + p.run) {
            ++piece_;
            at_ = 0;
            continue;
         }
         if (at_ < p.text.size()) {
            const std::size_t n = std::min(capacity - written, p.text.size() - at_);
            std::copy_n(p.text.data() + at_, n, buffer + written);
            written += n;
            at_ += n;
            continue;
         }
         const std::size_t n = std::min(capacity - written, p.text.size() + p.run - at_);
         p.write_run(at_ - p.text.size(), n, buffer + written);
         written += n;
         at_ += n;
      }
      return written;
   }

private:
   const message_plan& plan_;
   std::size_t piece_ = 0;
   std::size_t at_ = 0;  // in plan_.pieces_[piece_]
};

}  // namespace veil_bench
