using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Rules.Deprecations;

/// <summary>KF5004: a deprecated Pebble function or filter (<c>json()</c>, <c>| json</c>).</summary>
public sealed class DeprecatedPebbleCallableAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF5004",
        "Deprecated Pebble function or filter",
        "The {0} '{1}' is deprecated: use '{2}'",
        Categories.Deprecations,
        DiagnosticSeverity.Warning,
        "Kestra kept `json()` (parse a JSON string) and `| json` (serialise to JSON) as deprecated names of `fromJson()` and `| toJson`. They behave the same today, but are marked `@Deprecated` and are missing from the current expression reference. Renaming is safe and the fix only changes the name. Sources: research/kestra-domain.md §1.5 (`JsonFunction` @Deprecated, alias of fromJson), §1.6 (`JsonFilter` @Deprecated, alias of toJson), §7.3.",
        tags: new[] { "deprecation", "fixable", "pebble" },
        badExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: payload\n    type: STRING\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ json(inputs.payload).name }} {{ outputs | json }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: payload\n    type: STRING\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ fromJson(inputs.payload).name }} {{ outputs | toJson }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(expression =>
    {
        var site = expression.Site;
        // Flow variables are rendered by render(); other unrendered values (descriptions) are documentation.
        if (!(site.IsRendered || site.OwnerKind == SiteOwnerKind.Variable) || site.Template is not { } template) return;
        HashSet<string>? macros = null;
        foreach (var node in template.DescendantNodes())
        {
            if (node is MacroNode macro) (macros ??= new HashSet<string>()).Add(macro.Name.Name);
        }
        foreach (var node in template.DescendantNodes())
        {
            switch (node)
            {
                case FunctionCallExpression call when macros is null || !macros.Contains(call.Name):
                    Check(expression, CallableKind.Function, call.Name, call.NameSpan);
                    break;
                case FilterExpression filter:
                    Check(expression, CallableKind.Filter, filter.Name, filter.NameSpan);
                    break;
                case FilterCall filterCall:
                    Check(expression, CallableKind.Filter, filterCall.Name, filterCall.NameSpan);
                    break;
            }
        }
    });

    private static void Check(ExpressionAnalysisContext expression, CallableKind kind, string name, TextSpan nameSpan)
    {
        if (KestraKnowledge.FindCallable(kind, name) is not { Deprecated: true, Replacement: { } replacement }) return;
        var site = expression.Site;
        var span = site.MapToSource(nameSpan);
        IReadOnlyList<CodeFix>? fixes = null;
        // Only where the name is written as is (not through an alias, an escape or a folded line).
        if (site.ViaAlias is null && span.Length == name.Length && expression.Text.ToString(span) == name)
            fixes = DeprecationEdits.Fix("Rename to " + replacement, new TextEdit(span, replacement));
        expression.Report(Rule, span, site.OwnerPath, fixes, kind == CallableKind.Function ? "function" : "filter", name, replacement);
    }
}
