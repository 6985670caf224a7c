using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;
using YamlDotNet.Core;

namespace Kestra.FlowLint.Benchmarks;

/// <summary>
/// The foundation's speed contract: FlowLint's parse (YAML tree with exact spans, every Pebble template,
/// the flow model) over the whole shared corpus, against bare YamlDotNet event parsing of the same files
/// (the floor: nothing can be faster than reading the events). Target ratio ≤ 1.5.
/// </summary>
[MemoryDiagnoser]
public class CorpusParseBenchmarks
{
    private List<(string Path, string Text)> _files = new();

    [GlobalSetup]
    public void Setup() => _files = Corpus.LoadYaml();

    [Benchmark(Baseline = true, Description = "YamlDotNet events (floor)")]
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

    [Benchmark(Description = "FlowLint: YAML tree + Pebble + flow model")]
    public int FlowLintModel()
    {
        int sites = 0;
        foreach (var (path, text) in _files)
        {
            var source = new SourceText(text, path);
            var stream = Yaml.YamlParser.Parse(source);
            foreach (var document in stream.Documents)
            {
                if (DocumentClassifier.Classify(document) != DocumentKind.Flow) continue;
                var flow = FlowModelBuilder.Build(source, stream, document);
                sites += flow.ExpressionSites.Count;
            }
        }
        return sites;
    }
}
