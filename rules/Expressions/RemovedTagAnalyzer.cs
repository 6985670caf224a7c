using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3010: a Pebble tag that Kestra removes from its Pebble engine.</summary>
public sealed class RemovedTagAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3010",
        "Pebble tag not available in Kestra",
        "{0}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "Kestra removes the Pebble tags `include`, `extends`, `import`, `from`, `embed`, `flush`, `parallel`, `cache` and `autoescape` from its engine, so a template using one fails with `Unexpected tag name` when the task runs. Use `if`, `for`, `set`, `macro`, `block`, `filter` or `verbatim`, or move shared logic into a subflow or namespace file.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{% include 'header' %}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ read('header.txt') }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(site =>
    {
        if (!site.Site.IsRendered || site.Site.Template is not { } template) return;
        foreach (var error in template.Errors)
        {
            if (error.Kind == PebbleErrorKind.RemovedTag)
                site.ReportInTemplate(Rule, error.Span, null, error.Message);
        }
    });
}
