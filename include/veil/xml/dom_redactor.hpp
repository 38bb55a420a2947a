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
// and its kin are redacted line by line by the Nlets text rules; the routing is read from
// the whole tree first (routing_header.hpp), never touched, and names the message in the
// audit record. Namespace prefixes are resolved from the xmlns attributes in the tree.
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
#include <veil/xml/element_rewrite.hpp>
#include <veil/xml/id_category_code.hpp>
#include <veil/xml/itl_records.hpp>
#include <veil/xml/namespace_scope.hpp>
#include <veil/xml/routing_header.hpp>
#include <veil/xml/xml_options.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil::xml {

namespace internal {

// Byte offset of a node in the buffer it was parsed from: the '<' of an element, comment
// or processing instruction, the first byte of a text; 0 once pugixml no longer knows it.
[[nodiscard]] inline std::size_t input_offset_of(pugi::xml_node node) noexcept
{
   const std::ptrdiff_t at = node.offset_debug();
   // pugixml points past the opener: "<", "<!--", "<?".
   std::ptrdiff_t opener = 0;
   switch (node.type()) {
      case pugi::node_element: opener = 1; break;
      case pugi::node_comment: opener = 4; break;
      case pugi::node_pi: opener = 2; break;
      default: break;
   }
   return at < opener ? 0 : static_cast<std::size_t>(at - opener);
}

[[nodiscard]] inline bool is_text(pugi::xml_node node) noexcept
{
   return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

// Document order, without recursion: `visitor.enter(node)` when an element is entered
// (returning whether to go into it), `visitor.leave(node)` when it is left, and
// `visitor.other(node)` for every other node.
template <typename Visitor>
void visit_tree(pugi::xml_document& document, Visitor& visitor)
{
   pugi::xml_node node = document.first_child();
   while (node) {
      if (node.type() != pugi::node_element) {
         visitor.other(node);
      }
      else if (visitor.enter(node)) {
         if (node.first_child()) {
            node = node.first_child();
            continue;
         }
         visitor.leave(node);
      }
      while (!node.next_sibling()) {
         node = node.parent();
         if (node == document) {
            return;
         }
         visitor.leave(node);
      }
      node = node.next_sibling();
   }
}

// The namespace URI and local name of each element entered, resolved from the xmlns
// attributes of the tree as the reader resolves them from the bytes.
class tree_names
{
public:
   struct qualified
   {
      std::string_view local;
      std::string_view uri;
   };

   explicit tree_names(std::size_t max_bindings) : scope_(max_bindings) {}

   // Declares the element's namespaces, then resolves its name.
   [[nodiscard]] qualified enter(pugi::xml_node node)
   {
      open_.push_back(scope_.mark());
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

   void leave()
   {
      scope_.unwind(open_.back());
      open_.pop_back();
   }

   // Of the element entered last; the root is at depth 1.
   [[nodiscard]] std::size_t depth() const noexcept { return open_.size(); }

private:
   namespace_scope scope_;
   std::vector<std::size_t> open_;  // per open element, the scope mark to unwind to
};

// The routing of the whole tree, read before anything is decided: every element counts,
// whatever a mask would remove, as for the stream redactor.
class routing_pass
{
public:
   routing_pass(const xml_limits& limits, audit_record& audit) : names_(limits.max_namespace_bindings), audit_(audit) {}

   bool enter(pugi::xml_node node)
   {
      const tree_names::qualified name = names_.enter(node);
      routing_.on_start(name.uri, name.local, names_.depth(), input_offset_of(node));
      return true;
   }

   void leave(pugi::xml_node /*node*/)
   {
      routing_.on_end(names_.depth(), audit_);
      names_.leave();
   }

   void other(pugi::xml_node node)
   {
      if (is_text(node)) {
         routing_.on_text(node.value());
      }
      else if (node.type() == pugi::node_comment || node.type() == pugi::node_pi) {
         routing_.on_markup(input_offset_of(node));
      }
   }

private:
   tree_names names_;
   routing_header routing_;
   audit_record& audit_;
};

[[nodiscard]] inline std::string_view local_name_of(pugi::xml_node element)
{
   const std::string_view name = element.name();
   const std::size_t colon = name.find(':');
   return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// What a reader reads as an element's text: every descendant text and CDATA node.
[[nodiscard]] inline std::string text_of(pugi::xml_node element)
{
   std::string text;
   for (pugi::xml_node n = element.first_child(); n && n != element;) {
      if (is_text(n)) {
         text += n.value();
      }
      if (n.first_child()) {
         n = n.first_child();
         continue;
      }
      while (n != element && !n.next_sibling()) {
         n = n.parent();
      }
      n = n == element ? n : n.next_sibling();
   }
   return text;
}

// An element with no child element and no text but blanks: nothing to hide.
[[nodiscard]] inline bool holds_nothing(pugi::xml_node element)
{
   const bool elements = element.find_node([](pugi::xml_node n) { return n.type() == pugi::node_element; });
   return !elements && text_of(element).find_first_not_of(" \t\r\n") == std::string::npos;
}

// Whether a text node is a routing value, which is never redacted (the routing pass has
// made sure that an element of a routing name holds nothing but its value).
[[nodiscard]] inline bool is_routing_value(pugi::xml_node text)
{
   return routing_field_named(local_name_of(text.parent())).has_value();
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
        names_(limits.max_namespace_bindings)
   {}

   void run(pugi::xml_document& document)
   {
      check_depth(document);
      routing_pass routing(limits_, audit_);
      visit_tree(document, routing);
      visit_tree(document, *this);
      apply();
   }

   // As visit_tree()'s visitor: enter() returns whether to go into the element.
   bool enter(pugi::xml_node node)
   {
      const tree_names::qualified name = names_.enter(node);
      // Inside a free-text body, an element without children in the middle of a line is
      // markup of the line; any other stands between lines.
      const bool markup = free_text_ && !node.first_child() && body_.inside_line();
      if (free_text_ && !markup) {
         element_boundary(node);
      }
      if (!rewritten_ && !free_text_ && node.first_child()) {
         const std::optional<rewritten_element> kind = rewritten_element_named(name.local);
         if (kind && (*kind == rewritten_element::content_summary || no_photo_record_remains(rules_))) {
            rewritten_ = node;
            return true;
         }
      }
      const bool entered = decide(node, name);
      if (markup) {
         // As the stream redactor hands over what deciding the element wrote: nothing
         // when it is dropped.
         const std::string_view written = removed(node) ? std::string_view() : markup_stand_in;
         body_.add_markup(written, input_offset_of(node), markup_kind::other, add_piece(node), body_out_,
                          write_piece_);
      }
      return entered;
   }

   void leave(pugi::xml_node node)
   {
      names_.leave();
      if (node == free_text_) {
         free_text_ = {};
         body_.end_body(body_out_, write_piece_);
         apply_pieces();
      }
      else if (free_text_ && node.first_child()) {
         element_boundary(node);
      }
      if (hold_ && node == hold_->code_node) {
         hold_->carried = hold_->carried | hold_->code.categories();
         hold_->coded = hold_->coded || !hold_->code.empty();
         hold_->code_node = {};
      }
      if (hold_ && node == hold_->node) {
         end_hold();
      }
      if (node == record_hold_end_) {
         record_hold_end_ = {};
      }
      if (node == rewritten_) {
         rewritten_ = {};
         rewrite(node, *rewritten_element_named(local_name_of(node)));
      }
   }

   // Text, CDATA, comments, processing instructions.
   void other(pugi::xml_node node)
   {
      if (!free_text_ && !hold_) {
         return;
      }
      if (node.type() == pugi::node_comment || node.type() == pugi::node_pi) {
         if (free_text_) {
            body_.add_markup(markup_stand_in, input_offset_of(node), markup_kind::other, add_piece(node), body_out_,
                             write_piece_);
         }
         return;
      }
      if (!is_text(node) || is_routing_value(node)) {
         return;
      }
      const std::string_view value = node.value();
      if (hold_ && hold_->code_node) {
         hold_->code.append(value);
      }
      if (free_text_) {
         const text_form form = node.type() == pugi::node_cdata ? text_form::cdata : text_form::decoded;
         body_.add(value, input_offset_of(node), form, add_piece(node), body_out_, write_piece_);
      }
   }

private:
   // What the body writes for a markup node it keeps: any bytes will do, a tree has none.
   static constexpr std::string_view markup_stand_in = "<>";

   // A text or markup node of a free-text body, and what the body wrote for it.
   struct body_piece
   {
      pugi::xml_node node;
      std::string written;
      bool any = false;
   };

   [[nodiscard]] std::size_t add_piece(pugi::xml_node node)
   {
      pieces_.push_back({ node, {}, false });
      return pieces_.size() - 1;
   }

   // Between lines every piece so far is written: each text node takes what was written
   // for it, and a markup node nothing was written for goes.
   void element_boundary(pugi::xml_node node)
   {
      body_.element_boundary(input_offset_of(node), body_out_, write_piece_);
      apply_pieces();
   }

   void apply_pieces()
   {
      for (body_piece& p : pieces_) {
         if (is_text(p.node)) {
            if (p.written != p.node.value()) {
               changes_.push_back({ change::kind::set_text, p.node, std::move(p.written) });
            }
         }
         else if (!p.any && !removed(p.node)) {
            changes_.push_back({ change::kind::remove, p.node, {} });
         }
      }
      pieces_.clear();
   }

   [[nodiscard]] bool removed(pugi::xml_node node) const
   {
      return std::any_of(changes_.begin(), changes_.end(),
                         [node](const change& c) { return c.what == change::kind::remove && c.node == node; });
   }

   // Decides an element; returns whether to go into it.
   bool decide(pugi::xml_node node, const tree_names::qualified& name)
   {
      const std::size_t depth = names_.depth();
      const element_entry* entry = find_element(name.uri, name.local);
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
            if (identification_may_be_removed(rules_) && node.first_child()) {
               // No second hold inside the first.
               if (held()) {
                  redact_element(node, undecided_identification(rules_, tag));
                  return false;
               }
               hold_ = hold_state{ node, depth, tag, audit_.fields.size(), changes_.size(), {}, {}, {}, false };
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
         case element_role::record:
            return enter_record(node, *entry, tag);
         case element_role::header:
            break;
      }
      return true;
   }

   // Whether the stream redactor would be holding an element back here: an identification
   // until it ends, a record until its category code is read.
   [[nodiscard]] bool held() const noexcept { return hold_.has_value() || static_cast<bool>(record_hold_end_); }

   // A record is entered (as element_redactor::start_record decides it); returns whether
   // to go into it.
   bool enter_record(pugi::xml_node node, const element_entry& entry, const std::string& tag)
   {
      if (entry.record_type == information_assurance_type && drops_information_assurance(rules_)) {
         audit_.notes.emplace_back("Type-98 information assurance record dropped: it no longer verifies");
         names_.leave();
         changes_.push_back({ change::kind::remove, node, {} });
         return false;
      }
      if (const std::optional<field_removal> by_name = record_removal_by_name(rules_, tag, entry)) {
         redact_element(node, *by_name);
         return false;
      }
      if (!record_waits_for_code(rules_, tag, !node.first_child())) {
         return true;
      }
      if (held()) {
         redact_element(node, undecided_record(rules_, tag));
         return false;
      }
      pugi::xml_node code;
      for (const pugi::xml_node child : node.children()) {
         if (child.type() == pugi::node_element && local_name_of(child) == record_code_name) {
            code = child;
            break;
         }
      }
      if (code) {
         record_category_code read;
         read.append(text_of(code));
         if (const std::optional<field_removal> removed =
                removal_by_categories(rules_, tag, name_categories(entry) | code_categories(read.type()))) {
            redact_element(node, *removed);
            return false;
         }
      }
      record_hold_end_ = code ? code : node;
      return true;
   }

   // The content summary or photo indicator that ends at `node` is written again.
   void rewrite(pugi::xml_node node, rewritten_element kind)
   {
      if (kind == rewritten_element::photo_indicator) {
         if (says_true(text_of(node))) {
            audit_.notes.emplace_back("photo-available indicator set to false: no photo record remains");
            changes_.push_back({ change::kind::set_content, node, std::string(no_photo_indicator) });
         }
         return;
      }
      std::vector<pugi::xml_node> dropped;
      std::vector<pugi::xml_node> quantities;
      std::size_t kept = 0;
      for (const pugi::xml_node child : node.children()) {
         if (child.type() != pugi::node_element) {
            continue;
         }
         const std::string_view local = local_name_of(child);
         if (local == record_quantity_name) {
            quantities.push_back(child);
         }
         else if (local == summary_entry_name) {
            record_category_code code;
            const pugi::xml_node code_node = child.find_node(
               [](pugi::xml_node n) { return n.type() == pugi::node_element && local_name_of(n) == record_code_name; });
            if (code_node) {
               code.append(text_of(code_node));
            }
            if (summary_entry_dropped(rules_, code.type())) {
               dropped.push_back(child);
            }
            else {
               ++kept;
            }
         }
      }
      if (dropped.empty()) {
         return;
      }
      for (const pugi::xml_node entry : dropped) {
         if (!removed(entry)) {
            changes_.push_back({ change::kind::remove, entry, {} });
         }
      }
      for (const pugi::xml_node quantity : quantities) {
         changes_.push_back(
            { change::kind::set_content, quantity, rewritten_quantity(text_of(quantity), kept, input_offset_of(node)) });
      }
      audit_.notes.emplace_back(
         "content summary: the entries of dropped records removed and the record quantity counted again");
   }

   struct change
   {
      enum class kind { remove, empty, set_text, set_content } what;
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
      bool coded;             // some code held anything
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

   // An element redacted at its start: it is not entered, so it is left here.
   void redact_element(pugi::xml_node node, field_removal as)
   {
      names_.leave();
      remove(node, as);
   }

   void remove(pugi::xml_node node, field_removal as)
   {
      audit_.fields.push_back({ node.name(), as.kind, as.applied, input_offset_of(node), 0 });
      changes_.push_back({ as.applied == action::drop ? change::kind::remove : change::kind::empty, node, {} });
   }

   void end_hold()
   {
      hold_state held = std::move(*hold_);
      hold_.reset();
      const category_mask carried =
         identification_categories(held.carried, held.coded || holds_nothing(held.node));
      if (const std::optional<field_removal> removed = removal_by_categories(rules_, held.override_tag, carried)) {
         audit_.fields.resize(held.audit_size);
         changes_.resize(held.change_count);
         remove(held.node, *removed);
      }
   }

   void apply()
   {
      for (change& c : changes_) {
         switch (c.what) {
            case change::kind::remove: c.node.parent().remove_child(c.node); break;
            case change::kind::empty: c.node.remove_children(); break;
            case change::kind::set_text: c.node.set_value(c.text.c_str(), c.text.size()); break;
            case change::kind::set_content:
               c.node.remove_children();
               c.node.append_child(pugi::node_pcdata).set_value(c.text.c_str(), c.text.size());
               break;
         }
      }
   }

   redaction_rules rules_;
   const xml_limits& limits_;
   free_text_line_redactor lines_;  // keeps this message's continuation state
   free_text_body body_;
   audit_record& audit_;
   tree_names names_;
   std::vector<body_piece> pieces_;
   free_text_body::piece_writer write_piece_{ [this](std::size_t piece, std::string_view bytes) {
      pieces_[piece].written += bytes;
      pieces_[piece].any = true;
   } };
   struct discard_bytes
   {
      void operator()(std::string_view /*bytes*/) const {}
   } discard_;
   redaction_output body_out_{ discard_, audit_ };  // audits the body; its bytes go to write_piece_
   std::vector<change> changes_;
   std::optional<hold_state> hold_;
   pugi::xml_node record_hold_end_;  // where a record held for its code would be decided
   pugi::xml_node rewritten_;        // a content summary or photo indicator being read
   pugi::xml_node free_text_;
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
