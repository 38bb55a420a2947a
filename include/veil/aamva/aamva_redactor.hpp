#pragma once
// Redacts AAMVA DL/ID barcode payloads (the PDF417 text of a driver licence or ID card):
// the elements of the masked categories are dropped, with the subfile designators
// rewritten so the payload still parses under the standard, or masked in place. An
// element goes by its id, or by the id of a masked element its value holds (see
// removal_of).
//
//   veil::aamva::aamva_redactor redactor{ veil::runtime_mask{ veil::parse_mask("address,immigration") } };
//   std::string out;
//   veil::audit_record audit = redactor.redact(payload, out);
//
// A payload is a few hundred bytes, so it is read whole (up to max_payload_size) and
// decided as a whole: the designators at its start depend on every element after them.
// redact() leaves `out` untouched when the payload is rejected; redact_stream() writes
// nothing at all then.

#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload.hpp>
#include <veil/aamva/payload_reader.hpp>
#include <veil/aamva/payload_writer.hpp>
#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/category.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/detail/redact_into.hpp>
#include <veil/field_overrides.hpp>
#include <veil/mask_policy.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/rejection.hpp>
#include <veil/sink.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace veil::aamva {

struct aamva_options
{
   veil::action action = veil::action::drop;
   framing_mode mode = framing_mode::strict;
   // Elements no version of the standard defines (a jurisdiction's Z elements) may hold
   // anything: with this set they are redacted whenever the mask is not empty, and
   // audited under the mask's first category.
   bool unknown_elements_sensitive = false;
   std::size_t max_payload_size = std::size_t{ 16 } << 10;  // PDF417 holds under 2 KB
   // By element id ("DDA"); an element no version defines is not in the dictionary, so
   // none applies to it.
   veil::field_overrides overrides{};
};

template <mask_policy Mask = runtime_mask>
class aamva_redactor
{
public:
   static constexpr std::string_view format = aamva_format_name;

   explicit aamva_redactor(Mask mask = {}, aamva_options options = {}) : mask_(mask), options_(std::move(options)) {}

   [[nodiscard]] const aamva_options& options() const noexcept { return options_; }

   audit_record redact(std::string_view message, std::string& out, std::string_view input_name = {}) const
   {
      return detail::redact_into(out, [&](sink_ref sink) { return run(message, sink, input_name); });
   }

   // Reads the whole payload from `source` (any callable `size_t(char*, size_t)` that
   // returns 0 at the end), then writes it redacted; nothing is written if it is rejected.
   template <typename ChunkSource>
   audit_record redact_stream(ChunkSource&& source, sink_ref sink, std::string_view input_name = {}) const
   {
      std::string message;
      char buffer[4096];
      while (const std::size_t n = source(buffer, sizeof buffer)) {
         message.append(buffer, n);
         if (message.size() > options_.max_payload_size) {
            break;  // run() refuses it; no need to read the rest
         }
      }
      return run(message, sink, input_name);
   }

private:
   [[nodiscard]] std::string too_long() const
   {
      return "payload longer than " + std::to_string(options_.max_payload_size) + " bytes";
   }

   // How an element with id `id` is redacted by that id alone, or nothing.
   [[nodiscard]] std::optional<field_removal> removal_by_id(std::string_view id, unsigned version,
                                                            const redaction_rules& rules) const
   {
      const element_entry* entry = find_element(id, version);
      if (entry != nullptr) {
         const field_verdict removed = rules.verdict(id, entry->sensitivity);
         return removed ? std::optional<field_removal>({ *entry->sensitivity, *removed }) : std::nullopt;
      }
      if (options_.unknown_elements_sensitive) {
         for (const category c : all_categories) {
            if (mask_.covers(c)) {
               return field_removal{ c, options_.action };
            }
         }
      }
      return std::nullopt;
   }

   // How `element` (id and value) is redacted, or nothing when it stays: by its own id,
   // or else by an element id its value holds. A value that holds an id may be two
   // elements written without the LF between them (a fixed-width capture, a lost
   // separator), and a reader that scans for ids finds the second one; so an element
   // whose value holds the id of an element the mask removes goes too, as that element.
   // A jurisdiction element's id may itself be its subfile's type followed by an element
   // ("ZV" "DAG..." read as "ZVD" "AG..."), so its search starts after the type. The ids
   // looked for are the standard's and those of the payload's jurisdiction subfiles, in
   // either case.
   [[nodiscard]] std::optional<field_removal> removal_of(std::string_view element, const payload& p,
                                                         const redaction_rules& rules) const
   {
      const std::string_view own_id = element.substr(0, 3);
      if (std::optional<field_removal> own = removal_by_id(own_id, p.version, rules)) {
         return own;
      }
      for (std::size_t at = find_element(own_id, p.version) != nullptr ? 3 : 2; at + 3 <= element.size(); ++at) {
         const std::string id = upper_case(element.substr(at, 3));
         if (find_element(id, p.version) == nullptr && !is_jurisdiction_element_of(id, p)) {
            continue;
         }
         if (std::optional<field_removal> hidden = removal_by_id(id, p.version, rules)) {
            return hidden;
         }
      }
      return std::nullopt;
   }

   // `text` with its ASCII letters in upper case: a keyboard-wedge scanner with caps lock
   // on writes ids in lower case, and readers that upper-case what they scan find them.
   [[nodiscard]] static std::string upper_case(std::string_view text)
   {
      std::string upper(text);
      std::transform(upper.begin(), upper.end(), upper.begin(), detail::to_upper);
      return upper;
   }

   // Whether `id` is an element id of one of the payload's jurisdiction subfiles.
   [[nodiscard]] static bool is_jurisdiction_element_of(std::string_view id, const payload& p) noexcept
   {
      return std::any_of(p.subfiles.begin(), p.subfiles.end(), [id](const subfile& s) {
         return internal::is_jurisdiction_type(s.type) && internal::starts_with_own_element(id, s.type);
      });
   }

   audit_record run(std::string_view message, sink_ref sink, std::string_view input_name) const
   {
      return audited(format, input_name, [&](audit_record& audit) {
         if (message.size() > options_.max_payload_size) {
            throw rejected_input(options_.max_payload_size, too_long());
         }
         const payload p = read_payload(message, options_.mode);
         const redaction_rules rules{ mask_.mask(), options_.action, options_.overrides };
         const std::string out = write_payload(message, p, [&](std::size_t s, std::size_t e) {
            const element_span& span = p.subfiles[s].elements[e];
            const std::optional<field_removal> removal =
               removal_of(message.substr(span.begin, span.end - span.begin), p, rules);
            if (!removal) {
               return element_fate::keep;
            }
            audit.fields.push_back({ std::string(message.substr(span.begin, 3)), removal->kind, removal->applied,
                                     span.begin, span.end - span.begin });
            return removal->applied == action::drop ? element_fate::drop : element_fate::mask;
         });
         sink(out);
      });
   }

   Mask mask_;
   aamva_options options_;
};

}  // namespace veil::aamva
