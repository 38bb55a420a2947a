#pragma once
// Help texts of the `veil` command. docs/cli.md quotes them; a test keeps the two equal.

#include <string_view>

namespace veil::cli {

inline constexpr std::string_view main_help = R"(usage: veil <command> [options]

Redacts address, photo and immigration-relevant fields from law-enforcement
record formats, field by field, and records what it removed.

commands:
  redact    redact messages (see veil redact --help)
  fields    list the field dictionary (see veil fields --help)

options:
  --help     show this help
  --version  show the version
)";

inline constexpr std::string_view redact_help = R"(usage: veil redact [--mask LIST | --policy FILE] [--action drop|mask]
                   [--format auto|nlets-text|nlets-xml|aamva|ansi-nist]
                   [--label TEXT=CATEGORY ...] [--lenient] [--strict-unknown]
                   [--recipient ORI] [--audit FILE] [--summary] [-o FILE]
                   [INPUT ...]

Each INPUT file is one message; no INPUT or '-' reads one message from stdin.
Outputs are written in input order, back to back, to stdout or FILE.

options:
  --mask LIST      categories to remove, comma-separated, or all, or none
                   (default: address,photo,immigration); categories:
                   address, photo, biometric, immigration, ssn, medical, contact
  --policy FILE    policy file (not supported in this version)
  --action A       drop: remove each field; mask: keep it, replace its value
                   with '*' (default: drop)
  --format F       auto (default) detects from the first bytes: '<' nlets-xml,
                   '@' aamva (after an optional byte order mark), '1.0' +
                   digits + ':' ansi-nist, else nlets-text
  --label TEXT=CATEGORY
                   one more free-text label, e.g. 'HOME ADDR:=address': a line
                   holding it is a field of that category (address labels
                   take indented continuation lines); may be repeated
  --lenient        aamva: accept the damage scanners do (byte order mark,
                   lost or swapped CR/LF, "AAMVA" file type, wrong offsets,
                   missing subfile type) and write the payload back in the
                   standard's framing; without it such payloads are rejected
  --strict-unknown aamva: treat elements the standard does not define
                   (jurisdiction Z elements) as sensitive
  --recipient ORI  the agency the output is released to (2 or 9 letters or
                   digits); recorded in the audit
  --audit FILE     append one JSON line per message: format, message key,
                   sender, recipients, outcome, and per removed field its tag,
                   category, action, offset and length (never the value)
  --summary        print one line per message to stderr saying what was removed
  -o, --output FILE
                   write the output to FILE instead of stdout

exit status:
  0  every message was written
  1  at least one message was rejected; it wrote nothing, and stderr has
     'veil: <input>: byte <N>: <reason>'; the other messages were written
  2  usage or policy error; nothing was written (also when the output or the
     audit file could not be written, with 'veil: <file>: write failed')
)";

inline constexpr std::string_view fields_help = R"(usage: veil fields [--format F] [--json | --markdown]

Lists each format's field dictionary: tag, name, category and description,
then the labels that mark sensitive lines in free-text bodies.

options:
  --format F   nlets-text, nlets-xml, aamva or ansi-nist (default: every
               format)
  --json       one JSON array of objects
  --markdown   Markdown tables, as in docs/formats/
)";

}  // namespace veil::cli
