#!/usr/bin/env python3
"""Prints the benchmark table from the measurements bench/run.sh left in its working folder.

usage: python3 bench/report.py WORK_FOLDER CORPUS_FOLDER
"""
import csv
import glob
import json
import os
import re
import statistics
import sys

work, corpus = sys.argv[1], sys.argv[2]


def yaml_bytes(folder):
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            if name.endswith((".yml", ".yaml")):
                total += os.path.getsize(os.path.join(root, name))
    return total


def fmt_time(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms"


rows = []

# 1. Throughput (BenchmarkDotNet JSON: Statistics.Mean in ns, Memory.BytesAllocatedPerOperation).
reports = glob.glob(os.path.join(work, "bdn", "results", "*FullLint*Benchmarks*.json"))
if reports:
    by = {}
    for b in [b for r in reports for b in json.load(open(r))["Benchmarks"]]:
        inp = re.search(r"(?:Corpus|Generated)=([^,&\]]+)", b.get("Parameters", "") or b.get("FullName", "")).group(1)
        by[(inp, b["Method"])] = (b["Statistics"]["Mean"] / 1e9, (b.get("Memory") or {}).get("BytesAllocatedPerOperation"))
    sizes = {"corpus": yaml_bytes(corpus), "generated-10000": yaml_bytes(os.path.join(work, "gen-10000"))}
    for inp in ("corpus", "generated-10000"):
        floor = by.get((inp, "BareYamlDotNetEvents"))
        one = by.get((inp, "FlowLintOneThread"))
        both = by.get((inp, "FlowLintAllCores"))
        if not (floor and one and both):
            continue
        label = "../shared/corpus" if inp == "corpus" else "10,000 generated flows"
        mb = sizes[inp] / 1e6
        rows.append((f"Throughput, {label} ({mb:.1f} MB): full lint + SARIF vs bare YamlDotNet events, 1 thread each",
                     f"{fmt_time(one[0])} vs {fmt_time(floor[0])} ({mb / one[0]:.1f} vs {mb / floor[0]:.1f} MB/s)",
                     f"**{one[0] / floor[0]:.2f}×** (target ≤ 2.0×)"))
        rows.append((f"Throughput, {label}: FlowLint on all cores vs 1 thread",
                     f"{fmt_time(both[0])} vs {fmt_time(one[0])}", f"**{one[0] / both[0]:.2f}×** speed-up"))
        if one[1] and floor[1]:
            rows.append((f"Allocations, {label}: bytes allocated per input byte",
                         f"FlowLint {one[1] / sizes[inp]:.1f} B/B, YamlDotNet {floor[1] / sizes[inp]:.1f} B/B",
                         f"{one[1] / floor[1]:.2f}×"))


# 1b. Throughput from interleaved rounds (lint-loop): the median of the rounds' ratios over the second half of the
# rounds (the JIT is still compiling and tiering up code during the first ones).
def loop_ratio(path):
    rounds = []
    for line in open(path):
        m = re.match(r"round (\d+): lint ([\d.]+) ms .*bare YamlDotNet ([\d.]+) ms", line)
        if m and float(m.group(3)) > 0:
            rounds.append((float(m.group(2)) / float(m.group(3)), float(m.group(2)), float(m.group(3))))
    ratios = rounds[len(rounds) // 2:]
    if not ratios:
        return None
    ratios.sort()
    return ratios[len(ratios) // 2], ratios[0][0], ratios[-1][0], len(ratios)


for name, label in (("loop-generated.txt", "10,000 generated flows"),):
    path = os.path.join(work, name)
    if os.path.exists(path) and (found := loop_ratio(path)):
        (median, lint_ms, yaml_ms), low, high, n = found
        rows.append((f"Throughput, {label}, interleaved: median of the last {n} rounds of full lint + SARIF, then bare YamlDotNet, 1 thread",
                     f"{fmt_time(lint_ms / 1000)} vs {fmt_time(yaml_ms / 1000)} (rounds from {low:.2f}× to {high:.2f}×)", f"**{median:.2f}×** (target ≤ 2.0×)"))


# 2. Scaling (GNU time -v).
def time_v(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    h = int(wall.group(1) or 0)
    seconds = h * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss


def findings(prefix, n):
    """Findings of a scaling run, from the CLI's summary line on standard error."""
    try:
        text = open(os.path.join(work, f"summary{prefix}-{n}.txt")).read()
    except OSError:
        return None
    # The run's summary line, not SARIF's note of what it left out.
    counts = re.search(r"file\(s\):.*?(\d+) error\(s\), (\d+) warning\(s\), (\d+) note\(s\)", text)
    return sum(int(c) for c in counts.groups()) if counts else None


def counted(prefix):
    few, many = findings(prefix, 1000), findings(prefix, 10000)
    return f" ({many:,} vs {few:,} findings)" if few is not None and many is not None else ""


def scaling(prefix):
    """Median wall time and largest peak RSS of each count's runs."""
    scale = {}
    for n in (1000, 10000):
        runs = [time_v(p) for p in sorted(glob.glob(os.path.join(work, f"{prefix}-{n}-*.txt")))]
        if runs:
            scale[n] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs))
    return scale


scale = scaling("time")
if len(scale) == 2:
    (t1, m1), (t10, m10) = scale[1000], scale[10000]
    rows.append(("Scaling: AOT CLI (SARIF) on 1,000 vs 10,000 generated flows, wall time",
                 f"{fmt_time(t10)} vs {fmt_time(t1)}", f"**{t10 / t1:.2f}×** (target ≤ 10.5×)"))
    rows.append(("Scaling: peak RSS, 10,000 vs 1,000 flows, every rule" + counted(""),
                 f"{m10 / 1024:.0f} MB vs {m1 / 1024:.0f} MB", f"{m10 / m1:.2f}×"))
cold = scaling("time-cold")
if len(cold) == 2:
    (_, m1), (_, m10) = cold[1000], cold[10000]
    rows.append(("Scaling: peak RSS, 10,000 vs 1,000 flows, every rule, without the heap warm-up (`FLOWLINT_HEAP_WARMUP=0`)",
                 f"{m10 / 1024:.0f} MB vs {m1 / 1024:.0f} MB", f"{m10 / m1:.2f}×"))
few = scaling("time-kf1001")
if len(few) == 2:
    (_, m1), (_, m10) = few[1000], few[10000]
    rows.append(("Scaling: peak RSS, 10,000 vs 1,000 flows, `--select KF1001`" + counted("-kf1001"),
                 f"{m10 / 1024:.0f} MB vs {m1 / 1024:.0f} MB", f"{m10 / m1:.2f}×"))


def hyperfine(path):
    return {r["command"]: (r["mean"], r.get("median", r["mean"])) for r in json.load(open(path))["results"]}


def hyperfine_blocks(paths):
    """Median over every run of each command in several hyperfine exports (interleaved blocks)."""
    times = {}
    for path in paths:
        for r in json.load(open(path))["results"]:
            times.setdefault(r["command"], []).extend(r["times"])
    return {c: (statistics.mean(t), statistics.median(t)) for c, t in times.items()}


# 3. Startup.
blocks = sorted(glob.glob(os.path.join(work, "startup-*.json")))
if blocks:
    h = hyperfine_blocks(blocks)
    aot = h["flowlint (NativeAOT)"][1]
    jit = h["dotnet flowlint.dll (JIT)"][1]
    bare = h["yaml-parse (bare YamlDotNet, NativeAOT)"][1]
    rows.append(("Startup, one flow: `dotnet flowlint.dll` (JIT) vs NativeAOT flowlint (median)",
                 f"{fmt_time(jit)} vs {fmt_time(aot)}", f"**{jit / aot:.1f}×** faster AOT"))
    rows.append(("Startup, one flow: NativeAOT flowlint vs bare NativeAOT YamlDotNet parse",
                 f"{fmt_time(aot)} vs {fmt_time(bare)}", f"**{aot / bare:.2f}×** (target ≤ 2×)"))

# 4. Spectral.
peer = sorted(glob.glob(os.path.join(work, "peer-*.json")))
if peer:
    h = hyperfine_blocks(peer)
    s = h["spectral"][1]
    rows.append(("Peer, 200 generated flows: Spectral (1 rule, KF1001) vs FlowLint JIT (every rule)",
                 f"{fmt_time(s)} vs {fmt_time(h['flowlint (JIT)'][1])}", f"**{s / h['flowlint (JIT)'][1]:.0f}×** faster FlowLint"))
    rows.append(("Peer, 200 generated flows: Spectral vs FlowLint NativeAOT (every rule)",
                 f"{fmt_time(s)} vs {fmt_time(h['flowlint (NativeAOT)'][1])}", f"**{s / h['flowlint (NativeAOT)'][1]:.0f}×** faster FlowLint (target ≥ 100×)"))
    if "flowlint (NativeAOT, KF1001 only)" in h:
        same = h["flowlint (NativeAOT, KF1001 only)"][1]
        rows.append(("Peer, the same check: Spectral vs FlowLint NativeAOT with `--select KF1001`",
                     f"{fmt_time(s)} vs {fmt_time(same)}", f"**{s / same:.0f}×** faster FlowLint (target ≥ 100×)"))
    for label, command in (("every rule", "flowlint (NativeAOT, no heap warm-up)"), ("`--select KF1001`", "flowlint (NativeAOT, KF1001 only, no heap warm-up)")):
        if command in h:
            cold_ms = h[command][1]
            rows.append((f"Peer, without the heap warm-up (`FLOWLINT_HEAP_WARMUP=0`): Spectral vs FlowLint NativeAOT, {label}",
                         f"{fmt_time(s)} vs {fmt_time(cold_ms)}", f"{s / cold_ms:.0f}×"))

print("| measurement | figures | ratio |")
print("|---|---|---:|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} |")

# Which planted secret-in-log shapes each tool finds.
manifest = os.path.join(work, "gen-200", "manifest.tsv")
if os.path.exists(manifest):
    plants = []
    with open(manifest) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            plants.append((row["file"], int(row["first_line"]), int(row["last_line"]), row["shape"]))

    def hits(findings):
        found = set()
        for name, line in findings:
            for p in plants:
                if p[0] == name and p[1] <= line <= p[2]:
                    found.add(p)
        outside = sum(1 for name, line in findings if not any(p[0] == name and p[1] <= line <= p[2] for p in plants))
        return found, outside

    spectral = []
    sf = os.path.join(work, "spectral-findings.json")
    if os.path.exists(sf) and os.path.getsize(sf) > 0:
        for r in json.load(open(sf)):
            spectral.append((os.path.basename(r["source"]), r["range"]["start"]["line"] + 1))
    flowlint = []
    for line in open(os.path.join(work, "flowlint-findings.txt")):
        m = re.match(r"(?:.*/)?([^/(]+)\((\d+),", line)
        if m and " KF1001: " in line:
            flowlint.append((m.group(1), int(m.group(2))))
    s_found, s_out = hits(spectral)
    f_found, f_out = hits(flowlint)
    print()
    print("| planted in 200 flows (KF1001 shape) | planted | FlowLint finds | Spectral finds |")
    print("|---|---:|---:|---:|")
    shapes = []
    for p in plants:
        if p[3] not in shapes:
            shapes.append(p[3])
    for shape in shapes:
        n = sum(1 for p in plants if p[3] == shape)
        fl = sum(1 for p in f_found if p[3] == shape)
        sp = sum(1 for p in s_found if p[3] == shape)
        label = shape.replace("decoy:", "not a leak: ")
        print(f"| {label} | {n} | {fl} | {sp} |")
    print(f"| findings elsewhere | | {f_out} | {s_out} |")
