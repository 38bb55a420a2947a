// The streaming XML reader: every byte given back, names resolved by namespace URI, the
// same events and errors however the input is split, every malformed or oversized
// construct refused with its offset, and memory bounded by the limits.

#include "xml_test_support.hpp"

#include <veil/rejection.hpp>
#include <veil/xml/namespace_scope.hpp>
#include <veil/xml/xml_events.hpp>
#include <veil/xml/xml_limits.hpp>
#include <veil/xml/xml_reader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using veil_test::read_in_chunks;
using veil_test::read_in_memory;
using veil_test::xml_reading;

constexpr std::size_t whole = std::numeric_limits<std::size_t>::max();

constexpr std::string_view niem2 = "http://niem.gov/niem/niem-core/2.0";
constexpr std::string_view niem3 = "http://release.niem.gov/niem/niem-core/3.0/";

// Every feature the reader accepts, in one document.
const std::string feature_document =
   "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<?pi data?>\n"
   "<r xmlns=\"urn:d\" xmlns:p='urn:p' a=\"1\" p:b='x &amp; &#65;&#x42;' xml:lang=\"en\">"
   "t&lt;&gt;&apos;&quot;\xC3\xA9<p:c/><![CDATA[<not> & markup]]><d\n>x</d ></r>\n<!-- after -->\n";

const std::string namespace_document = "<m xmlns:nc=\"" + std::string(niem2) +
                                       "\"><nc:PersonName/><x xmlns:nc=\"" + std::string(niem3) +
                                       "\"><nc:PersonName/></x><nc:PersonName>n</nc:PersonName></m>";

[[nodiscard]] bool has_event(const xml_reading& r, const std::string& event)
{
   return std::find(r.recorded.events.begin(), r.recorded.events.end(), event) != r.recorded.events.end();
}

void check_same(const xml_reading& expected, const xml_reading& actual)
{
   CHECK(actual.recorded.events == expected.recorded.events);
   REQUIRE(actual.error.has_value() == expected.error.has_value());
   if (expected.error) {
      CHECK(actual.error->offset == expected.error->offset);
      CHECK(actual.error->reason == expected.error->reason);
   }
}

// Splitting in two at every offset, and feeding single bytes, changes nothing.
void check_every_split(const std::string& document, const veil::xml::xml_limits& limits = {})
{
   const xml_reading reference = read_in_memory(document, limits);
   check_same(reference, read_in_chunks(document, { 1 }, limits));
   for (std::size_t k = 1; k < document.size(); ++k) {
      CAPTURE(k);
      check_same(reference, read_in_chunks(document, { k, whole }, limits));
   }
}

void check_rejected(const std::string& document, std::size_t offset, const std::string& reason,
                    const veil::xml::xml_limits& limits = {})
{
   CAPTURE(document.substr(0, 80));
   const xml_reading in_memory = read_in_memory(document, limits);
   REQUIRE(in_memory.error.has_value());
   CHECK(in_memory.error->offset == offset);
   CHECK(in_memory.error->reason == reason);
   check_same(in_memory, read_in_chunks(document, { 1 }, limits));
   check_same(in_memory, read_in_chunks(document, { 4096 }, limits));
}

// Bytes made on demand: prefix, then `count` units from `unit(i)`, then suffix. Keeps
// the largest request and a hash of what it handed out, so a document of any size can be
// read without being held in memory.
class generated_source
{
public:
   generated_source(std::string prefix, std::size_t count, std::function<std::string(std::size_t)> unit,
                    std::string suffix)
      : count_(count), unit_(std::move(unit)), suffix_(std::move(suffix)), pending_(std::move(prefix))
   {}

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      largest_request = std::max(largest_request, capacity);
      std::size_t n = 0;
      while (n < capacity) {
         if (used_ == pending_.size()) {
            if (!refill()) {
               break;
            }
         }
         const std::size_t k = std::min(capacity - n, pending_.size() - used_);
         std::copy_n(pending_.data() + used_, k, buffer + n);
         hash.add({ pending_.data() + used_, k });
         used_ += k;
         n += k;
      }
      return n;
   }

   struct fnv1a
   {
      std::uint64_t value = 14695981039346656037ULL;
      void add(std::string_view bytes)
      {
         for (const char c : bytes) {
            value = (value ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
         }
      }
   };

   std::size_t largest_request = 0;
   fnv1a hash;

private:
   bool refill()
   {
      used_ = 0;
      if (next_ < count_) {
         pending_ = unit_(next_++);
         return true;
      }
      if (!suffix_done_) {
         suffix_done_ = true;
         pending_ = suffix_;
         return true;
      }
      pending_.clear();
      return false;
   }

   std::size_t count_;
   std::function<std::string(std::size_t)> unit_;
   std::string suffix_;
   std::string pending_;
   std::size_t used_ = 0;
   std::size_t next_ = 0;
   bool suffix_done_ = false;
};

// Keeps nothing but sizes and a hash of the bytes, for documents too big to record.
struct measuring_handler
{
   generated_source::fnv1a hash;
   std::size_t text_bytes = 0;
   std::size_t largest_piece = 0;
   std::size_t pieces = 0;

   void on_start(const veil::xml::element_start& e) { hash.add(e.raw); }
   void on_end(const veil::xml::element_end& e) { hash.add(e.raw); }
   void on_text(std::string_view piece, std::size_t /*offset*/, veil::xml::text_kind /*kind*/)
   {
      hash.add(piece);
      text_bytes += piece.size();
      largest_piece = std::max(largest_piece, piece.size());
      ++pieces;
   }
   void on_markup(std::string_view raw, std::size_t /*offset*/) { hash.add(raw); }
};

}  // namespace

TEST_CASE("xml reader: the handler gets back every byte of the NIEM samples, in memory and in chunks")
{
   std::mt19937 random(20240314);
   for (const std::string_view name : veil_test::niem_samples) {
      CAPTURE(name);
      const std::string document = veil_test::read_sample(name);
      REQUIRE(document.size() > 1000);
      const xml_reading in_memory = read_in_memory(document);
      REQUIRE_FALSE(in_memory.error.has_value());
      CHECK(in_memory.recorded.bytes == document);
      for (int split = 0; split < 8; ++split) {
         std::vector<std::size_t> sizes(64);
         std::uniform_int_distribution<std::size_t> size(1, split % 2 == 0 ? 16 : 9000);
         std::generate(sizes.begin(), sizes.end(), [&] { return size(random); });
         const xml_reading chunked = read_in_chunks(document, sizes);
         check_same(in_memory, chunked);
         CHECK(chunked.recorded.bytes == document);
      }
   }
}

TEST_CASE("xml reader: a document using every accepted feature is given back byte for byte")
{
   const xml_reading r = read_in_memory(feature_document);
   REQUIRE_FALSE(r.error.has_value());
   CHECK(r.recorded.bytes == feature_document);
   CHECK(r.recorded.events.front() == "markup@0 \xEF\xBB\xBF");
   CHECK(r.recorded.events[1] == "markup@3 <?xml version=\"1.0\" encoding=\"UTF-8\"?>");
   const std::size_t root = feature_document.find("<r ");
   CHECK(has_event(r, "start@" + std::to_string(root) +
                         " {urn:d}r as r depth 1 {http://www.w3.org/2000/xmlns/}xmlns as xmlns=urn:d"
                         " {http://www.w3.org/2000/xmlns/}p as xmlns:p=urn:p {}a as a=1 {urn:p}b as p:b=x &amp; "
                         "&#65;&#x42; {http://www.w3.org/XML/1998/namespace}lang as xml:lang=en"));
   CHECK(has_event(r, "text@" + std::to_string(feature_document.find("t&lt;")) + " t&lt;&gt;&apos;&quot;\xC3\xA9"));
   const std::size_t child = feature_document.find("<p:c/>");
   CHECK(has_event(r, "start@" + std::to_string(child) + " {urn:p}c as p:c depth 2 empty"));
   CHECK(has_event(r, "end@" + std::to_string(child + 6) + " {urn:p}c as p:c depth 2 raw "));
   const std::size_t cdata = feature_document.find("<![CDATA[");
   CHECK(has_event(r, "markup@" + std::to_string(cdata) + " <![CDATA["));
   CHECK(has_event(r, "cdata@" + std::to_string(cdata + 9) + " <not> & markup"));
   CHECK(has_event(r, "markup@" + std::to_string(feature_document.find("]]>")) + " ]]>"));
   CHECK(has_event(r, "end@" + std::to_string(feature_document.find("</d >")) + " {urn:d}d as d depth 2 raw </d >"));
   CHECK(r.recorded.events.back() == "markup@" + std::to_string(feature_document.size() - 1) + " \n");
}

TEST_CASE("xml reader: tab, LF, CR, DEL and the characters just below U+FFFE are allowed where text is")
{
   const std::string document = "<r a=\"\t\x7F\">\t\r\n\x7F\xEF\xBF\xBD<![CDATA[\r\xEF\xBF\xBD]]><!--\t--></r>";
   const xml_reading r = read_in_memory(document);
   REQUIRE_FALSE(r.error.has_value());
   CHECK(r.recorded.bytes == document);
}

TEST_CASE("xml reader: names are resolved by namespace URI in their scope, not by prefix")
{
   const xml_reading r = read_in_memory(namespace_document);
   REQUIRE_FALSE(r.error.has_value());
   std::vector<std::string> person_names;
   for (const std::string& event : r.recorded.events) {
      if (event.starts_with("start@") && event.find("}PersonName as nc:PersonName") != std::string::npos) {
         person_names.push_back(event.substr(event.find('{')));
      }
   }
   const std::string in2 = "{" + std::string(niem2) + "}PersonName as nc:PersonName";
   const std::string in3 = "{" + std::string(niem3) + "}PersonName as nc:PersonName";
   CHECK(person_names == std::vector<std::string>{ in2 + " depth 2 empty", in3 + " depth 3 empty", in2 + " depth 2" });
   CHECK(has_event(r, "end@" + std::to_string(namespace_document.find("</nc:PersonName>")) + " " + in2 +
                         " depth 2 raw </nc:PersonName>"));

   // The default namespace applies to unprefixed elements, never to attributes; an inner
   // xmlns="" takes it away again.
   const xml_reading d = read_in_memory("<a xmlns=\"urn:d\" k=\"v\"><b xmlns=\"\"/></a>");
   REQUIRE_FALSE(d.error.has_value());
   CHECK(has_event(d, "start@0 {urn:d}a as a depth 1 {http://www.w3.org/2000/xmlns/}xmlns as xmlns=urn:d {}k as k=v"));
   CHECK(has_event(d, "start@23 {}b as b depth 2 empty {http://www.w3.org/2000/xmlns/}xmlns as xmlns="));
}

TEST_CASE("xml reader: namespace_scope unwinds an element's declarations and bounds the bindings")
{
   veil::xml::namespace_scope scope(2);
   scope.declare("nc", niem2, 0);
   const std::size_t mark = scope.mark();
   scope.declare("nc", niem3, 10);
   CHECK(scope.resolve("nc") == niem3);
   CHECK_THROWS_AS(scope.declare("j", "urn:j", 20), veil::rejected_input);
   scope.unwind(mark);
   CHECK(scope.resolve("nc") == niem2);
   CHECK_FALSE(scope.resolve("j").has_value());
   CHECK(scope.resolve("xml") == veil::xml::xml_namespace_uri);
   CHECK(scope.resolve("")->empty());
}

TEST_CASE("xml reader: same events and same errors at every split point of small documents")
{
   check_every_split(feature_document);
   check_every_split(namespace_document);
   for (const std::string document :
        { "<r>a &amp; b</r>", "<r><a></b></r>", "<r a=\"1\" a='2'/>", "<r><![CDATA[x]]y", "<!DOCTYPE r><r/>",
          "<r>&#x110000;</r>", "<r/>\n<?xml version=\"1.0\"?>", "<r><!-- -- --></r>", "<r>\xC3</r>" }) {
      CAPTURE(document);
      check_every_split(document);
   }
   veil::xml::xml_limits small;
   small.max_text_piece = 4;
   small.max_name_length = 3;
   check_every_split("<r>abcdefgh&amp;ij\xE2\x82\xACk<![CDATA[0123456789]]></r>", small);
   check_every_split("<r><abcd/></r>", small);
}

TEST_CASE("xml reader: malformed documents are rejected with the offset and the reason")
{
   check_rejected("<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>", 0, "DOCTYPE is not allowed");
   check_rejected("<r><!DOCTYPE r></r>", 3, "DOCTYPE is not allowed");
   check_rejected("<r><!X></r>", 3, "expected a comment or CDATA section after '<!'");
   check_rejected("<r>&foo;</r>", 3, "entity reference other than the five predefined entities");
   check_rejected("<r a=\"&foo;\"/>", 6, "entity reference other than the five predefined entities");
   check_rejected("<r>&#xD800;</r>", 3, "character reference to a code point XML does not allow");
   check_rejected("<r>&#x110000;</r>", 3, "character reference to a code point XML does not allow");
   check_rejected("<r>&#1;</r>", 3, "character reference to a code point XML does not allow");
   check_rejected("<r>&#12a;</r>", 3, "malformed character reference");
   check_rejected("<r>&#x;</r>", 3, "malformed character reference");
   check_rejected("<r>a & b</r>", 5, "malformed reference");
   check_rejected("<r>&amp</r>", 3, "malformed reference");
   check_rejected("<r><a></b></r>", 6, "end tag does not match the open element");
   check_rejected("</r>", 0, "end tag without a matching start tag");
   check_rejected("<r><a>", 6, "message ends early: element not closed");
   check_rejected("<r>text", 7, "message ends early: element not closed");
   check_rejected("", 0, "message ends early: no root element");
   check_rejected("<r></r", 6, "message ends early: expected '>' to close an end tag");
   check_rejected("<r></ r>", 5, "expected an element name after '</'");
   check_rejected("<r><![CDATA[x", 13, "message ends early: unclosed CDATA section");
   check_rejected("<r><!-- x", 9, "message ends early: unclosed comment");
   check_rejected("<r><!-- a -- b --></r>", 10, "'--' inside a comment");
   check_rejected("<r><?pi x", 9, "message ends early: unclosed processing instruction");
   check_rejected("<r><? x?></r>", 5, "processing instruction without a target name");
   check_rejected("<r a=\"1\"", 8, "message ends early: unclosed start tag");
   check_rejected("<r a=\"1", 7, "message ends early: unclosed start tag");
   check_rejected("<", 1, "message ends early: unclosed start tag");
   check_rejected("<r a=1/>", 5, "attribute value must be in quotes");
   check_rejected("<r a\"1\"/>", 4, "expected '=' after an attribute name");
   check_rejected("<r a=\"<\"/>", 6, "'<' in an attribute value");
   check_rejected("<r a=\"1\"b=\"2\"/>", 8, "expected whitespace before an attribute");
   check_rejected("<r /x>", 4, "expected '>' after '/' in a start tag");
   check_rejected("< r/>", 1, "expected an element name after '<'");
   check_rejected("<r a=\"1\" a='2'/>", 9, "duplicate attribute");
   check_rejected("<r xmlns:p=\"u\" xmlns:q=\"u\" p:a=\"1\" q:a=\"2\"/>", 35, "duplicate attribute");
   check_rejected("<p:r/>", 1, "undeclared namespace prefix");
   check_rejected("<r p:a=\"1\"/>", 3, "undeclared namespace prefix");
   check_rejected("<r><p:a xmlns:p=\"u\"/><p:b/></r>", 22, "undeclared namespace prefix");
   check_rejected("<r:/>", 1, "malformed qualified name");
   check_rejected("<a:b:c xmlns:a=\"u\"/>", 1, "malformed qualified name");
   check_rejected("<xmlns:r/>", 1, "the xmlns prefix cannot name an element");
   check_rejected("<r xmlns:p=\"\"/>", 3, "a namespace prefix cannot be undeclared");
   check_rejected("<r xmlns:xml=\"urn:x\"/>", 3, "the xml prefix cannot be bound to another namespace");
   check_rejected("<r xmlns:xmlns=\"urn:x\"/>", 3, "the xmlns prefix cannot be declared");
   check_rejected("<r xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>", 3,
                  "the xml namespace cannot be bound to another prefix");
   check_rejected("<r xmlns=\"http://www.w3.org/2000/xmlns/\"/>", 3, "the xmlns namespace cannot be bound");
   check_rejected("<r/>x", 4, "bytes after the root element");
   check_rejected("<r/> <!-- c --> &amp;", 16, "bytes after the root element");
   check_rejected("x<r/>", 0, "text before the root element");
   check_rejected("<r/><s/>", 4, "a second root element");
   check_rejected("<![CDATA[x]]><r/>", 0, "CDATA section outside the root element");
   check_rejected(" <?xml version=\"1.0\"?><r/>", 1, "XML declaration not at the start of the document");
   check_rejected("<r/>\n<?xml version=\"1.0\"?>", 5, "XML declaration not at the start of the document");
   check_rejected("<r>]]></r>", 3, "']]>' in text");
   check_rejected(std::string("<r>a\0</r>", 9), 4, "NUL byte");
   check_rejected(std::string("<r a=\"\0\"/>", 10), 6, "NUL byte");
   check_rejected(std::string("<r><!--\0--></r>", 14), 7, "NUL byte");
   check_rejected("<r\xC3\x28/>", 2, "invalid UTF-8");
   check_rejected("<r><a\xFF/></r>", 5, "invalid UTF-8");
   check_rejected("<r>\xFF</r>", 3, "invalid UTF-8");
   check_rejected("<r>\xC0\xAF</r>", 3, "invalid UTF-8");          // overlong '/'
   check_rejected("<r>\xED\xA0\x80</r>", 3, "invalid UTF-8");      // a UTF-16 surrogate
   check_rejected("<r a=\"\xE2\x82\"/>", 6, "invalid UTF-8");       // cut short
   check_rejected("<r><![CDATA[\x80]]></r>", 12, "invalid UTF-8");
   check_rejected("<r><!-- \xF5 --></r>", 8, "invalid UTF-8");
   // XML 1.0 has no place for C0 controls other than tab, LF and CR, nor U+FFFE/U+FFFF.
   check_rejected("<r>a\x01</r>", 4, "control character that XML does not allow");
   check_rejected("<r a=\"\x1F\"/>", 6, "control character that XML does not allow");
   check_rejected("<r><![CDATA[\x08]]></r>", 12, "control character that XML does not allow");
   check_rejected("<r><?pi \x0B?></r>", 8, "control character that XML does not allow");
   check_rejected("<r>\xEF\xBF\xBF</r>", 3, "U+FFFE or U+FFFF, which XML does not allow");
   check_rejected("<r><!--\xEF\xBF\xBE--></r>", 7, "U+FFFE or U+FFFF, which XML does not allow");
}

TEST_CASE("xml reader: every limit is enforced with a reason naming it, and can be raised")
{
   const veil::xml::xml_limits defaults;
   veil::xml::xml_limits raised;
   raised.max_depth = 300;
   raised.max_attributes = 300;
   raised.max_name_length = 300;
   raised.max_tag_size = 128 << 10;
   raised.max_namespace_bindings = 2000;
   raised.max_markup_size = 128 << 10;

   SUBCASE("depth")
   {
      std::string deep;
      for (int i = 0; i < 257; ++i) {
         deep += "<a>";
      }
      for (int i = 0; i < 257; ++i) {
         deep += "</a>";
      }
      check_rejected(deep, 256 * 3, "elements nested deeper than 256");
      CHECK_FALSE(read_in_memory(deep, raised).error.has_value());
      CHECK_FALSE(read_in_memory(deep.substr(3, deep.size() - 7)).error.has_value());  // 256 deep fits
   }
   SUBCASE("attributes")
   {
      std::string tag = "<r";
      std::size_t last = 0;
      for (int i = 0; i < 257; ++i) {
         tag += " ";
         last = tag.size();
         tag += "a" + std::to_string(i) + "=\"\"";
      }
      check_rejected(tag + "/>", last, "more than 256 attributes in a start tag");
      CHECK_FALSE(read_in_memory(tag + "/>", raised).error.has_value());
      CHECK_FALSE(read_in_memory(tag.substr(0, last - 1) + "/>").error.has_value());
   }
   SUBCASE("name length")
   {
      const std::string name(257, 'n');
      check_rejected("<" + name + "/>", 1 + 256, "name longer than 256 bytes");
      check_rejected("<r a=\"1\" " + name + "=\"2\"/>", 9 + 256, "name longer than 256 bytes");
      check_rejected("<r></" + name + ">", 5 + 256, "name longer than 256 bytes");
      CHECK_FALSE(read_in_memory("<" + name + "/>", raised).error.has_value());
      CHECK_FALSE(read_in_memory("<" + name.substr(1) + "/>").error.has_value());
   }
   SUBCASE("start tag size")
   {
      const std::size_t fits = defaults.max_tag_size - std::string_view("<r a=\"\"/>").size();
      CHECK_FALSE(read_in_memory("<r a=\"" + std::string(fits, 'x') + "\"/>").error.has_value());
      const std::string over = "<r a=\"" + std::string(fits + 1, 'x') + "\"/>";
      check_rejected(over, defaults.max_tag_size, "start tag longer than 65536 bytes");
      CHECK_FALSE(read_in_memory(over, raised).error.has_value());
   }
   SUBCASE("namespace bindings")
   {
      std::string document;
      std::size_t offending = 0;
      int declared = 0;
      for (int element = 0; element < 6; ++element) {
         document += "<e";
         for (int i = 0; i < 200 && declared < 1025; ++i, ++declared) {
            document += " ";
            if (declared == 1024) {
               offending = document.size();
            }
            document += "xmlns:p" + std::to_string(declared) + "=\"urn:x\"";
         }
         document += ">";
      }
      for (int element = 0; element < 6; ++element) {
         document += "</e>";
      }
      check_rejected(document, offending, "more than 1024 namespace bindings in scope");
      CHECK_FALSE(read_in_memory(document, raised).error.has_value());
   }
   SUBCASE("markup size")
   {
      const std::string comment = "<r><!--" + std::string(defaults.max_markup_size, 'c') + "--></r>";
      check_rejected(comment, 3 + defaults.max_markup_size, "comment longer than 65536 bytes");
      CHECK_FALSE(read_in_memory(comment, raised).error.has_value());
      const std::string pi = "<r><?pi " + std::string(defaults.max_markup_size, 'c') + "?></r>";
      check_rejected(pi, 3 + defaults.max_markup_size, "processing instruction longer than 65536 bytes");
      const std::size_t fits = defaults.max_markup_size - std::string_view("<!---->").size();
      CHECK_FALSE(read_in_memory("<r><!--" + std::string(fits, 'c') + "--></r>").error.has_value());
   }
   SUBCASE("message size")
   {
      veil::xml::xml_limits small;
      small.max_message_size = 100;
      const std::string document = "<r>" + std::string(200, 't') + "</r>";
      check_rejected(document, 100, "message longer than 100 bytes", small);
      CHECK_FALSE(read_in_memory(document).error.has_value());
   }
}

TEST_CASE("xml reader: text pieces respect max_text_piece and never split a reference or a UTF-8 sequence")
{
   veil::xml::xml_limits limits;
   limits.max_text_piece = 12;
   const std::string document =
      "<r>ab&amp;cd\xC3\xA9\xE2\x82\xAC&#x10FFFF;xyz0123456789\xF0\x9F\x98\x80<![CDATA[\xE2\x82\xAC" "0123456789\xC3\xA9]]></r>";
   const xml_reading r = read_in_memory(document, limits);
   REQUIRE_FALSE(r.error.has_value());
   CHECK(r.recorded.bytes == document);
   std::size_t pieces = 0;
   for (const std::string& event : r.recorded.events) {
      if (!event.starts_with("text@") && !event.starts_with("cdata@")) {
         continue;
      }
      ++pieces;
      const std::string piece = event.substr(event.find(' ') + 1);
      CAPTURE(piece);
      CHECK(piece.size() <= limits.max_text_piece);
      CHECK(std::count(piece.begin(), piece.end(), '&') == std::count(piece.begin(), piece.end(), ';'));
      CHECK((static_cast<unsigned char>(piece.front()) & 0xC0) != 0x80);  // starts a sequence
      const auto last = static_cast<unsigned char>(piece.back());
      CHECK((last < 0x80 || (last & 0xC0) == 0x80));  // does not end on a lead byte
   }
   CHECK(pieces >= 5);
}

TEST_CASE("xml reader: 100,000 nested elements and a million attributes are refused quickly in bounded memory")
{
   generated_source deep("", 100000, [](std::size_t) { return std::string("<a>"); }, "");
   measuring_handler h;
   try {
      veil::xml::read_stream(deep, h);
      FAIL("a document nested 100,000 deep was accepted");
   }
   catch (const veil::rejected_input& e) {
      CHECK(e.offset() == 256 * 3);
      CHECK(std::string(e.what()) == "elements nested deeper than 256");
   }
   CHECK(deep.largest_request <= 256 << 10);

   generated_source wide(
      "<r", 1000000, [](std::size_t i) { return " a" + std::to_string(i) + "=\"1\""; }, "/>");
   try {
      veil::xml::read_stream(wide, h);
      FAIL("a start tag with a million attributes was accepted");
   }
   catch (const veil::rejected_input& e) {
      CHECK(std::string(e.what()) == "more than 256 attributes in a start tag");
   }
   CHECK(wide.largest_request <= 256 << 10);
}

TEST_CASE("xml reader: a 50 MB base64 text node streams through in bounded pieces")
{
   constexpr std::size_t lines = (50 << 20) / 64;
   const std::string line = std::string(63, 'Q') + "\n";
   generated_source photo("<?xml version=\"1.0\"?>\n<nc:Image xmlns:nc=\"" + std::string(niem2) +
                             "\"><nc:BinaryBase64Object>",
                          lines, [&line](std::size_t) { return line; },
                          "</nc:BinaryBase64Object></nc:Image>\n");
   measuring_handler h;
   const veil::xml::xml_limits limits;
   veil::xml::read_stream(photo, h, limits);
   CHECK(h.text_bytes == lines * line.size());
   CHECK(h.largest_piece <= limits.max_text_piece);
   CHECK(h.pieces >= h.text_bytes / limits.max_text_piece);
   CHECK(photo.largest_request <= 256 << 10);
   CHECK(h.hash.value == photo.hash.value);  // every byte given back, in order
   MESSAGE("largest request to the source: " << photo.largest_request << " bytes; " << h.pieces << " text pieces");
}
