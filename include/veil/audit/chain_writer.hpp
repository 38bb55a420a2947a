#pragma once
// Writes audit records as chained lines (chain_line.hpp): each record's line gets its
// link, and with the state's key a checkpoint follows every `checkpoint_every` lines and
// ends the session, and the record key (the licence number a notice needs) is written as
// a keyed token (signing_key::notification_token).
// libsodium: link veil::policy_json.

#include <veil/audit.hpp>
#include <veil/audit/chain_line.hpp>
#include <veil/audit/signing_key.hpp>
#include <veil/policy/sha256.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace veil::audit {

class chain_writer
{
public:
   // Goes on after `last_line`, the log's last line so far with its line break (empty for
   // a new log): with the next number after its own, or after 0 when it has none.
   explicit chain_writer(std::string_view last_line = {}, std::optional<signing_key> key = std::nullopt,
                         std::uint64_t checkpoint_every = default_checkpoint_every)
      : key_(std::move(key)), checkpoint_every_(checkpoint_every == 0 ? 1 : checkpoint_every)
   {
      if (!last_line.empty()) {
         const std::optional<chain_link> last = link_of(last_line);
         next_ = { (last ? last->seq : 0) + 1, policy::sha256_hex(last_line) };
      }
   }

   static constexpr std::uint64_t default_checkpoint_every = 1000;

   // The bytes to write for one record: its chained line, and a checkpoint after it when
   // one is due.
   [[nodiscard]] std::string append(audit_record record)
   {
      if (key_ && !record.record_key.empty()) {
         record.record_key = key_->notification_token(record.record_key);
      }
      std::string out = advance(chained(next_, to_json_line(record)));
      if (key_ && ++since_checkpoint_ >= checkpoint_every_) {
         out += checkpoint(false);
      }
      return out;
   }

   // What ends the session: a final checkpoint with a key, nothing without one.
   [[nodiscard]] std::string close() { return key_ ? checkpoint(true) : std::string(); }

private:
   std::string checkpoint(bool final)
   {
      since_checkpoint_ = 0;
      const signature s = key_->sign(checkpoint_message(next_, final));
      return advance(checkpoint_line(next_, final, to_hex(s.data(), s.size())));
   }

   // `line` is written: the next one links to it.
   std::string advance(std::string line)
   {
      next_ = { next_.seq + 1, policy::sha256_hex(line) };
      return line;
   }

   chain_link next_{ 1, chain_start };
   std::optional<signing_key> key_;
   std::uint64_t checkpoint_every_;
   std::uint64_t since_checkpoint_ = 0;
};

}  // namespace veil::audit
