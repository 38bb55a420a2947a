#pragma once
// Which policy decided a message, as its audit line names it: where the policy came
// from, the version its authors gave it and the SHA-256 of its bytes exactly as read, and
// the same for each recipient list added to it from a file of its own. With it an audit
// line proves which policy decided it, across reloads and edits. The digests are computed
// where the bytes are read (veil/policy/identity.hpp, in veil::policy_json); this is
// only what the audit carries.

#include <string>
#include <vector>

namespace veil {

// An ORI list filled from a file (`--recipient-list NAME=FILE`): its entries decide too.
struct recipient_list_identity
{
   std::string name;  // the policy's list it was added to
   std::string file;  // as given
   std::string sha256;
};

struct policy_identity
{
   std::string name;     // "preset:NAME", the file name as given, or what the program calls its own
   std::string version;  // the policy's "policy_version"; empty when it has none
   std::string sha256;   // of the policy's bytes, 64 lower-case hex digits
   std::vector<recipient_list_identity> lists;
};

}  // namespace veil
