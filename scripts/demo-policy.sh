#!/usr/bin/env bash
# Shows one driver record response as two recipients receive it under each statute
# preset: a state agency (ORTEST001) and ICE's Law Enforcement Support Center
# (VTICE0900), with the audit line veil writes for each.
set -euo pipefail
veil=$1
message=$2
audit=$(mktemp)
trap 'rm -f "$audit"' EXIT
printf '\n=== %s: before\n' "$message"
cat "$message"
for preset in immigration-withhold immigration-minimize dppa-highly-restricted; do
  for recipient in ORTEST001 VTICE0900; do
    printf '\n=== --policy preset:%s, released to %s\n' "$preset" "$recipient"
    : >"$audit"
    "$veil" redact --policy "preset:$preset" --recipient "$recipient" --audit "$audit" "$message"
    printf '=== audit: '
    cat "$audit"
  done
done
