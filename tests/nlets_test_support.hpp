#pragma once
// What the Nlets text suites share: a redactor built in one call, a message redacted in
// memory or fed to redact_stream() in chunks cut at chosen offsets, headers to put a
// body behind, and random messages that say which of their values a mask must remove.

#include <veil/action.hpp>
#include <veil/audit.hpp>
#include <veil/category_mask.hpp>
#include <veil/mask_policy.hpp>
#include <veil/nlets/message_kind.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_options.hpp>
#include <veil/nlets/text_redactor.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil_test {

using text_redactor = veil::nlets::text_redactor<veil::runtime_mask>;

[[nodiscard]] inline text_redactor make_redactor(veil::category_mask mask, veil::action applied = veil::action::drop,
                                                 veil::nlets::text_options options = {})
{
   options.action = applied;
   return text_redactor{ veil::runtime_mask{ mask }, std::move(options) };
}

struct redaction
{
   std::string output;
   veil::audit_record audit;
};

// Any format's redactor, through its in-memory entry point.
template <typename Redactor>
   requires requires(const Redactor& r, std::string& out) { r.redact(std::string_view(), out); }
[[nodiscard]] redaction redact(const Redactor& redactor, std::string_view message)
{
   redaction result;
   result.audit = redactor.redact(message, result.output);
   return result;
}

[[nodiscard]] inline redaction redact(std::string_view message, veil::category_mask mask,
                                      veil::action applied = veil::action::drop)
{
   return redact(make_redactor(mask, applied), message);
}

// A chunk source that never hands out bytes across the next cut, however much the
// reader asks for, so the reader sees the message in exactly the pieces the cuts make.
// It also remembers the largest request, which is the reader's free buffer space.
class split_source
{
public:
   split_source(std::string_view message, std::vector<std::size_t> cuts) : message_(message), cuts_(std::move(cuts))
   {
      std::sort(cuts_.begin(), cuts_.end());
   }

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      largest_request_ = std::max(largest_request_, capacity);
      while (next_cut_ < cuts_.size() && cuts_[next_cut_] <= position_) {
         ++next_cut_;
      }
      const std::size_t chunk_end = next_cut_ < cuts_.size() ? cuts_[next_cut_] : message_.size();
      const std::size_t n = std::min(capacity, std::min(chunk_end, message_.size()) - position_);
      std::copy_n(message_.data() + position_, n, buffer);
      position_ += n;
      return n;
   }

   [[nodiscard]] std::size_t largest_request() const noexcept { return largest_request_; }

private:
   std::string_view message_;
   std::vector<std::size_t> cuts_;
   std::size_t next_cut_ = 0;
   std::size_t position_ = 0;
   std::size_t largest_request_ = 0;
};

// Any format's redactor, through its streaming entry point, fed in the pieces `cuts` make.
template <typename Redactor>
[[nodiscard]] redaction redact_in_chunks(const Redactor& redactor, std::string_view message,
                                         std::vector<std::size_t> cuts)
{
   redaction result;
   result.audit = redactor.redact_stream(split_source{ message, std::move(cuts) },
                                         [&result](std::string_view bytes) { result.output += bytes; });
   return result;
}

// A query (field-list body) and a delivered response (free-text body) header.
inline constexpr std::string_view query_header = "DQ.ORTEST001.WA.TXT\n";
inline constexpr std::string_view response_header =
   "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n";

// Redacts `header` + `body` and gives back the output without the header, which must
// come out unchanged (an exception says otherwise). A rejected message gives an empty
// body; callers check the outcome.
[[nodiscard]] inline redaction redact_body(const text_redactor& redactor, std::string_view header,
                                           std::string_view body)
{
   const std::string message = std::string(header) + std::string(body);
   redaction result = redact(redactor, message);
   if (result.audit.rejected()) {
      return result;
   }
   if (!std::string_view(result.output).starts_with(header)) {
      throw std::logic_error("the header did not come out unchanged: " + result.output);
   }
   result.output.erase(0, header.size());
   return result;
}

[[nodiscard]] inline redaction redact_body(std::string_view header, std::string_view body, veil::category_mask mask,
                                           veil::action applied = veil::action::drop)
{
   return redact_body(make_redactor(mask, applied), header, body);
}

// A body, the mask it is redacted under, and the body that must come out.
struct body_case
{
   std::string_view body;
   veil::category_mask mask;
   std::string_view expected;
};

// Each case behind `header`, with `applied`: the expected body comes out, and the outcome
// is `passed` exactly when nothing changed.
inline void check_bodies(std::string_view header, const std::vector<body_case>& cases,
                         veil::action applied = veil::action::drop)
{
   for (const body_case& c : cases) {
      CAPTURE(c.body);
      const redaction result = redact_body(header, c.body, c.mask, applied);
      CHECK(result.output == c.expected);
      CHECK(result.audit.result == (c.expected == c.body ? veil::outcome::passed : veil::outcome::redacted));
   }
}

// Each case behind a delivered response header.
inline void check_response_bodies(const std::vector<body_case>& cases, veil::action applied = veil::action::drop)
{
   check_bodies(response_header, cases, applied);
}

// Masks of one category each, for the case tables of the Nlets text suites.
namespace one_category {
inline const veil::category_mask address{ veil::category::address };
inline const veil::category_mask immigration{ veil::category::immigration };
inline const veil::category_mask ssn{ veil::category::ssn };
inline const veil::category_mask contact{ veil::category::contact };
}  // namespace one_category

// ---- generated messages ------------------------------------------------------------------

// One value planted in a generated message: random letters and digits, unique in the
// message, so that its presence in the output can be checked with a plain search.
struct planted_value
{
   std::string text;
   std::optional<veil::category> kind;  // nullopt: no mask removes it
   bool starts_field = true;            // false for an address continuation line, which
                                        // the audit counts with the field above it
};

struct planted_message
{
   std::string bytes;
   std::vector<planted_value> values;

   // How many audit entries the mask must produce, and whether anything goes at all.
   [[nodiscard]] std::size_t fields_under(veil::category_mask mask) const
   {
      return static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [mask](const planted_value& v) {
         return v.starts_field && v.kind && mask.contains(*v.kind);
      }));
   }
};

// What a leak-property run checks of one redaction of a generated message (a text
// planted_message or an XML one): no planted value of a masked category survives, every
// other one does, and the audit counts exactly the fields the mask removes.
template <typename PlantedMessage>
void check_planted_values(const redaction& result, const PlantedMessage& message, veil::category_mask mask)
{
   for (const planted_value& value : message.values) {
      CAPTURE(value.text);
      const bool removed = value.kind && mask.contains(*value.kind);
      CHECK((result.output.find(value.text) == std::string::npos) == removed);
   }
   const std::size_t expected_fields = message.fields_under(mask);
   CHECK(result.audit.fields.size() == expected_fields);
   // Notes tell of other changes the format made (an integrity record dropped).
   CHECK(result.audit.result == (expected_fields == 0 && result.audit.notes.empty() ? veil::outcome::passed
                                                                                    : veil::outcome::redacted));
}

// Labels a generated response may use besides the built-in ones; the redactor under test
// must be given them (see generated_text_options()).
inline const std::vector<veil::nlets::custom_label> generated_extra_labels{
   { "DOMICILE:", veil::category::address },
   { "TAX ID:", veil::category::ssn },
   { "NATIONALITY:", veil::category::immigration },
   { "CELL:", veil::category::contact },
};

[[nodiscard]] inline veil::nlets::text_options generated_text_options()
{
   veil::nlets::text_options options;
   options.extra_labels = generated_extra_labels;
   return options;
}

// Random queries (every dictionary prefix may appear, MNU with and without an immigration
// type, control characters between and after fields, a trailing '.') and responses
// (token lines in columns, labelled lines with continuation lines, plain lines, and the
// dot-separated echo of a query that an ER carries). Seeded, so every run is the same.
class message_generator
{
public:
   explicit message_generator(std::uint32_t seed) : random_(seed) {}

   [[nodiscard]] planted_message query()
   {
      planted_message m;
      m.bytes = pick(veil::nlets::structured_query_keys);
      m.bytes += ".ORTEST001." + pick(std::array<std::string, 3>{ "WA", "WA,OR,ID", "ORTEST002" });
      m.bytes += chance(2) ? ".*SYN0000001" : "";
      m.bytes += ".TXT" + pick(std::array<std::string, 4>{ "", "\n", "\r\n", "\r\n\x7f" });
      std::vector<std::string> fields;
      for (const veil::field_entry& entry : veil::nlets::text_dictionary) {
         for (int copies = entry.tag == "MNU" ? 3 : 1; copies > 0; --copies) {
            if (chance(2)) {
               fields.push_back(plant_field(entry, m));
            }
         }
      }
      std::shuffle(fields.begin(), fields.end(), random_);
      for (std::size_t i = 0; i < fields.size(); ++i) {
         m.bytes += i == 0 ? "" : ".";
         m.bytes += chance(4) ? pick(control_runs) : "";
         m.bytes += fields[i];
         m.bytes += chance(6) ? pick(control_runs) : "";
      }
      m.bytes += !fields.empty() && chance(6) ? "." : "";
      m.bytes += chance(4) ? "\n" : "";
      return m;
   }

   [[nodiscard]] planted_message response()
   {
      planted_message m;
      const std::string key =
         pick(std::array<std::string, 9>{ "DR", "DNR", "KR", "RR", "IR", "FR", "IAR", "LR", "ER" });
      const std::string eol = chance(2) ? "\n" : "\r\n";
      m.bytes = key + ".WAOLN0000" + eol + "10:15 03/14/2024 00412" + eol + "10:15 03/14/2024 01877 ORTEST001" + eol +
                "TXT" + eol;
      if (key == "ER") {
         m.bytes += ".22. INVALID MESSAGE FORMAT" + eol + "IAQ.ORTEST001.AX.TXT" + eol;
         m.bytes += token_lines(m, ".", eol);
      }
      for (int lines = 2 + static_cast<int>(below(10)); lines > 0; --lines) {
         switch (below(3)) {
            case 0: m.bytes += token_lines(m, "  ", eol); break;
            case 1: m.bytes += labelled_lines(m, eol); break;
            default: m.bytes += "REMARK " + plant(m, std::nullopt) + eol; break;
         }
      }
      if (chance(3)) {
         m.bytes.resize(m.bytes.size() - eol.size());  // the last line need not end
      }
      return m;
   }

   [[nodiscard]] planted_message any() { return chance(2) ? query() : response(); }

   [[nodiscard]] veil::category_mask mask()
   {
      veil::category_mask m;
      for (const veil::category c : veil::all_categories) {
         if (chance(2)) {
            m = m | veil::category_mask{ c };
         }
      }
      return m;
   }

   [[nodiscard]] std::size_t below(std::size_t n)
   {
      return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
   }
   [[nodiscard]] bool chance(std::size_t one_in) { return below(one_in) == 0; }

private:
   static constexpr std::array<std::string_view, 3> control_runs{ "\r\n", "\x7f", "\r\n\x7f" };

   template <typename Container>
   [[nodiscard]] std::string pick(const Container& choices)
   {
      return std::string(choices[below(choices.size())]);
   }

   // A fresh value of `kind`, recorded in `m`.
   std::string plant(planted_message& m, std::optional<veil::category> kind, bool starts_field = true)
   {
      static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
      std::string text;
      do {
         text.clear();
         for (int i = 0; i < 14; ++i) {
            text += alphabet[below(alphabet.size())];
         }
      } while (used_.contains(text));
      used_.insert(text);
      m.values.push_back({ text, kind, starts_field });
      return text;
   }

   // "PFX/value"; an MNU value carries an NCIC type, an immigration one or another.
   std::string plant_field(const veil::field_entry& entry, planted_message& m)
   {
      if (entry.tag != "MNU") {
         return std::string(entry.tag) + "/" + plant(m, entry.sensitivity);
      }
      const bool immigration = chance(2);
      const std::string type = immigration ? pick(std::array<std::string, 3>{ "AR", "AN", "PP" })
                                           : pick(std::array<std::string, 4>{ "SS", "MP", "VA", "OA" });
      return "MNU/" + type + "-" + plant(m, immigration ? entry.sensitivity : std::nullopt);
   }

   // A token whose category is `kind`, whatever its value.
   std::string token_of(veil::category kind, planted_message& m)
   {
      std::vector<const veil::field_entry*> entries;
      for (const veil::field_entry& entry : veil::nlets::text_dictionary) {
         if (entry.sensitivity == kind && entry.categories_of == nullptr) {
            entries.push_back(&entry);
         }
      }
      return plant_field(*entries[below(entries.size())], m);
   }

   // One to four dictionary tokens joined by `separator`; an address token that ends
   // the line may have an indented continuation line.
   std::string token_lines(planted_message& m, std::string_view separator, const std::string& eol)
   {
      // A word before the first token, sometimes, as in "CONTACT PHN/..." lines.
      std::string line = chance(4) ? "CONTACT " : "";
      bool address_last = false;
      for (std::size_t n = 1 + below(4); n > 0; --n) {
         const auto& entry = veil::nlets::text_dictionary.entries[below(veil::nlets::text_dictionary.size())];
         line += line.empty() || line.ends_with(' ') ? "" : std::string(separator);
         line += plant_field(entry, m);
         address_last = entry.sensitivity == veil::category::address;
      }
      line += eol;
      if (address_last && separator != "." && chance(2)) {
         line += "      " + plant(m, veil::category::address, false) + eol;
      }
      return line;
   }

   // A label (built in or added) and its value, maybe after other words or after a
   // token of the same category; an address label may have indented continuation lines.
   std::string labelled_lines(planted_message& m, const std::string& eol)
   {
      const std::size_t builtin = veil::nlets::builtin_labels.size();
      const std::size_t choice = below(builtin + generated_extra_labels.size());
      const std::string label = choice < builtin ? std::string(veil::nlets::builtin_labels[choice].tag)
                                                 : generated_extra_labels[choice - builtin].text;
      const veil::category kind = choice < builtin ? *veil::nlets::builtin_labels[choice].sensitivity
                                                   : generated_extra_labels[choice - builtin].sensitivity;
      std::string lines;
      if (chance(3)) {
         lines = "SUBJECT LIVES AT ";
      }
      else if (chance(3)) {
         lines = token_of(kind, m) + "  ";
      }
      lines += label + " " + plant(m, kind) + eol;
      if (kind == veil::category::address) {
         for (std::size_t n = below(3); n > 0; --n) {
            lines += std::string(2 + below(8), ' ') + plant(m, kind, false) + eol;
         }
      }
      return lines;
   }

   std::mt19937 random_;
   std::set<std::string> used_;
};

}  // namespace veil_test
