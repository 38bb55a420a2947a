// The sample messages compiled into `veil` for `veil policy test` (sample:FORMAT/FILE) are
// the files of examples/messages, every one and byte for byte.

#include "../examples/cli/shipped_samples.hpp"
#include "sample_messages.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

TEST_CASE("shipped samples: the command holds every file of examples/messages, byte for byte")
{
   namespace fs = std::filesystem;
   const fs::path root = fs::path(VEIL_SOURCE_DIR) / "examples" / "messages";
   std::size_t files = 0;
   for (const fs::directory_entry& folder : fs::directory_iterator(root)) {
      for (const fs::directory_entry& file : fs::directory_iterator(folder.path())) {
         const std::string name = folder.path().filename().string() + "/" + file.path().filename().string();
         CAPTURE(name);
         const std::optional<std::string_view> held = veil::cli::sample_message(name);
         REQUIRE(held.has_value());
         CHECK(*held == veil_test::read_file(file.path()));
         ++files;
      }
   }
   CHECK(files == veil::cli::generated::embedded_samples.size());
   CHECK_FALSE(veil::cli::sample_message("nlets-text/none.txt").has_value());
   CHECK_FALSE(veil::cli::sample_message("dr.txt").has_value());
}
