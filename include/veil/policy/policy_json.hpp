#pragma once
// Reads a policy from JSON (see policy.hpp for what it means). The whole document is
// parsed and validated by simdjson's DOM API before anything is read from it, and every
// mistake is a policy_error that names its JSON path and what is expected there: an
// unknown key, category, action, format or field id, a key given twice, a duplicate rule
// name, a list that does not exist, a list entry or recipient that no 2- or 9-character
// recipient can be, a message key that is not one, an empty match list, a rule that says
// nothing to do, a "policy_version" that is not one short line of printable ASCII, a
// value of the wrong type; a syntax error by line and column. A policy is read only if
// nothing in it can be mistaken: a near miss that would be read as something else is
// refused, since what it fails to match is released.
// Link veil::policy_json (it brings simdjson). "version" is the version of this format,
// always 1; "policy_version" is the authors' own (see identity.hpp).
//
//   {
//     "version": 1,
//     "policy_version": "2026-12-03",
//     "lists": { "immigration_enforcement": ["VTICE0900"] },
//     "default": { "redact": ["address", "photo", "immigration"] },
//     "rules": [
//       { "name": "no-immigration-enforcement",
//         "match": { "recipient": ["@immigration_enforcement"], "message": ["DR", "KR", "RR"] },
//         "withhold": true, "notify": true } ]
//   }

#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload_reader.hpp>
#include <veil/action.hpp>
#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/detail/names.hpp>
#include <veil/format.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/policy/json_syntax_error.hpp>
#include <veil/policy/ori_pattern.hpp>
#include <veil/policy/policy.hpp>
#include <veil/recipient.hpp>
#include <veil/xml/element_dictionary.hpp>

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::policy {

namespace internal {

class json_reader
{
public:
   [[noreturn]] static void fail(const std::string& path, const std::string& what)
   {
      throw policy_error(path + ": " + what);
   }

   [[nodiscard]] static simdjson::dom::object object(simdjson::dom::element e, const std::string& path)
   {
      simdjson::dom::object o;
      if (e.get(o) != simdjson::SUCCESS) {
         fail(path, "must be an object");
      }
      return o;
   }

   [[nodiscard]] static simdjson::dom::array array(simdjson::dom::element e, const std::string& path)
   {
      simdjson::dom::array a;
      if (e.get(a) != simdjson::SUCCESS) {
         fail(path, "must be an array");
      }
      return a;
   }

   [[nodiscard]] static std::string_view string(simdjson::dom::element e, const std::string& path)
   {
      std::string_view s;
      if (e.get(s) != simdjson::SUCCESS) {
         fail(path, "must be a string");
      }
      return s;
   }

   [[nodiscard]] static bool boolean(simdjson::dom::element e, const std::string& path)
   {
      bool b = false;
      if (e.get(b) != simdjson::SUCCESS) {
         fail(path, "must be true or false");
      }
      return b;
   }

   // The strings of an array, each with its path.
   template <typename Each>
   static void strings(simdjson::dom::element e, const std::string& path, Each&& each)
   {
      std::size_t i = 0;
      for (const simdjson::dom::element item : array(e, path)) {
         const std::string item_path = path + "[" + std::to_string(i++) + "]";
         each(string(item, item_path), item_path);
      }
   }

   // The strings of an array that a match reads: an empty one would match nothing (or,
   // for keys and formats, be read as "any"), so it is refused rather than guessed at.
   template <typename Each>
   static void match_strings(simdjson::dom::element e, const std::string& path, Each&& each)
   {
      if (array(e, path).size() == 0) {
         fail(path, "is empty; leave it out to match any");
      }
      strings(e, path, std::forward<Each>(each));
   }

   // The root of JSON `text`, parsed and validated whole by `parser`; a syntax error is
   // refused with its line and column (json_syntax_error.hpp).
   [[nodiscard]] static simdjson::dom::element parse(simdjson::dom::parser& parser, std::string_view text)
   {
      simdjson::dom::element root;
      if (const auto error = parser.parse(text.data(), text.size()).get(root); error != simdjson::SUCCESS) {
         const std::optional<json_syntax_error> where = find_json_syntax_error(text);
         throw policy_error("$: not valid JSON: " +
                            (where ? "line " + std::to_string(where->line) + ", column " +
                                        std::to_string(where->column) + ": " + where->what
                                   : std::string(simdjson::error_message(error))));
      }
      refuse_duplicate_keys(root, "$");
      return root;
   }

   // Refuses a key given twice in any object of the document: a reader takes one of the
   // two (simdjson the first), and the other, which its author meant, would be ignored.
   static void refuse_duplicate_keys(simdjson::dom::element e, const std::string& path)
   {
      simdjson::dom::object o;
      simdjson::dom::array a;
      if (e.get(o) == simdjson::SUCCESS) {
         std::set<std::string_view> seen;
         for (const simdjson::dom::key_value_pair field : o) {
            const std::string field_path = path + "." + std::string(field.key);
            if (!seen.insert(field.key).second) {
               fail(field_path, "given twice in one object; give each key once");
            }
            refuse_duplicate_keys(field.value, field_path);
         }
      }
      else if (e.get(a) == simdjson::SUCCESS) {
         std::size_t i = 0;
         for (const simdjson::dom::element item : a) {
            refuse_duplicate_keys(item, path + "[" + std::to_string(i++) + "]");
         }
      }
   }

   // Refuses any key of `o` not in `known`.
   static void only_keys(simdjson::dom::object o, const std::string& path, std::initializer_list<std::string_view> known)
   {
      for (const simdjson::dom::key_value_pair field : o) {
         if (std::find(known.begin(), known.end(), field.key) == known.end()) {
            fail(path + "." + std::string(field.key), "unknown key");
         }
      }
   }
};

[[nodiscard]] inline category_mask categories(simdjson::dom::element e, const std::string& path)
{
   category_mask mask;
   json_reader::strings(e, path, [&mask](std::string_view name, const std::string& item_path) {
      const std::optional<category> c = category_from_name(name);
      if (!c) {
         json_reader::fail(item_path, detail::unknown_name("category", name, category_names));
      }
      mask = mask | category_mask{ *c };
   });
   return mask;
}

// "nlets:POB" (or a built-in free-text label, "nlets:RES ADDR:"),
// "nlets-xml:nc:PersonBirthLocation", "aamva:DDA", "ansi-nist:2.020": a format and a
// field its dictionary has, one that carries a category (a field that carries none is
// never removed, so an override of it would say nothing).
[[nodiscard]] inline bool is_known_field(std::string_view id)
{
   const std::size_t colon = id.find(':');
   if (colon == std::string_view::npos) {
      return false;
   }
   const std::string_view family = id.substr(0, colon);
   const std::string_view tag = id.substr(colon + 1);
   const auto has_category = [](const auto* entry) { return entry != nullptr && entry->sensitivity.has_value(); };
   if (family == "nlets") {
      const auto label = std::find_if(nlets::builtin_labels.begin(), nlets::builtin_labels.end(),
                                       [tag](const nlets::label_rule& l) { return l.tag == tag; });
      return has_category(nlets::text_dictionary.find(tag)) || label != nlets::builtin_labels.end();
   }
   if (family == "nlets-xml") {
      return has_category(xml::find_element_named(tag));
   }
   if (family == "aamva") {
      return has_category(aamva::find_element(tag, aamva::newest_version));
   }
   if (family == "ansi-nist") {
      return has_category(ansi_nist::type2_dictionary.find(tag));
   }
   return false;
}

[[nodiscard]] inline veil::action action_named(std::string_view name, const std::string& path)
{
   const std::optional<veil::action> a = action_from_name(name);
   if (!a) {
      json_reader::fail(path, detail::unknown_name("action", name, action_names));
   }
   return *a;
}

[[nodiscard]] inline field_rule field_rule_named(std::string_view name, const std::string& path)
{
   if (name == "keep") {
      return field_rule::keep;
   }
   if (name == "mask") {
      return field_rule::mask;
   }
   if (name != "drop") {
      json_reader::fail(path, "must be keep, mask or drop");
   }
   return field_rule::drop;
}

// Whether `o`, a rule or the default, says what to do with a message: without it the
// rule would silently remove nothing, so releasing everything must be written out
// ("redact": []). "withhold": false and an empty "fields" say nothing.
[[nodiscard]] inline bool says_what_to_do(simdjson::dom::object o)
{
   bool withhold = false;
   simdjson::dom::object fields;
   return o["redact"].error() == simdjson::SUCCESS || o["action"].error() == simdjson::SUCCESS ||
          (o["fields"].get(fields) == simdjson::SUCCESS && fields.size() > 0) ||
          (o["withhold"].get(withhold) == simdjson::SUCCESS && withhold);
}

// A list name: what `@name` and `--recipient-list NAME=FILE` can spell unambiguously.
[[nodiscard]] inline bool is_list_name(std::string_view name) noexcept
{
   return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
   });
}

// The version a policy's authors give it, which every audit line it decides repeats: one
// short line of printable ASCII, so that it reads the same in a log, a terminal and a
// report ("2026-12-03", "v4 as signed 2026-11-30").
[[nodiscard]] inline std::string policy_version(std::string_view text, const std::string& path)
{
   constexpr std::size_t longest = 64;
   const bool printable = std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~'; });
   if (text.empty() || text.size() > longest || !printable) {
      json_reader::fail(path, "must be 1 to " + std::to_string(longest) +
                                 " printable ASCII characters (letters, digits, spaces, punctuation), e.g. "
                                 "\"2026-12-03\"");
   }
   return std::string(text);
}

// A message key; "dr" is refused with the key it was likely meant to be.
inline void check_message_key(std::string_view key, const std::string& path)
{
   if (is_well_formed_message_key(key)) {
      return;
   }
   std::string upper(key);
   std::transform(upper.begin(), upper.end(), upper.begin(),
                  [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; });
   json_reader::fail(path, "'" + std::string(key) + "' is not a message key (2 to 16 upper-case letters or digits, e.g. DR)" +
                              (is_well_formed_message_key(upper) ? "; keys are upper case: " + upper : std::string()));
}

// The law a rule or the default cites, which `veil explain` names as what decided: given,
// it must say something, or the page would cite nothing where it promises a law.
inline void read_law(simdjson::dom::object o, const std::string& path, rule& r)
{
   simdjson::dom::element e;
   if (o["law"].get(e) == simdjson::SUCCESS) {
      r.law = std::string(json_reader::string(e, path + ".law"));
      if (r.law.empty()) {
         json_reader::fail(path + ".law", "is empty: cite the law (e.g. \"NY VTL §201(12)\") or leave \"law\" out");
      }
   }
}

// What a rule and the default share: redact, fields, action.
inline void read_redaction(simdjson::dom::object o, const std::string& path, rule& r)
{
   simdjson::dom::element e;
   if (o["redact"].get(e) == simdjson::SUCCESS) {
      r.redact = categories(e, path + ".redact");
   }
   if (o["action"].get(e) == simdjson::SUCCESS) {
      r.applied = action_named(json_reader::string(e, path + ".action"), path + ".action");
   }
   if (o["fields"].get(e) == simdjson::SUCCESS) {
      for (const simdjson::dom::key_value_pair field : json_reader::object(e, path + ".fields")) {
         const std::string field_path = path + ".fields." + std::string(field.key);
         if (!is_known_field(field.key)) {
            json_reader::fail(field_path, "unknown field id (nlets:PFX or nlets:LABEL, nlets-xml:prefix:Element, aamva:ID or ansi-nist:2.NNN of a field with a category)");
         }
         r.fields[std::string(field.key)] = field_rule_named(json_reader::string(field.value, field_path), field_path);
      }
   }
}

}  // namespace internal

[[nodiscard]] inline policy read_policy(std::string_view json)
{
   using internal::json_reader;
   simdjson::dom::parser parser;
   const simdjson::dom::object top = json_reader::object(json_reader::parse(parser, json), "$");
   json_reader::only_keys(top, "$",
                          { "version", "policy_version", "description", "lists", "default", "rules", "labels" });
   policy p;

   std::int64_t version = 0;
   if (top["version"].get(version) != simdjson::SUCCESS || version != 1) {
      json_reader::fail("$.version", "must be 1");
   }

   simdjson::dom::element e;
   if (top["policy_version"].get(e) == simdjson::SUCCESS) {
      p.version = internal::policy_version(json_reader::string(e, "$.policy_version"), "$.policy_version");
   }
   if (top["description"].get(e) == simdjson::SUCCESS) {
      p.description = std::string(json_reader::string(e, "$.description"));
   }
   if (top["lists"].get(e) == simdjson::SUCCESS) {
      for (const simdjson::dom::key_value_pair list : json_reader::object(e, "$.lists")) {
         const std::string list_path = "$.lists." + (list.key.empty() ? std::string("\"\"") : std::string(list.key));
         if (!internal::is_list_name(list.key)) {
            json_reader::fail(list_path, "a list name is lower-case letters, digits and '_', e.g. immigration_enforcement");
         }
         std::vector<ori_pattern>& patterns = p.lists[std::string(list.key)];
         json_reader::strings(list.value, list_path, [&patterns](std::string_view text, const std::string& path) {
            const std::optional<ori_pattern> pattern = ori_pattern::parse(text);
            if (!pattern) {
               json_reader::fail(path, "'" + std::string(text) + "' is not " + std::string(ori_pattern_expected));
            }
            patterns.push_back(*pattern);
         });
      }
   }

   p.default_rule.name = "default";
   if (top["default"].get(e) == simdjson::SUCCESS) {
      const simdjson::dom::object o = json_reader::object(e, "$.default");
      json_reader::only_keys(o, "$.default", { "redact", "fields", "action", "law" });
      if (!internal::says_what_to_do(o)) {
         json_reader::fail("$.default", "says nothing to do: give \"redact\" ([\"...\"], or [] to release everything), "
                                        "\"fields\" or \"action\", or leave \"default\" out to remove address, photo "
                                        "and immigration");
      }
      internal::read_redaction(o, "$.default", p.default_rule);
      internal::read_law(o, "$.default", p.default_rule);
   }
   else {
      p.default_rule.redact = default_mask;
   }

   if (top["rules"].get(e) == simdjson::SUCCESS) {
      std::size_t i = 0;
      for (const simdjson::dom::element item : json_reader::array(e, "$.rules")) {
         const std::string path = "$.rules[" + std::to_string(i++) + "]";
         const simdjson::dom::object o = json_reader::object(item, path);
         json_reader::only_keys(o, path, { "name", "description", "law", "match", "redact", "fields", "action", "withhold", "notify" });
         rule r;
         simdjson::dom::element v;
         if (o["name"].get(v) != simdjson::SUCCESS) {
            json_reader::fail(path + ".name", "every rule needs a name");
         }
         r.name = std::string(json_reader::string(v, path + ".name"));
         if (o["description"].get(v) == simdjson::SUCCESS) {
            r.description = std::string(json_reader::string(v, path + ".description"));
         }
         internal::read_law(o, path, r);
         for (const rule& earlier : p.rules) {
            if (earlier.name == r.name) {
               json_reader::fail(path + ".name", "a rule named '" + r.name + "' comes earlier");
            }
         }
         if (o["match"].get(v) == simdjson::SUCCESS) {
            const simdjson::dom::object match = json_reader::object(v, path + ".match");
            json_reader::only_keys(match, path + ".match", { "recipient", "message", "format" });
            simdjson::dom::element m;
            if (match["recipient"].get(m) == simdjson::SUCCESS) {
               recipient_match recipients;
               json_reader::match_strings(m, path + ".match.recipient", [&](std::string_view text, const std::string& at) {
                  if (text.starts_with('@')) {
                     if (p.lists.find(std::string(text.substr(1))) == p.lists.end()) {
                        json_reader::fail(at, "no ORI list named '" + std::string(text.substr(1)) + "'");
                     }
                     recipients.lists.emplace_back(text.substr(1));
                     return;
                  }
                  const std::optional<ori_pattern> pattern = ori_pattern::parse(text);
                  if (!pattern) {
                     json_reader::fail(at, "'" + std::string(text) + "' is not an @list, " + std::string(ori_pattern_expected));
                  }
                  recipients.patterns.push_back(*pattern);
               });
               r.recipients = std::move(recipients);
            }
            if (match["message"].get(m) == simdjson::SUCCESS) {
               json_reader::match_strings(m, path + ".match.message", [&r](std::string_view key, const std::string& at) {
                  internal::check_message_key(key, at);
                  r.message_keys.emplace_back(key);
               });
            }
            if (match["format"].get(m) == simdjson::SUCCESS) {
               json_reader::match_strings(m, path + ".match.format", [&r](std::string_view name, const std::string& at) {
                  const std::optional<format> f = format_from_name(name);
                  if (!f) {
                     json_reader::fail(at, detail::unknown_name("format", name, format_names));
                  }
                  r.formats.push_back(*f);
               });
            }
         }
         internal::read_redaction(o, path, r);
         if (o["withhold"].get(v) == simdjson::SUCCESS) {
            r.withhold = json_reader::boolean(v, path + ".withhold");
         }
         if (o["notify"].get(v) == simdjson::SUCCESS) {
            r.notify = json_reader::boolean(v, path + ".notify");
         }
         if (!internal::says_what_to_do(o)) {
            json_reader::fail(path, "says nothing to do: give \"redact\" ([\"...\"], or [] to release everything), "
                                    "\"withhold\", \"fields\" or \"action\"");
         }
         p.rules.push_back(std::move(r));
      }
   }

   if (top["labels"].get(e) == simdjson::SUCCESS) {
      for (const simdjson::dom::key_value_pair state : json_reader::object(e, "$.labels")) {
         const std::string state_path = "$.labels." + std::string(state.key);
         if (state.key.size() != 2 || !detail::is_upper(state.key[0]) || !detail::is_upper(state.key[1])) {
            json_reader::fail(state_path, "must be a two-letter state code, e.g. WA");
         }
         std::vector<nlets::custom_label>& labels = p.labels[std::string(state.key)];
         for (const simdjson::dom::key_value_pair kind : json_reader::object(state.value, state_path)) {
            const std::string kind_path = state_path + "." + std::string(kind.key);
            const std::optional<category> c = category_from_name(kind.key);
            if (!c) {
               json_reader::fail(kind_path, detail::unknown_name("category", kind.key, category_names));
            }
            json_reader::strings(kind.value, kind_path, [&labels, c](std::string_view text, const std::string& at) {
               if (text.empty()) {
                  json_reader::fail(at, "a label cannot be empty");
               }
               labels.push_back({ std::string(text), *c });
            });
         }
      }
   }
   return p;
}

}  // namespace veil::policy
