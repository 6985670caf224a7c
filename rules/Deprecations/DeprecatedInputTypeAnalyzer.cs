using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Deprecations;

/// <summary>KF5005: an input of a deprecated type (<c>ENUM</c>, <c>BOOLEAN</c>).</summary>
public sealed class DeprecatedInputTypeAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF5005",
        "Deprecated input type",
        "Input type '{0}' is deprecated: {1}",
        Categories.Deprecations,
        DiagnosticSeverity.Warning,
        "`ENUM` inputs are deprecated in favour of `SELECT`, which takes the same `values` (and can also compute them with `expression`): the fix renames the type. `BOOLEAN` is deprecated since 0.23 in favour of `BOOL`, a true/false toggle; a `BOOLEAN` input could also be left unset, so the editor offers the rename but `check --fix` does not apply it: check that no caller relies on an empty value first. Sources: research/kestra-domain.md §3.1 (EnumInput @Deprecated, use SELECT), §7.3 (ENUM deprecated); Kestra 0.23 release notes (BOOL input).",
        tags: new[] { "deprecation", "fixable" },
        badExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: env\n    type: ENUM\n    values: [dev, prod]\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.env }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: env\n    type: SELECT\n    values: [dev, prod]\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ inputs.env }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(flow =>
    {
        var seen = new FirstVisits<YamlMapping>(flow.Flow);
        foreach (var input in flow.Flow.Inputs)
        {
            if (!seen.Add(input.Node) || input.Node.GetValue("type") is not YamlScalar type) continue;
            if (!FlowSchema.InputTypes.TryGetValue(type.Value, out var info) || !info.Deprecated || info.Replacement is not { } replacement) continue;
            // BOOL cannot be left unset where BOOLEAN could: offered in editors, never applied unattended.
            bool safe = replacement != KestraVersionFacts.BoolInputType;
            var edit = DeprecationEdits.RenameScalar(flow.Text, type, replacement);
            string advice = safe
                ? "use " + replacement
                : "use " + replacement + " (a true/false toggle: unlike BOOLEAN it cannot be left unset)";
            flow.Report(Rule, type.Span, input.OwnerPath + "/type",
                edit is { } e ? DeprecationEdits.Fix("Change the type to " + replacement, e, safe) : null, type.Value, advice);
        }
    });
}
