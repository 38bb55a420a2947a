#pragma once
// What the chunk-invariance suites of every format share: the whole-message result a
// streamed one must equal, and the check of one way to cut the message. Include it after
// the format's own support header, which declares veil_test::redact and redact_in_chunks
// for its redactor.

#include <veil/audit.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace veil_test {

struct reference
{
   redaction whole;
   std::string audit_json;
};

template <typename Redactor>
[[nodiscard]] reference redact_whole(const Redactor& redactor, std::string_view message)
{
   reference r{ redact(redactor, message), {} };
   r.audit_json = veil::to_json_line(r.whole.audit);
   return r;
}

template <typename Redactor>
void check_cut(const Redactor& redactor, std::string_view message, const reference& expected,
               const std::vector<std::size_t>& cuts)
{
   const redaction streamed = redact_in_chunks(redactor, message, cuts);
   CHECK(veil::to_json_line(streamed.audit) == expected.audit_json);
   if (!expected.whole.audit.rejected()) {
      CHECK(streamed.output == expected.whole.output);
   }
}

}  // namespace veil_test
