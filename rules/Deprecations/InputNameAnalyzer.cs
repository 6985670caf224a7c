using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Rules.Deprecations;

/// <summary>KF5003: an input named with the deprecated <c>name</c> property instead of <c>id</c>.</summary>
public sealed class InputNameAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF5003",
        "Input 'name' is deprecated",
        "Input property 'name' is deprecated: {0}",
        Categories.Deprecations,
        DiagnosticSeverity.Warning,
        "Since Kestra 0.15 inputs are identified by `id`, like tasks and triggers; `name` is kept only as a deprecated fallback that sets `id` when it is missing, and the editor reports `inputs[n].name is deprecated`. Renaming the key changes nothing else: expressions keep reading `inputs.<id>`. When the input has both, `name` is ignored and should be removed (no automatic fix then). Sources: research/kestra-domain.md §3.1 (Input `name` @Deprecated), §7.3; Kestra migration guide 0.15.0 \"Inputs Name\".",
        tags: new[] { "deprecation", "fixable" },
        badExample: "id: hello\nnamespace: company.team\ninputs:\n  - name: user\n    type: STRING\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"Hello {{ inputs.user }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ninputs:\n  - id: user\n    type: STRING\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"Hello {{ inputs.user }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(flow =>
    {
        var seen = new HashSet<Kestra.FlowLint.Yaml.YamlMapping>();
        foreach (var input in flow.Flow.Inputs)
        {
            if (!seen.Add(input.Node)) continue; // one input mapping reached twice through aliases
            var key = DeprecationEdits.KeyOf(input.Node, "name");
            if (key is null) continue;
            string owner = input.OwnerPath + "/name";
            if (DeprecationEdits.HasKey(input.Node, "id"))
            {
                flow.Report(Rule, key.Span, owner, null, "the input also has 'id', so 'name' is ignored; remove it");
                continue;
            }
            var edit = DeprecationEdits.RenameScalar(flow.Text, key, "id");
            flow.Report(Rule, key.Span, owner, edit is { } e ? DeprecationEdits.Fix("Rename to id", e) : null, "rename it to 'id'");
        }
    });
}
