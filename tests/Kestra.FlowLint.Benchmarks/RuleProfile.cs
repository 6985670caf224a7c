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

    public static void Loop(int count, int rounds)
    {
        var files = FlowGenerator.Generate(count);
        var analyzers = RuleCatalog.CreateAnalyzers();
        using var sampler = Environment.GetEnvironmentVariable("FLOWLINT_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        for (int round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var driver = new AnalysisDriver(analyzers);
            foreach (var (path, text) in files) driver.AnalyzeText(new SourceText(text, path));
            driver.CompleteRun();
            double lint = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            foreach (var (_, text) in files)
            {
                var parser = new YamlDotNet.Core.Parser(new System.IO.StringReader(text));
                try { while (parser.MoveNext()) { } }
                catch (YamlDotNet.Core.YamlException) { }
            }
            double yaml = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"round {round}: lint {lint:F0} ms, bare YamlDotNet {yaml:F0} ms, ratio {lint / yaml:F2}");
        }
        sampler?.Print();
    }
}
