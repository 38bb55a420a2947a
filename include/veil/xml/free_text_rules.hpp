#pragma once
// The Nlets free-text rules that a mask and the options select for text inside XML
// (n2:ResponseText and its kin): the same plans and labels as the legacy text redactor,
// so a free-text response is redacted alike whether it comes as text or wrapped in XML.

#include <veil/mask_policy.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_options.hpp>
#include <veil/nlets/text_redactor.hpp>
#include <veil/xml/free_text_body.hpp>
#include <veil/xml/xml_options.hpp>

namespace veil::xml {

template <mask_policy Mask>
class free_text_rules
{
public:
   free_text_rules(Mask mask, const xml_options& options) : text_(mask, text_options_for(options)) {}

   // A line redactor for one message: it keeps that message's continuation state, and
   // refers to plans this object owns.
   [[nodiscard]] free_text_line_redactor line_redactor() const { return text_.line_redactor(); }

private:
   [[nodiscard]] static nlets::text_options text_options_for(const xml_options& o)
   {
      nlets::text_options t;
      t.action = o.action;
      t.limits.max_line_size = o.held.max_line_size;
      t.extra_labels = o.extra_labels;
      t.overrides = o.overrides;
      return t;
   }

   nlets::text_redactor<Mask> text_;
};

}  // namespace veil::xml
