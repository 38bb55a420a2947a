#pragma once
// The baseline for ANSI/NIST-ITL: what an integrator without a streaming reader would
// write. The transaction is read whole into memory, as from a file, its tagged records
// framed by their LEN fields (x.001), and those of a record type whose category the mask
// holds (veil's record dictionary: Type-10 for a photo) left out of the output. It does
// less than veil: Type-1's CNT and the Type-2 fields are not rewritten, and binary
// records (Types 3 to 8) are not read.

#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/category_mask.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace veil_bench {

class read_all_redactor
{
public:
   explicit read_all_redactor(veil::category_mask mask) : mask_(mask) {}

   // The output appended to `out`; false if a record's framing is broken.
   template <typename ChunkSource>
   bool redact(ChunkSource&& source, std::string& out) const
   {
      std::size_t filled = 0;
      while (true) {
         if (whole_.size() < filled + read_size) {
            whole_.resize(filled + read_size);  // grows only past the largest transaction so far
         }
         const std::size_t got = source(whole_.data() + filled, read_size);
         if (got == 0) {
            break;
         }
         filled += got;
      }
      std::string_view rest = std::string_view(whole_).substr(0, filled);
      while (!rest.empty()) {
         const std::size_t dot = rest.find('.');
         const std::size_t colon = rest.find(':');
         if (dot == std::string_view::npos || colon == std::string_view::npos || colon > dot + 4) {
            return false;
         }
         const unsigned type = static_cast<unsigned>(std::stoul(std::string(rest.substr(0, dot))));
         const std::size_t length = std::stoul(std::string(rest.substr(colon + 1, 12)));
         if (length == 0 || length > rest.size()) {
            return false;
         }
         const veil::ansi_nist::record_entry* entry = veil::ansi_nist::find_record(type);
         if (entry == nullptr || !entry->sensitivity || !mask_.contains(*entry->sensitivity)) {
            out += rest.substr(0, length);
         }
         rest.remove_prefix(length);
      }
      return true;
   }

private:
   static constexpr std::size_t read_size = std::size_t{ 64 } << 10;

   veil::category_mask mask_;
   mutable std::string whole_;  // the buffer read into, reused from transaction to transaction
};

}  // namespace veil_bench
