using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4004: two tasks anywhere in the flow's tree share an id.</summary>
public sealed class DuplicateTaskIdAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4004",
        "Duplicate task id",
        "{0} '{1}' is already used at {2} ({3}); task ids must be unique in the whole flow",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Kestra identifies a task run by its task id: `outputs.<id>`, retries, restarts and the Gantt view all rely on it. Its flow validation therefore rejects a flow where two tasks share an id anywhere in the tree: `tasks`, `errors`, `finally`, `afterExecution` and the tasks nested in flowable tasks (`then`, `cases`, `Dag` entries, a flowable's own `errors`…). A task reused through a YAML alias counts twice. Every occurrence after the first is reported.",
        badExample: "id: etl\nnamespace: company.team\ntasks:\n  - id: extract\n    type: io.kestra.plugin.core.log.Log\n    message: extract\n  - id: parallel\n    type: io.kestra.plugin.core.flow.Parallel\n    tasks:\n      - id: extract\n        type: io.kestra.plugin.core.log.Log\n        message: again\n",
        goodExample: "id: etl\nnamespace: company.team\ntasks:\n  - id: extract\n    type: io.kestra.plugin.core.log.Log\n    message: extract\n  - id: parallel\n    type: io.kestra.plugin.core.flow.Parallel\n    tasks:\n      - id: extract_again\n        type: io.kestra.plugin.core.log.Log\n        message: again\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var ids = new List<DeclaredId>(context.Flow.AllTasks.Count);
        foreach (var task in context.Flow.AllTasks)
        {
            if (DeclaredId.TryCreate(task.IdNode, task.ViaAlias, task.PropertyPath, task.OwnerPath, out var declared))
                ids.Add(declared);
        }
        DuplicateIds.Report(context, Rule, "Task id", ids);
    });
}
