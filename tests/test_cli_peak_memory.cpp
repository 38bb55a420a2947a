// The promise that `veil redact` holds no message whole: a message of every format is
// streamed to the command through a pipe, made on demand by another process, and the
// command's peak resident memory, which the kernel reports when it ends, does not grow
// with the message's size. With --policy, which decides from the whole message, a
// message longer than the documented limit is rejected after that many bytes, not read
// to its end. (A format's own limit may be lower: Nlets text holds 8 MiB a message.)

#include "exec_arguments.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::size_t mib = std::size_t{ 1 } << 20;

// A message of any size: `head`, then `filler_size` bytes of lines of `filler` (the last
// byte of each line a line feed when `lines`), then `tail`.
struct big_message
{
   std::string head;
   char filler = 'x';
   bool lines = true;
   std::string tail;
};

// Writes `m` with `filler_size` filler bytes to `fd`, stopping when the reader is gone.
void write_message(int fd, const big_message& m, std::size_t filler_size)
{
   std::string block(std::size_t{ 1 } << 16, m.filler);
   if (m.lines) {
      for (std::size_t i = 63; i < block.size(); i += 64) {
         block[i] = '\n';
      }
   }
   const auto write_all = [fd](std::string_view bytes) {
      while (!bytes.empty()) {
         const ssize_t n = ::write(fd, bytes.data(), bytes.size());
         if (n <= 0) {
            return false;
         }
         bytes.remove_prefix(static_cast<std::size_t>(n));
      }
      return true;
   };
   if (!write_all(m.head)) {
      return;
   }
   for (std::size_t left = filler_size; left > 0;) {
      const std::size_t n = std::min(left, block.size());
      if (!write_all(std::string_view(block).substr(0, n))) {
         return;
      }
      left -= n;
   }
   (void)write_all(m.tail);
}

struct run
{
   int status = -1;
   std::size_t peak = 0;  // bytes of resident memory at the most
};

// Runs `veil redact ARGS` with `m` on its stdin and its output thrown away.
[[nodiscard]] run redact_streamed(const std::vector<std::string>& args, const big_message& m,
                                  std::size_t filler_size)
{
   int pipe_fds[2];
   REQUIRE(::pipe(pipe_fds) == 0);
   std::vector<std::string> redact_args{ "redact" };
   redact_args.insert(redact_args.end(), args.begin(), args.end());
   const veil_test::exec_arguments argv(VEIL_CLI_PATH, redact_args);

   const pid_t writer = ::fork();
   REQUIRE(writer >= 0);
   if (writer == 0) {
      ::close(pipe_fds[0]);
      write_message(pipe_fds[1], m, filler_size);
      ::_exit(0);
   }
   const pid_t veil = ::fork();
   REQUIRE(veil >= 0);
   if (veil == 0) {
      const int null = ::open("/dev/null", O_WRONLY);
      const bool ready = null >= 0 && ::dup2(pipe_fds[0], STDIN_FILENO) >= 0 && ::dup2(null, STDOUT_FILENO) >= 0 &&
                         ::dup2(null, STDERR_FILENO) >= 0;
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      if (ready) {
         ::execv(argv.argv()[0], argv.argv());
      }
      ::_exit(127);
   }
   ::close(pipe_fds[0]);
   ::close(pipe_fds[1]);
   int status = 0;
   rusage usage{};
   run r;
   if (::wait4(veil, &status, 0, &usage) == veil && WIFEXITED(status)) {
      r.status = WEXITSTATUS(status);
      r.peak = static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
   }
   int writer_status = 0;
   ::waitpid(writer, &writer_status, 0);
   return r;
}

// An ANSI/NIST transaction of a Type-1 record and one Type-4 fingerprint record of
// `image_size` bytes, of which the head holds the Type-1 and the Type-4's length.
[[nodiscard]] big_message ansi_nist_transaction(std::size_t image_size)
{
   const std::string gs(1, '\x1d');
   const std::string rest = gs + "1.002:0502" + gs + "1.003:1\x1f" "1\x1e" "4\x1f" "01" + gs + "1.004:CAR" + gs +
                            "1.007:WVIAFIS0Z" + gs + "1.008:WAOLN0000\x1c";
   std::size_t type1_length = 6 + rest.size();  // "1.001:" and the rest, then the length's own digits
   type1_length += std::to_string(type1_length + std::to_string(type1_length).size()).size();
   const std::string type1 = "1.001:" + std::to_string(type1_length) + rest;
   const std::size_t length = 4 + image_size;
   std::string type4_length;
   for (int shift = 24; shift >= 0; shift -= 8) {
      type4_length += static_cast<char>((length >> shift) & 0xFF);
   }
   return { type1 + type4_length, '\x7f', false, "" };
}

const std::string delivered_header = "DR.WAOLN0000\n10:15 03/14/2024 00412\n10:15 03/14/2024 01877 ORTEST001\nTXT\n";

// The peak memory of the command for the message `make(n)` with `small` and with ten
// times as many filler bytes: each run ends as `status` says, and the larger costs no
// more memory.
template <typename Make>
void check_streamed(const std::vector<std::string>& args, Make make, int status, std::size_t small = 4 * mib)
{
   const run a = redact_streamed(args, make(small), small);
   const run b = redact_streamed(args, make(10 * small), 10 * small);
   CHECK(a.status == status);
   CHECK(b.status == status);
   MESSAGE("peak resident memory: " << small / 1024 << " KiB message " << a.peak / 1024 << " KiB, " << 10 * small / 1024
                                    << " KiB message " << b.peak / 1024 << " KiB");
   REQUIRE(a.peak > 0);
   CHECK(b.peak < a.peak + 4 * mib);
}

// A message whose head and tail do not depend on its size.
[[nodiscard]] auto fixed(big_message m)
{
   return [m](std::size_t) { return m; };
}

}  // namespace

TEST_CASE("class 7, the command in bounded memory: each format streams through its reader")
{
   SUBCASE("nlets-text: a response of many lines, released up to the 8 MiB a text message may hold")
   {
      check_streamed({ "--format", "nlets-text" }, fixed({ delivered_header, 'x', true, "" }), 0, mib / 2);
   }
   SUBCASE("nlets-xml: a message with a long text, released")
   {
      check_streamed({ "--format", "nlets-xml" }, fixed({ "<message>", 'x', true, "</message>\n" }), 0);
   }
   SUBCASE("ansi-nist: a transaction with a large fingerprint image, released")
   {
      check_streamed({ "--format", "ansi-nist" }, ansi_nist_transaction, 0);
   }
   SUBCASE("aamva: a payload past its limit, rejected when it goes past it")
   {
      check_streamed({ "--format", "aamva" }, fixed({ "@\n\x1e\rANSI 636000100002DL00410278", 'x', true, "" }), 1);
   }
}

TEST_CASE("class 7, the command in bounded memory: garbage is rejected where it starts, however much follows")
{
   for (const std::string_view format : { "auto", "nlets-text", "nlets-xml", "aamva", "ansi-nist" }) {
      CAPTURE(format);
      check_streamed({ "--format", std::string(format) }, fixed({ "\x01\x02garbage", '\x03', false, "" }), 1, 40 * mib);
   }
}

TEST_CASE("class 7, the command in bounded memory: a policy reads a message whole up to 64 MiB, and rejects a longer "
          "one without reading it to its end")
{
   const big_message response{ "<message>", 'x', true, "</message>\n" };
   const run within = redact_streamed({ "--policy", "preset:dppa-highly-restricted" }, response, 60 * mib);
   CHECK(within.status == 0);
   const run beyond = redact_streamed({ "--policy", "preset:dppa-highly-restricted" }, response, 640 * mib);
   CHECK(beyond.status == 1);
   MESSAGE("peak resident memory with a policy: 60 MiB message " << within.peak / 1024 << " KiB, 640 MiB message "
                                                                  << beyond.peak / 1024 << " KiB");
   REQUIRE(within.peak > 0);
   CHECK(beyond.peak < within.peak + 64 * mib);
}
