using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4008: a mapping that has the same key twice, which Kestra's strict parser rejects.</summary>
public sealed class DuplicateKeyAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4008",
        "Duplicate YAML key",
        "Duplicate key '{0}': it is already set at {1} in the same mapping",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Kestra parses flows with Jackson's `STRICT_DUPLICATE_DETECTION`, so a mapping that repeats a key (two `message:` in a task, two `tasks:` at the top level after a copy-paste) makes the whole flow invalid. Many other YAML tools silently keep the last value, so the mistake often goes unnoticed until the flow is saved. Keys are compared after unquoting (`\"a\"` and `a` are the same key). Every repetition is reported, pointing at the first one.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: first\n    message: second\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: second\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        if (context.Flow.Document.Root is not { } root) return;
        // Iterative and alias-free: every mapping as written is visited once, however deep or aliased.
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        Dictionary<string, YamlEntry>? firsts = null;
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlSequence sequence:
                    for (int i = sequence.Items.Count - 1; i >= 0; i--) pending.Push(sequence.Items[i]);
                    break;
                case YamlMapping mapping:
                    if (mapping.Entries.Count > 1 && mapping.Entries.Count <= SmallMapping)
                    {
                        // Most mappings are small: comparing each key with the ones before it beats hashing them all.
                        var entries = mapping.Entries;
                        for (int i = 1; i < entries.Count; i++)
                        {
                            if (entries[i].IsMergeKey || entries[i].KeyText is not { } key) continue;
                            for (int j = 0; j < i; j++)
                            {
                                if (entries[j].IsMergeKey || entries[j].KeyText != key) continue;
                                ReportRepeat(entries[i], entries[j], key);
                                break;
                            }
                        }
                    }
                    else if (mapping.Entries.Count > 1)
                    {
                        firsts ??= new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
                        firsts.Clear();
                        foreach (var entry in mapping.Entries)
                        {
                            if (entry.IsMergeKey || entry.KeyText is not { } key) continue;
                            if (firsts.TryGetValue(key, out var first)) ReportRepeat(entry, first, key);
                            else
                                firsts.Add(key, entry);
                        }
                    }
                    for (int i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        pending.Push(mapping.Entries[i].Value);
                        pending.Push(mapping.Entries[i].Key);
                    }
                    break;
            }
        }

        void ReportRepeat(YamlEntry repeat, YamlEntry first, string key) =>
            context.Report(Rule, StructureSpans.ValueSpan(repeat.Key), null, null,
                DidYouMeanExcerpt(key), StructureSpans.Position(context.Text, first.Key.Span.Start));
    });

    private const int SmallMapping = 16;

    private static string DidYouMeanExcerpt(string key) => global::Kestra.FlowLint.Configuration.DidYouMean.Excerpt(key);
}
