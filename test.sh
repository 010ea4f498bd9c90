#!/usr/bin/env bash
# The whole test suite on a fresh machine: restore, build, pack, then every test project (unit, generator,
# analyzer, template, end-to-end against the packed package, Native AOT publish). Ends with one line
# 'N passed, N failed[, N skipped]' counted from the test results.
source "$(dirname "$0")/eng/common.sh"
ensure_native_toolchain
pack_package
results="$REPO_ROOT/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test "$REPO_ROOT/Serverless.Analyzers.sln" -c "$CONFIGURATION" --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
"$REPO_ROOT/eng/count-results.sh" "$results"
exit $status
