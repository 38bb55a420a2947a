#pragma once
// Who a transaction is for, read from its Type-1 record: 1.004 TOT is its message key,
// 1.007 DAI its recipient, 1.008 ORI its sender and 1.009 TCN its control number. A
// policy decides by the first three, so they are read as strictly as `--recipient` is:
// each must be there (the standard makes all of them mandatory) and must be one value
// that a policy can match exactly — a TOT of 2 to 16 upper-case letters or digits, a DAI
// that is one 2-character destination or 9-character ORI, an ORI of 9 characters. A value
// in lower case, with a blank, with subfields (RS) or information items (US), empty or too
// long is refused with the offset of its field, never read as the nearest well-formed
// one: a switch that reads it otherwise would deliver the transaction to someone the
// policy did not decide for.

#include <veil/ansi_nist/tagged_record.hpp>
#include <veil/audit.hpp>
#include <veil/recipient.hpp>
#include <veil/rejection.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace veil::ansi_nist {

namespace internal {

// A Type-1 field a policy decides by, and what its value must be.
struct routing_field
{
   unsigned long number;
   std::string_view name;
   bool (*well_formed)(std::string_view) noexcept;
   std::string_view expected;
};

inline constexpr std::array<routing_field, 3> routing_fields{ {
   { 4, "1.004 TOT", is_well_formed_message_key, "2 to 16 upper-case letters or digits" },
   { 7, "1.007 DAI", is_well_formed_recipient,
     "one 2-character destination or 9-character ORI of upper-case letters and digits" },
   { 8, "1.008 ORI", is_well_formed_ori, "one 9-character ORI of upper-case letters and digits" },
} };

}  // namespace internal

// Fills the audit's routing from the fields of Type-1 (`record`, which starts the
// transaction), refusing a missing or malformed TOT, DAI or ORI.
inline void read_routing(std::string_view record, const std::vector<tagged_field>& fields, audit_record& audit)
{
   for (const internal::routing_field& routing : internal::routing_fields) {
      const auto f = std::find_if(fields.begin(), fields.end(),
                                  [&routing](const tagged_field& field) { return field.number == routing.number; });
      if (f == fields.end()) {
         throw rejected_input(0, "Type-1 has no " + std::string(routing.name));
      }
      if (!routing.well_formed(f->value_in(record))) {
         throw rejected_input(f->begin, std::string(routing.name) + " is not " + std::string(routing.expected));
      }
   }
   for (const tagged_field& f : fields) {
      const std::string_view value = f.value_in(record);
      switch (f.number) {
         case 4: audit.message_key = value; break;
         case 7: audit.recipients.emplace_back(value); break;
         case 8: audit.sender_ori = value; break;
         case 9: audit.control_field = value; break;
         default: break;
      }
   }
}

}  // namespace veil::ansi_nist
