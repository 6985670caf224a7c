#!/usr/bin/env bash
# Editor suites run by test.sh after the .NET suites (so by .ci/run too, after the packaging checks):
#   server      the flowlint the extension bundles: the NativeAOT binary from build/publish-aot.sh when
#               it is there (build/ci-packaging.sh makes it), else a Release framework-dependent publish
#   extension   npm ci, the unit tests (node:test), and `npm run package` into vscode-extension/flowlint.vsix
#   lsp-node    tests/lsp-node/run.sh: `flowlint lsp` driven through vscode-languageserver-protocol
#   vscode-e2e  tests/vscode-e2e/run.mjs: the .vsix in code-server 4.139.1 (node 24) inside Debian's
#               headless Chromium; screenshots under tests/vscode-e2e/out/
# Installs what is missing (apt: chromium, libkrb5-dev and a C++ toolchain, as root; npm: everything,
# with downloads cached under ${XDG_CACHE_HOME:-$HOME/.cache}). Adds the suites' own counts and ends with
# "N passed, N failed[, N skipped]"; a suite that prints no summary counts as one failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cache=${XDG_CACHE_HOME:-$HOME/.cache}
mkdir -p "$cache"
export npm_config_cache="${npm_config_cache:-$cache/npm}" npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

passed=0 failed=0 skipped=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; [ -s "$work/log" ] && tail -n 40 "$work/log" | sed 's/^/    /'; failed=$((failed + 1)); }
skip() { echo "SKIP $1"; skipped=$((skipped + 1)); }
# Adds a suite's closing "N passed, N failed[, N skipped]" line; no such line is one failure.
add_summary() {
  local name=$1 summary
  summary=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$work/log" | tail -n 1 | sed -E 's/^[A-Za-z]+: //')
  if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2])); skipped=$((skipped + ${BASH_REMATCH[4]:-0}))
    echo "$name: $summary"
  else
    fail "$name: printed no summary"
  fi
}

# apt: Chromium for the e2e test; gssapi headers and a C++ toolchain for code-server's native modules.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "ci-editor.sh: installing ${missing[*]}" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$work/apt.log" 2>&1 \
      || { echo "ci-editor.sh: apt-get install failed" >&2; tail -n 20 "$work/apt.log" >&2; }
  else
    echo "ci-editor.sh: missing ${missing[*]}; install them (as root: apt-get install ${missing[*]})" >&2
  fi
fi

# server: the bundled build. The AOT binary is current when build/ci-packaging.sh ran just before.
: >"$work/log"
rm -rf artifacts/server-dll
server=
if [ -x artifacts/aot/linux-x64/flowlint ] && [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  server="$PWD/artifacts/aot/linux-x64/flowlint"
  pass "server: bundling the NativeAOT build (artifacts/aot/linux-x64/flowlint)"
elif dotnet publish analyzer/flowlint -f net10.0 -c Release -o artifacts/server-dll >"$work/log" 2>&1; then
  server="dotnet $PWD/artifacts/server-dll/flowlint.dll"
  pass "server: Release framework-dependent publish (artifacts/server-dll)"
else
  fail "server: dotnet publish analyzer/flowlint -c Release"
fi

# extension: unit tests and the .vsix.
: >"$work/log"
vsix=
if (cd vscode-extension && npm ci --no-audit --no-fund --loglevel=error) >"$work/log" 2>&1; then
  (cd vscode-extension && npm test) >"$work/log" 2>&1
  # node:test closes with "# pass N" / "# fail N"; they are this suite's counts.
  up=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$work/log" | tail -n 1)
  down=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$work/log" | tail -n 1)
  if [ -n "$up" ] && [ -n "$down" ]; then
    echo "extension unit tests: $up passed, $down failed"
    passed=$((passed + up)); failed=$((failed + down))
    [ "$down" -gt 0 ] && tail -n 40 "$work/log" | sed 's/^/    /'
  else
    fail "extension unit tests: printed no summary"
  fi
  if (cd vscode-extension && npm run bundle-server && npm run package) >"$work/log" 2>&1 && [ -f vscode-extension/flowlint.vsix ]; then
    vsix=vscode-extension/flowlint.vsix
    pass "extension: npm run package -> $vsix ($(du -k "$vsix" | cut -f1) KB)"
  else
    fail "extension: npm run package"
  fi
else
  fail "extension: npm ci"
fi

# lsp-node: the language server's protocol test (its own package and runner).
: >"$work/log"
if [ ! -f tests/lsp-node/run.sh ]; then
  skip "lsp-node: tests/lsp-node/run.sh is not on this branch"
elif [ -z "$server" ]; then
  fail "lsp-node: no server build"
else
  # The same server the .vsix bundles (FLOWLINT_LSP is run.sh's server command).
  FLOWLINT_LSP="$server lsp" bash tests/lsp-node/run.sh >"$work/log" 2>&1
  sed 's/^/    /' "$work/log" | tail -n 60
  add_summary "lsp-node"
fi

# vscode-e2e: code-server (installed once per machine into the cache) and Chromium.
: >"$work/log"
if [ -z "$vsix" ]; then
  fail "vscode-e2e: no .vsix"
elif ! (cd tests/vscode-e2e && npm ci --no-audit --no-fund --loglevel=error) >"$work/log" 2>&1; then
  fail "vscode-e2e: npm ci"
elif ! home=$(bash tests/vscode-e2e/install-code-server.sh 2>"$work/log"); then
  fail "vscode-e2e: install code-server"
else
  (cd tests/vscode-e2e && node run.mjs --vsix "../../$vsix" --code-server "$home") >"$work/log" 2>&1
  sed 's/^/    /' "$work/log"
  add_summary "vscode-e2e"
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
