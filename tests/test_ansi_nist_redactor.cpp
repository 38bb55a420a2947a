// The ANSI/NIST-ITL redactor's rules one at a time, on small transactions put together
// here: framing by length (never by FS), records dropped by category with CNT and LEN
// rewritten, Type-2 fields dropped or masked, 2.017 MNU by its type, 2.036 PHT, Type-98,
// and every framing fault refused with its offset.

#include "ansi_nist_test_support.hpp"

#include <veil/ansi_nist/ansi_nist_redactor.hpp>
#include <veil/ansi_nist/tagged_record.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;
using veil::ansi_nist::assemble_record;

const std::string gs = "\x1d";
const std::string rs = "\x1e";
const std::string us = "\x1f";

// A tagged record with its LEN computed: `fields` without x.001.
[[nodiscard]] std::string tagged(unsigned type, std::vector<std::string> fields, std::size_t len_width = 0)
{
   fields.insert(fields.begin(), "");
   return assemble_record(std::move(fields), std::to_string(type) + ".001:", len_width);
}

// A binary record: 4-byte big-endian length, IDC, then `data`.
[[nodiscard]] std::string binary(std::uint8_t idc, std::string_view data)
{
   const std::size_t length = 5 + data.size();
   std::string record;
   for (const int shift : { 24, 16, 8, 0 }) {
      record += static_cast<char>((length >> shift) & 0xFF);
   }
   record += static_cast<char>(idc);
   record += data;
   return record;
}

struct record
{
   unsigned type;
   std::string idc;
   std::string bytes;
};

// Type-1 with a CNT for `records`, then the records.
[[nodiscard]] std::string transaction(const std::vector<record>& records)
{
   std::string cnt = "1.003:1" + us + std::to_string(records.size());
   for (const record& r : records) {
      cnt += rs + std::to_string(r.type) + us + r.idc;
   }
   std::string out = tagged(1, { "1.002:0500", cnt, "1.004:CAR", "1.007:DAI000001", "1.008:ORI000001" });
   for (const record& r : records) {
      out += r.bytes;
   }
   return out;
}

using result = veil_test::redaction;
using veil_test::redact_transaction;

const std::string face_bytes = "JPEG\x1c\x1d\x1e\x1f" "DATA";  // separators inside an image

}  // namespace

TEST_CASE("ansi-nist redactor: a photo record goes whole, found by its length, and CNT and LEN follow")
{
   const record type2{ 2, "00", tagged(2, { "2.002:00", "2.018:DOE,JO" }) };
   const record face{ 10, "01", tagged(10, { "10.002:01", "10.003:FACE", "10.999:" + face_bytes }) };
   const record print{ 4, "02", binary(2, std::string(13, '\x1c') + "WSQ") };
   const std::string input = transaction({ type2, face, print });
   const result r = redact_transaction(input);
   REQUIRE_FALSE(r.audit.rejected());
   CHECK(r.output == transaction({ type2, print }));
   REQUIRE(r.audit.fields.size() == 1);
   CHECK(r.audit.fields[0].tag == "Type-10");
   CHECK(r.audit.fields[0].kind == category::photo);
   CHECK(r.audit.fields[0].offset == input.find(face.bytes));
   CHECK(r.audit.fields[0].length == face.bytes.size());
   CHECK(r.audit.message_key == "CAR");
   CHECK(r.audit.sender_ori == "ORI000001");
   CHECK(r.audit.recipients == std::vector<std::string>{ "DAI000001" });
   // Biometric masked too: the fingerprint goes as well, whatever its bytes.
   CHECK(redact_transaction(input, category_mask::all()).output == transaction({ type2 }));
   // Nothing masked: the transaction passes byte for byte.
   CHECK(redact_transaction(input, category_mask::none()).output == input);
}

TEST_CASE("ansi-nist redactor: Type-2 fields of the mask are dropped or masked, and 2.001 LEN follows")
{
   const std::vector<std::string> fields{ "2.002:00", "2.016:123456789", "2.018:DOE,JO", "2.020:MX",
                                          "2.021:MX" + rs + "US", "2.041:1 MAIN ST" };
   const std::string input = transaction({ { 2, "00", tagged(2, fields) } });
   const result dropped =
      redact_transaction(input, category_mask{ category::immigration } | category_mask{ category::ssn });
   CHECK(dropped.output == transaction({ { 2, "00", tagged(2, { "2.002:00", "2.018:DOE,JO", "2.041:1 MAIN ST" }) } }));
   REQUIRE(dropped.audit.fields.size() == 3);
   CHECK(dropped.audit.fields[0].tag == "2.016");
   CHECK(dropped.audit.fields[0].kind == category::ssn);
   CHECK(dropped.audit.fields[1].tag == "2.020");
   CHECK(dropped.audit.fields[2].tag == "2.021");
   CHECK(input.substr(dropped.audit.fields[2].offset, dropped.audit.fields[2].length) == "2.021:MX" + rs + "US");

   const result masked = redact_transaction(input, veil::default_mask, action::mask);
   CHECK(masked.output == transaction({ { 2, "00",
                                          tagged(2, { "2.002:00", "2.016:123456789", "2.018:DOE,JO", "2.020:**",
                                                      "2.021:**" + rs + "**", "2.041:*********" }) } }));
   CHECK(masked.output.size() == input.size());
}

TEST_CASE("ansi-nist redactor: field numbers compare by value, and LEN keeps the width it was written with")
{
   // An old EFT: 2-digit tags, a zero-padded LEN.
   const std::string input = transaction({ { 2, "00", tagged(2, { "2.02:00", "2.20:MX", "2.18:DOE,JO" }, 6) } });
   REQUIRE(input.find("2.001:0000") != std::string::npos);
   const result r = redact_transaction(input);
   CHECK(r.output == transaction({ { 2, "00", tagged(2, { "2.02:00", "2.18:DOE,JO" }, 6) } }));
   REQUIRE(r.audit.fields.size() == 1);
   CHECK(r.audit.fields[0].tag == "2.020");
}

TEST_CASE("ansi-nist redactor: 2.017 MNU is immigration data when a number is AR, AN, PP, FN or of an unknown type")
{
   for (const std::string& value :
        std::vector<std::string>{ "AR-012345678", "an-1", "PP-X1", "VA-10" + rs + "FN-5", "A", "XX-1" }) {
      CAPTURE(value);
      const std::string input = transaction({ { 2, "00", tagged(2, { "2.002:00", "2.017:" + value }) } });
      CHECK(redact_transaction(input).output == transaction({ { 2, "00", tagged(2, { "2.002:00" }) } }));
   }
   for (const std::string value : { "VA-10", "SS-1", "" }) {
      CAPTURE(value);
      const std::string input = transaction({ { 2, "00", tagged(2, { "2.002:00", "2.017:" + value }) } });
      CHECK(redact_transaction(input).output == input);
   }
}

TEST_CASE("ansi-nist redactor: 2.036 PHT says N once no photo remains, and Type-98 goes when anything went")
{
   const record subject{ 2, "00", tagged(2, { "2.002:00", "2.036:Y" }) };
   const record face{ 10, "01", tagged(10, { "10.002:01", "10.999:" + face_bytes }) };
   const record assurance{ 98, "02", tagged(98, { "98.002:02", "98.003:HASH" }) };
   const std::string input = transaction({ subject, face, assurance });
   const result r = redact_transaction(input);
   CHECK(r.output == transaction({ { 2, "00", tagged(2, { "2.002:00", "2.036:N" }) } }));
   CHECK(r.audit.notes == std::vector<std::string>{ "2.036 PHT set to N: no photo record remains",
                                                     "Type-98 information assurance record dropped: it no longer verifies" });
   CHECK(veil::to_json_line(r.audit).find("\"notes\":[") != std::string::npos);
   // Nothing redacted: the assurance record still verifies, and stays.
   const std::string plain = transaction({ { 2, "00", tagged(2, { "2.002:00", "2.018:DOE" }) }, assurance });
   const result kept = redact_transaction(plain);
   CHECK(kept.output == plain);
   CHECK(kept.audit.notes.empty());
   // A Type-2 record beyond what is held before Type-1 is written may yet lose a field:
   // with a mask that covers Type-2 fields, the assurance record goes on that chance.
   const record first{ 2, "00", tagged(2, { "2.002:00", "2.018:" + std::string(200, 'D') }) };
   const record second{ 2, "03", tagged(2, { "2.002:03", "2.018:ROE" }) };
   const std::string two_subjects = transaction({ first, second, assurance });
   veil::ansi_nist::ansi_nist_options hold_one;
   hold_one.limits.max_text_record = first.bytes.size();  // more than Type-1; room for one
   std::string out;
   const veil::audit_record chance =
      veil::ansi_nist::ansi_nist_redactor<veil::runtime_mask>{ veil::runtime_mask{ veil::default_mask }, hold_one }
         .redact(two_subjects, out);
   CHECK(out == transaction({ first, second }));
   CHECK(chance.result == veil::outcome::redacted);
   CHECK(chance.fields.empty());
   CHECK(redact_transaction(two_subjects).output == two_subjects);  // all held: nothing redacted, all kept
   // Only a Type-2 field redacted: the assurance record goes too.
   const std::string with_pob = transaction({ { 2, "00", tagged(2, { "2.002:00", "2.020:MX" }) }, assurance });
   CHECK(redact_transaction(with_pob).output == transaction({ { 2, "00", tagged(2, { "2.002:00" }) } }));
}

TEST_CASE("ansi-nist redactor: framing faults are refused with their offset and reason, and nothing is written")
{
   const record subject{ 2, "00", tagged(2, { "2.002:00", "2.018:DOE" }) };
   const std::string good = transaction({ subject });
   const std::size_t type2_at = good.find("2.001:");
   struct fault
   {
      std::string input;
      std::size_t offset;
      std::string reason;
   };
   const std::string miscounted = tagged(1, { "1.002:0500", "1.003:1" + us + "2" + rs + "2" + us + "00" }) + subject.bytes;
   const std::string unknown_type = tagged(1, { "1.002:0500", "1.003:1" + us + "1" + rs + "23" + us + "00" });
   std::string unended = tagged(10, { "10.002:01", "10.999:" + face_bytes });
   unended.back() = 'X';
   std::string short_len = good;
   short_len.replace(type2_at + 6, 2, "99");  // LEN runs past the end
   const std::vector<fault> faults{
      { "", 0, "field does not start with a record type and '.'" },
      { good.substr(0, good.size() - 1), good.size() - 1, "transaction ends inside a Type-2 record" },
      { good + "X", good.size(), "bytes after the last record 1.003 CNT lists" },
      { transaction({}) + subject.bytes, transaction({}).size(), "bytes after the last record 1.003 CNT lists" },
      { short_len, good.size(), "transaction ends inside a Type-2 record" },
      { tagged(1, { "1.002:0500", "1.004:CAR" }), 0, "Type-1 has no 1.003 CNT" },
      { miscounted, miscounted.find("1.003:") + 6, "1.003 CNT counts another number of records than it lists" },
      { unknown_type, unknown_type.find(rs + "23") + 1, "1.003 CNT names a record type veil does not read" },
      { transaction({ { 2, "00", tagged(3, { "3.002:00" }) } }), type2_at,
        "field of another record type than the record's own" },
      { transaction({ { 4, "01", std::string(5, '\0') } }), type2_at, "binary record length is under 5 bytes" },
      { transaction({ { 10, "01", unended } }), transaction({ { 10, "01", unended } }).size() - 1,
        "tagged record does not end with FS" },
      { transaction({ { 2, "00", "2.001:5" + gs + "2.002:00\x1c" } }), type2_at,
        "record length is shorter than its own field" },
      { transaction({ { 2, "00", tagged(2, { "2.002:00\x1cX" }) } }), type2_at + good.substr(type2_at).find("2.002:") + 8,
        "FS inside a field" },
   };
   for (const fault& f : faults) {
      CAPTURE(f.input);
      std::string out = "untouched";
      const veil::audit_record audit =
         veil::ansi_nist::ansi_nist_redactor<veil::runtime_mask>{ veil::runtime_mask{ category_mask::all() } }.redact(
            f.input, out);
      REQUIRE(audit.rejected());
      CHECK(out == "untouched");
      CHECK(audit.error->reason == f.reason);
      CHECK(audit.error->offset == f.offset);
   }
}
