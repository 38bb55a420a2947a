#pragma once
// The stream-vs-DOM oracle: a message redacted by the stream redactor, read back by
// pugixml, must be the same tree as the message read by pugixml and redacted by the DOM
// redactor: the same elements with the same attributes in the same order, the same
// comments and processing instructions, and the same text, where a run of adjacent text
// and CDATA nodes counts as one text and an empty one as none (a tree may keep an emptied
// text node that bytes cannot show). Used by the tests and by the differential fuzz target.

#include <veil/audit.hpp>
#include <veil/xml/dom_redactor.hpp>
#include <veil/xml/xml_redactor.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test {

// How both sides are read: every node kind the stream keeps, whitespace text included.
inline constexpr unsigned int oracle_parse_options =
   pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_comments | pugi::parse_pi;

namespace internal {

struct tree_child
{
   pugi::xml_node_type type;
   std::string text;    // text runs, comments and PIs (value)
   pugi::xml_node node;  // elements
};

[[nodiscard]] inline std::vector<tree_child> children_of(pugi::xml_node parent)
{
   std::vector<tree_child> children;
   bool in_text = false;
   for (const pugi::xml_node child : parent.children()) {
      const bool text = child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata;
      if (text) {
         if (!in_text) {
            children.push_back({ pugi::node_pcdata, {}, {} });
         }
         children.back().text += child.value();
      }
      else if (child.type() == pugi::node_element) {
         children.push_back({ child.type(), {}, child });
      }
      else {
         children.push_back({ child.type(), std::string(child.name()) + "|" + child.value(), {} });
      }
      in_text = text;
   }
   std::erase_if(children, [](const tree_child& c) { return c.type == pugi::node_pcdata && c.text.empty(); });
   return children;
}

}  // namespace internal

// The first difference between two trees, as a path and a reason; nothing if they are
// the same. Iterative: the trees may be deep.
[[nodiscard]] inline std::optional<std::string> tree_difference(pugi::xml_node a, pugi::xml_node b)
{
   struct pair
   {
      pugi::xml_node a;
      pugi::xml_node b;
      std::string path;
   };
   std::vector<pair> pending{ { a, b, "/" } };
   while (!pending.empty()) {
      const pair p = std::move(pending.back());
      pending.pop_back();
      if (std::string_view(p.a.name()) != p.b.name()) {
         return p.path + ": element " + p.a.name() + " against " + p.b.name();
      }
      auto attribute_a = p.a.attributes_begin();
      auto attribute_b = p.b.attributes_begin();
      for (; attribute_a != p.a.attributes_end() && attribute_b != p.b.attributes_end(); ++attribute_a, ++attribute_b) {
         if (std::string_view(attribute_a->name()) != attribute_b->name() ||
             std::string_view(attribute_a->value()) != attribute_b->value()) {
            return p.path + ": attribute " + attribute_a->name() + " against " + attribute_b->name();
         }
      }
      if ((attribute_a == p.a.attributes_end()) != (attribute_b == p.b.attributes_end())) {
         return p.path + ": a different number of attributes";
      }
      const std::vector<internal::tree_child> children_a = internal::children_of(p.a);
      const std::vector<internal::tree_child> children_b = internal::children_of(p.b);
      if (children_a.size() != children_b.size()) {
         return p.path + ": " + std::to_string(children_a.size()) + " children against " +
                std::to_string(children_b.size());
      }
      for (std::size_t i = 0; i < children_a.size(); ++i) {
         const std::string path = p.path + std::to_string(i) + "/";
         if (children_a[i].type != children_b[i].type || children_a[i].text != children_b[i].text) {
            return path + ": '" + children_a[i].text + "' against '" + children_b[i].text + "'";
         }
         if (children_a[i].type == pugi::node_element) {
            pending.push_back({ children_a[i].node, children_b[i].node, path });
         }
      }
   }
   return std::nullopt;
}

struct twin_result
{
   veil::audit_record stream_audit;
   veil::audit_record dom_audit;
   std::optional<std::string> difference;  // set when the two disagree
};

// Redacts `message` both ways. When the stream redactor rejects it, or pugixml cannot
// read it, nothing is compared (each refuses some XML the other accepts); otherwise the
// DOM redactor must accept it, remove the same fields (tag, category, action, in order) and leave the same tree.
template <typename StreamRedactor, typename DomRedactor>
[[nodiscard]] twin_result redact_both_ways(const StreamRedactor& stream, const DomRedactor& dom,
                                           std::string_view message)
{
   twin_result r;
   std::string streamed;
   r.stream_audit = stream.redact(message, streamed);
   if (r.stream_audit.rejected()) {
      return r;
   }
   pugi::xml_document from_stream;
   pugi::xml_document from_dom;
   if (!from_dom.load_buffer(message.data(), message.size(), oracle_parse_options)) {
      return r;  // pugixml refuses some XML the reader accepts (a PI named xml-something)
   }
   if (!from_stream.load_buffer(streamed.data(), streamed.size(), oracle_parse_options)) {
      r.difference = "pugixml cannot read the stream redactor's output";
      return r;
   }
   r.dom_audit = dom.redact(from_dom);
   if (r.dom_audit.rejected()) {
      r.difference = "the DOM redactor rejected it: " + r.dom_audit.error->reason;
      return r;
   }
   if (r.dom_audit.fields.size() != r.stream_audit.fields.size()) {
      r.difference = "the DOM redactor removed " + std::to_string(r.dom_audit.fields.size()) + " fields, the stream " +
                     std::to_string(r.stream_audit.fields.size());
      return r;
   }
   for (std::size_t i = 0; i < r.dom_audit.fields.size(); ++i) {
      const veil::redacted_field& d = r.dom_audit.fields[i];
      const veil::redacted_field& s = r.stream_audit.fields[i];
      if (d.tag != s.tag || d.kind != s.kind || d.applied != s.applied) {
         r.difference = "field " + std::to_string(i) + ": " + d.tag + " against " + s.tag;
         return r;
      }
   }
   if (r.dom_audit.message_key != r.stream_audit.message_key || r.dom_audit.recipients != r.stream_audit.recipients ||
       r.dom_audit.sender_ori != r.stream_audit.sender_ori) {
      r.difference = "the audit records name the message differently";
      return r;
   }
   r.difference = tree_difference(from_dom, from_stream);
   return r;
}

}  // namespace veil_test
