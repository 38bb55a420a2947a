#pragma once
// The audit trail: one JSON line per message (veil::to_json_line), appended to a file
// and flushed at once, so that a crash loses no decision already acted on. reopen()
// lets logrotate move the file away (SIGHUP).

#include <veil/audit.hpp>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace veil::gateway {

class audit_log
{
public:
   // Empty `file`: stdout.
   explicit audit_log(std::string file) : file_(std::move(file)) { reopen(); }

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
      const std::string line = to_json_line(record);
      std::FILE* out = stream_ ? stream_.get() : stdout;
      const bool written = std::fwrite(line.data(), 1, line.size(), out) == line.size();
      return std::fflush(out) == 0 && written;
   }

private:
   struct closer
   {
      void operator()(std::FILE* f) const noexcept { std::fclose(f); }
   };

   std::string file_;
   std::unique_ptr<std::FILE, closer> stream_;
};

}  // namespace veil::gateway
