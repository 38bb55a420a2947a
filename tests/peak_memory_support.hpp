#pragma once
// What the tests that show memory does not grow with a message's size share: the peak
// resident memory of a child process, which the kernel reports when it ends, and the
// promise checked with it.

#include "child_peak_memory.hpp"

#include <veil/category.hpp>
#include <veil/category_mask.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace veil_test {

// For a message made on demand whose size one number sets (`what` says which: its photo,
// the whole message): redacted, as `redaction(size, mask)` measures it, a message of
// 50 MiB costs no more memory than one of 5 MiB, photo dropped (the default mask) or kept
// (no mask), the peaks differing by noise, not by 4 MiB; while held whole, as
// `reading_whole(size)` measures it, it costs what it weighs, which shows that the
// measurement sees a message held whole.
template <typename Redaction, typename ReadingWhole>
void check_memory_does_not_grow(std::string_view what, Redaction redaction, ReadingWhole reading_whole)
{
   constexpr std::size_t mib = std::size_t{ 1 } << 20;
   for (const veil::category_mask mask : { veil::default_mask, veil::category_mask::none() }) {
      CAPTURE(mask.to_string());
      const std::size_t small = redaction(5 * mib, mask);
      const std::size_t large = redaction(50 * mib, mask);
      REQUIRE(small > 0);
      REQUIRE(large > 0);
      const std::string photo = mask.contains(veil::category::photo) ? "dropped" : "kept";
      MESSAGE("peak resident memory, photo " << photo << ": 5 MiB " << what << " " << small / 1024 << " KiB, 50 MiB "
                                             << what << " " << large / 1024 << " KiB");
      CHECK(large < small + 4 * mib);
   }
   const std::size_t small = reading_whole(5 * mib);
   const std::size_t large = reading_whole(50 * mib);
   MESSAGE("peak resident memory, held whole: 5 MiB " << what << " " << small / 1024 << " KiB, 50 MiB " << what << " "
                                                       << large / 1024 << " KiB");
   CHECK(large > small + 40 * mib);
}

}  // namespace veil_test
