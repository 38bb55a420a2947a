#pragma once
// The file `veil policy test POLICY TESTS` reads: a state's assertions about what its
// policy does, each a message, the recipients it goes to, and what must hold.
//
//   { "version": 1,
//     "cases": [
//       { "name": "ICE gets no driver record",
//         "message": "sample:nlets-text/dr.txt",        (or a file, relative to TESTS)
//         "recipients": ["VTICE0900"],
//         "expect": { "outcome": "withheld", "notify": true } },
//       { "name": "a sheriff gets the record without the home address",
//         "message": "sample:nlets-text/dr.txt",
//         "recipients": ["WA0170000"],
//         "expect": { "absent": ["address", "nlets:POB"], "present": ["photo"],
//                     "rules": ["default"] } } ] }
//
// Every mistake is a policy_error naming the JSON path, as in a policy: a case that could
// not say what it checks would pass whatever the policy does.

#include "message_options.hpp"
#include "shipped_samples.hpp"

#include <veil/audit.hpp>
#include <veil/category.hpp>
#include <veil/detail/names.hpp>
#include <veil/format.hpp>
#include <veil/policy/policy_json.hpp>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

// What "absent" or "present" names: a category, or one field by its policy field id.
struct content_item
{
   std::string name;                     // as written: "address", "nlets:POB"
   std::optional<category> kind;  // a category; nullopt: a field id
};

struct policy_expectation
{
   std::optional<outcome> result;
   std::optional<bool> withheld;
   std::optional<bool> notify;
   std::optional<std::vector<std::string>> rules;  // exactly these, in policy order
   std::vector<content_item> absent;
   std::vector<content_item> present;
};

struct policy_test_case
{
   std::string name;
   std::string path;     // "$.cases[2]", for messages about the case
   std::string message;  // "sample:FORMAT/FILE" or a file name, relative to the tests file
   std::optional<format> forced_format;
   std::vector<std::string> recipients;
   policy_expectation expect;
};

namespace policy_test_detail {

using veil::policy::internal::json_reader;

inline constexpr std::array outcomes{ outcome::passed, outcome::redacted, outcome::withheld, outcome::rejected };
inline constexpr std::array<std::string_view, outcomes.size()> outcome_names{ name_of(outcomes[0]), name_of(outcomes[1]),
                                                                               name_of(outcomes[2]), name_of(outcomes[3]) };

[[nodiscard]] inline std::optional<outcome> outcome_named(std::string_view name) noexcept
{
   for (const outcome o : outcomes) {
      if (name_of(o) == name) {
         return o;
      }
   }
   return std::nullopt;
}

[[nodiscard]] inline std::vector<content_item> content_items(simdjson::dom::element e, const std::string& path)
{
   std::vector<content_item> items;
   json_reader::match_strings(e, path, [&items](std::string_view name, const std::string& at) {
      const std::optional<category> kind = category_from_name(name);
      if (!kind && !veil::policy::internal::is_known_field(name)) {
         json_reader::fail(at, "'" + std::string(name) + "' is neither a category (" +
                                  detail::one_of(category_names) +
                                  ") nor a field id (nlets:PFX or nlets:LABEL, nlets-xml:prefix:Element, aamva:ID or "
                                  "ansi-nist:2.NNN of a field with a category)");
      }
      items.push_back({ std::string(name), kind });
   });
   return items;
}

[[nodiscard]] inline policy_expectation read_expectation(simdjson::dom::element e, const std::string& path)
{
   const simdjson::dom::object o = json_reader::object(e, path);
   json_reader::only_keys(o, path, { "outcome", "withheld", "notify", "rules", "absent", "present" });
   if (o.size() == 0) {
      json_reader::fail(path, "expects nothing: give \"outcome\", \"withheld\", \"notify\", \"rules\", \"absent\" or "
                              "\"present\"");
   }
   policy_expectation expect;
   simdjson::dom::element v;
   if (o["outcome"].get(v) == simdjson::SUCCESS) {
      const std::string_view name = json_reader::string(v, path + ".outcome");
      expect.result = outcome_named(name);
      if (!expect.result) {
         json_reader::fail(path + ".outcome",
                           detail::unknown_name("outcome", name, outcome_names));
      }
   }
   if (o["withheld"].get(v) == simdjson::SUCCESS) {
      expect.withheld = json_reader::boolean(v, path + ".withheld");
   }
   if (o["notify"].get(v) == simdjson::SUCCESS) {
      expect.notify = json_reader::boolean(v, path + ".notify");
   }
   if (o["rules"].get(v) == simdjson::SUCCESS) {
      std::vector<std::string> rules;
      json_reader::strings(v, path + ".rules", [&rules](std::string_view name, const std::string&) {
         rules.emplace_back(name);
      });
      expect.rules = std::move(rules);
   }
   if (o["absent"].get(v) == simdjson::SUCCESS) {
      expect.absent = content_items(v, path + ".absent");
   }
   if (o["present"].get(v) == simdjson::SUCCESS) {
      expect.present = content_items(v, path + ".present");
   }
   for (const content_item& item : expect.present) {
      const auto same = [&item](const content_item& a) { return a.name == item.name; };
      if (std::any_of(expect.absent.begin(), expect.absent.end(), same)) {
         json_reader::fail(path, "'" + item.name + "' is expected both absent and present");
      }
   }
   return expect;
}

[[nodiscard]] inline policy_test_case read_case(simdjson::dom::element e, const std::string& path)
{
   const simdjson::dom::object o = json_reader::object(e, path);
   json_reader::only_keys(o, path, { "name", "message", "format", "recipients", "expect" });
   policy_test_case c;
   c.path = path;
   simdjson::dom::element v;
   const auto required = [&](std::string_view key) {
      if (o[key].get(v) != simdjson::SUCCESS) {
         json_reader::fail(path, "needs \"" + std::string(key) + "\"");
      }
      return v;
   };
   c.name = std::string(json_reader::string(required("name"), path + ".name"));
   if (c.name.empty()) {
      json_reader::fail(path + ".name", "is empty; name the case, as its failures are reported by name");
   }
   c.message = std::string(json_reader::string(required("message"), path + ".message"));
   if (c.message.empty()) {
      json_reader::fail(path + ".message", "is empty; give sample:FORMAT/FILE or a file");
   }
   if (o["format"].get(v) == simdjson::SUCCESS) {
      const std::string_view name = json_reader::string(v, path + ".format");
      c.forced_format = format_from_name(name);
      if (!c.forced_format) {
         json_reader::fail(path + ".format", detail::unknown_name("format", name, format_names));
      }
   }
   json_reader::match_strings(required("recipients"), path + ".recipients",
                              [&c](std::string_view ori, const std::string& at) {
                                 if (!is_well_formed_recipient(ori)) {
                                    json_reader::fail(at, "'" + std::string(ori) +
                                                             "' is not a recipient: 2 or 9 upper-case letters or digits");
                                 }
                                 c.recipients.emplace_back(ori);
                              });
   c.expect = read_expectation(required("expect"), path + ".expect");
   return c;
}

}  // namespace policy_test_detail

// The cases of a tests file's JSON `text`.
[[nodiscard]] inline std::vector<policy_test_case> read_policy_tests(std::string_view text)
{
   using policy_test_detail::json_reader;
   simdjson::dom::parser parser;
   const simdjson::dom::object top = json_reader::object(json_reader::parse(parser, text), "$");
   json_reader::only_keys(top, "$", { "version", "description", "cases" });
   std::int64_t version = 0;
   if (top["version"].get(version) != simdjson::SUCCESS || version != 1) {
      json_reader::fail("$.version", "must be 1");
   }
   simdjson::dom::element e;
   if (top["description"].get(e) == simdjson::SUCCESS) {
      (void)json_reader::string(e, "$.description");
   }
   if (top["cases"].get(e) != simdjson::SUCCESS || json_reader::array(e, "$.cases").size() == 0) {
      json_reader::fail("$.cases", "needs at least one case");
   }
   std::vector<policy_test_case> cases;
   std::set<std::string> names;
   std::size_t i = 0;
   for (const simdjson::dom::element item : json_reader::array(e, "$.cases")) {
      const std::string path = "$.cases[" + std::to_string(i++) + "]";
      policy_test_case c = policy_test_detail::read_case(item, path);
      if (!names.insert(c.name).second) {
         json_reader::fail(path + ".name", "'" + c.name + "' names an earlier case too; give each case its own name");
      }
      cases.push_back(std::move(c));
   }
   return cases;
}

}  // namespace veil::cli
