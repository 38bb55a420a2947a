// `veil audit keygen`, `veil redact --audit FILE --audit-key SECRET` and `veil audit
// verify`, run as a state would: keys made, two runs appending to one log, the log
// verified, then edited, cut and reordered by hand the way someone covering a request
// would, each found with the line it breaks at.

#include "cli_runner.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using veil_test::cli_result;
using veil_test::cli_sandbox;

[[nodiscard]] std::vector<std::string> lines_of(const std::string& text)
{
   std::vector<std::string> lines;
   for (std::size_t at = 0; at < text.size();) {
      const std::size_t end = text.find('\n', at);
      lines.push_back(text.substr(at, end + 1 - at));
      at = end + 1;
   }
   return lines;
}

[[nodiscard]] std::string joined(const std::vector<std::string>& lines)
{
   std::string text;
   for (const std::string& l : lines) {
      text += l;
   }
   return text;
}

const std::string dr = veil_test::read_file(std::string(VEIL_SOURCE_DIR) + "/examples/messages/nlets-text/dr.txt");
const std::string rr = veil_test::read_file(std::string(VEIL_SOURCE_DIR) + "/examples/messages/nlets-text/rr.txt");

}  // namespace

TEST_CASE("veil audit keygen writes a key pair, the secret readable by its owner only, and replaces no key")
{
   const cli_sandbox box;
   const cli_result made = box.run({ "audit", "keygen", "secret.key", "public.key" });
   REQUIRE(made.status == 0);
   struct stat secret {};
   REQUIRE(::stat(box.path("secret.key").c_str(), &secret) == 0);
   CHECK((secret.st_mode & 0777) == 0600);
   CHECK(box.read("secret.key")->size() == 65);
   CHECK(box.read("public.key")->size() == 65);
   CHECK(box.run({ "audit", "keygen", "secret.key", "other.key" }).status == 2);
   CHECK(box.read("secret.key") == box.read("secret.key"));
}

TEST_CASE("veil redact --audit chains its lines across runs, and veil audit verify finds every edit")
{
   const cli_sandbox box;
   REQUIRE(box.run({ "audit", "keygen", "secret.key", "public.key" }).status == 0);
   box.write("dr.txt", dr);
   box.write("rr.txt", rr);
   REQUIRE(box.run({ "redact", "--audit", "audit.log", "--audit-key", "secret.key", "dr.txt" }).status == 0);
   REQUIRE(box.run({ "redact", "--audit", "audit.log", "--audit-key", "secret.key", "rr.txt", "dr.txt" }).status == 0);
   const std::string log = box.read("audit.log").value_or("");
   const std::vector<std::string> lines = lines_of(log);
   // dr, its run's closing checkpoint, rr, dr, the second run's closing checkpoint.
   REQUIRE(lines.size() == 5);
   for (std::size_t i = 0; i < lines.size(); ++i) {
      CHECK(lines[i].starts_with("{\"seq\":" + std::to_string(i + 1) + ",\"prev\":\""));
   }
   CHECK(lines[1].find("\"checkpoint\":{\"final\":true") != std::string::npos);

   const cli_result intact = box.run({ "audit", "verify", "--key", "public.key", "audit.log" });
   CHECK(intact.status == 0);
   CHECK(intact.out == "intact: 5 lines, 2 checkpoints, every signature verified, closed by a final checkpoint\n");
   CHECK(box.run({ "audit", "verify", "audit.log" }).out ==
         "intact: 5 lines, 2 checkpoints; signatures not checked (no --key)\n");

   struct tampering
   {
      std::string what;
      std::vector<std::string> lines;
      std::string expected;  // the start of what verify prints
   };
   std::vector<std::string> edited = lines;
   edited[2].replace(edited[2].find("\"outcome\":\""), 20, "\"outcome\":\"passed\",");
   std::vector<std::string> removed = lines;
   removed.erase(removed.begin() + 2);
   std::vector<std::string> swapped = lines;
   std::swap(swapped[2], swapped[3]);
   const std::vector<std::string> cut(lines.begin(), lines.begin() + 4);
   const std::vector<tampering> cases{
      { "an outcome rewritten", edited, "broken: audit.log line 4: it does not follow the line before it" },
      { "a line removed", removed, "broken: audit.log line 3: sequence number 4 where 3 was due" },
      { "two lines swapped", swapped, "broken: audit.log line 3: sequence number 4 where 3 was due" },
      { "the closing checkpoint cut off", cut, "broken: audit.log line 4: the log ends 2 line(s) after a checkpoint" },
   };
   for (const tampering& t : cases) {
      CAPTURE(t.what);
      box.write("audit.log", joined(t.lines));
      const cli_result r = box.run({ "audit", "verify", "--key", "public.key", "audit.log" });
      CHECK(r.status == 1);
      CHECK(r.out.starts_with(t.expected));
   }
   box.write("audit.log", log);
   CHECK(box.run({ "audit", "verify", "--key", "public.key", "audit.log" }).status == 0);
}

TEST_CASE("veil redact --audit-key writes the licence number of a notice as a token only the key's holder maps back")
{
   const cli_sandbox box;
   REQUIRE(box.run({ "audit", "keygen", "secret.key", "public.key" }).status == 0);
   REQUIRE(box.run({ "audit", "keygen", "other.key", "other-public.key" }).status == 0);
   box.write("dr.txt", dr);
   const std::string licence = "SAMPLPQ123AB";  // the OLN/ of dr.txt
   const std::vector<std::string> withhold{ "redact", "--policy", "preset:immigration-withhold", "--recipient",
                                            "VTICE0900", "--audit" };
   std::vector<std::string> keyed = withhold;
   keyed.insert(keyed.end(), { "keyed.log", "--audit-key", "secret.key", "dr.txt" });
   std::vector<std::string> plain = withhold;
   plain.insert(plain.end(), { "plain.log", "dr.txt" });
   REQUIRE(box.run(keyed).status == 0);
   REQUIRE(box.run(plain).status == 0);
   CHECK(box.read("plain.log")->find("\"record_key\":\"" + licence + "\"") != std::string::npos);
   const std::string log = box.read("keyed.log").value_or("");
   CHECK(log.find(licence) == std::string::npos);
   const std::size_t at = log.find("\"record_key\":\"hmac-sha256:");
   REQUIRE(at != std::string::npos);
   const std::string token = log.substr(at + 14, 12 + 64);
   CHECK(token.find_first_not_of("0123456789abcdef", 12) == std::string::npos);
   // The office that sends the notice maps it back with the key; another key does not.
   const cli_result mapped = box.run({ "audit", "token", "secret.key" }, "OTHER0000001\n" + licence + "\n");
   CHECK(mapped.status == 0);
   CHECK(mapped.out.find(token + " " + licence + "\n") != std::string::npos);
   CHECK(box.run({ "audit", "token", "other.key", licence }).out.find(token) == std::string::npos);
   CHECK(box.run({ "audit", "verify", "--key", "public.key", "keyed.log" }).status == 0);
}

TEST_CASE("veil audit: wrong uses are refused with a usage status")
{
   const cli_sandbox box;
   box.write("dr.txt", dr);
   REQUIRE(box.run({ "redact", "--audit", "audit.log", "dr.txt" }).status == 0);
   CHECK(box.run({ "redact", "--audit-key", "secret.key", "dr.txt" }).status == 2);
   CHECK(box.run({ "redact", "--audit", "audit.log", "--audit-key", "missing.key", "dr.txt" }).status == 2);
   CHECK(box.run({ "audit", "verify" }).status == 2);
   CHECK(box.run({ "audit", "verify", "missing.log" }).status == 2);
   box.write("bad.key", "not a key\n");
   CHECK(box.run({ "audit", "verify", "--key", "bad.key", "audit.log" }).status == 2);
   CHECK(box.run({ "audit", "frobnicate" }).status == 2);
   // The log stays what the first run wrote: one line, chained from the start.
   CHECK(box.run({ "audit", "verify", "audit.log" }).out == "intact: 1 line, 0 checkpoints; signatures not checked (no --key)\n");
}
