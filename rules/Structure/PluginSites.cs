using System.Collections.Generic;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>A plugin definition that is not a task (a trigger, a condition, a task runner), with where it is.</summary>
internal readonly struct PluginSite
{
    public PluginSite(PluginKind kind, YamlMapping node, YamlAlias? viaAlias, string ownerPath)
    {
        Kind = kind;
        Node = node;
        ViaAlias = viaAlias;
        OwnerPath = ownerPath;
    }

    public PluginKind Kind { get; }
    public YamlMapping Node { get; }
    public YamlAlias? ViaAlias { get; }
    public string OwnerPath { get; }
}

/// <summary>Where the structure rules find plugin definitions and how they report on them.</summary>
internal static class PluginSites
{
    /// <summary>
    /// Triggers, their conditions (nested <c>Not</c>/<c>Or</c> lists and <c>MultipleCondition</c> maps included),
    /// listener conditions and every task's <c>taskRunner</c>. Tasks themselves come from the task callback.
    /// </summary>
    public static IEnumerable<PluginSite> NonTaskPlugins(FlowDocument flow)
    {
        var result = new List<PluginSite>();
        foreach (var trigger in flow.Triggers)
        {
            result.Add(new PluginSite(PluginKind.Trigger, trigger.Node, null, trigger.OwnerPath));
            AddConditions(trigger.Node, null, trigger.OwnerPath, result, 0);
        }
        if (flow.Root.GetValue("listeners")?.Resolve() is YamlSequence listeners)
        {
            foreach (var item in listeners.Items)
                if (item.Resolve() is YamlMapping listener)
                    AddConditions(listener, item as YamlAlias, "flow/listeners", result, 0);
        }
        foreach (var task in flow.AllTasks)
        {
            if (task.Node.GetValue("taskRunner") is { } runner && runner.Resolve() is YamlMapping runnerMap)
                result.Add(new PluginSite(PluginKind.TaskRunner, runnerMap, task.ViaAlias ?? runner as YamlAlias, task.OwnerPath + "/taskRunner"));
        }
        return result;
    }

    private static void AddConditions(YamlMapping owner, YamlAlias? via, string ownerPath, List<PluginSite> into, int depth)
    {
        if (depth > 16 || owner.GetValue("conditions") is not { } conditions) return;
        var items = new List<YamlNode>();
        switch (conditions.Resolve())
        {
            case YamlSequence list:
                items.AddRange(list.Items);
                break;
            case YamlMapping byId:
                foreach (var entry in byId.EffectiveEntries()) items.Add(entry.Value);
                break;
        }
        foreach (var item in items)
        {
            if (item.Resolve() is not YamlMapping condition || !condition.TryGetValue("type", out _)) continue;
            var alias = via ?? item as YamlAlias ?? conditions as YamlAlias;
            into.Add(new PluginSite(PluginKind.Condition, condition, alias, ownerPath + "/conditions"));
            AddConditions(condition, alias, ownerPath + "/conditions", into, depth + 1);
        }
    }

    /// <summary>
    /// The span to report a node at: the alias that brought it in, when there is one; a scalar's text without its
    /// quotes; any other node whole.
    /// </summary>
    public static TextSpan SpanOf(YamlNode node, YamlAlias? viaAlias)
    {
        if (viaAlias is not null) return viaAlias.Span;
        if (node is YamlScalar { Value.Length: > 0 } scalar && scalar.Style is YamlScalarStyle.Plain or YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted)
            return scalar.MapToSource(0, scalar.Value.Length);
        return node.Span;
    }

    /// <summary>A scalar's decoded text, or null (aliases followed).</summary>
    public static string? Text(YamlNode? node) => (node?.Resolve() as YamlScalar)?.Value;

    /// <summary>Kestra renders nothing when resolving types, but a templated value can't be judged statically.</summary>
    public static bool IsTemplated(string text) => text.Contains("{{") || text.Contains("{%");

    /// <summary>
    /// A fix replacing a scalar's whole value, offered only where the edit is exact: a plain or quoted scalar written
    /// where it is reported (not reached through an alias).
    /// </summary>
    public static Kestra.FlowLint.Analysis.CodeFix? ReplaceScalar(YamlNode node, YamlAlias? viaAlias, string title, string newValue)
    {
        if (viaAlias is not null || node is not YamlScalar scalar || scalar.Value.Length == 0) return null;
        if (scalar.Style is not (YamlScalarStyle.Plain or YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted)) return null;
        var span = scalar.MapToSource(0, scalar.Value.Length);
        return new Kestra.FlowLint.Analysis.CodeFix(title, new[] { new Kestra.FlowLint.Analysis.TextEdit(span, newValue) });
    }
}
