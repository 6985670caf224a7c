using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Rules.Deprecations;

/// <summary>KF5002: the flow uses the deprecated <c>taskDefaults</c> key instead of <c>pluginDefaults</c>.</summary>
public sealed class TaskDefaultsAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF5002",
        "taskDefaults is deprecated",
        "'taskDefaults' is deprecated: {0}",
        Categories.Deprecations,
        DiagnosticSeverity.Warning,
        "`taskDefaults` is the old name of `pluginDefaults`; Kestra still copies it into `pluginDefaults` but marks it deprecated, and the editor's schema no longer documents it. The entries are the same, so renaming the key is enough. When the flow already has `pluginDefaults` too, the two lists must be merged by hand (the fix is not offered then). Source: research/kestra-domain.md §2.1 (`taskDefaults` @Deprecated setter copies into `pluginDefaults`), §7.3.",
        tags: new[] { "deprecation", "fixable" },
        badExample: "id: hello\nnamespace: company.team\ntaskDefaults:\n  - type: io.kestra.plugin.core.log.Log\n    values:\n      level: WARN\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\n",
        goodExample: "id: hello\nnamespace: company.team\npluginDefaults:\n  - type: io.kestra.plugin.core.log.Log\n    values:\n      level: WARN\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(flow =>
    {
        var root = flow.Flow.Root;
        var key = DeprecationEdits.KeyOf(root, "taskDefaults");
        if (key is null) return;
        if (DeprecationEdits.HasKey(root, "pluginDefaults"))
        {
            flow.Report(Rule, key.Span, "flow/taskDefaults", null, "this flow also has 'pluginDefaults': move these entries into it and remove 'taskDefaults'");
            return;
        }
        var edit = DeprecationEdits.RenameScalar(flow.Text, key, "pluginDefaults");
        flow.Report(Rule, key.Span, "flow/taskDefaults", edit is { } e ? DeprecationEdits.Fix("Rename to pluginDefaults", e) : null,
            "rename it to 'pluginDefaults'");
    });
}
