#pragma once
// Redacts Nlets/NIEM XML messages (and EBTS/ANSI-NIST XML) in one pass over the reader's
// events: elements by namespace URI and local name (see element_dictionary.hpp), free
// text inside n2:ResponseText by the Nlets text rules, the routing header never.
//
//   veil::xml::xml_redactor redactor{ veil::runtime_mask{ veil::parse_mask("address,photo") } };
//   std::string out;
//   veil::audit_record audit = redactor.redact(message, out);
//
// As with the text redactor: redact() leaves `out` untouched when the message is
// rejected; redact_stream() reads chunks of any size with memory bounded by the limits.

#include <veil/audit.hpp>
#include <veil/detail/redact_into.hpp>
#include <veil/mask_policy.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/sink.hpp>
#include <veil/xml/element_redactor.hpp>
#include <veil/xml/free_text_rules.hpp>
#include <veil/xml/xml_options.hpp>
#include <veil/xml/xml_reader.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace veil::xml {

template <mask_policy Mask = runtime_mask>
class xml_redactor
{
public:
   static constexpr std::string_view format = xml_format_name;

   explicit xml_redactor(Mask mask = {}, xml_options options = {})
      : mask_(mask), options_(std::move(options)), free_text_(mask, options_)
   {}

   [[nodiscard]] const xml_options& options() const noexcept { return options_; }

   audit_record redact(std::string_view message, std::string& out, std::string_view input_name = {}) const
   {
      return detail::redact_into(out, [&](sink_ref sink) {
         return run([&](element_redactor& handler) { read(message, handler, options_.limits); }, sink, input_name);
      });
   }

   // If the returned record says `rejected`, what the sink received must not be
   // released (see sink.hpp).
   template <typename ChunkSource>
   audit_record redact_stream(ChunkSource&& source, sink_ref sink, std::string_view input_name = {}) const
   {
      return run(
         [&](element_redactor& handler) { read_stream(std::forward<ChunkSource>(source), handler, options_.limits); },
         sink, input_name);
   }

private:
   template <typename Read>
   audit_record run(Read&& read_with, sink_ref sink, std::string_view input_name) const
   {
      return audited(format, input_name, [&](audit_record& audit) {
         const redaction_rules rules{ mask_.mask(), options_.action, options_.overrides };
         element_redactor handler(rules, options_.held, free_text_.line_redactor(), sink, audit);
         read_with(handler);
      });
   }

   Mask mask_;
   xml_options options_;
   free_text_rules<Mask> free_text_;
};

}  // namespace veil::xml
