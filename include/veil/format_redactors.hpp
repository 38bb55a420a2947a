#pragma once
// Every format's redactor behind one call, for programs that take messages of any format
// and decide the mask at run time (the command line, a gateway, a policy): the options of
// each format side by side, and one function that redacts a whole message of a format.

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/ansi_nist/ansi_nist_redactor.hpp>
#include <veil/audit.hpp>
#include <veil/format.hpp>
#include <veil/mask_policy.hpp>
#include <veil/nlets/text_redactor.hpp>
#include <veil/sink.hpp>
#include <veil/xml/xml_redactor.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct format_options
{
   nlets::text_options text{};
   xml::xml_options xml{};
   aamva::aamva_options aamva{};
   ansi_nist::ansi_nist_options ansi_nist{};

   void set_action(veil::action applied) noexcept
   {
      text.action = applied;
      xml.action = applied;
      aamva.action = applied;
      ansi_nist.action = applied;
   }

   // Free-text labels count in Nlets text and in free text inside XML.
   void add_labels(const std::vector<nlets::custom_label>& labels)
   {
      text.extra_labels.insert(text.extra_labels.end(), labels.begin(), labels.end());
      xml.extra_labels.insert(xml.extra_labels.end(), labels.begin(), labels.end());
   }
};

// Redacts one whole message of format `f` under `mask`; appends the output to `out`
// (nothing when the message is rejected) and returns its audit record.
inline audit_record redact_message(format f, category_mask mask, const format_options& options,
                                   std::string_view message, std::string& out, std::string_view input_name = {})
{
   const runtime_mask m{ mask };
   switch (f) {
      case format::nlets_xml: return xml::xml_redactor<runtime_mask>{ m, options.xml }.redact(message, out, input_name);
      case format::aamva: return aamva::aamva_redactor<runtime_mask>{ m, options.aamva }.redact(message, out, input_name);
      case format::ansi_nist:
         return ansi_nist::ansi_nist_redactor<runtime_mask>{ m, options.ansi_nist }.redact(message, out, input_name);
      case format::nlets_text: break;
   }
   return nlets::text_redactor<runtime_mask>{ m, options.text }.redact(message, out, input_name);
}

// The same for a message read in chunks from `source` (a callable `std::size_t(char*,
// std::size_t)` that returns 0 at the end), its output passed to `sink` as it is decided,
// in the memory the format's limits bound. A rejected message may already have passed
// bytes to the sink: a caller that forwards them holds them until the record says the
// message was accepted.
template <typename ChunkSource>
audit_record redact_message_stream(format f, category_mask mask, const format_options& options, ChunkSource&& source,
                                   sink_ref sink, std::string_view input_name = {})
{
   const runtime_mask m{ mask };
   switch (f) {
      case format::nlets_xml:
         return xml::xml_redactor<runtime_mask>{ m, options.xml }.redact_stream(source, sink, input_name);
      case format::aamva:
         return aamva::aamva_redactor<runtime_mask>{ m, options.aamva }.redact_stream(source, sink, input_name);
      case format::ansi_nist:
         return ansi_nist::ansi_nist_redactor<runtime_mask>{ m, options.ansi_nist }.redact_stream(source, sink,
                                                                                                 input_name);
      case format::nlets_text: break;
   }
   return nlets::text_redactor<runtime_mask>{ m, options.text }.redact_stream(source, sink, input_name);
}

}  // namespace veil
