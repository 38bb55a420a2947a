#pragma once
// The synthetic messages shipped in examples/messages/nlets-text, and whole-file reads.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace veil_test {

[[nodiscard]] inline std::string read_file(const std::filesystem::path& file)
{
   std::ifstream f(file, std::ios::binary);
   if (!f) {
      throw std::runtime_error("cannot read " + file.string());
   }
   return { std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>() };
}

[[nodiscard]] inline std::filesystem::path sample_message_dir()
{
   return std::filesystem::path(VEIL_SOURCE_DIR) / "examples" / "messages" / "nlets-text";
}

struct sample_message
{
   std::string name;  // file name, e.g. "dq.txt"
   std::string bytes;
};

// Every sample, in file-name order; never empty (a missing directory is an error).
[[nodiscard]] inline std::vector<sample_message> sample_messages()
{
   std::vector<sample_message> samples;
   for (const auto& entry : std::filesystem::directory_iterator(sample_message_dir())) {
      if (entry.path().extension() == ".txt") {
         samples.push_back({ entry.path().filename().string(), read_file(entry.path()) });
      }
   }
   if (samples.empty()) {
      throw std::runtime_error("no sample messages in " + sample_message_dir().string());
   }
   std::sort(samples.begin(), samples.end(),
             [](const sample_message& a, const sample_message& b) { return a.name < b.name; });
   return samples;
}

[[nodiscard]] inline std::string sample_bytes(const std::string& name)
{
   return read_file(sample_message_dir() / name);
}

}  // namespace veil_test
