// The promise that a large photo costs no memory: a message is redacted in a child
// process, whose peak resident memory the kernel reports when it ends, once with a
// 5 MiB photo and once with a 50 MiB one. The message is made on demand and the output
// counted, not kept, so what the child holds is the redactor's own memory; the two peaks
// may differ by noise, not by the 45 MiB between the photos.

#include "photo_message.hpp"
#include "xml_redactor_test_support.hpp"

#include <veil/category_mask.hpp>

#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using veil::category_mask;

constexpr std::size_t mib = std::size_t{ 1 } << 20;

// Peak resident memory, in bytes, of a child process that runs `work`; 0 if it failed.
template <typename Work>
[[nodiscard]] std::size_t peak_memory_of(Work work)
{
   const pid_t child = fork();
   if (child == 0) {
      _exit(work() ? 0 : 1);
   }
   int status = 0;
   rusage usage{};
   if (child < 0 || wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      return 0;
   }
   return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

// A message with a photo of `photo_size` bytes, redacted under `mask`.
[[nodiscard]] std::size_t peak_memory_of_redaction(std::size_t photo_size, category_mask mask)
{
   return peak_memory_of([photo_size, mask] {
      veil_test::photo_message source(photo_size);
      std::size_t written = 0;
      const veil::audit_record audit = veil_test::make_xml_redactor(mask).redact_stream(
         source, [&written](std::string_view bytes) { written += bytes.size(); });
      const bool dropped = mask.contains(veil::category::photo);
      return !audit.rejected() && (dropped ? written < photo_size : written == source.size());
   });
}

// The same message read whole into memory, as an integrator without veil might: it shows
// that the measurement sees a message held whole.
[[nodiscard]] std::size_t peak_memory_of_reading_whole(std::size_t photo_size)
{
   return peak_memory_of([photo_size] {
      veil_test::photo_message source(photo_size);
      std::string whole(source.size(), '\0');
      return source(whole.data(), whole.size()) == whole.size() && whole.ends_with("</n2:NLETS>\n");
   });
}

}  // namespace

TEST_CASE("xml peak memory: a 50 MiB photo costs no more memory than a 5 MiB one, dropped or kept")
{
   for (const category_mask mask : { veil::default_mask, category_mask::none() }) {
      CAPTURE(mask.to_string());
      const std::size_t small = peak_memory_of_redaction(5 * mib, mask);
      const std::size_t large = peak_memory_of_redaction(50 * mib, mask);
      REQUIRE(small > 0);
      REQUIRE(large > 0);
      const std::string photo = mask.contains(veil::category::photo) ? "dropped" : "kept";
      MESSAGE("peak resident memory, photo " << photo << ": 5 MiB photo " << small / 1024 << " KiB, 50 MiB photo "
                                             << large / 1024 << " KiB");
      CHECK(large < small + 4 * mib);
   }
   // The measurement itself: reading the message whole costs what the photo weighs.
   const std::size_t small = peak_memory_of_reading_whole(5 * mib);
   const std::size_t large = peak_memory_of_reading_whole(50 * mib);
   MESSAGE("peak resident memory, message read whole: 5 MiB photo " << small / 1024 << " KiB, 50 MiB photo "
                                                                      << large / 1024 << " KiB");
   CHECK(large > small + 40 * mib);
}
