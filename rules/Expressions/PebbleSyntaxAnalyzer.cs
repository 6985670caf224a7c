using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3001: a Pebble expression Kestra will fail to parse when it renders the value.</summary>
public sealed class PebbleSyntaxAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3001",
        "Pebble syntax error",
        "Pebble syntax error: {0}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "Kestra does not check expressions when a flow is saved: a malformed `{{ }}` or `{% %}` only fails when the task runs, often in production. FlowLint parses every rendered value exactly as Kestra's Pebble configuration does and reports each error where it is. When one value holds more than three errors, the later ones are usually echoes of the first (a pasted run of `{{`), so they become one finding on the first error that counts the rest.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.name | upper }\"\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.name | upper }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(site =>
    {
        // An unrendered value (a description, an id) is never parsed by Kestra, so its braces are just text.
        if (!site.Site.IsRendered || site.Site.Template is not { Errors.Count: > 0 } template) return;
        var syntax = new List<PebbleError>();
        foreach (var error in template.Errors)
            if (error.Kind == PebbleErrorKind.Syntax) syntax.Add(error);
        // Past a few errors in one value the later ones are echoes of the first (100,000 "{{" pasted in one
        // string): one finding that counts them, like a compiler's "too many errors", instead of a screenful.
        if (syntax.Count > MaxFindingsPerValue)
        {
            string more = (syntax.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            site.ReportInTemplate(Rule, syntax[0].Span, null, $"{syntax[0].Message} ({more} more syntax errors follow in this value; fix this one first)");
            return;
        }
        foreach (var error in syntax)
            site.ReportInTemplate(Rule, error.Span, null, error.Message);
    });

    private const int MaxFindingsPerValue = 3;
}
