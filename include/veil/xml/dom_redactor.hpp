#pragma once
// The DOM twin of xml_redactor, for integrators who already hold a pugixml tree: the same
// dictionary, the same decisions, applied to a pugi::xml_document in place. Link
// veil::xml_dom (it brings pugixml; veil::veil itself links nothing).
//
//   pugi::xml_document doc;
//   doc.load_buffer(message.data(), message.size(), pugi::parse_default | pugi::parse_ws_pcdata);
//   veil::xml::dom_redactor redactor{ veil::runtime_mask{ veil::default_mask } };
//   veil::audit_record audit = redactor.redact(doc);
//
// The tree is walked in document order and read as the stream redactor reads the bytes:
// an element of a masked category is removed (drop) or emptied (mask); an identification
// goes when a category code inside it says AR, AN or PP; the text nodes of n2:ResponseText
// and its kin are redacted line by line by the Nlets text rules; the first routing header
// under the root is never touched and names the message in the audit record. Namespace
// prefixes are resolved from the xmlns attributes in the tree.
//
// Where the twins differ: a tree holds no bytes, so audit offsets are pugixml's
// offset_debug() of the node (0 when pugixml no longer knows it) and lengths are 0; and
// an identification is never too large to decide, since the whole of it is at hand.
// If the returned record says `rejected`, the tree was not changed.

#include <veil/audit.hpp>
#include <veil/mask_policy.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/free_text_body.hpp>
#include <veil/xml/free_text_rules.hpp>
#include <veil/xml/id_category_code.hpp>
#include <veil/xml/namespace_scope.hpp>
#include <veil/xml/routing_header.hpp>
#include <veil/xml/xml_options.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::xml {

namespace internal {

// Byte offset of a node in the buffer it was parsed from: the '<' of an element, the
// first byte of a text; 0 once pugixml no longer knows it.
[[nodiscard]] inline std::size_t input_offset_of(pugi::xml_node node) noexcept
{
   const std::ptrdiff_t at = node.offset_debug();
   if (at < 0) {
      return 0;
   }
   const bool element = node.type() == pugi::node_element;
   return static_cast<std::size_t>(element && at > 0 ? at - 1 : at);
}

[[nodiscard]] inline bool is_text(pugi::xml_node node) noexcept
{
   return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

// One walk of one document: decides every node, and only changes the tree once the whole
// of it has been read without a rejection.
class dom_walk
{
public:
   dom_walk(redaction_rules rules, const xml_limits& limits, std::size_t max_line_size,
            free_text_line_redactor lines, audit_record& audit)
      : rules_(rules),
        limits_(limits),
        lines_(std::move(lines)),
        body_(lines_, max_line_size),
        audit_(audit),
        scope_(limits.max_namespace_bindings)
   {}

   void run(pugi::xml_document& document)
   {
      check_depth(document);
      walk(document);
      apply();
   }

private:
   struct change
   {
      enum class kind { remove, empty, set_text } what;
      pugi::xml_node node;
      std::string text;
   };

   struct hold_state
   {
      pugi::xml_node node;
      std::size_t depth;
      std::string override_tag;
      std::size_t audit_size;    // audit entries before the hold, to forget those made inside it
      std::size_t change_count;  // likewise for changes
      pugi::xml_node code_node;
      id_category_code code;
      category_mask carried;  // what the codes read so far give
   };

   // pugixml frees a subtree recursively, so a tree deeper than the reader would accept
   // is refused before anything in it is removed.
   void check_depth(const pugi::xml_document& document) const
   {
      std::size_t depth = 0;
      pugi::xml_node node = document.first_child();
      while (node) {
         if (node.type() == pugi::node_element && depth + 1 > limits_.max_depth) {
            throw rejected_input(input_offset_of(node),
                                 "elements nested deeper than " + std::to_string(limits_.max_depth));
         }
         if (node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
         }
         while (node && !node.next_sibling()) {
            node = node.parent();
            --depth;
            if (node == document) {
               return;
            }
         }
         node = node ? node.next_sibling() : node;
      }
   }

   // Document order, without recursion: a start when an element is entered, an end when
   // it is left, text as it comes; an element redacted whole is not entered.
   void walk(pugi::xml_document& document)
   {
      pugi::xml_node node = document.first_child();
      while (node) {
         if (node.type() != pugi::node_element) {
            on_other(node);
         }
         else if (on_start(node)) {
            if (node.first_child()) {
               node = node.first_child();
               continue;
            }
            on_end(node);
         }
         while (!node.next_sibling()) {
            node = node.parent();
            if (node == document) {
               return;
            }
            on_end(node);
         }
         node = node.next_sibling();
      }
   }

   struct qualified
   {
      std::string_view local;
      std::string_view uri;
   };

   // Declares the element's namespaces, then resolves its name as the reader does.
   [[nodiscard]] qualified resolve(pugi::xml_node node)
   {
      const std::size_t at = input_offset_of(node);
      constexpr std::string_view prefixed = "xmlns:";
      for (const pugi::xml_attribute a : node.attributes()) {
         const std::string_view name = a.name();
         if (name == "xmlns") {
            scope_.declare({}, a.value(), at);
         }
         else if (name.starts_with(prefixed)) {
            scope_.declare(name.substr(prefixed.size()), a.value(), at);
         }
      }
      const std::string_view raw = node.name();
      const std::size_t colon = raw.find(':');
      const std::string_view prefix = colon == std::string_view::npos ? std::string_view{} : raw.substr(0, colon);
      const std::string_view local = colon == std::string_view::npos ? raw : raw.substr(colon + 1);
      if (colon != std::string_view::npos && (prefix.empty() || local.empty() || local.find(':') != local.npos)) {
         throw rejected_input(at, "malformed qualified name");
      }
      const std::optional<std::string_view> uri = scope_.resolve(prefix);
      if (!uri) {
         throw rejected_input(at, "undeclared namespace prefix");
      }
      return { local, *uri };
   }

   // Returns whether to enter the element.
   bool on_start(pugi::xml_node node)
   {
      open_.push_back(scope_.mark());
      const std::size_t depth = open_.size();  // the root is at depth 1
      const qualified name = resolve(node);
      const element_entry* entry = find_element(name.uri, name.local);
      // Only the envelope's own header, a child of the root and the first one, is routing.
      if (header_ || (entry != nullptr && entry->role == element_role::header && depth == 2 && !header_seen_)) {
         if (!header_) {
            header_ = node;
            header_seen_ = true;
         }
         header_fields_.on_start(name.uri, name.local);
         return true;
      }
      if (entry == nullptr) {
         return true;
      }
      // Overrides name elements by their vocabulary, not by the prefix this tree uses.
      const std::string tag = rules_.has_overrides() ? override_tag(*entry, name.local) : std::string();
      switch (entry->role) {
         case element_role::sensitive:
            if (const field_verdict removed = rules_.verdict(tag, entry->sensitivity)) {
               redact_element(node, { *entry->sensitivity, *removed });
               return false;
            }
            break;
         case element_role::by_category_code:
            // An override does not wait for the code.
            if (rules_.names(tag)) {
               if (const field_verdict removed = rules_.verdict(tag, entry->sensitivity)) {
                  redact_element(node, { *entry->sensitivity, *removed });
                  return false;
               }
               break;
            }
            if (identification_may_be_removed(rules_)) {
               // No second hold inside the first.
               if (hold_) {
                  redact_element(node, undecided_identification(rules_, tag));
                  return false;
               }
               hold_ = hold_state{ node, depth, tag, audit_.fields.size(), changes_.size(), {}, {}, {} };
            }
            break;
         case element_role::category_code:
            // Any descendant counts: NIEM 3 and later may wrap the code in an augmentation.
            if (hold_ && depth > hold_->depth) {
               hold_->code_node = node;
               hold_->code = {};
            }
            break;
         case element_role::free_text:
            if (!free_text_) {
               free_text_ = node;  // the outermost: a nested one does not end the body
            }
            break;
         case element_role::header:
            break;
      }
      return true;
   }

   void on_end(pugi::xml_node node)
   {
      leave();
      if (header_) {
         header_fields_.on_end(audit_);
         if (node == header_) {
            header_ = {};
         }
         return;
      }
      if (node == free_text_) {
         free_text_ = {};
         body_.end_body();
      }
      if (hold_ && node == hold_->code_node) {
         hold_->carried = hold_->carried | hold_->code.categories();
         hold_->code_node = {};
      }
      if (hold_ && node == hold_->node) {
         end_hold();
      }
   }

   // Text, CDATA, comments, processing instructions.
   void on_other(pugi::xml_node node)
   {
      if (!is_text(node)) {
         return;  // markup ends a block of free text, and every text node is one already
      }
      const std::string_view value = node.value();
      if (header_) {
         header_fields_.on_text(value);
         return;
      }
      if (hold_ && hold_->code_node) {
         hold_->code.append(value);
      }
      if (free_text_) {
         std::string redacted;
         auto append = [&redacted](std::string_view bytes) { redacted.append(bytes); };
         redaction_output out(append, audit_);
         body_.add(value, input_offset_of(node), false, out);
         body_.end_block(out);
         if (redacted != value) {
            changes_.push_back({ change::kind::set_text, node, std::move(redacted) });
         }
      }
   }

   void leave()
   {
      scope_.unwind(open_.back());
      open_.pop_back();
   }

   void redact_element(pugi::xml_node node, field_removal as)
   {
      leave();
      audit_.fields.push_back({ node.name(), as.kind, as.applied, input_offset_of(node), 0 });
      changes_.push_back({ as.applied == action::drop ? change::kind::remove : change::kind::empty, node, {} });
   }

   void end_hold()
   {
      hold_state held = std::move(*hold_);
      hold_.reset();
      if (const std::optional<field_removal> removed = identification_removal(rules_, held.override_tag, held.carried)) {
         audit_.fields.resize(held.audit_size);
         changes_.resize(held.change_count);
         open_.push_back(scope_.mark());  // redact_element leaves it again
         redact_element(held.node, *removed);
      }
   }

   void apply()
   {
      for (change& c : changes_) {
         switch (c.what) {
            case change::kind::remove: c.node.parent().remove_child(c.node); break;
            case change::kind::empty: c.node.remove_children(); break;
            case change::kind::set_text: c.node.set_value(c.text.c_str(), c.text.size()); break;
         }
      }
   }

   redaction_rules rules_;
   const xml_limits& limits_;
   free_text_line_redactor lines_;  // keeps this message's continuation state
   free_text_body body_;
   audit_record& audit_;
   namespace_scope scope_;
   std::vector<std::size_t> open_;  // per open element, the scope mark to unwind to
   std::vector<change> changes_;
   std::optional<hold_state> hold_;
   pugi::xml_node free_text_;
   pugi::xml_node header_;
   bool header_seen_ = false;
   routing_header header_fields_;
};

}  // namespace internal

template <mask_policy Mask = runtime_mask>
class dom_redactor
{
public:
   static constexpr std::string_view format = xml_format_name;

   explicit dom_redactor(Mask mask = {}, xml_options options = {})
      : mask_(mask), options_(std::move(options)), free_text_(mask, options_)
   {}

   [[nodiscard]] const xml_options& options() const noexcept { return options_; }

   audit_record redact(pugi::xml_document& document, std::string_view input_name = {}) const
   {
      return audited(format, input_name, [&](audit_record& audit) {
         const redaction_rules rules{ mask_.mask(), options_.action, options_.overrides };
         internal::dom_walk walk(rules, options_.limits, options_.held.max_line_size, free_text_.line_redactor(),
                                 audit);
         walk.run(document);
      });
   }

private:
   Mask mask_;
   xml_options options_;
   free_text_rules<Mask> free_text_;
};

}  // namespace veil::xml
