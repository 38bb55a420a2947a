// The gateway's framing, alone: frames come out whole however the bytes arrive, empty
// frames are frames of no bytes, and a frame over the maximum is reported as soon as that
// is certain, without any of it handed out.

#include "../examples/gateway/framing.hpp"
#include "../examples/gateway/host_port.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using veil::gateway::frame_reader;
using veil::gateway::framing;

// Feeds `bytes` in pieces of `piece` bytes; the frames handed out, and whether one was
// too long (reading stops there).
struct fed
{
   std::vector<std::string> frames;
   bool oversized = false;
};

fed feed(framing f, std::size_t max_frame, std::string_view bytes, std::size_t piece)
{
   frame_reader reader(f, max_frame);
   fed result;
   for (std::size_t at = 0; at < bytes.size() && !result.oversized; at += piece) {
      reader.append(bytes.substr(at, piece));
      std::string_view frame;
      for (frame_reader::result r; (r = reader.next(frame)) != frame_reader::result::need_more;) {
         if (r == frame_reader::result::oversized) {
            result.oversized = true;
            break;
         }
         result.frames.emplace_back(frame);
      }
   }
   return result;
}

const framing len32{ framing::kind::length_prefix, '\0' };
const framing etx{};

}  // namespace

TEST_CASE("gateway framing: len32 frames come out whole however the stream is split")
{
   using namespace std::string_literals;
   const std::string bytes = "\0\0\0\x05hello"s + "\0\0\0\0"s + "\0\0\x01\x02"s + std::string(258, 'x');
   for (std::size_t piece = 1; piece <= bytes.size(); ++piece) {
      INFO("piece " << piece);
      const fed result = feed(len32, 1000, bytes, piece);
      CHECK_FALSE(result.oversized);
      CHECK(result.frames == std::vector<std::string>{ "hello", "", std::string(258, 'x') });
   }
}

TEST_CASE("gateway framing: delimited frames come out whole however the stream is split")
{
   const std::string bytes = "DR.ONE\nbody\x03\x03second\x03";
   for (std::size_t piece = 1; piece <= bytes.size(); ++piece) {
      INFO("piece " << piece);
      const fed result = feed(etx, 1000, bytes, piece);
      CHECK(result.frames == std::vector<std::string>{ "DR.ONE\nbody", "", "second" });
   }
   const fed other_byte = feed(*veil::gateway::parse_framing("delim:0x1c"), 1000, "a\x1c" "b\x03\x1c", 3);
   CHECK(other_byte.frames == std::vector<std::string>{ "a", "b\x03" });
}

TEST_CASE("gateway framing: a frame over the maximum is reported before it ends, and nothing of it is handed out")
{
   using namespace std::string_literals;
   // The length prefix alone decides: the body never has to arrive.
   const fed prefixed = feed(len32, 10, "\0\0\0\x02ok"s + "\0\0\0\x0b"s, 1);
   CHECK(prefixed.frames == std::vector<std::string>{ "ok" });
   CHECK(prefixed.oversized);

   // Eleven bytes without a delimiter cannot become a frame of at most ten.
   const fed delimited = feed(etx, 10, "ok\x03" + std::string(11, 'y'), 1);
   CHECK(delimited.frames == std::vector<std::string>{ "ok" });
   CHECK(delimited.oversized);

   // Exactly the maximum is allowed, both ways.
   CHECK(feed(etx, 10, std::string(10, 'z') + "\x03", 4).frames == std::vector<std::string>{ std::string(10, 'z') });
   CHECK(feed(len32, 10, "\0\0\0\x0a"s + std::string(10, 'z'), 4).frames == std::vector<std::string>{ std::string(10, 'z') });

   frame_reader reader(len32, 10);
   reader.append("\0\0\0\x0b<xml"s);
   std::string_view frame;
   CHECK(reader.next(frame) == frame_reader::result::oversized);
   CHECK(reader.partial_frame() == "<xml");
}

TEST_CASE("gateway framing: framed output reads back as the messages it framed")
{
   for (const framing& f : { len32, etx }) {
      std::string bytes;
      for (const std::string_view message : { "first", "", "third message" }) {
         veil::gateway::append_frame(f, message, bytes);
      }
      CHECK(feed(f, 100, bytes, 2).frames == std::vector<std::string>{ "first", "", "third message" });
   }
   std::string prefixed;
   veil::gateway::append_frame(len32, std::string(0x0304, 'a'), prefixed);
   CHECK(prefixed.substr(0, 4) == std::string_view("\0\0\x03\x04", 4));
}

TEST_CASE("gateway options: framings and addresses are read strictly")
{
   CHECK(veil::gateway::parse_framing("len32")->how == framing::kind::length_prefix);
   CHECK(veil::gateway::parse_framing("delim")->delimiter == '\x03');
   CHECK(veil::gateway::parse_framing("delim:0x0A")->delimiter == '\n');
   for (const std::string_view bad : { "len16", "delim:", "delim:0x3", "delim:0xZZ", "delim:0x030", "" }) {
      INFO(bad);
      CHECK_FALSE(veil::gateway::parse_framing(bad).has_value());
   }

   const auto v4 = veil::gateway::parse_host_port("127.0.0.1:0");
   REQUIRE(v4.has_value());
   CHECK(v4->host == "127.0.0.1");
   CHECK(v4->port == 0);
   const auto v6 = veil::gateway::parse_host_port("[::1]:7000");
   REQUIRE(v6.has_value());
   CHECK(v6->host == "::1");
   CHECK(v6->port == 7000);
   for (const std::string_view bad : { "127.0.0.1", ":80", "host:", "host:65536", "host:8x", "[]:80" }) {
      INFO(bad);
      CHECK_FALSE(veil::gateway::parse_host_port(bad).has_value());
   }
}
