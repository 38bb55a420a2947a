#pragma once
// AAMVA DL/ID barcode payloads as licences of versions 08 to 10 carry them: a DL subfile
// with the usual elements (name, dates, physical description, address, document data,
// the REAL ID compliance type, sometimes the place of birth and a limited-duration flag)
// and a jurisdiction subfile, in the standard's strict framing. Under the default mask
// the address elements, the place of birth and the lawful-presence indicators go.

#include "corpus.hpp"
#include "person.hpp"
#include "random.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace veil_bench {

class aamva_payload_generator
{
public:
   explicit aamva_payload_generator(std::uint64_t seed) : random_(seed) {}

   [[nodiscard]] generated_message next()
   {
      generated_message m;
      const person p = make_person(random_);
      const std::size_t v = random_.between(8, 10);
      const std::string version = (v < 10 ? "0" : "") + std::to_string(v);
      std::vector<std::string> dl{ "DAQ" + p.licence, "DCS" + p.last, "DDEN", "DAC" + p.first, "DDFN",
                                   "DAD" + p.middle, "DDGN", "DCAC", "DCBNONE", "DCDNONE",
                                   "DBD" + us_date(date_between(random_, 2016, 2023)), "DBB" + us_date(p.birth_date),
                                   "DBA" + us_date(date_between(random_, 2025, 2031)), "DBC" + std::string(p.sex == "M" ? "1" : "2"),
                                   "DAU0" + p.height.substr(0, 1) + std::to_string(random_.between(0, 11)) + " in",
                                   "DAY" + p.eyes, "DAG" + p.street };
      m.kept.push_back("DAQ" + p.licence);
      m.kept.push_back("DCS" + p.last);
      m.removed.push_back("DAG" + p.street);
      if (!p.unit.empty()) {
         dl.push_back("DAH" + p.unit);
         m.removed.push_back("DAH" + p.unit);
      }
      dl.insert(dl.end(), { "DAI" + p.city, "DAJ" + p.state, "DAK" + p.zip + "0000  ",
                            "DCF" + random_.digits(10) + random_.letters(4) + random_.digits(6), "DCGUSA" });
      m.removed.push_back("DAI" + p.city);
      if (random_.chance(2)) {
         dl.push_back("DCI" + p.birth_place);
         m.removed.push_back("DCI" + p.birth_place);
      }
      const std::string compliance = random_.chance(3) ? "N" : "F";
      dl.push_back("DDA" + compliance);
      m.removed.push_back("\nDDA" + compliance);
      dl.push_back("DDB" + us_date(date_between(random_, 2009, 2020)));
      if (random_.chance(4)) {
         dl.push_back("DDD1");
         m.removed.push_back("\nDDD1");
      }
      dl.insert(dl.end(), { "DAW" + p.weight, "DAZ" + p.hair, "DCK" + random_.digits(12) + random_.letters(3) });
      const std::string jurisdiction = "Z" + p.state.substr(0, 1);
      std::vector<std::string> z{ jurisdiction + "A" + random_.letters(1) + random_.digits(2) };
      for (std::size_t n = random_.below(3); n > 0; --n) {
         z.push_back(jurisdiction + static_cast<char>('B' + z.size()) + "OFFICE " + random_.digits(3));
      }
      m.plan.add_text(payload(version, { { "DL", dl }, { jurisdiction, z } }));
      return m;
   }

private:
   // YYYYMMDD as a US card writes a date: MMDDCCYY.
   [[nodiscard]] static std::string us_date(const std::string& date) { return date.substr(4) + date.substr(0, 4); }

   [[nodiscard]] static std::string four_digits(std::size_t n)
   {
      const std::string digits = std::to_string(n);
      return std::string(4 - digits.size(), '0') + digits;
   }

   // Header, one designator per subfile (offset from the '@', length from the type
   // through the CR), then the subfiles: type, elements separated by LF, CR.
   [[nodiscard]] std::string payload(const std::string& version,
                                     const std::vector<std::pair<std::string, std::vector<std::string>>>& subfiles)
   {
      const std::string header =
         "@\n\x1e\rANSI 636" + random_.digits(3) + version + "0" + random_.digits(1) + "0" + std::to_string(subfiles.size());
      std::string designators;
      std::string bodies;
      std::size_t offset = header.size() + 10 * subfiles.size();
      for (const auto& [type, elements] : subfiles) {
         std::string body = type;
         for (std::size_t i = 0; i < elements.size(); ++i) {
            body += (i == 0 ? "" : "\n") + elements[i];
         }
         body += '\r';
         designators += type + four_digits(offset) + four_digits(body.size());
         offset += body.size();
         bodies += body;
      }
      return header + designators + bodies;
   }

   random_source random_;
};

}  // namespace veil_bench
