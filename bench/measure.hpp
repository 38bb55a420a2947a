#pragma once
// How each figure is taken, on one core, one message at a time:
//   - throughput: a pass over the corpus in order, each message redacted into one reused
//     string, timed as a whole (no clock read per message, which would weigh on the
//     fastest contenders most); stopped early past a time limit, so a slow baseline is
//     measured on a prefix of the corpus (its messages are drawn alike throughout);
//   - latency: a second pass with the clock read around each message, p50 and p99 over
//     all messages it reached;
//   - peak memory: the peak resident memory of a child process doing the work, less that
//     of an idle child forked at the same point, so the parent's own pages do not count.

#include "child_peak_memory.hpp"
#include "corpus.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace veil_bench {

using clock_type = std::chrono::steady_clock;

[[nodiscard]] inline double seconds_since(clock_type::time_point start)
{
   return std::chrono::duration<double>(clock_type::now() - start).count();
}

struct pass_figures
{
   double seconds = 0;
   std::size_t messages = 0;
   std::size_t bytes = 0;
   std::size_t failures = 0;  // messages the contender refused

   [[nodiscard]] double mb_per_s() const { return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0; }
   [[nodiscard]] double msgs_per_s() const { return seconds > 0 ? static_cast<double>(messages) / seconds : 0; }
};

// How many messages go between two looks at the clock for the time limit.
inline constexpr std::size_t messages_between_clock_reads = 16;

// `redact(message, out)` (false: refused) over the messages of `c` in order.
template <typename Redact>
[[nodiscard]] pass_figures throughput_pass(const corpus& c, Redact& redact, double time_limit)
{
   pass_figures f;
   std::string out;
   const clock_type::time_point start = clock_type::now();
   for (std::size_t i = 0; i < c.size(); ++i) {
      const std::string_view message = c.message(i);
      out.clear();
      f.failures += redact(message, out) ? 0 : 1;
      f.bytes += message.size();
      ++f.messages;
      if (i % messages_between_clock_reads == messages_between_clock_reads - 1 && seconds_since(start) > time_limit) {
         break;
      }
   }
   f.seconds = seconds_since(start);
   return f;
}

struct latency_figures
{
   double p50_us = 0;
   double p99_us = 0;
};

template <typename Redact>
[[nodiscard]] latency_figures latency_pass(const corpus& c, Redact& redact, double time_limit)
{
   std::vector<double> micros;
   micros.reserve(c.size());
   std::string out;
   const clock_type::time_point start = clock_type::now();
   for (std::size_t i = 0; i < c.size() && (i == 0 || seconds_since(start) <= time_limit); ++i) {
      const std::string_view message = c.message(i);
      out.clear();
      const clock_type::time_point before = clock_type::now();
      (void)redact(message, out);
      micros.push_back(std::chrono::duration<double, std::micro>(clock_type::now() - before).count());
   }
   const auto percentile = [&micros](double p) {
      const auto k = static_cast<std::size_t>(p * static_cast<double>(micros.size() - 1));
      std::nth_element(micros.begin(), micros.begin() + static_cast<std::ptrdiff_t>(k), micros.end());
      return micros[k];
   };
   return { percentile(0.50), percentile(0.99) };
}

// What `work` adds to the peak resident memory of a process like this one, and whether it
// failed (its figure then means nothing).
struct peak_figure
{
   std::size_t bytes = 0;
   bool failed = false;
};

template <typename Work>
[[nodiscard]] peak_figure peak_memory_added_by(Work work)
{
   const std::size_t idle = veil_test::peak_memory_of([] { return true; });
   const std::size_t busy = veil_test::peak_memory_of(work);
   if (busy == 0) {
      return { 0, true };
   }
   return { busy > idle ? busy - idle : 0, false };
}

}  // namespace veil_bench
