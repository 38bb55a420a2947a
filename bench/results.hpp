#pragma once
// One row per workload, action and way veil is called: veil's figures, those of each
// baseline measured beside it in the same run, and veil's throughput as a multiple of
// each baseline's. Written as a JSON array (bench/results.json) and as the table printed
// at the end of a run.

#include <veil/detail/json_writer.hpp>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace veil_bench {

// The baselines by the names results.json gives them, in the table's column order.
inline constexpr std::string_view baseline_names[] = { "memcpy", "pugixml_parse", "pugixml_parse_redact_save",
                                                       "std_regex", "read_all" };

struct baseline_result
{
   std::string name;
   double mb_per_s = 0;
   std::size_t peak_bytes = 0;
};

// How many of the checked messages an output kept and removed the planted values right
// for, and (for a baseline) how many it wrote byte for byte as veil did.
struct output_check
{
   std::string name;
   double planted = 0;
   double same_bytes_as_veil = -1;  // negative: not compared
};

struct result_row
{
   std::string format;    // as `veil --format` names it
   std::string workload;
   std::string api;       // how veil was called
   std::string action;
   double mb_per_s = 0;
   double msgs_per_s = 0;
   double p50_us = 0;
   double p99_us = 0;
   std::size_t peak_bytes = 0;
   std::size_t messages = 0;  // in the throughput pass
   std::size_t bytes = 0;
   std::vector<baseline_result> baselines;
   std::vector<output_check> checks;

   [[nodiscard]] const baseline_result* baseline(std::string_view name) const
   {
      for (const baseline_result& b : baselines) {
         if (b.name == name) {
            return &b;
         }
      }
      return nullptr;
   }
};

[[nodiscard]] inline std::string number(double value, const char* format = "%.3f")
{
   char text[32];
   std::snprintf(text, sizeof text, format, value);
   return text;
}

// One JSON object written into a string, its members separated as they are added.
class json_object
{
public:
   explicit json_object(std::string& out) : out_(out) { out_ += '{'; }

   void text(std::string_view key, std::string_view value)
   {
      name(key);
      veil::detail::append_json_string(out_, value);
   }
   void count(std::string_view key, std::size_t value)
   {
      name(key);
      out_ += std::to_string(value);
   }
   void fraction(std::string_view key, double value, const char* format = "%.4f")
   {
      name(key);
      out_ += number(value, format);
   }
   // An object as the value of `key`; close() it before adding to this one.
   [[nodiscard]] json_object object(std::string_view key)
   {
      name(key);
      return json_object(out_);
   }
   void close() { out_ += '}'; }

private:
   void name(std::string_view key)
   {
      out_ += first_ ? "" : ",";
      first_ = false;
      veil::detail::append_json_string(out_, key);
      out_ += ':';
   }

   std::string& out_;
   bool first_ = true;
};

[[nodiscard]] inline std::string to_json(const std::vector<result_row>& rows)
{
   std::string out = "[\n";
   for (const result_row& r : rows) {
      out += "  ";
      json_object row(out);
      row.text("format", r.format);
      row.text("workload", r.workload);
      row.text("api", r.api);
      row.text("action", r.action);
      row.fraction("mb_per_s", r.mb_per_s, "%.3f");
      row.fraction("msgs_per_s", r.msgs_per_s, "%.1f");
      row.fraction("p50_us", r.p50_us, "%.3f");
      row.fraction("p99_us", r.p99_us, "%.3f");
      row.count("peak_bytes", r.peak_bytes);
      row.count("messages", r.messages);
      row.count("bytes", r.bytes);
      json_object ratios = row.object("ratios");
      for (const baseline_result& b : r.baselines) {
         ratios.fraction(b.name, r.mb_per_s / b.mb_per_s);
      }
      ratios.close();
      json_object baselines = row.object("baselines");
      for (const baseline_result& b : r.baselines) {
         json_object figures = baselines.object(b.name);
         figures.fraction("mb_per_s", b.mb_per_s, "%.3f");
         figures.count("peak_bytes", b.peak_bytes);
         figures.close();
      }
      baselines.close();
      json_object checks = row.object("checks");
      for (const output_check& c : r.checks) {
         json_object check = checks.object(c.name);
         check.fraction("planted", c.planted);
         if (c.same_bytes_as_veil >= 0) {
            check.fraction("same_bytes_as_veil", c.same_bytes_as_veil);
         }
         check.close();
      }
      checks.close();
      row.close();
      out += &r == &rows.back() ? "\n" : ",\n";
   }
   return out + "]\n";
}

// "12.3 MiB", "640 KiB"
[[nodiscard]] inline std::string memory_text(std::size_t bytes)
{
   if (bytes >= (std::size_t{ 10 } << 20)) {
      return number(static_cast<double>(bytes) / (1 << 20), "%.0f MiB");
   }
   if (bytes >= (std::size_t{ 1 } << 20)) {
      return number(static_cast<double>(bytes) / (1 << 20), "%.1f MiB");
   }
   return number(static_cast<double>(bytes) / 1024, "%.0f KiB");
}

// The table as Markdown, which reads as well in a terminal as in docs/performance.md:
// veil's figures, then veil's throughput as a multiple of each baseline's.
[[nodiscard]] inline std::string to_table(const std::vector<result_row>& rows)
{
   std::string out = "| format | workload | api | action | MB/s | msgs/s | p50 µs | p99 µs | peak memory |";
   std::string rule = "|---|---|---|---|--:|--:|--:|--:|--:|";
   for (const std::string_view name : baseline_names) {
      out += " × " + std::string(name) + " |";
      rule += "--:|";
   }
   out += "\n" + rule + "\n";
   for (const result_row& r : rows) {
      out += "| " + r.format + " | " + r.workload + " | `" + r.api + "` | " + r.action + " | " + number(r.mb_per_s, "%.1f") +
             " | " + number(r.msgs_per_s, "%.0f") + " | " + number(r.p50_us, "%.2f") + " | " + number(r.p99_us, "%.2f") +
             " | " + memory_text(r.peak_bytes) + " |";
      for (const std::string_view name : baseline_names) {
         const baseline_result* b = r.baseline(name);
         out += b != nullptr ? " " + number(r.mb_per_s / b->mb_per_s, "%.3g") + " |" : " – |";
      }
      out += "\n";
   }
   return out;
}

}  // namespace veil_bench
