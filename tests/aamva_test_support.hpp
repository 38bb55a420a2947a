#pragma once
// What the AAMVA suites share: a redactor built in one call, a payload redacted in memory
// or fed to redact_stream() in chunks cut at chosen offsets, payloads framed from their
// subfiles' bytes, and random payloads in the standard's strict framing that say where
// each element stands and which of their values a mask must remove.

#include "nlets_test_support.hpp"

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/aamva/element_dictionary.hpp>
#include <veil/aamva/payload.hpp>
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

// How a payload is redacted: mask, action, framing mode, and whether elements no version
// of the standard defines count as sensitive.
struct aamva_run
{
   veil::category_mask mask = veil::default_mask;
   veil::action applied = veil::action::drop;
   veil::aamva::framing_mode mode = veil::aamva::framing_mode::strict;
   bool unknown_elements_sensitive = false;
};

[[nodiscard]] inline aamva_redactor make_aamva_redactor(const aamva_run& run)
{
   veil::aamva::aamva_options options;
   options.mode = run.mode;
   options.unknown_elements_sensitive = run.unknown_elements_sensitive;
   return make_aamva_redactor(run.mask, run.applied, options);
}

[[nodiscard]] inline redaction redact_aamva(std::string_view payload, const aamva_run& run = {})
{
   return redact(make_aamva_redactor(run), payload);
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

// A subfile as generated: its type, its elements (id and value each), and whether an LF
// comes before its CR.
struct generated_subfile
{
   std::string type;
   std::vector<std::string> elements;
   bool separator_before_terminator = false;  // written only when there are elements
};

[[nodiscard]] inline std::string fixed_width(std::size_t n, std::size_t width)
{
   const std::string digits = std::to_string(n);
   return std::string(width - std::min(width, digits.size()), '0') + digits;
}

// A payload in the standard's framing: `header` ('@' through the number of entries), then
// designators computed for `subfiles`, each given as its bytes (type through CR).
[[nodiscard]] inline std::string framed(const std::string& header, const std::vector<std::string>& subfiles)
{
   std::string out = header;
   std::size_t offset = header.size() + 10 * subfiles.size();
   for (const std::string& s : subfiles) {
      out += s.substr(0, 2) + fixed_width(offset, 4) + fixed_width(s.size(), 4);
      offset += s.size();
   }
   for (const std::string& s : subfiles) {
      out += s;
   }
   return out;
}

// A payload in the standard's framing: `header` ('@' through the number of entries), one
// designator per subfile (the offset counted from the '@', the length from the subfile's
// type through its CR), then the subfiles: type, elements separated by LF, CR. Where each
// element stands goes into `spans`, if given.
[[nodiscard]] inline std::string assemble(const std::string& header, const std::vector<generated_subfile>& subfiles,
                                          std::vector<veil::aamva::element_span>* spans = nullptr)
{
   std::size_t offset = header.size() + 10 * subfiles.size();
   std::string designators;
   std::string bodies;
   for (const generated_subfile& s : subfiles) {
      std::string body = s.type;
      for (std::size_t i = 0; i < s.elements.size(); ++i) {
         body += i == 0 ? "" : "\n";
         if (spans != nullptr) {
            spans->push_back({ offset + body.size(), offset + body.size() + s.elements[i].size() });
         }
         body += s.elements[i];
      }
      body += s.separator_before_terminator && !s.elements.empty() ? "\n\r" : "\r";
      designators += s.type + fixed_width(offset, 4) + fixed_width(body.size(), 4);
      bodies += body;
      offset += body.size();
   }
   return header + designators + bodies;
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
   std::string header;  // '@' through the number of entries
   std::vector<generated_subfile> subfiles;
   std::string bytes;  // assemble(header, subfiles)
   unsigned version = 0;
   std::vector<planted_element> elements;  // in payload order
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

   // The payload assembled again with each element i (in payload order) replaced by
   // `rewrite(i, element)`, or left out where that gives nullopt.
   template <typename Rewrite>
   [[nodiscard]] std::string rewritten(Rewrite&& rewrite) const
   {
      std::vector<generated_subfile> rewritten_subfiles = subfiles;
      std::size_t i = 0;
      for (generated_subfile& s : rewritten_subfiles) {
         std::vector<std::string> kept;
         for (const std::string& element : s.elements) {
            if (std::optional<std::string> e = rewrite(i++, element)) {
               kept.push_back(std::move(*e));
            }
         }
         s.elements = std::move(kept);
      }
      return assemble(header, rewritten_subfiles);
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
      std::vector<std::string> types{ chance(2) ? "DL" : "ID" };
      if (chance(3)) {
         types.emplace_back(types.front() == "DL" ? "ID" : "DL");
      }
      if (chance(2)) {
         types.push_back(std::string("Z") + static_cast<char>('A' + below(26)));
      }
      p.header = "@\n\x1e\rANSI 6360" + fixed_width(below(100), 2) + fixed_width(p.version, 2);
      p.header += p.version >= 2 ? fixed_width(below(100), 2) : "";  // the jurisdiction version, from 02
      p.header += fixed_width(types.size(), 2);
      for (const std::string& type : types) {
         p.subfiles.push_back(subfile(type, p));
      }
      std::vector<veil::aamva::element_span> spans;
      p.bytes = assemble(p.header, p.subfiles, &spans);
      for (const generated_subfile& s : p.subfiles) {
         for (const std::string& element : s.elements) {
            const veil::aamva::element_span span = spans[p.elements.size()];
            p.elements.push_back({ s.type, element.substr(0, 3), span.begin, span.end, s.type.starts_with('Z') });
         }
      }
      return p;
   }

   [[nodiscard]] veil::category_mask mask() { return random_.mask(); }
   [[nodiscard]] std::size_t below(std::size_t n) { return random_.below(n); }
   [[nodiscard]] bool chance(std::size_t one_in) { return random_.chance(one_in); }

private:
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

   // One to four ids of the jurisdiction subfile `type`: its type and a letter. Not D, P
   // or Z: the redactor reads a jurisdiction element's id as possibly its subfile's type
   // and the start of another id ("ZV" "DAG..."), and the value after it (see plant())
   // would then hold an id.
   [[nodiscard]] std::vector<std::string> jurisdiction_ids(const std::string& type)
   {
      static constexpr std::string_view letters = "ABCEFGHIJKLMNOQRSTUVWXY";
      std::vector<std::string> ids(1 + below(4));
      for (std::string& id : ids) {
         id = type + letters[below(letters.size())];
      }
      return ids;
   }

   // The subfile `type`; its elements' values go into `p`.
   [[nodiscard]] generated_subfile subfile(const std::string& type, planted_payload& p)
   {
      const bool jurisdiction = type.starts_with('Z');
      generated_subfile s{ type, {}, chance(4) };
      for (const std::string& id : jurisdiction ? jurisdiction_ids(type) : standard_ids(p.version)) {
         std::optional<veil::category> kind;
         if (!jurisdiction) {
            kind = veil::aamva::find_element(id, p.version)->sensitivity;
         }
         std::string element = id + plant(p, kind);
         element += chance(5) ? std::string(1 + below(4), ' ') : "";  // padding, as some jurisdictions write
         s.elements.push_back(std::move(element));
      }
      return s;
   }

   // A fresh value, recorded in `p`: a lower-case letter, then lower-case letters and
   // digits, twelve in all. Ids are upper case and the header's digits have no letter, so
   // a value is found only where it was planted; being all of one length and unique, no
   // value lies inside another. No letter is d, p or z, the letters ids start with, so no
   // value holds an id in either case (the redactor removes an element whose value holds
   // a masked one).
   std::string plant(planted_payload& p, std::optional<veil::category> kind)
   {
      static constexpr std::string_view letters = "abcefghijklmnoqrstuvwxy";
      static constexpr std::string_view letters_and_digits = "abcefghijklmnoqrstuvwxy0123456789";
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
