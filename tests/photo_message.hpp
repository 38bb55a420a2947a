#pragma once
// A large message for the tests that show memory does not grow with a photo's size.

#include <algorithm>
#include <cstddef>
#include <string>

namespace veil_test {

// A message made on demand and never held in memory: an Nlets envelope around a photo
// whose base64 text is `photo_size` bytes, then a kept element.
class photo_message
{
public:
   explicit photo_message(std::size_t photo_size) :
         head_("<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\" xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\">\n"
               "  <nc:PersonDigitalImage><nc:BinaryBase64Object>"),
         tail_(
            "</nc:BinaryBase64Object></nc:PersonDigitalImage>\n  <nc:PersonName>SAMPLE</nc:PersonName>\n</n2:NLETS>\n"),
         photo_size_(photo_size)
   {}

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      largest_request_ = std::max(largest_request_, capacity);
      std::size_t written = 0;
      for (; written < capacity && position_ < size(); ++written, ++position_) {
         buffer[written] = byte_at(position_);
      }
      return written;
   }

   [[nodiscard]] std::size_t size() const noexcept { return head_.size() + photo_size_ + tail_.size(); }
   [[nodiscard]] std::size_t largest_request() const noexcept { return largest_request_; }

private:
   [[nodiscard]] char byte_at(std::size_t i) const noexcept
   {
      if (i < head_.size()) {
         return head_[i];
      }
      i -= head_.size();
      return i < photo_size_ ? "QUJD"[i % 4] : tail_[i - photo_size_];
   }

   std::string head_;
   std::string tail_;
   std::size_t photo_size_;
   std::size_t position_ = 0;
   std::size_t largest_request_ = 0;
};

}  // namespace veil_test
