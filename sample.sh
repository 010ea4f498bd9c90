#!/usr/bin/env bash
# The main job: pack Serverless.Analyzers, build the HelloLambda sample against the package as a user would, run a
# few invocations with the local tool, then serve its HTTP API on 127.0.0.1 the way API Gateway would call it
# (Ctrl+C stops it). PORT=8080 ./sample.sh picks another port; NO_SERVE=1 skips serving.
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
[ "${NO_SERVE:-}" = 1 ] && exit 0
port="${PORT:-5050}"
echo
echo "Serving the sample's HTTP API on http://127.0.0.1:$port — try:"
echo "  curl 'http://127.0.0.1:$port/greetings/Ada?times=2'"
echo "  curl -i 'http://127.0.0.1:$port/greetings/Ada?times=9&loud=maybe'    # one 400 listing every mistake"
echo "  curl 'http://127.0.0.1:$port/stock/movements?kind=receipt&sku=TEA-0042,MUG-0007'"
echo "  curl -H 'X-Unit: case' 'http://127.0.0.1:$port/warehouses/ber1/stock/tea-0042'"
echo "  curl 'http://127.0.0.1:$port/inventory/items/low-stock'                  # one class function, many routes"
echo "  curl -o label.png 'http://127.0.0.1:$port/inventory/items/MUG-2/label'  # a binary result: the SKU as a barcode PNG"
echo "  curl -i -H 'Content-Type: application/json' -d '{\"orderId\":\"A-1001\",\"lines\":[{\"sku\":\"MUG-2\",\"quantity\":5}]}' \\"
echo "       'http://127.0.0.1:$port/inventory/reservations'                      # 409: only 3 mugs in stock"
run serve --port "$port"
