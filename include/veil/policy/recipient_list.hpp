#pragma once
// ORI lists kept outside the policy file (a state's list of immigration-enforcement
// agencies, maintained by its own office): one ORI or glob per line; blank lines and
// lines starting with '#' are skipped; surrounding blanks and a CR before the LF are not
// part of the entry. A mistake is a policy_error naming the source and line.

#include <veil/category_mask.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/policy/ori_pattern.hpp>
#include <veil/policy/policy.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace veil::policy {

[[nodiscard]] inline std::vector<ori_pattern> read_recipient_list(std::string_view text, std::string_view source)
{
   std::vector<ori_pattern> patterns;
   std::size_t line_number = 0;
   while (!text.empty()) {
      ++line_number;
      const std::size_t lf = text.find('\n');
      std::string_view line = text.substr(0, lf);
      text = lf == std::string_view::npos ? std::string_view{} : text.substr(lf + 1);
      while (!line.empty() && (detail::is_blank(line.front()))) {
         line.remove_prefix(1);
      }
      while (!line.empty() && (detail::is_blank(line.back()) || line.back() == '\r')) {
         line.remove_suffix(1);
      }
      if (line.empty() || line.front() == '#') {
         continue;
      }
      const std::optional<ori_pattern> pattern = ori_pattern::parse(line);
      if (!pattern) {
         throw policy_error(std::string(source) + ":" + std::to_string(line_number) + ": '" + std::string(line) +
                            "' is not " + std::string(ori_pattern_expected));
      }
      patterns.push_back(*pattern);
   }
   return patterns;
}

// Adds `patterns` to the policy's list `name`, which must exist: a list no rule can name
// would be a silent no-op.
inline void extend_list(policy& p, const std::string& name, const std::vector<ori_pattern>& patterns)
{
   const auto list = p.lists.find(name);
   if (list == p.lists.end()) {
      throw policy_error("the policy has no ORI list named '" + name + "'");
   }
   list->second.insert(list->second.end(), patterns.begin(), patterns.end());
}

}  // namespace veil::policy
