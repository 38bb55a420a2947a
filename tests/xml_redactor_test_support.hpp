#pragma once
// What the XML redactor suites share: a redactor built in one call, a message redacted in
// memory or fed to redact_stream() in chunks cut at chosen offsets, the XML messages veil
// ships and the EBTS samples, a well-formedness check, and random messages that say
// which of their values a mask must remove.

#include "nlets_test_support.hpp"
#include "sample_messages.hpp"
#include "xml_test_support.hpp"

#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/category_mask.hpp>
#include <veil/mask_policy.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/xml_reader.hpp>
#include <veil/xml/xml_redactor.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil_test {

using xml_redactor = veil::xml::xml_redactor<veil::runtime_mask>;

[[nodiscard]] inline xml_redactor make_xml_redactor(veil::category_mask mask, veil::action applied = veil::action::drop,
                                                    veil::xml::xml_options options = {})
{
   options.action = applied;
   return xml_redactor{ veil::runtime_mask{ mask }, std::move(options) };
}

// Why `document` is not well-formed XML, or nullopt when it reads back without error.
[[nodiscard]] inline std::optional<veil::rejection> xml_error(std::string_view document)
{
   struct ignore_events
   {
      void on_start(const veil::xml::element_start&) {}
      void on_end(const veil::xml::element_end&) {}
      void on_text(std::string_view, std::size_t, veil::xml::text_kind) {}
      void on_markup(std::string_view, std::size_t) {}
   } handler;
   try {
      veil::xml::read(document, handler);
   } catch (const veil::rejected_input& e) {
      return e.to_rejection();
   }
   return std::nullopt;
}

// The same fields (tag, category, length) in `a` as in `b`, in the same order, each at
// the same distance from `a_base` in a's input as from `b_base` in b's.
inline void check_same_fields(const veil::audit_record& a, const veil::audit_record& b, std::size_t a_base = 0,
                              std::size_t b_base = 0)
{
   REQUIRE(a.fields.size() == b.fields.size());
   for (std::size_t i = 0; i < a.fields.size(); ++i) {
      CAPTURE(a.fields[i].tag);
      CHECK(a.fields[i].tag == b.fields[i].tag);
      CHECK(a.fields[i].kind == b.fields[i].kind);
      CHECK(a.fields[i].offset - a_base == b.fields[i].offset - b_base);
      CHECK(a.fields[i].length == b.fields[i].length);
   }
}

// ---- the XML messages veil ships, and the EBTS samples -----------------------------------

[[nodiscard]] inline std::filesystem::path xml_message_dir()
{
   return std::filesystem::path(VEIL_SOURCE_DIR) / "examples" / "messages" / "nlets-xml";
}

// The synthetic Nlets XML messages in file-name order, then the EBTS samples; never empty.
[[nodiscard]] inline std::vector<sample_message> xml_messages()
{
   std::vector<sample_message> messages;
   for (const auto& entry : std::filesystem::directory_iterator(xml_message_dir())) {
      if (entry.path().extension() == ".xml") {
         messages.push_back({ entry.path().filename().string(), read_file(entry.path()) });
      }
   }
   if (messages.empty()) {
      throw std::runtime_error("no sample messages in " + xml_message_dir().string());
   }
   std::sort(messages.begin(), messages.end(),
             [](const sample_message& a, const sample_message& b) { return a.name < b.name; });
   for (const std::string_view name : niem_samples) {
      messages.push_back({ std::string(name), read_sample(name) });
   }
   return messages;
}

// ---- generated messages ------------------------------------------------------------------

// An Nlets XML message with planted values, and the category of every element or
// free-text field in it that a mask may remove (one audit entry each).
struct planted_xml_message
{
   std::string bytes;
   std::vector<planted_value> values;
   std::vector<veil::category> fields;

   [[nodiscard]] std::size_t fields_under(veil::category_mask mask) const
   {
      return static_cast<std::size_t>(
         std::count_if(fields.begin(), fields.end(), [mask](veil::category c) { return mask.contains(c); }));
   }
};

// Random Nlets XML responses: a routing header (sometimes holding a sensitive element,
// which goes like any other), then items of every kind the redactor decides on: sensitive
// elements of every dictionary entry (NIEM 2.0 and 3.0 under one prefix, another prefix
// for the same URI, a default namespace, empty elements), identifications whose category
// code says or does not say immigration, before or after the number, in any case and
// with blanks around it, the same local names in a namespace veil does not know, plain
// elements, and free-text elements holding a legacy response body (made by
// message_generator, so the redactor needs generated_extra_labels). Seeded.
class xml_message_generator
{
public:
   explicit xml_message_generator(std::uint32_t seed) : random_(seed) {}

   [[nodiscard]] planted_xml_message message()
   {
      planted_xml_message m;
      nc_ = pick(niem_core_uris);
      m.bytes = random_.chance(2) ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "";
      m.bytes += "<n2:NLETS n2:version=\"4.00\" xmlns:n2=\"http://www.nlets.org/niem/1.0\""
                 " xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\" xmlns:nc=\"" +
                 nc_ + "\" xmlns:j=\"" + std::string(jxdm) + "\" xmlns:ebts=\"" + std::string(ebts) +
                 "\" xmlns:itl=\"" + std::string(itl) + "\">\n";
      m.bytes += header(m);
      m.bytes += "  <n2:NLETSResponseData>";
      for (std::size_t n = 1 + random_.below(10); n > 0; --n) {
         m.bytes += pick(std::array<std::string, 3>{ "\n    ", "", " " });
         const std::string body = item(m);
         // Sometimes in a scope that binds nc: to another NIEM release.
         m.bytes +=
            random_.chance(3) ? "<n2:Group xmlns:nc=\"" + pick(niem_core_uris) + "\">" + body + "</n2:Group>" : body;
      }
      m.bytes += "\n  </n2:NLETSResponseData>\n</n2:NLETS>\n";
      m.bytes += random_.chance(4) ? "<!-- end -->\n" : "";
      return m;
   }

   [[nodiscard]] veil::category_mask mask() { return random_.mask(); }
   [[nodiscard]] std::size_t below(std::size_t n) { return random_.below(n); }
   [[nodiscard]] bool chance(std::size_t one_in) { return random_.chance(one_in); }

private:
   static constexpr std::string_view jxdm = "http://niem.gov/niem/domains/jxdm/4.0";
   static constexpr std::string_view ebts = "http://cjis.fbi.gov/fbi_ebts/10.0";
   static constexpr std::string_view itl = "http://biometrics.nist.gov/standard/2011";
   static constexpr std::string_view nlets = "http://www.nlets.org/niem/1.0";
   static constexpr std::array<std::string_view, 2> niem_core_uris{ "http://niem.gov/niem/niem-core/2.0",
                                                                    "http://release.niem.gov/niem/niem-core/3.0/" };

   template<typename Container>
   [[nodiscard]] std::string pick(const Container& choices)
   {
      return std::string(choices[random_.below(choices.size())]);
   }

   // A fresh value, recorded in `m`: a number no other value has, then random letters,
   // all in lower case so that it never meets the upper-case values of
   // message_generator's free text. Values are of one length, so none holds another.
   std::string plant(planted_xml_message& m, std::optional<veil::category> kind)
   {
      std::string text = "v" + std::to_string(100000 + planted_++);
      while (text.size() < 14) {
         text += static_cast<char>('a' + random_.below(26));
      }
      m.values.push_back({ text, kind });
      return text;
   }

   // The prefix the envelope binds to `uri`, if any (inside an n2:Group, nc: may name
   // the other NIEM release: the same vocabulary, so the same decision).
   [[nodiscard]] std::optional<std::string> envelope_prefix(std::string_view uri) const
   {
      if (uri == nc_) {
         return "nc";
      }
      for (const auto& [prefix, bound] : std::array<std::pair<std::string_view, std::string_view>, 4>{
              { { "j", jxdm }, { "ebts", ebts }, { "itl", itl }, { "n2", nlets } } }) {
         if (uri == bound) {
            return std::string(prefix);
         }
      }
      return std::nullopt;
   }

   // The start of an element named `local` in `uri`, open for attributes: under the
   // envelope's prefix, under a prefix declared on the element, or in a default namespace
   // declared on it. `qname` receives the name as written.
   std::string open_tag(std::string_view uri, std::string_view local, std::string& qname)
   {
      const std::size_t how = random_.below(3);
      if (how == 0 && envelope_prefix(uri)) {
         qname = *envelope_prefix(uri) + ":" + std::string(local);
         return "<" + qname;
      }
      if (how <= 1) {
         const std::string prefix = "p" + std::to_string(random_.below(100));
         qname = prefix + ":" + std::string(local);
         return "<" + qname + " xmlns:" + prefix + "=\"" + std::string(uri) + "\"";
      }
      qname = std::string(local);
      return "<" + qname + " xmlns=\"" + std::string(uri) + "\"";
   }

   // One to three pieces of content holding planted values of `kind`.
   std::string content(planted_xml_message& m, std::optional<veil::category> kind)
   {
      std::string out;
      for (std::size_t n = 1 + random_.below(3); n > 0; --n) {
         switch (random_.below(4)) {
            case 0: out += "<v>" + plant(m, kind) + "</v>"; break;
            case 1: out += "<v><![CDATA[" + plant(m, kind) + "]]></v>"; break;
            case 2: out += "\n      " + plant(m, kind) + "<!-- note -->"; break;
            default: out += "<v a=\"1\"><w>" + plant(m, kind) + "</w></v>\n"; break;
         }
      }
      return out;
   }

   [[nodiscard]] std::string uri_of(veil::xml::vocabulary family)
   {
      std::vector<std::string_view> uris;
      for (const veil::xml::namespace_uri& n : veil::xml::known_namespaces) {
         if (n.family == family) {
            uris.push_back(n.uri);
         }
      }
      return pick(uris);
   }

   [[nodiscard]] std::string local_name_of(const veil::xml::element_entry& entry)
   {
      return std::string(entry.tag) +
             (entry.prefix_match ? pick(std::array<std::string, 3>{ "", "Text", "ISO3166Alpha2Code" }) : "");
   }

   std::string header(planted_xml_message& m)
   {
      std::string h = "  <n2:NLETSMessageHeader>\n    <nh2:MessageKeyCodeText>DR</nh2:MessageKeyCodeText>\n"
                      "    <nh2:OriginatingORIID>WAOLN0000</nh2:OriginatingORIID>\n"
                      "    <nh2:DestinationORIID>ORTEST001</nh2:DestinationORIID>\n";
      if (random_.chance(4)) {
         // The header shields nothing but its routing values.
         m.fields.push_back(veil::category::ssn);
         h += "    <nc:PersonSSNIdentification>" + plant(m, veil::category::ssn) + "</nc:PersonSSNIdentification>\n";
      }
      return h + "  </n2:NLETSMessageHeader>\n";
   }

   std::string item(planted_xml_message& m)
   {
      switch (random_.below(6)) {
         case 0:
         case 1: return sensitive_element(m);
         case 2: return identification(m);
         case 3: return free_text(m);
         case 4: {
            // A name the dictionary knows, in a namespace it does not.
            const std::string local = local_name_of(random_sensitive_entry(false));
            return "<u:" + local + " xmlns:u=\"urn:example:elsewhere\">" + content(m, std::nullopt) + "</u:" + local +
                   ">";
         }
         default: {
            std::string qname;
            const std::string open = open_tag(nc_, "PersonName", qname);
            return open + ">" + content(m, std::nullopt) + "</" + qname + ">";
         }
      }
   }

   // An entry the mask decides by its name alone: a sensitive element, or with `records`
   // an ITL record of a category (an itl:Package…Record in a namespace veil does not know
   // still counts as a record, so it is no stranger's element).
   [[nodiscard]] const veil::xml::element_entry& random_sensitive_entry(bool records = true)
   {
      std::vector<const veil::xml::element_entry*> entries;
      for (const veil::xml::element_entry& e : veil::xml::element_dictionary) {
         const bool record = e.role == veil::xml::element_role::record;
         if (e.role == veil::xml::element_role::sensitive || (records && record && e.sensitivity)) {
            entries.push_back(&e);
         }
      }
      return *entries[random_.below(entries.size())];
   }

   std::string sensitive_element(planted_xml_message& m)
   {
      const veil::xml::element_entry& entry = random_sensitive_entry();
      const veil::category kind = *entry.sensitivity;
      m.fields.push_back(kind);
      std::string qname;
      std::string open = open_tag(uri_of(entry.family), local_name_of(entry), qname);
      open += random_.chance(3) ? " id=\"x1\"" : "";
      if (random_.chance(8)) {
         return open + "/>";
      }
      return open + ">" + content(m, kind) + "</" + qname + (random_.chance(4) ? " >" : ">");
   }

   std::string identification(planted_xml_message& m)
   {
      // Without a code, the type of the number cannot be told: immigration.
      const bool has_code = !random_.chance(6);
      const bool immigration = !has_code || random_.chance(2);
      std::string code;
      if (immigration && has_code) {
         for (const char c : pick(std::array<std::string, 3>{ "AR", "AN", "PP" })) {
            code += random_.chance(2) ? c : static_cast<char>(c - 'A' + 'a');
         }
         code = pick(std::array<std::string, 4>{ "", " ", "\n  ", "\t" }) + code +
                pick(std::array<std::string, 3>{ "", " ", "\r\n" });
      }
      else {
         code = pick(std::array<std::string, 6>{ "SS", "OA", "MP", "VA", "af", " ns " });
      }
      std::string code_name;
      std::string code_element =
         open_tag(random_.chance(2) ? std::string(jxdm) : std::string(ebts), "PersonIDCategoryCode", code_name);
      code_element += ">" + (random_.chance(3) ? "<![CDATA[" + code + "]]>" : code) + "</" + code_name + ">";
      const std::optional<veil::category> kind =
         immigration ? std::optional<veil::category>(veil::category::immigration) : std::nullopt;
      if (immigration) {
         m.fields.push_back(veil::category::immigration);
      }
      const std::string number = "<v>" + plant(m, kind) + "</v>";
      std::string qname;
      const std::string open = open_tag(nc_, "PersonOtherIdentification", qname);
      const std::string children = !has_code           ? number
                                   : random_.chance(2) ? code_element + number
                                                       : number + code_element;
      return open + ">" + children + "</" + qname + ">";
   }

   std::string free_text(planted_xml_message& m)
   {
      const planted_message legacy = random_.response();
      const std::size_t txt = legacy.bytes.find("TXT");
      const std::string body = legacy.bytes.substr(legacy.bytes.find('\n', txt) + 1);
      for (const planted_value& v : legacy.values) {
         m.values.push_back(v);
         if (v.starts_field && v.kind) {
            m.fields.push_back(*v.kind);
         }
      }
      std::string qname;
      const std::string open = open_tag(
         nlets, pick(std::array<std::string, 3>{ "ResponseText", "MailMessageText", "StatusMessageText" }), qname);
      return open + ">" + (random_.chance(2) ? "<![CDATA[" + body + "]]>" : body) + "</" + qname + ">";
   }

   message_generator random_;  // randomness, and the legacy bodies of free-text elements
   std::size_t planted_ = 0;
   std::string nc_;  // the NIEM release the envelope binds nc: to
};

}  // namespace veil_test
