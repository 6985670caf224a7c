using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4013: a Dag entry depending on a task that is not in the Dag, or Dag dependencies that form a cycle.</summary>
public sealed class DagDependencyAnalyzer : FlowAnalyzer
{
    private const string DagType = "io.kestra.plugin.core.flow.Dag";

    public static readonly DiagnosticDescriptor Rule = new(
        "KF4013",
        "Invalid Dag dependency",
        "{0}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "A Dag task runs each entry once the entries named in its `dependsOn` are done. Kestra's DagTaskValidator rejects the flow when a `dependsOn` names a task that is not an entry of the same Dag (a typo, or a task outside the Dag) or when dependencies form a cycle, since no entry of a cycle could ever start.",
        tags: new[] { "structure", "flowable" },
        badExample: "id: dag\nnamespace: company.team\ntasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: extract\n          type: io.kestra.plugin.core.log.Log\n          message: extract\n      - task:\n          id: load\n          type: io.kestra.plugin.core.log.Log\n          message: load\n        dependsOn:\n          - extrac\n",
        goodExample: "id: dag\nnamespace: company.team\ntasks:\n  - id: dag\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: extract\n          type: io.kestra.plugin.core.log.Log\n          message: extract\n      - task:\n          id: load\n          type: io.kestra.plugin.core.log.Log\n          message: load\n        dependsOn:\n          - extract\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    private sealed class Entry
    {
        public Entry(string id) => Id = id;
        public string Id { get; }
        public List<(string Target, YamlNode Node)> DependsOn { get; } = new();
    }

    public override void Initialize(AnalysisContext context) => context.RegisterTaskAction(c =>
    {
        var dag = c.Task;
        if (dag.CanonicalType != DagType || dag.Node.GetValue("tasks")?.Resolve() is not YamlSequence list) return;
        var alias = dag.ViaAlias;
        string dagId = dag.Id ?? "?";

        var entries = new List<Entry>();
        var byId = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (item.Resolve() is not YamlMapping map) continue;
            var id = PluginSites.Text((map.GetValue("task")?.Resolve() as YamlMapping)?.GetValue("id"));
            var entry = new Entry(id ?? "");
            entries.Add(entry);
            if (id is not null && !byId.ContainsKey(id)) byId.Add(id, entry);
            if (map.GetValue("dependsOn")?.Resolve() is YamlSequence deps)
                foreach (var dep in deps.Items)
                    if (PluginSites.Text(dep) is { } target) entry.DependsOn.Add((target, dep));
        }

        foreach (var entry in entries)
            foreach (var (target, node) in entry.DependsOn)
            {
                if (byId.ContainsKey(target) || PluginSites.IsTemplated(target)) continue;
                string suffix = DidYouMean.Suffix(target, byId.Keys);
                c.Report(Rule, PluginSites.SpanOf(node, alias), dag.OwnerPath + "/dependsOn", null,
                    $"'{DidYouMean.Excerpt(target)}' in dependsOn of '{entry.Id}' is not a task of Dag '{dagId}'{suffix}");
            }

        foreach (var (cycle, closing) in Cycles(entries, byId))
            c.Report(Rule, PluginSites.SpanOf(closing, alias), dag.OwnerPath + "/dependsOn", null,
                $"Dag '{dagId}' has a dependency cycle: {string.Join(" → ", cycle)}");
    });

    /// <summary>
    /// Each cycle once, as the path from its first member in document order back to itself, with the dependsOn item
    /// that closes it. Depth-first search with colours: an edge to a node on the stack closes a cycle.
    /// </summary>
    private static List<(List<string> Cycle, YamlNode Closing)> Cycles(List<Entry> entries, Dictionary<string, Entry> byId)
    {
        var result = new List<(List<string>, YamlNode)>();
        var state = new Dictionary<Entry, int>();
        var stack = new List<Entry>();

        void Visit(Entry entry)
        {
            state[entry] = 1;
            stack.Add(entry);
            foreach (var (target, node) in entry.DependsOn)
            {
                if (!byId.TryGetValue(target, out var next)) continue;
                state.TryGetValue(next, out int s);
                if (s == 0) Visit(next);
                else if (s == 1)
                {
                    var cycle = new List<string>();
                    for (int i = stack.IndexOf(next); i < stack.Count; i++) cycle.Add(stack[i].Id);
                    cycle.Add(next.Id);
                    result.Add((cycle, node));
                }
            }
            stack.RemoveAt(stack.Count - 1);
            state[entry] = 2;
        }

        foreach (var entry in entries)
            if (entry.Id.Length > 0 && !state.ContainsKey(entry) && byId.TryGetValue(entry.Id, out var first) && first == entry) Visit(entry);
        return result;
    }
}
