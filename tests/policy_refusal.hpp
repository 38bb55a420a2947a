#pragma once
// What read_policy says of a policy it refuses, or "accepted".

#include <veil/policy/policy_json.hpp>

#include <string>
#include <string_view>

namespace veil_test {

[[nodiscard]] inline std::string policy_refusal(std::string_view json)
{
   try {
      (void)veil::policy::read_policy(json);
   }
   catch (const veil::policy_error& e) {
      return e.what();
   }
   return "accepted";
}

}  // namespace veil_test
