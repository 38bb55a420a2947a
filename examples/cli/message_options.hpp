#pragma once
// Options that `veil redact` and `veil explain` read alike: the format of the messages
// and the agency they go to.

#include "arguments.hpp"

#include <veil/detail/names.hpp>
#include <veil/format.hpp>
#include <veil/recipient.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

// The value of --recipient: an agency's ORI or a state's two-letter code.
[[nodiscard]] inline std::string parse_recipient(std::string_view value)
{
   if (!is_well_formed_recipient(value)) {
      throw usage_error("recipient must be 2 or 9 upper-case letters or digits");
   }
   return std::string(value);
}

// The value of --format: nullopt for auto, which detects each message's format from its
// first bytes.
[[nodiscard]] inline std::optional<format> parse_format(std::string_view name)
{
   if (name == "auto") {
      return std::nullopt;
   }
   const std::optional<format> f = format_from_name(name);
   if (!f) {
      std::vector<std::string_view> known{ "auto" };
      known.insert(known.end(), format_names.begin(), format_names.end());
      throw usage_error(detail::unknown_name("format", name, known));
   }
   return f;
}

}  // namespace veil::cli
