#pragma once
// An output file, or stdout, that remembers whether every write reached it.

#include "arguments.hpp"

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

namespace veil::cli {

class output_file
{
public:
   output_file(const std::string& path, const char* mode)
      : name_(path), file_(path.empty() ? nullptr : std::fopen(path.c_str(), mode)), owned_(file_ != nullptr)
   {
      if (!path.empty() && file_ == nullptr) {
         throw usage_error("cannot open '" + path + "' for writing");
      }
   }
   output_file(std::FILE* borrowed, std::string name) noexcept
      : name_(std::move(name)), file_(borrowed), owned_(false)
   {}
   output_file(const output_file&) = delete;
   output_file& operator=(const output_file&) = delete;
   ~output_file()
   {
      if (owned_) {
         std::fclose(file_);
      }
   }

   [[nodiscard]] bool is_open() const noexcept { return file_ != nullptr; }
   [[nodiscard]] const std::string& name() const noexcept { return name_; }
   void write(std::string_view bytes) { failed_ |= std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size(); }

   // Flushes and says whether everything written so far arrived.
   [[nodiscard]] bool flush_ok()
   {
      failed_ |= std::fflush(file_) != 0 || std::ferror(file_) != 0;
      return !failed_;
   }

private:
   std::string name_;
   std::FILE* file_;
   bool owned_;
   bool failed_ = false;
};

}  // namespace veil::cli
