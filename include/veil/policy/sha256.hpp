#pragma once
// SHA-256 of bytes as 64 lower-case hex digits, as sha256sum prints it: what names the
// exact bytes of a policy (and of each recipient list added to it) in the audit lines
// it decides. libsodium computes it; link veil::policy_json.

#include <veil/detail/sodium_init.hpp>

#include <sodium.h>

#include <array>
#include <string>
#include <string_view>

namespace veil::policy {

[[nodiscard]] inline std::string sha256_hex(std::string_view bytes)
{
   detail::require_sodium();
   std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
   crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
   std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
   sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
   return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

}  // namespace veil::policy
