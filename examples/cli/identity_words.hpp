#pragma once
// A policy's identity (veil/policy_identity.hpp) as people read it, after its name: what
// `veil policy check` and `show` print and the gateway logs at start and at each reload,
// the digests the audit lines carry, so that a line can be matched with the policy a
// person checked. One item per line:
//   version 2026-12-03, sha256 <64 hex digits>
//   list immigration_enforcement += ice.txt, sha256 <64 hex digits>

#include <veil/policy_identity.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

[[nodiscard]] inline std::vector<std::string> identity_words(const policy_identity& id)
{
   std::vector<std::string> items{ (id.version.empty() ? std::string("no policy_version") : "version " + id.version) +
                                   ", sha256 " + id.sha256 };
   for (const recipient_list_identity& list : id.lists) {
      items.push_back("list " + list.name + " += " + list.file + ", sha256 " + list.sha256);
   }
   return items;
}

// The items joined by `separator`.
[[nodiscard]] inline std::string identity_words(const policy_identity& id, std::string_view separator)
{
   std::string joined;
   for (const std::string& item : identity_words(id)) {
      joined += (joined.empty() ? "" : std::string(separator)) + item;
   }
   return joined;
}

}  // namespace veil::cli
