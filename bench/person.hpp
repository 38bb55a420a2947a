#pragma once
// The subject of a generated record: one invented person, drawn from lists of common
// names and places, whom every format's generator writes in its own layout.

#include "random.hpp"

#include <array>
#include <string>
#include <string_view>

namespace veil_bench {

struct person
{
   std::string last;
   std::string first;
   std::string middle;  // an initial
   std::string birth_date;  // YYYYMMDD
   std::string sex;
   std::string race;
   std::string height;  // feet and inches, "510"
   std::string weight;  // pounds
   std::string eyes;
   std::string hair;
   std::string street;  // "4821 KESTREL AVE"
   std::string unit;    // "APT 12" or empty
   std::string city;
   std::string state;
   std::string zip;
   std::string birth_place;  // a city abroad
   std::string citizenship;  // ISO 3166 alpha-2
   std::string licence;
   std::string ssn;

   [[nodiscard]] std::string name() const { return last + ", " + first + " " + middle; }
   [[nodiscard]] std::string city_line() const { return city + " " + state + " " + zip; }
};

[[nodiscard]] inline std::string date_between(random_source& random, std::size_t first_year, std::size_t last_year)
{
   const std::size_t month = random.between(1, 12);
   const std::size_t day = random.between(1, 28);
   return std::to_string(random.between(first_year, last_year)) + (month < 10 ? "0" : "") + std::to_string(month) +
          (day < 10 ? "0" : "") + std::to_string(day);
}

[[nodiscard]] inline person make_person(random_source& random)
{
   static constexpr std::array<std::string_view, 16> last_names{
      "SMITH", "JOHNSON", "WILLIAMS", "BROWN",  "JONES",  "GARCIA", "MILLER", "DAVIS",
      "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "NGUYEN" };
   static constexpr std::array<std::string_view, 16> first_names{
      "JAMES", "MARIA", "ROBERT", "LINDA", "MICHAEL", "ELENA", "DAVID", "SUSAN",
      "JOSE",  "KAREN", "DANIEL", "ROSA",  "THOMAS",  "ANA",   "PAUL",  "LUCIA" };
   static constexpr std::array<std::string_view, 12> streets{ "KESTREL", "MAPLE", "CEDAR", "LINCOLN", "HARBOR",
                                                              "SUMMIT", "WILLOW", "FRONTIER", "ORCHARD", "BAYVIEW",
                                                              "GRANITE", "MEADOW" };
   static constexpr std::array<std::string_view, 6> street_types{ "AVE", "ST", "RD", "LN", "DR", "CT" };
   static constexpr std::array<std::array<std::string_view, 3>, 8> places{ {
      { "SPOKANE", "WA", "992" }, { "YAKIMA", "WA", "989" }, { "SALEM", "OR", "973" }, { "BOISE", "ID", "837" },
      { "TUCSON", "AZ", "857" }, { "FRESNO", "CA", "937" }, { "RENO", "NV", "895" }, { "OGDEN", "UT", "844" } } };
   static constexpr std::array<std::array<std::string_view, 2>, 8> abroad{ {
      { "GUADALAJARA", "MX" }, { "SAN SALVADOR", "SV" }, { "TEGUCIGALPA", "HN" }, { "MANILA", "PH" },
      { "HANOI", "VN" }, { "LAGOS", "NG" }, { "GUATEMALA CITY", "GT" }, { "KINGSTON", "JM" } } };
   static constexpr std::array<std::string_view, 5> eye_colours{ "BRO", "BLU", "GRN", "HAZ", "GRY" };
   static constexpr std::array<std::string_view, 5> hair_colours{ "BRO", "BLK", "BLN", "RED", "GRY" };
   static constexpr std::array<std::string_view, 5> races{ "W", "B", "A", "I", "U" };

   person p;
   p.last = random.pick(last_names);
   p.first = random.pick(first_names);
   p.middle = random.letters(1);
   p.birth_date = date_between(random, 1950, 2005);
   p.sex = random.chance(2) ? "M" : "F";
   p.race = random.pick(races);
   p.height = std::to_string(random.between(4, 6)) + std::to_string(random.between(10, 11));
   p.weight = std::to_string(random.between(110, 260));
   p.eyes = random.pick(eye_colours);
   p.hair = random.pick(hair_colours);
   p.street = std::to_string(random.between(100, 99999)) + " " + std::string(random.pick(streets)) + " " +
              std::string(random.pick(street_types));
   p.unit = random.chance(3) ? "APT " + std::to_string(random.between(1, 40)) : "";
   const auto& place = random.pick(places);
   p.city = place[0];
   p.state = place[1];
   p.zip = std::string(place[2]) + random.digits(2);
   const auto& birth = random.pick(abroad);
   p.birth_place = birth[0];
   p.citizenship = birth[1];
   p.licence = p.last.substr(0, 5) + random.letters(2) + random.digits(3) + random.letters(2);
   p.ssn = random.digits(9);
   return p;
}

}  // namespace veil_bench
