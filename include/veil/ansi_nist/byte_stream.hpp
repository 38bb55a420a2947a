#pragma once
// A transaction read from a chunk source (any callable `size_t(char*, size_t)` that
// returns 0 at the end) with a buffer of bounded size: headers are peeked at, small
// records taken whole, and image records passed through or skipped in pieces, so a 50 MB
// transaction needs no more memory than its largest small record.

#include <veil/rejection.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace veil::ansi_nist {

template <typename ChunkSource>
class byte_stream
{
public:
   byte_stream(ChunkSource& source, std::size_t chunk_size) : source_(source), chunk_size_(chunk_size) {}

   // Offset in the input of the next byte.
   [[nodiscard]] std::size_t offset() const noexcept { return offset_; }

   // Up to `n` bytes ahead, fewer only at the end of the input.
   [[nodiscard]] std::string_view peek(std::size_t n)
   {
      fill(n);
      return std::string_view(buffer_).substr(position_, std::min(n, buffer_.size() - position_));
   }

   [[nodiscard]] bool at_end() { return peek(1).empty(); }

   // The next `n` bytes, which must be there.
   [[nodiscard]] std::string take(std::size_t n, const char* what)
   {
      std::string bytes;
      bytes.reserve(n);
      pass(n, what, [&bytes](std::string_view piece) { bytes += piece; });
      return bytes;
   }

   // Hands the next `n` bytes, which must be there, to `out` in pieces of at most the chunk
   // size; gives back the last of them.
   template <typename Out>
   char pass(std::size_t n, const char* what, Out&& out)
   {
      char last = '\0';
      while (n > 0) {
         const std::string_view piece = peek(std::min(n, chunk_size_));
         if (piece.empty()) {
            throw rejected_input(offset_, std::string("transaction ends inside ") + what);
         }
         out(piece);
         last = piece.back();
         position_ += piece.size();
         offset_ += piece.size();
         n -= piece.size();
      }
      return last;
   }

private:
   void fill(std::size_t n)
   {
      if (buffer_.size() - position_ >= n || ended_) {
         return;
      }
      buffer_.erase(0, position_);
      position_ = 0;
      while (buffer_.size() < n && !ended_) {
         const std::size_t had = buffer_.size();
         buffer_.resize(had + std::max(chunk_size_, n - had));
         const std::size_t got = source_(buffer_.data() + had, buffer_.size() - had);
         buffer_.resize(had + got);
         ended_ = got == 0;
      }
   }

   ChunkSource& source_;
   std::size_t chunk_size_;
   std::string buffer_;
   std::size_t position_ = 0;
   std::size_t offset_ = 0;
   bool ended_ = false;
};

}  // namespace veil::ansi_nist
