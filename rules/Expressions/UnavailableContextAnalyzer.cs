using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3009: `trigger.*` in a flow without triggers (note), `taskrun.value` / `taskrun.iteration` outside a loop (warning).</summary>
public sealed class UnavailableContextAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3009",
        "Context variable not available where it is read",
        "{0}",
        Categories.Expressions,
        DiagnosticSeverity.Warning,
        "Some variables exist only in part of the executions or tasks, and with strict variables reading one where it is missing fails the task. "
        + "`trigger` is set when a trigger started the execution: in a flow without `triggers`, a manual or API run has none, so `trigger.date` and the like fail (reported as a note, since the flow may be started in ways the file does not show). "
        + "The keys a Subflow or ForEachItem task passes to the executions it starts (`trigger.executionId`, `namespace`, `flowId`, `flowRevision`, `taskRunId`, `taskId`, `taskRunValue`, `taskRunIteration`, `items`, ...) are not reported. "
        + "`taskrun.value` is set only for tasks inside ForEach (the current value; also the deprecated EachSequential / EachParallel, and Loop) or Switch (the matched case), and `taskrun.iteration` inside ForEach or LoopUntil; elsewhere it is missing (a warning). "
        + "Reads guarded with `??`, `???`, `is defined` or `| default(...)` are not reported (`trigger.date ?? execution.startDate` is the documented idiom), nor are plugin defaults (they apply to tasks wherever they are) or tasks under plugins FlowLint does not know.",
        tags: new[] { "correctness" },
        badExample: "id: each\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"Processing {{ taskrun.value }}\"\n",
        goodExample: "id: each\nnamespace: company.team\ntasks:\n  - id: for_each\n    type: io.kestra.plugin.core.flow.ForEach\n    values: [\"a\", \"b\"]\n    tasks:\n      - id: log\n        type: io.kestra.plugin.core.log.Log\n        message: \"Processing {{ taskrun.value }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        bool hasTriggers = flow.Triggers.Count > 0;
        foreach (var site in flow.ExpressionSites)
        {
            if (!ContextReferences.IsEvaluated(site)) continue;
            if (!hasTriggers)
            {
                foreach (var reference in ContextReferences.Find(site.Template!, "trigger"))
                {
                    if (reference.IsGuarded || ExecutionScopes.IsSubflowTriggerKey(reference.Key)) continue;
                    Report(context, site, reference, DiagnosticSeverity.Note,
                        $"'trigger.{ContextReferences.Excerpt(reference.Key)}' is only set when a trigger starts the execution, and this flow declares no triggers: a manual or API run fails here (guard it, e.g. trigger.{ContextReferences.Excerpt(reference.Key)} ?? execution.startDate)");
                }
            }
            if (site.Task is not { } task || site.OwnerKind != SiteOwnerKind.Task) continue;
            foreach (var reference in ContextReferences.Find(site.Template!, "taskrun"))
            {
                if (!ExecutionScopes.IsLoopOnlyTaskRunKey(reference.Key) || reference.IsGuarded || InsideLoopOrUnknown(task, reference.Key)) continue;
                Report(context, site, reference, DiagnosticSeverity.Warning,
                    $"'taskrun.{reference.Key}' is only set for tasks inside {(reference.Key == "iteration" ? "a ForEach or LoopUntil" : "a ForEach or Switch")}, and task '{ContextReferences.Excerpt(task.Id ?? "?")}' is not in one");
            }
        }
    });

    private static bool InsideLoopOrUnknown(FlowTask task, string key)
    {
        foreach (var ancestor in task.Ancestors())
        {
            // A plugin FlowLint does not know may loop too.
            if (ancestor.CanonicalType is not { } type || KestraKnowledge.GetPlugin(type) is null || ExecutionScopes.SetsTaskRunKey(type, key)) return true;
        }
        return false;
    }

    private static void Report(FlowAnalysisContext context, ExpressionSite site, ContextReference reference, DiagnosticSeverity severity, string message)
    {
        var diagnostic = Diagnostic.Create(Rule, new Location(context.Flow.Text, site.MapToSource(reference.Access.Span)), site.OwnerPath, null, null, message);
        context.ReportDiagnostic(severity == Rule.DefaultSeverity ? diagnostic : diagnostic.WithSeverity(severity));
    }
}
