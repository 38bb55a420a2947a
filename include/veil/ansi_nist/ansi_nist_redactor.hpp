#pragma once
// Redacts ANSI/NIST-ITL transactions in the traditional encoding (FBI EBTS "EFT" files
// among them): records of the masked categories (photos, signatures, fingerprints and the
// other biometric records) are dropped with 1.003 CNT and 1.001 LEN rewritten, and the
// masked Type-2 fields (SSN, place of birth, citizenship, residence ...) are dropped or
// masked with 2.001 LEN rewritten. See transaction_redactor.hpp for the rules.
//
//   veil::ansi_nist::ansi_nist_redactor redactor{ veil::runtime_mask{ veil::default_mask } };
//   std::string out;
//   veil::audit_record audit = redactor.redact(transaction, out);
//
// redact() leaves `out` untouched when the transaction is rejected; redact_stream() reads
// chunks of any size with memory bounded by ansi_nist_limits, not by the images.
// The mask action applies to Type-2 fields; a record of a masked category is dropped
// under either action, since a starred image is no image. Overrides name Type-2 fields
// only ("2.020"): records are removed by the mask alone.

#include <veil/action.hpp>
#include <veil/ansi_nist/record_dictionary.hpp>
#include <veil/ansi_nist/transaction_redactor.hpp>
#include <veil/audit.hpp>
#include <veil/detail/chunk_reader.hpp>
#include <veil/detail/redact_into.hpp>
#include <veil/field_overrides.hpp>
#include <veil/mask_policy.hpp>
#include <veil/redaction_rules.hpp>
#include <veil/rejection.hpp>
#include <veil/sink.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace veil::ansi_nist {

struct ansi_nist_options
{
   veil::action action = veil::action::drop;
   ansi_nist_limits limits{};
   veil::field_overrides overrides{};  // by canonical Type-2 tag, "2.020"
};

template <mask_policy Mask = runtime_mask>
class ansi_nist_redactor
{
public:
   static constexpr std::string_view format = ansi_nist_format_name;

   explicit ansi_nist_redactor(Mask mask = {}, ansi_nist_options options = {})
      : mask_(mask), options_(std::move(options))
   {}

   [[nodiscard]] const ansi_nist_options& options() const noexcept { return options_; }

   audit_record redact(std::string_view transaction, std::string& out, std::string_view input_name = {}) const
   {
      return detail::redact_into(out, [&](sink_ref sink) {
         return redact_stream(detail::memory_source{ transaction }, sink, input_name);
      });
   }

   // If the returned record says `rejected`, what the sink received must not be
   // released (see sink.hpp).
   template <typename ChunkSource>
   audit_record redact_stream(ChunkSource&& source, sink_ref sink, std::string_view input_name = {}) const
   {
      return audited(format, input_name, [&](audit_record& audit) {
         const redaction_rules rules{ mask_.mask(), options_.action, options_.overrides };
         transaction_redactor<std::remove_reference_t<ChunkSource>> redactor(source, rules, options_.limits, sink,
                                                                              audit);
         redactor.run();
      });
   }

private:
   Mask mask_;
   ansi_nist_options options_;
};

}  // namespace veil::ansi_nist
