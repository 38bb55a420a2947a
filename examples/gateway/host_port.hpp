#pragma once
// HOST:PORT as the command line gives an address: a name, an IPv4 address or a
// bracketed IPv6 address ([::1]:7000), then a port number (0: the system picks one).

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace veil::gateway {

struct host_port
{
   std::string host;
   unsigned short port = 0;
};

[[nodiscard]] inline std::optional<host_port> parse_host_port(std::string_view text)
{
   const std::size_t colon = text.rfind(':');
   if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
      return std::nullopt;
   }
   std::string_view host = text.substr(0, colon);
   if (host.starts_with('[') && host.ends_with(']')) {
      host = host.substr(1, host.size() - 2);
   }
   const std::string_view digits = text.substr(colon + 1);
   unsigned short port = 0;
   const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
   if (host.empty() || error != std::errc{} || end != digits.data() + digits.size()) {
      return std::nullopt;
   }
   return host_port{ std::string(host), port };
}

}  // namespace veil::gateway
