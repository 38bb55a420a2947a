// Golden before/after files: every XML message in examples/messages/nlets-xml and every
// EBTS sample in tests/samples/niem-xml, redacted under the default mask
// (address,photo,immigration) with each action, must give
// tests/golden/nlets-xml/<stem>.<action>.xml byte for byte. The expected files were made
// from the rules, not by the redactor: a dropped element loses the bytes from the '<' of
// its start tag to the '>' of its end tag and nothing else; a masked one keeps both tags
// and loses what is between them; free-text lines follow the Nlets text rules. The audit
// of each message is held to the same reading: which elements and lines went, in order,
// with their categories, and where they stand in the input.

#include "dropped_field_span.hpp"
#include "xml_redactor_test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil_test::redaction;

[[nodiscard]] std::filesystem::path golden_dir()
{
   return std::filesystem::path(VEIL_TEST_DATA_DIR) / "golden" / "nlets-xml";
}

[[nodiscard]] std::filesystem::path golden_file(const std::string& message_name, action applied)
{
   const std::string stem = std::filesystem::path(message_name).stem().string();
   return golden_dir() / (stem + "." + std::string(veil::name_of(applied)) + ".xml");
}

// What the audit of each message must say under the default mask, read off the message
// by hand: the routing header, and the tags removed with their categories, in input order.
struct expected_audit
{
   std::string message_key;
   std::string sender_ori;
   std::vector<std::string> recipients;
   std::string control_field;
   std::vector<std::pair<std::string, category>> fields;
};

constexpr category address = category::address;
constexpr category photo = category::photo;
constexpr category immigration = category::immigration;

// The two FBI templates carry the same Type-2 subject and Type-10 records.
const std::vector<std::pair<std::string, category>> ebts_subject_and_photos{
   { "ebts:PersonCitizenshipCode", immigration },
   { "nc:PersonOtherIdentification", immigration },  // category code PP: a passport number
   { "ebts:PersonBirthPlaceCode", immigration },
   { "ebts:PersonResidenceLocation", address },
   { "nc:EmploymentLocation", address },
   { "itl:PackageFacialAndSMTImageRecord", photo },
   { "itl:PackageFacialAndSMTImageRecord", photo },
};

const std::map<std::string, expected_audit> expected_audits{
   { "am.xml",
     { "AM",
       "ORTEST001",
       { "WA", "ID" },
       "",
       { { "LKA:", address },
         { "POB:", immigration },
         { "nc:PersonBirthLocation", immigration },
         { "nc:Image", photo },
         { "nc:PersonCitizenshipText", immigration } } } },
   { "cpr.xml",
     { "CPR",
       "WADOC0000",
       { "ORTEST001" },
       "SYNCPR0001",
       { { "nc:PersonBirthLocation", immigration }, { "nc:Image", photo }, { "nc:Image", photo } } } },
   { "dr-free-text.xml",
     { "DR",
       "WAOLN0000",
       { "ORTEST001" },
       "",
       { { "POB", immigration }, { "RES ADDR:", address }, { "MAIL ADDR:", address }, { "POB:", immigration } } } },
   { "dr-standardized.xml",
     { "DR",
       "WAOLN0000",
       { "ORTEST001" },
       "SYN0000001",
       { { "nc:PersonCitizenshipISO3166Alpha2Code", immigration },
         { "nc:PersonDigitalImage", photo },
         { "nc:Residence", address } } } },
   { "iaq.xml",
     { "IAQ",
       "ORTEST001",
       { "AX" },
       "",
       { { "nc:PersonBirthLocation", immigration }, { "nc:PersonOtherIdentification", immigration } } } },
   { "rr.xml", { "RR", "WALIC0000", { "ORTEST001" }, "SYNRR00001", { { "RES ADDR:", address }, { "ADR", address } } } },
   { "fbi_ebts10_Template_CAR_CriminalAnswerRequired.xml", { "", "", {}, "", ebts_subject_and_photos } },
   { "fbi_ebts10_Template_FANC_FederalApplicant.xml", { "", "", {}, "", ebts_subject_and_photos } },
   { "fbi_ebts10_Template_PRR_SubjectPhotoRequestResponse.xml",
     { "",
       "",
       {},
       "",
       { { "itl:PackageFacialAndSMTImageRecord", photo }, { "itl:PackageFacialAndSMTImageRecord", photo } } } },
   { "ojbc_EBTS-RapBack-Criminal-Subscription-Request.xml", { "", "", {}, "", {} } },
};

// An element field's span is the element; a free-text field's starts at its label or prefix.
[[nodiscard]] bool is_element_field(std::string_view input, const veil::redacted_field& f)
{
   return input[f.offset] == '<';
}

void check_audit(const std::string& name, std::string_view input, const redaction& result, action applied)
{
   const veil::audit_record& audit = result.audit;
   REQUIRE(expected_audits.contains(name));
   const expected_audit& expected = expected_audits.at(name);
   CHECK(audit.format == "nlets-xml");
   CHECK(audit.message_key == expected.message_key);
   CHECK(audit.sender_ori == expected.sender_ori);
   CHECK(audit.recipients == expected.recipients);
   CHECK(audit.control_field == expected.control_field);
   CHECK_FALSE(audit.error.has_value());
   CHECK(audit.result == (expected.fields.empty() ? veil::outcome::passed : veil::outcome::redacted));
   CHECK((audit.result == veil::outcome::passed) == (result.output == input));

   std::vector<std::pair<std::string, category>> fields;
   std::size_t previous_end = 0;
   for (const veil::redacted_field& f : audit.fields) {
      CAPTURE(f.tag);
      CAPTURE(f.offset);
      fields.emplace_back(f.tag, f.kind);
      CHECK(f.applied == applied);
      CHECK(f.offset >= previous_end);  // in input order, never overlapping
      REQUIRE(f.offset + f.length <= input.size());
      previous_end = f.offset + f.length;
      const std::string_view span = input.substr(f.offset, f.length);
      if (is_element_field(input, f)) {
         // From the '<' of the start tag to the '>' of the end tag or empty-element tag.
         CHECK(span.starts_with("<" + f.tag));
         const char after_name = span[f.tag.size() + 1];
         CHECK((after_name == '>' || after_name == '/' || after_name == ' ' || after_name == '\n'));
         CHECK((span.ends_with("</" + f.tag + ">") || span.ends_with("/>")));
      }
      else if (f.tag.ends_with(':')) {
         // A label is audited by the name the label grammar reads ("LKA:" for LAST KNOWN
         // ADDR:); its span runs from the label's words through its colon and value.
         CHECK(span.find(':') != std::string_view::npos);
      }
      else {
         CHECK(span.starts_with(f.tag + "/"));
      }
   }
   CHECK(fields == expected.fields);
}

// What each action must write, rebuilt from the input and the element spans of the
// audit alone. If this equals the redactor's output, every element offset and length
// is exact and no byte outside them changed.
[[nodiscard]] std::string rebuilt_from_audit(std::string_view input, const veil::audit_record& audit, action applied)
{
   std::string out;
   std::size_t cursor = 0;
   for (const veil::redacted_field& f : audit.fields) {
      out += input.substr(cursor, f.offset - cursor);
      const std::string_view span = input.substr(f.offset, f.length);
      if (applied == action::mask) {
         const bool empty_element = span.find('>') + 1 == span.size();
         out += empty_element ? span : span.substr(0, span.find('>') + 1);
         out += empty_element ? "" : span.substr(span.rfind("</"));
      }
      cursor = f.offset + f.length;
   }
   out += input.substr(cursor);
   return out;
}

}  // namespace

TEST_CASE("nlets xml golden: every message has an expected output per action, and nothing else is in the golden dir")
{
   std::set<std::filesystem::path> expected_files;
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      CAPTURE(message.name);
      CHECK(expected_audits.contains(message.name));
      for (const action applied : { action::drop, action::mask }) {
         expected_files.insert(golden_file(message.name, applied));
         CHECK(std::filesystem::is_regular_file(golden_file(message.name, applied)));
      }
   }
   for (const auto& entry : std::filesystem::directory_iterator(golden_dir())) {
      CAPTURE(entry.path());
      CHECK(expected_files.contains(entry.path()));
   }
   CHECK(expected_audits.size() == veil_test::xml_messages().size());
}

TEST_CASE("nlets xml golden: the synthetic messages say they are synthetic")
{
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      if (std::filesystem::is_regular_file(veil_test::xml_message_dir() / message.name)) {
         CAPTURE(message.name);
         CHECK(message.bytes.find("<!-- SYNTHETIC") != std::string::npos);
      }
   }
}

TEST_CASE("nlets xml golden: default mask, both actions, byte for byte, and outside the audited elements every byte is "
          "the input's")
{
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      for (const action applied : { action::drop, action::mask }) {
         CAPTURE(message.name);
         CAPTURE(veil::name_of(applied));
         const veil_test::xml_redactor redactor = veil_test::make_xml_redactor(veil::default_mask, applied);
         const redaction result = veil_test::redact(redactor, message.bytes);
         REQUIRE_FALSE(result.audit.rejected());
         CHECK(result.output == veil_test::read_file(golden_file(message.name, applied)));
         check_audit(message.name, message.bytes, result, applied);
         CHECK_FALSE(veil_test::xml_error(result.output).has_value());
         const bool only_elements =
            std::all_of(result.audit.fields.begin(), result.audit.fields.end(),
                        [&](const veil::redacted_field& f) { return is_element_field(message.bytes, f); });
         // Records dropped from an ITL transaction also change its content summary and
         // photo indicator, which the notes tell (test_xml_itl.cpp checks those).
         if (only_elements && result.audit.notes.empty()) {
            CHECK(result.output == rebuilt_from_audit(message.bytes, result.audit, applied));
         }
      }
   }
}

TEST_CASE("nlets xml golden: both actions remove the same fields")
{
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      CAPTURE(message.name);
      const redaction dropped =
         veil_test::redact(veil_test::make_xml_redactor(veil::default_mask, action::drop), message.bytes);
      const redaction masked =
         veil_test::redact(veil_test::make_xml_redactor(veil::default_mask, action::mask), message.bytes);
      veil_test::check_same_fields_across_actions(message.bytes, dropped.audit, masked.audit);
   }
}

TEST_CASE("nlets xml golden: with nothing masked every message passes unchanged, its routing still audited")
{
   for (const veil_test::sample_message& message : veil_test::xml_messages()) {
      CAPTURE(message.name);
      const redaction result =
         veil_test::redact(veil_test::make_xml_redactor(veil::category_mask::none()), message.bytes);
      CHECK(result.audit.result == veil::outcome::passed);
      CHECK(result.output == message.bytes);
      CHECK(result.audit.message_key == expected_audits.at(message.name).message_key);
      CHECK(result.audit.recipients == expected_audits.at(message.name).recipients);
   }
}
