#pragma once
// Feeding PEGTL's buffered input from a source that hands out chunks of any size.

#include <veil/rejection.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace veil::detail {

// Presents a chunk source (any callable `size_t(char* buffer, size_t capacity)` that
// returns 0 at the end) to PEGTL, which expects each read to deliver all it asks for
// unless the input has ended: short reads are repeated until the request is filled, so
// the parse does not depend on how the input was split.
template <typename ChunkSource>
class filling_reader
{
public:
   filling_reader(ChunkSource& source, std::size_t max_message_size) noexcept
      : source_(source), max_(max_message_size)
   {}

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      std::size_t filled = 0;
      while (filled < capacity) {
         const std::size_t n = source_(buffer + filled, capacity - filled);
         if (n == 0) {
            break;
         }
         filled += n;
      }
      delivered_ += filled;
      if (delivered_ > max_) {
         throw rejected_input(max_, "message longer than " + std::to_string(max_) + " bytes");
      }
      return filled;
   }

private:
   ChunkSource& source_;
   std::size_t max_;
   std::size_t delivered_ = 0;
};

// A message already in memory, as a chunk source.
struct memory_source
{
   std::string_view rest;

   std::size_t operator()(char* buffer, std::size_t capacity) noexcept
   {
      const std::size_t n = std::min(capacity, rest.size());
      std::copy_n(rest.data(), n, buffer);
      rest.remove_prefix(n);
      return n;
   }
};

}  // namespace veil::detail
