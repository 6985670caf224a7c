using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4006: a top-level key Kestra's flow model does not have, usually a typo.</summary>
public sealed class UnknownFlowPropertyAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4006",
        "Unknown flow property",
        "Unknown flow property '{0}'{1}; Kestra rejects properties its flow model does not have",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Kestra reads flows with Jackson's `FAIL_ON_UNKNOWN_PROPERTIES`, so a top-level key it does not know (a typo such as `task:` or `trigger:`, a property of another tool, a key indented one level too little) makes the whole flow invalid. FlowLint knows today's top-level properties (`id`, `namespace`, `description`, `labels`, `inputs`, `variables`, `tasks`, `errors`, `finally`, `afterExecution`, `triggers`, `pluginDefaults`, `concurrency`, `outputs`, `retry`, `sla`, `checks`, `disabled`, `revision`, `workerGroup`…) and suggests the closest one; the suggestion is offered as a fix when exactly one property is close. Deprecated keys (`taskDefaults`, `listeners`) are reported by the deprecation rules instead.",
        badExample: "id: hello\nnamespace: company.team\ntask:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var root = context.Flow.Root;
        foreach (var entry in root.Entries)
        {
            // `<<` merges are resolved by the YAML layer; a collection used as a key is a YAML oddity, not a property name.
            if (entry.IsMergeKey || entry.Key is not YamlScalar key) continue;
            if (FlowSchema.FlowProperties.ContainsKey(key.Value)) continue;

            var close = CloseProperties(key.Value);
            string suffix = close.Count switch
            {
                0 => "",
                1 => $" (did you mean '{close[0]}'?)",
                _ => $" (did you mean '{close[0]}' or '{close[1]}'?)",
            };
            CodeFix[]? fixes = null;
            // One obvious target only, and never one the flow already has: renaming onto it would duplicate the key.
            if (close.Count == 1 && !root.TryGetEntry(close[0], out _))
                fixes = new[] { new CodeFix($"Rename '{DidYouMean.Excerpt(key.Value)}' to '{close[0]}'", new[] { new TextEdit(StructureSpans.ValueSpan(key), close[0]) }) };
            context.Report(Rule, StructureSpans.ValueSpan(key), "flow/" + key.Value, fixes, DidYouMean.Excerpt(key.Value), suffix);
        }
    });

    /// <summary>Current (not deprecated) properties within DidYouMean's distance, closest first.</summary>
    private static List<string> CloseProperties(string word)
    {
        var found = new List<(string Name, int Distance)>();
        foreach (var property in FlowSchema.FlowProperties.Values)
        {
            if (property.Deprecated) continue;
            int distance = DidYouMean.Distance(word, property.Name);
            int allowed = System.Math.Max(1, System.Math.Max(word.Length, property.Name.Length) / 3);
            if (distance <= allowed) found.Add((property.Name, distance));
        }
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name));
        var names = new List<string>(found.Count);
        foreach (var f in found) names.Add(f.Name);
        return names;
    }
}
