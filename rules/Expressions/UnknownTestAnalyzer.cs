using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3004: an `is` / `is not` test Kestra's Pebble engine does not register.</summary>
public sealed class UnknownTestAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3004",
        "Unknown Pebble test",
        "Test `{0}` does not exist{1}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "Pebble has few tests: `defined`, `null`, `empty`, `even`, `odd`, `iterable`, `map`, and Kestra adds `json`. Any other name after `is` (`is none`, `is string`, `is undefined`) parses, then fails the task at run time. Use `is not defined` for `undefined` and `is null` for `none`.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.name is undefined ? 'anonymous' : inputs.name }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.name is not defined ? 'anonymous' : inputs.name }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => UnknownCallable.Register(context, Rule, CallableKind.Test);
}
