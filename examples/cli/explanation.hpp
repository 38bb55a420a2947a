#pragma once
// What `veil explain` finds out about one message: for each recipient on its own, what
// the policy decides; and for every field that is sensitive or that a recipient's
// decision names, what each recipient receives of it. The text and HTML reports are
// both written from this.

#include "explain_field_names.hpp"
#include "explain_masks.hpp"
#include "uncategorized_data.hpp"

#include <veil/audit.hpp>
#include <veil/category_mask.hpp>
#include <veil/format.hpp>
#include <veil/policy/policy_redactor.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace veil::cli {

// What one recipient receives of one field, from the mildest to the strictest.
enum class fate : std::uint8_t { released, masked, dropped, withheld };

[[nodiscard]] constexpr std::string_view name_of(fate f) noexcept
{
   switch (f) {
      case fate::released: return "released";
      case fate::masked: return "masked";
      case fate::dropped: return "dropped";
      case fate::withheld: return "withheld";
   }
   return "unknown";
}

struct recipient_decision
{
   std::string ori;
   audit_record audit;  // of the message redacted for this recipient alone
};

struct listed_field
{
   std::string tag;
   std::string name;
   category kind = category::address;
   std::size_t offset = 0;
   std::size_t length = 0;
   std::vector<fate> fates;  // one per recipient, in the order they were given
   // One per recipient: the bytes it gets in place of the field when the field is masked
   // on its own (empty for any other fate, and for a field masked with one it is in).
   std::vector<std::string> received;

   [[nodiscard]] std::size_t end() const noexcept { return offset + length; }
};

struct explanation
{
   std::string input;
   format kind = format::nlets_text;
   veil::policy::routing routing;  // as the message names it
   std::vector<recipient_decision> recipients;
   std::vector<listed_field> fields;  // by offset; a field before the fields inside it
   std::vector<uncategorized_item> uncategorized;  // by offset
   std::optional<audit_record> rejected;
};

namespace explain_detail {

template <typename Span>
[[nodiscard]] bool covers(const redacted_field& outer, const Span& inner) noexcept
{
   return outer.offset <= inner.offset && inner.end() <= outer.offset + outer.length;
}

// The fate of `f` for a recipient: withheld with the message, or the strictest action
// of the recipient's removed fields that hold it.
[[nodiscard]] inline fate fate_of(const listed_field& f, const audit_record& audit) noexcept
{
   if (audit.result == outcome::withheld) {
      return fate::withheld;
   }
   fate result = fate::released;
   for (const redacted_field& r : audit.fields) {
      if (covers(r, f)) {
         result = std::max(result, r.applied == action::drop ? fate::dropped : fate::masked);
      }
   }
   return result;
}

// Adds `field` to `fields` unless a field of its tag at its offset is there already.
inline void add_field(std::vector<listed_field>& fields, const redacted_field& field)
{
   const auto same = [&field](const listed_field& f) { return f.offset == field.offset && f.tag == field.tag; };
   if (std::none_of(fields.begin(), fields.end(), same)) {
      fields.push_back({ field.tag, {}, field.kind, field.offset, field.length, {}, {} });
   }
}

}  // namespace explain_detail

// Explains `message` of format `f` for each of `recipients`, each decided alone.
[[nodiscard]] inline explanation explain(const veil::policy::policy_redactor& redactor, format f,
                                         std::string_view message, const std::vector<std::string>& recipients,
                                         const std::string& input_name)
{
   using namespace explain_detail;
   explanation e;
   e.input = input_name;
   e.kind = f;
   const audit_record routing = redactor.read_routing(f, message, e.routing, {}, input_name);
   if (routing.rejected()) {
      e.rejected = routing;
      return e;
   }

   // Every sensitive field, found under a mask of every category with the labels the
   // policy gives the sender's state.
   format_options every_field = redactor.options_for(veil::policy::decision{}, e.routing.sender_ori);
   every_field.set_action(action::drop);
   std::string ignored;
   const audit_record sensitive = redact_message(f, category_mask::all(), every_field, message, ignored, input_name);
   if (sensitive.rejected()) {
      e.rejected = sensitive;
      return e;
   }
   for (const redacted_field& field : sensitive.fields) {
      add_field(e.fields, field);
   }
   e.uncategorized = uncategorized_data(f, message, every_field);

   std::vector<std::string> outputs;
   for (const std::string& ori : recipients) {
      std::string output;
      audit_record audit = redactor.redact_for(f, message, output, { ori }, input_name);
      if (audit.rejected()) {
         e.rejected = std::move(audit);
         return e;
      }
      for (const redacted_field& field : audit.fields) {
         add_field(e.fields, field);
      }
      e.recipients.push_back({ ori, std::move(audit) });
      outputs.push_back(std::move(output));
   }

   std::sort(e.fields.begin(), e.fields.end(), [](const listed_field& a, const listed_field& b) {
      return std::tie(a.offset, b.length, a.tag) < std::tie(b.offset, a.length, b.tag);
   });
   const field_namer namer(f, message, every_field);
   for (listed_field& field : e.fields) {
      field.name = namer.name(field.tag);
   }
   for (std::size_t r = 0; r < e.recipients.size(); ++r) {
      const audit_record& audit = e.recipients[r].audit;
      const std::vector<masked_rendition> masked = masked_renditions(message, outputs[r], audit);
      for (listed_field& field : e.fields) {
         field.fates.push_back(fate_of(field, audit));
         const auto same_span = [&field](const masked_rendition& m) {
            return m.offset == field.offset && m.length == field.length;
         };
         const auto rendition = std::find_if(masked.begin(), masked.end(), same_span);
         field.received.push_back(rendition == masked.end() ? std::string() : rendition->received);
      }
   }
   return e;
}

// What recipient `r` receives of the data no category covers: every item that no field
// removed for it holds; nothing when the message is withheld from it.
[[nodiscard]] inline std::vector<uncategorized_item> uncategorized_received(const explanation& e, std::size_t r)
{
   const audit_record& audit = e.recipients[r].audit;
   std::vector<uncategorized_item> received;
   if (audit.result == outcome::withheld) {
      return received;
   }
   for (const uncategorized_item& item : e.uncategorized) {
      const auto removes = [&item](const redacted_field& f) { return explain_detail::covers(f, item); };
      if (std::none_of(audit.fields.begin(), audit.fields.end(), removes)) {
         received.push_back(item);
      }
   }
   return received;
}

}  // namespace veil::cli
