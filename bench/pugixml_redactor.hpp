#pragma once
// The baselines for XML: what an integrator would write with pugixml. The message is
// parsed with pugixml's defaults into a DOM, the elements veil's dictionary marks as of a
// masked category are found by a walk over the tree by local name (pugixml has no
// namespaces, so the URI is not checked: less work than veil does) and removed, or their
// text starred, and the tree is saved to a string with format_raw. The default parse
// drops whitespace-only text, so the output is the message re-serialized, not the
// message with bytes removed as veil writes it. Parsing alone is the other baseline.

#include <veil/action.hpp>
#include <veil/category_mask.hpp>
#include <veil/xml/element_dictionary.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace veil_bench {

class pugixml_redactor
{
public:
   pugixml_redactor(veil::category_mask mask, veil::action applied) : applied_(applied)
   {
      for (const veil::xml::element_entry& e : veil::xml::element_dictionary) {
         if (e.role == veil::xml::element_role::sensitive && mask.contains(*e.sensitivity)) {
            removed_.push_back(&e);
         }
      }
   }

   // Parsing alone; false if the message is not well-formed.
   bool parse(std::string_view message) const
   {
      return document_.load_buffer(message.data(), message.size()).status == pugi::status_ok;
   }

   // Parse, redact, save: the output appended to `out`, nothing if it does not parse.
   void redact(std::string_view message, std::string& out) const
   {
      if (!parse(message)) {
         return;
      }
      pugi::xml_node node = document_.first_child();
      while (node) {
         const bool removed = is_removed(node);
         const pugi::xml_node next = next_in_walk(node, removed);
         if (removed) {
            if (applied_ == veil::action::drop) {
               node.parent().remove_child(node);
            }
            else {
               star_text(node);
            }
         }
         node = next;
      }
      string_writer writer{ out };
      document_.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
   }

private:
   struct string_writer : pugi::xml_writer
   {
      explicit string_writer(std::string& out) : out_(out) {}
      void write(const void* data, std::size_t size) override { out_.append(static_cast<const char*>(data), size); }
      std::string& out_;
   };

   [[nodiscard]] bool is_removed(pugi::xml_node node) const
   {
      if (node.type() != pugi::node_element) {
         return false;
      }
      std::string_view local = node.name();
      local.remove_prefix(local.find(':') + 1);  // npos + 1 is 0: no prefix
      for (const veil::xml::element_entry* e : removed_) {
         if (e->prefix_match ? local.starts_with(e->tag) : local == e->tag) {
            return true;
         }
      }
      return false;
   }

   // The node after `node` in document order, its children left out when `skip_children`.
   [[nodiscard]] static pugi::xml_node next_in_walk(pugi::xml_node node, bool skip_children)
   {
      if (!skip_children && node.first_child()) {
         return node.first_child();
      }
      while (node && !node.next_sibling()) {
         node = node.parent();
      }
      return node ? node.next_sibling() : pugi::xml_node();
   }

   // Every text under `element` starred, character for character.
   static void star_text(pugi::xml_node element)
   {
      for (pugi::xml_node n = element.first_child(); n && n != element; n = next_below(n, element)) {
         if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            n.set_value(std::string(std::string_view(n.value()).size(), '*').c_str());
         }
      }
   }

   // The node after `n` in document order, without leaving `root`; a null node at the end.
   [[nodiscard]] static pugi::xml_node next_below(pugi::xml_node n, pugi::xml_node root)
   {
      if (n.first_child()) {
         return n.first_child();
      }
      while (n != root && !n.next_sibling()) {
         n = n.parent();
      }
      return n == root ? pugi::xml_node() : n.next_sibling();
   }

   veil::action applied_;
   std::vector<const veil::xml::element_entry*> removed_;
   mutable pugi::xml_document document_;  // reused from message to message, as a loop would
};

}  // namespace veil_bench
