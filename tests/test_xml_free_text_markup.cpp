// Class 3, markup inside free-text lines, for XML: a CDATA delimiter, comment, processing
// instruction or empty element inside a line of n2:ResponseText does not change how the
// line is judged. Checked from the reader's view (xml_reader_view.hpp): markers planted
// where a consumer reads an address are invisible to that consumer in veil's output,
// under both actions, and the DOM twin leaves the same tree.

#include "dom_twin_support.hpp"
#include "xml_reader_view.hpp"
#include "xml_redactor_test_support.hpp"

#include <veil/xml/dom_redactor.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::action;
using veil::category;
using veil::category_mask;

const std::string envelope_open = "<n2:NLETS xmlns:n2=\"http://www.nlets.org/niem/1.0\">";

[[nodiscard]] std::string response(std::string_view body)
{
   return envelope_open + "<n2:ResponseText>" + std::string(body) + "</n2:ResponseText></n2:NLETS>";
}

using dom_redactor = veil::xml::dom_redactor<veil::runtime_mask>;

struct outcome
{
   bool rejected = false;
   std::string output;
};

// Redacts `message` both ways: no marker reaches the consumer (nor, with `bytes_too`, any
// byte of the output), a rejected message writes nothing, and the twins agree.
outcome check_hidden(const std::string& message, category_mask mask, action applied,
                     const std::vector<std::string>& markers, bool bytes_too)
{
   CAPTURE(message);
   CAPTURE(veil::name_of(applied));
   veil::xml::xml_options options;
   options.action = applied;
   const veil_test::xml_redactor stream{ veil::runtime_mask{ mask }, options };
   outcome o;
   const veil::audit_record audit = stream.redact(message, o.output);
   o.rejected = audit.rejected();
   if (o.rejected) {
      CHECK(o.output.empty());
      return o;
   }
   CAPTURE(o.output);
   const std::optional<veil_test::consumer_view> view = veil_test::read_as_consumer(o.output);
   REQUIRE(view.has_value());
   for (const std::string& marker : markers) {
      CHECK_FALSE(veil_test::consumer_sees(*view, marker));
      if (bytes_too) {
         CHECK(o.output.find(marker) == std::string::npos);
      }
   }
   const dom_redactor dom{ veil::runtime_mask{ mask }, options };
   const veil_test::twin_result twins = veil_test::redact_both_ways(stream, dom, message);
   CHECK_MESSAGE(!twins.difference, *twins.difference);
   return o;
}

}  // namespace

TEST_CASE("class 3, markup in free text: XML markup inside an address line or its continuation does not hide it")
{
   const category_mask address{ category::address };
   // QZ7 markers stand where a consumer reads the address.
   const std::vector<std::string> bodies{
      "RES ADDR: 1 MAIN\n   <!---->QZ7A\n",
      "RES ADDR<!---->: QZ7A\n",
      "RES <?pi x?>ADDR: QZ7A\n",
      "R<![CDATA[ES ADDR: QZ7A]]>\n",
      "RES ADDR: QZ7A<!---->\n   QZ7B\n",
      "RES ADDR: QZ7A<![CDATA[QZ7B]]>\n   QZ7C\n",
      "RES ADDR: <![CDATA[QZ7A\n   QZ7B]]>\nOK\n",
      "<![CDATA[RES ADDR: QZ7A\n]]>   <?pi x?>QZ7B\n",
      "RES ADDR: QZ7A<x:E xmlns:x=\"urn:x\"/>\n   QZ7B\n",
      "RES ADDR: QZ7A\n   <x:E xmlns:x=\"urn:x\"/>QZ7B\n",
      "RES&#32;ADDR: QZ7A\n<!---->   QZ7B\n",
      "RES ADDR: QZ7A\r   <!---->QZ7B\r\nOK",
      "RES ADDR: Q<!---->Z7A\n   QZ<![CDATA[7B]]>\n",
      "NAM/X\nRES ADDR: QZ7A<!--note-->\n   <![CDATA[]]>QZ7B\nOK\n",
   };
   for (const std::string& body : bodies) {
      for (const action applied : { action::drop, action::mask }) {
         const outcome o = check_hidden(response(body), address, applied, { "QZ7A", "QZ7B", "QZ7C" }, false);
         CHECK_FALSE(o.rejected);  // each of these can be written faithfully
      }
   }
}

TEST_CASE("class 3, markup in free text: XML markup inside or after a removed value goes with it")
{
   const category_mask address{ category::address };
   // A comment or processing instruction standing in the removed part of a line holds
   // none of its text for a reader, but it goes: no byte of the output keeps the marker.
   for (const std::string body : { "RES ADDR: <!--QZ7A-->1 MAIN\n", "RES ADDR: 1 MAIN<?note QZ7A?>\n",
                                   "RES ADDR: 1\n   MAIN<!--QZ7A-->\nOK\n" }) {
      for (const action applied : { action::drop, action::mask }) {
         const outcome o = check_hidden(response(body), address, applied, { "QZ7A" }, true);
         CHECK_FALSE(o.rejected);
      }
   }
   // Markup before the value stays with the label a mask keeps; CDATA delimiters stay.
   const outcome masked =
      check_hidden(response("<!--a-->RES ADDR:<!--b--> <![CDATA[1 MAIN]]><!--c-->\nOK\n"), address, action::mask, {}, false);
   CHECK(masked.output == response("<!--a-->RES ADDR:<!--b--> <![CDATA[******]]>\nOK\n"));
   const outcome dropped =
      check_hidden(response("<!--a-->RES ADDR:<!--b--> <![CDATA[1 MAIN]]><!--c-->\nOK\n"), address, action::drop, {}, false);
   CHECK(dropped.output == response("<!--a--><![CDATA[]]>OK\n"));
   // A line nothing removes keeps every byte, markup included.
   const std::string kept = "NAM/X<!--a-->Y<?p q?><x:E xmlns:x=\"urn:x\"/>\n";
   CHECK(check_hidden(response(kept), address, action::drop, {}, false).output == response(kept));
}

TEST_CASE("class 3, markup in free text: a CR written as a reference and the LF after it are one line break, "
          "whatever markup stands between")
{
   // A reader reads the CR char and the LF as one line break, so the indented line is the
   // address's continuation, however the two are written and whatever stands between.
   const category_mask address{ category::address };
   for (const std::string cr : { "&#13;", "&#xD;", "&#x0d;" }) {
      for (const std::string between : { "<!---->", "<?p q?>", "<![CDATA[]]>", "<m:E xmlns:m=\"urn:m\"/>",
                                         "<!--a--><?p?>", "<![CDATA[]]><!---->" }) {
         for (const std::string lf : { "\n", "&#10;", "&#xA;", "\r", "\r\n", "<![CDATA[\n]]>" }) {
            const std::string body = "RES ADDR: 1 MAIN" + cr + between + lf + "   QZ7TOWN\nOK\n";
            for (const action applied : { action::drop, action::mask }) {
               check_hidden(response(body), address, applied, { "QZ7TOWN" }, true);
            }
         }
      }
   }
   // Markup between lines does not keep a CR char from an LF a later line starts with:
   // dropped, the line between would leave "A" CR LF "B" to a reader, who reads no empty
   // line there, so the message is refused whatever the mask.
   for (const std::string between : { "<!---->", "<?p q?>", "<![CDATA[]]>", "<m:E xmlns:m=\"urn:m\"/>" }) {
      const std::string body = "A&#13;POB: ZZ\n" + between + "\nB\n";
      for (const category_mask mask : { category_mask{ category::immigration }, category_mask{ category::photo } }) {
         CAPTURE(static_cast<int>(mask.bits));
         CHECK(check_hidden(response(body), mask, action::drop, { "ZZ" }, true).rejected);
      }
   }
   // An empty element the redaction drops leaves nothing between a CR byte and an LF byte,
   // which would then make one line break: refused. Masked, it stays and keeps them apart.
   const std::string dropped_between =
      response("A\r<nc:LocationAddress xmlns:nc=\"http://release.niem.gov/niem/niem-core/4.0/\"/>\nB\n");
   CHECK(check_hidden(dropped_between, address, action::drop, {}, false).rejected);
   CHECK_FALSE(check_hidden(dropped_between, address, action::mask, {}, false).rejected);
}

namespace {

// A free-text body written as XML the way producers and attackers write it: markup
// (comments, processing instructions, empty elements, CDATA sections opened and closed
// anywhere) inserted between any two characters, and characters written as references,
// line breaks included. What a reader reads is the body unchanged, so no markup stands
// right after a CR written as such: XML reads that CR as an LF unless an LF written as
// such follows it at once, and then only as such may that LF be written. A CR written as
// &#13; is a CR char, and the LF after it makes one line break with it however it is
// written and whatever markup stands between.
class markup_spelling
{
public:
   explicit markup_spelling(std::uint32_t seed) : random_(seed) {}

   [[nodiscard]] std::string spell(std::string_view body)
   {
      std::string out;
      bool in_cdata = false;
      bool after_cr_byte = false;
      for (std::size_t i = 0; i < body.size(); ++i) {
         if (!after_cr_byte && random_.chance(10)) {
            switch (random_.below(5)) {
               case 0: out += in_cdata ? "]]><!--m-->" + std::string("<![CDATA[") : "<!--m-->"; break;
               case 1: out += in_cdata ? "]]><?m x?><![CDATA[" : "<?m x?>"; break;
               case 2: out += in_cdata ? "]]><m:E xmlns:m=\"urn:m\"/><![CDATA[" : "<m:E xmlns:m=\"urn:m\"/>"; break;
               default:
                  out += in_cdata ? "]]>" : "<![CDATA[";
                  in_cdata = !in_cdata;
                  break;
            }
         }
         const char c = body[i];
         const bool may_reference = !in_cdata && !(c == '\n' && after_cr_byte);
         const bool referenced = may_reference && (c == '&' || c == '<' || c == '>' ||
                                                   random_.chance(c == '\r' ? 3 : 12));
         if (referenced) {
            out += "&#" + std::to_string(static_cast<unsigned char>(c)) + ";";
         }
         else {
            out += c;
         }
         after_cr_byte = c == '\r' && !referenced;
      }
      return out + (in_cdata ? "]]>" : "");
   }

private:
   veil_test::message_generator random_;
};

}  // namespace

TEST_CASE("class 3, markup in free text: generated responses spelled with markup and references hide what a mask "
          "removes from a consumer, and the DOM twin agrees")
{
   veil_test::message_generator generate(31337);
   markup_spelling spelling(4242);
   std::size_t accepted = 0;
   std::size_t runs = 0;
   for (int i = 0; i < 300; ++i) {
      const veil_test::planted_message legacy = generate.response();
      const std::size_t txt = legacy.bytes.find("TXT");
      const std::string body = legacy.bytes.substr(legacy.bytes.find('\n', txt) + 1);
      const category_mask mask = generate.mask();
      std::vector<std::string> removed;
      for (const veil_test::planted_value& v : legacy.values) {
         if (v.kind && mask.contains(*v.kind)) {
            removed.push_back(v.text);
         }
      }
      const std::string message = response(spelling.spell(body));
      for (const action applied : { action::drop, action::mask }) {
         veil::xml::xml_options options;
         options.extra_labels = veil_test::generated_extra_labels;
         options.action = applied;
         const veil_test::xml_redactor stream{ veil::runtime_mask{ mask }, options };
         std::string out;
         const veil::audit_record audit = stream.redact(message, out);
         ++runs;
         if (audit.rejected()) {
            CHECK(out.empty());
            continue;
         }
         ++accepted;
         const std::optional<veil_test::consumer_view> view = veil_test::read_as_consumer(out);
         REQUIRE(view.has_value());
         for (const std::string& value : removed) {
            CAPTURE(message);
            CAPTURE(value);
            CHECK_FALSE(veil_test::consumer_sees(*view, value));
         }
         const dom_redactor dom{ veil::runtime_mask{ mask }, options };
         const veil_test::twin_result twins = veil_test::redact_both_ways(stream, dom, message);
         CHECK_MESSAGE(!twins.difference, *twins.difference);
      }
   }
   MESSAGE("accepted " << accepted << " of " << runs << " markup-spelled responses");
   CHECK(accepted * 2 > runs);  // most spellings can be written faithfully: the property is not vacuous
}
