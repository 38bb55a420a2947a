// The audit record: one valid JSON object per line, with the documented keys, saying
// where redacted fields were and never what they held.

#include "json_checker.hpp"

#include <veil/audit.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_redactor.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using veil_test::json_reader;
using veil_test::json_value;

namespace {

// The audit line parsed, after checking it is exactly one line of valid JSON.
[[nodiscard]] json_value parsed_audit_line(const veil::audit_record& record)
{
   const std::string line = veil::to_json_line(record);
   REQUIRE_FALSE(line.empty());
   CHECK(line.back() == '\n');
   CHECK(std::count(line.begin(), line.end(), '\n') == 1);
   // No raw control byte may hide in the line either (JSON forbids them in strings).
   CHECK(std::none_of(line.begin(), line.end() - 1, [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
   const std::optional<json_value> json = json_reader::parse(line);
   REQUIRE(json.has_value());
   REQUIRE(json->type == json_value::kind::object);
   return *json;
}

[[nodiscard]] std::set<std::string> key_set(const json_value& object)
{
   const std::vector<std::string> keys = object.keys();
   return { keys.begin(), keys.end() };
}

// The text of member `key`, which must exist and be of `kind`.
[[nodiscard]] std::string member_text(const json_value& object, std::string_view key, json_value::kind kind)
{
   const json_value* v = object.find(key);
   REQUIRE(v != nullptr);
   REQUIRE(v->type == kind);
   return v->text;
}

[[nodiscard]] std::string string_member(const json_value& object, std::string_view key)
{
   return member_text(object, key, json_value::kind::string);
}

[[nodiscard]] std::string number_member(const json_value& object, std::string_view key)
{
   return member_text(object, key, json_value::kind::number);
}

// Keys every audit line has; the others are written only when they have a value.
const std::set<std::string> always_present_keys{ "format", "message_key", "sender_ori", "recipients", "outcome",
                                                 "fields" };
const std::set<std::string> optional_keys{ "input", "control_field", "released_to", "rules", "policy", "error" };

void check_documented_keys(const json_value& line)
{
   const std::set<std::string> keys = key_set(line);
   for (const std::string& key : always_present_keys) {
      CAPTURE(key);
      CHECK(keys.count(key) == 1);
   }
   for (const std::string& key : keys) {
      CAPTURE(key);
      CHECK((always_present_keys.count(key) + optional_keys.count(key)) == 1);
   }
   CHECK(line.keys().size() == keys.size());  // no key twice
   REQUIRE(line.at("recipients").type == json_value::kind::array);
   REQUIRE(line.at("fields").type == json_value::kind::array);
   for (const json_value& field : line.at("fields").items) {
      CHECK(key_set(field) == std::set<std::string>{ "tag", "category", "action", "offset", "length" });
   }
   if (const json_value* error = line.find("error")) {
      CHECK(key_set(*error) == std::set<std::string>{ "offset", "reason" });
   }
   if (const json_value* policy = line.find("policy")) {
      const std::set<std::string> keys = key_set(*policy);
      CHECK(keys.count("name") == 1);
      CHECK(keys.count("sha256") == 1);
      for (const std::string& key : keys) {
         CAPTURE(key);
         CHECK((key == "name" || key == "version" || key == "sha256" || key == "lists"));
      }
   }
}

[[nodiscard]] veil::audit_record sample_record()
{
   veil::audit_record r;
   r.format = "nlets-text";
   r.input = "iaq.txt";
   r.message_key = "IAQ";
   r.sender_ori = "ORTEST001";
   r.recipients = { "AX", "WA0000000" };
   r.control_field = "SYN0000001";
   r.result = veil::outcome::redacted;
   r.fields = { { "POB", veil::category::immigration, veil::action::drop, 93, 6 },
                { "SOC", veil::category::ssn, veil::action::mask, 120, 13 } };
   return r;
}

}  // namespace

TEST_CASE("the test's JSON reader accepts JSON and nothing else")
{
   for (const std::string_view good :
        { R"({"a":[1,-2.5e3,0,true,false,null,"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"],"b":{}})", "[]", " 0 ",
          "\"\xc3\xa9\"" }) {
      CAPTURE(good);
      CHECK(json_reader::parse(good).has_value());
   }
   for (const std::string_view bad :
        { "", "{", R"({"a":1,})", "[1,]", "[01]", "{'a':1}", R"({"a":1}x)", R"({"a" 1})", "[.5]", "[1.]", "[1e]",
          "\"\x01\"", "\"\\x\"", "\"\\u12\"", "\"\\udc00\"", "\"\\ud800x\"", "\"\xff\"", "\"\xc0\xaf\"", "{\"a\":1}{}",
          "nul", "[-]", "\"abc" }) {
      CAPTURE(bad);
      CHECK_FALSE(json_reader::parse(bad).has_value());
   }
   const std::optional<json_value> v = json_reader::parse(R"({"s":"a\u0022b\\c\n","n":42})");
   REQUIRE(v.has_value());
   CHECK(v->at("s").text == "a\"b\\c\n");
   CHECK(v->at("n").text == "42");
}

TEST_CASE("an audit line is one JSON object with the documented keys and values")
{
   const json_value line = parsed_audit_line(sample_record());
   check_documented_keys(line);
   CHECK(string_member(line, "format") == "nlets-text");
   CHECK(string_member(line, "input") == "iaq.txt");
   CHECK(string_member(line, "message_key") == "IAQ");
   CHECK(string_member(line, "sender_ori") == "ORTEST001");
   CHECK(string_member(line, "control_field") == "SYN0000001");
   CHECK(string_member(line, "outcome") == "redacted");
   CHECK(line.find("error") == nullptr);
   const std::vector<json_value>& recipients = line.at("recipients").items;
   REQUIRE(recipients.size() == 2);
   CHECK(recipients[0].text == "AX");
   CHECK(recipients[1].text == "WA0000000");
   const std::vector<json_value>& fields = line.at("fields").items;
   REQUIRE(fields.size() == 2);
   CHECK(string_member(fields[0], "tag") == "POB");
   CHECK(string_member(fields[0], "category") == "immigration");
   CHECK(string_member(fields[0], "action") == "drop");
   CHECK(number_member(fields[0], "offset") == "93");
   CHECK(number_member(fields[0], "length") == "6");
   CHECK(string_member(fields[1], "tag") == "SOC");
   CHECK(string_member(fields[1], "category") == "ssn");
   CHECK(string_member(fields[1], "action") == "mask");
   CHECK(number_member(fields[1], "offset") == "120");
   CHECK(number_member(fields[1], "length") == "13");
}

TEST_CASE("a passed message has an empty field list and optional keys stay out when empty")
{
   veil::audit_record r;
   r.format = "nlets-text";
   r.message_key = "DQ";
   r.sender_ori = "ORTEST001";
   r.recipients = { "WA" };
   const json_value line = parsed_audit_line(r);
   check_documented_keys(line);
   CHECK(key_set(line) == always_present_keys);
   CHECK(string_member(line, "outcome") == "passed");
   CHECK(line.at("fields").items.empty());
}

TEST_CASE("the policy that decided is named right after its rules, its version only when it has one")
{
   veil::audit_record r = sample_record();
   r.rules = { "default" };
   const std::string digest(64, 'a');
   r.policy = veil::policy_identity{ "mine.json", "2026-12-03", digest, {} };
   json_value line = parsed_audit_line(r);
   check_documented_keys(line);
   const std::vector<std::string> keys = line.keys();
   const auto rules = std::find(keys.begin(), keys.end(), "rules");
   REQUIRE(rules != keys.end());
   REQUIRE(rules + 1 != keys.end());
   CHECK(*(rules + 1) == "policy");
   CHECK(line.at("policy").keys() == std::vector<std::string>{ "name", "version", "sha256" });
   CHECK(string_member(line.at("policy"), "name") == "mine.json");
   CHECK(string_member(line.at("policy"), "version") == "2026-12-03");
   CHECK(string_member(line.at("policy"), "sha256") == digest);

   r.policy->version.clear();
   r.policy->lists = { { "immigration_enforcement", "ice.txt", std::string(64, 'b') },
                       { "federal", "dc.txt", std::string(64, 'c') } };
   line = parsed_audit_line(r);
   CHECK(line.at("policy").keys() == std::vector<std::string>{ "name", "sha256", "lists" });
   const std::vector<json_value>& lists = line.at("policy").at("lists").items;
   REQUIRE(lists.size() == 2);
   CHECK(lists[0].keys() == std::vector<std::string>{ "name", "file", "sha256" });
   CHECK(string_member(lists[0], "name") == "immigration_enforcement");
   CHECK(string_member(lists[0], "file") == "ice.txt");
   CHECK(string_member(lists[0], "sha256") == std::string(64, 'b'));
   CHECK(string_member(lists[1], "file") == "dc.txt");

   // No policy decided (a mask did): no member at all, not an empty one.
   CHECK(parsed_audit_line(sample_record()).find("policy") == nullptr);
}

TEST_CASE("a rejected message's audit line carries the error's offset and reason")
{
   veil::audit_record r = sample_record();
   r.result = veil::outcome::rejected;
   r.fields.clear();
   r.error = veil::rejection{ 26, "NUL byte" };
   const json_value line = parsed_audit_line(r);
   check_documented_keys(line);
   CHECK(string_member(line, "outcome") == "rejected");
   const json_value* error = line.find("error");
   REQUIRE(error != nullptr);
   CHECK(number_member(*error, "offset") == "26");
   CHECK(string_member(*error, "reason") == "NUL byte");
}

TEST_CASE("audit strings escape quotes, backslashes and control bytes")
{
   const std::string awkward = std::string("a\"b\\c\nd\re\tf") + '\x01' + '\x1f' + '\x7f' + '\0' + "g";
   veil::audit_record r = sample_record();
   r.input = awkward;
   r.sender_ori = "\"},\"outcome\":\"passed";  // must stay one string, not become a key
   r.recipients = { awkward };
   r.fields[0].tag = awkward;
   r.error = veil::rejection{ 1, awkward };
   const json_value line = parsed_audit_line(r);
   check_documented_keys(line);
   CHECK(string_member(line, "input") == awkward);
   CHECK(string_member(line, "sender_ori") == "\"},\"outcome\":\"passed");
   CHECK(string_member(line, "outcome") == "redacted");
   CHECK(line.at("recipients").items.at(0).text == awkward);
   CHECK(string_member(line.at("fields").items.at(0), "tag") == awkward);
   CHECK(string_member(line.at("error"), "reason") == awkward);

   // Bytes that are not ASCII still give valid JSON (parsed_audit_line checks it).
   r.input = "\x80\xff\xc3";
   (void)parsed_audit_line(r);
}

TEST_CASE("audit offsets and lengths locate each redacted field in the input")
{
   const std::string message = "IAQ.ORTEST001.AX.*SYN0000001.TXT\nNAM/DOE,JO.POB/MX.SOC/123456789.ARN/A01234567";
   const veil::nlets::text_redactor<veil::runtime_mask> redactor{ veil::runtime_mask{ veil::category_mask::all() },
                                                                 veil::nlets::text_options{ veil::action::mask } };
   std::string out;
   const veil::audit_record audit = redactor.redact(message, out, "iaq.txt");
   const json_value line = parsed_audit_line(audit);
   check_documented_keys(line);
   CHECK(string_member(line, "message_key") == "IAQ");
   CHECK(string_member(line, "sender_ori") == "ORTEST001");
   CHECK(string_member(line, "control_field") == "SYN0000001");
   CHECK(string_member(line, "outcome") == "redacted");
   REQUIRE(line.at("recipients").items.size() == 1);
   CHECK(line.at("recipients").items[0].text == "AX");

   const std::vector<std::string_view> expected{ "POB/MX", "SOC/123456789", "ARN/A01234567" };
   const std::vector<json_value>& fields = line.at("fields").items;
   REQUIRE(fields.size() == expected.size());
   for (std::size_t i = 0; i < fields.size(); ++i) {
      CAPTURE(expected[i]);
      CHECK(string_member(fields[i], "tag") == expected[i].substr(0, 3));
      CHECK(string_member(fields[i], "action") == "mask");
      CHECK(number_member(fields[i], "offset") == std::to_string(message.find(expected[i])));
      CHECK(number_member(fields[i], "length") == std::to_string(expected[i].size()));
   }
   CHECK(string_member(fields[0], "category") == "immigration");
   CHECK(string_member(fields[1], "category") == "ssn");
   CHECK(string_member(fields[2], "category") == "immigration");
}

namespace {

// A value nobody would write: tag letters between markers that occur nowhere else.
[[nodiscard]] std::string planted_value(std::string_view tag)
{
   return "QJ" + std::string(tag) + "XW";
}

// A query with every dictionary prefix, each holding its planted value (MNU's starts
// with AR so that it is an immigration number).
[[nodiscard]] std::string planted_query(std::vector<std::string>& values)
{
   std::string message = "IAQ.ORTEST001.AX.TXT\n";
   for (const veil::field_entry& e : veil::nlets::text_dictionary) {
      values.push_back((e.tag == "MNU" ? "AR-" : "") + planted_value(e.tag));
      message += (message.back() == '\n' ? "" : ".") + std::string(e.tag) + "/" + values.back();
   }
   return message;
}

// A free-text response with every built-in label and every prefix as a token in a line.
[[nodiscard]] std::string planted_response(std::vector<std::string>& values)
{
   std::string message = "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n";
   int n = 0;
   for (const veil::nlets::label_rule& label : veil::nlets::builtin_labels) {
      values.push_back(planted_value("L" + std::to_string(n++)));
      message += std::string(label.tag) + " " + values.back() + "\n";
   }
   for (const veil::field_entry& e : veil::nlets::text_dictionary) {
      values.push_back((e.tag == "MNU" ? "AR-" : "") + planted_value(e.tag));
      message += "REMARK " + std::string(e.tag) + "/" + values.back() + "\n";
   }
   return message;
}

void check_no_value_in_audit(const std::string& message, const std::vector<std::string>& values,
                             veil::category_mask mask, veil::action applied, veil::outcome expected)
{
   const veil::nlets::text_redactor<veil::runtime_mask> redactor{ veil::runtime_mask{ mask },
                                                                 veil::nlets::text_options{ applied } };
   std::string out;
   const veil::audit_record audit = redactor.redact(message, out, "planted");
   CHECK(audit.result == expected);
   const std::string line = veil::to_json_line(audit);
   for (const std::string& value : values) {
      CAPTURE(value);
      CHECK(line.find(value) == std::string::npos);
   }
}

}  // namespace

TEST_CASE("the audit line never contains a field's value")
{
   std::vector<std::string> query_values;
   const std::string query = planted_query(query_values);
   std::vector<std::string> response_values;
   const std::string response = planted_response(response_values);
   // The planted values really are in the messages, so their absence below means something.
   for (const std::string& v : query_values) {
      REQUIRE(query.find(v) != std::string::npos);
   }
   for (const std::string& v : response_values) {
      REQUIRE(response.find(v) != std::string::npos);
   }

   for (const veil::action applied : { veil::action::drop, veil::action::mask }) {
      CAPTURE(veil::name_of(applied));
      check_no_value_in_audit(query, query_values, veil::category_mask::all(), applied, veil::outcome::redacted);
      check_no_value_in_audit(response, response_values, veil::category_mask::all(), applied,
                              veil::outcome::redacted);
      check_no_value_in_audit(query, query_values, veil::default_mask, applied, veil::outcome::redacted);
      check_no_value_in_audit(query, query_values, veil::category_mask::none(), applied, veil::outcome::passed);
      // A message rejected at its very end has been read through; still no value.
      check_no_value_in_audit(query + '\0', query_values, veil::category_mask::all(), applied,
                              veil::outcome::rejected);
      check_no_value_in_audit(response + '\0', response_values, veil::category_mask::all(), applied,
                              veil::outcome::rejected);
   }
}
