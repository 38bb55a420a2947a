// Error messages that help: an unknown name lists the known ones (and says when only the
// case is wrong), an unreadable input says why and points to the file rather than the
// help, and a preset's name given as a file says how to name the preset.

#include "cli_refusals.hpp"
#include "sample_messages.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

using veil_test::cli_result;
using veil_test::cli_sandbox;

namespace {

const std::string every_category = "address, photo, biometric, immigration, ssn, medical or contact";

}  // namespace

TEST_CASE("veil: an unknown category, format or action lists the known names, and says when they are lower case")
{
   const cli_sandbox box;
   box.write("dq.txt", veil_test::sample_bytes("dq.txt"));
   const std::string help = "(see veil --help)\n";
   const std::vector<veil_test::cli_refusal> refused{
      { { "redact", "--mask", "address,Photo", "dq.txt" },
        "veil: unknown category 'Photo' (names are lower case; expected " + every_category + ")\n" },
      { { "redact", "--mask", "adress", "dq.txt" }, "veil: unknown category 'adress' (expected " + every_category + ")\n" },
      { { "redact", "--label", "ABODE:=Address", "dq.txt" },
        "veil: --label: unknown category 'Address' (names are lower case; expected " + every_category + ")\n" + help },
      { { "redact", "--action", "Mask", "dq.txt" },
        "veil: unknown action 'Mask' (names are lower case; expected drop or mask)\n" },
      { { "redact", "--format", "AAMVA", "dq.txt" },
        "veil: unknown format 'AAMVA' (names are lower case; expected auto, nlets-text, nlets-xml, aamva or ansi-nist)\n" +
           help },
      { { "explain", "--policy", "preset:immigration-withhold", "--recipient", "AX", "--format", "xml", "dq.txt" },
        "veil: unknown format 'xml' (expected auto, nlets-text, nlets-xml, aamva or ansi-nist)\n" + help },
      { { "fields", "--format", "Nlets-Text" },
        "veil: unknown format 'Nlets-Text' (names are lower case; expected nlets-text, nlets-xml, aamva or ansi-nist)\n" +
           help },
   };
   veil_test::check_refusals(box, refused);
}

TEST_CASE("veil: an input that cannot be read says why, and does not point to the help")
{
   const cli_sandbox box;
   box.write("dq.txt", veil_test::sample_bytes("dq.txt"));
   std::filesystem::create_directory(box.path("messages"));
   const std::vector<veil_test::cli_refusal> refused{
      { { "redact", "dq.txt", "missing.txt" }, "veil: cannot read 'missing.txt': not found\n" },
      { { "redact", "messages" }, "veil: cannot read 'messages': is a directory\n" },
      { { "redact", "messages/dq.txt" }, "veil: cannot read 'messages/dq.txt': not found\n" },
      { { "explain", "--policy", "preset:immigration-withhold", "--recipient", "AX", "missing.txt" },
        "veil: cannot read 'missing.txt': not found\n" },
      { { "explain", "--policy", "preset:immigration-withhold", "--recipient", "AX", "messages" },
        "veil: cannot read 'messages': is a directory\n" },
      { { "redact", "--policy", "immigration-minimize", "dq.txt" },
        "veil: immigration-minimize: no such file; to use the preset, give preset:immigration-minimize\n" },
      { { "redact", "--policy", "mine.json", "dq.txt" }, "veil: mine.json: cannot read the policy: not found\n" },
   };
   veil_test::check_refusals(box, refused);
}

TEST_CASE("veil: an input without read permission says so")
{
   const cli_sandbox box;
   box.write("secret.txt", veil_test::sample_bytes("dq.txt"));
   ::chmod(box.path("secret.txt").c_str(), 0);
   const cli_result r = box.run({ "redact", "secret.txt" });
   CHECK(r.status == (::geteuid() == 0 ? 0 : 2));  // root reads any file
   if (::geteuid() != 0) {
      CHECK(r.err == "veil: cannot read 'secret.txt': permission denied\n");
   }
}
