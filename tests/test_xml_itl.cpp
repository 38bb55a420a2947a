// Class 5, ANSI/NIST-ITL and EBTS in XML: records of every type go as their binary twins
// do, whatever name or prefix carries them; a record's own category code counts; the
// Type-1 content summary, the photo indicator and the Type-98 record follow what was
// removed. Checked from a consumer's view (xml_reader_view.hpp) over generated
// transactions, with the DOM twin agreeing.

#include "dom_twin_support.hpp"
#include "xml_reader_view.hpp"
#include "xml_redactor_test_support.hpp"

#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/xml/dom_redactor.hpp>
#include <veil/xml/itl_records.hpp>

#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using dom_redactor = veil::xml::dom_redactor<veil::runtime_mask>;

constexpr std::string_view itl2011 = "http://biometrics.nist.gov/standard/2011";
constexpr std::string_view biometrics = "http://niem.gov/niem/biometrics/1.0";

// A record as a transaction holds it: its element name, the type its code says (or no
// code), and the marker it holds.
struct planted_record
{
   std::string local;
   std::optional<unsigned> code;
   std::string marker;
   category_mask carries;  // what a consumer keying off the name or the code reads it as
};

// ITL transactions with records of every type under every name: their own, another
// type's (the OJBC quirk), an unknown Package…Record, under the itl prefix, another
// prefix or a default namespace, the code written with blanks or leading zeros or not
// at all, and a content summary listing them. Seeded.
class itl_generator
{
public:
   explicit itl_generator(std::uint32_t seed) : random_(seed) {}

   struct transaction
   {
      std::string bytes;
      std::vector<planted_record> records;
   };

   [[nodiscard]] transaction make()
   {
      transaction t;
      const std::size_t count = 1 + random_.below(6);
      for (std::size_t i = 0; i < count; ++i) {
         t.records.push_back(record());
      }
      t.bytes = "<itl:NISTBiometricInformationExchangePackage xmlns:itl=\"" + std::string(itl2011) +
                "\" xmlns:ansi-nist=\"" + std::string(biometrics) + "\" xmlns:nc=\"http://niem.gov/niem/niem-core/2.0\" "
                "xmlns:ebts=\"http://cjis.fbi.gov/fbi_ebts/10.0\">\n<itl:PackageInformationRecord>"
                "<ansi-nist:RecordCategoryCode>01</ansi-nist:RecordCategoryCode><ansi-nist:Transaction>"
                "<ansi-nist:TransactionContentSummary><ansi-nist:ContentFirstRecordCategoryCode>1"
                "</ansi-nist:ContentFirstRecordCategoryCode><ansi-nist:ContentRecordQuantity>" +
                two_digits(t.records.size() + 1) + "</ansi-nist:ContentRecordQuantity>\n" + summary_entry(2);
      for (const planted_record& r : t.records) {
         t.bytes += summary_entry(r.code.value_or(0));
      }
      t.bytes += "</ansi-nist:TransactionContentSummary></ansi-nist:Transaction></itl:PackageInformationRecord>\n"
                 "<itl:PackageDescriptiveTextRecord><ansi-nist:RecordCategoryCode>02</ansi-nist:RecordCategoryCode>"
                 "<ebts:PersonDigitalImageAvailableIndicator>true</ebts:PersonDigitalImageAvailableIndicator>"
                 "</itl:PackageDescriptiveTextRecord>\n";
      for (const planted_record& r : t.records) {
         t.bytes += write(r);
      }
      t.bytes += "</itl:NISTBiometricInformationExchangePackage>\n";
      return t;
   }

   [[nodiscard]] category_mask mask() { return random_.mask(); }

private:
   [[nodiscard]] static std::string two_digits(std::size_t n)
   {
      return (n < 10 ? "0" : "") + std::to_string(n);
   }

   [[nodiscard]] static std::string summary_entry(unsigned type)
   {
      return "<ansi-nist:ContentRecordSummary><ansi-nist:RecordCategoryCode>" + two_digits(type) +
             "</ansi-nist:RecordCategoryCode></ansi-nist:ContentRecordSummary>\n";
   }

   [[nodiscard]] planted_record record()
   {
      planted_record r;
      r.marker = "QZ7R" + std::to_string(100000 + planted_++) + "X";
      const auto& types = veil::ansi_nist::record_dictionary;
      const unsigned name_type = types[random_.below(types.size())].type;
      const veil::xml::element_entry* named = veil::xml::record_element_of(name_type);
      switch (random_.below(4)) {
         case 0: r.local = "PackageMysteryImageRecord"; break;  // no type can be told from it
         default: r.local = named != nullptr ? std::string(named->tag) : "PackageLowResolutionImageRecord"; break;
      }
      r.carries = veil::xml::name_categories(*veil::xml::find_element(itl2011, r.local));
      if (!random_.chance(5)) {
         r.code = random_.chance(2) ? name_type : types[random_.below(types.size())].type;
         r.carries = r.carries | veil::xml::code_categories(r.code);
      }
      return r;
   }

   [[nodiscard]] std::string write(const planted_record& r)
   {
      std::string open;
      std::string close;
      switch (random_.below(3)) {
         case 0: open = "<itl:" + r.local + ">"; close = "</itl:" + r.local + ">"; break;
         case 1:
            open = "<biom:" + r.local + " xmlns:biom=\"" + std::string(itl2011) + "\">";
            close = "</biom:" + r.local + ">";
            break;
         default:
            open = "<" + r.local + " xmlns=\"" + std::string(itl2011) + "\">";
            close = "</" + r.local + ">";
            break;
      }
      std::string code;
      if (r.code) {
         const std::string spelled = random_.chance(2) ? two_digits(*r.code) : " " + std::to_string(*r.code) + "\n";
         code = "<ansi-nist:RecordCategoryCode>" + spelled + "</ansi-nist:RecordCategoryCode>";
      }
      return open + code + "<ansi-nist:ImageReferenceIdentification><nc:IdentificationID>01</nc:IdentificationID>"
                           "</ansi-nist:ImageReferenceIdentification><itl:FaceImage><nc:BinaryBase64Object>" +
             r.marker + "</nc:BinaryBase64Object></itl:FaceImage>" + close + "\n";
   }

   veil_test::message_generator random_;
   std::size_t planted_ = 0;
};

struct redacted_both
{
   veil::audit_record audit;
   std::string output;
};

redacted_both redact_checked(const std::string& message, category_mask mask, action applied)
{
   veil::xml::xml_options options;
   options.action = applied;
   const veil_test::xml_redactor stream{ veil::runtime_mask{ mask }, options };
   redacted_both r;
   r.audit = stream.redact(message, r.output);
   const dom_redactor dom{ veil::runtime_mask{ mask }, options };
   const veil_test::twin_result twins = veil_test::redact_both_ways(stream, dom, message);
   CHECK_MESSAGE(!twins.difference, *twins.difference);
   return r;
}

// The text of every element of local name `local` in `view`'s document.
[[nodiscard]] std::vector<std::string> texts_of(const std::string& message, std::string_view local)
{
   pugi::xml_document document;
   REQUIRE(document.load_buffer(message.data(), message.size()));
   std::vector<std::string> texts;
   for (const pugi::xpath_node& n :
        document.select_nodes(("//*[local-name()='" + std::string(local) + "']").c_str())) {
      texts.emplace_back(n.node().child_value());
   }
   return texts;
}

}  // namespace

TEST_CASE("class 5, ITL XML: generated transactions lose every record a consumer reads as a masked category, "
          "by name or by code, and the summary counts what is left")
{
   itl_generator generate(2011);
   std::size_t removed_by_code_only = 0;
   for (int i = 0; i < 400; ++i) {
      const itl_generator::transaction t = generate.make();
      const category_mask mask = generate.mask();
      CAPTURE(t.bytes);
      CAPTURE(mask.to_string());
      for (const action applied : { action::drop, action::mask }) {
         const redacted_both r = redact_checked(t.bytes, mask, applied);
         REQUIRE_FALSE(r.audit.rejected());
         const std::optional<veil_test::consumer_view> view = veil_test::read_as_consumer(r.output);
         REQUIRE(view.has_value());
         std::size_t dropped_entries = 0;
         for (const planted_record& record : t.records) {
            CAPTURE(record.local);
            // A Type-98 record by its name goes whenever anything may be removed.
            const bool assurance = record.local == "PackageInformationAssuranceRecord" && !mask.empty();
            const bool masked = record.carries.intersects(mask) || assurance;
            CHECK(veil_test::consumer_sees(*view, record.marker) == !masked);
            const bool by_name = veil::xml::name_categories(*veil::xml::find_element(itl2011, record.local))
                                    .intersects(mask);
            removed_by_code_only += masked && !by_name ? 1 : 0;
            const bool entry_dropped = veil::xml::summary_entry_dropped(
               veil::redaction_rules{ mask, applied, veil::field_overrides{} }, record.code.value_or(0));
            dropped_entries += entry_dropped ? 1 : 0;
         }
         // The summary lists the Type-2 record and every record whose entry stays.
         const std::vector<std::string> quantity = texts_of(r.output, veil::xml::record_quantity_name);
         REQUIRE(quantity.size() == 1);
         const std::size_t kept = t.records.size() + 1 - dropped_entries;
         CHECK(std::stoul(quantity[0]) == kept);
         CHECK(texts_of(r.output, veil::xml::summary_entry_name).size() == kept);
         // The photo indicator says false exactly when the mask takes every photo record.
         const std::vector<std::string> indicator = texts_of(r.output, veil::xml::photo_indicator_name);
         REQUIRE(indicator.size() == 1);
         CHECK((indicator[0] == "false") == mask.contains(category::photo));
      }
   }
   CHECK(removed_by_code_only > 0);  // the generator reaches the OJBC quirk
}

TEST_CASE("class 5, ITL XML: a record whose code names a masked type goes, whatever its element name")
{
   const std::string head = "<itl:NISTBiometricInformationExchangePackage xmlns:itl=\"" + std::string(itl2011) +
                            "\" xmlns:a=\"" + std::string(biometrics) + "\">";
   const std::string tail = "</itl:NISTBiometricInformationExchangePackage>";
   // OJBC's quirk: Type-2 content in a second PackageInformationRecord, and here a face
   // under a descriptive-text name.
   for (const std::string_view name : { "PackageInformationRecord", "PackageDescriptiveTextRecord",
                                        "PackageFingerprintImageRecord" }) {
      const std::string record = "<itl:" + std::string(name) + "><a:RecordCategoryCode> 10 </a:RecordCategoryCode>"
                                 "<itl:FaceImage>QZ7FACE</itl:FaceImage></itl:" + std::string(name) + ">";
      for (const action applied : { action::drop, action::mask }) {
         const redacted_both r = redact_checked(head + record + tail, category_mask{ category::photo }, applied);
         REQUIRE_FALSE(r.audit.rejected());
         CHECK(r.output.find("QZ7FACE") == std::string::npos);
         REQUIRE(r.audit.fields.size() == 1);
         CHECK(r.audit.fields[0].kind == category::photo);
      }
   }
   // A code that names no type veil knows counts as what any record may hold.
   const std::string odd = "<itl:PackageDescriptiveTextRecord><a:RecordCategoryCode>1O</a:RecordCategoryCode>"
                           "QZ7ODD</itl:PackageDescriptiveTextRecord>";
   CHECK(redact_checked(head + odd + tail, category_mask{ category::biometric }, action::drop).output == head + tail);
   // The code read is the record's own, not one deeper inside it.
   const std::string deeper = "<itl:PackageDescriptiveTextRecord><a:RecordCategoryCode>02</a:RecordCategoryCode>"
                              "<x><a:RecordCategoryCode>10</a:RecordCategoryCode></x></itl:PackageDescriptiveTextRecord>";
   CHECK(redact_checked(head + deeper + tail, category_mask{ category::photo }, action::drop).output ==
         head + deeper + tail);
}

TEST_CASE("class 5, ITL XML: Type-98 goes whenever anything may be removed, and its summary entry with it")
{
   const std::string message = "<itl:P xmlns:itl=\"" + std::string(itl2011) + "\" xmlns:a=\"" + std::string(biometrics) +
                               "\"><a:TransactionContentSummary><a:ContentRecordQuantity>2</a:ContentRecordQuantity>"
                               "<a:ContentRecordSummary><a:RecordCategoryCode>02</a:RecordCategoryCode>"
                               "</a:ContentRecordSummary><a:ContentRecordSummary><a:RecordCategoryCode>98"
                               "</a:RecordCategoryCode></a:ContentRecordSummary></a:TransactionContentSummary>"
                               "<itl:PackageInformationAssuranceRecord>QZ7IA</itl:PackageInformationAssuranceRecord>"
                               "</itl:P>";
   const redacted_both none = redact_checked(message, category_mask{}, action::drop);
   CHECK(none.output == message);
   CHECK(none.audit.result == veil::outcome::passed);
   for (const action applied : { action::drop, action::mask }) {
      const redacted_both some = redact_checked(message, category_mask{ category::address }, applied);
      CHECK(some.output.find("QZ7IA") == std::string::npos);
      CHECK(some.output.find(">98<") == std::string::npos);
      CHECK(texts_of(some.output, "ContentRecordQuantity") == std::vector<std::string>{ "1" });
      CHECK(some.audit.result == veil::outcome::redacted);
      CHECK(some.audit.notes.size() == 2);
   }
}

TEST_CASE("class 5, ITL XML: a content summary whose quantity is no number cannot be counted again: refused")
{
   const std::string message = "<itl:P xmlns:itl=\"" + std::string(itl2011) + "\" xmlns:a=\"" + std::string(biometrics) +
                               "\"><a:TransactionContentSummary><a:ContentRecordQuantity>two</a:ContentRecordQuantity>"
                               "<a:ContentRecordSummary><a:RecordCategoryCode>10</a:RecordCategoryCode>"
                               "</a:ContentRecordSummary></a:TransactionContentSummary></itl:P>";
   const redacted_both r = redact_checked(message, category_mask{ category::photo }, action::drop);
   REQUIRE(r.audit.rejected());
   CHECK(r.output.empty());
   CHECK(r.audit.error->offset == message.find("<a:TransactionContentSummary>"));
}

TEST_CASE("class 5, ITL XML: the EBTS samples lose their face records, their summary entries and their photo flag")
{
   for (const std::string_view name : veil_test::niem_samples) {
      CAPTURE(name);
      const std::string sample = veil_test::read_sample(name);
      const redacted_both r = redact_checked(sample, veil::default_mask, action::drop);
      REQUIRE_FALSE(r.audit.rejected());
      CHECK(r.output.find("FacialAndSMTImageRecord") == std::string::npos);
      for (const std::string& code : texts_of(r.output, "RecordCategoryCode")) {
         CHECK(code != "10");
      }
      for (const std::string& flag : texts_of(r.output, veil::xml::photo_indicator_name)) {
         CHECK(flag == "false");
      }
      // Every record the summary lists is there, and the quantity counts them.
      const std::vector<std::string> quantity = texts_of(r.output, veil::xml::record_quantity_name);
      REQUIRE(quantity.size() == 1);
      CHECK(std::stoul(quantity[0]) == texts_of(r.output, veil::xml::summary_entry_name).size());
   }
}
