#pragma once
// How messages are cut out of a TCP byte stream, and put back into one: a 4-byte
// big-endian length before each message (len32), or one delimiter byte after it
// (delim:0xNN, ETX 0x03 by default). Kept free of sockets so that it can be tested alone.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace veil::gateway {

struct framing
{
   enum class kind : std::uint8_t { length_prefix, delimiter };
   kind how = kind::delimiter;
   char delimiter = '\x03';  // ETX
};

inline constexpr std::size_t length_prefix_size = 4;
inline constexpr std::uint64_t largest_length_prefix = 0xFFFFFFFFu;

// "len32", "delim" (ETX) or "delim:0xNN"; nullopt for anything else.
[[nodiscard]] inline std::optional<framing> parse_framing(std::string_view text)
{
   if (text == "len32") {
      return framing{ framing::kind::length_prefix, '\0' };
   }
   if (text == "delim") {
      return framing{};
   }
   constexpr std::string_view hex_delimiter = "delim:0x";
   if (!text.starts_with(hex_delimiter) || text.size() != hex_delimiter.size() + 2) {
      return std::nullopt;
   }
   unsigned value = 0;
   for (const char c : text.substr(hex_delimiter.size())) {
      const bool digit = c >= '0' && c <= '9';
      const bool lower = c >= 'a' && c <= 'f';
      const bool upper = c >= 'A' && c <= 'F';
      if (!digit && !lower && !upper) {
         return std::nullopt;
      }
      value = value * 16 + static_cast<unsigned>(digit ? c - '0' : (lower ? c - 'a' : c - 'A') + 10);
   }
   return framing{ framing::kind::delimiter, static_cast<char>(value) };
}

// Appends `message` to `out`, framed.
inline void append_frame(const framing& f, std::string_view message, std::string& out)
{
   if (f.how == framing::kind::length_prefix) {
      const auto n = static_cast<std::uint32_t>(message.size());
      for (const int shift : { 24, 16, 8, 0 }) {
         out += static_cast<char>((n >> shift) & 0xFFu);
      }
      out += message;
   }
   else {
      out += message;
      out += f.delimiter;
   }
}

// Collects the bytes of one direction and hands out whole frames. It holds at most one
// frame of `max_frame` bytes plus what one read adds: a longer frame is reported as
// oversized as soon as that is certain, and none of it is ever handed out.
class frame_reader
{
public:
   enum class result : std::uint8_t { frame, need_more, oversized };

   frame_reader(framing f, std::size_t max_frame) : framing_(f), max_frame_(max_frame) {}

   void append(std::string_view bytes) { buffer_ += bytes; }

   // The next whole frame in `frame` (valid until the next append), or why there is none.
   [[nodiscard]] result next(std::string_view& frame)
   {
      const result r = framing_.how == framing::kind::length_prefix ? next_length_prefixed(frame) : next_delimited(frame);
      if (r == result::need_more) {
         buffer_.erase(0, start_);
         scanned_ -= start_;
         start_ = 0;
      }
      return r;
   }

   // What has arrived of the frame that is not complete (or too long), without its
   // length prefix: enough to tell its format in the audit.
   [[nodiscard]] std::string_view partial_frame() const noexcept
   {
      const std::string_view rest = pending();
      const bool prefixed = framing_.how == framing::kind::length_prefix;
      return prefixed ? rest.substr(std::min(rest.size(), length_prefix_size)) : rest;
   }

private:
   [[nodiscard]] std::string_view pending() const noexcept { return std::string_view(buffer_).substr(start_); }

   result next_length_prefixed(std::string_view& frame)
   {
      const std::string_view rest = pending();
      if (rest.size() < length_prefix_size) {
         return result::need_more;
      }
      std::uint64_t length = 0;
      for (std::size_t i = 0; i < length_prefix_size; ++i) {
         length = length << 8 | static_cast<unsigned char>(rest[i]);
      }
      if (length > max_frame_) {
         return result::oversized;
      }
      if (rest.size() - length_prefix_size < length) {
         return result::need_more;
      }
      frame = rest.substr(length_prefix_size, length);
      start_ += length_prefix_size + length;
      scanned_ = start_;
      return result::frame;
   }

   result next_delimited(std::string_view& frame)
   {
      // Bytes already searched are not searched again when more arrive.
      const std::size_t end = buffer_.find(framing_.delimiter, scanned_ < start_ ? start_ : scanned_);
      scanned_ = end == std::string::npos ? buffer_.size() : end;
      if (scanned_ - start_ > max_frame_) {
         return result::oversized;
      }
      if (end == std::string::npos) {
         return result::need_more;
      }
      frame = std::string_view(buffer_).substr(start_, end - start_);
      start_ = end + 1;
      scanned_ = start_;
      return result::frame;
   }

   framing framing_;
   std::size_t max_frame_;
   std::string buffer_;
   std::size_t start_ = 0;    // where the next frame begins in buffer_
   std::size_t scanned_ = 0;  // delimited: how far buffer_ holds no delimiter
};

}  // namespace veil::gateway
