#pragma once
// The state's audit key: an Ed25519 key pair (libsodium) whose secret half signs the
// checkpoints of the audit log and whose public half, published, lets anyone verify them.
// Both are kept as hex in a file of one line: 64 digits of the secret seed, or 64 of the
// public key. libsodium: link veil::policy_json.

#include <veil/detail/sodium_init.hpp>

#include <sodium.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace veil::audit {

using public_key = std::array<unsigned char, crypto_sign_PUBLICKEYBYTES>;
using signature = std::array<unsigned char, crypto_sign_BYTES>;

[[nodiscard]] inline std::string to_hex(const unsigned char* bytes, std::size_t size)
{
   std::string hex(size * 2 + 1, '\0');
   sodium_bin2hex(hex.data(), hex.size(), bytes, size);
   hex.pop_back();
   return hex;
}

// `hex` (blanks and a line break around it ignored) as exactly `out.size()` bytes; false
// when it is not that.
template <std::size_t N>
[[nodiscard]] bool from_hex(std::string_view hex, std::array<unsigned char, N>& out) noexcept
{
   while (!hex.empty() && std::isspace(static_cast<unsigned char>(hex.back())) != 0) {
      hex.remove_suffix(1);
   }
   while (!hex.empty() && std::isspace(static_cast<unsigned char>(hex.front())) != 0) {
      hex.remove_prefix(1);
   }
   std::size_t written = 0;
   return hex.size() == N * 2 &&
          sodium_hex2bin(out.data(), N, hex.data(), hex.size(), nullptr, &written, nullptr) == 0 && written == N;
}

class signing_key
{
public:
   // A new key pair from the system's random source.
   [[nodiscard]] static signing_key generate()
   {
      detail::require_sodium();
      signing_key k;
      randombytes_buf(k.seed_.data(), k.seed_.size());
      k.derive();
      return k;
   }

   // The key whose seed `hex` holds (a secret key file's contents).
   [[nodiscard]] static signing_key from_seed_hex(std::string_view hex)
   {
      detail::require_sodium();
      signing_key k;
      if (!from_hex(hex, k.seed_)) {
         throw std::invalid_argument("an audit key file holds 64 hex digits (veil audit keygen writes one)");
      }
      k.derive();
      return k;
   }

   signing_key(const signing_key&) = default;
   signing_key& operator=(const signing_key&) = default;
   ~signing_key() { sodium_memzero(secret_.data(), secret_.size()); sodium_memzero(seed_.data(), seed_.size()); }

   [[nodiscard]] std::string seed_hex() const { return to_hex(seed_.data(), seed_.size()); }
   [[nodiscard]] const public_key& public_half() const noexcept { return public_; }

   // The record key of an audit line as a keyed token: HMAC-SHA-256, under a key derived
   // from the seed for this use alone, of the licence number, as "hmac-sha256:" and 64 hex
   // digits. The DMV, which holds the key and its own records, finds the person by
   // computing the token of each licence number it holds (veil audit token); whoever
   // reads the log without the key learns nothing of the number.
   [[nodiscard]] std::string notification_token(std::string_view record_key) const
   {
      std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> hmac_key{};
      static_assert(crypto_kdf_KEYBYTES == crypto_sign_SEEDBYTES);
      crypto_kdf_derive_from_key(hmac_key.data(), hmac_key.size(), notification_subkey, "veilntfy", seed_.data());
      std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
      crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(record_key.data()), record_key.size(),
                             hmac_key.data());
      sodium_memzero(hmac_key.data(), hmac_key.size());
      return "hmac-sha256:" + to_hex(mac.data(), mac.size());
   }

   [[nodiscard]] signature sign(std::string_view message) const noexcept
   {
      signature s{};
      crypto_sign_detached(s.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           secret_.data());
      return s;
   }

private:
   signing_key() = default;

   static constexpr std::uint64_t notification_subkey = 1;

   void derive() noexcept { crypto_sign_seed_keypair(public_.data(), secret_.data(), seed_.data()); }

   std::array<unsigned char, crypto_sign_SEEDBYTES> seed_{};
   std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret_{};
   public_key public_{};
};

// The key in the file `path` (veil audit keygen's secret key file); throws
// std::invalid_argument saying why it cannot be read or is not a key.
[[nodiscard]] inline signing_key load_signing_key(const std::string& path)
{
   std::ifstream in(path, std::ios::binary);
   std::string text;
   constexpr std::size_t longest_key_file = 256;
   text.resize(longest_key_file);
   in.read(text.data(), static_cast<std::streamsize>(text.size()));
   if (!in && !in.eof()) {
      throw std::invalid_argument(path + ": cannot read the audit key");
   }
   text.resize(static_cast<std::size_t>(in.gcount()));
   try {
      return signing_key::from_seed_hex(text);
   }
   catch (const std::invalid_argument& e) {
      throw std::invalid_argument(path + ": " + e.what());
   }
}

[[nodiscard]] inline bool signature_holds(const public_key& key, const signature& s, std::string_view message) noexcept
{
   return crypto_sign_verify_detached(s.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                      key.data()) == 0;
}

}  // namespace veil::audit
