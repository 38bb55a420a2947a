#pragma once
// One client connection and the upstream connection opened for it. Queries go up as they
// are; every message coming down is released by the policy (response_release.hpp) and
// audited. A client that stops sending still gets the responses due to it, until upstream
// closes; upstream ending, either side failing or sending an oversized frame ends the
// pair; so does a pair idle for --idle-timeout, and a drain (shutdown) once what was read
// is written.

#include "log.hpp"
#include "pump.hpp"
#include "relay_context.hpp"
#include "response_release.hpp"

#include <veil/audit.hpp>
#include <veil/format.hpp>

#include <asio/connect.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

namespace veil::gateway {

class relay_session : public std::enable_shared_from_this<relay_session>
{
public:
   using closed_handler = std::function<void(std::uint64_t id)>;

   relay_session(std::uint64_t id, asio::ip::tcp::socket client, const relay_context& context, closed_handler closed)
      : id_(id),
        context_(context),
        client_(std::move(client)),
        upstream_(client_.get_executor()),
        idle_timer_(client_.get_executor()),
        on_closed_(std::move(closed)),
        queries_(client_, upstream_, context.settings.client_framing, context.settings.upstream_framing,
                 context.settings.max_frame, events_of("client", "query", [this](std::string_view q) { return query(q); })),
        responses_(upstream_, client_, context.settings.upstream_framing, context.settings.client_framing,
                   context.settings.max_frame,
                   events_of("upstream", "response", [this](std::string_view r) { return response(r); }))
   {}

   void start(const asio::ip::tcp::resolver::results_type& upstream)
   {
      arm_idle_timer();
      asio::async_connect(upstream_, upstream,
                          [self = shared_from_this()](const std::error_code& error, const asio::ip::tcp::endpoint&) {
                             self->connected(error);
                          });
   }

   // Ends the pair as soon as nothing read is left to write.
   void drain()
   {
      draining_ = true;
      close_if_drained();
   }

   void close(const std::string& why)
   {
      if (closed_) {
         return;
      }
      closed_ = true;
      // Logged first, so that the log says why before a peer can see the close.
      log_line(name() + " closed: " + why);
      queries_.stop();
      responses_.stop();
      std::error_code ignored;
      client_.close(ignored);
      upstream_.close(ignored);
      idle_timer_.cancel();
      on_closed_(id_);
   }

private:
   using message_handler = std::function<std::optional<std::string>(std::string_view)>;

   [[nodiscard]] std::string name() const { return "connection " + std::to_string(id_); }

   pump::events events_of(std::string side, std::string frame_kind, message_handler message)
   {
      return {
         std::move(message),
         [this, side, frame_kind](std::string_view partial) { oversized(side, frame_kind, partial); },
         [this, side](const std::error_code& error, bool writing) {
            if (!writing && error == asio::error::eof && side == "client") {
               // No more queries: the responses still due are relayed until upstream closes.
               client_finished_ = true;
               std::error_code ignored;
               upstream_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
               return;
            }
            // A pump writes to the side it does not read from.
            const std::string failed = writing ? (side == "client" ? "upstream" : "client") : side;
            if (error != asio::error::eof) {
               close(failed + " failed: " + error.message());
               return;
            }
            close(client_finished_ ? "client closed the connection, upstream followed" : failed + " closed the connection");
         },
         [this] { last_activity_ = std::chrono::steady_clock::now(); },
         [this] { close_if_drained(); },
      };
   }

   void connected(const std::error_code& error)
   {
      if (closed_) {
         return;
      }
      if (error) {
         close("upstream " + context_.settings.upstream.host + ":" + std::to_string(context_.settings.upstream.port) +
               " unreachable: " + error.message());
         return;
      }
      // Each write is a whole message someone waits for: Nagle's algorithm would hold it
      // back until the previous one is acknowledged.
      std::error_code ignored;
      client_.set_option(asio::ip::tcp::no_delay(true), ignored);
      upstream_.set_option(asio::ip::tcp::no_delay(true), ignored);
      const std::shared_ptr<relay_session> self = shared_from_this();
      queries_.start(self);
      responses_.start(self);
   }

   std::optional<std::string> query(std::string_view q)
   {
      ++query_count_;
      return std::string(q);
   }

   std::optional<std::string> response(std::string_view message)
   {
      const std::string input = "conn " + std::to_string(id_) + " response " + std::to_string(++response_count_);
      release r = release_response(context_.policy.current(), message, input, context_.settings.withheld_notice);
      if (!context_.audit.write(std::move(r.audit))) {
         log_line(input + " not forwarded: its audit line could not be written");
         return std::nullopt;
      }
      return std::move(r.to_send);
   }

   void oversized(const std::string& side, const std::string& frame_kind, std::string_view partial)
   {
      const std::uint64_t number = (frame_kind == "query" ? query_count_ : response_count_) + 1;
      audit_record audit = new_audit_record(name_of(detect_format(partial)),
                                            "conn " + std::to_string(id_) + " " + frame_kind + " " + std::to_string(number));
      const std::string reason = "frame longer than --max-frame (" + std::to_string(context_.settings.max_frame) + " bytes)";
      mark_rejected(audit, rejection{ context_.settings.max_frame, reason });
      if (!context_.audit.write(context_.policy.current().stamped(std::move(audit)))) {
         log_line(name() + ": the audit line of an oversized frame could not be written");
      }
      close(side + " sent a " + reason);
   }

   void close_if_drained()
   {
      if (draining_ && !queries_.writing() && !responses_.writing()) {
         close("gateway shutting down");
      }
   }

   // Wakes at the earliest moment the pair can have been idle for the whole timeout.
   void arm_idle_timer()
   {
      const std::chrono::seconds idle = context_.settings.idle_timeout;
      if (idle.count() == 0) {
         return;
      }
      idle_timer_.expires_at(last_activity_ + idle);
      idle_timer_.async_wait([self = shared_from_this(), idle](const std::error_code& error) {
         if (error || self->closed_) {
            return;
         }
         if (std::chrono::steady_clock::now() - self->last_activity_ >= idle) {
            self->close("idle for " + std::to_string(idle.count()) + " s");
            return;
         }
         self->arm_idle_timer();
      });
   }

   std::uint64_t id_;
   const relay_context& context_;
   asio::ip::tcp::socket client_;
   asio::ip::tcp::socket upstream_;
   asio::steady_timer idle_timer_;
   closed_handler on_closed_;
   std::chrono::steady_clock::time_point last_activity_ = std::chrono::steady_clock::now();
   std::uint64_t query_count_ = 0;
   std::uint64_t response_count_ = 0;
   bool client_finished_ = false;  // the client sent its last query
   bool draining_ = false;
   bool closed_ = false;
   pump queries_;    // client to upstream
   pump responses_;  // upstream to client
};

}  // namespace veil::gateway
