#!/usr/bin/env bash
# Packaging and SARIF checks run by .ci/run after the test suites:
#   tool      dotnet pack, then dotnet tool install into a fresh folder, then `flowlint check examples/`
#   sarif     the installed tool's SARIF for every ../shared/corpus folder and examples/ passes validate-sarif
#   hooks     action.yml and .pre-commit-hooks.yaml are valid YAML that FlowLint itself leaves alone
#   roslyn    dotnet pack of the Roslyn analyzer, then a project with a PackageReference to it (from a local folder,
#             into an empty NuGet cache) fails its dotnet build on a leaking flow with the error at line 9, column 27
#   aot       build/publish-aot.sh succeeds with no trimming/AOT warning from our code, and the native
#             binary prints what the .NET tool prints
#   warmup    the native binary's SARIF for ../shared/corpus is the same with its heap warm-up on and off
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

# roslyn: the package route of the Roslyn analyzer (the tests cover the ProjectReference route): analyzers/dotnet/cs
# must carry the engine, the rules and YamlDotNet, and buildTransitive's props must list flows/ as AdditionalFiles.
: >"$work/log"
consumer=$work/roslyn/repo/app
mkdir -p "$consumer/flows"
cp tests/Kestra.FlowLint.Roslyn.Consumer/flows/*.yaml "$consumer/flows/"
cp tests/Kestra.FlowLint.Roslyn.Consumer/Deployment.cs "$consumer/"
echo '<Project />' >"$consumer/Directory.Build.props"
cat >"$consumer/app.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <WarningsAsErrors>$(WarningsAsErrors);CS9057;CS8032;AD0001</WarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Kestra.FlowLint.Roslyn" Version="*" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
if dotnet pack analyzer/Kestra.FlowLint.Roslyn -c Release -p:FlowLintPackAnalyzer=true -o "$work/roslyn/packages" >"$work/log" 2>&1; then
  (cd "$consumer" && NUGET_PACKAGES=$work/roslyn/nuget dotnet build -nodeReuse:false --disable-build-servers \
     -p:RestoreSources="$work/roslyn/packages" >"$work/roslyn/build.txt" 2>&1)
  build_rc=$?
  cat "$work/roslyn/build.txt" >>"$work/log"
fi
if [ "${build_rc:-0}" -ne 0 ] \
   && grep -qF "$consumer/flows/leak.yaml(9,27): error KF1001: secret('GITHUB_TOKEN') is written to the logs by task 'debug'" "$work/roslyn/build.txt" \
   && ! grep -qE 'AD0001|CS8032|CS9057|clean\.yaml' "$work/roslyn/build.txt"; then
  pass "roslyn: dotnet pack + PackageReference: dotnet build reports KF1001 at flows/leak.yaml(9,27) and fails"
else
  fail "roslyn: dotnet pack + PackageReference: dotnet build reports KF1001 at flows/leak.yaml(9,27) and fails"
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

# warmup: the native binary prepares its heap for a run of many files (analyzer/flowlint/HeapWarmup.cs) where the
# system offers huge pages; its report must be byte for byte the one of a run without (FLOWLINT_HEAP_WARMUP=0).
aot=artifacts/aot/linux-x64/flowlint aot_path=$PWD/artifacts/aot/linux-x64/flowlint
: >"$work/log"
if [ ! -x "$aot" ]; then
  skip "warmup: no native binary"
else
  thp=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)
  corpus=$(cd ../shared/corpus && pwd)
  (cd "$corpus" && FLOWLINT_GC_STATS=1 "$aot_path" check . --format sarif -o "$work/warm.sarif" --fail-on none) 2>"$work/warm.log"
  (cd "$corpus" && FLOWLINT_GC_STATS=1 FLOWLINT_HEAP_WARMUP=0 "$aot_path" check . --format sarif -o "$work/cold.sarif" --fail-on none) 2>"$work/cold.log"
  cat "$work/warm.log" "$work/cold.log" >"$work/log"
  if [[ "$thp" == *"[never]"* || -z "$thp" ]]; then engaged=0; else engaged=1; fi
  if [ -s "$work/warm.sarif" ] && cmp -s "$work/warm.sarif" "$work/cold.sarif" \
     && ! grep -q 'flowlint: heap:' "$work/cold.log" \
     && { [ "$engaged" = 0 ] || grep -q 'flowlint: heap: .* MB prepared' "$work/warm.log"; }; then
    pass "warmup: the native binary's SARIF for ../shared/corpus is the same with and without the heap warm-up ($( [ "$engaged" = 1 ] && grep -o '[0-9.]* MB prepared' "$work/warm.log" || echo "no huge pages here, not engaged"))"
  else
    fail "warmup: the native binary's SARIF for ../shared/corpus is the same with and without the heap warm-up"
  fi
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
