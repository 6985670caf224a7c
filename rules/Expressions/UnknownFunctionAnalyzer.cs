using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>KF3002: a call to a function that neither Kestra nor the template (as a macro) defines.</summary>
public sealed class UnknownFunctionAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3002",
        "Unknown Pebble function",
        "Function or macro `{0}` does not exist{1}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "Kestra resolves function names only when it renders the value, so a misspelt or invented function (`uuid4()`, `secrets('X')`) saves without complaint and fails the task at run time with `Function or Macro [x] does not exist`. FlowLint knows every function of Kestra 1.x (Enterprise ones included) and the macros the template defines, and suggests the closest name.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"Run {{ uuid4() }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"Run {{ uuid() }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => UnknownCallable.Register(context, Rule, CallableKind.Function);
}
