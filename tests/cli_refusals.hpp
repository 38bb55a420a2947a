#pragma once
// Commands that must be refused: each exits with 2, writes nothing to stdout and exactly
// its message to stderr, so that a test pins every word of an error message.

#include "cli_runner.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace veil_test {

// Arguments after `veil`, and the whole of stderr.
using cli_refusal = std::pair<std::vector<std::string>, std::string>;

inline void check_refusals(const cli_sandbox& box, const std::vector<cli_refusal>& refusals)
{
   for (const cli_refusal& refusal : refusals) {
      CAPTURE(refusal.second);
      const cli_result r = box.run(refusal.first);
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err == refusal.second);
   }
}

}  // namespace veil_test
