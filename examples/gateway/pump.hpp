#pragma once
// One direction of a connection pair: reads bytes from one socket, cuts them into frames,
// turns each frame into what goes out (the owner decides: as it is, redacted, a notice or
// nothing), frames that for the other side and writes it, and reads again only once the
// write is done. So a slow reader slows its writer down instead of filling memory: a pump
// holds one read chunk, at most one frame of --max-frame bytes, and the output of one chunk.

#include "framing.hpp"

#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace veil::gateway {

class pump
{
public:
   struct events
   {
      std::function<std::optional<std::string>(std::string_view frame)> message;  // what to send for it
      std::function<void(std::string_view partial_frame)> oversized;  // after what came before it is written
      std::function<void(const std::error_code&, bool writing)> ended;  // reading (or writing) failed or ended
      std::function<void()> received;                                    // bytes arrived
      std::function<void()> written;                                     // a write completed
   };

   pump(asio::ip::tcp::socket& from, asio::ip::tcp::socket& to, framing in, framing out, std::size_t max_frame,
        events on)
      : from_(from), to_(to), out_(out), reader_(in, max_frame), on_(std::move(on))
   {}

   // `owner` is kept alive by every operation in flight.
   void start(const std::shared_ptr<void>& owner) { read(owner); }

   // No event is reported after this; operations in flight end when the sockets close.
   void stop() noexcept { stopped_ = true; }

   [[nodiscard]] bool writing() const noexcept { return writing_; }

private:
   void read(const std::shared_ptr<void>& owner)
   {
      from_.async_read_some(asio::buffer(chunk_), [this, owner](const std::error_code& error, std::size_t n) {
         if (!succeeded(error, false)) {
            return;
         }
         on_.received();
         reader_.append(std::string_view(chunk_.data(), n));
         const bool too_long = take_frames();
         if (stopped_) {
            return;
         }
         if (outgoing_.empty()) {
            too_long ? on_.oversized(reader_.partial_frame()) : read(owner);
            return;
         }
         write(owner, too_long);
      });
   }

   // Turns every whole frame read so far into outgoing bytes; true when the next frame is
   // too long.
   bool take_frames()
   {
      std::string_view frame;
      for (frame_reader::result r; (r = reader_.next(frame)) != frame_reader::result::need_more;) {
         if (r == frame_reader::result::oversized) {
            return true;
         }
         if (frame.empty()) {
            continue;
         }
         if (std::optional<std::string> bytes = on_.message(frame)) {
            append_frame(out_, *bytes, outgoing_);
         }
      }
      return false;
   }

   void write(const std::shared_ptr<void>& owner, bool then_oversized)
   {
      writing_ = true;
      asio::async_write(to_, asio::buffer(outgoing_),
                        [this, owner, then_oversized](const std::error_code& error, std::size_t) {
                           writing_ = false;
                           outgoing_.clear();
                           if (!succeeded(error, true)) {
                              return;
                           }
                           on_.written();
                           if (stopped_) {
                              return;
                           }
                           then_oversized ? on_.oversized(reader_.partial_frame()) : read(owner);
                        });
   }

   // False when the pump was stopped meanwhile, or when the operation failed (reported).
   bool succeeded(const std::error_code& error, bool writing)
   {
      if (stopped_) {
         return false;
      }
      if (error) {
         on_.ended(error, writing);
         return false;
      }
      return true;
   }

   asio::ip::tcp::socket& from_;
   asio::ip::tcp::socket& to_;
   framing out_;
   frame_reader reader_;
   events on_;
   std::array<char, 64 * 1024> chunk_{};
   std::string outgoing_;
   bool writing_ = false;
   bool stopped_ = false;
};

}  // namespace veil::gateway
