#pragma once
// A fake message switch on 127.0.0.1 for the gateway tests: it answers each query with
// the shipped sample response for its key (DQ: DR, RQ: RR, IAQ: IAR), in text or in XML
// as the query's header asks (its last part, TXT or XML), addressed to the agency that
// sent the query. Three keys ask for trouble: BAD gets a response that does not parse,
// BIG one longer than big_size bytes, and DIE half a response before the connection drops.

#include "gateway_socket_support.hpp"
#include "sample_messages.hpp"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace veil_test {

// The sample responses name this agency as their recipient.
inline constexpr std::string_view sample_recipient = "ORTEST001";

// A query of `key` from `ori`, asking for a response in `wanted` format (TXT or XML).
[[nodiscard]] inline std::string gateway_query(std::string_view key, std::string_view ori, std::string_view wanted = "TXT")
{
   return std::string(key) + "." + std::string(ori) + ".WA." + std::string(wanted) +
          "\nNAM/SAMPLE,PAT Q.DOB/19800229.SEX/M.";
}

[[nodiscard]] inline std::string example_message(std::string_view relative)
{
   return read_file(std::filesystem::path(VEIL_SOURCE_DIR) / "examples" / "messages" / relative);
}

// The response the fake switch sends for `query` (for BIG: of more than `big_size` bytes).
[[nodiscard]] inline std::string upstream_response(std::string_view query, std::size_t big_size = 0)
{
   const std::string_view first_line = query.substr(0, query.find('\n'));
   const std::string_view key = first_line.substr(0, first_line.find('.'));
   const std::size_t ori_start = key.size() + 1;
   const std::string ori(first_line.substr(ori_start, first_line.find('.', ori_start) - ori_start));
   const bool xml = first_line.ends_with(".XML");
   std::string response;
   if (key == "DQ") {
      response = example_message(xml ? "nlets-xml/dr-standardized.xml" : "nlets-text/dr.txt");
   }
   else if (key == "RQ") {
      response = example_message(xml ? "nlets-xml/rr.xml" : "nlets-text/rr.txt");
   }
   else if (key == "IAQ" || key == "DIE") {
      response = example_message("nlets-text/iar.txt");
   }
   else if (key == "BIG") {
      response = "DR.WAOLN0000\n" + std::string(big_size + 1, 'A');
   }
   else {
      // Ends inside its own header: no reader accepts it.
      response = xml ? R"(<?xml version="1.0"?><n2:NLETS xmlns:n2="http://www.nlets.org/niem/1.0"><n2:NLETSMessageHeader>)"
                     : "DR.WAOLN0000\n";
   }
   for (std::size_t at = response.find(sample_recipient); at != std::string::npos;
        at = response.find(sample_recipient, at + ori.size())) {
      response.replace(at, sample_recipient.size(), ori);
   }
   return response;
}

class fake_upstream
{
public:
   explicit fake_upstream(framing f, std::size_t big_size = 0) : framing_(f), big_size_(big_size)
   {
      auto [listener, port] = listen_on_loopback();
      listener_ = std::move(listener);
      port_ = port;
      acceptor_ = std::thread([this] { accept_loop(); });
   }
   fake_upstream(const fake_upstream&) = delete;
   fake_upstream& operator=(const fake_upstream&) = delete;
   ~fake_upstream()
   {
      stop_ = true;
      acceptor_.join();
      for (std::thread& t : connections_) {
         t.join();
      }
   }

   [[nodiscard]] unsigned short port() const noexcept { return port_; }
   [[nodiscard]] int connections() const noexcept { return accepted_; }

   // Every query received so far, in arrival order per connection.
   [[nodiscard]] std::vector<std::string> queries() const
   {
      const std::lock_guard lock(mutex_);
      return queries_;
   }

private:
   void accept_loop()
   {
      while (!stop_) {
         if (!readable_within(listener_.get(), 50ms)) {
            continue;
         }
         socket_fd s(::accept(listener_.get(), nullptr, nullptr));
         if (s.get() >= 0) {
            send_without_delay(s);
            ++accepted_;
            connections_.emplace_back([this, peer = framed_peer(std::move(s), framing_)]() mutable { serve(peer); });
         }
      }
   }

   void serve(framed_peer& peer)
   {
      while (!stop_ && !peer.closed()) {
         const std::optional<std::string> query = peer.receive(50ms);
         if (!query) {
            continue;
         }
         {
            const std::lock_guard lock(mutex_);
            queries_.push_back(*query);
         }
         const std::string response = upstream_response(*query, big_size_);
         if (query->starts_with("DIE")) {
            std::string framed;
            veil::gateway::append_frame(framing_, response, framed);
            send_all(peer.fd(), std::string_view(framed).substr(0, framed.size() / 2));
            return;  // the connection closes with the peer
         }
         peer.send(response);
      }
   }

   framing framing_;
   std::size_t big_size_;
   socket_fd listener_;
   unsigned short port_ = 0;
   std::atomic<bool> stop_ = false;
   std::atomic<int> accepted_ = 0;
   std::thread acceptor_;
   std::vector<std::thread> connections_;  // touched by the accept thread and the destructor only
   mutable std::mutex mutex_;
   std::vector<std::string> queries_;
};

}  // namespace veil_test
