#pragma once
// The help text of veil-gateway. docs/gateway.md quotes it; a test keeps the two equal.

#include <string_view>

namespace veil::gateway {

inline constexpr std::string_view help_text = R"(usage: veil-gateway --listen HOST:PORT --upstream HOST:PORT
                    [--policy FILE|preset:NAME [--recipient-list NAME=FILE ...]]
                    [--framing F] [--client-framing F] [--upstream-framing F]
                    [--max-frame BYTES] [--withheld-notice TEXT]
                    [--idle-timeout SECONDS] [--audit FILE] [--audit-key SECRET]

A redacting TCP relay. Each connection accepted on --listen gets a connection of
its own to --upstream. Queries from the client are forwarded unchanged; every
message coming back from upstream is redacted by the policy for the recipients
its own header names, then forwarded, withheld or rejected, and audited.
Runs until SIGTERM or SIGINT; SIGHUP reloads the policy and reopens the audit
file. Logs go to stderr; "listening on HOST:PORT" is printed once connections
are accepted.

options:
  --listen HOST:PORT       address to accept clients on; port 0 lets the system
                           choose (the log line shows the port it chose)
  --upstream HOST:PORT     the message switch each client is relayed to
  --policy P               a policy JSON file or preset:NAME (see veil policy
                           --help); default: remove address, photo and
                           immigration fields for every recipient
  --recipient-list NAME=FILE
                           add the ORIs in FILE to the policy's list NAME;
                           repeatable; read again on SIGHUP
  --framing F              framing on both sides: len32 (4-byte big-endian
                           length before each message) or delim:0xNN (a
                           delimiter byte after each message; delim alone is
                           ETX, 0x03); default: delim:0x03
  --client-framing F       framing toward clients only
  --upstream-framing F     framing toward upstream only
  --max-frame BYTES        longest message accepted (default 1048576); a longer
                           one closes its connection, is audited, and none of it
                           is forwarded
  --withheld-notice TEXT   send TEXT to the client in place of a withheld
                           message (default: send nothing)
  --idle-timeout SECONDS   close a connection pair that has carried nothing for
                           this long (default 300; 0: never)
  --audit FILE             append one JSON line per message to FILE, flushed per
                           line (default: stdout); the lines are hash-chained
                           (veil audit verify), across SIGHUP reopens too
  --audit-key SECRET       sign the audit log with the key in SECRET (veil audit
                           keygen): a checkpoint every 1000 lines and a final
                           one at shutdown; record_key is written as a token
                           (veil audit token)
  --help                   show this help

Empty frames are dropped. A message from upstream that does not parse is not
forwarded and is audited as rejected. On SIGTERM the gateway stops accepting,
finishes the messages it has read, and exits once they are written (at most 10
seconds later).
)";

}  // namespace veil::gateway
