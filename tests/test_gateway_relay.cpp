// veil-gateway between clients and a fake switch, all on 127.0.0.1: each response
// arrives redacted for the recipient its header names, withheld ones never arrive,
// malformed and oversized ones are not forwarded, and the audit file accounts for each.

#include "gateway_relay_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace veil_test;

struct query_case
{
   std::string_view key;
   std::string_view wanted;  // TXT or XML
};

constexpr query_case every_response[] = { { "DQ", "TXT" }, { "DQ", "XML" }, { "RQ", "TXT" }, { "RQ", "XML" }, { "IAQ", "TXT" } };

}  // namespace

TEST_CASE("gateway: every response arrives redacted for its recipient, withheld ones never arrive, each is audited")
{
   relay_setup relay;
   framed_peer oregon = relay.client();
   framed_peer federal = relay.client();
   framed_peer ice = relay.client();

   for (const query_case& q : every_response) {
      ice.send(gateway_query(q.key, "VTICE0900", q.wanted));
   }
   for (const std::string_view ori : { "ORTEST001", "DCFBI0000" }) {
      framed_peer& client = ori == "ORTEST001" ? oregon : federal;
      for (const query_case& q : every_response) {
         INFO(ori << " " << q.key << " " << q.wanted);
         const std::string query = gateway_query(q.key, ori, q.wanted);
         client.send(query);
         const std::optional<std::string> arrived = client.receive();
         REQUIRE(arrived.has_value());
         std::string expected;
         const veil::audit_record how = expected_release(upstream_response(query), expected);
         CHECK(how.result == veil::outcome::redacted);
         CHECK(*arrived == expected);
         CHECK(contains(*arrived, ori));
         CHECK_FALSE(contains(*arrived, "1234 EXAMPLE AVE"));
         CHECK_FALSE(contains(*arrived, "RES ADDR: 1234"));
         CHECK_FALSE(contains(*arrived, "ARN/012345678"));
         if (ori == "DCFBI0000") {
            CHECK_FALSE(contains(*arrived, "XXX-XX-0000"));
         }
      }
   }

   REQUIRE(relay.wait_for_audit(15));
   CHECK_FALSE(ice.receive(std::chrono::milliseconds(300)).has_value());
   CHECK_FALSE(ice.closed());
   CHECK(relay.gateway().stop() == 0);

   // The switch got every query as the clients sent it.
   const std::vector<std::string> queries = relay.upstream().queries();
   CHECK(queries.size() == 15);
   for (const query_case& q : every_response) {
      CHECK(std::count(queries.begin(), queries.end(), gateway_query(q.key, "VTICE0900", q.wanted)) == 1);
   }

   const std::vector<json_value> audit = relay.audit();
   REQUIRE(audit.size() == 15);
   CHECK(count_outcome(audit, "redacted") == 10);
   CHECK(count_outcome(audit, "withheld") == 5);
   for (const json_value& line : audit) {
      const std::string_view recipient = line.at("recipients").items.at(0).text;
      INFO(recipient);
      CHECK(string_at(line, "time").size() == std::string_view("2026-11-26T21:30:05.123Z").size());
      CHECK((string_at(line, "outcome") == "withheld") == (recipient == "VTICE0900"));
      const std::string_view rule = line.at("rules").items.at(0).text;
      CHECK(rule == (recipient == "VTICE0900" ? "withhold-ice" : recipient == "DCFBI0000" ? "federal" : "default"));
      CHECK(string_at(line, "input").starts_with("conn "));
   }
   CHECK(inputs_distinct(audit));
}

TEST_CASE("gateway: --withheld-notice goes to the requester in place of a withheld response")
{
   relay_setup relay(with_options({ "--withheld-notice", "WITHHELD BY POLICY" }));
   framed_peer ice = relay.client();
   ice.send(gateway_query("DQ", "VTICE0900"));
   CHECK(ice.receive() == "WITHHELD BY POLICY");
   ice.send(gateway_query("IAQ", "VTICE0900"));
   CHECK(ice.receive() == "WITHHELD BY POLICY");
   CHECK(relay.gateway().stop() == 0);
   const std::vector<json_value> audit = relay.audit();
   REQUIRE(audit.size() == 2);
   CHECK(count_outcome(audit, "withheld") == 2);
}

TEST_CASE("gateway: a malformed response is not forwarded, is audited as rejected, and the connection goes on")
{
   relay_setup relay;
   framed_peer client = relay.client();
   client.send(gateway_query("BAD", "ORTEST001", "TXT"));
   client.send(gateway_query("BAD", "ORTEST001", "XML"));
   client.send(gateway_query("RQ", "ORTEST001"));
   const std::optional<std::string> arrived = client.receive();
   REQUIRE(arrived.has_value());
   CHECK(arrived->starts_with("RR.WALIC0000"));
   CHECK_FALSE(client.receive(std::chrono::milliseconds(200)).has_value());
   CHECK(relay.gateway().stop() == 0);

   const std::vector<json_value> audit = relay.audit();
   REQUIRE(audit.size() == 3);
   for (std::size_t i = 0; i < 2; ++i) {
      CHECK(string_at(audit[i], "outcome") == "rejected");
      CHECK(audit[i].find("error") != nullptr);
   }
   CHECK(string_at(audit[0], "format") == "nlets-text");
   CHECK(string_at(audit[1], "format") == "nlets-xml");
   CHECK(string_at(audit[2], "outcome") == "redacted");
}

TEST_CASE("gateway: an oversized frame either way closes its connection, is audited, and none of it is forwarded")
{
   for (const framing& f : { framing{}, framing{ framing::kind::length_prefix, '\0' } }) {
      INFO(framing_argument(f));
      relay_config config{ f, f, 8192, { "--max-frame", "4096" } };
      relay_setup relay(config);

      // From upstream: the response before it arrives, then the connection closes.
      framed_peer client = relay.client();
      client.send(gateway_query("DQ", "ORTEST001"));
      client.send(gateway_query("BIG", "ORTEST001"));
      const std::optional<std::string> first = client.receive();
      REQUIRE(first.has_value());
      CHECK(first->starts_with("DR.WAOLN0000"));
      CHECK_FALSE(client.receive().has_value());
      CHECK(client.closed());

      // From a client: the query never reaches the switch.
      framed_peer sender = relay.client();
      sender.send(gateway_query("DQ", "ORTEST001") + std::string(5000, 'Q'));
      CHECK_FALSE(sender.receive().has_value());
      CHECK(sender.closed());

      // Others are served as before.
      framed_peer next = relay.client();
      next.send(gateway_query("RQ", "ORTEST001"));
      CHECK(next.receive().has_value());

      CHECK(relay.gateway().stop() == 0);
      for (const std::string& q : relay.upstream().queries()) {
         CHECK(q.size() < 4096);
      }
      const std::vector<json_value> audit = relay.audit();
      REQUIRE(audit.size() == 4);
      CHECK(count_outcome(audit, "redacted") == 2);
      CHECK(count_outcome(audit, "rejected") == 2);
      std::size_t oversized = 0;
      for (const json_value& line : audit) {
         CHECK(string_at(line.at("policy"), "name") == "policy.json");  // refused under it
         if (string_at(line, "outcome") == "rejected") {
            CHECK(contains(string_at(line.at("error"), "reason"), "longer than --max-frame (4096 bytes)"));
            ++oversized;
         }
      }
      CHECK(oversized == 2);
      CHECK(gateway_process::count(relay.gateway().stderr_text(), "longer than --max-frame") == 2);
   }
}

TEST_CASE("gateway: an upstream that dies mid-response is reported, nothing of it is forwarded, new clients are served")
{
   relay_setup relay;
   framed_peer client = relay.client();
   client.send(gateway_query("DQ", "ORTEST001"));
   REQUIRE(client.receive().has_value());
   client.send(gateway_query("DIE", "ORTEST001"));
   CHECK_FALSE(client.receive().has_value());
   CHECK(client.closed());
   CHECK(relay.gateway().wait_for_log("upstream closed the connection", std::chrono::seconds(5)));

   framed_peer next = relay.client();
   next.send(gateway_query("IAQ", "ORTEST001"));
   const std::optional<std::string> arrived = next.receive();
   REQUIRE(arrived.has_value());
   CHECK(arrived->starts_with("IAR.VTICE0900"));
   CHECK(relay.upstream().connections() == 2);
   CHECK(relay.gateway().stop() == 0);
   CHECK(relay.audit().size() == 2);
}

TEST_CASE("gateway: a client that stops sending still receives the responses due to it")
{
   relay_setup relay;
   framed_peer client = relay.client();
   client.send(gateway_query("DQ", "ORTEST001"));
   client.send(gateway_query("RQ", "ORTEST001"));
   REQUIRE(::shutdown(client.fd(), SHUT_WR) == 0);
   const std::optional<std::string> first = client.receive();
   const std::optional<std::string> second = client.receive();
   REQUIRE(first.has_value());
   REQUIRE(second.has_value());
   CHECK(first->starts_with("DR.WAOLN0000"));
   CHECK(second->starts_with("RR.WALIC0000"));
   // Upstream sees the end of the queries, closes, and so does the gateway.
   CHECK_FALSE(client.receive().has_value());
   CHECK(client.closed());
   CHECK(relay.gateway().stop() == 0);
   CHECK(relay.audit().size() == 2);
}

TEST_CASE("gateway: a connection pair idle for --idle-timeout is closed")
{
   relay_setup relay(with_options({ "--idle-timeout", "1" }));
   framed_peer client = relay.client();
   client.send(gateway_query("DQ", "ORTEST001"));
   REQUIRE(client.receive().has_value());
   const auto start = std::chrono::steady_clock::now();
   CHECK_FALSE(client.receive(std::chrono::seconds(5)).has_value());
   CHECK(client.closed());
   CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(900));
   CHECK(relay.gateway().wait_for_log("connection 1 closed: idle for 1 s", std::chrono::seconds(5)));
   CHECK(relay.gateway().stop() == 0);
}
