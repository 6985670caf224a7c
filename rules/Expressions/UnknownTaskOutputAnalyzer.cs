using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3007: `outputs.t` where no task of the flow has the id `t`, and `outputs.my-task.x`, which Pebble reads as a subtraction.</summary>
public sealed class UnknownTaskOutputAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3007",
        "Reference to the outputs of a task that does not exist",
        "{0}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "`outputs` holds one entry per task id of the execution. When no task anywhere in the flow (`tasks`, `errors`, `finally`, `afterExecution`, or nested in a flowable task) has the id, the template fails with `Missing variable` when it runs: usually a typo or a renamed task. "
        + "A task id with a dash must be read with a subscript: Pebble parses `outputs.my-task.value` as `outputs.my - task.value`, a subtraction, so the fix rewrites it to `outputs['my-task'].value`. "
        + "A read guarded with `??`, `???`, `is defined` or `| default(...)` does not fail, but its fallback always applies, so it is reported as a warning. "
        + "Not reported: trigger properties (a Flow trigger renders them against the execution that triggered it, so `outputs` there are the other flow's), `parent.outputs`, `parents[i].outputs`, the deprecated Subflow `outputs` property (its values are rendered in the called flow), ForEachItem's generated `<id>_split`, `<id>_items` and `<id>_merge` tasks, and flows using the deprecated Template task (its tasks are stored elsewhere). Values of the flow's own `pluginDefaults` are checked: they only apply to this flow.",
        tags: new[] { "correctness" },
        badExample: "id: report\nnamespace: company.team\ntasks:\n  - id: fetch-data\n    type: io.kestra.plugin.core.http.Request\n    uri: https://example.com/data\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ outputs.fetch-data.body }}\"\n",
        goodExample: "id: report\nnamespace: company.team\ntasks:\n  - id: fetch-data\n    type: io.kestra.plugin.core.http.Request\n    uri: https://example.com/data\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ outputs['fetch-data'].body }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        if (flow.AliasExpansionLimited) return;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in flow.AllTasks)
        {
            if (task.CanonicalType == ExecutionScopes.TemplateTaskType) return;
            if (task.Id is not { } id) continue;
            ids.Add(id);
            if (task.CanonicalType == ExecutionScopes.ForEachItemType)
                foreach (var suffix in ExecutionScopes.ForEachItemGeneratedSuffixes) ids.Add(id + suffix);
        }
        // Plugins FlowLint does not know may hold tasks under other property names: any `id` next to a `type` counts.
        CollectTaskLikeIds(flow.Root, ids, 0);

        foreach (var site in flow.ExpressionSites)
        {
            // A Flow trigger renders its properties against the execution that triggered it: another flow's names.
            if (!ContextReferences.IsEvaluated(site) || site.OwnerKind == SiteOwnerKind.Trigger) continue;
            if (site.Task?.CanonicalType == ExecutionScopes.SubflowType && site.PropertyName == "outputs") continue;
            foreach (var reference in ContextReferences.Find(site.Template!, "outputs"))
            {
                if (reference.Guard == ReferenceGuard.Enclosing) continue;
                var dashed = DashedId(reference);
                // Checked first: with tasks `my` and `my-task`, `outputs.my-task` still subtracts.
                if (dashed is { } known && ids.Contains(known.Id))
                {
                    ReportDashed(context, site, reference, known);
                    continue;
                }
                if (ids.Contains(reference.Key)) continue;
                if (dashed is { } unknown)
                {
                    // `outputs.my-tsk.x`: a subtraction, and no task is called `my-tsk` either.
                    Report(context, site, TextSpan.FromBounds(reference.Access.Span.Start, unknown.End), unknown.Id, ids, reference.IsGuarded);
                    continue;
                }
                Report(context, site, reference.Access.Span, reference.Key, ids, reference.IsGuarded);
            }
        }
    });

    private static void Report(FlowAnalysisContext context, ExpressionSite site, TextSpan templateSpan, string id, HashSet<string> ids, bool guarded)
    {
        string message = $"'outputs.{ContextReferences.Excerpt(id)}' reads the outputs of task '{ContextReferences.Excerpt(id)}', which this flow does not have"
            // A common slip: the flow's id where a task's was meant.
            + (id == context.Flow.Id ? " (that is the flow's id, not a task's)" : ContextReferences.Suggestion(id, ids))
            + (guarded ? "; it is guarded, so its fallback always applies" : "");
        var diagnostic = Diagnostic.Create(Rule, new Location(context.Flow.Text, site.MapToSource(templateSpan)), site.OwnerPath, null, null, message);
        context.ReportDiagnostic(guarded ? diagnostic.WithSeverity(DiagnosticSeverity.Warning) : diagnostic);
    }

    private static void ReportDashed(FlowAnalysisContext context, ExpressionSite site, ContextReference reference, DashedName dashed)
    {
        var template = site.Template!;
        string written = template.Source.Substring(reference.Access.Span.Start, dashed.End - reference.Access.Span.Start);
        string message = $"'{ContextReferences.Excerpt(written)}' is a subtraction for Pebble, not task '{ContextReferences.Excerpt(dashed.Id)}': a task id with a dash needs a subscript, outputs['{ContextReferences.Excerpt(dashed.Id)}']";
        var span = TextSpan.FromBounds(reference.Access.Span.Start, dashed.End);
        context.ReportDiagnostic(Diagnostic.Create(Rule, new Location(context.Flow.Text, site.MapToSource(span)), site.OwnerPath,
            SubscriptFix(site, reference, dashed), null, message));
    }

    /// <summary>Replaces `.my-task` by `['my-task']`, where the edit is safe for the scalar's YAML style.</summary>
    private static IReadOnlyList<CodeFix>? SubscriptFix(ExpressionSite site, ContextReference reference, DashedName dashed)
    {
        if (site.ViaAlias is not null) return null;
        var scalar = site.Scalar;
        // From the end of `outputs` (the dot) to the end of the last dashed segment.
        int start = reference.Root.Span.End;
        int length = dashed.End - start;
        var source = scalar.MapToSource(start, length);
        string original = site.Template!.Source.Substring(start, length);
        // Only where the text is written verbatim (no escape, no line folding inside it).
        if (source.Length != length || site.Flow.Text.ToString(source) != original) return null;
        // `[` and `]` end a plain scalar inside a flow collection.
        if (scalar.Style == YamlScalarStyle.Plain && scalar.Parent is YamlMapping { IsFlowStyle: true } or YamlSequence { IsFlowStyle: true }) return null;
        // Inside '…' a single quote would have to be doubled; Pebble takes either quote.
        char quote = scalar.Style == YamlScalarStyle.SingleQuoted ? '"' : '\'';
        string replacement = "[" + quote + dashed.Id + quote + "]";
        return new[] { new CodeFix("Use outputs[" + quote + dashed.Id + quote + "]", new[] { new TextEdit(source, replacement) }) };
    }

    private readonly struct DashedName
    {
        public DashedName(string id, int end)
        {
            Id = id;
            End = end;
        }

        public string Id { get; }

        /// <summary>Where the last segment of the id ends in the template.</summary>
        public int End { get; }
    }

    /// <summary>
    /// `outputs.my-long-task.x` parses as `((outputs.my - long) - task.x)`: gathers `my-long-task` when every `-` is
    /// written right after the previous name and right before the next one (a spaced `a - b` is meant as arithmetic).
    /// </summary>
    private static DashedName? DashedId(ContextReference reference)
    {
        if (reference.Access.IsSubscript) return null;
        PebbleExpression left = reference.Access;
        string id = reference.Key;
        int end = reference.Access.Span.End;
        bool dashed = false;
        while (left.Parent is BinaryExpression { Operator: PebbleBinaryOperator.Subtract } minus && minus.Left == left)
        {
            if (minus.OperatorSpan.Start != end || LeftmostName(minus.Right) is not { } next || next.Span.Start != minus.OperatorSpan.End) break;
            id += "-" + next.Name;
            end = next.Span.End;
            dashed = true;
            // `task.x` ends the id: the rest is the output's attribute path.
            if (minus.Right != next) break;
            left = minus;
        }
        return dashed ? new DashedName(id, end) : null;
    }

    /// <summary>
    /// The name the right operand starts with: `task` in `task.x`, and also in `task.x ?? 'd'` or `task.x | upper`,
    /// which bind tighter than `-`.
    /// </summary>
    private static VariableExpression? LeftmostName(PebbleExpression expression)
    {
        PebbleSyntaxNode node = expression;
        while (node is not VariableExpression)
        {
            if (node.ChildCount == 0 || node.GetChild(0) is not { } first || first.Span.Start != node.Span.Start) return null;
            node = first;
        }
        return (VariableExpression)node;
    }

    private static void CollectTaskLikeIds(YamlNode? node, HashSet<string> ids, int depth)
    {
        if (depth > 64) return;
        switch (node)
        {
            case YamlMapping mapping:
                if (mapping.TryGetValue("type", out _) && mapping.TryGetValue("id", out var idNode) && idNode.Resolve() is YamlScalar id)
                    ids.Add(id.Value);
                foreach (var entry in mapping.Entries)
                {
                    // Inputs, flow outputs and triggers have an id and a type too, but no outputs under `outputs`.
                    if (depth == 0 && entry.Key is YamlScalar { Value: "inputs" or "outputs" or "triggers" or "pluginDefaults" or "taskDefaults" }) continue;
                    CollectTaskLikeIds(entry.Value, ids, depth + 1);
                }
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items) CollectTaskLikeIds(item, ids, depth + 1);
                break;
        }
    }
}
