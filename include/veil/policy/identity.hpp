#pragma once
// A policy read from bytes under a name, so that every audit record it decides says which
// policy that was (veil/policy_identity.hpp): the name, the "policy_version" its authors
// gave it and the SHA-256 of the bytes exactly as read; then each ORI list file added to
// it, by list, file name and SHA-256, since its entries decide too. Whoever holds the
// same bytes can recompute the digests (sha256sum) and prove which policy decided.
// Link veil::policy_json.

#include <veil/policy/policy.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/recipient_list.hpp>
#include <veil/policy/sha256.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace veil::policy {

// read_policy(bytes), named `name` ("preset:NAME", a file name).
[[nodiscard]] inline policy read_identified_policy(std::string_view bytes, std::string name)
{
   policy p = read_policy(bytes);
   p.identity = policy_identity{ std::move(name), p.version, sha256_hex(bytes), {} };
   return p;
}

// Adds the entries of the recipient list file `file`, whose text is `bytes`, to the ORI
// list `list` of `p` (read_recipient_list, extend_list), and to its identity: `p` must
// have one (read_identified_policy), or its audit lines could not name what decided.
inline void add_identified_list(policy& p, const std::string& list, const std::string& file, std::string_view bytes)
{
   if (!p.identity) {
      throw std::logic_error("add_identified_list: the policy has no identity to add the list to");
   }
   extend_list(p, list, read_recipient_list(bytes, file));
   p.identity->lists.push_back({ list, file, sha256_hex(bytes) });
}

}  // namespace veil::policy
