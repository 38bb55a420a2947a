// veil-gateway run as an operator would: the policy reloaded on SIGHUP mid-traffic (a
// broken one refused), the audit log's chain kept through a rotation, the help text docs/gateway.md quotes, and mistakes refused at
// start with exit status 2.

#include "gateway_relay_support.hpp"
#include "sha256sum.hpp"

#include <veil/audit/chain_verifier.hpp>
#include <veil/audit/signing_key.hpp>
#include <veil/policy/sha256.hpp>

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace veil_test;

TEST_CASE("gateway: SIGHUP reloads the policy for the next message; a broken policy is refused and the old one kept")
{
   relay_setup relay;
   const std::string first_digest = sha256sum_of(relay.gateway().dir() / "policy.json");
   CHECK(contains(relay.gateway().stderr_text(),
                  "veil-gateway: policy: policy.json: no policy_version, sha256 " + first_digest + "\n"));
   framed_peer client = relay.client();
   const std::string query = gateway_query("DQ", "ORTEST001");
   const std::string response = upstream_response(query);
   REQUIRE(contains(response, "1234 EXAMPLE AVE"));

   client.send(query);
   const std::optional<std::string> before = client.receive();
   REQUIRE(before.has_value());
   CHECK_FALSE(contains(*before, "1234 EXAMPLE AVE"));

   // Nothing removed for anyone: the same connection now receives the response whole. The
   // list no rule names is suspect, not wrong: logged, and the policy is taken.
   relay.gateway().write_file("policy.json", R"({"version": 1, "policy_version": "2", "lists": {"unused": ["VTICE0900"]},
      "default": {"redact": []}})");
   const std::string second_digest = sha256sum_of(relay.gateway().dir() / "policy.json");
   REQUIRE(second_digest != first_digest);
   relay.gateway().signal(SIGHUP);
   REQUIRE(relay.gateway().wait_for_log("policy reloaded from policy.json", std::chrono::seconds(5)));
   CHECK(contains(relay.gateway().stderr_text(),
                  "veil-gateway: warning: policy.json: $.lists.unused: no rule names @unused, so the list decides "
                  "nothing\nveil-gateway: policy reloaded from policy.json: version 2, sha256 " +
                     second_digest + "\n"));
   client.send(query);
   CHECK(client.receive() == response);

   relay.gateway().write_file("policy.json", R"({"version": 1, "default": {"redact": ["adress"]}})");
   relay.gateway().signal(SIGHUP);
   REQUIRE(relay.gateway().wait_for_log("keeping the previous policy", std::chrono::seconds(5)));
   CHECK(contains(relay.gateway().stderr_text(), "veil-gateway: policy reload failed: policy.json: $.default.redact[0]"));
   client.send(query);
   CHECK(client.receive() == response);

   CHECK(relay.gateway().stop() == 0);
   const std::vector<json_value> audit = relay.audit();
   REQUIRE(audit.size() == 3);
   CHECK(string_at(audit[0], "outcome") == "redacted");
   CHECK(string_at(audit[1], "outcome") == "passed");
   CHECK(string_at(audit[2], "outcome") == "passed");
   // Each line names the policy that decided it: the first, then the reloaded one, kept
   // through the reload that failed.
   CHECK(audit[0].at("policy").keys() == std::vector<std::string>{ "name", "sha256" });
   CHECK(string_at(audit[0].at("policy"), "name") == "policy.json");
   CHECK(string_at(audit[0].at("policy"), "sha256") == first_digest);
   for (const json_value& reloaded : { audit[1], audit[2] }) {
      CHECK(string_at(reloaded.at("policy"), "name") == "policy.json");
      CHECK(string_at(reloaded.at("policy"), "version") == "2");
      CHECK(string_at(reloaded.at("policy"), "sha256") == second_digest);
   }
}

TEST_CASE("gateway: the audit chain goes on across a rotation (file moved, SIGHUP) and ends with a signed checkpoint")
{
   const veil::audit::signing_key key = veil::audit::signing_key::generate();
   const std::filesystem::path key_file =
      std::filesystem::temp_directory_path() / ("veil-gateway-audit-" + std::to_string(::getpid()) + ".key");
   std::ofstream(key_file) << key.seed_hex() << '\n';
   relay_setup relay(with_options({ "--audit-key", key_file.string() }));
   framed_peer client = relay.client();
   client.send(gateway_query("DQ", "ORTEST001"));
   REQUIRE(client.receive().has_value());
   REQUIRE(relay.wait_for_audit(1));  // the response
   const std::filesystem::path dir = relay.gateway().dir();
   std::filesystem::rename(dir / "audit.jsonl", dir / "audit.jsonl.1");
   relay.gateway().signal(SIGHUP);
   REQUIRE(relay.gateway().wait_for_log("policy reloaded", std::chrono::seconds(5)));
   client.send(gateway_query("RQ", "ORTEST001"));
   REQUIRE(client.receive().has_value());
   CHECK(relay.gateway().stop() == 0);
   std::filesystem::remove(key_file);

   veil::audit::chain_verifier verifier(key.public_half());
   std::size_t lines = 0;
   for (const char* name : { "audit.jsonl.1", "audit.jsonl" }) {
      const std::string text = read_file(dir / name);
      REQUIRE_FALSE(text.empty());
      std::size_t number = 0;
      for (std::size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
         const std::size_t end = text.find('\n', at);
         CHECK(verifier.line(name, ++number, std::string_view(text).substr(at, end + 1 - at)));
         ++lines;
      }
   }
   const veil::audit::chain_report r = verifier.finish();
   CHECK_MESSAGE(r.intact, r.problem);
   CHECK(r.first_seq == 1);
   CHECK(r.checkpoints == 1);
   CHECK(r.lines == lines);
}

TEST_CASE("gateway: without --policy it names its built-in default, by the digest of its text")
{
   gateway_process gateway({ "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:1" });
   REQUIRE(gateway.start() != 0);
   CHECK(contains(gateway.stderr_text(), "veil-gateway: policy: built-in default: no policy_version, sha256 " +
                                            veil::policy::sha256_hex(R"({"version": 1})") + "\n"));
   CHECK(gateway.stop() == 0);
}

TEST_CASE("gateway: on SIGTERM it stops accepting, delivers every response it has read, and exits 0")
{
   relay_setup relay;
   framed_peer client = relay.client();
   constexpr std::size_t in_flight = 40;
   for (std::size_t i = 0; i < in_flight; ++i) {
      client.send(gateway_query(i % 2 == 0 ? "DQ" : "RQ", "ORTEST001", i % 4 < 2 ? "TXT" : "XML"));
   }
   // Every response has been read and audited; some may still be on their way out.
   REQUIRE(relay.wait_for_audit(in_flight));
   relay.gateway().signal(SIGTERM);
   std::size_t delivered = 0;
   while (const std::optional<std::string> response = client.receive()) {
      CHECK((response->starts_with("DR.WAOLN0000") || response->starts_with("RR.WALIC0000") ||
             response->starts_with("<?xml")));
      ++delivered;
   }
   CHECK(delivered == in_flight);
   CHECK(client.closed());
   CHECK(relay.gateway().wait_exit(std::chrono::seconds(15)) == 0);
   CHECK(contains(relay.gateway().stderr_text(), "connection 1 closed: gateway shutting down"));
   CHECK_THROWS((void)relay.client());
}

TEST_CASE("gateway: docs/gateway.md quotes the help text as veil-gateway --help prints it")
{
   gateway_process gateway({ "--help" });
   CHECK(gateway.run_to_exit() == 0);
   const std::string help = gateway.read_file("stdout");
   CHECK(help.starts_with("usage: veil-gateway --listen HOST:PORT --upstream HOST:PORT"));
   for (const std::string_view option : { "--listen", "--upstream", "--policy", "--recipient-list", "--framing",
                                          "--client-framing", "--upstream-framing", "--max-frame", "--withheld-notice",
                                          "--idle-timeout", "--audit", "--audit-key", "--help" }) {
      CHECK(contains(help, "\n  " + std::string(option) + " "));
   }
   const std::string doc = read_file(std::filesystem::path(VEIL_SOURCE_DIR) / "docs" / "gateway.md");
   CHECK(contains(doc, "$ veil-gateway --help\n" + help + "```\n"));
}

TEST_CASE("gateway: mistakes in the command line or the policy stop it at start with exit status 2")
{
   const std::vector<std::vector<std::string>> mistakes{
      { "--upstream", "127.0.0.1:1" },
      { "--listen", "127.0.0.1:0", "--upstream", "nowhere" },
      { "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:1", "--framing", "len16" },
      { "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:1", "--max-frame", "lots" },
      { "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:1", "--policy", "preset:no-such-preset" },
      { "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:1", "--policy", "missing.json" },
      { "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:1", "--withheld-notice", "A\x03" "B" },
   };
   for (const std::vector<std::string>& args : mistakes) {
      gateway_process gateway(args);
      INFO(args.back());
      CHECK(gateway.run_to_exit() == 2);
      CHECK(gateway.stderr_text().starts_with("veil-gateway: "));
      CHECK_FALSE(contains(gateway.stderr_text(), "listening on"));
   }
}
