// `veil explain`, run as a user would: the text and HTML reports of one message per
// format against goldens, what they may and may not show of field values, that the page
// stands alone and parses, and the exit statuses.
//
// The goldens in tests/golden/explain/ were written by the command and then checked by
// hand against the policies: each field's fate for each recipient, the outcome lines and
// the page's marks.

#include "cli_runner.hpp"
#include "sample_messages.hpp"

#include <veil/format.hpp>
#include <veil/format_redactors.hpp>
#include <veil/policy/policy_json.hpp>
#include <veil/policy/policy_redactor.hpp>
#include <veil/policy/presets.hpp>

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using veil_test::cli_result;
using veil_test::cli_sandbox;
using veil_test::read_file;

namespace {

using args_list = std::vector<std::string>;

[[nodiscard]] std::filesystem::path source_path(const std::string& relative)
{
   return std::filesystem::path(VEIL_SOURCE_DIR) / relative;
}

// One message explained under one policy for some recipients.
struct explain_case
{
   std::string golden;  // stem of the files in tests/golden/explain/
   std::string input;   // relative to the repository
   std::string policy;  // preset:NAME, or a file relative to the repository
   args_list recipients;
};

const std::vector<explain_case> cases{
   { "nlets-text-dr", "examples/messages/nlets-text/dr.txt", "preset:immigration-withhold", { "VTICE0900", "ORTEST001" } },
   { "nlets-xml-dr-standardized", "examples/messages/nlets-xml/dr-standardized.xml", "tests/explain_policy_federal.json",
     { "DCFBI0000", "ORTEST001" } },
   { "aamva-dl-v10-virginia", "examples/messages/aamva/dl-v10-virginia.txt", "preset:immigration-minimize",
     { "VTICE0900", "ORTEST001" } },
   { "ansi-nist-jet-t10", "tests/samples/ansi-nist/jet_S001-01-t10_01.eft", "preset:dppa-highly-restricted",
     { "VTICE0900", "ORTEST001" } },
};

[[nodiscard]] bool is_preset(const std::string& policy)
{
   return policy.starts_with("preset:");
}

[[nodiscard]] std::string file_name(const std::string& path)
{
   return std::filesystem::path(path).filename().string();
}

// Copies the case's input (and policy file) into the sandbox under their own names and
// returns the arguments of `veil explain` for it.
[[nodiscard]] args_list prepare(const cli_sandbox& box, const explain_case& c, const args_list& extra = {})
{
   box.write(file_name(c.input), read_file(source_path(c.input)));
   std::string policy = c.policy;
   if (!is_preset(c.policy)) {
      policy = file_name(c.policy);
      box.write(policy, read_file(source_path(c.policy)));
   }
   args_list args{ "explain", "--policy", policy };
   for (const std::string& ori : c.recipients) {
      args.insert(args.end(), { "--recipient", ori });
   }
   args.insert(args.end(), extra.begin(), extra.end());
   args.push_back(file_name(c.input));
   return args;
}

[[nodiscard]] veil::policy::policy policy_of(const explain_case& c)
{
   const std::string text = is_preset(c.policy)
                               ? std::string(*veil::policy::preset_text(c.policy.substr(std::string("preset:").size())))
                               : read_file(source_path(c.policy));
   return veil::policy::read_policy(text);
}

struct span
{
   std::size_t offset;
   std::size_t length;
};

// Where the fields the report lists lie, from the library: every sensitive field, and
// every field a recipient's own audit names.
[[nodiscard]] std::vector<span> listed_spans(const explain_case& c, const std::string& message)
{
   const veil::format f = veil::detect_format(message);
   std::vector<veil::audit_record> audits;
   std::string ignored;
   audits.push_back(veil::redact_message(f, veil::category_mask::all(), {}, message, ignored));
   const veil::policy::policy_redactor redactor(policy_of(c));
   for (const std::string& ori : c.recipients) {
      ignored.clear();
      audits.push_back(redactor.redact_for(f, message, ignored, { ori }));
   }
   std::vector<span> spans;
   for (const veil::audit_record& audit : audits) {
      REQUIRE_FALSE(audit.rejected());
      for (const veil::redacted_field& field : audit.fields) {
         spans.push_back({ field.offset, field.length });
      }
   }
   REQUIRE_FALSE(spans.empty());
   return spans;
}

// The text of a page with its character references read back, so that a value is found
// however it was escaped.
[[nodiscard]] std::string html_text(std::string_view page)
{
   std::string out(page);
   for (const auto& [reference, character] : { std::pair{ "&lt;", "<" }, std::pair{ "&gt;", ">" },
                                              std::pair{ "&quot;", "\"" }, std::pair{ "&amp;", "&" } }) {
      const std::string_view ref = reference;
      for (std::size_t at = out.find(ref); at != std::string::npos; at = out.find(ref, at + 1)) {
         out.replace(at, ref.size(), character);
      }
   }
   return out;
}

// The pieces of a field's value a report could show: the whole value and each stretch of
// it between control characters, of at least 4 bytes, that the message does not also
// hold outside every listed field (such a stretch may be shown as the text around them).
[[nodiscard]] std::vector<std::string> secret_pieces(const std::string& message, const std::vector<span>& spans)
{
   std::string outside = message;
   for (const span& s : spans) {
      outside.replace(s.offset, s.length, s.length, '\0');
   }
   std::vector<std::string> pieces;
   const auto keep = [&](const std::string& piece) {
      if (piece.size() >= 4 && outside.find(piece) == std::string::npos) {
         pieces.push_back(piece);
      }
   };
   for (const span& s : spans) {
      const std::string value = message.substr(s.offset, s.length);
      keep(value);
      std::string stretch;
      for (const char c : value) {
         if (static_cast<unsigned char>(c) < 0x20) {
            keep(stretch);
            stretch.clear();
         }
         else {
            stretch += c;
         }
      }
      keep(stretch);
   }
   return pieces;
}

[[nodiscard]] bool is_valid_utf8(std::string_view s)
{
   std::size_t i = 0;
   while (i < s.size()) {
      const auto b = static_cast<unsigned char>(s[i]);
      const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
      if (n == 0 || i + n > s.size()) {
         return false;
      }
      for (std::size_t k = 1; k < n; ++k) {
         if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) {
            return false;
         }
      }
      i += n;
   }
   return true;
}

// The page fetches nothing and runs nothing: no script, no external reference in any
// tag or style; a URL may appear only as text (an XML message's namespace names it).
void check_self_contained(const std::string& html, bool message_holds_urls)
{
   for (const std::string_view banned : { "src=", "href=", "<script", "@import", "url(", "<link", "<img", "<iframe" }) {
      CHECK_MESSAGE(html.find(banned) == std::string::npos, banned);
   }
   for (const std::string_view scheme : { "http://", "https://" }) {
      if (!message_holds_urls) {
         CHECK_MESSAGE(html.find(scheme) == std::string::npos, scheme);
      }
      for (std::size_t at = html.find(scheme); at != std::string::npos; at = html.find(scheme, at + 1)) {
         const std::size_t open = html.rfind('<', at);
         const std::size_t close = html.rfind('>', at);
         CHECK_MESSAGE((open == std::string::npos || (close != std::string::npos && close > open)),
                       "a URL inside a tag at byte " << at);
      }
   }
   CHECK(is_valid_utf8(html));
   const auto control = std::find_if(html.begin(), html.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; });
   CHECK_MESSAGE(control == html.end(), "control byte at " << (control - html.begin()));
}

// Counts the elements of `node`'s tree named `name` with `class_name` among their classes.
[[nodiscard]] std::size_t count_elements(const pugi::xml_node& node, std::string_view name, std::string_view class_name)
{
   std::size_t n = 0;
   for (const pugi::xml_node& child : node.children()) {
      const std::string classes = " " + std::string(child.attribute("class").value()) + " ";
      n += (child.name() == name && classes.find(" " + std::string(class_name) + " ") != std::string::npos) ? 1 : 0;
      n += count_elements(child, name, class_name);
   }
   return n;
}

}  // namespace

TEST_CASE("veil explain prints each golden report and page, and prints them again the same")
{
   for (const explain_case& c : cases) {
      CAPTURE(c.golden);
      const cli_sandbox box;
      const args_list args = prepare(box, c, { "--html", "page.html" });
      const cli_result r = box.run(args);
      REQUIRE(r.status == 0);
      CHECK(r.err.empty());
      const std::filesystem::path golden = source_path("tests/golden/explain") / c.golden;
      CHECK(r.out == read_file(golden.string() + ".txt"));
      const std::optional<std::string> page = box.read("page.html");
      REQUIRE(page.has_value());
      CHECK(*page == read_file(golden.string() + ".html"));

      const cli_result again = box.run(args);
      CHECK(again.out == r.out);
      CHECK(box.read("page.html") == page);
   }
}

TEST_CASE("veil explain shows no byte of a listed field without --show-values, and shows them with it")
{
   for (const explain_case& c : cases) {
      CAPTURE(c.golden);
      const std::string message = read_file(source_path(c.input));
      const std::vector<std::string> pieces = secret_pieces(message, listed_spans(c, message));
      REQUIRE(pieces.size() >= 4);

      const cli_sandbox box;
      const cli_result hidden = box.run(prepare(box, c, { "--html", "hidden.html" }));
      REQUIRE(hidden.status == 0);
      const std::string hidden_page = html_text(box.read("hidden.html").value_or(""));
      for (const std::string& piece : pieces) {
         CAPTURE(piece);
         CHECK(hidden.out.find(piece) == std::string::npos);
         CHECK(hidden_page.find(piece) == std::string::npos);
      }

      const cli_result shown = box.run(prepare(box, c, { "--html", "shown.html", "--show-values" }));
      REQUIRE(shown.status == 0);
      const std::string shown_page = html_text(box.read("shown.html").value_or(""));
      CHECK(shown.out.find("value") != std::string::npos);
      std::size_t pieces_on_page = 0;
      for (const std::string& piece : pieces) {
         pieces_on_page += shown_page.find(piece) != std::string::npos ? 1 : 0;
      }
      CHECK(pieces_on_page > 0);
   }
}

TEST_CASE("veil explain --show-values prints a planted value escaped and cut, and marks it on the page")
{
   const cli_sandbox box;
   const std::string planted_address = "RES ADDR: 77 PLANTED WAY\x1dUNIT 9";
   const std::string long_value = "SSN: 123-45-6789 PLANTEDLONGVALUE PLANTEDLONGVALUE";
   box.write("planted.txt", "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\nNAM/SAMPLE\n" +
                               planted_address + "\n" + long_value + "\n");
   const args_list base{ "explain", "--policy", "preset:immigration-minimize", "--recipient", "VTICE0900" };

   args_list with_values = base;
   with_values.insert(with_values.end(), { "--show-values", "--html", "page.html", "planted.txt" });
   const cli_result r = box.run(with_values);
   REQUIRE(r.status == 0);
   CHECK(r.out.find("RES ADDR: 77 PLANTED WAY\\x1dUNIT 9") != std::string::npos);
   CHECK(r.out.find(long_value.substr(0, 40) + "\xE2\x80\xA6") != std::string::npos);
   CHECK(r.out.find(long_value) == std::string::npos);
   const std::string page = box.read("page.html").value_or("");
   CHECK(page.find("77 PLANTED WAY<span class=\"c\">GS</span>UNIT 9") != std::string::npos);
   CHECK(page.find(long_value) != std::string::npos);
   CHECK(page.find("<span class=\"f dropped\"") != std::string::npos);

   args_list without_values = base;
   without_values.insert(without_values.end(), { "--html", "hidden.html", "planted.txt" });
   const cli_result hidden = box.run(without_values);
   REQUIRE(hidden.status == 0);
   const std::string hidden_page = box.read("hidden.html").value_or("");
   for (const std::string_view planted : { "PLANTED", "123-45-6789", "UNIT 9" }) {
      CHECK(hidden.out.find(planted) == std::string::npos);
      CHECK(hidden_page.find(planted) == std::string::npos);
   }
   CHECK(hidden_page.find("<span class=\"l\">address: removed</span><span class=\"v\"><span class=\"chip\">[value not "
                          "shown]</span>") != std::string::npos);
   CHECK(hidden_page.find("NAM/SAMPLE") != std::string::npos);
}

TEST_CASE("veil explain writes a page that stands alone and parses, with one column per recipient")
{
   for (const explain_case& c : cases) {
      CAPTURE(c.golden);
      for (const bool show_values : { false, true }) {
         const cli_sandbox box;
         args_list extra{ "--html", "page.html" };
         if (show_values) {
            extra.emplace_back("--show-values");
         }
         REQUIRE(box.run(prepare(box, c, extra)).status == 0);
         const std::string page = box.read("page.html").value_or("");
         const bool message_holds_urls = read_file(source_path(c.input)).find("http") != std::string::npos;
         check_self_contained(page, message_holds_urls);
         CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));

         pugi::xml_document doc;
         const pugi::xml_parse_result parsed = doc.load_buffer(page.data(), page.size(), pugi::parse_default | pugi::parse_doctype);
         REQUIRE_MESSAGE(parsed, parsed.description() << " at byte " << parsed.offset);
         const pugi::xml_node html = doc.child("html");
         CHECK(html.child("head").child("style"));
         CHECK(html.child("head").child("meta").attribute("charset").value() == std::string("utf-8"));
         CHECK(count_elements(html, "div", "col") == c.recipients.size());
         const std::string message = read_file(source_path(c.input));
         const veil::policy::policy_redactor redactor(policy_of(c));
         std::size_t withheld = 0;
         for (const std::string& ori : c.recipients) {
            std::string ignored;
            const veil::audit_record audit = redactor.redact_for(veil::detect_format(message), message, ignored, { ori });
            withheld += audit.result == veil::outcome::withheld ? 1 : 0;
         }
         CHECK(count_elements(html, "div", "banner") == withheld);
         CHECK(count_elements(html, "div", "msg") == c.recipients.size() - withheld);  // a withheld column shows none
         const pugi::xml_node main = html.child("body").child("main");
         REQUIRE(main);
         CHECK(main.find_child_by_attribute("section", "id", "summary").child("ul").select_nodes("li").size() ==
               c.recipients.size());
         for (const pugi::xpath_node table : main.select_nodes("//table")) {
            CHECK(table.node().child("caption"));
         }
         for (const pugi::xpath_node th : main.select_nodes("//th")) {
            CHECK(std::string(th.node().attribute("scope").value()) != "");
         }
         // The title names the message and the policy, not the file they came from.
         CHECK(std::string(html.child("head").child_value("title")).find(file_name(c.input)) == std::string::npos);
         if (show_values && veil::detect_format(message) == veil::format::ansi_nist) {
            // The 34 KB photo is one marker in each column, not a page of symbols.
            CHECK(page.find(" bytes of binary data]</span>") != std::string::npos);
            CHECK(page.size() < message.size());
         }
      }
   }
}

TEST_CASE("veil explain --agencies names each recipient and says what decided, in one sentence first on the page")
{
   const cli_sandbox box;
   box.write("dr.txt", veil_test::sample_bytes("dr.txt"));
   box.write("agencies.csv", "# our ORI directory\r\n\nVTICE0900, \"ICE Law Enforcement Support Center\"\r\n"
                             "ORTEST001,\"Test Police, \"\"Records\"\"\"\n");
   const cli_result r = box.run({ "explain", "--policy", "preset:immigration-withhold", "--recipient", "VTICE0900",
                                  "--recipient", "ORTEST001", "--agencies", "agencies.csv", "--html", "page.html",
                                  "dr.txt" });
   REQUIRE(r.status == 0);
   const std::string page = html_text(box.read("page.html").value_or(""));
   const std::size_t summary = page.find("<section id=\"summary\"");
   const std::size_t withheld = page.find("ICE Law Enforcement Support Center (VTICE0900) receives nothing \xE2\x80\x94 "
                                          "withheld under NY VTL \xC2\xA7" "201(12), 625 ILCS 5/6-110.3, 940 CMR 37.04; "
                                          "the person is to be notified.</li>");
   const std::size_t released = page.find("Test Police, \"Records\" (ORTEST001) receives the message with 4 sensitive "
                                          "items sent as they are (address (2); social security number; telephone "
                                          "number or e-mail address), and 9 items no category covers sent as they are "
                                          "(name, date of birth, physical description (6), licence number) "
                                          "\xE2\x80\x94 decided under the policy's default "
                                          "rule, which cites no law.</li>");
   CHECK(summary < withheld);
   CHECK(withheld < released);
   CHECK(released < page.find("<div class=\"cols\">"));
   CHECK(page.find("On the policy's list immigration_enforcement") != std::string::npos);
   CHECK(page.find("Nothing of this message is sent to this agency.") != std::string::npos);
   // Veil's own terms, offsets and rule ids are still there, folded away.
   const std::size_t details = page.find("<details class=\"technical\">");
   CHECK(details > released);
   CHECK(page.find("withhold-from-immigration-enforcement") > details);
   CHECK(page.find("<th scope=\"col\">offset</th>") > details);
}

TEST_CASE("veil explain refuses an agency directory it cannot read exactly, by file and line, writing nothing")
{
   const cli_sandbox box;
   box.write("dr.txt", veil_test::sample_bytes("dr.txt"));
   const std::vector<std::pair<std::string, std::string>> refused{
      { "VTICE0900\n", "agencies.csv:1: expected 2 fields, ORI,name" },
      { "# ok\nVTICE0900,ICE,LESC\n", "agencies.csv:2: expected 2 fields, ORI,name" },
      { "vtice0900,ICE\n", "agencies.csv:1: 'vtice0900' is not an ORI" },
      { "VTICE0900,\"ICE\n", "agencies.csv:1: a quote does not close" },
      { "VTICE0900,\"ICE\" LESC\n", "agencies.csv:1: a quote does not close, or text follows a closing quote" },
      { "VTICE0900, \n", "agencies.csv:1: no name for VTICE0900" },
      { "VTICE0900,ICE\n\nVTICE0900,LESC\n", "agencies.csv:3: VTICE0900 is named a second time" },
   };
   for (const auto& refusal : refused) {
      CAPTURE(refusal.first);
      box.write("agencies.csv", refusal.first);
      const cli_result r = box.run({ "explain", "--policy", "preset:immigration-withhold", "--recipient", "VTICE0900",
                                     "--agencies", "agencies.csv", "--html", "page.html", "dr.txt" });
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find("veil: " + refusal.second) == 0);
   }
   const cli_result missing = box.run({ "explain", "--policy", "preset:immigration-withhold", "--recipient", "VTICE0900",
                                        "--agencies", "none.csv", "--html", "page.html", "dr.txt" });
   CHECK(missing.status == 2);
   CHECK(missing.err == "veil: cannot read the agency directory 'none.csv': not found\n");
   CHECK_FALSE(box.read("page.html").has_value());
}

TEST_CASE("veil explain reads stdin and says whom it explains for")
{
   const cli_sandbox box;
   const std::string message = veil_test::sample_bytes("dr.txt");
   const cli_result r = box.run({ "explain", "--policy", "preset:immigration-withhold", "--recipient", "VTICE0900",
                                  "--recipient", "ORTEST001", "-" },
                                message);
   REQUIRE(r.status == 0);
   CHECK(r.out.starts_with("input:         -\nformat:        nlets-text\nmessage:       DR\nsender:        WAOLN0000\n"
                           "addressed to:  ORTEST001\n"));
   CHECK(r.out.find("  VTICE0900  withheld: nothing is sent (rule withhold-from-immigration-enforcement)") !=
         std::string::npos);
   CHECK(r.out.find("  ORTEST001  passed: 4 released; 9 sent in no category (name, date of birth, physical "
                    "description (6), licence number) (rule default)") != std::string::npos);
}

TEST_CASE("veil explain refuses a missing recipient, a bad ORI, an unreadable input and a bad policy with 2, writing nothing")
{
   const cli_sandbox box;
   box.write("dr.txt", veil_test::sample_bytes("dr.txt"));
   box.write("broken.json", R"({"version":1,"rules":[{"name":"r","redact":["adress"]}]})");
   const std::vector<std::string> before = box.files();
   // `veil explain --policy preset:immigration-withhold` with more arguments.
   const auto withhold = [](const args_list& more) {
      args_list args{ "explain", "--policy", "preset:immigration-withhold" };
      args.insert(args.end(), more.begin(), more.end());
      return args;
   };
   const std::vector<std::pair<args_list, std::string>> refused{
      { withhold({ "--html", "page.html", "dr.txt" }), "--recipient" },
      { withhold({ "--recipient", "vtice0900", "--html", "page.html", "dr.txt" }),
        "recipient must be 2 or 9 upper-case letters or digits" },
      { withhold({ "--recipient", "VTICE0900", "--html", "page.html", "missing.txt" }), "cannot read 'missing.txt'" },
      { { "explain", "--policy", "broken.json", "--recipient", "VTICE0900", "--html", "page.html", "dr.txt" },
        "$.rules[0].redact[0]" },
      { { "explain", "--policy", "preset:nope", "--recipient", "VTICE0900", "dr.txt" }, "no preset named 'nope'" },
      { { "explain", "--recipient", "VTICE0900", "dr.txt" }, "--policy" },
      { withhold({ "--recipient", "VTICE0900" }), "INPUT" },
      { withhold({ "--recipient", "VTICE0900", "dr.txt", "dr.txt" }), "one INPUT" },
      { withhold({ "--recipient", "VTICE0900", "--format", "pdf", "dr.txt" }), "unknown format 'pdf'" },
      { withhold({ "--recipient", "VTICE0900", "--html", "dr.txt", "dr.txt" }), "both the input and the HTML page" },
   };
   for (const auto& refusal : refused) {
      CAPTURE(refusal.first);
      const cli_result r = box.run(refusal.first);
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find(refusal.second) != std::string::npos);
      CHECK(box.files() == before);
   }
}

TEST_CASE("veil explain of a rejected message exits 1 with the byte and reason, and writes no page")
{
   const cli_sandbox box;
   const std::string rejected = std::string("IAQ.ORTEST001.AX.TXT\nNAM/X") + '\0' + "Y";
   box.write("bad.txt", rejected);
   std::string ignored;
   const veil::audit_record audit = veil::redact_message(veil::format::nlets_text, {}, {}, rejected, ignored);
   REQUIRE(audit.error.has_value());
   const cli_result r = box.run({ "explain", "--policy", "preset:immigration-withhold", "--recipient", "VTICE0900",
                                  "--html", "page.html", "bad.txt" });
   CHECK(r.status == 1);
   CHECK(r.out.empty());
   CHECK(r.err == "veil: bad.txt: byte " + std::to_string(audit.error->offset) + ": " + audit.error->reason + "\n");
   CHECK_FALSE(box.read("page.html").has_value());
}

TEST_CASE("veil explain --help prints its help")
{
   const cli_sandbox box;
   const cli_result r = box.run({ "explain", "--help" });
   CHECK(r.status == 0);
   CHECK(r.out.starts_with("usage: veil explain --policy P"));
   CHECK(r.out.find("--show-values") != std::string::npos);
}

TEST_CASE("veil explain takes --recipient-list into the policy and --lenient for damaged barcode payloads")
{
   const cli_sandbox box;
   box.write("dr.txt", veil_test::sample_bytes("dr.txt"));
   box.write("ice.txt", "ZZICE*\n");
   const cli_result listed = box.run({ "explain", "--policy", "preset:immigration-withhold", "--recipient-list",
                                       "immigration_enforcement=ice.txt", "--recipient", "ZZICE0001", "dr.txt" });
   REQUIRE(listed.status == 0);
   CHECK(listed.out.find("  ZZICE0001  withheld: nothing is sent") != std::string::npos);

   box.write("bom.txt", "\xEF\xBB\xBF" + read_file(source_path("examples/messages/aamva/dl-v10-virginia.txt")));
   const args_list base{ "explain", "--policy", "preset:immigration-minimize", "--recipient", "ORTEST001" };
   args_list strict = base;
   strict.push_back("bom.txt");
   CHECK(box.run(strict).status == 1);
   args_list lenient = base;
   lenient.insert(lenient.end(), { "--lenient", "bom.txt" });
   const cli_result r = box.run(lenient);
   CHECK(r.status == 0);
   CHECK(r.out.find("format:        aamva\n") != std::string::npos);
   CHECK(r.out.find("DAG  address, street 1") != std::string::npos);
}
