#pragma once
// The in-memory entry points of every redactor: output appended to a string, and taken
// back if the message turns out to be rejected, so a caller never sees part of it.

#include <veil/audit.hpp>
#include <veil/sink.hpp>

#include <string>
#include <string_view>

namespace veil::detail {

// `run(sink)` redacts one message into `sink` and returns its audit record.
template <typename Run>
audit_record redact_into(std::string& out, Run&& run)
{
   const std::size_t rollback = out.size();
   auto append = [&out](std::string_view bytes) { out.append(bytes); };
   audit_record audit = run(sink_ref(append));
   if (audit.rejected()) {
      out.resize(rollback);
   }
   return audit;
}

}  // namespace veil::detail
