using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4001: the file is not valid YAML, so Kestra cannot load the flow at all.</summary>
public sealed class InvalidYamlAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4001",
        "Invalid YAML",
        "Invalid YAML: {0}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Kestra parses a flow with a strict YAML parser; a syntax error (bad indentation, an unclosed quote or bracket, a tab used for indentation, an undefined alias) means the flow cannot be saved or run. FlowLint reports the exact place the parser stopped.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"Hello\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"Hello\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFileAction(file =>
    {
        foreach (var error in file.Stream.Errors)
        {
            if (error.Kind != YamlErrorKind.Limit)
                file.Report(Rule, error.Span, null, null, error.Message);
        }
    });
}
