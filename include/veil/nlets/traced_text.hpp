#pragma once
// A text built from pieces of a source text, kept or masked, with the position in the
// source of each of its bytes. What a line becomes once its fields are dropped or
// masked is kept this way so that it can be judged again, as a reader of the output
// reads it, and whatever that finds audited where it stands in the message.

#include <veil/detail/masking.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace veil::nlets {

class traced_text
{
public:
   [[nodiscard]] const std::string& bytes() const noexcept { return bytes_; }

   // Where byte `at` of this text stands in the source.
   [[nodiscard]] std::size_t source_position(std::size_t at) const noexcept { return positions_[at]; }

   // The source range that bytes [at, at + length) of this text come from, from the
   // first of them to one past the last.
   [[nodiscard]] std::size_t source_end(std::size_t at, std::size_t length) const noexcept
   {
      return length == 0 ? positions_[at] : positions_[at + length - 1] + 1;
   }

   void clear() noexcept
   {
      bytes_.clear();
      positions_.clear();
   }

   // Appends source[from, to) as it stands.
   void keep(std::string_view source, std::size_t from, std::size_t to)
   {
      bytes_.append(source.substr(from, to - from));
      add_positions(from, to);
   }

   // Appends source[from, to) as the mask action writes it, byte for byte.
   void mask(std::string_view source, std::size_t from, std::size_t to)
   {
      detail::masked_pieces(source.substr(from, to - from), [this](std::string_view piece) { bytes_.append(piece); });
      add_positions(from, to);
   }

   // Appends `part`, whose source starts at `base` of this text's source.
   void append(const traced_text& part, std::size_t base)
   {
      bytes_.append(part.bytes_);
      for (const std::size_t p : part.positions_) {
         positions_.push_back(base + p);
      }
   }

   void pop_back() noexcept
   {
      bytes_.pop_back();
      positions_.pop_back();
   }

   // This text, built from `through` (itself built from the source), traced back to the
   // source.
   void trace_through(const traced_text& through) noexcept
   {
      for (std::size_t& p : positions_) {
         p = through.positions_[p];
      }
   }

private:
   void add_positions(std::size_t from, std::size_t to)
   {
      for (std::size_t p = from; p < to; ++p) {
         positions_.push_back(p);
      }
   }

   std::string bytes_;
   std::vector<std::size_t> positions_;  // of each byte of bytes_ in the source
};

}  // namespace veil::nlets
