#pragma once
// Prefix -> namespace URI bindings of the elements open at one point of a document.
// A start tag's declarations are added before its names are resolved and removed when
// the element ends; the number in scope at once is bounded.

#include <veil/rejection.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::xml {

inline constexpr std::string_view xml_namespace_uri = "http://www.w3.org/XML/1998/namespace";
inline constexpr std::string_view xmlns_namespace_uri = "http://www.w3.org/2000/xmlns/";

class namespace_scope
{
public:
   explicit namespace_scope(std::size_t max_bindings) : max_bindings_(max_bindings) {}

   // A point to unwind() to when the element whose declarations follow ends.
   [[nodiscard]] std::size_t mark() const noexcept { return bindings_.size(); }

   void unwind(std::size_t mark) { bindings_.resize(mark); }

   // Adds xmlns:prefix="uri" (prefix empty for xmlns="uri"), declared at `offset`.
   // The uri is the attribute value as written.
   void declare(std::string_view prefix, std::string_view uri, std::size_t offset)
   {
      if (prefix == "xmlns") {
         throw rejected_input(offset, "the xmlns prefix cannot be declared");
      }
      if (prefix == "xml" && uri != xml_namespace_uri) {
         throw rejected_input(offset, "the xml prefix cannot be bound to another namespace");
      }
      if (prefix != "xml" && uri == xml_namespace_uri) {
         throw rejected_input(offset, "the xml namespace cannot be bound to another prefix");
      }
      if (uri == xmlns_namespace_uri) {
         throw rejected_input(offset, "the xmlns namespace cannot be bound");
      }
      if (!prefix.empty() && uri.empty()) {
         throw rejected_input(offset, "a namespace prefix cannot be undeclared");
      }
      if (bindings_.size() == max_bindings_) {
         throw rejected_input(offset, "more than " + std::to_string(max_bindings_) + " namespace bindings in scope");
      }
      bindings_.push_back({ std::string(prefix), std::string(uri) });
   }

   // The URI bound to `prefix`, innermost first; for the empty prefix, the default
   // namespace (empty if none). Nothing for an undeclared prefix. The view lasts until
   // the next declare() or unwind().
   [[nodiscard]] std::optional<std::string_view> resolve(std::string_view prefix) const noexcept
   {
      for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
         if (it->prefix == prefix) {
            return std::string_view(it->uri);
         }
      }
      if (prefix.empty()) {
         return std::string_view();
      }
      if (prefix == "xml") {
         return xml_namespace_uri;
      }
      return std::nullopt;
   }

private:
   struct binding
   {
      std::string prefix;
      std::string uri;
   };

   std::size_t max_bindings_;
   std::vector<binding> bindings_;
};

}  // namespace veil::xml
