#pragma once
// What the grammar's matches do: resolve names against the namespaces in scope, keep
// the stack of open elements, check what the grammar cannot see (nesting, matching end
// tags, one root, where the XML declaration stands) and hand every byte to the handler.

#include <veil/detail/parse_errors.hpp>
#include <veil/rejection.hpp>
#include <veil/xml/namespace_scope.hpp>
#include <veil/xml/text_references.hpp>
#include <veil/xml/xml_events.hpp>
#include <veil/xml/xml_grammar.hpp>
#include <veil/xml/xml_limits.hpp>

#include <tao/pegtl.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace veil::xml::internal {

namespace pegtl = tao::pegtl;

// Everything the grammar's rules and actions touch while one document is read.
template <xml_handler Handler>
class reader_state
{
public:
   reader_state(Handler& handler, const xml_limits& limits)
      : handler_(handler), limits_(limits), scope_(limits.max_namespace_bindings)
   {}

   [[nodiscard]] const xml_limits& limits() const noexcept { return limits_; }
   [[nodiscard]] grammar::start_tag_parts& start_tag() noexcept { return tag_; }

   // For detail::bounded_run: end tags are a name and whitespace.
   template <typename Scanner>
   [[nodiscard]] std::size_t limit_of() const noexcept
   {
      if constexpr (std::is_same_v<Scanner, grammar::name_scanner>) {
         return limits_.max_name_length;
      }
      else {
         return limits_.max_tag_size;
      }
   }

   // Why text may not stand here, or nullptr inside the root element.
   [[nodiscard]] const char* outside_root_reason() const noexcept
   {
      if (!open_.empty()) {
         return nullptr;
      }
      return root_seen_ ? "bytes after the root element" : "text before the root element";
   }

   void on_byte_order_mark(std::string_view raw)
   {
      declaration_offset_ = raw.size();
      handler_.on_markup(raw, 0);
   }

   void on_markup(std::string_view raw, std::size_t offset) { handler_.on_markup(raw, offset); }

   void on_processing_instruction(std::string_view raw, std::size_t offset)
   {
      std::size_t target_end = 2;
      while (target_end < raw.size() && grammar::is_name_char(raw[target_end])) {
         ++target_end;
      }
      const std::string_view target = raw.substr(2, target_end - 2);
      if (target.empty() || !grammar::is_name_start(target.front())) {
         throw rejected_input(offset + 2, "processing instruction without a target name");
      }
      if (is_xml_declaration(target) && offset != declaration_offset_) {
         throw rejected_input(offset, "XML declaration not at the start of the document");
      }
      handler_.on_markup(raw, offset);
   }

   void on_text(std::string_view raw, std::size_t offset)
   {
      if (open_.empty()) {
         handler_.on_markup(raw, offset);  // whitespace around the root
      }
      else {
         handler_.on_text(raw, offset, text_kind::text);
      }
   }

   void on_cdata_open(std::string_view raw, std::size_t offset)
   {
      if (open_.empty()) {
         throw rejected_input(offset, "CDATA section outside the root element");
      }
      handler_.on_markup(raw, offset);
   }

   void on_cdata_piece(std::string_view raw, std::size_t offset) { handler_.on_text(raw, offset, text_kind::cdata); }

   void on_start_tag(std::string_view raw, std::size_t offset)
   {
      if (open_.empty() && root_seen_) {
         throw rejected_input(offset, "a second root element");
      }
      if (open_.size() == limits_.max_depth) {
         throw rejected_input(offset, "elements nested deeper than " + std::to_string(limits_.max_depth));
      }
      const std::size_t mark = scope_.mark();
      declare_namespaces(raw, offset);
      const qualified_name name = resolve(slice(raw, tag_.name), offset + tag_.name.begin, true);
      resolve_attributes(raw, offset);
      const std::size_t depth = open_.size() + 1;
      handler_.on_start(element_start{ raw, offset, name, attributes_, tag_.self_closing, depth });
      root_seen_ = true;
      if (tag_.self_closing) {
         handler_.on_end(element_end{ {}, offset + raw.size(), name, depth });
         scope_.unwind(mark);
      }
      else {
         open_.push_back({ names_.size(), tag_.name.size, mark });
         names_.append(slice(raw, tag_.name));
      }
   }

   // `offset` is that of the end tag's '<'.
   void on_end_tag_name(std::string_view name, std::size_t offset) const
   {
      if (open_.empty()) {
         throw rejected_input(offset, "end tag without a matching start tag");
      }
      if (name != open_name()) {
         throw rejected_input(offset, "end tag does not match the open element");
      }
   }

   void on_end_tag(std::string_view raw, std::size_t offset)
   {
      const open_element top = open_.back();
      const qualified_name name = resolve(open_name(), offset + 2, true);
      handler_.on_end(element_end{ raw, offset, name, open_.size() });
      scope_.unwind(top.scope_mark);
      names_.resize(top.name_begin);
      open_.pop_back();
   }

   void check_complete(std::size_t offset) const
   {
      if (!open_.empty()) {
         throw rejected_input(offset, "message ends early: element not closed");
      }
      if (!root_seen_) {
         throw rejected_input(offset, "message ends early: no root element");
      }
   }

private:
   struct open_element
   {
      std::size_t name_begin;  // in names_
      std::size_t name_size;
      std::size_t scope_mark;
   };

   [[nodiscard]] static std::string_view slice(std::string_view raw, grammar::span part) noexcept
   {
      return raw.substr(part.begin, part.size);
   }

   [[nodiscard]] static bool is_xml_declaration(std::string_view target) noexcept { return target == "xml"; }

   [[nodiscard]] std::string_view open_name() const noexcept
   {
      return std::string_view(names_).substr(open_.back().name_begin, open_.back().name_size);
   }

   // All of a start tag's declarations are added before any of its names is resolved:
   // they apply to the element itself and to its attributes.
   void declare_namespaces(std::string_view raw, std::size_t offset)
   {
      constexpr std::string_view prefixed = "xmlns:";
      for (const auto& attribute : tag_.attributes) {
         const std::string_view name = slice(raw, attribute.name);
         // A namespace is named by its URI as a reader sees it, references expanded.
         const std::string value = attribute_value(slice(raw, attribute.value));
         if (name == "xmlns") {
            scope_.declare({}, value, offset + attribute.name.begin);
         }
         else if (name.starts_with(prefixed)) {
            scope_.declare(name.substr(prefixed.size()), value, offset + attribute.name.begin);
         }
      }
   }

   void resolve_attributes(std::string_view raw, std::size_t offset)
   {
      attributes_.clear();
      for (const auto& parts : tag_.attributes) {
         const std::size_t at = offset + parts.name.begin;
         const qualified_name name = resolve(slice(raw, parts.name), at, false);
         for (const attribute& earlier : attributes_) {
            if (earlier.name.uri == name.uri && earlier.name.local == name.local) {
               throw rejected_input(at, "duplicate attribute");
            }
         }
         attributes_.push_back({ name, slice(raw, parts.value) });
      }
   }

   // Unprefixed element names take the default namespace; unprefixed attribute names
   // have none. xmlns and xmlns:p are in the xmlns namespace.
   [[nodiscard]] qualified_name resolve(std::string_view raw, std::size_t offset, bool element) const
   {
      qualified_name name{ {}, raw, {}, raw };
      const std::size_t colon = raw.find(':');
      if (colon != std::string_view::npos) {
         name.prefix = raw.substr(0, colon);
         name.local = raw.substr(colon + 1);
         if (name.prefix.empty() || name.local.empty() || name.local.find(':') != std::string_view::npos ||
             !grammar::is_name_start(name.local.front())) {
            throw rejected_input(offset, "malformed qualified name");
         }
      }
      if (name.prefix == "xmlns" || (!element && raw == "xmlns")) {
         if (element) {
            throw rejected_input(offset, "the xmlns prefix cannot name an element");
         }
         name.uri = xmlns_namespace_uri;
         return name;
      }
      if (name.prefix.empty() && !element) {
         return name;
      }
      const auto uri = scope_.resolve(name.prefix);
      if (!uri) {
         throw rejected_input(offset, "undeclared namespace prefix");
      }
      name.uri = *uri;
      return name;
   }

   Handler& handler_;
   const xml_limits& limits_;
   namespace_scope scope_;
   grammar::start_tag_parts tag_;
   std::vector<attribute> attributes_;  // of the start tag being reported
   std::vector<open_element> open_;
   std::string names_;  // raw names of the open elements, end to end
   std::size_t declaration_offset_ = 0;
   bool root_seen_ = false;
};

using detail::offset_of;

template <typename Rule>
struct xml_action : pegtl::nothing<Rule> {};

template <>
struct xml_action<grammar::byte_order_mark>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_byte_order_mark(in.string_view());
   }
};

template <>
struct xml_action<grammar::comment>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_markup(in.string_view(), offset_of(in));
   }
};

template <>
struct xml_action<grammar::cdata_close> : xml_action<grammar::comment> {};

template <>
struct xml_action<grammar::processing_instruction>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_processing_instruction(in.string_view(), offset_of(in));
   }
};

template <>
struct xml_action<grammar::cdata_open>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_cdata_open(in.string_view(), offset_of(in));
   }
};

template <>
struct xml_action<grammar::cdata_piece>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_cdata_piece(in.string_view(), offset_of(in));
   }
};

template <>
struct xml_action<grammar::text_piece>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_text(in.string_view(), offset_of(in));
   }
};

template <>
struct xml_action<grammar::start_tag>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_start_tag(in.string_view(), offset_of(in));
   }
};

template <>
struct xml_action<grammar::end_tag_name>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      constexpr std::size_t opener = 2;  // "</"
      state.on_end_tag_name(in.string_view(), offset_of(in) - opener);
   }
};

template <>
struct xml_action<grammar::end_tag>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_end_tag(in.string_view(), offset_of(in));
   }
};

}  // namespace veil::xml::internal
