#pragma once
// Nlets text messages in the variants states print and attackers write, with a unique
// marker planted in every value a reader sees as an address, ssn, immigration or contact
// value (and in values of no category, which no mask needs to remove). The spellings,
// layouts and indentation are written here by hand, not taken from veil's label tables,
// grammar or line rules, so that a message veil's rules do not expect still gets made:
//   - labels in the spellings of many states: abbreviations, dotted letters, a number
//     after the word, any case, blanks or tabs inside and before the colon, unseen
//     control characters inside words;
//   - several labels on a line, in columns separated by blanks or tabs, mixing
//     categories, after a lead or after tokens;
//   - address continuation lines indented under the address's column with any mix of
//     tabs and spaces, also when the address is not the first label of its line;
//   - labels with their value on the next line(s);
//   - "PFX/value" tokens, some with unseen bytes inside the prefix;
//   - ER echoes, input-form and delivered headers, CR LF and LF, trailing blanks;
//   - queries whose kept remarks (MIS/) hold labels, on one line or broken over two.

#include "nlets_reader_view.hpp"

#include <veil/category.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test {

// A value planted in a generated message, and what a reader reads it as.
struct reader_marker
{
   std::string text;                    // letters and digits, unique in the message
   std::optional<veil::category> kind;  // nullopt: a value of no category
   std::string label;                   // the label's words as written (reader_view::words_of)
   std::string prefix;                  // or the "PFX" of the token it is the value of
};

struct variant_message
{
   std::string bytes;
   std::vector<reader_marker> markers;
   bool query = false;  // a field list: each field's value is read as a line of its own
};

class nlets_variant_generator
{
public:
   explicit nlets_variant_generator(std::uint32_t seed) : random_(seed) {}

   [[nodiscard]] variant_message response()
   {
      eol_ = chance(3) ? "\r\n" : "\n";
      const std::string head = header();
      variant_message m = body(head.starts_with("ER."));
      m.bytes.insert(0, head);
      return m;
   }

   // A free-text body alone, with the lines an ER echoes if `error` (whose echoed header
   // names a destination of its own).
   [[nodiscard]] variant_message body(bool error)
   {
      variant_message m;
      used_.clear();
      if (error) {
         m.bytes += ".22. INVALID MESSAGE FORMAT - SYNTHETIC" + eol_ + "ORIGINAL MESSAGE" + eol_;
         m.bytes += "IAQ.ORTEST001.AX.TXT" + eol_ + echo_line(m) + eol_;
      }
      for (std::size_t items = 2 + below(5); items > 0; --items) {
         switch (below(5)) {
            case 0: m.bytes += token_line(m); break;
            case 1: m.bytes += "REMARK " + plant(m, std::nullopt, "", "") + trailing_blanks() + eol_; break;
            default: m.bytes += labelled_lines(m); break;
         }
      }
      if (chance(4)) {
         m.bytes.resize(m.bytes.size() - eol_.size());  // the last line need not end
      }
      return m;
   }

   // A query whose kept remark (MIS/) holds labels and their values.
   [[nodiscard]] variant_message query()
   {
      variant_message m;
      m.query = true;
      used_.clear();
      m.bytes = pick(std::array<std::string_view, 3>{ "DQ", "KQ", "RQ" }) + ".ORTEST001.WA.TXT" +
                pick(std::array<std::string_view, 3>{ "\n", "\r\n", "\r\n\x7f" });
      m.bytes += "NAM/DOE,JO.DOB/19800101.MIS/";
      m.bytes += chance(2) ? "SEE " : "";
      for (std::size_t labels = 1 + below(3); labels > 0; --labels) {
         const category_choice c = category();
         std::string_view base = pick_spelling(c);
         while (base.find('.') != std::string_view::npos) {
            base = pick_spelling(c);  // a '.' would end the field
         }
         m.bytes += spell(base, false) + ":";
         if (c.kind && chance(5)) {
            m.bytes += "\r\n";  // the value on the next line of the remark
         }
         else {
            m.bytes += " ";
         }
         m.bytes += plant(m, c.kind, words_of_last_label(), "") + (labels > 1 ? gap() : "");
      }
      m.bytes += chance(2) ? ".SEX/F" : "";
      return m;
   }

   [[nodiscard]] std::size_t below(std::size_t n)
   {
      return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
   }
   [[nodiscard]] bool chance(std::size_t one_in) { return below(one_in) == 0; }

private:
   struct category_choice
   {
      std::optional<veil::category> kind;
      std::size_t list;  // index into spellings
   };

   // How states spell labels of each kind (the last list: labels of no category).
   static constexpr std::array<std::string_view, 28> address_spellings{
      "RES ADDR",        "RESIDENCE ADDRESS", "RESIDENTIAL ADDR", "HOME ADDRESS",     "ADDRESS",
      "ADDR",            "ADDRESS 1",         "ADDRESS-2",        "ADDR2",            "STREET ADDRESS",
      "MAILING ADDR",    "MAIL ADDR",         "MAILING ADDRESS",  "EMPLOYER ADDRESS", "WORK ADDR",
      "LKA",             "LAST KNOWN ADDRESS", "L.K.A.",          "CURRENT ADDRESS",  "PREVIOUS ADDRESS",
      "PHYSICAL ADDR",   "DOMICILE",          "RESIDENCE",        "CITY",             "ZIP CODE",
      "ADDRESS LINE 2",  "P.O. BOX",          "ADDRESS OF RECORD",
   };
   static constexpr std::array<std::string_view, 10> ssn_spellings{
      "SSN", "S.S.N.", "SOC SEC #", "SOC SEC NO", "SOCIAL SECURITY NUMBER", "SOCIAL SECURITY NO", "SS#", "SSAN",
      "TAX ID", "ITIN",
   };
   static constexpr std::array<std::string_view, 26> immigration_spellings{
      "POB",          "P.O.B.",        "PLACE OF BIRTH", "BIRTHPLACE",  "BIRTH PLACE",   "COUNTRY OF BIRTH",
      "CTZ",          "CITIZENSHIP",   "CITIZEN",        "COUNTRY OF CITIZENSHIP",        "NATIONALITY",
      "ALIEN #",      "ALIEN NO",      "ALIEN NUMBER",   "A-NUMBER",    "A#",            "A NO",
      "ALIEN REG NO", "PASSPORT #",    "PASSPORT NO",    "VISA NO",     "I-94 NO",       "ADMISSION NO",
      "IMMIGRATION STATUS",            "LEGAL PRESENCE", "USCIS #",
   };
   static constexpr std::array<std::string_view, 12> contact_spellings{
      "PHONE", "PHONE #", "PHONE NO", "TEL", "TELEPHONE", "HOME PHONE", "CELL", "CELL PHONE", "E-MAIL", "EMAIL",
      "EMAIL ADDRESS", "FAX",
   };
   static constexpr std::array<std::string_view, 11> plain_spellings{
      "DOB", "SEX", "HGT", "WGT", "EYES", "NAME", "LIC CLASS", "STATUS", "EXP DATE", "DATE OF BIRTH", "REMARKS",
   };

   // Tokens a reader of Nlets text knows, by kind.
   struct token_kind
   {
      std::string_view prefix;
      veil::category kind;
   };
   static constexpr std::array<token_kind, 8> tokens{ {
      { "POB", veil::category::immigration },
      { "CTZ", veil::category::immigration },
      { "ARN", veil::category::immigration },
      { "SOC", veil::category::ssn },
      { "PHN", veil::category::contact },
      { "ADR", veil::category::address },
      { "LKA", veil::category::address },
      { "SSN", veil::category::ssn },
   } };

   [[nodiscard]] category_choice category()
   {
      switch (below(5)) {
         case 0: return { veil::category::address, 0 };
         case 1: return { veil::category::ssn, 1 };
         case 2: return { veil::category::immigration, 2 };
         case 3: return { veil::category::contact, 3 };
         default: return { std::nullopt, 4 };
      }
   }

   [[nodiscard]] std::string_view pick_spelling(const category_choice& c)
   {
      switch (c.list) {
         case 0: return address_spellings[below(address_spellings.size())];
         case 1: return ssn_spellings[below(ssn_spellings.size())];
         case 2: return immigration_spellings[below(immigration_spellings.size())];
         case 3: return contact_spellings[below(contact_spellings.size())];
         default: return plain_spellings[below(plain_spellings.size())];
      }
   }

   template <typename Choices>
   [[nodiscard]] std::string pick(const Choices& choices)
   {
      return std::string(choices[below(choices.size())]);
   }

   [[nodiscard]] std::string header()
   {
      if (chance(4)) {  // a response sent into Nlets: the input form
         return pick(std::array<std::string_view, 3>{ "DR", "KR", "RR" }) + ".WAOLN0000.ORTEST001.TXT" + eol_;
      }
      const std::string key =
         pick(std::array<std::string_view, 9>{ "DR", "DNR", "KR", "RR", "IR", "FR", "IAR", "LR", "ER" });
      return key + "." + (key == "ER" ? "NL0000000" : "WAOLN0000") + eol_ + "10:15 03/14/2024 00412" + eol_ +
             "10:15 03/14/2024 01877 ORTEST001" + eol_ + "TXT" + eol_;
   }

   // A fresh marker of `kind`, recorded in `m` with the label or token it is read under.
   std::string plant(variant_message& m, std::optional<veil::category> kind, std::string label, std::string prefix)
   {
      static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
      std::string text;
      do {
         text = "QZ";
         for (int i = 0; i < 8; ++i) {
            text += alphabet[below(alphabet.size())];
         }
      } while (used_.contains(text));
      used_.insert(text);
      m.markers.push_back({ text, kind, std::move(label), std::move(prefix) });
      if (chance(12)) {
         text.insert(2 + below(6), 1, unseen());  // a reader does not see it; the marker still shows
      }
      return text;
   }

   [[nodiscard]] char unseen()
   {
      static constexpr std::string_view bytes = "\x7f\x01\x1f";
      return bytes[below(bytes.size())];
   }

   // `base` as a state might print it: each word in its own case, any separator between
   // words, sometimes an unseen byte inside a word or a '.' after the last.
   [[nodiscard]] std::string spell(std::string_view base, bool dots_allowed)
   {
      std::string out;
      std::size_t word_start = 0;
      while (word_start <= base.size()) {
         const std::size_t end = std::min(base.find(' ', word_start), base.size());
         std::string word(base.substr(word_start, end - word_start));
         switch (below(5)) {
            case 0:
               for (char& c : word) {
                  c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
               }
               break;
            case 1:
               for (std::size_t k = 1; k < word.size(); ++k) {
                  word[k] = static_cast<char>(word[k] >= 'A' && word[k] <= 'Z' ? word[k] - 'A' + 'a' : word[k]);
               }
               break;
            default: break;
         }
         if (word.size() > 2 && chance(15)) {
            word.insert(1 + below(word.size() - 1), 1, unseen());
         }
         out += word;
         word_start = end + 1;
         if (end < base.size()) {
            out += dots_allowed ? pick(std::array<std::string_view, 6>{ " ", " ", "  ", "\t", ". ", "-" })
                                : pick(std::array<std::string_view, 4>{ " ", " ", "  ", "-" });
         }
      }
      if (dots_allowed && chance(8) && !out.ends_with('.')) {
         out += '.';
      }
      out += pick(std::array<std::string_view, 6>{ "", "", "", " ", "  ", "\t" });
      last_label_ = std::string(base);
      return out;
   }

   [[nodiscard]] std::string words_of_last_label() const { return reader_view::words_of(last_label_); }

   [[nodiscard]] std::string gap()
   {
      return pick(std::array<std::string_view, 6>{ "  ", "   ", "      ", "\t", "\t\t", " \t" });
   }

   [[nodiscard]] std::string trailing_blanks()
   {
      return chance(5) ? pick(std::array<std::string_view, 3>{ " ", "   ", "\t" }) : "";
   }

   // Blanks, tabs and an unseen byte or two, as wide as `columns` on a screen.
   [[nodiscard]] std::string indentation(std::size_t columns)
   {
      std::string out;
      std::size_t at = 0;
      while (at < columns) {
         const std::size_t next_stop = (at / reader_view::tab_stop + 1) * reader_view::tab_stop;
         if (next_stop <= columns && chance(2)) {
            out += '\t';
            at = next_stop;
         }
         else {
            out += ' ';
            ++at;
         }
         if (chance(25)) {
            out += unseen();
         }
      }
      return out;
   }

   // One to four tokens in columns, some with an unseen byte inside the prefix.
   std::string token_line(variant_message& m)
   {
      std::string line = chance(3) ? "NAM/DOE,JO" + gap() : "";
      for (std::size_t n = 1 + below(3); n > 0; --n) {
         const token_kind& t = tokens[below(tokens.size())];
         std::string prefix(t.prefix);
         if (chance(8)) {
            prefix.insert(1 + below(2), 1, unseen());
         }
         line += prefix + "/" + plant(m, t.kind, "", std::string(t.prefix));
         line += n > 1 ? gap() : trailing_blanks();
      }
      return line + eol_;
   }

   // An ER's echo of the query it refuses: fields with '.', a remark holding a label.
   std::string echo_line(variant_message& m)
   {
      std::string line = "PUR/C.ATN/DET SAMPLE.NAM/DOE,JO";
      if (chance(2)) {
         const token_kind& t = tokens[below(tokens.size())];
         line += "." + std::string(t.prefix) + "/" + plant(m, t.kind, "", std::string(t.prefix));
      }
      else {
         const category_choice c = category();
         std::string_view base = pick_spelling(c);
         while (base.find('.') != std::string_view::npos) {
            base = pick_spelling(c);
         }
         line += ".MIS/SEE " + spell(base, false) + ": ";
         line += plant(m, c.kind, words_of_last_label(), "");
      }
      return line;
   }

   // A line of one to three labels in columns, and what a reader reads as going on below
   // it: continuation lines under an address's column, or the value of a label that
   // ended the line.
   std::string labelled_lines(variant_message& m)
   {
      const std::size_t indent = chance(3) ? below(12) : 0;
      std::string line = indentation(indent);
      std::size_t column = indent;  // on the screen, where the line's next byte shows
      const auto put = [&](const std::string& text) {
         line += text;
         column = reader_view::visible(line).size();
      };
      switch (below(4)) {
         case 0: put("SUBJECT "); break;
         case 1: put("NAM/DOE,JO" + gap()); break;
         default: break;
      }
      struct placed
      {
         category_choice c;
         std::string words;
         std::size_t column;
      };
      std::vector<placed> labels;
      const std::size_t count = 1 + below(3);
      bool value_below = false;
      for (std::size_t i = 0; i < count; ++i) {
         const category_choice c = category();
         put(spell(pick_spelling(c), true) + ":");
         // Where a reader sees the label start: a tab or a wide gap inside its words
         // makes the reader take only the words after it for the label.
         labels.push_back({ c, words_of_last_label(), reader_view::labels_of(reader_view::visible(line)).back().column });
         if (i + 1 == count && c.kind && chance(4)) {
            value_below = true;  // nothing after the colon: the value is on the lines below
            put(trailing_blanks());
            break;
         }
         put(pick(std::array<std::string_view, 4>{ " ", " ", "  ", "\t" }));
         if (chance(4)) {
            put("1 MAIN ST ");
         }
         put(plant(m, c.kind, labels.back().words, ""));
         put(i + 1 < count ? gap() : trailing_blanks());
      }
      std::string out = line + eol_;
      if (value_below) {
         const placed& last = labels.back();
         const bool block = last.c.kind == veil::category::address;
         for (std::size_t n = block ? 1 + below(3) : 1; n > 0; --n) {
            out += indentation(indent) + plant(m, last.c.kind, last.words, "") + trailing_blanks() + eol_;
         }
         // What ends the value: a blank line, a labelled line or a token line.
         switch (below(3)) {
            case 0: out += eol_; break;
            case 1: out += "SEX: M" + eol_; break;
            default: out += "NAM/DOE,JO" + eol_; break;
         }
         return out;
      }
      // Continuation lines under each address column, indented into it.
      for (std::size_t i = 0; i < labels.size(); ++i) {
         if (labels[i].c.kind != veil::category::address || !chance(2)) {
            continue;
         }
         const std::size_t from = std::max(i == 0 ? indent + 1 : labels[i].column, indent + 1);
         const std::size_t to = i + 1 < labels.size() ? labels[i + 1].column : labels[i].column + 30;
         for (std::size_t n = 1 + below(2); n > 0 && from < to; --n) {
            out += indentation(from + below(to - from)) + plant(m, labels[i].c.kind, labels[i].words, "") +
                   trailing_blanks() + eol_;
         }
         break;  // the lines below the line belong to one column
      }
      return out;
   }

   std::mt19937 random_;
   std::set<std::string> used_;
   std::string eol_ = "\n";
   std::string last_label_;
};

}  // namespace veil_test
