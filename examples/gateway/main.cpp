// veil-gateway: a redacting TCP relay between requesting agencies and a message switch
// (usage.hpp; docs/gateway.md). One thread runs every connection and the signals.

#include "audit_log.hpp"
#include "gateway_policy.hpp"
#include "log.hpp"
#include "options.hpp"
#include "relay_context.hpp"
#include "relay_server.hpp"
#include "usage.hpp"

#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/signal_set.hpp>

#include <csignal>
#include <exception>
#include <functional>
#include <iostream>
#include <string>

namespace {

using namespace veil::gateway;

[[nodiscard]] asio::ip::tcp::resolver::results_type resolve(asio::io_context& io, const host_port& where,
                                                            asio::ip::resolver_base::flags flags = {})
{
   asio::ip::tcp::resolver resolver(io);
   return resolver.resolve(where.host, std::to_string(where.port), flags);
}

// SIGHUP reloads the policy and reopens the audit file; SIGTERM and SIGINT shut down.
void handle_signals(asio::signal_set& signals, gateway_policy& policy, audit_log& audit, relay_server& server)
{
   signals.async_wait([&](const std::error_code& error, int signal) {
      if (error) {
         return;
      }
      if (signal != SIGHUP) {
         log_line("shutting down");
         server.shut_down();
         return;
      }
      policy.reload();
      try {
         audit.reopen();
      }
      catch (const std::exception& e) {
         log_line(std::string(e.what()) + "; keeping the previous audit file open");
      }
      handle_signals(signals, policy, audit, server);
   });
}

int run(const options& settings)
{
   gateway_policy policy{ settings.policy };
   std::optional<veil::audit::signing_key> audit_key;
   if (!settings.audit_key_file.empty()) {
      audit_key = veil::audit::load_signing_key(settings.audit_key_file);
   }
   audit_log audit{ settings.audit_file, std::move(audit_key) };
   const relay_context context{ settings, policy, audit };

   asio::io_context io;
   const asio::ip::tcp::endpoint listen = resolve(io, settings.listen, asio::ip::resolver_base::passive).begin()->endpoint();
   relay_server server(io, context, listen, resolve(io, settings.upstream));
   asio::signal_set signals(io, SIGTERM, SIGINT, SIGHUP);
   handle_signals(signals, policy, audit, server);
   server.start();
   log_line("policy: " + policy.described());
   log_line("listening on " + to_host_port(server.local_endpoint()));
   io.run();
   if (!audit.close()) {
      log_line("the audit log's final checkpoint could not be written");
   }
   log_line("stopped");
   return 0;
}

}  // namespace

int main(int argc, char** argv)
{
   try {
      const options settings = parse_options(veil::cli::arguments(argc, argv, 1));
      if (settings.help) {
         std::cout << help_text;
         return 0;
      }
      return run(settings);
   }
   catch (const usage_error& e) {
      log_line(std::string(e.what()) + "\n(see veil-gateway --help)");
      return 2;
   }
   catch (const veil::policy_error& e) {
      log_line(e.what());
      return 2;
   }
   catch (const std::exception& e) {
      log_line(e.what());
      return 1;
   }
}
