#pragma once
// Loopback sockets for the gateway tests, plain POSIX with every wait bounded: a
// listening socket on 127.0.0.1 with a port the system picks, a connection to a port,
// and a client that sends and receives framed messages.

#include "../examples/gateway/framing.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace veil_test {

using namespace std::chrono_literals;
using veil::gateway::framing;

// Owns one file descriptor.
class socket_fd
{
public:
   socket_fd() = default;
   explicit socket_fd(int fd) noexcept : fd_(fd) {}
   socket_fd(socket_fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
   socket_fd& operator=(socket_fd&& other) noexcept
   {
      std::swap(fd_, other.fd_);
      return *this;
   }
   socket_fd(const socket_fd&) = delete;
   socket_fd& operator=(const socket_fd&) = delete;
   ~socket_fd()
   {
      if (fd_ >= 0) {
         ::close(fd_);
      }
   }

   [[nodiscard]] int get() const noexcept { return fd_; }

private:
   int fd_ = -1;
};

[[nodiscard]] inline sockaddr_in loopback(unsigned short port)
{
   sockaddr_in address{};
   address.sin_family = AF_INET;
   address.sin_port = htons(port);
   address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
   return address;
}

// A socket listening on 127.0.0.1 and the port the system gave it.
[[nodiscard]] inline std::pair<socket_fd, unsigned short> listen_on_loopback()
{
   socket_fd s(::socket(AF_INET, SOCK_STREAM, 0));
   sockaddr_in address = loopback(0);
   socklen_t size = sizeof address;
   if (s.get() < 0 || ::bind(s.get(), reinterpret_cast<sockaddr*>(&address), size) != 0 || ::listen(s.get(), 64) != 0 ||
       ::getsockname(s.get(), reinterpret_cast<sockaddr*>(&address), &size) != 0) {
      throw std::runtime_error("cannot listen on 127.0.0.1");
   }
   return { std::move(s), ntohs(address.sin_port) };
}

// Sends each message at once: with Nagle's algorithm, a message sent right after one that
// gets no reply would wait for a delayed acknowledgement (40 ms), which latency figures
// would then show.
inline void send_without_delay(const socket_fd& s)
{
   const int on = 1;
   ::setsockopt(s.get(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

[[nodiscard]] inline socket_fd connect_to_loopback(unsigned short port)
{
   socket_fd s(::socket(AF_INET, SOCK_STREAM, 0));
   const sockaddr_in address = loopback(port);
   if (s.get() < 0 || ::connect(s.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
   }
   send_without_delay(s);
   return s;
}

// True when `fd` can be read before `timeout` ends.
[[nodiscard]] inline bool readable_within(int fd, std::chrono::milliseconds timeout)
{
   pollfd p{ fd, POLLIN, 0 };
   int n;
   while ((n = ::poll(&p, 1, static_cast<int>(timeout.count()))) < 0 && errno == EINTR) {
   }
   return n > 0;
}

inline void send_all(int fd, std::string_view bytes)
{
   while (!bytes.empty()) {
      const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) {
         continue;
      }
      if (n <= 0) {
         throw std::runtime_error("send failed");
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
   }
}

// One end of a framed conversation.
class framed_peer
{
public:
   framed_peer(socket_fd s, framing f, std::size_t max_frame = std::size_t{ 16 } << 20)
      : socket_(std::move(s)), framing_(f), reader_(f, max_frame)
   {}

   [[nodiscard]] int fd() const noexcept { return socket_.get(); }

   void send(std::string_view message)
   {
      std::string bytes;
      veil::gateway::append_frame(framing_, message, bytes);
      send_all(socket_.get(), bytes);
   }

   // The next whole frame, or nullopt when none arrives within `timeout` or the peer
   // closes first (closed() then tells which).
   [[nodiscard]] std::optional<std::string> receive(std::chrono::milliseconds timeout = 10s)
   {
      const auto deadline = std::chrono::steady_clock::now() + timeout;
      for (;;) {
         std::string_view frame;
         const auto r = reader_.next(frame);
         if (r == veil::gateway::frame_reader::result::frame) {
            return std::string(frame);
         }
         if (r == veil::gateway::frame_reader::result::oversized) {
            throw std::runtime_error("oversized frame received");
         }
         const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
         if (closed_ || left.count() <= 0 || !readable_within(socket_.get(), left)) {
            return std::nullopt;
         }
         char buffer[64 * 1024];
         const ssize_t n = ::recv(socket_.get(), buffer, sizeof buffer, 0);
         if (n <= 0) {
            closed_ = n == 0 || errno != EINTR;
            continue;
         }
         reader_.append(std::string_view(buffer, static_cast<std::size_t>(n)));
      }
   }

   // True once the peer has closed the connection (only known after a receive).
   [[nodiscard]] bool closed() const noexcept { return closed_; }

private:
   socket_fd socket_;
   framing framing_;
   veil::gateway::frame_reader reader_;
   bool closed_ = false;
};

}  // namespace veil_test
