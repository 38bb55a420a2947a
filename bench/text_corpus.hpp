#pragma once
// Nlets legacy text responses as states send them: driver licence (DR), registration (RR)
// and driver history (KR) records of 1 to 4 KB, in the column layouts of the sample
// messages: "PFX/value" tokens two blanks apart, labelled lines ("RES ADDR:") with
// indented continuation lines, then history lines up to the message's drawn size. Under
// the default mask the residence, mailing and lien-holder addresses, ADR/, POB/ and CTZ/
// tokens, place-of-birth lines and immigration MNU numbers go.

#include "corpus.hpp"
#include "person.hpp"
#include "random.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veil_bench {

class text_response_generator
{
public:
   // Responses with keys from `keys` ("DR", "RR", "KR"), each of between `min_size` and
   // `max_size` bytes.
   text_response_generator(std::uint64_t seed, std::vector<std::string> keys, std::size_t min_size,
                           std::size_t max_size)
      : random_(seed), keys_(std::move(keys)), min_size_(min_size), max_size_(max_size)
   {}

   [[nodiscard]] generated_message next()
   {
      generated_message m;
      const person p = make_person(random_);
      const std::string& key = random_.pick(keys_);
      std::string text = header(key, p.state);
      if (key == "RR") {
         registration(p, text, m);
      }
      else if (key == "KR") {
         driver_history(p, text, m);
      }
      else {
         driver_licence(p, text, m);
      }
      const std::size_t target = random_.between(min_size_, max_size_) - 16;  // room for the last line
      while (true) {
         const std::string line = history_line();
         if (text.size() + line.size() > target) {
            break;
         }
         text += line;
      }
      text += "END OF RECORD\n";
      m.plan.add_text(text);
      return m;
   }

private:
   [[nodiscard]] std::string time_line()
   {
      return std::to_string(random_.between(10, 23)) + ":" + random_.digits(1) + random_.digits(1) + " 03/" +
             std::to_string(random_.between(10, 28)) + "/2024 " + random_.digits(5);
   }

   [[nodiscard]] std::string header(const std::string& key, const std::string& state)
   {
      return key + "." + state + "OLN0000\n" + time_line() + "\n" + time_line() + " ORTEST001\nTXT\n";
   }

   // A label and its value on a line of their own, planted as removed; an address takes
   // its city line as an indented continuation line.
   static void removed_line(std::string& text, generated_message& m, const std::string& label,
                            const std::string& value, const std::string& continuation = {})
   {
      text += label + " " + value + "\n";
      m.removed.push_back(label + " " + value);
      if (!continuation.empty()) {
         text += std::string(label.size() + 1, ' ') + continuation + "\n";
         m.removed.push_back(continuation);
      }
   }

   // "NAM/..  DOB/..  SEX/..", kept.
   static void name_line(const person& p, std::string& text, generated_message& m)
   {
      text += "NAM/" + p.name() + "          DOB/" + p.birth_date + "   SEX/" + p.sex + "  RAC/" + p.race + "\n";
      m.kept.push_back("NAM/" + p.name());
   }

   // POB/ and CTZ/ tokens, now and then on a line with a kept token.
   void birth_tokens(const person& p, std::string& text, generated_message& m)
   {
      if (random_.chance(3)) {
         text += "POB/" + p.citizenship + "  CTZ/" + p.citizenship + (random_.chance(2) ? "  SKN/MED" : "") + "\n";
         m.removed.push_back("POB/" + p.citizenship);
         m.removed.push_back("CTZ/" + p.citizenship);
      }
   }

   void driver_licence(const person& p, std::string& text, generated_message& m)
   {
      text += "DRIVER LICENSE RECORD - " + p.state + " DEPARTMENT OF LICENSING\n";
      name_line(p, text, m);
      text += "HGT/" + p.height + "  WGT/" + p.weight + "  EYE/" + p.eyes + "  HAI/" + p.hair + "\n";
      removed_line(text, m, "RES ADDR:", p.street + (p.unit.empty() ? "" : " " + p.unit), p.city_line());
      if (random_.chance(2)) {
         removed_line(text, m, "MAIL ADDR:", "PO BOX " + random_.digits(4) + ", " + p.city_line());
      }
      text += "OLN/" + p.licence + "  CLASS/C  ISS/" + date_between(random_, 2016, 2023) + "  EXP/" +
              date_between(random_, 2025, 2031) + "  STATUS: VALID\n";
      m.kept.push_back("OLN/" + p.licence);
      text += "SSN: XXX-XX-" + p.ssn.substr(5) + "\nPHONE: 555-" + random_.digits(4) + "\n";
      birth_tokens(p, text, m);
      if (random_.chance(4)) {
         removed_line(text, m, "PLACE OF BIRTH:", p.birth_place + ", " + p.citizenship);
      }
      text += "ENDORSEMENTS: NONE\nRESTRICTIONS: " +
              std::string(random_.chance(2) ? "B - CORRECTIVE LENSES" : "NONE") + "\nLICENSE HISTORY:\n";
   }

   void registration(const person& p, std::string& text, generated_message& m)
   {
      static constexpr std::array<std::string_view, 6> makes{ "TOYT", "FORD", "HOND", "CHEV", "NISS", "SUBA" };
      static constexpr std::array<std::string_view, 4> lenders{ "FIRST SAMPLE BANK", "CASCADE CREDIT UNION",
                                                                "DESERT AUTO FINANCE", "UNION TRUST" };
      text += "VEHICLE REGISTRATION - " + p.state + " DEPARTMENT OF LICENSING\n";
      const std::string plate = random_.digits(1) + random_.letters(3) + random_.digits(3);
      text += "LIC/" + plate + "  LIY/" + std::to_string(random_.between(2024, 2027)) + "  LIT/PC\n";
      text += "VIN/" + random_.digits(1) + random_.letters(4) + random_.digits(12) + "  VYR/" +
              std::to_string(random_.between(1998, 2024)) + "  VMA/" + std::string(random_.pick(makes)) + "\n";
      m.kept.push_back("LIC/" + plate);
      text += "REGISTERED OWNER: " + p.name() + "\n";
      m.kept.push_back(p.name());
      removed_line(text, m, "RES ADDR:", p.street + (p.unit.empty() ? "" : " " + p.unit), p.city_line());
      text += "LEGAL OWNER: " + std::string(random_.pick(lenders)) + "\n";
      removed_line(text, m, "ADDRESS:", random_.digits(4) + " FINANCE WAY, " + p.city_line());
      text += "TITLE NUMBER: " + random_.digits(9) + "  TITLE ISSUED: " + date_between(random_, 2015, 2023) +
              "\nREGISTRATION HISTORY:\n";
   }

   void driver_history(const person& p, std::string& text, generated_message& m)
   {
      text += "DRIVER HISTORY - " + p.state + "\n";
      name_line(p, text, m);
      removed_line(text, m, "ADDRESS:", p.street, p.city_line());
      text += "SOC/" + p.ssn + "  OLN/" + p.licence + "\n";
      m.kept.push_back("OLN/" + p.licence);
      if (random_.chance(2)) {
         const std::string previous = random_.digits(4) + " OLD MILL RD, " + p.city_line();
         text += "PRIOR ADR/" + previous + "\n";
         m.removed.push_back(previous);
      }
      if (random_.chance(3)) {
         const std::string number = "AR-" + random_.digits(9);
         text += "MNU/" + number + "  FBI/" + random_.digits(6) + "AA" + random_.digits(1) + "\n";
         m.removed.push_back(number);
      }
      birth_tokens(p, text, m);
      text += "CONVICTIONS AND WITHDRAWALS:\n";
   }

   // An indented line of the record's history; no label or dictionary token in it.
   [[nodiscard]] std::string history_line()
   {
      static constexpr std::array<std::string_view, 8> events{
         "CONVICTION  SPEEDING 15 OVER LIMIT", "SUSPENSION  FAILURE TO APPEAR", "REINSTATEMENT  FEE PAID",
         "RENEWAL  IN PERSON", "DUPLICATE ISSUED  LOST CARD", "ACCIDENT REPORTED  NO FAULT",
         "CONVICTION  FAILURE TO SIGNAL", "TITLE TRANSFER  PRIVATE SALE" };
      const std::string date = date_between(random_, 2005, 2024);
      return "  " + date.substr(4, 2) + "/" + date.substr(6, 2) + "/" + date.substr(0, 4) + "  " +
             std::string(random_.pick(events)) + "  CASE " + random_.digits(8) + "  COURT " + random_.letters(2) +
             random_.digits(6) + "J\n";
   }

   random_source random_;
   std::vector<std::string> keys_;
   std::size_t min_size_;
   std::size_t max_size_;
};

}  // namespace veil_bench
