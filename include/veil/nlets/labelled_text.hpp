#pragma once
// One text judged by its labels and its "PFX/value" tokens: a line of free text, or the
// value of a query field the mask keeps ("MIS/SEE RES ADDR: 1 MAIN ST"). The labels that
// the grammar reads (label_grammar.hpp) cut the text into a lead, before the first label,
// and one segment per label, from the label to the next one or the end of the text: a
// label's value is what follows its colon up to the next label a reader sees. So
// "SSN: 123  RES ADDR: 1 MAIN" is an SSN and an address, each decided by itself:
//   - drop removes a removed label's segment, and the blanks before it when nothing kept
//     follows it; the lead goes with the first label when that one is dropped (it says
//     what the value is, as in "SUBJECT LIVES AT RES ADDR: ..."), but not the line's
//     indentation;
//   - mask keeps the label and stars its value;
//   - what stays (the lead, the segments of labels that stay) is searched for tokens,
//     each decided as a field of its own.

#include <veil/detail/bytes.hpp>
#include <veil/field_dictionary.hpp>
#include <veil/nlets/label_grammar.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_lines.hpp>
#include <veil/nlets/token_redactor.hpp>
#include <veil/nlets/traced_text.hpp>
#include <veil/rejection.hpp>
#include <veil/redaction_output.hpp>
#include <veil/redaction_plan.hpp>
#include <veil/redaction_rules.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace veil::nlets {

// What judging one text found, besides the text it leaves.
struct judged_text
{
   bool removed = false;                      // some label or token was removed
   std::optional<recorded_field> address;     // the first removed field whose value may go on
                                              // in the indented lines below
   std::optional<recorded_field> open_label;  // the first removed label with nothing after its
                                              // colon: its value is on the lines below
   bool open_label_takes_continuation = false;  // one such label is an address
};

template <std::size_t DictionarySize, std::size_t LabelCapacity>
class labelled_text
{
public:
   labelled_text(const field_dictionary<DictionarySize>& dictionary,
                 const redaction_plan<field_entry, DictionarySize>& token_plan,
                 const redaction_plan<label_rule, LabelCapacity>& label_plan, std::span<const run_time_label> added,
                 redaction_rules rules) noexcept
      : tokens_(dictionary, token_plan, rules),
        token_plan_(token_plan),
        label_plan_(label_plan),
        labels_(added),
        rules_(rules)
   {}

   // Puts `text` into result() with what is removed dropped or masked, and records each
   // removed field (`offset` is where `text` starts in the message). The text left is
   // judged again until it reads as itself: once a part between them is dropped, a word
   // kept before it stands right before the next label and reads as part of it ("CTZ" in
   // "PHONE: 1 CTZ POB/X PHONE: 2" reads "CTZ PHONE:" once POB/X goes), so a reader of
   // the output, veil included, would find more to remove in it.
   judged_text redact(std::string_view text, std::size_t offset, redaction_output& out)
   {
      const auto discard = [](std::string_view) {};  // a reading only judges; result_ holds the text
      audit_record found;
      redaction_output first(discard, found);
      judged_text judged = judge(text, offset, first);
      transferred_.clear();
      transfer(found, nullptr, offset, out);
      judged = in_output(judged);
      for (std::size_t pass = 0; judged.removed; ++pass) {
         settled_ = result_;
         found.fields.clear();
         redaction_output again(discard, found);
         const judged_text next = judge(settled_.bytes(), offset, again);
         result_.trace_through(settled_);
         transfer(found, &settled_, offset, out);
         const bool settles = result_.bytes() == settled_.bytes();
         merge(judged, in_output(next), settles);
         if (settles) {
            break;
         }
         if (pass == max_passes) {
            throw rejected_input(offset, "a line reads as other labels each time it is redacted");
         }
      }
      return judged;
   }

   // What `text`, a line that goes whole as part of a value above it, still says about
   // the lines below it: whether it holds a removed address (the lines indented under
   // it continue it) and a removed label with nothing after its colon (the next line is
   // its value). A reader sees those labels whether or not the line is removed.
   [[nodiscard]] judged_text ends_of(std::string_view text, recorded_field line)
   {
      judged_text ends;
      read_labels(text);
      for (const segment& s : segments_) {
         if (!s.removal) {
            continue;
         }
         ends.address = s.removal->continues ? std::optional<recorded_field>(line) : ends.address;
         if (s.value_last == s.value_first) {
            ends.open_label = line;
            ends.open_label_takes_continuation = ends.open_label_takes_continuation || s.removal->continues;
         }
      }
      if (tokens_.scan(text) && tokens_.removes(category::address)) {
         ends.address = line;
      }
      return ends;
   }

   // The text the last redact() left.
   [[nodiscard]] const std::string& result() const noexcept { return result_.bytes(); }

   // Whether `text` starts, after its indentation, with a label or a "PFX/" token of the
   // field dictionary: what a reader takes for a new item rather than more of a value.
   [[nodiscard]] bool starts_with_item(std::string_view text)
   {
      const std::size_t at = internal::indentation(text);
      const std::vector<label_reading>& labels = labels_.read(text);
      if (std::any_of(labels.begin(), labels.end(), [at](const label_reading& l) { return l.start == at; })) {
         return true;
      }
      return tokens_.starts_with_token(text.substr(at));
   }

private:
   // One reading of `text`: what redact() does, without judging the text it leaves.
   judged_text judge(std::string_view text, std::size_t offset, redaction_output& out)
   {
      result_.clear();
      judged_text judged;
      read_labels(text);
      if (segments_.empty()) {
         judged.removed = tokens_.scan(text);
         if (judged.removed) {
            judged.address = tokens_.redact(text, offset, out);
            result_.append(tokens_.result(), 0);
         }
         else {
            result_.keep(text, 0, text.size());
         }
         return judged;
      }
      const bool lead_goes = segments_.front().removal && segments_.front().removal->applied == action::drop;
      const std::string_view lead = text.substr(0, segments_.front().start);
      bool lead_audited = false;  // by the entries of tokens in it
      if (lead_goes) {
         // The lead goes with the label; its tokens are still fields of their own.
         judged.removed = true;
         const std::size_t indentation = internal::indentation(lead);
         lead_audited = tokens_.scan(lead);
         if (lead_audited) {
            note_address(judged, tokens_.record_dropped_whole(lead, indentation, offset, out));
         }
         result_.keep(text, 0, indentation);
      }
      else {
         keep(text, 0, lead.size(), offset, out, judged, true);
      }
      for (std::size_t i = 0; i < segments_.size(); ++i) {
         const segment& s = segments_[i];
         if (!s.removal) {
            keep(text, s.start, s.value_end, offset, out, judged, i + 1 < segments_.size());
            continue;
         }
         judged.removed = true;
         // The lead that goes with the first label is audited with it, unless its tokens' entries cover it.
         const std::size_t start = i == 0 && lead_goes && !lead_audited ? internal::indentation(lead) : s.start;
         const std::size_t index =
            out.record(s.removal->tag, s.removal->kind, s.removal->applied, offset + start, s.value_last - start);
         const recorded_field field{ index, s.removal->applied };
         if (!judged.address && (s.removal->continues || holds_removed_address(text.substr(s.start, s.value_end - s.start)))) {
            judged.address = field;  // an address field inside the value is continued below too
         }
         if (s.value_last == s.value_first) {
            // The values below go to the first such label; they go on as an address
            // when any of them is one.
            judged.open_label = judged.open_label.value_or(field);
            judged.open_label_takes_continuation = judged.open_label_takes_continuation || s.removal->continues;
         }
         if (s.removal->applied == action::mask) {
            result_.keep(text, s.start, s.value_first);
            result_.mask(text, s.value_first, s.value_last);
            result_.keep(text, s.value_last, s.value_end);
         }
         else if (nothing_kept_after(i)) {
            while (!result_.bytes().empty() && detail::is_blank(result_.bytes().back())) {
               result_.pop_back();  // the blanks that separated it from what stays before it
            }
         }
      }
      return judged;
   }


   // How a removed label is audited, and whether its value goes on below.
   struct label_removal
   {
      std::string_view tag;
      category kind;
      action applied;
      bool continues;
   };

   // A field recorded in the output for the text redact() was given.
   struct transferred
   {
      redacted_field field;
      std::size_t index;  // in the output's audit
   };

   struct segment
   {
      std::size_t start;        // of the label
      std::size_t value_first;  // first byte of the value, blanks after the label skipped
      std::size_t value_last;   // one past the value, trailing blanks and control characters excluded
      std::size_t value_end;    // where the next label starts, or the end of the text
      std::optional<label_removal> removal;
   };

   // The labels of `text` as segments; labels that overlap (a run-time label matched by
   // its text inside another) are one, with the meanings of both.
   void read_labels(std::string_view text)
   {
      merged_ = labels_.read(text);
      std::sort(merged_.begin(), merged_.end(),
                [](const label_reading& a, const label_reading& b) { return a.start < b.start; });
      std::size_t n = 0;
      for (std::size_t i = 0; i < merged_.size(); ++i) {
         if (n > 0 && merged_[i].start < merged_[n - 1].end) {
            merged_[n - 1].end = std::max(merged_[n - 1].end, merged_[i].end);
            for (const label_meaning& m : merged_[i].named()) {
               merged_[n - 1].add(m);
            }
            continue;
         }
         merged_[n++] = merged_[i];
      }
      merged_.resize(n);
      segments_.clear();
      for (std::size_t i = 0; i < merged_.size(); ++i) {
         const label_reading& l = merged_[i];
         segment s{ l.start, l.end, l.end, i + 1 < merged_.size() ? merged_[i + 1].start : text.size(), std::nullopt };
         while (s.value_first < s.value_end && detail::is_blank(text[s.value_first])) {
            ++s.value_first;
         }
         s.value_last = s.value_end;
         while (s.value_last > s.value_first &&
                (detail::is_blank(text[s.value_last - 1]) || detail::is_control(text[s.value_last - 1]))) {
            --s.value_last;
         }
         if (s.value_last == s.value_first) {
            s.value_first = s.value_last = l.end;
         }
         s.removal = decide(l, text.substr(s.value_first, s.value_last - s.value_first));
         segments_.push_back(s);
      }
   }

   // The first of the label's meanings that the rules remove, if any.
   [[nodiscard]] std::optional<label_removal> decide(const label_reading& label, std::string_view value) const
   {
      std::optional<label_removal> removal;
      bool continues = false;
      for (const label_meaning& m : label.named()) {
         if (m.rule != nullptr) {
            continues = continues || m.rule->takes_continuation;
            const bool builtin = m.rule >= builtin_labels.data() && m.rule < builtin_labels.data() + builtin_labels.size();
            if (removal || (builtin && label_plan_.find(m.rule->tag) == nullptr)) {
               continue;
            }
            if (const field_verdict removed = rules_.verdict(m.rule->tag, m.rule->sensitivity)) {
               removal = label_removal{ m.rule->tag, *m.rule->sensitivity, *removed, false };
            }
            continue;
         }
         const field_entry* entry = token_plan_.find(m.field_prefix);
         if (removal || entry == nullptr) {
            continue;
         }
         if (const std::optional<field_removal> removed = rules_.removal(*entry, value)) {
            removal = label_removal{ entry->tag, removed->kind, removed->applied, false };
         }
      }
      if (removal) {
         removal->continues = continues;
      }
      return removal;
   }

   [[nodiscard]] bool holds_removed_address(std::string_view part)
   {
      return tokens_.scan(part) && tokens_.removes(category::address);
   }

   // text[from, to) stays, less the tokens it holds that are removed (`label_follows`: a
   // label starts right after it).
   void keep(std::string_view text, std::size_t from, std::size_t to, std::size_t offset, redaction_output& out,
             judged_text& judged, bool label_follows)
   {
      const std::string_view part = text.substr(from, to - from);
      if (!tokens_.scan(part)) {
         result_.keep(text, from, to);
         return;
      }
      judged.removed = true;
      note_address(judged, tokens_.redact(part, offset + from, out, label_follows));
      result_.append(tokens_.result(), from);
   }

   // Records in `out` the fields `found` holds, read in a text that `through` traces to
   // the text redact() was given (nullptr: that text itself), each once however many
   // readings found it; remembers where each went for in_output().
   void transfer(const audit_record& found, const traced_text* through, std::size_t offset, redaction_output& out)
   {
      index_in_output_.clear();
      for (const redacted_field& f : found.fields) {
         redacted_field field = f;
         if (through != nullptr) {
            const std::size_t at = f.offset - offset;
            field.offset = offset + through->source_position(at);
            field.length = offset + through->source_end(at, f.length) - field.offset;
         }
         const auto same = std::find_if(transferred_.begin(), transferred_.end(), [&field](const transferred& t) {
            return t.field.tag == field.tag && t.field.kind == field.kind && t.field.applied == field.applied &&
                   t.field.offset == field.offset && t.field.length == field.length;
         });
         if (same != transferred_.end()) {
            index_in_output_.push_back(same->index);
            continue;
         }
         const std::size_t index = out.record(field.tag, field.kind, field.applied, field.offset, field.length);
         transferred_.push_back({ std::move(field), index });
         index_in_output_.push_back(index);
      }
   }

   // `judged` with its audit entries as the last transfer() put them in the output.
   [[nodiscard]] judged_text in_output(judged_text judged) const
   {
      for (std::optional<recorded_field>* f : { &judged.address, &judged.open_label }) {
         if (*f) {
            (*f)->audit_index = index_in_output_[(*f)->audit_index];
         }
      }
      return judged;
   }

   // What a reading of the text left says about the lines below, once it settles: a
   // reader of the output reads the labels it holds then (masked, they are still there;
   // dropped, they are gone).
   static void merge(judged_text& judged, const judged_text& next, bool settles) noexcept
   {
      if (!settles) {
         return;
      }
      judged.address = judged.address ? judged.address : next.address;
      judged.open_label = judged.open_label ? judged.open_label : next.open_label;
      judged.open_label_takes_continuation = judged.open_label_takes_continuation || next.open_label_takes_continuation;
   }

   static void note_address(judged_text& judged, std::optional<recorded_field> address) noexcept
   {
      if (address && !judged.address) {
         judged.address = address;
      }
   }

   [[nodiscard]] bool nothing_kept_after(std::size_t i) const noexcept
   {
      return std::all_of(segments_.begin() + static_cast<std::ptrdiff_t>(i) + 1, segments_.end(), [](const segment& s) {
         return s.removal && s.removal->applied == action::drop;
      });
   }

   token_redactor<DictionarySize> tokens_;
   const redaction_plan<field_entry, DictionarySize>& token_plan_;
   const redaction_plan<label_rule, LabelCapacity>& label_plan_;
   label_reader labels_;
   redaction_rules rules_;
   std::vector<label_reading> merged_;  // reused from text to text
   std::vector<segment> segments_;      // reused
   traced_text result_;                 // reused
   traced_text settled_;                // reused: the text left by the reading before
   std::vector<transferred> transferred_;       // reused: the fields recorded for one text
   std::vector<std::size_t> index_in_output_;  // reused: of each field the last reading found
   static constexpr std::size_t max_passes = 16;
};

}  // namespace veil::nlets
