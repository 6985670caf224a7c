using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3003: a filter Kestra's Pebble engine does not register (misspelt, or a Pebble filter Kestra removes).</summary>
public sealed class UnknownFilterAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3003",
        "Unknown Pebble filter",
        "Filter `{0}` does not exist{1}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "A filter name is resolved only when the value is rendered: a misspelt filter, a Jinja habit (`tojson`, `int`) or one of the Pebble filters Kestra removes (`escape`, `raw`, `numberformat`) fails the task at run time with `Filter [x] does not exist`. This covers `x | name` and `{% filter name %}`. FlowLint suggests the closest Kestra filter.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ outputs.fetch.body | tojson }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ outputs.fetch.body | toJson }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => UnknownCallable.Register(context, Rule, CallableKind.Filter);
}
