#pragma once
// How an audit line is chained: it opens with its sequence number and the SHA-256 of the
// line before it, bytes and line break included,
//
//   {"seq":42,"prev":"9f86d0…",  …the record's own members…}
//
// so that a line modified, inserted, removed or reordered breaks the chain where it
// stands (a hash chain, as RFC 6962 logs and systemd-journald's sealing build on). The
// first line of a log has "prev" of 64 zeros; a log rotated into a new file goes on with
// the next number and the hash of the old file's last line.
//
// A checkpoint line signs the chain up to it with the state's key (signing_key.hpp):
//
//   {"seq":43,"prev":"…","checkpoint":{"final":false,"signature":"…"}}
//
// The signature covers the text "veil audit checkpoint", the sequence number, "prev"
// and whether it is final, one per line. Whoever edits a line without the secret key
// cannot make the checkpoints after it verify. The writer ends every session with a final
// checkpoint, so that a log cut after a checkpoint is told from one closed there.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace veil::audit {

inline constexpr std::size_t hash_hex_size = 64;
inline const std::string chain_start(hash_hex_size, '0');  // "prev" of a log's first line

struct chain_link
{
   std::uint64_t seq = 0;
   std::string prev;  // 64 hex digits
};

struct checkpoint_fields
{
   bool final = false;
   std::string signature;  // 128 hex digits
};

[[nodiscard]] inline std::string checkpoint_message(const chain_link& link, bool final)
{
   return "veil audit checkpoint\n" + std::to_string(link.seq) + "\n" + link.prev + "\n" + (final ? "final" : "open") +
          "\n";
}

// `record_line`, a JSON object ("{…}" and a line break, as to_json_line writes it), with
// the link put first.
[[nodiscard]] inline std::string chained(const chain_link& link, std::string_view record_line)
{
   const std::string head = "{\"seq\":" + std::to_string(link.seq) + ",\"prev\":\"" + link.prev + "\"";
   const std::string_view members = record_line.substr(1);
   return head + (members.starts_with("}") ? "" : ",") + std::string(members);
}

[[nodiscard]] inline std::string checkpoint_line(const chain_link& link, bool final, std::string_view signature_hex)
{
   return chained(link, std::string("{\"checkpoint\":{\"final\":") + (final ? "true" : "false") + ",\"signature\":\"" +
                           std::string(signature_hex) + "\"}}\n");
}

namespace chain_line_detail {

[[nodiscard]] inline bool is_hex(std::string_view s) noexcept
{
   return s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Takes `expected` from the front of `line`.
[[nodiscard]] inline bool take(std::string_view& line, std::string_view expected) noexcept
{
   if (!line.starts_with(expected)) {
      return false;
   }
   line.remove_prefix(expected.size());
   return true;
}

}  // namespace chain_line_detail

// The link `line` (its line break included) opens with, or nothing when it opens with none.
[[nodiscard]] inline std::optional<chain_link> link_of(std::string_view line)
{
   using namespace chain_line_detail;
   if (!take(line, "{\"seq\":")) {
      return std::nullopt;
   }
   const std::size_t digits = std::min(line.find_first_not_of("0123456789"), line.size());
   constexpr std::size_t max_digits = 19;  // fits in 64 bits
   if (digits == 0 || digits > max_digits || (digits > 1 && line.front() == '0')) {
      return std::nullopt;
   }
   chain_link link{ std::stoull(std::string(line.substr(0, digits))), {} };
   line.remove_prefix(digits);
   if (!take(line, ",\"prev\":\"") || line.size() < hash_hex_size + 1 || !is_hex(line.substr(0, hash_hex_size)) ||
       line[hash_hex_size] != '"') {
      return std::nullopt;
   }
   link.prev = std::string(line.substr(0, hash_hex_size));
   return link;
}

// The checkpoint `line` is, or nothing when it is a record's line. A line that starts as a
// checkpoint but is not one exactly is a checkpoint with no valid signature.
[[nodiscard]] inline std::optional<checkpoint_fields> checkpoint_of(std::string_view line)
{
   using namespace chain_line_detail;
   const std::size_t members = line.find("\",\"checkpoint\":");
   if (!line.starts_with("{\"seq\":") || members == std::string_view::npos || members > 100) {
      return std::nullopt;
   }
   std::string_view rest = line.substr(members + std::string_view("\",\"checkpoint\":").size());
   checkpoint_fields c;
   c.final = rest.starts_with("{\"final\":true");
   constexpr std::size_t signature_hex_size = 128;
   if ((take(rest, "{\"final\":true,\"signature\":\"") || take(rest, "{\"final\":false,\"signature\":\"")) &&
       rest.size() >= signature_hex_size && is_hex(rest.substr(0, signature_hex_size)) &&
       rest.substr(signature_hex_size) == "\"}}\n") {
      c.signature = std::string(rest.substr(0, signature_hex_size));
   }
   return c;
}

}  // namespace veil::audit
