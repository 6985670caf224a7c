using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4015: a reserved <c>system.*</c> label set where Kestra forbids it.</summary>
public sealed class SystemLabelAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4015",
        "Reserved system label",
        "{0}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Label keys starting with `system.` are reserved: Kestra sets `system.correlationId`, `system.username` and `system.app` on executions itself, and relies on them for tracing and permissions. A flow may declare only `system.readOnly` (which locks the flow in the UI); FlowValidator rejects any other `system.*` flow label, and NoSystemLabelValidator rejects every `system.*` label on triggers, Subflow and ForEachItem tasks, and SLAs.",
        tags: new[] { "structure", "labels" },
        badExample: "id: hello\nnamespace: company.team\nlabels:\n  system.username: admin\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\n",
        goodExample: "id: hello\nnamespace: company.team\nlabels:\n  system.readOnly: true\n  owner: admin\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterFlowAction(c =>
        {
            var flow = c.Flow;
            foreach (var (key, node) in Keys(flow.Root.GetValue("labels")))
                if (key != FlowSchema.AllowedFlowSystemLabel)
                    c.Report(Rule, PluginSites.SpanOf(node, null), "flow/labels", null,
                        $"Label '{key}' uses the reserved 'system.' prefix: a flow may only declare '{FlowSchema.AllowedFlowSystemLabel}'");
            foreach (var trigger in flow.Triggers)
                foreach (var (key, node) in Keys(trigger.Node.GetValue("labels")))
                    c.Report(Rule, PluginSites.SpanOf(node, null), trigger.OwnerPath + "/labels", null,
                        $"Trigger '{trigger.Id ?? "?"}' sets the reserved label '{key}': triggers may set no 'system.' label");
            if (flow.Root.GetValue("sla")?.Resolve() is YamlSequence slas)
                foreach (var item in slas.Items)
                    if (item.Resolve() is YamlMapping sla)
                        foreach (var (key, node) in Keys(sla.GetValue("labels")))
                            c.Report(Rule, PluginSites.SpanOf(node, item as YamlAlias), "flow/sla/labels", null,
                                $"SLA '{PluginSites.Text(sla.GetValue("id")) ?? "?"}' sets the reserved label '{key}': SLAs may set no 'system.' label");
        });
        context.RegisterTaskAction(c =>
        {
            var task = c.Task;
            if (task.CanonicalType is not ("io.kestra.plugin.core.flow.Subflow" or "io.kestra.plugin.core.flow.ForEachItem")) return;
            foreach (var (key, node) in Keys(task.Node.GetValue("labels")))
                c.Report(Rule, PluginSites.SpanOf(node, task.ViaAlias), task.OwnerPath + "/labels", null,
                    $"Task '{task.Id ?? "?"}' passes the reserved label '{key}' to the subflow: Subflow and ForEachItem labels may have no 'system.' key");
        });
    }

    /// <summary>The <c>system.*</c> keys of a label map or a list of <c>{key, value}</c>, with the node to report.</summary>
    /// <remarks>Labels brought in with an alias are reported at the alias: the anchor may be valid where it is defined.</remarks>
    private static IEnumerable<(string Key, YamlNode Node)> Keys(YamlNode? labels)
    {
        var via = labels as YamlAlias;
        switch (labels?.Resolve())
        {
            case YamlMapping map:
                foreach (var entry in map.EffectiveEntries())
                    if (entry.KeyText is { } key && IsSystem(key)) yield return (key, via ?? entry.Key);
                break;
            case YamlSequence list:
                foreach (var item in list.Items)
                    if (item.Resolve() is YamlMapping pair && pair.GetValue("key") is { } keyNode
                        && PluginSites.Text(keyNode) is { } key && IsSystem(key))
                        yield return (key, via ?? (item is YamlAlias ? item : keyNode));
                break;
        }
    }

    private static bool IsSystem(string key) => key.StartsWith(FlowSchema.SystemLabelPrefix, StringComparison.Ordinal);
}
