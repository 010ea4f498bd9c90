#!/usr/bin/env bash
# The main job: pack Serverless.Analyzers, build the HelloLambda sample against the package as a user would,
# then run it locally: list its functions and invoke each one.
source "$(dirname "$0")/eng/common.sh"
pack_package
app="$REPO_ROOT/samples/HelloLambda"
dotnet build "$app" -c "$CONFIGURATION" -nologo -v:q
run() { echo "\$ HelloLambda $*"; dotnet run --project "$app" -c "$CONFIGURATION" --no-build -- "$@"; echo; }
run
run invoke Hello '{"name":"Ada"}'
run invoke CreateOrder '{"product":"book","quantity":2}'
run invoke GetOrder '{"id":"o-0"}'
echo "The SAM template is at samples/HelloLambda/serverless.template"
