#!/usr/bin/env bash
# Publishes flowlint as a NativeAOT single-file binary: artifacts/aot/<rid>/flowlint.
#   build/publish-aot.sh [RID [MSBUILD-ARGS...]]   RID defaults to this machine's (linux-x64, linux-arm64, osx-arm64, ...);
#   e.g. `build/publish-aot.sh linux-x64 -p:FlowLintPie=true` keeps a position-independent binary (see flowlint.csproj)
# net9.0 is the AOT target: net10.0's AOT runtime pack is not served by every feed. Needs the platform's
# native toolchain (gcc or clang on Linux). Fails if the build reports a trimming or AOT warning from
# FlowLint's own code (IL2xxx/IL3xxx in Kestra.FlowLint*, flowlint); the known ones from System.CommandLine
# and YamlDotNet are listed on the way.
set -euo pipefail
cd "$(dirname "$0")/.."

rid=${1:-}
if [ -z "$rid" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) rid=linux-x64 ;;
    Linux-aarch64|Linux-arm64) rid=linux-arm64 ;;
    Darwin-arm64) rid=osx-arm64 ;;
    Darwin-x86_64) rid=osx-x64 ;;
    *) echo "publish-aot.sh: pass a runtime identifier (e.g. linux-x64)" >&2; exit 2 ;;
  esac
fi

out=artifacts/aot/$rid
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish analyzer/flowlint -f net9.0 -c Release -r "$rid" -p:FlowLintNativeAot=true -p:StripSymbols=true \
  "${@:2}" -o "$out" 2>&1 | tee "$log"

# Trim/AOT analysis warnings, one per line, without MSBuild's duplicates.
warnings=$(grep -oE '[^ ]+\([0-9]+,[0-9]+\): (Trim analysis|AOT analysis)? ?warning IL[23][0-9]{3}[^[]*' "$log" | sort -u || true)
ours=$(grep -E '(^|/)(analyzer|rules)/' <<<"$warnings" || true)
if [ -n "$warnings" ]; then echo "publish-aot.sh: trimming/AOT warnings (third-party ones are known):" >&2; echo "$warnings" >&2; fi
if [ -n "$ours" ]; then
  echo "publish-aot.sh: FlowLint's own code has trimming/AOT warnings; fix them" >&2
  exit 1
fi
ls -l "$out/flowlint"
