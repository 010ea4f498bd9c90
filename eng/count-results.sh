#!/usr/bin/env bash
# Adds up the counters of every .trx file under a folder and prints 'N passed, N failed[, N skipped]'.
set -euo pipefail
passed=0; failed=0; skipped=0
shopt -s globstar nullglob
for trx in "$1"/**/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); p=$(value passed); f=$(value failed); e=$(value error); t=$(value timeout); x=$(value executed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
  skipped=$((skipped + ${total:-0} - ${x:-0}))
done
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
