#pragma once
// What the XML reader suites share: a handler that writes every event down as a line
// and puts the raw bytes back together, a document read in memory or in chunks cut at
// chosen offsets, and the rejection either way.

#include <veil/rejection.hpp>
#include <veil/xml/xml_events.hpp>
#include <veil/xml/xml_limits.hpp>
#include <veil/xml/xml_reader.hpp>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test {

struct xml_recorder
{
   std::vector<std::string> events;
   std::string bytes;  // every raw span, in call order

   static std::string name_of(const veil::xml::qualified_name& name)
   {
      return "{" + std::string(name.uri) + "}" + std::string(name.local) + " as " + std::string(name.raw);
   }

   void on_start(const veil::xml::element_start& e)
   {
      std::string line = "start@" + std::to_string(e.offset) + " " + name_of(e.name) + " depth " +
                         std::to_string(e.depth) + (e.self_closing ? " empty" : "");
      for (const veil::xml::attribute& a : e.attributes) {
         line += " " + name_of(a.name) + "=" + std::string(a.raw_value);
      }
      events.push_back(line);
      bytes += e.raw;
   }

   void on_end(const veil::xml::element_end& e)
   {
      events.push_back("end@" + std::to_string(e.offset) + " " + name_of(e.name) + " depth " + std::to_string(e.depth) +
                       " raw " + std::string(e.raw));
      bytes += e.raw;
   }

   void on_text(std::string_view piece, std::size_t offset, veil::xml::text_kind kind)
   {
      events.push_back((kind == veil::xml::text_kind::cdata ? "cdata@" : "text@") + std::to_string(offset) + " " +
                       std::string(piece));
      bytes += piece;
   }

   void on_markup(std::string_view raw, std::size_t offset)
   {
      events.push_back("markup@" + std::to_string(offset) + " " + std::string(raw));
      bytes += raw;
   }
};

struct xml_reading
{
   xml_recorder recorded;
   std::optional<veil::rejection> error;
};

[[nodiscard]] inline xml_reading read_in_memory(std::string_view document, const veil::xml::xml_limits& limits = {})
{
   xml_reading result;
   try {
      veil::xml::read(document, result.recorded, limits);
   }
   catch (const veil::rejected_input& e) {
      result.error = e.to_rejection();
   }
   return result;
}

// Hands out `document` in chunks of the given sizes, cycling through them.
class sized_chunks
{
public:
   sized_chunks(std::string_view document, std::vector<std::size_t> sizes)
      : rest_(document), sizes_(std::move(sizes))
   {}

   std::size_t operator()(char* buffer, std::size_t capacity)
   {
      const std::size_t n = std::min({ sizes_[next_++ % sizes_.size()], capacity, rest_.size() });
      std::copy_n(rest_.data(), n, buffer);
      rest_.remove_prefix(n);
      return n;
   }

private:
   std::string_view rest_;
   std::vector<std::size_t> sizes_;
   std::size_t next_ = 0;
};

[[nodiscard]] inline xml_reading read_in_chunks(std::string_view document, std::vector<std::size_t> sizes,
                                                const veil::xml::xml_limits& limits = {})
{
   xml_reading result;
   try {
      veil::xml::read_stream(sized_chunks(document, std::move(sizes)), result.recorded, limits);
   }
   catch (const veil::rejected_input& e) {
      result.error = e.to_rejection();
   }
   return result;
}

[[nodiscard]] inline std::string read_sample(std::string_view name)
{
   std::ifstream file(std::string(VEIL_TEST_DATA_DIR) + "/samples/niem-xml/" + std::string(name), std::ios::binary);
   return { std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>() };
}

inline constexpr std::string_view niem_samples[] = {
   "fbi_ebts10_Template_CAR_CriminalAnswerRequired.xml",
   "fbi_ebts10_Template_FANC_FederalApplicant.xml",
   "fbi_ebts10_Template_PRR_SubjectPhotoRequestResponse.xml",
   "ojbc_EBTS-RapBack-Criminal-Subscription-Request.xml",
};

}  // namespace veil_test
