using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Reporting.Sarif;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;
using YamlDotNet.Core;

namespace Kestra.FlowLint.Benchmarks;

/// <summary>
/// The whole product against the floor: FlowLint's full lint (YAML tree, Pebble, flow model, every rule of the
/// catalogue, run-end rules, sorting, the SARIF report written to a null stream) against bare YamlDotNet event
/// parsing of the same files, single-threaded both (target ratio ≤ 2.0), then FlowLint on every core as the
/// CLI runs (the speed-up). Inputs: ../shared/corpus, and 10,000 flows of <see cref="FlowGenerator"/>.
/// The corpus (tens of milliseconds an operation) gets BenchmarkDotNet's default job; the 10,000 flows (seconds an
/// operation) the monitoring strategy, one operation measured as such a few times.
/// </summary>
[MemoryDiagnoser]
public class FullLintBenchmarks : FullLintBenchmarksBase
{
    [Params("corpus")]
    public string Corpus { get => Input; set => Input = value; }
}

/// <summary>The 10,000 generated flows of <see cref="FullLintBenchmarks"/>.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class FullLintGeneratedBenchmarks : FullLintBenchmarksBase
{
    [Params("generated-10000")]
    public string Generated { get => Input; set => Input = value; }
}

public abstract class FullLintBenchmarksBase
{
    private List<(string Path, string Text)> _files = new();

    protected string Input { get; set; } = "corpus";

    [GlobalSetup]
    public void Setup()
    {
        _files = Input == "corpus" ? Corpus.LoadYaml() : FlowGenerator.Generate(10_000);
        long bytes = 0;
        foreach (var (_, text) in _files) bytes += System.Text.Encoding.UTF8.GetByteCount(text);
        Console.WriteLine($"// input {Input}: {_files.Count} files, {bytes} bytes");
    }

    [Benchmark(Baseline = true, Description = "YamlDotNet events, 1 thread (floor)")]
    public int BareYamlDotNetEvents()
    {
        int events = 0;
        foreach (var (_, text) in _files)
        {
            var parser = new Parser(new StringReader(text));
            try
            {
                while (parser.MoveNext()) events++;
            }
            catch (YamlException)
            {
                // Invalid files stop where the parser stops, as FlowLint's do.
            }
        }
        return events;
    }

    [Benchmark(Description = "FlowLint full lint + SARIF, 1 thread")]
    public int FlowLintOneThread() => Lint(parallel: false);

    [Benchmark(Description = "FlowLint full lint + SARIF, all cores")]
    public int FlowLintAllCores() => Lint(parallel: true);

    private int Lint(bool parallel)
    {
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var results = new FileAnalysisResult[_files.Count];
        if (parallel)
            Parallel.For(0, _files.Count, i => results[i] = driver.AnalyzeText(new SourceText(_files[i].Text, _files[i].Path)));
        else
            for (int i = 0; i < _files.Count; i++) results[i] = driver.AnalyzeText(new SourceText(_files[i].Text, _files[i].Path));

        var diagnostics = new List<Diagnostic>();
        var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Text is not null) sources[result.Path] = result.Text;
        }
        diagnostics.AddRange(driver.CompleteRun());
        diagnostics = DiagnosticOrdering.Sort(diagnostics);
        var report = new RunReport(diagnostics, RuleCatalog.AllDescriptors(), new RunSummary { Files = _files.Count })
        {
            RootDirectory = Directory.GetCurrentDirectory(),
            Sources = sources,
        };
        using var output = new StreamWriter(Stream.Null);
        new SarifReportWriter().Write(report, output);
        return diagnostics.Count;
    }
}
