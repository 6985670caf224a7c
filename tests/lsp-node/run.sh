#!/usr/bin/env bash
# The Node test of `flowlint lsp`: builds the CLI (Release, net10.0) unless FLOWLINT_LSP names a server command,
# installs the pinned client packages (npm ci; cache under ${XDG_CACHE_HOME:-$HOME/.cache}/npm), runs node --test,
# and ends with one line: "N passed, N failed". Exit code 0 only when every test passed.
set -uo pipefail
cd "$(dirname "$0")"
repo=$(cd ../.. && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export npm_config_cache="${XDG_CACHE_HOME:-$HOME/.cache}/npm"

if [ -z "${FLOWLINT_LSP:-}" ]; then
  if ! dotnet build "$repo/analyzer/flowlint" -c Release -f net10.0 -nologo -v q >&2; then
    echo "lsp-node: building the CLI failed" >&2
    echo "0 passed, 1 failed"; exit 1
  fi
  export FLOWLINT_LSP="dotnet $repo/analyzer/flowlint/bin/Release/net10.0/flowlint.dll lsp"
fi
if ! npm ci --no-audit --no-fund --loglevel=error >&2; then
  echo "lsp-node: npm ci failed" >&2
  echo "0 passed, 1 failed"; exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
node --test --test-reporter=tap 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
pass=$(grep -E '^# pass [0-9]+' "$log" | awk '{print $3}')
fail=$(grep -E '^# fail [0-9]+' "$log" | awk '{print $3}')
if [ -z "$pass" ] || [ -z "$fail" ]; then
  echo "lsp-node: node --test printed no summary" >&2
  echo "${pass:-0} passed, $(( ${fail:-0} + 1 )) failed"; exit 1
fi
[ "$rc" -ne 0 ] && [ "$fail" -eq 0 ] && fail=1
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$rc" -eq 0 ]
