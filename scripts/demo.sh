#!/usr/bin/env bash
# Shows each sample message before and after `veil redact` with the default mask
# (address, photo, immigration), and a one-line summary of what was removed.
set -euo pipefail
veil=$1
dir=$2
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
for message in "$dir"/*.txt; do
  printf '\n=== %s: before\n' "$message"
  cat "$message"
  printf '\n=== after\n'
  status=0
  "$veil" redact --summary "$message" 2>"$summary" || status=$?
  printf '\n'
  cat "$summary"
  [ "$status" -le 1 ] || exit "$status"
done
