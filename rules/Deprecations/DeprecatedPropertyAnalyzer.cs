using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Deprecations;

/// <summary>KF5006: a deprecated property of the flow, a plugin, a trigger, a retry block or an input.</summary>
public sealed class DeprecatedPropertyAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF5006",
        "Deprecated property",
        "'{0}' is deprecated: {1}",
        Categories.Deprecations,
        DiagnosticSeverity.Warning,
        "Kestra keeps accepting deprecated properties for a while, then removes them; the editor lists each as \"<path> is deprecated\". Where the replacement is the same value under a new key (Schedule `scheduleConditions` → `conditions`, trigger `minLogLevel` → `logLevel`, retry `maxAttempt` → `maxAttempts`, MULTISELECT `options` → `values`), the fix renames the key, unless the new key is already there. Others (flow `listeners`, Pause `tasks`, Subflow `outputs`, Schedule `backfill`, MultipleCondition `window`, script `runner`/`docker`/`outputDirectory`…) need a change the message describes. Sources: research/kestra-domain.md §2.1, §3.1, §3.7, §4.1, §4.2, §7.3; Kestra migration guides 0.12.0, 0.15.0, 0.18.0; the table in `Knowledge/DeprecationFacts.cs` names each fact's source.",
        tags: new[] { "deprecation", "fixable" },
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\ntriggers:\n  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 9 * * *\"\n    scheduleConditions:\n      - type: io.kestra.plugin.core.condition.Weekend\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\ntriggers:\n  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 9 * * *\"\n    conditions:\n      - type: io.kestra.plugin.core.condition.Weekend\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(flow =>
    {
        var root = flow.Flow.Root;
        CheckKeys(flow, root, DeprecationScope.Flow, null, "flow/");

        var triggers = root.GetValue("triggers") as YamlSequence;
        var pluginDefaults = root.GetValue("pluginDefaults") as YamlSequence;
        var taskDefaults = root.GetValue("taskDefaults") as YamlSequence;
        DeprecationEdits.ForEachTypedMapping(root, (mapping, type) =>
        {
            string canonical = KestraKnowledge.ResolveType(type.Value).CanonicalType;
            CheckKeys(flow, mapping, DeprecationScope.Plugin, canonical, null);
            if (mapping.Parent is YamlSequence parent && ReferenceEquals(parent, triggers))
                CheckKeys(flow, mapping, DeprecationScope.Trigger, canonical, null);
            if (mapping.GetValue("retry") is YamlMapping retry)
                CheckKeys(flow, retry, DeprecationScope.Retry, null, null);
            // A plugin default's values are merged into every matching plugin: a deprecated key there is one in each.
            if (mapping.Parent is YamlSequence list && (ReferenceEquals(list, pluginDefaults) || ReferenceEquals(list, taskDefaults))
                && mapping.GetValue("values") is YamlMapping values)
                CheckKeys(flow, values, DeprecationScope.Plugin, canonical, null);
        });
        if (root.GetValue("retry") is YamlMapping flowRetry) CheckKeys(flow, flowRetry, DeprecationScope.Retry, null, "flow/retry/");

        var seen = new FirstVisits<YamlMapping>(flow.Flow);
        foreach (var input in flow.Flow.Inputs)
            if (seen.Add(input.Node)) CheckKeys(flow, input.Node, DeprecationScope.Input, input.Type, input.OwnerPath + "/");
    });

    /// <param name="ownerPrefix">The owner path of the mapping plus '/', or null to compute it (only when something is reported).</param>
    private static void CheckKeys(FlowAnalysisContext flow, YamlMapping mapping, DeprecationScope scope, string? type, string? ownerPrefix)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is not YamlScalar key || DeprecationFacts.FindProperty(scope, type, key.Value) is not { } deprecated) continue;
            IReadOnlyList<CodeFix>? fixes = null;
            string guidance = deprecated.Guidance;
            if (deprecated.IsPureRename)
            {
                if (DeprecationEdits.HasKey(mapping, deprecated.Replacement))
                    guidance = "'" + deprecated.Replacement + "' is also set here: merge the two and remove '" + key.Value + "'";
                else if (DeprecationEdits.RenameScalar(flow.Text, key, deprecated.Replacement) is { } edit)
                    fixes = DeprecationEdits.Fix("Rename to " + deprecated.Replacement, edit);
            }
            ownerPrefix ??= DeprecationEdits.OwnerPath(mapping) + "/";
            flow.Report(Rule, key.Span, ownerPrefix + key.Value, fixes, key.Value, guidance);
        }
    }
}
