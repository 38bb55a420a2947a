#pragma once
// FBI EBTS criminal ten-print submissions (TOT CAR) in the traditional ANSI/NIST-ITL
// encoding: a Type-1, a Type-2 of the EBTS descriptive fields, one Type-10 face photo of
// 20 to 60 KB and ten Type-14 fingerprint images (one a finger, WSQ-compressed, 15 to 40
// KB each). Image bytes are made on demand (see message_plan.hpp), every byte value among
// them. Under the default mask the photo record and 2.020 POB, 2.021 CTZ and 2.041 RES go,
// and 2.036 PHT turns to N; the fingerprints stay (biometric is not in the default mask).

#include "corpus.hpp"
#include "person.hpp"
#include "random.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace veil_bench {

class ebts_transaction_generator
{
public:
   explicit ebts_transaction_generator(std::uint64_t seed) : random_(seed) {}

   [[nodiscard]] generated_message next()
   {
      generated_message m;
      const person p = make_person(random_);
      std::string cnt = "1.003:1" + us + "12" + rs + "2" + us + "00" + rs + "10" + us + "01";
      for (int finger = 1; finger <= 10; ++finger) {
         cnt += rs + "14" + us + (finger < 9 ? "0" : "") + std::to_string(finger + 1);
      }
      const std::string tcn = random_.digits(10);
      m.plan.add_text(tagged_record({ "1.002:0502", cnt, "1.004:CAR", "1.005:" + date_between(random_, 2020, 2024),
                                      "1.006:4", "1.007:WVIAFIS0Z", "1.008:" + p.state + "0340000", "1.009:" + tcn,
                                      "1.011:19.69", "1.012:19.69" }));
      const std::string name = "2.018:" + p.last + "," + p.first + " " + p.middle;
      const std::string pob = "2.020:" + p.citizenship;
      const std::string ctz = "2.021:" + p.citizenship;
      const std::string res = "2.041:" + p.street + " " + p.city_line();
      m.plan.add_text(tagged_record({ "2.002:00", "2.005:N", "2.016:" + p.ssn, name, pob, ctz,
                                      "2.022:" + p.birth_date, "2.024:" + p.sex, "2.025:" + p.race,
                                      "2.027:" + p.height, "2.029:" + p.weight, "2.031:" + p.eyes,
                                      "2.032:" + p.hair, "2.036:Y", res, "2.073:" + p.state + "0340000" }));
      m.kept.push_back(name);
      m.removed.insert(m.removed.end(), { pob, ctz, res });
      const std::string photo_note = "10.902:PHOTO " + tcn;
      image_record({ "10.002:01", "10.003:FACE", "10.004:" + p.state + "0340000",
                     "10.005:" + date_between(random_, 2020, 2024), "10.006:480", "10.007:600", "10.008:1",
                     "10.009:0", "10.010:0", "10.011:JPEGB", "10.012:YCC", "10.020:F", photo_note },
                    "10.999:", random_.between(20000, 60000), m);
      m.removed.push_back(photo_note);
      for (int finger = 1; finger <= 10; ++finger) {
         const std::string idc = (finger < 9 ? "0" : "") + std::to_string(finger + 1);
         image_record({ "14.002:" + idc, "14.003:1", "14.004:" + p.state + "0340000",
                        "14.005:" + date_between(random_, 2020, 2024), "14.006:800", "14.007:750", "14.008:1",
                        "14.009:500", "14.010:500", "14.011:WSQ20", "14.012:8", "14.013:" + std::to_string(finger) },
                       "14.999:", random_.between(15000, 40000), m);
      }
      m.kept.push_back("14.013:10");
      return m;
   }

private:
   static inline const std::string gs{ '\x1d' };
   static inline const std::string rs{ '\x1e' };
   static inline const std::string us{ '\x1f' };

   // The LEN field ("T.001:" and the record's length) for a record whose other bytes,
   // separators included, number `rest`: the length counts its own digits.
   [[nodiscard]] static std::string length_field(const std::string& type, std::size_t rest)
   {
      const std::string tag = type + ".001:";
      std::size_t length = tag.size() + rest + 1;
      while (tag.size() + rest + std::to_string(length).size() != length) {
         length = tag.size() + rest + std::to_string(length).size();
      }
      return tag + std::to_string(length);
   }

   // A tagged record of `fields` ("T.N:value", LEN left out), GS between, FS at the end.
   [[nodiscard]] static std::string tagged_record(const std::vector<std::string>& fields)
   {
      std::string rest;
      for (const std::string& f : fields) {
         rest += gs + f;
      }
      rest += '\x1c';
      return length_field(fields.front().substr(0, fields.front().find('.')), rest.size()) + rest;
   }

   // A tagged image record: `fields`, then the image field `image_tag` with `image_size`
   // bytes made on demand, then FS.
   void image_record(const std::vector<std::string>& fields, const std::string& image_tag, std::size_t image_size,
                     generated_message& m)
   {
      std::string text;
      for (const std::string& f : fields) {
         text += gs + f;
      }
      text += gs + image_tag;
      const std::string type = image_tag.substr(0, image_tag.find('.'));
      m.plan.add_text(length_field(type, text.size() + image_size + 1) + text);
      m.plan.add_run(image_size, run_kind::binary, random_.next());
      m.plan.add_text("\x1c");
   }

   random_source random_;
};

}  // namespace veil_bench
