using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3006: `inputs.x` where the flow declares no input `x`.</summary>
public sealed class UndeclaredInputAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3006",
        "Reference to an undeclared input",
        "'inputs.{0}' reads an input this flow does not declare{1}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "Kestra keeps only the inputs a flow declares under `inputs:`, and renders templates with strict variables, so `{{ inputs.x }}` for an undeclared `x` fails the task with `Missing variable: 'x' on 'inputs'`: usually a typo or an input that was renamed. "
        + "A read guarded with `??`, `???`, `is defined` or `| default(...)` does not fail, but its fallback always applies, so it is reported as a warning. "
        + "Not reported: trigger properties (a Flow trigger renders them against the execution that triggered it, i.e. another flow's inputs), names a template binds itself (`{% set %}`, `{% for %}`, macro parameters), the keys of a Subflow or ForEachItem `inputs:` map (they are the called flow's inputs), descriptions and comments, and dynamic keys (`inputs[name]`). "
        + "Values of the flow's own `pluginDefaults` are checked too: they only apply to this flow, whose inputs are known.",
        tags: new[] { "correctness" },
        badExample: "id: greet\nnamespace: company.team\ninputs:\n  - id: user_name\n    type: STRING\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: \"Hello {{ inputs.username }}\"\n",
        goodExample: "id: greet\nnamespace: company.team\ninputs:\n  - id: user_name\n    type: STRING\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: \"Hello {{ inputs.user_name }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in flow.Inputs)
        {
            // An input without an id is reported by Kestra's validation; any name could be the one meant.
            if (input.Id is not { } id) return;
            declared.Add(id);
            // Dotted ids (`nested.string`) are exposed as nested maps: `inputs.nested.string`.
            int dot = id.IndexOf('.');
            if (dot > 0) declared.Add(id.Substring(0, dot));
        }

        foreach (var site in flow.ExpressionSites)
        {
            // A Flow trigger renders its properties against the execution that triggered it: another flow's names.
            if (!ContextReferences.IsEvaluated(site) || site.OwnerKind == SiteOwnerKind.Trigger) continue;
            foreach (var reference in ContextReferences.Find(site.Template!, "inputs"))
            {
                if (declared.Contains(reference.Key) || reference.Guard == ReferenceGuard.Enclosing) continue;
                string detail = ContextReferences.Suggestion(reference.Key, declared);
                if (reference.IsGuarded) detail += "; it is guarded, so its fallback always applies";
                var diagnostic = Diagnostic.Create(Rule, new Location(flow.Text, site.MapToSource(reference.Access.Span)), site.OwnerPath, null, null,
                    ContextReferences.Excerpt(reference.Key), detail);
                context.ReportDiagnostic(reference.IsGuarded ? diagnostic.WithSeverity(DiagnosticSeverity.Warning) : diagnostic);
            }
        }
    });
}
