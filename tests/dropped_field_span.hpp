#pragma once
// How a reader of a message expects a removed free-text field's audit entry to lie over
// its bytes: from its tag ("RES ADDR:", "POB") on, or, when it was dropped, from the start
// of the text before it on its line, which goes with it (docs/formats/nlets-text.md: the
// text before a dropped label goes with it, audited with it). That text holds no line
// break; the entry ends where the field's value does, whatever the action.

#include <veil/action.hpp>
#include <veil/audit.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string_view>

namespace veil_test {

[[nodiscard]] inline bool holds_line_break(std::string_view text) noexcept
{
   return text.find_first_of("\r\n") != std::string_view::npos;
}

// Whether `span`, an audited field's bytes, shows `tag` where a reader expects it.
[[nodiscard]] inline bool shows_tag_where_expected(std::string_view span, std::string_view tag, veil::action applied)
{
   const std::size_t at = span.find(tag);
   if (at == 0) {
      return true;
   }
   return applied == veil::action::drop && at != std::string_view::npos && !holds_line_break(span.substr(0, at));
}

// The fields of `dropped` are those of `masked` (the same input under the other action):
// same tags and categories, in the same order, ending at the same byte; a dropped one may
// start earlier on its line, by the text before it that goes with it.
inline void check_same_fields_across_actions(std::string_view input, const veil::audit_record& dropped,
                                             const veil::audit_record& masked)
{
   REQUIRE(dropped.fields.size() == masked.fields.size());
   for (std::size_t i = 0; i < dropped.fields.size(); ++i) {
      const veil::redacted_field& d = dropped.fields[i];
      const veil::redacted_field& m = masked.fields[i];
      CAPTURE(d.tag);
      CHECK(d.tag == m.tag);
      CHECK(d.kind == m.kind);
      CHECK(d.offset + d.length == m.offset + m.length);
      REQUIRE(d.offset <= m.offset);
      CHECK_FALSE(holds_line_break(input.substr(d.offset, m.offset - d.offset)));
   }
}

}  // namespace veil_test
