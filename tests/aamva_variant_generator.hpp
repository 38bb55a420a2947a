#pragma once
// AAMVA payloads as scanners and attackers write them, for the reader's-view tests: a
// card's elements, each value a unique marker, written by a writer of the tests' own in
// the standard's framing or with one kind of damage done to it (damage below). Nothing
// here uses veil's reader, writer or dictionary: the ids and their categories are the
// consumers' (aamva_consumer_readers.hpp), so a payload is built as its writer meant it,
// not as veil's rules would read it.

#include "aamva_consumer_readers.hpp"

#include <veil/category.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test::aamva_variants {

// A value a writer put in a payload, and what it meant: an element of `intent`'s category,
// or a jurisdiction's element, or neither.
struct marker
{
   std::string text;
   std::optional<veil::category> intent;
   bool jurisdiction = false;
};

// An element as its writer meant it: its bytes, id and value (a continuation line has no
// id of its own).
struct card_element
{
   std::string text;
};

struct card_subfile
{
   std::string type;
   std::vector<card_element> elements;
};

struct card
{
   unsigned version = 10;
   std::vector<card_subfile> subfiles;
   std::vector<marker> markers;
};

// What was done to a payload: damage scanners do, which leaves the card's elements as
// they were (mended, they are the card in the standard's layout); damage that leaves a
// payload the standard's framing reads, if not as its writer meant; a jurisdiction's
// element in a standard subfile; and damage after which consumers read elements that are
// not in the standard's framing at all.
enum class damage : std::uint8_t {
   none,
   // scanners' damage
   crlf_separators,
   cr_separators,
   lf_terminators,
   crlf_terminators,
   wrong_offsets,
   wrong_lengths,
   byte_order_mark,
   aamva_file_type,
   fs_for_rs,
   leading_line_break,
   type_lost,
   trailing_padding,
   cr_in_value,
   // framed as the standard frames
   glued_elements,
   fixed_width,
   duplicated_element,
   standard_element_in_jurisdiction_subfile,
   jurisdiction_subfile_opens_with_standard_element,
   masked_id_in_value,
   lf_in_value,
   // a jurisdiction's element where the standard's stand
   jurisdiction_element_in_standard_subfile,
   // not the standard's framing
   control_separator,
   control_in_value,
   lower_case_id,
   blank_in_id,
   leading_blanks,
   continuation_line,
   other_jurisdiction_element,
};

inline constexpr damage last_damage = damage::other_jurisdiction_element;

// Damage that leaves the card's elements as its writer meant them.
[[nodiscard]] constexpr bool repairable(damage d) noexcept
{
   return d >= damage::crlf_separators && d <= damage::cr_in_value;
}

[[nodiscard]] constexpr bool framed_as_the_standard_frames(damage d) noexcept
{
   return d == damage::none || (d >= damage::glued_elements && d <= damage::lf_in_value);
}

[[nodiscard]] constexpr bool outside_the_standard(damage d) noexcept { return d >= damage::control_separator; }

// Separators a reader takes for line breaks, or that hide one element in another's value:
// control bytes, Latin-1 and UTF-8 next line, UTF-8 line and paragraph separators.
inline constexpr std::array<std::string_view, 14> foreign_separators{
   "\x1e", "\x1d", "\x1c", std::string_view("\0", 1), "\x0b", "\x0c", "\t", "\x7f", "\x85", "\xC2\x85",
   "\xE2\x80\xA8", "\xE2\x80\xA9", "\x1f", "\x01",
};

// How a card is written.
struct layout
{
   std::string before_at;
   std::string header_separators = "\n\x1e\r";
   std::string file_type = "ANSI ";
   std::vector<bool> type_written;                    // per subfile
   std::vector<std::vector<std::string>> separators;  // per subfile, before each element but the first
   std::vector<std::string> terminators;              // per subfile
   std::size_t value_width = 0;                       // values padded with spaces to it (fixed width)
   bool zero_offsets = false;
   std::size_t offset_shift = 0;
   std::size_t length_shift = 0;
   std::string padding;  // after the last subfile
};

[[nodiscard]] inline std::string digits(std::size_t n, std::size_t width)
{
   std::string text = std::to_string(n);
   return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

// The standard's layout for `c`: '@' LF RS CR "ANSI ", types written, LF between
// elements, CR after each subfile.
[[nodiscard]] inline layout standard_layout(const card& c)
{
   layout l;
   for (const card_subfile& s : c.subfiles) {
      l.type_written.push_back(true);
      l.separators.emplace_back(s.elements.size(), "\n");
      l.terminators.emplace_back("\r");
   }
   return l;
}

// `c` written as `l` says: header, one designator per subfile (offset from '@', length
// from type through terminator, both as the bodies written, then shifted as `l` says),
// the subfiles.
[[nodiscard]] inline std::string write(const card& c, const layout& l)
{
   std::vector<std::string> bodies;
   for (std::size_t s = 0; s < c.subfiles.size(); ++s) {
      const card_subfile& sub = c.subfiles[s];
      std::string body = l.type_written[s] ? sub.type : "";
      for (std::size_t e = 0; e < sub.elements.size(); ++e) {
         body += e == 0 ? "" : l.separators[s][e];
         std::string text = sub.elements[e].text;
         if (l.value_width > 0 && text.size() < 3 + l.value_width) {
            text.resize(3 + l.value_width, ' ');
         }
         body += text;
      }
      body += l.terminators[s];
      bodies.push_back(std::move(body));
   }
   std::string header = "@" + l.header_separators + l.file_type + "636000" + digits(c.version, 2);
   header += c.version >= 2 ? "00" : "";
   header += digits(c.subfiles.size(), 2);
   std::string designators;
   std::size_t offset = 1 + 3 + 5 + 6 + 2 + (c.version >= 2 ? 2 : 0) + 2 + 10 * c.subfiles.size();
   for (std::size_t s = 0; s < c.subfiles.size(); ++s) {
      designators += c.subfiles[s].type + digits(l.zero_offsets ? 0 : offset + l.offset_shift, 4) +
                     digits(bodies[s].size() + l.length_shift, 4);
      offset += bodies[s].size();
   }
   std::string out = l.before_at + header + designators;
   for (const std::string& body : bodies) {
      out += body;
   }
   return out + l.padding;
}

// The ids of the standard the tests' cards hold besides the categorised ones: names,
// dates, description, document; none of a masked category.
inline constexpr std::array<std::string_view, 22> kept_ids{
   "DAQ", "DCS", "DAC", "DAD", "DBB", "DBA", "DBD", "DBC", "DAU", "DAY", "DAZ",
   "DCF", "DCG", "DCK", "DDE", "DDF", "DDG", "DDB", "DCA", "DCB", "DCD", "DCU",
};

// A payload and what went into it.
struct variant
{
   std::vector<damage> done;
   card written;        // as its writer meant it
   std::string bytes;   // as it was written, damaged
   std::string repaired;  // repairable(done): the card in the standard's layout
};

class variant_generator
{
public:
   explicit variant_generator(std::uint32_t seed) : random_(seed) {}

   [[nodiscard]] std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }
   [[nodiscard]] bool chance(std::size_t one_in) { return below(one_in) == 0; }

   // A card: a DL or ID subfile, sometimes the other kind after it, sometimes a
   // jurisdiction subfile last; two to eight standard elements each, at least one of them
   // of a masked category, one to three jurisdiction elements.
   [[nodiscard]] card make_card()
   {
      card c;
      c.version = static_cast<unsigned>(1 + below(11));
      c.subfiles.push_back({ chance(2) ? "DL" : "ID", {} });
      if (chance(4)) {
         c.subfiles.push_back({ c.subfiles.front().type == "DL" ? "ID" : "DL", {} });
      }
      if (chance(2)) {
         c.subfiles.push_back({ std::string("Z") + static_cast<char>('A' + below(26)), {} });
      }
      for (card_subfile& s : c.subfiles) {
         if (s.type.starts_with('Z')) {
            for (std::size_t n = 1 + below(3); n > 0; --n) {
               s.elements.push_back({ jurisdiction_element(c, s.type) });
            }
            continue;
         }
         s.elements.push_back({ categorised_element(c) });
         for (std::size_t n = 1 + below(7); n > 0; --n) {
            s.elements.push_back({ chance(3) ? categorised_element(c) : kept_element(c) });
         }
         std::shuffle(s.elements.begin(), s.elements.end(), random_);
      }
      return c;
   }

   // `c` with each damage of `done` done to it (where `c` lacks what one takes, a
   // jurisdiction subfile say, it is given one), written; `repaired` when all of it is
   // repairable.
   [[nodiscard]] variant damaged(card c, const std::vector<damage>& done)
   {
      variant v;
      v.done = done;
      layout l = standard_layout(c);
      for (const damage d : done) {
         apply(c, l, d);
      }
      v.bytes = write(c, l);
      if (std::all_of(done.begin(), done.end(), repairable)) {
         v.repaired = write(c, standard_layout(c));
      }
      v.written = std::move(c);
      return v;
   }

   // Any damage but a blank in an id, which, once another damage puts the id inside a
   // value (elements written one after another), is only text to every reader.
   [[nodiscard]] damage any_damage()
   {
      damage d = damage::blank_in_id;
      while (d == damage::blank_in_id) {
         d = static_cast<damage>(below(static_cast<std::size_t>(last_damage) + 1));
      }
      return d;
   }

private:
   // A fresh marker: Q, X, W and digits, so that no three bytes of it, or of it and what
   // stands around it, make an element id (ids start with D, P or Z).
   std::string new_marker(card& c, std::optional<veil::category> intent, bool jurisdiction)
   {
      std::string text = "QX" + digits(next_marker_++, 6) + "W";
      c.markers.push_back({ text, intent, jurisdiction });
      return text;
   }

   std::string categorised_element(card& c)
   {
      const aamva_consumers::categorised_id& id =
         aamva_consumers::categorised_ids[below(aamva_consumers::categorised_ids.size())];
      return std::string(id.id) + new_marker(c, id.kind, false);
   }

   std::string kept_element(card& c)
   {
      return std::string(kept_ids[below(kept_ids.size())]) + new_marker(c, std::nullopt, false);
   }

   std::string jurisdiction_element(card& c, const std::string& type)
   {
      return type + static_cast<char>('A' + below(26)) + new_marker(c, std::nullopt, true);
   }

   [[nodiscard]] std::size_t subfile_with_jurisdiction(const card& c) const
   {
      for (std::size_t s = 0; s < c.subfiles.size(); ++s) {
         if (c.subfiles[s].type.starts_with('Z')) {
            return s;
         }
      }
      return c.subfiles.size();
   }

   // A standard subfile and one of its elements after the first (every standard subfile
   // has two or more).
   std::pair<std::size_t, std::size_t> some_later_standard_element(const card& c)
   {
      const std::size_t s = below(c.subfiles.size() - (subfile_with_jurisdiction(c) < c.subfiles.size() ? 1 : 0));
      return { s, 1 + below(c.subfiles[s].elements.size() - 1) };
   }

   template <typename Container>
   [[nodiscard]] std::string pick(const Container& choices)
   {
      return std::string(choices[below(choices.size())]);
   }

   // Puts `text` in subfile `s` of `c` as element `at`, written after an LF.
   static void insert(card& c, layout& l, std::size_t s, std::size_t at, std::string text)
   {
      c.subfiles[s].elements.insert(c.subfiles[s].elements.begin() + static_cast<std::ptrdiff_t>(at), { std::move(text) });
      l.separators[s].insert(l.separators[s].begin() + static_cast<std::ptrdiff_t>(at), "\n");
   }

   // The card's jurisdiction subfile, added ("ZQ", one element) if it has none.
   std::size_t jurisdiction_subfile(card& c, layout& l)
   {
      if (subfile_with_jurisdiction(c) == c.subfiles.size()) {
         c.subfiles.push_back({ "ZQ", { { jurisdiction_element(c, "ZQ") } } });
         l.type_written.push_back(true);
         l.separators.emplace_back(1, "\n");
         l.terminators.emplace_back("\r");
      }
      return subfile_with_jurisdiction(c);
   }

   void apply(card& c, layout& l, damage d)
   {
      const std::size_t z = subfile_with_jurisdiction(c);
      const auto [s, e] = some_later_standard_element(c);
      const auto every = [](std::vector<std::string>& texts, const std::string& text) {
         std::fill(texts.begin(), texts.end(), text);
      };
      switch (d) {
         case damage::none: return;
         case damage::crlf_separators:
         case damage::cr_separators:
            for (std::vector<std::string>& separators : l.separators) {
               every(separators, d == damage::cr_separators ? "\r" : "\r\n");
            }
            return;
         case damage::lf_terminators: every(l.terminators, "\n"); return;
         case damage::crlf_terminators: every(l.terminators, "\r\n"); return;
         case damage::wrong_offsets:
            l.zero_offsets = chance(2);
            l.offset_shift = l.zero_offsets ? 0 : 1 + below(3);
            return;
         case damage::wrong_lengths: l.length_shift = 1 + below(3); return;
         case damage::byte_order_mark: l.before_at = "\xEF\xBB\xBF"; return;
         case damage::aamva_file_type: l.file_type = "AAMVA"; return;
         case damage::fs_for_rs:
            l.header_separators = pick(std::array<std::string_view, 3>{ "\n\x1c\r", "\n\r", "\r\n" });
            return;
         case damage::leading_line_break: l.before_at = pick(std::array<std::string_view, 3>{ "\n", "\r\n", "  \n" }); return;
         case damage::type_lost: l.type_written[z < c.subfiles.size() && chance(2) ? z : 0] = false; return;
         case damage::trailing_padding:
            l.padding = pick(std::array<std::string_view, 5>{ "   ", "\r\n", "\n", std::string_view("\0\0\0", 3), " \r\n " });
            return;
         case damage::cr_in_value:
            // A CR where an LF should be, between an element and one put after it.
            insert(c, l, s, e + 1, categorised_element(c));
            l.separators[s][e + 1] = "\r";
            return;
         case damage::lf_in_value:
         case damage::control_in_value:
         case damage::masked_id_in_value: {
            // The value of an element holds another element: after a line break, a
            // foreign separator, or nothing.
            const std::string separator = d == damage::lf_in_value        ? "\n"
                                          : d == damage::control_in_value ? pick(foreign_separators)
                                                                          : "";
            c.subfiles[s].elements[e].text += separator + categorised_element(c);
            return;
         }
         case damage::glued_elements:
            for (std::string& separator : l.separators[s]) {
               separator = chance(3) ? "\n" : "";
            }
            l.separators[s][e] = "";
            return;
         case damage::fixed_width:
            l.value_width = 12 + below(10);
            every(l.separators[s], "");
            return;
         case damage::control_separator: l.separators[s][e] = pick(foreign_separators); return;
         case damage::duplicated_element: {
            const std::string id = c.subfiles[s].elements[e].text.substr(0, 3);
            insert(c, l, s, e, id + new_marker(c, aamva_consumers::category_of(id), false));
            return;
         }
         case damage::standard_element_in_jurisdiction_subfile:
         case damage::jurisdiction_subfile_opens_with_standard_element:
         case damage::other_jurisdiction_element: {
            const std::size_t j = jurisdiction_subfile(c, l);
            const std::string& type = c.subfiles[j].type;
            std::string element = d == damage::other_jurisdiction_element
                                     ? jurisdiction_element(c, type == "ZW" ? "ZX" : "ZW")
                                     : (chance(2) ? categorised_element(c) : kept_element(c));
            const bool first = d == damage::jurisdiction_subfile_opens_with_standard_element;
            insert(c, l, j, first ? 0 : 1 + below(c.subfiles[j].elements.size()), std::move(element));
            return;
         }
         case damage::jurisdiction_element_in_standard_subfile: {
            // One of the card's own jurisdiction's: a reader knows a jurisdiction's ids by
            // its subfile.
            const std::string type = c.subfiles[jurisdiction_subfile(c, l)].type;
            insert(c, l, s, e, jurisdiction_element(c, type));
            return;
         }
         case damage::lower_case_id:
         case damage::blank_in_id:
         case damage::leading_blanks: {
            std::string& text = c.subfiles[s].elements[e].text;
            if (d == damage::lower_case_id) {
               std::transform(text.begin(), text.begin() + 3, text.begin(),
                              [](char ch) { return static_cast<char>(ch - 'A' + 'a'); });
            }
            else {
               text.insert(d == damage::blank_in_id ? 1 + below(2) : 0, std::string(1 + below(3), ' '));
            }
            return;
         }
         case damage::continuation_line: {
            // An address line broken over two: the second holds no id of its own.
            const std::string continued =
               pick(std::array<std::string_view, 4>{ "123 MAIN ", "APT 5 ", "  ANYTOWN ", "#4 " });
            insert(c, l, s, e, "DAG" + new_marker(c, veil::category::address, false));
            insert(c, l, s, e + 1, continued + new_marker(c, veil::category::address, false));
            return;
         }
      }
   }

   std::mt19937 random_;
   std::size_t next_marker_ = 0;
};

}  // namespace veil_test::aamva_variants
