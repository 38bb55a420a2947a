// The explain page counts and names what each recipient receives that no category covers
// (a name, a date of birth, a physical description, a licence number), and the count is
// checked against the bytes the recipient would really receive: `veil redact` for that
// recipient alone, read here apart from veil's readers (a word-start "NAM/" in text, an
// element by its local name in XML). What stands inside a removed field is not counted,
// and a withheld recipient receives nothing of it.

#include "cli_runner.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <array>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using veil_test::cli_result;
using veil_test::cli_sandbox;

using kind_count = std::pair<std::string_view, std::size_t>;

// The words the page uses, in its order.
constexpr std::array<std::string_view, 5> kinds{ "name", "date of birth", "physical description", "licence number",
                                                 "licence details" };

// What a reader of Nlets text calls each prefix.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> nlets_prefixes{ {
   { "NAM/", "name" },
   { "DOB/", "date of birth" },
   { "SEX/", "physical description" },
   { "RAC/", "physical description" },
   { "HGT/", "physical description" },
   { "WGT/", "physical description" },
   { "EYE/", "physical description" },
   { "HAI/", "physical description" },
   { "SKN/", "physical description" },
   { "OLN/", "licence number" },
   { "OLS/", "licence details" },
   { "OLY/", "licence details" },
} };

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> niem_elements{ {
   { "PersonName", "name" },
   { "PersonBirthDate", "date of birth" },
   { "DriverLicenseIdentification", "licence number" },
   { "DriverLicensePermitStatusCode", "licence details" },
} };

void count(std::vector<kind_count>& counts, std::string_view kind)
{
   for (kind_count& c : counts) {
      c.second += c.first == kind ? 1 : 0;
   }
}

[[nodiscard]] std::vector<kind_count> zero_counts()
{
   std::vector<kind_count> counts;
   for (const std::string_view k : kinds) {
      counts.emplace_back(k, 0);
   }
   return counts;
}

// Prefixes at the start of a word, as a reader of the text finds them.
[[nodiscard]] std::vector<kind_count> read_text(std::string_view received)
{
   std::vector<kind_count> counts = zero_counts();
   for (std::size_t at = 0; at < received.size(); ++at) {
      const bool word_start = at == 0 || std::isalnum(static_cast<unsigned char>(received[at - 1])) == 0;
      for (const auto& [prefix, kind] : nlets_prefixes) {
         if (word_start && received.substr(at).starts_with(prefix)) {
            count(counts, kind);
         }
      }
   }
   return counts;
}

// Elements by local name, with the text of free-text elements read as text.
[[nodiscard]] std::vector<kind_count> read_xml(std::string_view received)
{
   pugi::xml_document document;
   REQUIRE(document.load_buffer(received.data(), received.size()));
   std::vector<kind_count> counts = zero_counts();
   for (const pugi::xpath_node& n : document.select_nodes("//*")) {
      std::string_view name = n.node().name();
      name = name.substr(name.find(':') + 1);
      for (const auto& [local, kind] : niem_elements) {
         if (name == local) {
            count(counts, kind);
         }
      }
      if (name == "ResponseText") {
         const std::vector<kind_count> in_text = read_text(n.node().text().get());
         for (std::size_t k = 0; k < counts.size(); ++k) {
            counts[k].second += in_text[k].second;
         }
      }
   }
   return counts;
}

// "9 items no category covers sent as they are (name, date of birth, physical description
// (6), licence number)", or nothing when there are none.
[[nodiscard]] std::string expected_words(const std::vector<kind_count>& counts)
{
   std::size_t total = 0;
   std::string words;
   for (const auto& [kind, n] : counts) {
      if (n != 0) {
         total += n;
         words += (words.empty() ? "" : ", ") + std::string(kind) + (n == 1 ? "" : " (" + std::to_string(n) + ")");
      }
   }
   if (total == 0) {
      return {};
   }
   return std::to_string(total) + (total == 1 ? " item no category covers sent as it is (" : " items no category covers sent as they are (") + words + ")";
}

// The page's sentence about `ori`: the text of the summary item that starts with its name.
[[nodiscard]] std::string summary_of(const std::string& page, const std::string& ori)
{
   const std::size_t list = page.find("<ul class=\"summary\">");
   REQUIRE(list != std::string::npos);
   for (std::size_t at = page.find("<li>", list); at != std::string::npos && at < page.find("</ul>", list);
        at = page.find("<li>", at + 1)) {
      std::string text;
      bool in_tag = false;
      for (std::size_t i = at; i < page.find("</li>", at); ++i) {
         in_tag = page[i] == '<' ? true : (page[i] == '>' ? false : in_tag);
         text += in_tag || page[i] == '>' ? "" : std::string(1, page[i]);
      }
      if (text.find(" " + ori + " receives") != std::string::npos) {
         return text;
      }
   }
   FAIL("no summary sentence for " << ori);
   return {};
}

struct uncategorized_case
{
   std::string name;     // of the message file
   std::string message;
   std::string policy;   // the file's contents
   bool xml;
};

// Each recipient on its own, with the message addressed to it (the samples name
// ORTEST001): `veil redact` decides for the destination the message names as well as for
// the recipient given, explain for the recipient alone.
void check_counts(const uncategorized_case& c, const std::vector<std::string>& recipients)
{
   CAPTURE(c.name);
   for (const std::string& ori : recipients) {
      CAPTURE(ori);
      std::string message = c.message;
      for (std::size_t at = message.find("ORTEST001"); at != std::string::npos; at = message.find("ORTEST001", at + ori.size())) {
         message.replace(at, ori.size(), ori);
      }
      const cli_sandbox box;
      box.write(c.name, message);
      box.write("policy.json", c.policy);
      REQUIRE(box.run({ "explain", "--policy", "policy.json", "--html", "page.html", "--recipient", ori, c.name })
                 .status == 0);
      const std::string sentence = summary_of(box.read("page.html").value_or(""), ori);
      const cli_result received = box.run({ "redact", "--policy", "policy.json", "--recipient", ori, c.name });
      if (received.out.empty()) {
         CHECK(sentence.find("receives nothing") != std::string::npos);
         CHECK(sentence.find("no category covers") == std::string::npos);
         continue;
      }
      const std::string expected = expected_words(c.xml ? read_xml(received.out) : read_text(received.out));
      REQUIRE_FALSE(expected.empty());
      CHECK(sentence.find(expected) != std::string::npos);
   }
}

// Withholds from one ORI, sends one everything, and removes addresses and immigration data
// from everyone else.
constexpr std::string_view policy = R"({
  "version": 1,
  "default": { "redact": ["address", "immigration"] },
  "rules": [
    { "name": "withhold", "match": { "recipient": ["VTICE0900"] }, "withhold": true },
    { "name": "everything", "match": { "recipient": ["ORFULL001"] }, "redact": [] }
  ]
})";

}  // namespace

TEST_CASE("explain page: what a recipient receives that no category covers is counted as the released bytes hold it")
{
   const std::vector<std::string> recipients{ "VTICE0900", "ORTEST001", "ORFULL001" };
   const std::string dr = veil_test::read_file(std::string(VEIL_SOURCE_DIR) + "/examples/messages/nlets-text/dr.txt");
   check_counts({ "dr.txt", dr, std::string(policy), false }, recipients);

   // A licence number and a name inside the address: they go with it where it is removed.
   std::string inside = dr;
   const std::string street = "1234 EXAMPLE AVE APT 5";
   inside.replace(inside.find(street), street.size(), "1234 EXAMPLE AVE OLN/X1 NAM/Y");
   check_counts({ "inside.txt", inside, std::string(policy), false }, recipients);

   for (const std::string name : { "dr-standardized.xml", "dr-free-text.xml" }) {
      const std::string xml = veil_test::read_file(std::string(VEIL_SOURCE_DIR) + "/examples/messages/nlets-xml/" + name);
      check_counts({ name, xml, std::string(policy), true }, recipients);
   }
}
