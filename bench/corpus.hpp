#pragma once
// A workload's messages: made by a generator from a fixed seed, held back to back in one
// buffer as a file read into memory would be (never written to disk), with the values
// each message plants for the output checks.

#include "message_plan.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil_bench {

// One message as a generator makes it, with the values of it that the default mask must
// remove and some that must stay: what the output checks look for.
struct generated_message
{
   message_plan plan;
   std::vector<std::string> removed;
   std::vector<std::string> kept;
};

// Whether `output` lacks every value of `m` that must go and holds every one that stays.
[[nodiscard]] inline bool keeps_what_it_should(std::string_view output, const generated_message& m)
{
   for (const std::string& value : m.removed) {
      if (output.find(value) != std::string_view::npos) {
         return false;
      }
   }
   for (const std::string& value : m.kept) {
      if (output.find(value) == std::string_view::npos) {
         return false;
      }
   }
   return true;
}

class corpus
{
public:
   // Messages from `generator` (anything with `generated_message next()`) until they weigh
   // `target_bytes`, at least one; the first `sampled` are kept whole for the checks.
   template <typename Generator>
   corpus(Generator generator, std::size_t target_bytes, std::size_t sampled)
   {
      bytes_.reserve(target_bytes + (target_bytes >> 4));
      do {
         generated_message m = generator.next();
         m.plan.append_to(bytes_);
         ends_.push_back(bytes_.size());
         if (sample_.size() < sampled) {
            sample_.push_back(std::move(m));
         }
      } while (bytes_.size() < target_bytes);
   }

   [[nodiscard]] std::size_t size() const noexcept { return ends_.size(); }
   [[nodiscard]] std::size_t bytes() const noexcept { return bytes_.size(); }

   [[nodiscard]] std::string_view message(std::size_t i) const noexcept
   {
      const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
      return std::string_view(bytes_).substr(begin, ends_[i] - begin);
   }

   // The first messages, as generated (message(i) is sample()[i].plan's bytes).
   [[nodiscard]] const std::vector<generated_message>& sample() const noexcept { return sample_; }

private:
   std::string bytes_;
   std::vector<std::size_t> ends_;
   std::vector<generated_message> sample_;
};

}  // namespace veil_bench
