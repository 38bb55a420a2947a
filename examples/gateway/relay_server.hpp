#pragma once
// Accepts clients, gives each a relay_session of its own, and keeps track of them so that
// a shutdown can stop accepting and drain every pair (forcing them closed after a grace
// period, so that a stuck peer cannot keep the process alive).

#include "log.hpp"
#include "relay_context.hpp"
#include "relay_session.hpp"

#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace veil::gateway {

inline constexpr std::chrono::seconds shutdown_grace{ 10 };

// "127.0.0.1:7000", "[::1]:7000".
[[nodiscard]] inline std::string to_host_port(const asio::ip::tcp::endpoint& e)
{
   const std::string host = e.address().to_string();
   return (e.address().is_v6() ? "[" + host + "]" : host) + ":" + std::to_string(e.port());
}

class relay_server
{
public:
   relay_server(asio::io_context& io, const relay_context& context, const asio::ip::tcp::endpoint& listen,
                asio::ip::tcp::resolver::results_type upstream)
      : context_(context), acceptor_(io, listen), upstream_(std::move(upstream)), retry_timer_(io), grace_timer_(io)
   {}

   [[nodiscard]] asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

   void start() { accept(); }

   void shut_down()
   {
      shutting_down_ = true;
      std::error_code ignored;
      acceptor_.close(ignored);
      retry_timer_.cancel();
      for (const std::shared_ptr<relay_session>& s : live_sessions()) {
         s->drain();
      }
      if (sessions_.empty()) {
         return;
      }
      grace_timer_.expires_after(shutdown_grace);
      grace_timer_.async_wait([this](const std::error_code& error) {
         if (error) {
            return;
         }
         for (const std::shared_ptr<relay_session>& s : live_sessions()) {
            s->close("still writing " + std::to_string(shutdown_grace.count()) + " s after shutdown began");
         }
      });
   }

private:
   void accept()
   {
      acceptor_.async_accept([this](const std::error_code& error, asio::ip::tcp::socket client) {
         if (shutting_down_) {
            return;
         }
         if (error) {
            // Out of descriptors, most likely: try again shortly instead of spinning.
            log_line("accept failed: " + error.message());
            retry_timer_.expires_after(std::chrono::milliseconds(100));
            retry_timer_.async_wait([this](const std::error_code& e) {
               if (!e) {
                  accept();
               }
            });
            return;
         }
         open_session(std::move(client));
         accept();
      });
   }

   void open_session(asio::ip::tcp::socket client)
   {
      const std::uint64_t id = ++last_id_;
      std::error_code ignored;
      log_line("connection " + std::to_string(id) + " from " + to_host_port(client.remote_endpoint(ignored)));
      auto session = std::make_shared<relay_session>(id, std::move(client), context_,
                                                     [this](std::uint64_t closed) { forget(closed); });
      sessions_.emplace(id, session);
      session->start(upstream_);
   }

   void forget(std::uint64_t id)
   {
      sessions_.erase(id);
      if (shutting_down_ && sessions_.empty()) {
         grace_timer_.cancel();
      }
   }

   // Closing a session removes it from sessions_: iterate over a copy.
   [[nodiscard]] std::vector<std::shared_ptr<relay_session>> live_sessions() const
   {
      std::vector<std::shared_ptr<relay_session>> live;
      for (const auto& [id, session] : sessions_) {
         if (std::shared_ptr<relay_session> s = session.lock()) {
            live.push_back(std::move(s));
         }
      }
      return live;
   }

   const relay_context& context_;
   asio::ip::tcp::acceptor acceptor_;
   asio::ip::tcp::resolver::results_type upstream_;
   asio::steady_timer retry_timer_;
   asio::steady_timer grace_timer_;
   std::map<std::uint64_t, std::weak_ptr<relay_session>> sessions_;
   std::uint64_t last_id_ = 0;
   bool shutting_down_ = false;
};

}  // namespace veil::gateway
