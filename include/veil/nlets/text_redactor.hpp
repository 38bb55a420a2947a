#pragma once
// Redacts Nlets/NCIC legacy text messages in one pass: the header passes through and
// names sender and recipients; query fields and free-text lines are decided one at a
// time by the mask; a message that does not parse is rejected with the byte offset.
//
//   veil::nlets::text_redactor redactor{ veil::runtime_mask{ veil::parse_mask("address,ssn") } };
//   std::string out;
//   veil::audit_record audit = redactor.redact(message, out);
//
// Two entry points share one grammar: redact() for a message in memory (out is left
// untouched if the message is rejected), redact_stream() for a message read in chunks
// of any size with memory bounded by text_limits.

#include <veil/audit.hpp>
#include <veil/detail/chunk_reader.hpp>
#include <veil/detail/redact_into.hpp>
#include <veil/mask_policy.hpp>
#include <veil/nlets/field_list_redactor.hpp>
#include <veil/nlets/free_text_redactor.hpp>
#include <veil/nlets/label_grammar.hpp>
#include <veil/nlets/message_kind.hpp>
#include <veil/nlets/routing_lines.hpp>
#include <veil/nlets/text_actions.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_grammar.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_options.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>
#include <veil/recipient.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/sink.hpp>

#include <tao/pegtl.hpp>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace veil::nlets {

inline constexpr std::string_view text_format_name = "nlets-text";

// The dictionary entries and labels a mask selects, or a mask with per-field overrides.
struct text_plans
{
   redaction_plan<field_entry, text_dictionary.size()> fields;
   redaction_plan<label_rule, builtin_labels.size()> labels;

   constexpr explicit text_plans(category_mask mask) noexcept
      : fields(text_dictionary.entries, mask), labels(builtin_labels, mask)
   {}

   explicit text_plans(const redaction_rules& rules) noexcept
      : fields(text_dictionary.entries, rules), labels(builtin_labels, rules)
   {}
};

// For a static_mask without overrides the plans are compile-time constants.
template <category_mask Mask>
inline constexpr text_plans static_text_plans{ Mask };

using text_line_redactor = free_text_redactor<text_dictionary.size(), builtin_labels.size()>;

namespace internal {

// Everything the grammar's actions touch while one message is parsed.
class text_state
{
public:
   using field_redactor = field_list_redactor<text_dictionary.size(), builtin_labels.size()>;

   text_state(const text_plans& plans, std::span<const run_time_label> added_labels, redaction_rules rules,
              text_line_redactor lines, const text_limits& limits, sink_ref sink, audit_record& audit)
      : limits_(limits),
        audit_(audit),
        out_(sink, audit),
        fields_(text_dictionary, plans.fields, plans.labels, added_labels, rules, limits.max_field_size),
        lines_(std::move(lines))
   {}

   template <typename Scanner>
   [[nodiscard]] std::size_t limit_of() const noexcept
   {
      if constexpr (std::is_same_v<Scanner, grammar::text_line_scanner>) {
         return limits_.max_line_size;
      }
      else {
         return limits_.max_field_size;
      }
   }

   [[nodiscard]] audit_record& audit() noexcept { return audit_; }
   [[nodiscard]] bool has_field_list() const noexcept { return body_ == body_kind::fields; }

   // A recipient the header names; the grammar has read it as one already, and it is
   // held to the one rule for recipients all the same.
   void add_recipient(std::string_view ori, std::size_t offset)
   {
      if (!is_well_formed_recipient(ori)) {
         throw rejected_input(offset, "destination must be a 2-character code or a 9-character ORI");
      }
      if (audit_.recipients.size() == limits_.max_destinations) {
         throw rejected_input(offset, "more than " + std::to_string(limits_.max_destinations) + " destinations");
      }
      audit_.recipients.emplace_back(ori);
   }

   void on_header(std::string_view bytes)
   {
      body_ = body_kind_of(audit_.message_key);
      first_line_shares_header_ = !bytes.ends_with('\n') && !bytes.ends_with('\x7f');
      out_.emit(bytes);
   }

   void on_gap(std::string_view bytes, std::size_t offset) { fields_.on_gap(bytes, offset, out_); }
   void on_field(std::string_view field, std::size_t offset)
   {
      // A line break inside a value starts a line that a system splitting messages at
      // routing lines reads too.
      for (std::size_t lf = field.find('\n'); lf != std::string_view::npos; lf = field.find('\n', lf + 1)) {
         const std::string_view line = field.substr(lf + 1, field.find('\n', lf + 1) - lf - 1);
         add_routed_recipients(line, offset + lf + 1);
      }
      fields_.on_field(field, offset, out_);
   }
   void on_separator() { fields_.on_separator(); }
   void on_line(std::string_view line, std::size_t offset)
   {
      add_routed_recipients(internal::split_line(line).content, offset);
      if (!first_line_shares_header_) {
         lines_.on_line(line, offset, out_);
         return;
      }
      // The body starts right after TXT, on the header's line. Dropped whole, this line
      // would take the header's line break with it, and the next line would read as
      // more of the header ("TXT.PC" as a control field): the line break stays.
      first_line_shares_header_ = false;
      bool written = false;
      const auto note_written = [this, &written](std::string_view bytes) {
         written = true;
         out_.emit(bytes);
      };
      redaction_output counted = out_.redirected(note_written);
      lines_.on_line(line, offset, counted);
      if (!written) {
         out_.emit(internal::split_line(line).terminator);
      }
   }
   void on_end() { fields_.on_end(out_); }

private:
   // The recipients a line of the body names if it reads as routing (routing_lines.hpp).
   void add_routed_recipients(std::string_view content, std::size_t offset)
   {
      const auto add = [&](std::string_view recipient) {
         if (!is_well_formed_recipient(recipient)) {
            throw rejected_input(offset, "a line of the body reads as a routing header whose recipient is not a "
                                         "2-character destination or a 9-character ORI");
         }
         if (std::find(audit_.recipients.begin(), audit_.recipients.end(), recipient) == audit_.recipients.end()) {
            add_recipient(recipient, offset);
         }
      };
      if (!internal::read_input_header_line(content, add)) {
         (void)internal::read_stamp_line(content, add);
      }
   }

   const text_limits& limits_;
   audit_record& audit_;
   redaction_output out_;
   field_redactor fields_;
   text_line_redactor lines_;
   body_kind body_ = body_kind::free_text;
   bool first_line_shares_header_ = false;  // the header ends without a line break
};

}  // namespace internal

template <mask_policy Mask = runtime_mask>
class text_redactor
{
public:
   static constexpr std::string_view format = text_format_name;

   explicit text_redactor(Mask mask = {}, text_options options = {})
      : mask_(mask), options_(std::move(options)), runtime_plans_(rules())
   {
      for (const custom_label& label : options_.extra_labels) {
         if (label.text.empty()) {
            throw policy_error("empty free-text label");
         }
      }
      auto added = std::make_shared<added_labels>();
      added->texts = options_.extra_labels;
      for (const custom_label& label : added->texts) {
         added->read.push_back(read_run_time_label(label));
      }
      added_labels_ = std::move(added);
   }

   [[nodiscard]] const text_options& options() const noexcept { return options_; }
   [[nodiscard]] category_mask mask() const noexcept { return mask_.mask(); }

   // The mask, the action and the overrides, as every field of a message is decided by.
   [[nodiscard]] redaction_rules rules() const noexcept
   {
      return { mask_.mask(), options_.action, options_.overrides };
   }

   [[nodiscard]] const text_plans& plans() const noexcept
   {
      if constexpr (Mask::is_static) {
         if (options_.overrides.empty()) {
            return static_text_plans<Mask::value>;
         }
      }
      return runtime_plans_;
   }

   // A free-text line redactor for one message: it keeps that message's continuation
   // state, and refers to plans and labels this redactor owns.
   [[nodiscard]] text_line_redactor line_redactor() const
   {
      const text_plans& p = plans();
      return { text_dictionary, p.fields, p.labels, added_labels_->read, rules() };
   }

   // Appends the redacted message to `out`; if the message is rejected, `out` is left
   // as it was. `input_name` is copied into the audit record.
   audit_record redact(std::string_view message, std::string& out, std::string_view input_name = {}) const
   {
      if (message.size() > options_.limits.max_message_size) {
         // Read it as redact_stream() does, so that both entry points name the same first
         // problem (a field or line limit crossed before the size limit is reported where
         // it is). A message this long is always rejected, so nothing reaches `out`.
         return redact_stream(detail::memory_source{ message }, [](std::string_view) {}, input_name);
      }
      return detail::redact_into(out, [&](sink_ref sink) {
         audit_record audit = new_audit_record(format, input_name);
         tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(message.data(), message.size(), "");
         run(in, sink, audit);
         return audit;
      });
   }

   // Reads one message from `source` (a callable `size_t(char* buffer, size_t capacity)`
   // returning 0 at the end, chunks of any size) and writes the result to `sink` as it
   // is decided. If the returned record says `rejected`, what the sink received so far
   // must not be released (see sink.hpp).
   template <typename ChunkSource>
   audit_record redact_stream(ChunkSource&& source, sink_ref sink, std::string_view input_name = {}) const
   {
      audit_record audit = new_audit_record(format, input_name);
      const text_limits& limits = options_.limits;
      const std::size_t header_bound = 128 + 10 * (limits.max_destinations + 1);
      const std::size_t buffer = std::max(limits.max_field_size, limits.max_line_size) + 2 + header_bound;
      using reader = detail::filling_reader<std::remove_reference_t<ChunkSource>>;
      tao::pegtl::buffer_input<reader, tao::pegtl::eol::lf_crlf, std::string, stream_chunk> in(
         "", buffer, source, limits.max_message_size);
      run(in, sink, audit);
      return audit;
   }

private:
   static constexpr std::size_t stream_chunk = 4096;

   template <typename ParseInput>
   void run(ParseInput& in, sink_ref sink, audit_record& audit) const
   {
      internal::text_state state(plans(), added_labels_->read, rules(), line_redactor(), options_.limits, sink, audit);
      try {
         tao::pegtl::parse<grammar::message, internal::text_action, grammar::control>(in, state);
         state.on_end();
         mark_completed(audit);
      }
      catch (const rejected_input& e) {
         mark_rejected(audit, e.to_rejection());
      }
      catch (const std::overflow_error&) {
         // PEGTL's buffer is sized from the limits, so this means a limit check is
         // missing somewhere; still, the message is refused, never passed.
         mark_rejected(audit, { in.byte(), "message exceeds the reader's buffer" });
      }
   }

   Mask mask_;
   text_options options_;
   text_plans runtime_plans_;
   // The run-time labels and how the grammar reads them, whose rules refer to their
   // texts; shared, so that copies of the redactor and the line redactors they made refer
   // to the same.
   struct added_labels
   {
      std::vector<custom_label> texts;
      std::vector<run_time_label> read;
   };
   std::shared_ptr<const added_labels> added_labels_;
};

}  // namespace veil::nlets
