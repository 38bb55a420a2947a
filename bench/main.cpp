// veil's benchmarks: every format's redactor against the baselines an integrator would
// otherwise use, measured side by side in one run on one core (see docs/performance.md).
//
//   veil_bench [--json FILE]
//
// prints the table and, with --json, writes the rows to FILE. BENCH_QUICK=1 in the
// environment makes every corpus tiny and every pass short: a check that the benchmarks
// build and run, which says nothing about speed.

#include "aamva_corpus.hpp"
#include "ansi_nist_corpus.hpp"
#include "pugixml_redactor.hpp"
#include "read_all_redactor.hpp"
#include "regex_text_redactor.hpp"
#include "text_corpus.hpp"
#include "workload.hpp"
#include "xml_corpus.hpp"

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/ansi_nist/ansi_nist_redactor.hpp>
#include <veil/category_mask.hpp>
#include <veil/detail/chunk_reader.hpp>
#include <veil/mask_policy.hpp>
#include <veil/nlets/text_redactor.hpp>
#include <veil/xml/xml_redactor.hpp>

#include <sched.h>

#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

using namespace veil_bench;

// The mask as a gateway reads it from its configuration.
const veil::runtime_mask configured_mask{ veil::parse_mask("address,photo,immigration") };

[[nodiscard]] settings settings_from_environment()
{
   const char* quick = std::getenv("BENCH_QUICK");
   if (quick == nullptr || std::string_view(quick) == "0" || std::string_view(quick).empty()) {
      return {};
   }
   return { std::size_t{ 128 } << 10, 1, 0.5, 4, 20 };
}

// A veil redactor through both entry points: redact() of a message in memory into the
// reused string, and redact_stream() of a generated message, its output counted and let go.
template <typename Redactor>
[[nodiscard]] auto veil_redactor(std::string api, const Redactor& redactor)
{
   return veil_api(
      std::move(api),
      [&redactor](std::string_view message, std::string& out) { return !redactor.redact(message, out).rejected(); },
      [&redactor](const message_plan& plan) {
         std::size_t written = 0;
         return !redactor.redact_stream(plan_source(plan), [&written](std::string_view bytes) { written += bytes.size(); })
                    .rejected();
      });
}

// A baseline that takes a message whole: in the peak-memory child it is made in memory first.
template <typename Redact>
[[nodiscard]] auto holding_baseline(std::string_view name, Redact redact, bool redacts = true)
{
   return baseline(
      name, redact,
      [redact](const message_plan& plan) {
         std::string out;
         return redact(plan.bytes(), out);
      },
      redacts);
}

// Owns the redactors the contenders of every workload refer to, for the whole run.
class redactor_store
{
public:
   template <typename Redactor>
   [[nodiscard]] const Redactor& keep(Redactor redactor)
   {
      auto owned = std::make_shared<const Redactor>(std::move(redactor));
      const Redactor& kept = *owned;
      redactors_.push_back(std::move(owned));
      return kept;
   }

private:
   std::vector<std::shared_ptr<const void>> redactors_;
};

// A format's options with `applied` as the action, everything else at its default.
template <typename Options>
[[nodiscard]] Options acting(veil::action applied)
{
   Options options;
   options.action = applied;
   return options;
}

void measure_text(const settings& s, redactor_store& store, std::vector<result_row>& rows)
{
   const auto contenders = [&store](veil::action applied) {
      const auto options = acting<veil::nlets::text_options>(applied);
      const regex_text_redactor& script = store.keep(regex_text_redactor(veil::default_mask, applied));
      return std::tuple{
         veil_redactor("text_redactor<static_mask>",
                       store.keep(veil::nlets::text_redactor<veil::static_mask<veil::default_mask>>({}, options))),
         veil_redactor("text_redactor<runtime_mask>",
                       store.keep(veil::nlets::text_redactor<veil::runtime_mask>(configured_mask, options))),
         memcpy_baseline(),
         holding_baseline("std_regex", [&script](std::string_view message, std::string& out) {
            script.redact(message, out);
            return true;
         }) };
   };
   measure_workload(s, { "nlets-text", "dr-rr-kr-1-4kb" },
                    [] { return text_response_generator(1, { "DR", "RR", "KR" }, 1024, 4096); }, contenders, rows);
   measure_workload(s, { "nlets-text", "dr-2kb" }, [] { return text_response_generator(2, { "DR" }, 2000, 2100); },
                    contenders, rows);
}

void measure_xml(const settings& s, redactor_store& store, std::vector<result_row>& rows)
{
   const auto contenders = [&store](veil::action applied) {
      const pugixml_redactor& dom = store.keep(pugixml_redactor(veil::default_mask, applied));
      return std::tuple{
         veil_redactor("xml_redactor<runtime_mask>",
                       store.keep(veil::xml::xml_redactor<veil::runtime_mask>(
                          configured_mask, acting<veil::xml::xml_options>(applied)))),
         memcpy_baseline(),
         holding_baseline(
            "pugixml_parse", [&dom](std::string_view message, std::string&) { return dom.parse(message); }, false),
         holding_baseline("pugixml_parse_redact_save", [&dom](std::string_view message, std::string& out) {
            dom.redact(message, out);
            return !out.empty();
         }) };
   };
   measure_workload(s, { "nlets-xml", "dr-photo-20-60kb" },
                    [] { return xml_response_generator(3, { 20'000, 60'000 }); }, contenders, rows);
   measure_workload(s, { "nlets-xml", "dr-no-photo" }, [] { return xml_response_generator(4, {}); }, contenders, rows);
   measure_workload(s, { "nlets-xml", "dr-photo-5mb" },
                    [] { return xml_response_generator(5, { 5'000'000, 5'000'000 }); }, contenders, rows);
}

void measure_aamva(const settings& s, redactor_store& store, std::vector<result_row>& rows)
{
   const auto contenders = [&store](veil::action applied) {
      return std::tuple{ veil_redactor("aamva_redactor<runtime_mask>",
                                       store.keep(veil::aamva::aamva_redactor<veil::runtime_mask>(
                                          configured_mask, acting<veil::aamva::aamva_options>(applied)))),
                         memcpy_baseline() };
   };
   measure_workload(s, { "aamva", "dl-v08-v10" }, [] { return aamva_payload_generator(6); }, contenders, rows);
}

void measure_ansi_nist(const settings& s, redactor_store& store, std::vector<result_row>& rows)
{
   const auto contenders = [&store](veil::action applied) {
      const read_all_redactor& whole = store.keep(read_all_redactor(veil::default_mask));
      return std::tuple{ veil_redactor("ansi_nist_redactor<runtime_mask>",
                                       store.keep(veil::ansi_nist::ansi_nist_redactor<veil::runtime_mask>(
                                          configured_mask, acting<veil::ansi_nist::ansi_nist_options>(applied)))),
                         memcpy_baseline(),
                         baseline(
                            "read_all",
                            [&whole](std::string_view message, std::string& out) {
                               return whole.redact(veil::detail::memory_source{ message }, out);
                            },
                            [&whole](const message_plan& plan) {
                               std::string out;
                               return whole.redact(plan_source(plan), out);
                            },
                            false) };
   };
   measure_workload(s, { "ansi-nist", "ebts-car-type10-10xtype14" }, [] { return ebts_transaction_generator(7); },
                    contenders, rows);
}

// One core: the process stays on the CPU it started on, so that no pass migrates.
void stay_on_one_core()
{
   cpu_set_t cpus;
   CPU_ZERO(&cpus);
   CPU_SET(sched_getcpu(), &cpus);
   (void)sched_setaffinity(0, sizeof cpus, &cpus);
}

}  // namespace

int main(int argc, char** argv)
{
   std::string json_path;
   for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--json" && i + 1 < argc) {
         json_path = argv[++i];
      }
      else {
         std::cerr << "usage: veil_bench [--json FILE]\n";
         return 2;
      }
   }
   try {
      stay_on_one_core();
      const settings s = settings_from_environment();
      redactor_store store;
      std::vector<result_row> rows;
      measure_text(s, store, rows);
      measure_xml(s, store, rows);
      measure_aamva(s, store, rows);
      measure_ansi_nist(s, store, rows);
      std::cout << to_table(rows);
      if (!json_path.empty()) {
         std::ofstream json(json_path, std::ios::binary);
         json << to_json(rows);
         if (!json) {
            std::cerr << "veil_bench: cannot write " << json_path << "\n";
            return 1;
         }
      }
   }
   catch (const std::exception& e) {
      std::cerr << "veil_bench: " << e.what() << "\n";
      return 1;
   }
   return 0;
}
