using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4014: a Subflow or ForEachItem task that starts the flow it belongs to.</summary>
public sealed class RecursiveSubflowAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4014",
        "Flow calls itself as a subflow",
        "Task '{0}' starts this flow itself ({1}.{2}): Kestra rejects recursive subflows",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "A Subflow or ForEachItem task whose `namespace` and `flowId` name the flow it belongs to would start a new execution of itself, which starts another, without end. Kestra's FlowValidator rejects such a flow (\"Recursive call to flow\"). Iterate with ForEach or LoopUntil instead. Templated targets are not judged.",
        tags: new[] { "structure", "subflow" },
        badExample: "id: nightly\nnamespace: company.team\ntasks:\n  - id: again\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: company.team\n    flowId: nightly\n",
        goodExample: "id: nightly\nnamespace: company.team\ntasks:\n  - id: child\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: company.team\n    flowId: nightly_part\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterTaskAction(c =>
    {
        var task = c.Task;
        if (task.CanonicalType is not ("io.kestra.plugin.core.flow.Subflow" or "io.kestra.plugin.core.flow.ForEachItem")) return;
        if (c.Flow.Id is not { } flowId || c.Flow.Namespace is not { } ns) return;
        var flowIdNode = task.Node.GetValue("flowId");
        var targetId = PluginSites.Text(flowIdNode);
        var targetNs = PluginSites.Text(task.Node.GetValue("namespace"));
        if (flowIdNode is null || targetId is null || targetNs is null) return;
        // Kestra compares the values as written; a template could name anything, so it is left alone.
        if (PluginSites.IsTemplated(targetId) || PluginSites.IsTemplated(targetNs)) return;
        if (targetId != flowId || targetNs != ns) return;
        c.Report(Rule, PluginSites.SpanOf(flowIdNode, task.ViaAlias), task.OwnerPath + "/flowId", null, task.Id ?? "?", ns, flowId);
    });
}
