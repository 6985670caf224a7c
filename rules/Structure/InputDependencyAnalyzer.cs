using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4010: an input's `dependsOn.inputs` names no input of the flow, or the inputs depend on each other in a cycle.</summary>
public sealed class InputDependencyAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4010",
        "Invalid input dependency",
        "{0}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "`dependsOn.inputs` makes an input wait for others: the UI shows it once they have values, and its `dependsOn.condition` and `expression` can read them. Kestra's flow validation rejects a dependency on an id that no input declares, and dependencies that form a cycle (no input of the cycle could ever be shown first). Each cycle is reported once, on the dependency that closes it, with the whole path.",
        badExample: "id: deploy\nnamespace: company.team\ninputs:\n  - id: cloud\n    type: SELECT\n    values: [aws, gcp]\n  - id: region\n    type: SELECT\n    values: [eu, us]\n    dependsOn:\n      inputs:\n        - clouds\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.region }}\"\n",
        goodExample: "id: deploy\nnamespace: company.team\ninputs:\n  - id: cloud\n    type: SELECT\n    values: [aws, gcp]\n  - id: region\n    type: SELECT\n    values: [eu, us]\n    dependsOn:\n      inputs:\n        - cloud\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.region }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    private sealed class Node
    {
        public Node(FlowInput input, string id)
        {
            Input = input;
            Id = id;
        }

        public FlowInput Input { get; }
        public string Id { get; }
        public List<(Node Target, YamlNode Reference)> Edges { get; } = new();
        public int State; // 0 unvisited, 1 on the DFS path, 2 done
    }

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        // Inputs after a syntax error (KF4001) are unread, not unknown.
        if (flow.Inputs.Count == 0 || StructureSpans.IsIncomplete(flow)) return;
        // The first declaration of an id is the one dependencies point to (duplicates are KF4005's).
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var order = new List<Node>();
        foreach (var input in flow.Inputs)
        {
            if (input.Id is not { } id || nodes.ContainsKey(id)) continue;
            var node = new Node(input, id);
            nodes.Add(id, node);
            order.Add(node);
        }

        foreach (var node in order)
        {
            if (node.Input.Node.GetValue("dependsOn")?.Resolve() is not YamlMapping dependsOn) continue;
            if (dependsOn.GetValue("inputs")?.Resolve() is not YamlSequence references) continue;
            foreach (var item in references.Items)
            {
                if (item.Resolve() is not YamlScalar { IsNull: false } reference) continue;
                if (nodes.TryGetValue(reference.Value, out var target))
                {
                    node.Edges.Add((target, item));
                    continue;
                }
                string suggestion = DidYouMean.Suffix(reference.Value, nodes.Keys);
                context.Report(Rule, StructureSpans.ValueSpan(item), node.Input.OwnerPath + "/dependsOn", null,
                    $"Input '{node.Id}' depends on '{DidYouMean.Excerpt(reference.Value)}', which is not an input of this flow{suggestion}");
            }
        }

        foreach (var start in order)
            if (start.State == 0) FindCycles(context, start);
    });

    /// <summary>Iterative DFS; every edge back into the current path closes one cycle, reported there.</summary>
    private static void FindCycles(FlowAnalysisContext context, Node start)
    {
        var path = new List<Node>();
        var edgeIndex = new List<int>();
        path.Add(start);
        edgeIndex.Add(0);
        start.State = 1;
        while (path.Count > 0)
        {
            int top = path.Count - 1;
            var node = path[top];
            if (edgeIndex[top] == node.Edges.Count)
            {
                node.State = 2;
                path.RemoveAt(top);
                edgeIndex.RemoveAt(top);
                continue;
            }
            var (target, reference) = node.Edges[edgeIndex[top]++];
            if (target.State == 0)
            {
                target.State = 1;
                path.Add(target);
                edgeIndex.Add(0);
            }
            else if (target.State == 1)
            {
                var names = new List<string>();
                for (int i = path.IndexOf(target); i < path.Count; i++) names.Add(path[i].Id);
                names.Add(target.Id);
                context.Report(Rule, StructureSpans.ValueSpan(reference), node.Input.OwnerPath + "/dependsOn", null,
                    "Inputs depend on each other in a cycle: " + string.Join(" → ", names));
            }
        }
    }
}
