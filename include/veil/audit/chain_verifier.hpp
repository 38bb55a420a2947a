#pragma once
// Checks an audit log's chain (chain_line.hpp), line by line in the order the files are
// given, and reports the first line where it breaks: a line modified, inserted, removed or
// reordered breaks the link of the line after it (or its own number). With the public key,
// every checkpoint's signature is checked, and the log must end with a final checkpoint:
// a log cut after any line, a checkpoint included, is told from one its writer closed.
// Without the key, whoever can write the log can also rewrite the chain after an edit;
// the key is what makes a rewrite show. libsodium: link veil::policy_json.

#include <veil/audit/chain_line.hpp>
#include <veil/audit/signing_key.hpp>
#include <veil/policy/sha256.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace veil::audit {

struct chain_report
{
   bool intact = true;
   std::string file;              // where it breaks
   std::uint64_t line_number = 0;  // in that file, from 1
   std::string problem;
   std::uint64_t lines = 0;
   std::uint64_t checkpoints = 0;
   std::uint64_t first_seq = 0;  // above 1: the log goes on from an earlier file not given
   bool signatures_checked = false;
};

class chain_verifier
{
public:
   explicit chain_verifier(std::optional<public_key> key = std::nullopt) : key_(std::move(key))
   {
      report_.signatures_checked = key_.has_value();
   }

   // The next line, its line break included (the file's last line may lack it: then it
   // was cut). False once the chain is broken: later lines tell nothing more.
   bool line(std::string_view file, std::uint64_t line_number, std::string_view line)
   {
      if (!report_.intact) {
         return false;
      }
      const auto broken = [&](std::string problem) {
         report_ = { false, std::string(file), line_number, std::move(problem), report_.lines, report_.checkpoints,
                     report_.first_seq, report_.signatures_checked };
         return false;
      };
      if (!line.ends_with('\n')) {
         return broken("the line is cut short: the file was truncated inside it");
      }
      const std::optional<chain_link> link = link_of(line);
      if (!link) {
         return broken("not a chained audit line: it does not open with its sequence number and the hash of the line "
                       "before it");
      }
      if (previous_) {
         if (link->seq != previous_->seq + 1) {
            return broken("sequence number " + std::to_string(link->seq) + " where " +
                          std::to_string(previous_->seq + 1) + " was due: lines were removed, inserted or reordered here");
         }
         if (link->prev != previous_->hash) {
            return broken("it does not follow the line before it: that line was modified, or lines were removed, "
                          "inserted or reordered between them");
         }
      }
      else {
         report_.first_seq = link->seq;
         if (link->seq == 1 && link->prev != chain_start) {
            // A chain begun after a log written before chaining: its last line is not given.
            report_.first_seq = 0;
         }
      }
      last_checkpoint_final_ = false;
      if (const std::optional<checkpoint_fields> c = checkpoint_of(line)) {
         ++report_.checkpoints;
         if (key_) {
            signature s{};
            if (!from_hex(c->signature, s) || !signature_holds(*key_, s, checkpoint_message(*link, c->final))) {
               return broken("the checkpoint's signature does not verify under the key: it, or the chain before it, "
                             "was changed");
            }
         }
         last_checkpoint_final_ = c->final;
         lines_since_checkpoint_ = 0;
      }
      else {
         ++lines_since_checkpoint_;
      }
      ++report_.lines;
      previous_ = { link->seq, policy::sha256_hex(line) };
      last_file_ = file;
      last_line_number_ = line_number;
      return true;
   }

   [[nodiscard]] chain_report finish() const
   {
      chain_report r = report_;
      if (r.intact && key_ && !last_checkpoint_final_) {
         r.intact = false;
         r.file = last_file_;
         r.line_number = last_line_number_;
         r.problem = r.lines == 0 ? "the log is empty"
                                  : "the log ends " + std::to_string(lines_since_checkpoint_) +
                                       " line(s) after a checkpoint that is not final: it was cut there, or its writer "
                                       "did not close it";
      }
      return r;
   }

private:
   struct previous_line
   {
      std::uint64_t seq;
      std::string hash;
   };

   std::optional<public_key> key_;
   chain_report report_;
   std::optional<previous_line> previous_;
   bool last_checkpoint_final_ = false;
   std::uint64_t lines_since_checkpoint_ = 0;
   std::string last_file_;
   std::uint64_t last_line_number_ = 0;
};

}  // namespace veil::audit
