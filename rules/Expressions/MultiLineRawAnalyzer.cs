using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3011: a `{% raw %}` block spanning lines, which Kestra's raw pre-pass does not see.</summary>
public sealed class MultiLineRawAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3011",
        "Multi-line {% raw %} block",
        "{0}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "`{% raw %}` is not a Pebble tag: Kestra strips single-line raw blocks with a regular expression before Pebble runs. A raw block whose `{% endraw %}` is on another line is left for Pebble, which fails with `Unexpected tag name \"raw\"` at run time. Use `{% verbatim %}…{% endverbatim %}`, which works across lines.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: |\n      {% raw %}\n      {{ not rendered }}\n      {% endraw %}\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: |\n      {% verbatim %}\n      {{ not rendered }}\n      {% endverbatim %}\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(site =>
    {
        if (!site.Site.IsRendered || site.Site.Template is not { } template) return;
        foreach (var error in template.Errors)
        {
            if (error.Kind == PebbleErrorKind.MultiLineRaw)
                site.ReportInTemplate(Rule, error.Span, null, error.Message);
        }
    });
}
