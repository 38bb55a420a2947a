#pragma once
// Nlets XML driver licence responses (DR) in the standardized form of the sample message
// examples/messages/nlets-xml/dr-standardized.xml: routing header, the driver's name,
// birth, citizenship, SSN, residence, phone and licence, a few history entries, and a
// photo (nc:PersonDigitalImage, base64 in lines of 76) of a drawn size, or none. Under
// the default mask the photo, the residence and mailing addresses, the place of birth
// and the citizenship go.

#include "corpus.hpp"
#include "person.hpp"
#include "random.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace veil_bench {

// How big the photos of a workload are: none (0, 0), or between the two sizes.
struct photo_sizes
{
   std::size_t smallest = 0;
   std::size_t largest = 0;
};

class xml_response_generator
{
public:
   xml_response_generator(std::uint64_t seed, photo_sizes photos) : random_(seed), photos_(photos) {}

   [[nodiscard]] generated_message next()
   {
      generated_message m;
      const person p = make_person(random_);
      std::string text = head(p.state) + "      <nc:PersonName>\n        <nc:PersonGivenName>" + p.first +
                         "</nc:PersonGivenName>\n        <nc:PersonMiddleName>" + p.middle +
                         "</nc:PersonMiddleName>\n        <nc:PersonSurName>" + p.last +
                         "</nc:PersonSurName>\n      </nc:PersonName>\n";
      m.kept.push_back("<nc:PersonSurName>" + p.last + "<");
      text += "      <nc:PersonBirthDate><nc:Date>" + p.birth_date.substr(0, 4) + "-" + p.birth_date.substr(4, 2) +
              "-" + p.birth_date.substr(6) + "</nc:Date></nc:PersonBirthDate>\n";
      text += "      <nc:PersonBirthLocation><nc:LocationCityName>" + p.birth_place +
              "</nc:LocationCityName></nc:PersonBirthLocation>\n";
      m.removed.push_back(p.birth_place);
      const std::string citizenship =
         "<nc:PersonCitizenshipISO3166Alpha2Code>" + p.citizenship + "</nc:PersonCitizenshipISO3166Alpha2Code>";
      text += "      " + citizenship + "\n";
      m.removed.push_back(citizenship);
      text += "      <nc:PersonSSNIdentification><nc:IdentificationID>" + p.ssn +
              "</nc:IdentificationID></nc:PersonSSNIdentification>\n";
      m.plan.add_text(text);
      if (photos_.largest > 0) {
         photo(m);
      }
      text = "      <nc:Residence>\n        <nc:LocationAddress>\n          <nc:StructuredAddress>\n"
             "            <nc:LocationStreet><nc:StreetFullText>" +
             p.street + "</nc:StreetFullText></nc:LocationStreet>\n            <nc:LocationCityName>" + p.city +
             "</nc:LocationCityName>\n            <nc:LocationStateUSPostalServiceCode>" + p.state +
             "</nc:LocationStateUSPostalServiceCode>\n            <nc:LocationPostalCode>" + p.zip +
             "</nc:LocationPostalCode>\n          </nc:StructuredAddress>\n        </nc:LocationAddress>\n"
             "      </nc:Residence>\n";
      m.removed.push_back(p.street);
      if (random_.chance(2)) {
         const std::string box = "PO BOX " + random_.digits(5);
         text += "      <nc:ContactInformation>\n        <nc:ContactMailingAddress><nc:AddressFullText>" + box + ", " +
                 p.city_line() + "</nc:AddressFullText></nc:ContactMailingAddress>\n";
         m.removed.push_back(box);
      }
      else {
         text += "      <nc:ContactInformation>\n";
      }
      text += "        <nc:ContactTelephoneNumber>\n          <nc:FullTelephoneNumber><nc:TelephoneNumberFullID>555-" +
              random_.digits(4) + "</nc:TelephoneNumberFullID></nc:FullTelephoneNumber>\n"
              "        </nc:ContactTelephoneNumber>\n      </nc:ContactInformation>\n";
      text += "      <nc:DriverLicense>\n        <nc:DriverLicenseIdentification>\n          <nc:IdentificationID>" +
              p.licence + "</nc:IdentificationID>\n          <nc:IdentificationExpirationDate><nc:Date>" +
              std::to_string(random_.between(2025, 2031)) +
              "-02-28</nc:Date></nc:IdentificationExpirationDate>\n        </nc:DriverLicenseIdentification>\n"
              "        <j:DriverLicensePermitStatusCode>LIC</j:DriverLicensePermitStatusCode>\n"
              "      </nc:DriverLicense>\n";
      m.kept.push_back(p.licence);
      for (std::size_t n = random_.between(1, 6); n > 0; --n) {
         text += "      <n2:DriverHistoryEntry><nc:ActivityDate><nc:Date>" + std::to_string(random_.between(2005, 2024)) +
                 "-0" + std::to_string(random_.between(1, 9)) + "-1" + random_.digits(1) +
                 "</nc:Date></nc:ActivityDate><nc:ActivityDescriptionText>CONVICTION SPEEDING " +
                 std::to_string(random_.between(5, 30)) + " OVER</nc:ActivityDescriptionText></n2:DriverHistoryEntry>\n";
      }
      text += "    </n2:Driver>\n  </n2:NLETSResponseData>\n</n2:NLETS>\n";
      m.plan.add_text(text);
      return m;
   }

private:
   [[nodiscard]] std::string head(const std::string& state)
   {
      const std::string number = random_.digits(5);
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<n2:NLETS n2:version=\"4.00\"\n    xmlns:n2=\"http://www.nlets.org/niem/1.0\"\n"
             "    xmlns:nh2=\"http://www.nlets.org/niem/nlets-hdr/1.0\"\n"
             "    xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\"\n"
             "    xmlns:j=\"http://niem.gov/niem/domains/jxdm/4.0\">\n"
             "  <n2:NLETSMessageHeader>\n    <nh2:MessageKeyCodeText>DR</nh2:MessageKeyCodeText>\n"
             "    <nh2:OriginatingORIID>" +
             state + "OLN0000</nh2:OriginatingORIID>\n    <nh2:DestinationORIID>ORTEST001</nh2:DestinationORIID>\n"
                     "    <nh2:DocumentControlFieldText><![CDATA[SYN" +
             number + "]]></nh2:DocumentControlFieldText>\n"
                      "    <nh2:MessageReceiveDate>03/14/2024</nh2:MessageReceiveDate>\n"
                      "    <nh2:MessageReceiveTime>10:15</nh2:MessageReceiveTime>\n"
                      "    <nh2:ReceiveMessageNumeric>" +
             number + "</nh2:ReceiveMessageNumeric>\n  </n2:NLETSMessageHeader>\n  <n2:NLETSResponseData>\n"
                      "    <n2:Driver>\n";
   }

   // The photo element; its base64 text starts as a JPEG's does, which the checks look for.
   void photo(generated_message& m)
   {
      static constexpr std::string_view jpeg_start = "/9j/4AAQSkZJRgABAQEASABIAAD";
      const std::size_t size = random_.between(photos_.smallest, photos_.largest);
      m.plan.add_text("      <nc:PersonDigitalImage>\n        <nc:BinaryBase64Object>");
      m.plan.add_text(jpeg_start);
      m.plan.add_run(size - jpeg_start.size(), run_kind::base64, random_.next());
      m.plan.add_text("</nc:BinaryBase64Object>\n        <nc:BinaryFormatID>JPG</nc:BinaryFormatID>\n"
                      "        <nc:BinarySizeValue>" +
                      std::to_string(size * 3 / 4) + "</nc:BinarySizeValue>\n      </nc:PersonDigitalImage>\n");
      m.removed.emplace_back(jpeg_start);
   }

   random_source random_;
   photo_sizes photos_;
};

}  // namespace veil_bench
