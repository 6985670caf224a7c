using System;
using System.Collections.Generic;
using System.Diagnostics;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Benchmarks;

/// <summary>
/// A rough profile for finding hot spots, not a benchmark: the time of the driver with no rule (YAML, Pebble,
/// flow model), then what each rule adds on its own, best of three, over generated flows.
/// </summary>
internal static class RuleProfile
{
    public static void Run(int count)
    {
        var files = FlowGenerator.Generate(count);
        double Time(IReadOnlyList<FlowAnalyzer> analyzers)
        {
            double best = double.MaxValue;
            for (int round = 0; round < 5; round++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var driver = new AnalysisDriver(analyzers);
                var watch = Stopwatch.StartNew();
                foreach (var (path, text) in files) driver.AnalyzeText(new SourceText(text, path));
                driver.CompleteRun();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }
            return best;
        }

        Time(RuleCatalog.CreateAnalyzers()); // warm-up: tiered JIT has compiled the hot paths after it
        double all = Time(RuleCatalog.CreateAnalyzers());
        double none = Time(Array.Empty<FlowAnalyzer>());
        var yaml = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (_, text) in files)
        {
            var parser = new YamlDotNet.Core.Parser(new System.IO.StringReader(text));
            while (parser.MoveNext()) { }
        }
        Console.WriteLine($"bare YamlDotNet events: {yaml.Elapsed.TotalMilliseconds:F0} ms (one cold pass)");
        Console.WriteLine($"all rules: {all:F0} ms; parse + model (no rule): {none:F0} ms");
        var costs = new List<(double, string)>();
        foreach (var analyzer in RuleCatalog.CreateAnalyzers())
            costs.Add((Time(new[] { analyzer }) - none, analyzer.SupportedDiagnostics[0].Id + " " + analyzer.GetType().Name));
        costs.Sort((a, b) => b.Item1.CompareTo(a.Item1));
        foreach (var (ms, name) in costs) Console.WriteLine($"{ms,8:F0} ms  {name}");
    }

    public static void SarifLoop(int count, int rounds)
    {
        var files = Environment.GetEnvironmentVariable("FLOWLINT_CORPUS") == "1" ? Corpus.LoadYaml() : FlowGenerator.Generate(count);
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var diagnostics = new List<Diagnostic>();
        foreach (var (path, text) in files) diagnostics.AddRange(driver.AnalyzeText(new SourceText(text, path)).Diagnostics);
        diagnostics.AddRange(driver.CompleteRun());
        var times = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            long allocated0 = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var sorted = Kestra.FlowLint.Reporting.DiagnosticOrdering.Sort(diagnostics);
            var report = new Kestra.FlowLint.Reporting.RunReport(sorted, RuleCatalog.AllDescriptors(), new Kestra.FlowLint.Reporting.RunSummary { Files = files.Count })
            {
                RootDirectory = System.IO.Directory.GetCurrentDirectory(),
            };
            using (var output = new System.IO.StreamWriter(System.IO.Stream.Null))
                new Kestra.FlowLint.Reporting.Sarif.SarifReportWriter().Write(report, output);
            times.Add(watch.Elapsed.TotalMilliseconds);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocated0;
            Console.WriteLine($"round {round}: sort + SARIF of {sorted.Count} findings {times[^1]:F1} ms, {allocated / 1e6:F1} MB allocated on this thread");
        }
        times.Sort();
        Console.WriteLine($"median {times[times.Count / 2]:F1} ms, best {times[0]:F1} ms");
    }

    public static void Loop(int count, int rounds)
    {
        var files = Environment.GetEnvironmentVariable("FLOWLINT_CORPUS") == "1" ? Corpus.LoadYaml() : FlowGenerator.Generate(count);
        IReadOnlyList<FlowAnalyzer> analyzers = Environment.GetEnvironmentVariable("FLOWLINT_NO_RULES") == "1"
            ? Array.Empty<FlowAnalyzer>() : RuleCatalog.CreateAnalyzers();
        // FLOWLINT_RULES=KF1001,KF40: only the analyzers with a rule id starting with one of these prefixes.
        if (Environment.GetEnvironmentVariable("FLOWLINT_RULES") is { Length: > 0 } only)
        {
            var prefixes = only.Split(',');
            var kept = new List<FlowAnalyzer>();
            foreach (var analyzer in analyzers)
                foreach (var descriptor in analyzer.SupportedDiagnostics)
                    if (Array.Exists(prefixes, p => descriptor.Id.StartsWith(p, StringComparison.Ordinal))) { kept.Add(analyzer); break; }
            analyzers = kept;
        }
        bool parseOnly = Environment.GetEnvironmentVariable("FLOWLINT_PARSE_ONLY") == "1";
        using var sampler = Environment.GetEnvironmentVariable("FLOWLINT_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        for (int round = 0; round < rounds; round++)
        {
            // Each side starts with an empty young generation, so neither pays for collecting the other's garbage.
            GC.Collect();
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var pause0 = GC.GetTotalPauseDuration();
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            long allocated0 = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var driver = new AnalysisDriver(analyzers);
            if (parseOnly)
                foreach (var (path, text) in files) Kestra.FlowLint.Yaml.YamlParser.Parse(new SourceText(text, path), new Kestra.FlowLint.Yaml.YamlParseOptions());
            else
            {
                var diagnostics = new List<Diagnostic>();
                foreach (var (path, text) in files) diagnostics.AddRange(driver.AnalyzeText(new SourceText(text, path)).Diagnostics);
                diagnostics.AddRange(driver.CompleteRun());
                if (Environment.GetEnvironmentVariable("FLOWLINT_SARIF") == "1")
                {
                    var sarifWatch = Stopwatch.StartNew();
                    diagnostics = Kestra.FlowLint.Reporting.DiagnosticOrdering.Sort(diagnostics);
                    var report = new Kestra.FlowLint.Reporting.RunReport(diagnostics, RuleCatalog.AllDescriptors(), new Kestra.FlowLint.Reporting.RunSummary { Files = files.Count })
                    {
                        RootDirectory = System.IO.Directory.GetCurrentDirectory(),
                    };
                    using var output = new System.IO.StreamWriter(System.IO.Stream.Null);
                    new Kestra.FlowLint.Reporting.Sarif.SarifReportWriter().Write(report, output);
                    Console.WriteLine($"  sort + SARIF of {diagnostics.Count} findings: {sarifWatch.Elapsed.TotalMilliseconds:F0} ms");
                }
            }
            double lint = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpu1 = process.TotalProcessorTime;
            double pause = (GC.GetTotalPauseDuration() - pause0).TotalMilliseconds;
            gen0 = GC.CollectionCount(0) - gen0; gen1 = GC.CollectionCount(1) - gen1; gen2 = GC.CollectionCount(2) - gen2;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocated0;
            GC.Collect();
            process.Refresh();
            cpu1 = process.TotalProcessorTime;
            watch.Restart();
            // FLOWLINT_NO_FLOOR=1 leaves the YamlDotNet pass out (for allocation samples of the lint alone).
            if (Environment.GetEnvironmentVariable("FLOWLINT_NO_FLOOR") != "1")
            foreach (var (_, text) in files)
            {
                var parser = new YamlDotNet.Core.Parser(new System.IO.StringReader(text));
                try { while (parser.MoveNext()) { } }
                catch (YamlDotNet.Core.YamlException) { }
            }
            double yaml = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpu2 = process.TotalProcessorTime;
            // CPU time (all threads, GC included) is steadier than wall time on a shared machine.
            double lintCpu = (cpu1 - cpu0).TotalMilliseconds, yamlCpu = (cpu2 - cpu1).TotalMilliseconds;
            Console.WriteLine($"round {round}: lint {lint:F1} ms (cpu {lintCpu:F0}), bare YamlDotNet {yaml:F1} ms (cpu {yamlCpu:F0}), ratio {lint / yaml:F2} (cpu {lintCpu / yamlCpu:F2}); lint GC pauses {pause:F0} ms ({gen0}/{gen1}/{gen2} collections of gen 0/1/2), {allocated / 1e6:F0} MB allocated");
        }
        sampler?.Print();
    }
}
