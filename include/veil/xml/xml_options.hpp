#pragma once
// How an XML message is redacted, for the stream and the DOM redactors alike.

#include <veil/action.hpp>
#include <veil/field_overrides.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/xml/element_redactor.hpp>
#include <veil/xml/xml_limits.hpp>

#include <vector>

namespace veil::xml {

inline constexpr std::string_view xml_format_name = "nlets-xml";

struct xml_options
{
   veil::action action = veil::action::drop;
   xml_limits limits{};
   held_element_limits held{};
   std::vector<nlets::custom_label> extra_labels{};  // for free text inside XML
   // By qualified name as the message writes it ("nc:PersonBirthLocation"), and for free
   // text inside XML by field prefix or label, as for Nlets text.
   veil::field_overrides overrides{};
};

}  // namespace veil::xml
