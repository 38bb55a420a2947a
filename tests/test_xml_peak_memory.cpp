// The promise that a large photo costs no memory: a message is redacted in a child
// process, whose peak resident memory the kernel reports when it ends, once with a
// 5 MiB photo and once with a 50 MiB one. The message is made on demand and the output
// counted, not kept, so what the child holds is the redactor's own memory; the two peaks
// may differ by noise, not by the 45 MiB between the photos.

#include "peak_memory_support.hpp"
#include "photo_message.hpp"
#include "xml_redactor_test_support.hpp"

#include <veil/category_mask.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace {

using veil::category_mask;

// A message with a photo of `photo_size` bytes, redacted under `mask`.
[[nodiscard]] std::size_t peak_memory_of_redaction(std::size_t photo_size, category_mask mask)
{
   return veil_test::peak_memory_of([photo_size, mask] {
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
   return veil_test::peak_memory_of([photo_size] {
      veil_test::photo_message source(photo_size);
      std::string whole(source.size(), '\0');
      return source(whole.data(), whole.size()) == whole.size() && whole.ends_with("</n2:NLETS>\n");
   });
}

}  // namespace

TEST_CASE("xml peak memory: a 50 MiB photo costs no more memory than a 5 MiB one, dropped or kept")
{
   veil_test::check_memory_does_not_grow("photo", peak_memory_of_redaction, peak_memory_of_reading_whole);
}
