using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3008: `vars.x` where neither `variables:` nor a SetVariables task defines `x`.</summary>
public sealed class UndeclaredVariableAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3008",
        "Reference to an undeclared variable",
        "'vars.{0}' reads a variable this flow does not define{1}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "`vars` holds the flow's `variables:` and, in Kestra 1.x, the keys a SetVariables task adds while the execution runs. With strict variables, `{{ vars.x }}` for any other `x` fails the task with `Missing variable`: usually a typo or a variable that was renamed. "
        + "A read guarded with `??`, `???`, `is defined` or `| default(...)` does not fail, but its fallback always applies, so it is reported as a warning. "
        + "Not reported: keys of any SetVariables task in the flow (wherever it runs), flows where a SetVariables task's `variables` is not a literal map, trigger properties (a Flow trigger renders them against the triggering execution), names a template binds itself, and dynamic keys (`vars[name]`). EE namespace variables are read as `namespace.x`, not `vars.x`. Values of the flow's own `variables` (evaluated where `render(vars.x)` is called) and `pluginDefaults` are checked.",
        tags: new[] { "correctness" },
        badExample: "id: greet\nnamespace: company.team\nvariables:\n  greeting: Hello\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ vars.greting }} world\"\n",
        goodExample: "id: greet\nnamespace: company.team\nvariables:\n  greeting: Hello\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ vars.greeting }} world\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (flow.Root.TryGetValue("variables", out var variables) && !AddKeys(variables.Resolve(), declared)) return;
        foreach (var task in flow.AllTasks)
        {
            if (task.CanonicalType is not { } type || !ExecutionScopes.IsSetVariablesTask(type)) continue;
            // Keys computed at run time (a template instead of a map) could be any name.
            if (task.Node.TryGetValue("variables", out var set) && !AddKeys(set.Resolve(), declared)) return;
        }

        foreach (var site in flow.ExpressionSites)
        {
            // A Flow trigger renders its properties against the execution that triggered it: another flow's names.
            if (!ContextReferences.IsEvaluated(site) || site.OwnerKind == SiteOwnerKind.Trigger) continue;
            foreach (var reference in ContextReferences.Find(site.Template!, "vars"))
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

    /// <summary>Adds a map's literal keys; false when the value is not a map whose keys are all plain names.</summary>
    private static bool AddKeys(YamlNode? node, HashSet<string> into)
    {
        if (node is YamlScalar { IsNull: true }) return true;
        if (node is not YamlMapping map) return false;
        foreach (var entry in map.EffectiveEntries())
        {
            if (entry.Key is not YamlScalar key || key.Value.Contains("{{")) return false;
            into.Add(key.Value);
            // `a.b: 1` is read as `vars['a.b']`; its first segment is accepted too rather than guess how it was meant.
            int dot = key.Value.IndexOf('.');
            if (dot > 0) into.Add(key.Value.Substring(0, dot));
        }
        return true;
    }
}
