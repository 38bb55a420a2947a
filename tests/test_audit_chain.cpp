// The audit log's hash chain and signed checkpoints, attacked as someone who can write the
// log file would: every line modified, removed, duplicated, swapped with the next, the log
// cut after every line and inside one, and a rewrite that recomputes the chain after an
// edit. The chain itself is read here apart from the writer: each line's "prev" must be
// the SHA-256 (checked against FIPS 180-2 vectors in test_policy_identity.cpp) of the
// bytes of the line before it.

#include <veil/audit.hpp>
#include <veil/audit/chain_line.hpp>
#include <veil/audit/chain_verifier.hpp>
#include <veil/audit/chain_writer.hpp>
#include <veil/audit/signing_key.hpp>
#include <veil/policy/sha256.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using veil::audit::chain_report;
using veil::audit::chain_verifier;
using veil::audit::chain_writer;
using veil::audit::signing_key;

using log_lines = std::vector<std::string>;

[[nodiscard]] veil::audit_record record(std::size_t i)
{
   veil::audit_record r = veil::new_audit_record("nlets-text", "message-" + std::to_string(i));
   r.message_key = "DR";
   r.sender_ori = "WAOLN0000";
   veil::mark_completed(r);
   return r;
}

// Splits bytes written by the writer into lines, line breaks kept.
void split_into(log_lines& lines, const std::string& bytes)
{
   for (std::size_t at = 0; at < bytes.size();) {
      const std::size_t end = bytes.find('\n', at) + 1;
      lines.push_back(bytes.substr(at, end - at));
      at = end;
   }
}

[[nodiscard]] log_lines write_log(std::size_t records, std::optional<signing_key> key, std::uint64_t every,
                                  std::string_view after = {})
{
   chain_writer writer(after, std::move(key), every);
   log_lines lines;
   for (std::size_t i = 0; i < records; ++i) {
      split_into(lines, writer.append(record(i)));
   }
   split_into(lines, writer.close());
   return lines;
}

[[nodiscard]] chain_report verify(const std::vector<log_lines>& files, std::optional<veil::audit::public_key> key)
{
   chain_verifier verifier(key);
   for (std::size_t f = 0; f < files.size(); ++f) {
      for (std::size_t i = 0; i < files[f].size(); ++i) {
         if (!verifier.line("file" + std::to_string(f), i + 1, files[f][i])) {
            return verifier.finish();
         }
      }
   }
   return verifier.finish();
}

[[nodiscard]] chain_report verify(const log_lines& lines, std::optional<veil::audit::public_key> key)
{
   return verify(std::vector<log_lines>{ lines }, key);
}

const signing_key state_key = signing_key::generate();

}  // namespace

TEST_CASE("audit chain: each line opens with its number and the SHA-256 of the line before it, checkpoints sign it")
{
   const log_lines lines = write_log(7, state_key, 3);
   // 7 records, a checkpoint after the 3rd and the 6th, and a final one.
   REQUIRE(lines.size() == 10);
   std::string previous_hash(64, '0');
   for (std::size_t i = 0; i < lines.size(); ++i) {
      CAPTURE(lines[i]);
      CHECK(lines[i].starts_with("{\"seq\":" + std::to_string(i + 1) + ",\"prev\":\"" + previous_hash + "\","));
      CHECK(lines[i].ends_with("}\n"));
      previous_hash = veil::policy::sha256_hex(lines[i]);
   }
   CHECK(lines[3].find("\"checkpoint\":{\"final\":false,\"signature\":\"") != std::string::npos);
   CHECK(lines[7].find("\"checkpoint\":{\"final\":false") != std::string::npos);
   CHECK(lines[9].find("\"checkpoint\":{\"final\":true") != std::string::npos);
   // The record's own members follow, unchanged.
   CHECK(lines[0].ends_with(veil::to_json_line(record(0)).substr(1)));

   const chain_report with_key = verify(lines, state_key.public_half());
   CHECK(with_key.intact);
   CHECK(with_key.lines == 10);
   CHECK(with_key.checkpoints == 3);
   CHECK(with_key.signatures_checked);
   CHECK(verify(lines, std::nullopt).intact);
   // Another key verifies none of it.
   CHECK_FALSE(verify(lines, signing_key::generate().public_half()).intact);
}

TEST_CASE("audit chain: every edit, removal, insertion, swap and cut is found, at the first line it breaks")
{
   const log_lines log = write_log(8, state_key, 3);
   const auto key = state_key.public_half();
   for (std::size_t k = 0; k < log.size(); ++k) {
      CAPTURE(k);
      log_lines edited = log;
      edited[k][edited[k].size() / 2] ^= 0x01;  // one bit of one byte
      const chain_report e = verify(edited, key);
      CHECK_FALSE(e.intact);
      CHECK(e.line_number <= k + 2);
      if (k + 1 < log.size()) {
         // Without the key too, an edited line breaks the link of the one after it.
         const chain_report unkeyed = verify(edited, std::nullopt);
         CHECK_FALSE(unkeyed.intact);
         CHECK(unkeyed.line_number <= k + 2);
      }

      log_lines removed = log;
      removed.erase(removed.begin() + static_cast<std::ptrdiff_t>(k));
      const chain_report r = verify(removed, key);
      if (k == 0) {
         // A log without its first lines reads as one rotated from an earlier file, and
         // says so: the report names the number it starts from.
         CHECK(r.first_seq == 2);
      }
      else {
         CHECK_FALSE(r.intact);
      }

      log_lines inserted = log;
      inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(k), log[k]);
      const chain_report i = verify(inserted, key);
      CHECK_FALSE(i.intact);
      CHECK(i.line_number == k + 2);

      if (k + 1 < log.size()) {
         log_lines swapped = log;
         std::swap(swapped[k], swapped[k + 1]);
         CHECK_FALSE(verify(swapped, key).intact);

         // Cut after line k: with the key the missing final checkpoint shows.
         const log_lines cut(log.begin(), log.begin() + static_cast<std::ptrdiff_t>(k + 1));
         const chain_report c = verify(cut, key);
         CHECK_FALSE(c.intact);
         CHECK(c.problem.find("cut there") != std::string::npos);
      }
      log_lines torn = log;
      torn.resize(k + 1);
      torn.back().resize(torn.back().size() / 2);
      CHECK_FALSE(verify(torn, std::nullopt).intact);
      CHECK(verify(torn, std::nullopt).line_number == k + 1);
   }
}

TEST_CASE("audit chain: a rewrite that recomputes the chain after an edit passes without the key, not with it")
{
   const log_lines log = write_log(6, state_key, 2);
   // The attacker edits the second record and rebuilds every link after it, keeping the
   // checkpoints' signatures (it does not hold the secret key) or signing with its own.
   for (const bool own_key : { false, true }) {
      CAPTURE(own_key);
      const signing_key attacker = signing_key::generate();
      log_lines forged;
      std::string previous_hash(64, '0');
      for (std::size_t i = 0; i < log.size(); ++i) {
         std::string body = log[i].substr(log[i].find("\",") + 2);
         if (i == 1) {
            body.replace(body.find("message-1"), 9, "message-X");
         }
         veil::audit::chain_link link{ i + 1, previous_hash };
         if (own_key && body.starts_with("\"checkpoint\"")) {
            const bool final = body.find("\"final\":true") != std::string::npos;
            const veil::audit::signature s = attacker.sign(veil::audit::checkpoint_message(link, final));
            forged.push_back(veil::audit::checkpoint_line(link, final, veil::audit::to_hex(s.data(), s.size())));
         }
         else {
            forged.push_back(veil::audit::chained(link, "{" + body));
         }
         previous_hash = veil::policy::sha256_hex(forged.back());
      }
      CHECK(verify(forged, std::nullopt).intact);  // what the key is for
      const chain_report keyed = verify(forged, state_key.public_half());
      CHECK_FALSE(keyed.intact);
      CHECK(keyed.problem.find("signature") != std::string::npos);
   }
}

TEST_CASE("audit chain: a rotated log goes on in the next file, and a session appended after a close verifies")
{
   const log_lines first = write_log(4, state_key, 100);
   const log_lines second = write_log(3, state_key, 100, first.back());
   CHECK(second.front().starts_with("{\"seq\":" + std::to_string(first.size() + 1) + ",\"prev\":\"" +
                                    veil::policy::sha256_hex(first.back()) + "\""));
   CHECK(verify({ first, second }, state_key.public_half()).intact);
   // In the wrong order, or with the first file missing, it is not one log.
   CHECK_FALSE(verify({ second, first }, state_key.public_half()).intact);
   const chain_report alone = verify(second, state_key.public_half());
   CHECK(alone.intact);
   CHECK(alone.first_seq == first.size() + 1);
   // The same lines as one file: a session closed and another appended.
   log_lines appended = first;
   appended.insert(appended.end(), second.begin(), second.end());
   CHECK(verify(appended, state_key.public_half()).intact);
}

TEST_CASE("audit chain: a key file is 64 hex digits, and the key it names signs as it did")
{
   const signing_key again = signing_key::from_seed_hex(state_key.seed_hex() + "\n");
   CHECK(again.public_half() == state_key.public_half());
   CHECK_THROWS_AS((void)signing_key::from_seed_hex("00"), std::invalid_argument);
   CHECK_THROWS_AS((void)signing_key::from_seed_hex(std::string(64, 'g')), std::invalid_argument);
}
