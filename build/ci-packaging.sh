#!/usr/bin/env bash
# Packaging and SARIF checks run by .ci/run after the test suites:
#   tool      dotnet pack, then dotnet tool install into a fresh folder, then `flowlint check examples/`
#   sarif     the installed tool's SARIF for every ../shared/corpus folder and examples/ passes validate-sarif
#   hooks     action.yml and .pre-commit-hooks.yaml are valid YAML that FlowLint itself leaves alone
#   aot       build/publish-aot.sh succeeds with no trimming/AOT warning from our code, and the native
#             binary prints what the .NET tool prints
# Prints one PASS/FAIL/SKIP line per check and ends with "N passed, N failed[, N skipped]".
# Exit status: 0 when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0 failed=0 skipped=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; [ -s "$work/log" ] && tail -n 30 "$work/log" | sed 's/^/    /'; failed=$((failed + 1)); }
skip() { echo "SKIP $1"; skipped=$((skipped + 1)); }

# tool: the package installs into an empty folder, away from this repository's files.
tool=$work/tool/flowlint
if dotnet pack analyzer/flowlint -c Release -o "$work/artifacts" >"$work/log" 2>&1 \
   && (cd "$(mktemp -d)" && dotnet tool install --tool-path "$work/tool" --add-source "$work/artifacts" flowlint) >>"$work/log" 2>&1 \
   && "$tool" check examples/ --fail-on none >"$work/examples.txt" 2>>"$work/log" \
   && grep -q 'error\[KF3001\]' "$work/examples.txt"; then
  pass "tool: dotnet pack + dotnet tool install + flowlint check examples/ --fail-on none"
else
  fail "tool: dotnet pack + dotnet tool install + flowlint check examples/ --fail-on none"
  tool=
fi

# sarif: one file per corpus folder (linted from the corpus root, as from a repository) and one for examples/.
validator=../shared/tools/validate-sarif
if [ -z "$tool" ]; then
  skip "sarif: no installed tool"
elif [ ! -x "$validator" ] || ! command -v node >/dev/null 2>&1; then
  fail "sarif: $validator and node are required"
else
  mkdir -p "$work/sarif"
  : >"$work/log"
  ok=1
  for folder in ../shared/corpus/*/; do
    name=$(basename "$folder")
    (cd ../shared/corpus && "$tool" check "$name" --format sarif -o "$work/sarif/corpus-$name.sarif" --fail-on none --category "$name") 2>>"$work/log" || ok=0
  done
  "$tool" check examples/ --format sarif -o "$work/sarif/examples.sarif" --fail-on none 2>>"$work/log" || ok=0
  if [ "$ok" = 1 ] && "$validator" "$work"/sarif/*.sarif >"$work/validate.txt" 2>>"$work/log"; then
    sed 's|^\(PASS\) .*/\([^/]*\.sarif\)|    \1 \2|' "$work/validate.txt" | grep '^    PASS'
    pass "sarif: validate-sarif on $(ls "$work"/sarif/*.sarif | wc -l) files"
  else
    cat "$work/validate.txt" >>"$work/log" 2>/dev/null
    fail "sarif: validate-sarif"
  fi
fi

# hooks: the packaging YAML parses, and FlowLint classifies it as "other YAML", with no finding.
: >"$work/log"
if [ -n "$tool" ] && "$tool" check action.yml .pre-commit-hooks.yaml --format msbuild >"$work/hooks.txt" 2>"$work/log" \
   && [ ! -s "$work/hooks.txt" ] && grep -q '2 other YAML document(s) skipped' "$work/log" \
   && node -e 'for (const f of process.argv.slice(1)) if (!/^(name|- id): /m.test(require("fs").readFileSync(f, "utf8"))) process.exit(1)' action.yml .pre-commit-hooks.yaml; then
  pass "hooks: action.yml and .pre-commit-hooks.yaml"
else
  fail "hooks: action.yml and .pre-commit-hooks.yaml"
fi

# aot: needs a C toolchain; the publish fails on any warning (warnings are errors) and the script on ours.
: >"$work/log"
if ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
  skip "aot: no gcc or clang"
elif [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  skip "aot: checked on linux-x64 only"
elif build/publish-aot.sh linux-x64 >"$work/log" 2>&1 \
     && artifacts/aot/linux-x64/flowlint check examples/ --fail-on none >"$work/aot.txt" 2>>"$work/log" \
     && { [ -z "$tool" ] || cmp -s "$work/aot.txt" "$work/examples.txt"; }; then
  pass "aot: build/publish-aot.sh, no trimming/AOT warning, same output as the .NET tool"
else
  fail "aot: build/publish-aot.sh, no trimming/AOT warning, same output as the .NET tool"
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
