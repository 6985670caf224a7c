#!/usr/bin/env bash
# Runs every test suite of the repository and ends with one line: "N passed, N failed[, N skipped]":
# the .NET suites (MSTest), then the editor suites of build/ci-editor.sh (extension unit tests, the Node LSP
# test, VS Code end to end in code-server; it installs what they need). `bash test.sh --dotnet-only` stops
# after the .NET suites, for a quick local run.
# Exit code: 0 when everything passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
passed=0; failed=0; skipped=0; status=0
log=$(mktemp)

# .NET suites (MSTest). Each test assembly prints a summary line that we add up.
# The fuzz tests write their run length and case count here (a passing test's output is not shown).
export FLOWLINT_FUZZ_REPORT=$(mktemp)
dotnet test Kestra.FlowLint.sln --nologo 2>&1 | tee "$log"
dotnet_rc=${PIPESTATUS[0]}
if [ -s "$FLOWLINT_FUZZ_REPORT" ]; then echo "fuzz:"; sed 's/^/  /' "$FLOWLINT_FUZZ_REPORT"; fi
rm -f "$FLOWLINT_FUZZ_REPORT"
summaries=$(grep -E '(Passed|Failed)!? +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$log" || true)
if [ -z "$summaries" ]; then
  echo "test.sh: the .NET test run printed no summary (build failure?)" >&2
  failed=$((failed + 1)); status=1
else
  while read -r line; do
    f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
    p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
    s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  done <<<"$summaries"
fi
[ "$dotnet_rc" -ne 0 ] && status=1

if [ "${1:-}" != "--dotnet-only" ]; then
  bash build/ci-editor.sh 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -ne 0 ] && status=1
  editor=$(tail -n 1 "$log")
  if [[ "$editor" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2])); skipped=$((skipped + ${BASH_REMATCH[4]:-0}))
  else
    echo "test.sh: the editor suites printed no summary" >&2
    failed=$((failed + 1)); status=1
  fi
fi
rm -f "$log"

[ "$failed" -gt 0 ] && status=1
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
