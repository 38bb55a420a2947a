#pragma once
// What the audit record takes from the routing header (n2:NLETSMessageHeader): message
// key, sender, recipients and control field. The header is read element by element as
// the reader or a tree walk meets it; a value is the decoded text of the innermost
// element that holds it, trimmed, and kept short because routing values are.

#include <veil/audit.hpp>
#include <veil/xml/element_dictionary.hpp>
#include <veil/xml/text_references.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace veil::xml {

class routing_header
{
public:
   void on_start(std::string_view uri, std::string_view local)
   {
      field_ = vocabulary_of(uri) == vocabulary::nlets_header ? std::string(local) : std::string();
      value_.clear();
   }

   // `decoded`: text of the header as a reader sees it (references expanded).
   void on_text(std::string_view decoded)
   {
      value_.append(decoded.substr(0, longest_value - std::min(longest_value, value_.size())));
   }

   void on_end(audit_record& audit)
   {
      const std::string value(trimmed(value_));
      if (field_ == "MessageKeyCodeText") {
         audit.message_key = value;
      }
      else if (field_ == "OriginatingORIID") {
         audit.sender_ori = value;
      }
      else if (field_ == "DestinationORIID") {
         audit.recipients.push_back(value);
      }
      else if (field_ == "DocumentControlFieldText") {
         audit.control_field = value;
      }
      field_.clear();
      value_.clear();
   }

private:
   // Header values are short; a long one is routing noise, not worth memory.
   static constexpr std::size_t longest_value = 256;

   [[nodiscard]] static std::string_view trimmed(std::string_view s) noexcept
   {
      while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') {
         s.remove_prefix(1);
      }
      while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') {
         s.remove_suffix(1);
      }
      return s;
   }

   std::string field_;  // local name of the header element being read, if it is one veil reads
   std::string value_;
};

}  // namespace veil::xml
