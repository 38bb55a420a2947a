#pragma once
// Help texts of the `veil` command. docs/cli.md quotes them; a test keeps the two equal.

#include <string_view>

namespace veil::cli {

inline constexpr std::string_view main_help = R"(usage: veil <command> [options]

Redacts address, photo and immigration-relevant fields from law-enforcement
record formats, field by field, and records what it removed.

commands:
  redact    redact messages (see veil redact --help)
  explain   show what each recipient of a message would receive under a
            policy (see veil explain --help)
  policy    check a policy and print it in plain words; show a preset
            (see veil policy --help)
  fields    list the field dictionary (see veil fields --help)
  audit     verify an audit log's hash chain; make an audit key; map
            notification tokens to licence numbers
            (see veil audit --help)

options:
  --help     show this help
  --version  show the version
)";

inline constexpr std::string_view redact_help = R"(usage: veil redact [--mask LIST] [--action drop|mask]
                   [--policy P [--recipient-list NAME=FILE ...]]
                   [--format auto|nlets-text|nlets-xml|aamva|ansi-nist]
                   [--label TEXT=CATEGORY ...] [--lenient] [--strict-unknown]
                   [--recipient ORI] [--audit FILE [--audit-key SECRET]]
                   [--summary] [-o FILE]
                   [INPUT ...]

Each INPUT file is one message; no INPUT or '-' reads one message from stdin.
Outputs are written in input order, back to back, to stdout or FILE.

options:
  --mask LIST      categories to remove, comma-separated, or all, or none
                   (default: address,photo,immigration); categories:
                   address, photo, biometric, immigration, ssn, medical, contact
  --policy P       decide each message by a policy: a JSON file (see
                   docs/policy.md) or preset:NAME, NAME one of
                   immigration-withhold, dppa-highly-restricted,
                   immigration-minimize; it says what each recipient may
                   receive, so it excludes --mask and --action; it reads
                   each message whole, up to 64 MiB
  --recipient-list NAME=FILE
                   add the ORIs or globs in FILE, one per line, to the
                   policy's ORI list NAME; may be repeated
  --action A       drop: remove each field; mask: keep it, replace its value
                   with '*' (default: drop)
  --format F       auto (default) detects from the first bytes: '<' nlets-xml,
                   '@' aamva (after an optional byte order mark), '1.0' +
                   digits + ':' ansi-nist, else nlets-text
  --label TEXT=CATEGORY
                   one more free-text label, e.g. 'ABODE:=address': its value
                   is a field of that category (an address label's value
                   takes indented continuation lines); may be repeated
  --lenient        aamva: accept the damage scanners do (byte order mark,
                   lost or swapped CR/LF, "AAMVA" file type, wrong offsets,
                   missing subfile type) and write the payload back in the
                   standard's framing; without it such payloads are rejected
  --strict-unknown aamva: treat elements the standard does not define
                   (jurisdiction Z elements) as sensitive
  --recipient ORI  the agency the output is released to (2 or 9 letters or
                   digits); recorded in the audit; a policy decides for it
                   as well as for the recipients the message names
  --audit FILE     append one JSON line per message: time, format, message
                   key, sender, recipients, policy rules and the policy's
                   name, version and SHA-256, outcome (passed, redacted,
                   withheld, rejected), and per removed field its tag,
                   category, action, offset and length (never the value);
                   each line opens with its sequence number and the SHA-256
                   of the line before it (veil audit verify checks them)
  --audit-key SECRET
                   sign the audit log with the key in SECRET (veil audit
                   keygen): a checkpoint every 1000 lines and one at the end;
                   record_key is written as a token (veil audit token)
  --summary        print one line per message to stderr saying what was removed
  -o, --output FILE
                   write the output to FILE instead of stdout; FILE is
                   replaced when the run ends, and only if a message was
                   released or withheld

exit status:
  0  every message was written, or withheld as the policy says
  1  at least one message was rejected; it wrote nothing, and stderr has
     'veil: <input>: byte <N>: <reason>'; the other messages were written
  2  usage or policy error; nothing was written (also when the output or the
     audit file could not be written, with 'veil: <file>: write failed')
)";

inline constexpr std::string_view fields_help = R"(usage: veil fields [--format F] [--json | --markdown]

Lists each format's field dictionary: tag, name, category and description,
then the labels that mark sensitive values in free-text bodies and the NCIC
miscellaneous-number types that decide an MNU's category.

options:
  --format F   nlets-text, nlets-xml, aamva or ansi-nist (default: every
               format)
  --json       one JSON array of objects
  --markdown   Markdown tables, as in docs/formats/
)";

inline constexpr std::string_view policy_help = R"(usage: veil policy check [--strict] [--recipient-list NAME=FILE ...] P
       veil policy test [--recipient-list NAME=FILE ...] P TESTS
       veil policy show preset:NAME

check loads the policy P (a JSON file, or preset:NAME) as veil redact --policy
would, says whether it is valid, prints the identity its audit lines carry
(its policy_version and the SHA-256 of its bytes and of each recipient list)
and its lists and rules in plain words; a policy that does not load prints
the reason with its JSON path and exits with 2. What loads but looks like a
mistake (a list no rule names, an empty list, an entry listed twice, a rule
without match or with the same match as an earlier one) is printed on stderr
as a warning.

test runs the cases of the JSON file TESTS against P: each names a message
(sample:FORMAT/FILE for a shipped sample, or a file relative to TESTS), the
recipients it goes to, and what must hold (outcome, withheld, notify, rules,
categories or field ids absent or present in what is released). It prints
PASS or FAIL for each case, with what happened, and exits with 1 if any case
fails, 2 if P or TESTS cannot be read.

show prints a preset's JSON, to start a policy of one's own, and its identity
on stderr.

options:
  --strict         check: exit with 2 if there is any warning
  --recipient-list NAME=FILE
                   check, test: add the ORIs or globs in FILE, one per line,
                   to the policy's ORI list NAME; may be repeated

presets:
  immigration-withhold     withhold every message from agencies that primarily
                           enforce immigration law (NY, IL, MA)
  dppa-highly-restricted   remove photo, SSN and medical data (18 U.S.C. 2725)
  immigration-minimize     remove address and immigration data for everyone,
                           and more for immigration enforcement (WA, CO, CA)
)";

inline constexpr std::string_view audit_help = R"(usage: veil audit verify [--key PUBLIC] FILE...
       veil audit keygen SECRET PUBLIC
       veil audit token SECRET [NUMBER...]

verify checks the hash chain of the audit log FILE..., its files given in the
order they were written (a rotated log: oldest first): every line carries its
sequence number and the SHA-256 of the line before it. It prints the first
line where the chain breaks (a line modified, inserted, removed or reordered,
or a line cut short) and exits with 1, or says the log is intact and exits
with 0. With --key, every checkpoint's signature is checked with the public
key in PUBLIC, and the log must end with the final checkpoint its writer
signs when it closes: a log cut after any line is found out. Without a key,
whoever can write the log could rewrite the chain after an edit.

keygen writes a new Ed25519 key pair: the secret key to SECRET (readable by
its owner only; the gateway and veil redact sign checkpoints with it) and the
public key to PUBLIC (to publish, for verify --key). Neither file may exist.

token prints, for each licence NUMBER (or each line of stdin), the token an
audit line written with the secret key in SECRET gives it as record_key, and
the number: the office that sends notices to people whose records were asked
for maps the log's tokens back to its own records so; nobody without the key
can.

options:
  --key PUBLIC   verify: check checkpoint signatures with this public key
)";

inline constexpr std::string_view explain_help = R"(usage: veil explain --policy P [--recipient-list NAME=FILE ...]
                    --recipient ORI [--recipient ORI ...]
                    [--format auto|nlets-text|nlets-xml|aamva|ansi-nist]
                    [--lenient] [--html FILE] [--agencies FILE] [--show-values]
                    INPUT
       veil explain --policy P [--recipient-list NAME=FILE ...] --matrix
                    [--compare OTHER] [--html FILE]

Shows what each recipient would receive of the one message in INPUT ('-'
reads stdin) under the policy P, each recipient decided alone, as if the
message went to it only: whether the message is withheld from it and by which
rules, and a table of every sensitive field of the message and every field a
rule names (tag, name, category, offset, length) saying, per recipient,
whether it is released, dropped, masked or withheld. Every byte outside the
listed fields is released unchanged to each recipient that is not withheld.

With --matrix, shows what P decides without a message: for each kind of
message (each format, and each message key a rule names) and each group of
recipients (each ORI list, each ORI or glob a rule names, everyone else, and
a message that names no recipient), whether it is withheld, or which
categories are removed and which released, and by which rules.

options:
  --policy P       a policy JSON file (see docs/policy.md) or preset:NAME, NAME
                   one of immigration-withhold, dppa-highly-restricted,
                   immigration-minimize
  --recipient-list NAME=FILE
                   add the ORIs or globs in FILE, one per line, to the
                   policy's ORI list NAME; may be repeated
  --recipient ORI  an agency to explain the message for (2 or 9 upper-case
                   letters or digits); at least one; may be repeated
  --format F       auto (default) detects the format as veil redact does
  --lenient        aamva: accept the damage scanners do, as veil redact does
  --html FILE      also write one self-contained HTML page for a reader who is
                   not a technician: first one sentence per recipient (who it
                   is, what it receives, which law decided), then the message
                   side by side as each recipient would get it, then, folded
                   away, the introduction, legend and table; with --matrix,
                   the matrix
  --agencies FILE  the state's ORI directory, to name recipients on the page:
                   CSV, one 'ORI,agency name' a line (quote a name that holds
                   a comma); '#' lines and blank lines are skipped
  --show-values    show each field's bytes, in the table (control characters
                   escaped, cut after 40 bytes) and on the page; without it no
                   byte of a listed field is printed
  --matrix         the decisions of P for every kind of message and group of
                   recipients, instead of one message
  --compare OTHER  with --matrix (which it implies): P and the policy OTHER
                   side by side, each decision that differs marked

exit status:
  0  the explanation was printed (and the page written)
  1  the message was rejected: stderr has 'veil: <input>: byte <N>: <reason>';
     nothing is printed and no page is written
  2  usage or policy error; nothing is written
)";

}  // namespace veil::cli
