#pragma once
// What every connection pair of one gateway shares: its options, the policy in force and
// the audit trail.

#include "audit_log.hpp"
#include "gateway_policy.hpp"
#include "options.hpp"

namespace veil::gateway {

struct relay_context
{
   const options& settings;
   gateway_policy& policy;
   audit_log& audit;
};

}  // namespace veil::gateway
