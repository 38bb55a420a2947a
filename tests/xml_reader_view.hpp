#pragma once
// How a consumer of Nlets XML reads a message, written apart from veil's code: pugixml's
// tree with its default options (references expanded, CDATA as text, line breaks as LF),
// the text of an element as XPath's string() gives it (every descendant text and CDATA
// node, markup left out), free-text lines with tabs expanded to stops every 8 columns,
// and routing values matched by local name in any namespace. The reader's-view tests
// plant markers where such a consumer reads a masked category and look for them here.

#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test {

struct consumer_view
{
   std::string all_text;                     // string() of the root: every text, in order
   std::vector<std::string> attribute_values;
   std::vector<std::string> free_text_lines;  // of every *Text element's string(), tabs expanded
   std::vector<std::string> recipients;       // text of every element named DestinationORIID
};

namespace internal {

[[nodiscard]] inline std::string_view local_name(const pugi::xml_node node)
{
   const std::string_view name = node.name();
   const std::size_t colon = name.find(':');
   return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// XPath string(): the text of every descendant text and CDATA node, in document order.
[[nodiscard]] inline std::string string_value(const pugi::xml_node node)
{
   std::string text;
   for (const pugi::xpath_node& n : node.select_nodes("descendant::text()")) {
      text += n.node().value();
   }
   return text;
}

[[nodiscard]] inline std::string expand_tabs(std::string_view line)
{
   constexpr std::size_t tab_stop = 8;
   std::string out;
   for (const char c : line) {
      if (c == '\t') {
         out.append(tab_stop - out.size() % tab_stop, ' ');
      }
      else {
         out += c;
      }
   }
   return out;
}

}  // namespace internal

// The consumer's view of `message`, or nothing when pugixml cannot read it.
[[nodiscard]] inline std::optional<consumer_view> read_as_consumer(std::string_view message)
{
   pugi::xml_document document;
   if (!document.load_buffer(message.data(), message.size())) {
      return std::nullopt;
   }
   consumer_view view;
   view.all_text = internal::string_value(document);
   for (const pugi::xpath_node& n : document.select_nodes("//*")) {
      const pugi::xml_node e = n.node();
      for (const pugi::xml_attribute a : e.attributes()) {
         view.attribute_values.emplace_back(a.value());
      }
      const std::string_view local = internal::local_name(e);
      if (local == "DestinationORIID") {
         view.recipients.push_back(internal::string_value(e));
      }
      if (local.ends_with("Text")) {
         const std::string text = internal::string_value(e);
         for (std::size_t at = 0; at <= text.size();) {
            const std::size_t end = std::min(text.find('\n', at), text.size());
            view.free_text_lines.push_back(internal::expand_tabs(std::string_view(text).substr(at, end - at)));
            at = end + 1;
         }
      }
   }
   return view;
}

// Whether `marker` is visible to the consumer: in any text or attribute value.
[[nodiscard]] inline bool consumer_sees(const consumer_view& view, std::string_view marker)
{
   if (view.all_text.find(marker) != std::string::npos) {
      return true;
   }
   for (const std::string& v : view.attribute_values) {
      if (v.find(marker) != std::string::npos) {
         return true;
      }
   }
   return false;
}

}  // namespace veil_test
