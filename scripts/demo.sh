#!/usr/bin/env bash
# Shows each sample message before and after `veil redact` with the default mask
# (address, photo, immigration), and a one-line summary of what was removed, for every
# message in the directories given after the command. Control characters (the CR and
# RS of AAMVA payloads) are shown as cat -v shows them.
set -euo pipefail
veil=$1
shift
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
for dir in "$@"; do
for message in "$dir"/*; do
  printf '\n=== %s: before\n' "$message"
  cat -v "$message"
  printf '\n=== after\n'
  status=0
  "$veil" redact --summary "$message" 2>"$summary" | cat -v || status=$?
  printf '\n'
  cat "$summary"
  [ "$status" -le 1 ] || exit "$status"
done
done
