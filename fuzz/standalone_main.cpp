// Runs inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer, so seed
// corpora and saved reproducers replay as an ordinary test with any compiler. A target
// reports a violated property by aborting, which fails the test.
//
//   nlets_text_replay FILE_OR_DIRECTORY...   (a directory stands for its files, in name order)

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

// The files an argument names; false if it names neither a file nor a directory.
bool collect_inputs(const fs::path& argument, std::vector<fs::path>& inputs)
{
   std::error_code error;
   if (fs::is_regular_file(argument, error)) {
      inputs.push_back(argument);
      return true;
   }
   if (!fs::is_directory(argument, error)) {
      return false;
   }
   std::vector<fs::path> files;
   for (const fs::directory_entry& entry : fs::directory_iterator(argument)) {
      if (entry.is_regular_file()) {
         files.push_back(entry.path());
      }
   }
   std::sort(files.begin(), files.end());
   inputs.insert(inputs.end(), files.begin(), files.end());
   return true;
}

bool read_file(const fs::path& path, std::vector<std::uint8_t>& bytes)
{
   std::ifstream in(path, std::ios::binary);
   if (!in) {
      return false;
   }
   bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
   return !in.bad();
}

}  // namespace

int main(int argc, char** argv)
{
   std::vector<fs::path> inputs;
   for (int i = 1; i < argc; ++i) {
      if (!collect_inputs(argv[i], inputs)) {
         std::fprintf(stderr, "%s: no such file or directory\n", argv[i]);
         return 2;
      }
   }
   if (inputs.empty()) {
      std::fprintf(stderr, "no inputs to replay\n");  // a replay of nothing proves nothing
      return 2;
   }
   std::vector<std::uint8_t> bytes;
   for (const fs::path& input : inputs) {
      if (!read_file(input, bytes)) {
         std::fprintf(stderr, "%s: cannot read\n", input.c_str());
         return 2;
      }
      std::printf("replaying %s (%zu bytes)\n", input.c_str(), bytes.size());
      std::fflush(stdout);  // the name must be out before a failing input aborts
      LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
   }
   std::printf("replayed %zu inputs\n", inputs.size());
   return 0;
}
