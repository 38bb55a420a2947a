#pragma once
// A gateway test setup: the fake switch on loopback, veil-gateway started in front of
// it, clients connected to the gateway, and the audit file read back line by line.

#include "gateway_process_support.hpp"
#include "gateway_socket_support.hpp"
#include "gateway_upstream_support.hpp"
#include "json_checker.hpp"

#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace veil_test {

// The policy the relay tests run under: ICE receives nothing, federal agencies get SSNs,
// addresses and immigration fields masked, everyone else loses addresses and immigration
// fields.
inline constexpr std::string_view gateway_test_policy = R"({
   "version": 1,
   "lists": { "immigration_enforcement": ["VTICE0900"] },
   "default": { "redact": ["address", "immigration"] },
   "rules": [
      { "name": "withhold-ice", "match": { "recipient": ["@immigration_enforcement"] }, "withhold": true },
      { "name": "federal", "match": { "recipient": ["DC*"] }, "redact": ["address", "immigration", "ssn"], "action": "mask" }
   ]
})";

struct relay_config
{
   framing client_framing{};
   framing upstream_framing{};
   std::size_t upstream_big_size = 0;
   std::vector<std::string> extra_args;  // besides --listen, --upstream, --policy and --audit
};

// The default setup with `extra` options.
[[nodiscard]] inline relay_config with_options(std::vector<std::string> extra)
{
   relay_config config;
   config.extra_args = std::move(extra);
   return config;
}

[[nodiscard]] inline std::string framing_argument(const framing& f)
{
   if (f.how == framing::kind::length_prefix) {
      return "len32";
   }
   constexpr char hex[] = "0123456789abcdef";
   const auto byte = static_cast<unsigned char>(f.delimiter);
   return std::string("delim:0x") + hex[byte >> 4] + hex[byte & 0xF];
}

class relay_setup
{
public:
   explicit relay_setup(const relay_config& config = {})
      : config_(config), upstream_(config.upstream_framing, config.upstream_big_size), gateway_(arguments(config))
   {
      gateway_.write_file("policy.json", gateway_test_policy);
      port_ = gateway_.start();
      if (port_ == 0) {
         throw std::runtime_error("the gateway did not start: " + gateway_.stderr_text());
      }
   }

   [[nodiscard]] fake_upstream& upstream() noexcept { return upstream_; }
   [[nodiscard]] gateway_process& gateway() noexcept { return gateway_; }
   [[nodiscard]] unsigned short port() const noexcept { return port_; }

   [[nodiscard]] framed_peer client() const { return framed_peer(connect_to_loopback(port_), config_.client_framing); }

   // The audit file's lines, each checked to be one JSON object.
   [[nodiscard]] std::vector<json_value> audit() const
   {
      std::vector<json_value> lines;
      const std::string text = gateway_.read_file("audit.jsonl");
      for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
         end = text.find('\n', start);
         if (end == std::string::npos) {
            throw std::runtime_error("the audit file ends inside a line");
         }
         std::optional<json_value> line = json_reader::parse(std::string_view(text).substr(start, end - start));
         if (!line || line->type != json_value::kind::object) {
            throw std::runtime_error("audit line is not a JSON object: " + text.substr(start, end - start));
         }
         lines.push_back(std::move(*line));
      }
      return lines;
   }

   // Waits until the audit file has at least `n` lines; false when it does not in time.
   [[nodiscard]] bool wait_for_audit(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const
   {
      const auto deadline = std::chrono::steady_clock::now() + timeout;
      while (gateway_process::count(gateway_.read_file("audit.jsonl"), "\n") < n) {
         if (std::chrono::steady_clock::now() >= deadline) {
            return false;
         }
         std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      return true;
   }

private:
   [[nodiscard]] std::vector<std::string> arguments(const relay_config& config) const
   {
      std::vector<std::string> args{ "--listen",
                                     "127.0.0.1:0",
                                     "--upstream",
                                     "127.0.0.1:" + std::to_string(upstream_.port()),
                                     "--policy",
                                     "policy.json",
                                     "--audit",
                                     "audit.jsonl",
                                     "--client-framing",
                                     framing_argument(config.client_framing),
                                     "--upstream-framing",
                                     framing_argument(config.upstream_framing) };
      args.insert(args.end(), config.extra_args.begin(), config.extra_args.end());
      return args;
   }

   relay_config config_;
   fake_upstream upstream_;
   gateway_process gateway_;
   unsigned short port_ = 0;
};

// What the library releases of `response` under the test policy, for comparison with
// what arrives through the gateway; the audit record says how.
[[nodiscard]] inline veil::audit_record expected_release(const std::string& response, std::string& out)
{
   static const veil::policy::policy_redactor redactor{ veil::policy::read_policy(gateway_test_policy) };
   return redactor.redact(veil::detect_format(response), response, out);
}

[[nodiscard]] inline bool contains(std::string_view text, std::string_view part)
{
   return text.find(part) != std::string_view::npos;
}

[[nodiscard]] inline std::string_view string_at(const json_value& object, std::string_view key)
{
   const json_value* v = object.find(key);
   return v != nullptr && v->type == json_value::kind::string ? std::string_view(v->text) : std::string_view();
}

// How many audit lines have this outcome.
[[nodiscard]] inline std::size_t count_outcome(const std::vector<json_value>& audit, std::string_view outcome)
{
   return static_cast<std::size_t>(std::count_if(audit.begin(), audit.end(), [&](const json_value& line) {
      return string_at(line, "outcome") == outcome;
   }));
}

// True when no two audit lines name the same message (connection and number).
[[nodiscard]] inline bool inputs_distinct(const std::vector<json_value>& audit)
{
   std::vector<std::string> inputs;
   for (const json_value& line : audit) {
      inputs.emplace_back(string_at(line, "input"));
   }
   std::sort(inputs.begin(), inputs.end());
   return std::adjacent_find(inputs.begin(), inputs.end()) == inputs.end();
}

}  // namespace veil_test
