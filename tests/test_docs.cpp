// The documentation shows only what the code does: help texts, the field dictionary
// tables and the embedding example are compared with what the built programs print, and
// every ```console example in the docs is run and must print what the doc shows.

#include "cli_runner.hpp"
#include "sample_messages.hpp"

#include <veil/policy/policy_json.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;
using veil_test::read_file;

const fs::path source_dir = VEIL_SOURCE_DIR;

struct run_result
{
   std::string output;  // stdout and stderr, as a terminal shows them
   int status = -1;
};

// Runs `command` with /bin/sh in `directory`, with the built `veil` first on PATH.
[[nodiscard]] run_result run_shell(const std::string& command, const fs::path& directory)
{
   const std::string cli_dir = fs::path(VEIL_CLI_PATH).parent_path().string();
   const std::string line = "cd '" + directory.string() + "' && PATH='" + cli_dir + "':\"$PATH\" && export PATH && { " +
                            command + "\n} 2>&1";
   std::FILE* pipe = ::popen(line.c_str(), "r");
   REQUIRE_MESSAGE(pipe != nullptr, "cannot run " << command);
   run_result result;
   char buffer[4096];
   for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
      result.output.append(buffer, n);
   }
   const int wait_status = ::pclose(pipe);
   result.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
   return result;
}

// One `$ command` line of a console block and the lines under it, up to the next `$ `.
struct console_example
{
   std::string command;
   std::string expected_output;
};

using console_block = std::vector<console_example>;

[[nodiscard]] std::vector<console_block> console_blocks(std::string_view markdown)
{
   std::vector<console_block> blocks;
   bool inside = false;
   std::size_t start = 0;
   while (start < markdown.size()) {
      std::size_t end = markdown.find('\n', start);
      end = end == std::string_view::npos ? markdown.size() : end + 1;
      const std::string_view line = markdown.substr(start, end - start);
      start = end;
      if (!inside) {
         if (line == "```console\n") {
            inside = true;
            blocks.emplace_back();
         }
      }
      else if (line.starts_with("```")) {
         inside = false;
      }
      else if (line.starts_with("$ ")) {
         blocks.back().push_back({ std::string(line.substr(2, line.size() - 3)), {} });
      }
      else {
         REQUIRE_MESSAGE(!blocks.back().empty(), "console block starts with output, not a '$ ' command");
         blocks.back().back().expected_output += line;
      }
   }
   REQUIRE_MESSAGE(!inside, "unterminated console block");
   return blocks;
}

// Audit lines stamp the time they were written: the doc shows one, any time matches it.
// The time stamps of audit lines, and the hashes that chain them (each covers the line
// before it, stamp included), are those of the run.
[[nodiscard]] std::string without_times(std::string text)
{
   constexpr std::string_view key = "\"time\":\"";
   constexpr std::size_t stamp_size = std::string_view("2026-11-26T21:30:05.123Z").size();
   for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
      text.replace(at + key.size(), std::min(stamp_size, text.size() - at - key.size()), "(time)");
   }
   constexpr std::string_view prev = "\"prev\":\"";
   constexpr std::size_t hash_size = 64;
   for (std::size_t at = text.find(prev); at != std::string::npos; at = text.find(prev, at + 1)) {
      text.replace(at + prev.size(), std::min(hash_size, text.size() - at - prev.size()), "(hash)");
   }
   return text;
}

// Runs each block in a fresh working directory whose `examples` and `docs` are the
// repository's, so paths read as they do at the top of a checkout; a block's commands
// run in order. Returns how many commands ran.
std::size_t check_console_examples(const fs::path& markdown_file)
{
   std::size_t commands = 0;
   for (const console_block& block : console_blocks(read_file(markdown_file))) {
      const veil_test::cli_sandbox sandbox;
      fs::create_directory_symlink(source_dir / "examples", sandbox.path("examples"));
      fs::create_directory_symlink(source_dir / "docs", sandbox.path("docs"));
      for (const console_example& example : block) {
         INFO(markdown_file.filename().string() << ": $ " << example.command);
         CHECK(without_times(run_shell(example.command, sandbox.path(".")).output) ==
               without_times(example.expected_output));
         ++commands;
      }
   }
   return commands;
}

[[nodiscard]] bool contains(std::string_view text, std::string_view part)
{
   return text.find(part) != std::string_view::npos;
}

// `doc` quotes the program `source` whole, and shows what its build `binary` prints,
// which is returned.
std::string check_quoted_example(const std::string& doc, const char* source, const char* binary)
{
   CHECK(contains(doc, "```cpp\n" + read_file(source_dir / source) + "```\n"));
   const run_result run = run_shell("'" + std::string(binary) + "'", fs::current_path());
   CHECK(run.status == 0);
   CHECK(contains(doc, "```text\n" + run.output + "```\n"));
   return run.output;
}

}  // namespace

TEST_CASE("the README quotes the embedding example whole, and shows what it prints")
{
   const std::string output =
      check_quoted_example(read_file(source_dir / "README.md"), "examples/embed/main.cpp", VEIL_EMBED_EXAMPLE_PATH);
   CHECK(contains(output, "\"outcome\":\"redacted\""));
}

TEST_CASE("docs/formats/nlets-xml.md quotes the DOM example whole, and shows what it prints")
{
   const std::string output = check_quoted_example(read_file(source_dir / "docs/formats/nlets-xml.md"),
                                                    "examples/dom/main.cpp", VEIL_DOM_EXAMPLE_PATH);
   CHECK(contains(output, "\"tag\":\"nc:PersonBirthLocation\""));
   CHECK_FALSE(contains(output, "<nc:PersonBirthLocation>"));
}

TEST_CASE("docs/policy.md quotes the policy example whole, shows what it prints, and every policy in it loads")
{
   const std::string doc = read_file(source_dir / "docs/policy.md");
   const std::string output = check_quoted_example(doc, "examples/policy/main.cpp", VEIL_POLICY_EXAMPLE_PATH);
   CHECK(contains(output, "\"outcome\":\"withheld\""));

   std::size_t policies = 0;
   for (std::size_t at = doc.find("```json\n"); at != std::string::npos; at = doc.find("```json\n", at + 1)) {
      const std::size_t start = at + 8;
      const std::string json = doc.substr(start, doc.find("```\n", start) - start);
      INFO(json);
      CHECK_NOTHROW((void)veil::policy::read_policy(json));
      ++policies;
   }
   CHECK(policies > 0);
}

TEST_CASE("docs/policy.md shows the explain and matrix pages at both widths the browser test checks, and the images are there")
{
   // tests/browser/explain_page.py --screenshots docs/images writes them.
   const std::string doc = read_file(source_dir / "docs/policy.md");
   for (const std::string image :
        { "images/explain-1280.png", "images/explain-390.png", "images/matrix-1280.png", "images/matrix-390.png" }) {
      CAPTURE(image);
      CHECK(contains(doc, "](" + image + ")"));
      const std::string png = read_file(source_dir / "docs" / image);
      CHECK(png.starts_with("\x89PNG\r\n\x1a\n"));
   }
}

TEST_CASE("docs/cli.md quotes every help text of the veil command as it prints it")
{
   const std::string doc = read_file(source_dir / "docs/cli.md");
   const veil_test::cli_sandbox sandbox;
   for (const std::vector<std::string>& arguments :
        { std::vector<std::string>{ "--help" }, { "redact", "--help" }, { "explain", "--help" }, { "policy", "--help" }, { "fields", "--help" }, { "audit", "--help" } }) {
      std::string command = "veil";
      for (const std::string& argument : arguments) {
         command += " " + argument;
      }
      INFO(command);
      const veil_test::cli_result run = sandbox.run(arguments);
      CHECK(run.status == 0);
      CHECK(run.err.empty());
      CHECK(run.out.starts_with("usage: veil"));
      CHECK(contains(doc, "$ " + command + "\n" + run.out + "```\n"));
   }
}

TEST_CASE("docs/formats/nlets-text.md holds the field dictionary tables the code has")
{
   const std::string doc = read_file(source_dir / "docs/formats/nlets-text.md");
   const veil_test::cli_result run = veil_test::cli_sandbox{}.run({ "fields", "--format", "nlets-text", "--markdown" });
   CHECK(run.status == 0);
   CHECK(contains(run.out, "| `POB/` | place of birth | immigration |"));
   CHECK(contains(doc, "\n" + run.out));
}

TEST_CASE("every console example in README.md and docs/ prints what the doc shows")
{
   std::vector<fs::path> documents{ source_dir / "README.md" };
   for (const fs::directory_entry& entry : fs::recursive_directory_iterator(source_dir / "docs")) {
      if (entry.path().extension() == ".md") {
         documents.push_back(entry.path());
      }
   }
   for (const fs::path& document : documents) {
      const std::size_t commands = check_console_examples(document);
      // These promise examples; a parser that finds none must not pass for them.
      const fs::path relative = document.lexically_relative(source_dir);
      if (relative == "README.md" || relative == "docs/cli.md" || relative == "docs/formats/nlets-text.md" ||
          relative == "docs/formats/aamva.md" || relative == "docs/formats/ansi-nist.md") {
         CHECK_MESSAGE(commands > 0, relative << " has no console example");
      }
   }
}

TEST_CASE("docs/formats/nlets-xml.md holds the element dictionary tables the code has")
{
   const std::string doc = read_file(source_dir / "docs/formats/nlets-xml.md");
   const veil_test::cli_result run = veil_test::cli_sandbox{}.run({ "fields", "--format", "nlets-xml", "--markdown" });
   CHECK(run.status == 0);
   CHECK(contains(run.out, "| `nc:PersonSSNIdentification` | ssn |"));
   CHECK(contains(doc, "\n" + run.out));
}

TEST_CASE("docs/formats/aamva.md holds the element dictionary table the code has")
{
   const std::string doc = read_file(source_dir / "docs/formats/aamva.md");
   const veil_test::cli_result run = veil_test::cli_sandbox{}.run({ "fields", "--format", "aamva", "--markdown" });
   CHECK(run.status == 0);
   CHECK(contains(run.out, "| `DAG` | 01-11 | address | address, street 1 |"));
   CHECK(contains(doc, "\n" + run.out));
}

TEST_CASE("docs/formats/ansi-nist.md holds the record and field tables the code has")
{
   const std::string doc = read_file(source_dir / "docs/formats/ansi-nist.md");
   const veil_test::cli_result run = veil_test::cli_sandbox{}.run({ "fields", "--format", "ansi-nist", "--markdown" });
   CHECK(run.status == 0);
   CHECK(contains(run.out, "| Type-10 | photo | tagged |"));
   CHECK(contains(run.out, "| `2.041` | RES | address |"));
   CHECK(contains(doc, "\n" + run.out));
}
