#pragma once
// One workload measured: its contenders (veil, called one way or more, and the baselines)
// for each action, their peak memory in child processes first, while this process holds
// no corpus, then the corpus made and every contender's throughput taken in interleaved
// rounds, the best of each kept (a shared machine only ever slows a pass down), veil's
// latency, and the output checks. One row per way of calling veil.

#include "corpus.hpp"
#include "measure.hpp"
#include "message_plan.hpp"
#include "results.hpp"

#include <veil/action.hpp>

#include <malloc.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace veil_bench {

struct settings
{
   std::size_t corpus_bytes = std::size_t{ 100 } << 20;  // per workload
   std::size_t rounds = 3;                               // throughput passes per contender
   double pass_time_limit = 3.0;                         // seconds, for one pass
   std::size_t peak_messages = 64;                       // messages a peak-memory child takes
   std::size_t checked_messages = 500;                   // messages whose outputs are checked
};

struct workload_spec
{
   std::string format;  // as `veil --format` names it
   std::string name;
};

enum class role : std::uint8_t { veil, baseline };

// Something measured: `redact(message, out)` appends its output for a message in memory
// to `out` (false: refused); `take(plan)` is what it does with a message in the
// peak-memory child, which hands it a generated message to stream or to hold.
template <typename Redact>
struct contender
{
   std::string name;  // a baseline's name in results.json, or for veil how it is called
   role kind;
   Redact redact;
   std::function<bool(const message_plan&)> take;
   bool redacts = true;  // false for a baseline that writes no redaction (memcpy, parsing alone)
};

template <typename Redact>
[[nodiscard]] contender<Redact> veil_api(std::string api, Redact redact, std::function<bool(const message_plan&)> take)
{
   return { std::move(api), role::veil, std::move(redact), std::move(take), true };
}

template <typename Redact>
[[nodiscard]] contender<Redact> baseline(std::string_view name, Redact redact,
                                         std::function<bool(const message_plan&)> take, bool redacts = true)
{
   return { std::string(name), role::baseline, std::move(redact), std::move(take), redacts };
}

// memcpy of the same bytes into the same reused string: the floor no redactor can beat.
[[nodiscard]] inline auto memcpy_baseline()
{
   return baseline(
      "memcpy",
      [](std::string_view message, std::string& out) {
         out.append(message);
         return true;
      },
      [](const message_plan& plan) {
         const std::string message = plan.bytes();
         std::string out;
         out.append(message);
         return out.size() == message.size();
      },
      false);
}

namespace internal {

struct measured
{
   std::string name;
   role kind = role::veil;
   bool redacts = true;
   pass_figures best;
   peak_figure peak;
   std::size_t planted_right = 0;
   std::size_t same_bytes = 0;
   latency_figures latency;
};

[[nodiscard]] inline bool faster(const pass_figures& a, const pass_figures& b)
{
   return a.mb_per_s() > b.mb_per_s();
}

// The rows of one action: one per veil contender, every baseline beside it.
[[nodiscard]] inline std::vector<result_row> rows_of(const workload_spec& w, veil::action applied,
                                                     const std::vector<measured>& all, std::size_t checked)
{
   std::vector<result_row> rows;
   for (const measured& v : all) {
      if (v.kind != role::veil) {
         continue;
      }
      result_row r;
      r.format = w.format;
      r.workload = w.name;
      r.api = v.name;
      r.action = veil::name_of(applied);
      r.mb_per_s = v.best.mb_per_s();
      r.msgs_per_s = v.best.msgs_per_s();
      r.p50_us = v.latency.p50_us;
      r.p99_us = v.latency.p99_us;
      r.peak_bytes = v.peak.bytes;
      r.messages = v.best.messages;
      r.bytes = v.best.bytes;
      for (const measured& b : all) {
         const double share = checked == 0 ? 0 : 1.0 / static_cast<double>(checked);
         if (b.kind == role::baseline) {
            r.baselines.push_back({ b.name, b.best.mb_per_s(), b.peak.bytes });
         }
         if (b.redacts && (b.kind == role::baseline || &b == &v)) {
            r.checks.push_back({ b.kind == role::veil ? "veil" : b.name, static_cast<double>(b.planted_right) * share,
                                 b.kind == role::veil ? -1.0 : static_cast<double>(b.same_bytes) * share });
         }
      }
      rows.push_back(std::move(r));
   }
   return rows;
}

}  // namespace internal

// Calls `f(contender, index)` for each contender of a tuple, in order.
template <typename Contenders, typename F>
void for_each_contender(Contenders& contenders, F&& f)
{
   std::apply(
      [&f](auto&... c) {
         std::size_t i = 0;
         (f(c, i++), ...);
      },
      contenders);
}

// The checked messages through each contender: whether its output removes and keeps the
// planted values as it should, and whether it writes what veil (the first contender) wrote.
template <typename Contenders>
void check_outputs(const corpus& messages, Contenders& contenders, std::vector<internal::measured>& all)
{
   std::string veil_output;
   std::string output;
   for (std::size_t m = 0; m < messages.sample().size(); ++m) {
      for_each_contender(contenders, [&](auto& c, std::size_t i) {
         output.clear();
         (void)c.redact(messages.message(m), output);
         if (i == 0) {
            veil_output = output;
         }
         all[i].planted_right += c.redacts && keeps_what_it_should(output, messages.sample()[m]) ? 1 : 0;
         all[i].same_bytes += output == veil_output ? 1 : 0;
      });
   }
}

// Measures the workload `w` whose messages `make_generator()` makes, with the contenders
// `make_contenders(action)` gives (a tuple, veil first) for each action, and appends its
// rows to `rows`. Throws if a contender refuses a message or veil's output keeps a value it
// should remove: the figures of a wrong redaction mean nothing.
template <typename MakeGenerator, typename MakeContenders>
void measure_workload(const settings& s, const workload_spec& w, MakeGenerator make_generator,
                      MakeContenders make_contenders, std::vector<result_row>& rows)
{
   const std::array<veil::action, 2> actions{ veil::action::drop, veil::action::mask };
   auto contenders = std::array{ make_contenders(actions[0]), make_contenders(actions[1]) };
   std::array<std::vector<internal::measured>, 2> all;
   for (std::size_t a = 0; a < actions.size(); ++a) {
      for_each_contender(contenders[a], [&](auto& c, std::size_t) {
         const peak_figure peak = peak_memory_added_by([&] {
            auto generator = make_generator();
            for (std::size_t i = 0; i < s.peak_messages; ++i) {
               if (!c.take(generator.next().plan)) {
                  return false;
               }
            }
            return true;
         });
         internal::measured m;
         m.name = c.name;
         m.kind = c.kind;
         m.redacts = c.redacts;
         m.peak = peak;
         all[a].push_back(std::move(m));
      });
   }
   {
      const corpus messages(make_generator(), s.corpus_bytes, s.checked_messages);
      std::cerr << w.format << " " << w.name << ": " << messages.size() << " messages, "
                << number(static_cast<double>(messages.bytes()) / 1e6, "%.1f") << " MB\n";
      for (std::size_t a = 0; a < actions.size(); ++a) {
         for (std::size_t round = 0; round < s.rounds; ++round) {
            for_each_contender(contenders[a], [&](auto& c, std::size_t i) {
               const pass_figures pass = throughput_pass(messages, c.redact, s.pass_time_limit);
               if (internal::faster(pass, all[a][i].best)) {
                  all[a][i].best = pass;
               }
            });
         }
         for_each_contender(contenders[a], [&](auto& c, std::size_t i) {
            if (c.kind == role::veil) {
               all[a][i].latency = latency_pass(messages, c.redact, s.pass_time_limit);
            }
         });
         check_outputs(messages, contenders[a], all[a]);
         for (const internal::measured& m : all[a]) {
            if (m.best.failures > 0 || m.peak.failed) {
               throw std::runtime_error(w.format + " " + w.name + ": " + m.name + " refused a message");
            }
            if (m.kind == role::veil && m.planted_right != messages.sample().size()) {
               throw std::runtime_error(w.format + " " + w.name + ": veil (" + m.name +
                                        ") kept a value it should remove or removed one it should keep");
            }
         }
         for (result_row& r : internal::rows_of(w, actions[a], all[a], messages.sample().size())) {
            rows.push_back(std::move(r));
         }
      }
   }
   // The corpus's pages back to the system, so that the next workload's peak-memory
   // children do not reuse them unseen.
   malloc_trim(0);
}

}  // namespace veil_bench
