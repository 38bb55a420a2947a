#pragma once
// Which body a message key carries. Queries are rigid "PFX/value" field lists; every
// other key (responses, errors, administrative messages, and keys veil does not know)
// is treated as free text, whose rules also catch "PFX/value" tokens inside lines, so
// an unknown key is never passed through unexamined.

#include <algorithm>
#include <array>
#include <string_view>

namespace veil::nlets {

enum class body_kind { fields, free_text };

inline constexpr std::array<std::string_view, 21> structured_query_keys{
   "AQ",  "CPQ", "DNQ", "DQ",  "DQG", "FQ",  "IAQ", "IQ",  "KQ",  "PAQ", "PBQ",
   "PCQ", "PPQ", "RNQ", "RPQ", "RQ",  "RQG", "SOQ", "SWQ", "WLQ", "YQ",
};

[[nodiscard]] constexpr body_kind body_kind_of(std::string_view message_key) noexcept
{
   return std::find(structured_query_keys.begin(), structured_query_keys.end(), message_key) !=
                structured_query_keys.end()
             ? body_kind::fields
             : body_kind::free_text;
}

}  // namespace veil::nlets
