#pragma once
// The command line of veil-gateway (usage.hpp explains each option).

#include "../cli/arguments.hpp"
#include "../cli/policy_source.hpp"
#include "framing.hpp"
#include "host_port.hpp"

#include <charconv>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace veil::gateway {

using cli::usage_error;

struct options
{
   bool help = false;
   host_port listen;
   host_port upstream;
   cli::policy_source policy;
   framing client_framing;
   framing upstream_framing;
   std::size_t max_frame = std::size_t{ 1 } << 20;
   std::string withheld_notice;  // empty: send nothing
   std::chrono::seconds idle_timeout{ 300 };
   std::string audit_file;  // empty: stdout
   std::string audit_key_file;  // signs the audit log's checkpoints
};

namespace detail {

[[nodiscard]] inline host_port host_port_of(std::string_view option, std::string_view value)
{
   const std::optional<host_port> address = parse_host_port(value);
   if (!address) {
      throw usage_error(std::string(option) + " takes HOST:PORT, e.g. 127.0.0.1:7000, not '" + std::string(value) + "'");
   }
   return *address;
}

[[nodiscard]] inline framing framing_of(std::string_view option, std::string_view value)
{
   const std::optional<framing> f = parse_framing(value);
   if (!f) {
      throw usage_error(std::string(option) + " takes len32, delim or delim:0xNN, not '" + std::string(value) + "'");
   }
   return *f;
}

[[nodiscard]] inline std::uint64_t number_of(std::string_view option, std::string_view value, std::uint64_t largest)
{
   std::uint64_t n = 0;
   const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
   if (error != std::errc{} || end != value.data() + value.size() || n > largest) {
      throw usage_error(std::string(option) + " takes a number up to " + std::to_string(largest) + ", not '" +
                        std::string(value) + "'");
   }
   return n;
}

// A notice must fit in one frame of the framing it goes out with.
inline void check_notice_fits(const options& o)
{
   const bool delimited = o.client_framing.how == framing::kind::delimiter;
   if (delimited && o.withheld_notice.find(o.client_framing.delimiter) != std::string::npos) {
      throw usage_error("--withheld-notice holds the client framing's delimiter byte");
   }
}

}  // namespace detail

[[nodiscard]] inline options parse_options(cli::arguments args)
{
   options o;
   bool listen_given = false;
   bool upstream_given = false;
   while (!args.done()) {
      const std::string_view option = args.take();
      if (option == "--help" || option == "-h") {
         o.help = true;
         return o;
      }
      if (option == "--listen") {
         o.listen = detail::host_port_of(option, args.value_of(option));
         listen_given = true;
      }
      else if (option == "--upstream") {
         o.upstream = detail::host_port_of(option, args.value_of(option));
         upstream_given = true;
      }
      else if (option == "--policy") {
         o.policy.policy = std::string(args.value_of(option));
      }
      else if (option == "--recipient-list") {
         o.policy.add_recipient_list(args.value_of(option));
      }
      else if (option == "--framing") {
         o.client_framing = o.upstream_framing = detail::framing_of(option, args.value_of(option));
      }
      else if (option == "--client-framing") {
         o.client_framing = detail::framing_of(option, args.value_of(option));
      }
      else if (option == "--upstream-framing") {
         o.upstream_framing = detail::framing_of(option, args.value_of(option));
      }
      else if (option == "--max-frame") {
         o.max_frame = detail::number_of(option, args.value_of(option), largest_length_prefix);
      }
      else if (option == "--withheld-notice") {
         o.withheld_notice = std::string(args.value_of(option));
      }
      else if (option == "--idle-timeout") {
         o.idle_timeout = std::chrono::seconds(detail::number_of(option, args.value_of(option), 365 * 24 * 3600));
      }
      else if (option == "--audit") {
         o.audit_file = std::string(args.value_of(option));
      }
      else if (option == "--audit-key") {
         o.audit_key_file = std::string(args.value_of(option));
      }
      else {
         throw usage_error("unknown option '" + std::string(option) + "'");
      }
   }
   if (!listen_given || !upstream_given) {
      throw usage_error("--listen and --upstream are required");
   }
   if (!o.policy.given() && !o.policy.recipient_lists.empty()) {
      throw usage_error("--recipient-list needs --policy");
   }
   if (o.max_frame == 0) {
      throw usage_error("--max-frame must be at least 1");
   }
   detail::check_notice_fits(o);
   return o;
}

}  // namespace veil::gateway
