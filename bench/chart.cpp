// Draws the benchmark results as an SVG chart: for each row of results.json, veil's
// throughput as a multiple of each baseline's, on a log scale with 1× (as fast as the
// baseline) marked. The file is read with simdjson's DOM API, which validates all of it;
// a row without the fields the format promises is refused, so the quick run in the tests
// also checks that the results are well formed.
//
//   veil_bench_chart results.json chart.svg

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

struct baseline_style
{
   std::string_view name;
   std::string_view colour;
};

constexpr std::array<baseline_style, 5> baselines{ {
   { "memcpy", "#4e79a7" },
   { "pugixml_parse", "#f28e2b" },
   { "pugixml_parse_redact_save", "#e15759" },
   { "std_regex", "#59a14f" },
   { "read_all", "#b07aa1" },
} };

struct row
{
   std::string label;
   std::vector<std::pair<std::size_t, double>> ratios;  // index into `baselines`, ratio
};

[[nodiscard]] std::string_view text_of(simdjson::dom::element e, const char* key, std::size_t index)
{
   std::string_view value;
   if (e[key].get_string().get(value) != simdjson::SUCCESS) {
      throw std::runtime_error("row " + std::to_string(index) + ": no string \"" + key + "\"");
   }
   return value;
}

double number_of(simdjson::dom::element e, const char* key, std::size_t index)
{
   double value = 0;
   if (e[key].get_double().get(value) != simdjson::SUCCESS || !std::isfinite(value) || value < 0) {
      throw std::runtime_error("row " + std::to_string(index) + ": no number \"" + key + "\"");
   }
   return value;
}

// The rows of results.json, every field the format promises checked.
[[nodiscard]] std::vector<row> read_rows(const char* path)
{
   simdjson::dom::parser parser;
   simdjson::dom::array array;
   if (parser.load(path).get_array().get(array) != simdjson::SUCCESS) {
      throw std::runtime_error(std::string(path) + " is not a JSON array");
   }
   std::vector<row> rows;
   for (const simdjson::dom::element e : array) {
      const std::size_t index = rows.size();
      row r;
      r.label = std::string(text_of(e, "format", index)) + "  " + std::string(text_of(e, "workload", index)) + "  " +
                std::string(text_of(e, "action", index)) + "  " + std::string(text_of(e, "api", index));
      for (const char* key : { "mb_per_s", "msgs_per_s", "p50_us", "p99_us" }) {
         (void)number_of(e, key, index);
      }
      std::uint64_t peak = 0;
      if (e["peak_bytes"].get_uint64().get(peak) != simdjson::SUCCESS) {
         throw std::runtime_error("row " + std::to_string(index) + ": no whole number \"peak_bytes\"");
      }
      simdjson::dom::object ratios;
      if (e["ratios"].get_object().get(ratios) != simdjson::SUCCESS || ratios.size() == 0) {
         throw std::runtime_error("row " + std::to_string(index) + ": no \"ratios\" object");
      }
      for (const auto field : ratios) {
         const auto known = std::find_if(baselines.begin(), baselines.end(),
                                         [&field](const baseline_style& b) { return b.name == field.key; });
         double ratio = 0;
         if (known == baselines.end() || field.value.get_double().get(ratio) != simdjson::SUCCESS || !(ratio > 0)) {
            throw std::runtime_error("row " + std::to_string(index) + ": ratio \"" + std::string(field.key) +
                                     "\" is not a known baseline with a positive number");
         }
         r.ratios.emplace_back(static_cast<std::size_t>(known - baselines.begin()), ratio);
      }
      rows.push_back(std::move(r));
   }
   if (rows.empty()) {
      throw std::runtime_error(std::string(path) + " has no rows");
   }
   return rows;
}

[[nodiscard]] std::string escaped(std::string_view text)
{
   std::string out;
   for (const char c : text) {
      out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
   }
   return out;
}

[[nodiscard]] std::string fixed(double value)
{
   char text[32];
   std::snprintf(text, sizeof text, "%.1f", value);
   return text;
}

[[nodiscard]] std::string ratio_text(double ratio)
{
   char text[32];
   std::snprintf(text, sizeof text, ratio < 10 ? "%.2f×" : "%.0f×", ratio);
   return text;
}

// Bars of width log10(ratio) from 1/100 to 1000 on an x axis to the right of the labels.
[[nodiscard]] std::string svg_of(const std::vector<row>& rows)
{
   constexpr double label_width = 430;
   constexpr double plot_width = 520;
   constexpr double bar = 11;
   constexpr double gap = 9;
   constexpr double top = 58;
   constexpr double low = -2;   // log10 of the smallest ratio shown
   constexpr double high = 3;   // and of the largest
   const auto x_of = [&](double ratio) {
      const double l = std::clamp(std::log10(ratio), low, high);
      return label_width + (l - low) / (high - low) * plot_width;
   };
   double height = top;
   for (const row& r : rows) {
      height += static_cast<double>(std::max<std::size_t>(r.ratios.size(), 1)) * bar + gap;
   }
   const double width = label_width + plot_width + 70;
   std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fixed(width) + "\" height=\"" +
                     fixed(height + 30) + "\" font-family=\"sans-serif\" font-size=\"11\">\n";
   svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
   svg += "<text x=\"10\" y=\"18\" font-size=\"14\">veil throughput as a multiple of each baseline's, same run, one "
          "core (log scale)</text>\n";
   double legend_x = 10;
   for (const baseline_style& b : baselines) {
      svg += "<rect x=\"" + fixed(legend_x) + "\" y=\"28\" width=\"10\" height=\"10\" fill=\"" + std::string(b.colour) +
             "\"/><text x=\"" + fixed(legend_x + 14) + "\" y=\"37\">" + std::string(b.name) + "</text>\n";
      legend_x += 24 + 6.5 * static_cast<double>(b.name.size());
   }
   for (double l = low; l <= high; ++l) {
      const double ratio = std::pow(10.0, l);
      const double x = x_of(ratio);
      svg += "<line x1=\"" + fixed(x) + "\" y1=\"" + fixed(top - 6) + "\" x2=\"" + fixed(x) + "\" y2=\"" +
             fixed(height) + "\" stroke=\"" + (l == 0 ? "#333" : "#ddd") + "\"/>\n";
      svg += "<text x=\"" + fixed(x) + "\" y=\"" + fixed(height + 16) + "\" text-anchor=\"middle\">" +
             ratio_text(ratio) + "</text>\n";
   }
   double y = top;
   for (const row& r : rows) {
      const double group = static_cast<double>(std::max<std::size_t>(r.ratios.size(), 1)) * bar;
      svg += "<text x=\"" + fixed(label_width - 8) + "\" y=\"" + fixed(y + group / 2 + 4) + "\" text-anchor=\"end\">" +
             escaped(r.label) + "</text>\n";
      for (const auto& [index, ratio] : r.ratios) {
         const double from = x_of(1.0);
         const double to = x_of(ratio);
         svg += "<rect x=\"" + fixed(std::min(from, to)) + "\" y=\"" + fixed(y + 1) + "\" width=\"" +
                fixed(std::max(std::abs(to - from), 1.0)) + "\" height=\"" + fixed(bar - 2) + "\" fill=\"" +
                std::string(baselines[index].colour) + "\"><title>" + std::string(baselines[index].name) + ": " +
                ratio_text(ratio) + "</title></rect>\n";
         svg += "<text x=\"" + fixed(std::max(from, to) + 4) + "\" y=\"" + fixed(y + bar - 2) + "\" font-size=\"9\">" +
                ratio_text(ratio) + "</text>\n";
         y += bar;
      }
      y += gap;
   }
   return svg + "</svg>\n";
}

}  // namespace

int main(int argc, char** argv)
{
   if (argc != 3) {
      std::cerr << "usage: veil_bench_chart results.json chart.svg\n";
      return 2;
   }
   try {
      const std::string svg = svg_of(read_rows(argv[1]));
      std::ofstream out(argv[2], std::ios::binary);
      out << svg;
      if (!out) {
         throw std::runtime_error(std::string("cannot write ") + argv[2]);
      }
   }
   catch (const std::exception& e) {
      std::cerr << "veil_bench_chart: " << e.what() << "\n";
      return 1;
   }
   return 0;
}
