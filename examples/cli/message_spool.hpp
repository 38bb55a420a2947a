#pragma once
// One message's output, held on disk until the message is known to be accepted: a
// stream reader writes as it reads, and a message rejected near its end must leave no
// byte of it in the output. On disk, so that a message of any size costs no memory.

#include "output_file.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdio>
#include <string_view>

namespace veil::cli {

class message_spool
{
public:
   message_spool() : file_(std::tmpfile()) {}
   message_spool(const message_spool&) = delete;
   message_spool& operator=(const message_spool&) = delete;
   ~message_spool()
   {
      if (file_ != nullptr) {
         std::fclose(file_);
      }
   }

   [[nodiscard]] bool usable() const noexcept { return file_ != nullptr && !failed_; }

   void write(std::string_view bytes)
   {
      failed_ |= std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size();
   }

   // Empties the spool for the next message.
   void clear()
   {
      failed_ |= std::fflush(file_) != 0 || ::ftruncate(::fileno(file_), 0) != 0;
      std::rewind(file_);
   }

   // Appends what the spool holds to `out`; false if it could not be read back whole.
   [[nodiscard]] bool copy_to(output_file& out)
   {
      if (std::fflush(file_) != 0) {
         return false;
      }
      std::rewind(file_);
      char buffer[1 << 16];
      std::size_t n = 0;
      while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) {
         out.write(std::string_view(buffer, n));
      }
      return std::ferror(file_) == 0 && !failed_;
   }

private:
   std::FILE* file_;
   bool failed_ = false;
};

}  // namespace veil::cli
