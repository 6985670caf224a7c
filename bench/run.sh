#!/usr/bin/env bash
# Reproduces the benchmark table of README's "Benchmarks" section:   bash bench/run.sh
# Builds FlowLint (Release JIT and NativeAOT), the bare AOT YamlDotNet parser (bench/yaml-parse-aot) and Spectral
# (bench/spectral, pinned by its package-lock.json), writes generated flows to a temporary folder, then measures:
#   1. throughput  BenchmarkDotNet FullLintBenchmarks: corpus and 10,000 generated flows, full lint + SARIF vs bare
#                  YamlDotNet events, one thread each, then FlowLint on all cores; allocations per input byte
#   1b.            the generated flows' ratio from interleaved rounds (lint-loop: lint, then parse, each round; median)
#   2. scaling     the AOT CLI on 1,000 vs 10,000 generated flows on disk: wall time and peak RSS (/usr/bin/time -v),
#                  every rule and `--select KF1001` (few findings: what is held per file)
#   3. startup     hyperfine: AOT flowlint, `dotnet flowlint.dll` and the bare AOT YamlDotNet parse of one flow
#   4. peer        hyperfine in interleaved blocks: Spectral with a KF1001 ruleset vs FlowLint (JIT and AOT; AOT also with
#                  KF1001 alone) over 200 generated flows, and which planted secret-in-log shapes each finds (manifest.tsv)
# and prints the table (bench/report.py). Needs: dotnet, node/npm, hyperfine, GNU time, python3 (installed with
# apt-get when missing and running as root). Takes about 5 minutes after the builds on a 2-core machine; run it idle.
# FLOWLINT_BENCH_DIR keeps the working folder (default: a new temporary one); FLOWLINT_BENCH_QUICK=1 shortens
# every measurement (a smoke test of the script, not figures to publish).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export npm_config_cache=${XDG_CACHE_HOME:-$HOME/.cache}/npm

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null || need+=(python3)
command -v npm >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "bench/run.sh: install ${need[*]}" >&2; exit 1
  fi
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64|Linux-arm64) rid=linux-arm64 ;;
  *) echo "bench/run.sh: Linux x64 or arm64 only (GNU time)" >&2; exit 2 ;;
esac

quick=${FLOWLINT_BENCH_QUICK:-0}
work=${FLOWLINT_BENCH_DIR:-$(mktemp -d -t flowlint-bench.XXXXXX)}
mkdir -p "$work"
echo "bench/run.sh: working folder $work" >&2
log() { echo "== $*" >&2; }

log "building"
dotnet build analyzer/flowlint -c Release -f net10.0 -v q -nologo -o "$work/jit" >/dev/null
bash build/publish-aot.sh "$rid" >/dev/null 2>"$work/publish-aot.log" || { cat "$work/publish-aot.log" >&2; exit 1; }
aot=artifacts/aot/$rid/flowlint
dotnet publish bench/yaml-parse-aot -c Release -r "$rid" -p:StripSymbols=true -v q -nologo -o "artifacts/aot/$rid/yaml-parse" >/dev/null
yaml_parse=artifacts/aot/$rid/yaml-parse/yaml-parse
dotnet build tests/Kestra.FlowLint.Benchmarks -c Release -v q -nologo >/dev/null
bench_dll=tests/Kestra.FlowLint.Benchmarks/bin/Release/net10.0/Kestra.FlowLint.Benchmarks.dll
(cd bench/spectral && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
spectral=bench/spectral/node_modules/.bin/spectral

log "generating flows"
for n in 200 1000 10000; do
  [ -f "$work/gen-$n/manifest.tsv" ] || dotnet "$bench_dll" generate "$n" "$work/gen-$n" >/dev/null
done
one=$work/gen-200/flow-00001.yaml

log "1. throughput (BenchmarkDotNet)"
if [ "$quick" = 1 ]; then bdn_job=(--job Dry); else bdn_job=(); fi
dotnet run -c Release --no-build --project tests/Kestra.FlowLint.Benchmarks -- --filter '*FullLint*Benchmarks*' \
  --exporters json --artifacts "$work/bdn" "${bdn_job[@]}" >"$work/bdn.log" 2>&1 || { tail -50 "$work/bdn.log" >&2; exit 1; }

log "1b. throughput, interleaved rounds"
# BenchmarkDotNet measures FlowLint and the floor minutes apart, and this machine drifts within minutes: the same
# code gave 1.5x, 2.5x and 2.0x in three runs. lint-loop lints and then parses the same flows in every round, one
# thread each, so drift falls on both sides of each round's ratio; the report takes the median of the second half
# of the rounds (the JIT is still tiering code up during the first). Only the generated flows: a corpus round is
# ~15 ms and starts on memory a full collection just released, so it measured first touches (rounds from 0.9x to 6.5x).
loop_rounds=8; [ "$quick" = 1 ] && loop_rounds=2
FLOWLINT_SARIF=1 dotnet "$bench_dll" lint-loop 10000 "$loop_rounds" >"$work/loop-generated.txt" 2>&1

log "2. scaling (AOT CLI, 1,000 vs 10,000 flows)"
runs=3; [ "$quick" = 1 ] && runs=1
for n in 1000 10000; do
  for r in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/time-$n-$r.txt" "$aot" check "$work/gen-$n" --format sarif -o /dev/null --fail-on none 2>"$work/summary-$n.txt"
    # What a run holds per file, apart from findings: one rule, whose findings are the 1-in-5 planted leaks.
    /usr/bin/time -v -o "$work/time-kf1001-$n-$r.txt" "$aot" check "$work/gen-$n" --select KF1001 --format sarif -o /dev/null --fail-on none 2>"$work/summary-kf1001-$n.txt"
    # The same without the heap warm-up (analyzer/flowlint/HeapWarmup.cs), whose region adds to a run's peak memory.
    FLOWLINT_HEAP_WARMUP=0 /usr/bin/time -v -o "$work/time-cold-$n-$r.txt" "$aot" check "$work/gen-$n" --format sarif -o /dev/null --fail-on none 2>/dev/null
  done
done

log "3. startup (hyperfine)"
# Five interleaved blocks: this machine drifts within minutes, and one block per command would put the drift
# between the commands compared. The report takes the median of every run of a command across the blocks.
hf_runs=8; hf_blocks=5; [ "$quick" = 1 ] && { hf_runs=3; hf_blocks=1; }
rm -f "$work"/startup-*.json
for block in $(seq "$hf_blocks"); do
  hyperfine -N -i --warmup 3 --runs "$hf_runs" --export-json "$work/startup-$block.json" \
    -n "flowlint (NativeAOT)" "$aot check $one --format sarif --fail-on none" \
    -n "dotnet flowlint.dll (JIT)" "dotnet $work/jit/flowlint.dll check $one --format sarif --fail-on none" \
    -n "yaml-parse (bare YamlDotNet, NativeAOT)" "$yaml_parse $one" >"$work/startup.txt" 2>&1 || { cat "$work/startup.txt" >&2; exit 1; }
done

log "4. Spectral vs FlowLint over 200 flows"
# Interleaved blocks, as for startup: a single block put minutes of drift between Spectral and FlowLint. FlowLint's
# runs are short, so each block has more of them; the report takes each command's median over all blocks.
sp_blocks=3; sp_runs=2; fl_runs=10; [ "$quick" = 1 ] && { sp_blocks=1; sp_runs=1; fl_runs=1; }
rm -f "$work"/peer-*.json
for block in $(seq "$sp_blocks"); do
  hyperfine -N -i --warmup 1 --runs "$sp_runs" --export-json "$work/peer-spectral-$block.json" \
    -n "spectral" "$spectral lint -r bench/spectral/kf1001.spectral.yaml -f json -q $work/gen-200/*.yaml" >"$work/peer.txt" 2>&1 || { cat "$work/peer.txt" >&2; exit 1; }
  hyperfine -N -i --warmup 2 --runs "$fl_runs" --export-json "$work/peer-flowlint-$block.json" \
    -n "flowlint (JIT)" "dotnet $work/jit/flowlint.dll check $work/gen-200 --format sarif --fail-on none" \
    -n "flowlint (NativeAOT)" "$aot check $work/gen-200 --format sarif --fail-on none" \
    -n "flowlint (NativeAOT, KF1001 only)" "$aot check $work/gen-200 --format sarif --fail-on none --select KF1001" >"$work/peer.txt" 2>&1 || { cat "$work/peer.txt" >&2; exit 1; }
  # Without the heap warm-up: hyperfine passes its environment on, and `env` in the command would add its own start.
  FLOWLINT_HEAP_WARMUP=0 hyperfine -N -i --warmup 2 --runs "$fl_runs" --export-json "$work/peer-cold-$block.json" \
    -n "flowlint (NativeAOT, no heap warm-up)" "$aot check $work/gen-200 --format sarif --fail-on none" \
    -n "flowlint (NativeAOT, KF1001 only, no heap warm-up)" "$aot check $work/gen-200 --format sarif --fail-on none --select KF1001" >"$work/peer.txt" 2>&1 || { cat "$work/peer.txt" >&2; exit 1; }
done
"$spectral" lint -r bench/spectral/kf1001.spectral.yaml -f json -q -o "$work/spectral-findings.json" "$work"/gen-200/*.yaml >/dev/null 2>&1 || true
"$aot" check "$work/gen-200" --format msbuild --select KF1001 --fail-on none >"$work/flowlint-findings.txt" 2>/dev/null

python3 bench/report.py "$work" ../shared/corpus
