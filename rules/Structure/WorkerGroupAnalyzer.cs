using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4019: <c>workerGroup</c>, an Enterprise Edition feature, on a task or trigger.</summary>
public sealed class WorkerGroupAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4019",
        "Worker group needs Kestra Enterprise",
        "{0} '{1}' sets workerGroup, which only Kestra Enterprise supports: the open-source edition rejects the flow",
        Categories.Structure,
        DiagnosticSeverity.Note,
        "Worker groups route a task or a polling trigger to a dedicated set of workers; they exist only in Kestra Enterprise and Kestra Cloud. The open-source edition's WorkerGroupValidator rejects any flow that sets `workerGroup.key` (\"Worker Group is an Enterprise Edition functionality\"), so a flow written for an Enterprise instance cannot be deployed to an open-source one. This is a note: ignore it (or disable KF4019) when you target Enterprise.",
        tags: new[] { "structure", "enterprise" },
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: train\n    type: io.kestra.plugin.core.log.Log\n    message: Training\n    workerGroup:\n      key: gpu\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: train\n    type: io.kestra.plugin.core.log.Log\n    message: Training\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterTaskAction(c => Check(c, c.Task.Node, c.Task.ViaAlias, "Task", c.Task.Id, c.Task.OwnerPath));
        context.RegisterFlowAction(c =>
        {
            foreach (var trigger in c.Flow.Triggers)
                Check(c, trigger.Node, null, "Trigger", trigger.Id, trigger.OwnerPath);
        });
    }

    private static void Check(AnalysisCallbackContext c, YamlMapping node, YamlAlias? viaAlias, string what, string? id, string ownerPath)
    {
        if (!node.TryGetEntry("workerGroup", out var entry) || entry.Value.Resolve() is YamlScalar { IsNull: true }) return;
        c.Report(Rule, PluginSites.SpanOf(entry.Key, viaAlias), ownerPath + "/workerGroup", null, what, id ?? "?");
    }
}
