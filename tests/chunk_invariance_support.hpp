#pragma once
// What the chunk-invariance suites of every format share: the whole-message result a
// streamed one must equal, and the check of one way to cut the message. Include it after
// the format's own support header, which declares veil_test::redact and redact_in_chunks
// for its redactor.

#include <veil/audit.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test {

struct reference
{
   redaction whole;
   std::string audit_json;
};

template <typename Redactor>
[[nodiscard]] reference redact_whole(const Redactor& redactor, std::string_view message)
{
   reference r{ redact(redactor, message), {} };
   r.audit_json = veil::to_json_line(r.whole.audit);
   return r;
}

template <typename Redactor>
void check_cut(const Redactor& redactor, std::string_view message, const reference& expected,
               const std::vector<std::size_t>& cuts)
{
   const redaction streamed = redact_in_chunks(redactor, message, cuts);
   CHECK(veil::to_json_line(streamed.audit) == expected.audit_json);
   if (!expected.whole.audit.rejected()) {
      CHECK(streamed.output == expected.whole.output);
   }
}

// Every byte its own chunk, then `rounds` random multi-splits of at most `max_cuts` cuts,
// drawn from `random` (anything with `std::size_t below(std::size_t)`).
template <typename Redactor, typename Random>
void check_byte_and_random_cuts(const Redactor& redactor, std::string_view message, const reference& expected,
                                Random& random, int rounds, std::size_t max_cuts)
{
   std::vector<std::size_t> every_byte(message.size());
   std::iota(every_byte.begin(), every_byte.end(), std::size_t{ 1 });
   check_cut(redactor, message, expected, every_byte);
   for (int round = 0; round < rounds; ++round) {
      std::vector<std::size_t> cuts(1 + random.below(std::min(message.size() / 2 + 1, max_cuts)));
      for (std::size_t& cut : cuts) {
         cut = random.below(message.size() + 1);
      }
      CAPTURE(round);
      check_cut(redactor, message, expected, cuts);
   }
}

// Every single split point, then every byte its own chunk and `rounds` random
// multi-splits of at most `max_cuts` cuts; gives back what redact() gave for the whole.
template <typename Redactor, typename Random>
reference check_all_cuts(const Redactor& redactor, std::string_view message, Random& random, int rounds,
                         std::size_t max_cuts)
{
   CAPTURE(message);
   const reference expected = redact_whole(redactor, message);
   for (std::size_t at = 0; at <= message.size(); ++at) {
      CAPTURE(at);
      check_cut(redactor, message, expected, { at });
   }
   check_byte_and_random_cuts(redactor, message, expected, random, rounds, max_cuts);
   return expected;
}

}  // namespace veil_test
