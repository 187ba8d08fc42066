#!/usr/bin/env bash
# make conformance: holds the local engine against references that need
# more than Go.
#
# 1. The JSONata implementation (localaws/jsonata) against the reference
#    implementation, the npm package jsonata at the version AWS Step
#    Functions runs (2.0.6): reference.js evaluates every case of
#    testdata/differential/cases.json and the Go test compares, reporting
#    the pass rate. jsonata is installed into .cache/ (git ignores it).
#    Without Node this part is skipped, unless CI=true.
# 2. The ASL engine's conformance fixtures (localaws/asl/testdata).
set -euo pipefail
GO=${GO:-go}
ref_version=2.0.6
dir=.cache/jsonata-ref
cases=localaws/jsonata/testdata/differential/cases.json

if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  mkdir -p "$dir"
  if ! grep -q "\"version\": \"$ref_version\"" "$dir/node_modules/jsonata/package.json" 2>/dev/null; then
    npm install --silent --no-audit --no-fund --prefix "$dir" "jsonata@$ref_version" >/dev/null
  fi
  NODE_PATH="$PWD/$dir/node_modules" node localaws/jsonata/testdata/differential/reference.js "$cases" > "$dir/live.json"
  out=$(JSONATA_REFERENCE_RESULTS="$PWD/$dir/live.json" "$GO" test -count=1 -run '^TestDifferential$' -v ./localaws/jsonata/ 2>&1) || {
    echo "$out"; exit 1; }
  echo "$out" | grep -E 'JSONata differential'
elif [ "${CI:-}" = true ]; then
  echo "make conformance: node and npm are needed for the JSONata differential test" >&2
  exit 1
else
  echo "node/npm not installed: the JSONata differential test against the reference implementation is skipped"
fi

"$GO" test -count=1 -run '^TestConformance$' ./localaws/asl/
