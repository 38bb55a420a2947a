#pragma once
// What the AAMVA suites share: a redactor built in one call, a payload redacted in memory
// or fed to redact_stream() in chunks cut at chosen offsets, and random payloads in the
// standard's strict framing that say where each element stands and which of their values
// a mask must remove.

#include "nlets_test_support.hpp"

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload_reader.hpp>
#include <veil/action.hpp>
#include <veil/category.hpp>
#include <veil/category_mask.hpp>
#include <veil/mask_policy.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil_test {

using aamva_redactor = veil::aamva::aamva_redactor<veil::runtime_mask>;

[[nodiscard]] inline aamva_redactor make_aamva_redactor(veil::category_mask mask,
                                                        veil::action applied = veil::action::drop,
                                                        veil::aamva::aamva_options options = {})
{
   options.action = applied;
   return aamva_redactor{ veil::runtime_mask{ mask }, options };
}

[[nodiscard]] inline redaction redact(const aamva_redactor& redactor, std::string_view payload)
{
   redaction result;
   result.audit = redactor.redact(payload, result.output);
   return result;
}

[[nodiscard]] inline redaction redact_in_chunks(const aamva_redactor& redactor, std::string_view payload,
                                                std::vector<std::size_t> cuts)
{
   redaction result;
   result.audit = redactor.redact_stream(split_source{ payload, std::move(cuts) },
                                         [&result](std::string_view bytes) { result.output += bytes; });
   return result;
}

// ---- generated payloads ------------------------------------------------------------------

// The category a redactor with unknown_elements_sensitive files an element no version
// defines under: the first of the mask's, or none for an empty mask.
[[nodiscard]] inline std::optional<veil::category> first_category_of(veil::category_mask mask)
{
   for (const veil::category c : veil::all_categories) {
      if (mask.contains(c)) {
         return c;
      }
   }
   return std::nullopt;
}

// One element of a generated payload and where it stands in the payload's bytes.
struct planted_element
{
   std::string subfile;  // the type of the subfile that holds it
   std::string tag;
   std::size_t begin = 0;      // of the id
   std::size_t end = 0;        // one past the value (and its padding)
   bool jurisdiction = false;  // an element of a jurisdiction's subfile, which no version defines
};

struct planted_payload
{
   std::string bytes;
   unsigned version = 0;
   std::vector<std::string> subfile_types;  // in designator order
   std::vector<planted_element> elements;   // in payload order
   // values[i] is the value of elements[i], with the category of the element's dictionary
   // entry; a jurisdiction element's has none, since it depends on the redactor's options
   // (see under()).
   std::vector<planted_value> values;

   // The values with the categories a redactor with `mask` and `unknown_elements_sensitive`
   // removes them under, in the form check_planted_values() takes.
   [[nodiscard]] planted_message under(veil::category_mask mask, bool unknown_elements_sensitive) const
   {
      planted_message m{ bytes, values };
      for (std::size_t i = 0; i < elements.size(); ++i) {
         if (elements[i].jurisdiction && unknown_elements_sensitive) {
            m.values[i].kind = first_category_of(mask);
         }
      }
      return m;
   }
};

// Random payloads that read strictly: versions 01 to 11, a DL or ID subfile, sometimes one
// of the other kind after it and a jurisdiction subfile last, each with elements in random
// order (the standard subfiles' drawn from the dictionary entries of the payload's
// version, the jurisdiction's carrying its type), values sometimes padded with spaces, and
// sometimes an LF before a subfile's CR. Seeded, so every run is the same.
class aamva_payload_generator
{
public:
   explicit aamva_payload_generator(std::uint32_t seed) : random_(seed), shuffler_(seed) {}

   [[nodiscard]] planted_payload payload()
   {
      planted_payload p;
      p.version = static_cast<unsigned>(1 + below(veil::aamva::newest_version));
      p.subfile_types.emplace_back(chance(2) ? "DL" : "ID");
      if (chance(3)) {
         p.subfile_types.emplace_back(p.subfile_types.front() == "DL" ? "ID" : "DL");
      }
      if (chance(2)) {
         p.subfile_types.push_back(std::string("Z") + static_cast<char>('A' + below(26)));
      }
      std::string header = "@\n\x1e\rANSI 6360" + fixed_width(below(100), 2) + fixed_width(p.version, 2);
      header += p.version >= 2 ? fixed_width(below(100), 2) : "";  // the jurisdiction version, from 02
      header += fixed_width(p.subfile_types.size(), 2);
      // Offsets count from the '@'; a subfile's length runs from its type through its CR.
      std::size_t offset = header.size() + 10 * p.subfile_types.size();
      std::string designators;
      std::string bodies;
      for (const std::string& type : p.subfile_types) {
         const std::string body = subfile(type, offset, p);
         designators += type + fixed_width(offset, 4) + fixed_width(body.size(), 4);
         bodies += body;
         offset += body.size();
      }
      p.bytes = header + designators + bodies;
      return p;
   }

   [[nodiscard]] veil::category_mask mask() { return random_.mask(); }
   [[nodiscard]] std::size_t below(std::size_t n) { return random_.below(n); }
   [[nodiscard]] bool chance(std::size_t one_in) { return random_.chance(one_in); }

private:
   [[nodiscard]] static std::string fixed_width(std::size_t n, std::size_t width)
   {
      const std::string digits = std::to_string(n);
      return std::string(width - std::min(width, digits.size()), '0') + digits;
   }

   // The ids of a standard subfile: each entry of the version's dictionary with a chance
   // of one in three (at least one), in random order.
   [[nodiscard]] std::vector<std::string> standard_ids(unsigned version)
   {
      std::vector<std::string> defined;
      std::vector<std::string> ids;
      for (const veil::aamva::element_entry& entry : veil::aamva::element_dictionary) {
         if (entry.defined_in(version)) {
            defined.emplace_back(entry.tag);
            if (chance(3)) {
               ids.emplace_back(entry.tag);
            }
         }
      }
      if (ids.empty()) {
         ids.push_back(defined[below(defined.size())]);
      }
      std::shuffle(ids.begin(), ids.end(), shuffler_);
      return ids;
   }

   // One to four ids of the jurisdiction subfile `type`: its type and a letter.
   [[nodiscard]] std::vector<std::string> jurisdiction_ids(const std::string& type)
   {
      std::vector<std::string> ids(1 + below(4));
      for (std::string& id : ids) {
         id = type + static_cast<char>('A' + below(26));
      }
      return ids;
   }

   // The subfile `type` starting at `offset` of the payload; its elements and values go
   // into `p`.
   [[nodiscard]] std::string subfile(const std::string& type, std::size_t offset, planted_payload& p)
   {
      const bool jurisdiction = type.starts_with('Z');
      std::string body = type;
      for (const std::string& id : jurisdiction ? jurisdiction_ids(type) : standard_ids(p.version)) {
         body += body.size() == type.size() ? "" : "\n";
         const std::size_t begin = offset + body.size();
         std::optional<veil::category> kind;
         if (!jurisdiction) {
            kind = veil::aamva::find_element(id, p.version)->sensitivity;
         }
         body += id + plant(p, kind) + (chance(5) ? std::string(1 + below(4), ' ') : "");
         p.elements.push_back({ type, id, begin, offset + body.size(), jurisdiction });
      }
      body += chance(4) ? "\n\r" : "\r";
      return body;
   }

   // A fresh value, recorded in `p`: a lower-case letter, then lower-case letters and
   // digits, twelve in all. Ids are upper case and the header's digits have no letter, so
   // a value is found only where it was planted; being all of one length and unique, no
   // value lies inside another.
   std::string plant(planted_payload& p, std::optional<veil::category> kind)
   {
      static constexpr std::string_view letters = "abcdefghijklmnopqrstuvwxyz";
      static constexpr std::string_view letters_and_digits = "abcdefghijklmnopqrstuvwxyz0123456789";
      std::string text;
      do {
         text = letters[below(letters.size())];
         while (text.size() < 12) {
            text += letters_and_digits[below(letters_and_digits.size())];
         }
      } while (used_.contains(text));
      used_.insert(text);
      p.values.push_back({ text, kind, true });
      return text;
   }

   message_generator random_;
   std::mt19937 shuffler_;  // for std::shuffle, which cannot reach random_'s engine
   std::set<std::string> used_;
};

}  // namespace veil_test
