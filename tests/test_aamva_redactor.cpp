// The AAMVA redactor's rules, one at a time, on small payloads written out here and on
// the AAMVA 2020 Virginia sample: what drop and mask do to an element and to the
// designators, how versions decide an id, jurisdiction elements, and every framing fault
// strict mode refuses and lenient mode mends or refuses.

#include "aamva_test_support.hpp"
#include "sample_messages.hpp"

#include <veil/aamva/aamva_redactor.hpp>
#include <veil/aamva/payload_reader.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil_test::framed;
using veil::category;
using veil::category_mask;
using veil::aamva::framing_mode;

using result = veil_test::redaction;

[[nodiscard]] result redact(std::string_view payload, category_mask mask = veil::default_mask,
                            action applied = action::drop, framing_mode mode = framing_mode::strict,
                            bool unknown_sensitive = false)
{
   return veil_test::redact_aamva(payload, { mask, applied, mode, unknown_sensitive });
}

const std::string v10_header = "@\n\x1e\rANSI 636000100002";
const std::string v10_header_one = "@\n\x1e\rANSI 636000100001";
const std::string v01_header_one = "@\n\x1e\rANSI 6360000101";

[[nodiscard]] std::string virginia()
{
   return veil_test::read_file(std::filesystem::path(VEIL_TEST_DATA_DIR) / "samples" / "aamva" /
                               "benhovinga_readme_v10_VA_sample.txt");
}

}  // namespace

TEST_CASE("aamva redactor: drop takes each element with one separator and rewrites every designator")
{
   const std::string input = framed(v10_header, { "DLDAQ1\nDAG1 MAIN ST\nDCSDOE\nDAK12345\r", "ZVZVA01\r" });
   const result r = redact(input);
   REQUIRE_FALSE(r.audit.rejected());
   // DAG takes the LF after it; DAK, the last element, the LF before it.
   CHECK(r.output == framed(v10_header, { "DLDAQ1\nDCSDOE\r", "ZVZVA01\r" }));
   REQUIRE(r.audit.fields.size() == 2);
   CHECK(r.audit.fields[0].tag == "DAG");
   CHECK(r.audit.fields[0].kind == category::address);
   CHECK(r.audit.fields[0].offset == input.find("DAG1"));
   CHECK(r.audit.fields[0].length == std::string_view("DAG1 MAIN ST").size());
   CHECK(r.audit.fields[1].offset == input.find("DAK"));
   CHECK(r.audit.result == veil::outcome::redacted);

   // The first element: the next one follows the type directly.
   CHECK(redact(framed(v10_header_one, { "DLDAG1 MAIN ST\nDCSDOE\r" })).output ==
         framed(v10_header_one, { "DLDCSDOE\r" }));
   // The only element: the subfile keeps its type and CR.
   CHECK(redact(framed(v10_header_one, { "DLDAG1 MAIN ST\r" })).output == framed(v10_header_one, { "DL\r" }));
   // An LF before the CR stays when an element is left before it.
   CHECK(redact(framed(v10_header_one, { "DLDCSDOE\nDAG1 MAIN ST\n\r" })).output ==
         framed(v10_header_one, { "DLDCSDOE\n\r" }));
}

TEST_CASE("aamva redactor: mask keeps id and length, so nothing after it moves")
{
   const std::string input = framed(v10_header, { "DLDAQ1\nDAG1 MAIN ST\nDDAF\r", "ZVZVA01\r" });
   const result r = redact(input, veil::default_mask, action::mask);
   CHECK(r.output == framed(v10_header, { "DLDAQ1\nDAG*********\nDDA*\r", "ZVZVA01\r" }));
   CHECK(r.output.size() == input.size());
   REQUIRE(r.audit.fields.size() == 2);
   CHECK(r.audit.fields[1].kind == category::immigration);
   CHECK(r.audit.fields[1].applied == action::mask);
}

TEST_CASE("aamva redactor: the Virginia sample loses its address and immigration elements, nothing else")
{
   const std::string input = virginia();
   const result r = redact(input);
   REQUIRE_FALSE(r.audit.rejected());
   std::string expected_dl = input.substr(41, 278);
   for (const std::string_view gone : { "DAG2300 WEST BROAD STREET\n", "DAIRICHMOND\n", "DAJVA\n", "DAK232690000  \n",
                                        "DDAF\n", "\nDDD1" }) {
      const std::size_t at = expected_dl.find(gone);
      REQUIRE(at != std::string::npos);
      expected_dl.erase(at, gone.size());
   }
   CHECK(r.output == framed(input.substr(0, 21), { expected_dl, input.substr(319) }));
   std::vector<std::string> tags;
   for (const veil::redacted_field& f : r.audit.fields) {
      tags.push_back(f.tag);
   }
   CHECK(tags == std::vector<std::string>{ "DAG", "DAI", "DAJ", "DAK", "DDA", "DDD" });
   // Under no category the payload passes as it came.
   const result none = redact(input, category_mask::none());
   CHECK(none.output == input);
   CHECK(none.audit.result == veil::outcome::passed);
}

TEST_CASE("aamva redactor: an id takes the sensitive meaning any version gives it, whatever the payload's version")
{
   const category_mask medical{ category::medical };
   // DBG: medical indicator codes in version 01, an alias given name from version 03. A
   // card need not keep to its version, so DBG goes under medical in every version.
   CHECK(redact(framed(v01_header_one, { "DLDAQ1\nDBG4\r" }), medical).output == framed(v01_header_one, { "DLDAQ1\r" }));
   const std::string v04 = framed("@\n\x1e\rANSI 636000040001", { "DLDAQ1\nDBGJO\r" });
   const result alias = redact(v04, medical);
   CHECK(alias.output == framed("@\n\x1e\rANSI 636000040001", { "DLDAQ1\r" }));
   REQUIRE(alias.audit.fields.size() == 1);
   CHECK(alias.audit.fields[0].kind == category::medical);
   CHECK(redact(v04, veil::default_mask).output == v04);
   // DAL (residence address) exists only in version 01; a version 10 card carrying it loses it.
   CHECK(redact(framed(v10_header_one, { "DLDAQ1\nDAL1 MAIN ST\r" })).output == framed(v10_header_one, { "DLDAQ1\r" }));
   // DDN (non-domiciled) is version 11's; SSN elements version 01's.
   const std::string v11 = framed("@\n\x1e\rANSI 636000110001", { "DLDAQ1\nDDN1\r" });
   CHECK(redact(v11).output == framed("@\n\x1e\rANSI 636000110001", { "DLDAQ1\r" }));
   CHECK(redact(framed(v01_header_one, { "DLDBK123456789\nDAQ1\r" }), category_mask{ category::ssn }).output ==
         framed(v01_header_one, { "DLDAQ1\r" }));
}

TEST_CASE("aamva redactor: jurisdiction elements stay unless unknown elements count as sensitive")
{
   const std::string input = framed(v10_header, { "DLDAQ1\r", "ZVZVA01\nZVBCOUNTY\r" });
   CHECK(redact(input).output == input);
   const result strict_unknown = redact(input, veil::default_mask, action::drop, framing_mode::strict, true);
   CHECK(strict_unknown.output == framed(v10_header, { "DLDAQ1\r", "ZV\r" }));
   REQUIRE(strict_unknown.audit.fields.size() == 2);
   CHECK(strict_unknown.audit.fields[0].kind == category::address);  // the mask's first category
   CHECK(redact(input, category_mask{ category::ssn }, action::drop, framing_mode::strict, true)
            .audit.fields[0]
            .kind == category::ssn);
   // With nothing masked, nothing is sensitive.
   CHECK(redact(input, category_mask::none(), action::drop, framing_mode::strict, true).output == input);
}

TEST_CASE("aamva redactor: strict mode refuses every framing fault with its offset and reason, and writes nothing")
{
   const std::string good = framed(v10_header, { "DLDAQ1\nDCSDOE\r", "ZVZVA01\r" });
   const std::string not_an_element =
      "a line of the 1st subfile does not start with an element id of the standard or of the subfile's jurisdiction";
   struct fault
   {
      std::string payload;
      std::size_t offset;
      std::string reason;
   };
   std::string wrong_offset = good;
   wrong_offset.replace(23, 4, "0042");
   std::string long_length = good;
   long_length.replace(27, 4, "0099");
   std::string short_length = good;
   short_length.replace(27, 4, "0010");
   const std::vector<fault> faults{
      { "\xEF\xBB\xBF" + good, 0, "byte order mark before '@' (lenient mode accepts it)" },
      { "x" + good, 0, "payload does not start with '@'" },
      { "@\n\x1e\nANSI " + good.substr(9), 1, "header separators are not LF RS CR" },
      { "@\n\x1e\rAAMVA" + good.substr(9), 4, "file type AAMVA (lenient mode accepts it)" },
      { "@\n\x1e\rANSI-" + good.substr(9), 4, "file type is not \"ANSI \"" },
      { "@\n\x1e\rANSI 63600A" + good.substr(15), 9, "issuer identification number is not 6 digits" },
      { "@\n\x1e\rANSI 636000" + std::string("00") + good.substr(17), 15,
        "AAMVA version number is not one veil reads (01 to 11)" },
      { "@\n\x1e\rANSI 636000" + std::string("12") + good.substr(17), 15,
        "AAMVA version number is not one veil reads (01 to 11)" },
      { "@\n\x1e\rANSI 63600010" + std::string("0") + "X" + good.substr(19), 17,
        "jurisdiction version number is not 2 digits" },
      { "@\n\x1e\rANSI 6360001000" + std::string("00") + good.substr(21), 19, "number of entries designates no subfile" },
      { good.substr(0, 25), 25, "payload ends in the subfile offset" },
      { good.substr(0, 21) + "1L" + good.substr(23), 21, "subfile type is not DL, ID or Z and a letter" },
      { wrong_offset, 41, "the 1st subfile is not designated where the designators end" },
      { framed(v10_header, { "DLDAQ1\r", "ZVZVA01\r" }).replace(33, 4, "0049"), 48,
        "the 2nd subfile is not designated where the one before it ends" },
      { long_length, 41, "the designated length of the 1st subfile does not fit the payload" },
      { short_length, 50, "the 1st subfile does not end with CR" },
      { framed(v10_header_one, { "IDDAQ1\r" }).replace(31, 2, "DL"), 31,
        "the 1st subfile does not start with its designated type" },
      { framed(v10_header_one, { "DLDAQ1\rDCSDOE\r" }), 37, "CR inside the 1st subfile" },
      { framed(v10_header_one, { "DLDAQ1\n\nDCSDOE\r" }), 38, "empty element in the 1st subfile" },
      { framed(v10_header_one, { "DL\nDAQ1\r" }), 33, "empty element in the 1st subfile" },
      { framed(v10_header_one, { "DLDAQ1\nDC\r" }), 38, not_an_element },
      { framed(v10_header_one, { "DLdaq1\r" }), 33, not_an_element },
      { framed(v10_header_one, { "DLDAQ1\nDAQ\x1e" "2\r" }), 41, "an element of the 1st subfile holds a control byte or a line break" },
      { good + "\r", good.size(), "bytes after the last subfile" },
   };
   for (const fault& f : faults) {
      CAPTURE(f.payload);
      std::string out = "untouched";
      veil::aamva::aamva_redactor<veil::runtime_mask> redactor{ veil::runtime_mask{ category_mask::all() } };
      const veil::audit_record audit = redactor.redact(f.payload, out);
      REQUIRE(audit.rejected());
      CHECK(audit.error->reason == f.reason);
      CHECK(audit.error->offset == f.offset);
      CHECK(audit.fields.empty());
      CHECK(out == "untouched");
   }
}

TEST_CASE("aamva redactor: lenient mode mends what scanners do and writes the standard's framing")
{
   const std::string expected = framed(v10_header, { "DLDAQ1\nDCSDOE\r", "ZVZVA01\r" });
   // A DL and an ID subfile, both in order: lenient reads them as strict mode does.
   const std::string two = framed(v10_header, { "DLDAQ123\nDCSDOE\nDAGMAIN ST\r", "IDDAQ456\nDCSROE\r" });
   const result strict_two = redact(two, category_mask::all());
   const result lenient_two = redact(two, category_mask::all(), action::drop, framing_mode::lenient);
   REQUIRE_FALSE(lenient_two.audit.rejected());
   CHECK(lenient_two.output == strict_two.output);
   CHECK(to_json_line(lenient_two.audit) == to_json_line(strict_two.audit));

   const std::vector<std::string> damaged{
      // byte order mark and leading line break; CR turned into LF everywhere
      "\xEF\xBB\xBF\n@\n\x1e\nANSI 636000100002DL00410099ZV01400008DLDAQ1\nDAG1 MAIN ST\nDCSDOE\nZVZVA01\n",
      // RS lost, CR LF for every break, wrong offsets, AAMVA file type
      "@\n\r\nAAMVA636000100002DL00000000ZV00000000DLDAQ1\r\nDAG1 MAIN ST\r\nDCSDOE\r\nZVZVA01\r\n",
      // FS for RS, doubled breaks, the DL type lost, a jurisdiction subfile type lost
      "@\n\x1c\rANSI 636000100002DL00410050ZV00910008DAQ1\n\nDAG1 MAIN ST\r\rDCSDOE\r\nZVA01\r",
      // the type alone on its line
      "@\n\x1e\rANSI 636000100002DL00410050ZV00910008DL\nDAQ1\nDAG1 MAIN ST\nDCSDOE\rZV\nZVA01\r",
   };
   for (const std::string& payload : damaged) {
      CAPTURE(payload);
      const result strict = redact(payload);
      CHECK(strict.audit.rejected());
      const result lenient = redact(payload, veil::default_mask, action::drop, framing_mode::lenient);
      REQUIRE_FALSE(lenient.audit.rejected());
      CHECK(lenient.output == expected);
      REQUIRE(lenient.audit.fields.size() == 1);
      CHECK(payload.substr(lenient.audit.fields[0].offset, lenient.audit.fields[0].length) == "DAG1 MAIN ST");
   }
}

TEST_CASE("aamva redactor: lenient mode refuses what it cannot frame without guessing")
{
   struct refusal
   {
      std::string payload;
      std::string reason;
   };
   const std::vector<refusal> refusals{
      { "@|\x1e|ANSI 636000100001DL00310010DLDAQ1|DAG1\r", "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
      { "@\n\xC2\x90\x1e\rANSI 636000100001DL00310010DLDAQ1\r",
        "no \"ANSI \" or \"AAMVA\" file type after '@' and its separators" },
      { "@\n\x1e\rANSI 636000100001DLabcdefghDLDAQ1\r", "subfile offset is not 4 digits" },
      // The ZV subfile's break was lost inside a value: it never starts on a line of its own.
      { "@\n\x1e\rANSI 636000100002DL00410010ZV00510008DLDAQ1\nDCSDOEZVZVA01\r", "the 2nd subfile never starts" },
      // DL then ID, the ID type lost: "DABX" stays DL's element, and ID never starts.
      { "@\n\x1e\rANSI 636000100002DL00410010ID00510008DLDAQ1\nDABX\r", "the 2nd subfile never starts" },
      // The next subfile's type followed by an element the current one could hold.
      { "@\n\x1e\rANSI 636000100002ZV00410010ZV00510008ZVZVA01\nZVZVB02\r",
        "a line could be an element of the 1st subfile or the start of the 2nd subfile" },
      { "@\n\x1e\rANSI 636000100001DL00310010XYZ\nDLDAQ1\r", "the 1st subfile does not start where the designators end" },
      { "@\n\x1e\rANSI 636000100001DL00310010DLDAQ1\n!!\r",
        "a line of the 1st subfile does not start with an element id of the standard or of the subfile's jurisdiction" },
      // Separators lenient mode does not take: an RS, a UTF-8 line separator.
      { "@\n\x1e\rANSI 636000100001DL00310010DLDAQ1\x1e" "DAG1 MAIN ST\r",
        "an element of the 1st subfile holds a control byte or a line break" },
      { "@\n\x1e\rANSI 636000100001DL00310010DLDAQ1\xE2\x80\xA8" "DAG1 MAIN ST\r",
        "an element of the 1st subfile holds a control byte or a line break" },
   };
   for (const refusal& r : refusals) {
      CAPTURE(r.payload);
      const result lenient = redact(r.payload, veil::default_mask, action::drop, framing_mode::lenient);
      REQUIRE(lenient.audit.rejected());
      CHECK(lenient.audit.error->reason == r.reason);
      CHECK(lenient.output.empty());
   }
}

TEST_CASE("aamva redactor: a static mask redacts as the same run-time mask does, and the size limit holds")
{
   const std::string input = virginia();
   std::string fixed;
   std::string configured;
   (void)veil::aamva::aamva_redactor<veil::static_mask<veil::default_mask>>{}.redact(input, fixed);
   (void)veil::aamva::aamva_redactor<veil::runtime_mask>{}.redact(input, configured);
   CHECK(fixed == configured);
   CHECK(fixed != input);

   veil::aamva::aamva_options small;
   small.max_payload_size = input.size() - 1;
   std::string out;
   const veil::audit_record audit =
      veil::aamva::aamva_redactor<veil::runtime_mask>{ veil::runtime_mask{}, small }.redact(input, out);
   REQUIRE(audit.rejected());
   CHECK(audit.error->reason == "payload longer than " + std::to_string(input.size() - 1) + " bytes");
   CHECK(out.empty());
}

TEST_CASE("aamva redactor: a payload whose subfiles would lie past offset 9999 cannot be written, so it is refused")
{
   // Lenient mode frames subfiles from line breaks, whatever their designators say.
   const std::string long_value(9000, 'X');
   const std::string payload = "@\n\x1e\rANSI 636000100002DL00410000ZV00000000DLDAQ1\nDCS" + long_value + "\nDAD" +
                               long_value + "\rZVZVA01\r";
   veil::aamva::aamva_options options;
   options.mode = framing_mode::lenient;
   options.max_payload_size = 64 << 10;
   std::string out;
   const veil::audit_record audit =
      veil::aamva::aamva_redactor<veil::runtime_mask>{ veil::runtime_mask{}, options }.redact(payload, out);
   REQUIRE(audit.rejected());
   CHECK(audit.error->reason == "the 1st subfile would lie past what a designator can say (9999)");
   CHECK(out.empty());
}
