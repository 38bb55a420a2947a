// The docs cannot name what the commands do not have: every option the docs and the
// README name is one that `veil` or `veil-gateway` prints in its help, and every list of
// formats, in the docs or in a help text, names every format veil reads.

#include "cli_runner.hpp"
#include "sample_messages.hpp"

#include <veil/format.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

[[nodiscard]] std::string output_of(const std::string& command)
{
   std::string out;
   std::FILE* pipe = ::popen(command.c_str(), "r");
   REQUIRE(pipe != nullptr);
   std::array<char, 4096> buffer{};
   for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
      out.append(buffer.data(), n);
   }
   CHECK(::pclose(pipe) == 0);
   return out;
}

// Every help text the two commands print.
[[nodiscard]] std::vector<std::string> help_texts()
{
   std::vector<std::string> texts;
   const veil_test::cli_sandbox box;
   for (const std::vector<std::string>& arguments :
        { std::vector<std::string>{ "--help" }, { "redact", "--help" }, { "explain", "--help" }, { "policy", "--help" },
          { "fields", "--help" }, { "audit", "--help" } }) {
      texts.push_back(box.run(arguments).out);
   }
   texts.push_back(output_of("'" + std::string(VEIL_GATEWAY_PATH) + "' --help"));
   return texts;
}

// README.md and every Markdown file under docs/.
[[nodiscard]] std::vector<fs::path> documents()
{
   const fs::path root(VEIL_SOURCE_DIR);
   std::vector<fs::path> files{ root / "README.md" };
   for (const fs::directory_entry& e : fs::recursive_directory_iterator(root / "docs")) {
      if (e.path().extension() == ".md") {
         files.push_back(e.path());
      }
   }
   return files;
}

// The lines of `text`.
[[nodiscard]] std::vector<std::string> lines_of(const std::string& text)
{
   std::vector<std::string> lines;
   std::size_t start = 0;
   for (std::size_t lf = text.find('\n'); lf != std::string::npos; lf = text.find('\n', start)) {
      lines.push_back(text.substr(start, lf - start));
      start = lf + 1;
   }
   lines.push_back(text.substr(start));
   return lines;
}

// The formats `line` names, each once.
[[nodiscard]] std::set<std::string_view> formats_named(const std::string& line)
{
   std::set<std::string_view> named;
   for (const std::string_view f : veil::format_names) {
      const std::regex word("(^|[^a-z-])" + std::string(f) + "($|[^a-z-])");
      if (std::regex_search(line, word)) {
         named.insert(f);
      }
   }
   return named;
}

}  // namespace

TEST_CASE("docs: every option the docs and the README name is in a help text of veil or veil-gateway")
{
   const std::vector<std::string> helps = help_texts();
   const std::regex option("(^|[^A-Za-z0-9-])(--[a-z][a-z-]*[a-z])");
   std::size_t checked = 0;
   for (const fs::path& doc : documents()) {
      for (const std::string& line : lines_of(veil_test::read_file(doc))) {
         // Build and test tools have options of their own.
         if (line.find("cmake") != std::string::npos || line.find("ctest") != std::string::npos) {
            continue;
         }
         for (auto m = std::sregex_iterator(line.begin(), line.end(), option); m != std::sregex_iterator(); ++m) {
            const std::string name = (*m)[2].str();
            INFO(doc.filename().string() << ": " << line);
            const bool in_help = std::any_of(helps.begin(), helps.end(), [&name](const std::string& help) {
               return std::regex_search(help, std::regex("(^|[^A-Za-z0-9-])" + name + "($|[^a-z-])"));
            });
            CHECK_MESSAGE(in_help, name << " is in no help text");
            ++checked;
         }
      }
   }
   CHECK(checked > 100);
}

TEST_CASE("docs: a list of formats in the docs or a help text names every format")
{
   std::vector<std::string> texts = help_texts();
   for (const fs::path& doc : documents()) {
      texts.push_back(veil_test::read_file(doc));
   }
   std::size_t lists = 0;
   for (const std::string& text : texts) {
      for (const std::string& line : lines_of(text)) {
         const std::set<std::string_view> named = formats_named(line);
         if (named.size() >= 3) {
            INFO(line);
            CHECK(named.size() == veil::format_names.size());
            ++lists;
         }
      }
   }
   CHECK(lists >= 4);  // the --format lines of redact, explain and fields, and the policy format table
}
