#pragma once
// The audit trail: one JSON line per message (veil::to_json_line), hash-chained
// (veil/audit/chain_writer.hpp), appended to a file and flushed at once, so that a crash
// loses no decision already acted on. reopen() lets logrotate move the file away
// (SIGHUP): the chain goes on in the new file from the last line of the old one, and
// close() ends it with a final checkpoint when a key signs it.

#include <veil/audit.hpp>
#include <veil/audit/chain_writer.hpp>
#include <veil/audit/log_tail.hpp>
#include <veil/audit/signing_key.hpp>

#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace veil::gateway {

class audit_log
{
public:
   // Empty `file`: stdout. A log that exists goes on from its last line.
   audit_log(std::string file, std::optional<audit::signing_key> key)
      : file_(std::move(file)), chain_(file_.empty() ? std::string() : audit::last_line_of(file_), std::move(key))
   {
      reopen();
   }

   void reopen()
   {
      if (file_.empty()) {
         return;
      }
      std::FILE* f = std::fopen(file_.c_str(), "a");
      if (f == nullptr) {
         throw std::runtime_error("cannot open the audit file " + file_);
      }
      stream_.reset(f);
   }

   // Stamps the record with the current time and writes it; false when the line could
   // not be written whole (disk full), so that the caller releases nothing unaudited.
   [[nodiscard]] bool write(audit_record record)
   {
      record.time = time_stamp();
      return put(chain_.append(std::move(record)));
   }

   // The final checkpoint, when a key signs the log; false when it could not be written.
   [[nodiscard]] bool close() { return put(chain_.close()); }

private:
   struct closer
   {
      void operator()(std::FILE* f) const noexcept { std::fclose(f); }
   };

   bool put(std::string_view bytes)
   {
      std::FILE* out = stream_ ? stream_.get() : stdout;
      const bool written = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
      return std::fflush(out) == 0 && written;
   }

   std::string file_;
   audit::chain_writer chain_;
   std::unique_ptr<std::FILE, closer> stream_;
};

}  // namespace veil::gateway
