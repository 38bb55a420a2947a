// 10,000 messages through veil-gateway over 8 connections at once: every one is
// accounted for in the audit (forwarded, withheld or rejected) and every forwarded one
// arrives as the library releases it. Prints the added latency (p50, p99) against the
// same clients talking to the fake switch directly; it is printed, not asserted.

#include "gateway_relay_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace veil_test;
using clock_type = std::chrono::steady_clock;

constexpr std::size_t connection_count = 8;
constexpr std::size_t messages_per_connection = 1250;
constexpr std::string_view withheld_notice = "WITHHELD";

// Connection c's i-th query: each connection is one agency (ICE on connection 7), asking
// in turn for every kind of response; every 50th asks for one that does not parse.
[[nodiscard]] std::string load_query(std::size_t c, std::size_t i)
{
   static constexpr std::string_view agencies[] = { "ORTEST001", "DCFBI0000", "WAKCS0000" };
   static constexpr std::pair<std::string_view, std::string_view> kinds[] = {
      { "DQ", "TXT" }, { "DQ", "XML" }, { "RQ", "TXT" }, { "RQ", "XML" }, { "IAQ", "TXT" }
   };
   const std::string_view ori = c == connection_count - 1 ? "VTICE0900" : agencies[c % 3];
   if (i % 50 == 49) {
      return gateway_query("BAD", ori, i % 100 == 99 ? "XML" : "TXT");
   }
   const auto& [key, wanted] = kinds[i % 5];
   return gateway_query(key, ori, wanted);
}

// What a client expects back for each distinct query: nothing (rejected), the notice, or
// the library's release.
[[nodiscard]] std::map<std::string, std::optional<std::string>> expected_replies()
{
   std::map<std::string, std::optional<std::string>> replies;
   for (std::size_t c = 0; c < connection_count; ++c) {
      for (std::size_t i = 0; i < 100; ++i) {
         const std::string q = load_query(c, i);
         std::string out;
         const veil::audit_record how = expected_release(upstream_response(q), out);
         replies[q] = how.rejected() ? std::nullopt
                                     : std::optional<std::string>(how.result == veil::outcome::withheld ? std::string(withheld_notice) : out);
      }
   }
   return replies;
}

struct run_result
{
   std::vector<double> latencies_us;  // round trips of the queries that get a reply
   std::size_t wrong = 0;             // replies missing or not as expected
};

// Runs every connection's queries one at a time against `port`, `per_connection` each.
run_result run_clients(unsigned short port, framing f, std::size_t per_connection,
                       const std::map<std::string, std::optional<std::string>>& replies)
{
   std::vector<run_result> results(connection_count);
   std::vector<std::thread> clients;
   for (std::size_t c = 0; c < connection_count; ++c) {
      clients.emplace_back([&, c] {
         framed_peer peer(connect_to_loopback(port), f);
         run_result& r = results[c];
         for (std::size_t i = 0; i < per_connection; ++i) {
            const std::string q = load_query(c, i);
            const std::optional<std::string>& expected = replies.at(q);
            const auto sent = clock_type::now();
            peer.send(q);
            if (!expected) {
               continue;
            }
            const std::optional<std::string> reply = peer.receive(std::chrono::seconds(10));
            r.latencies_us.push_back(std::chrono::duration<double, std::micro>(clock_type::now() - sent).count());
            if (reply != expected) {
               ++r.wrong;
               if (!reply) {
                  return;  // the connection is gone or stuck: do not wait for every query
               }
            }
         }
      });
   }
   for (std::thread& t : clients) {
      t.join();
   }
   run_result all;
   for (const run_result& r : results) {
      all.latencies_us.insert(all.latencies_us.end(), r.latencies_us.begin(), r.latencies_us.end());
      all.wrong += r.wrong;
   }
   std::sort(all.latencies_us.begin(), all.latencies_us.end());
   return all;
}

[[nodiscard]] double percentile(const std::vector<double>& sorted, double p)
{
   return sorted.empty() ? 0.0 : sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))];
}

}  // namespace

TEST_CASE("gateway: 10,000 messages over 8 connections are each accounted for in the audit")
{
   const auto replies = expected_replies();
   // Clients speak ETX-delimited frames, the switch length-prefixed ones.
   relay_config config;
   config.upstream_framing = framing{ framing::kind::length_prefix, '\0' };
   config.extra_args = { "--withheld-notice", std::string(withheld_notice) };
   relay_setup relay(config);

   // The same clients straight to the switch: what the gateway adds is the difference.
   const run_result direct = run_clients(relay.upstream().port(), config.upstream_framing, messages_per_connection / 5, [&] {
      auto unchanged = replies;
      for (auto& [q, reply] : unchanged) {
         reply = upstream_response(q);
      }
      return unchanged;
   }());
   CHECK(direct.wrong == 0);

   const auto start = clock_type::now();
   const run_result through = run_clients(relay.port(), config.client_framing, messages_per_connection, replies);
   const double seconds = std::chrono::duration<double>(clock_type::now() - start).count();
   CHECK(through.wrong == 0);

   const std::size_t total = connection_count * messages_per_connection;
   REQUIRE(relay.wait_for_audit(total, std::chrono::seconds(20)));
   CHECK(relay.gateway().stop() == 0);
   const std::vector<json_value> audit = relay.audit();
   CHECK(audit.size() == total);

   CHECK(inputs_distinct(audit));
   const std::size_t rejected = connection_count * (messages_per_connection / 50);
   const std::size_t withheld = messages_per_connection - messages_per_connection / 50;
   CHECK(count_outcome(audit, "rejected") == rejected);
   CHECK(count_outcome(audit, "withheld") == withheld);
   CHECK(count_outcome(audit, "redacted") + count_outcome(audit, "passed") == total - rejected - withheld);
   CHECK(through.latencies_us.size() == total - rejected);

   const double added_p50 = percentile(through.latencies_us, 0.50) - percentile(direct.latencies_us, 0.50);
   const double added_p99 = percentile(through.latencies_us, 0.99) - percentile(direct.latencies_us, 0.99);
   std::printf("veil-gateway: %zu messages over %zu connections in %.2f s; round trip p50 %.0f us, p99 %.0f us "
               "(direct p50 %.0f us, p99 %.0f us); added p50 %.0f us, p99 %.0f us\n",
               total, connection_count, seconds, percentile(through.latencies_us, 0.50),
               percentile(through.latencies_us, 0.99), percentile(direct.latencies_us, 0.50),
               percentile(direct.latencies_us, 0.99), added_p50, added_p99);
}
