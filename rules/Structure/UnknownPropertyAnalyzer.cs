using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4012: a property a core plugin does not have (only plugins whose 1.x property list is known complete).</summary>
public sealed class UnknownPropertyAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4012",
        "Unknown property of a core plugin",
        "'{0}' is not a property of {1}{2}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Kestra's flow parser rejects properties a plugin does not declare (Jackson's FAIL_ON_UNKNOWN_PROPERTIES), so a misspelt key stops the whole flow from being saved; in an editor that does not validate, the value is silently lost instead. FlowLint checks the core plugins whose 1.x property lists it knows completely (Log, Return, Subflow, ForEach, Parallel, If, Switch, Dag, Pause, Request, Schedule, Webhook, Flow trigger…) and the properties every task or trigger has (`id`, `type`, `description`, `retry`, `timeout`, `runIf`, `disabled`, `allowFailure`, `logLevel`, `workerGroup`…). Other plugins are not judged.",
        tags: new[] { "structure", "plugins" },
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    mesage: Hello\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterTaskAction(c =>
        {
            Check(c, c.Task.Node, c.Task.ViaAlias, PluginKind.Task, c.Task.OwnerPath);
            CheckDagEntries(c);
        });
        context.RegisterFlowAction(c =>
        {
            foreach (var site in PluginSites.NonTaskPlugins(c.Flow))
                Check(c, site.Node, site.ViaAlias, site.Kind, site.OwnerPath);
        });
    }

    private static void Check(AnalysisCallbackContext context, YamlMapping node, YamlAlias? viaAlias, PluginKind expectedKind, string ownerPath)
    {
        if (PluginSites.Text(node.GetValue("type")) is not { } type) return;
        var plugin = KestraKnowledge.GetPlugin(type.Trim());
        // A plugin used as another kind (a task type under triggers) is a different error; its common properties differ.
        if (plugin is null || !plugin.PropertiesComplete || plugin.Kind != expectedKind) return;

        // Own entries only: a key merged in with `<<` belongs to a shared anchor that may serve other plugins.
        foreach (var entry in node.Entries)
        {
            if (entry.IsMergeKey || entry.Key is not YamlScalar key) continue;
            string name = key.Value;
            if (IsKnown(plugin, name)) continue;
            var candidates = AllNames(plugin);
            var match = DidYouMean.Closest(name, candidates);
            string suffix = match is null ? "" : $" (did you mean '{match}'?)";
            var fix = match is null ? null : PluginSites.ReplaceScalar(key, viaAlias, "Rename to " + match, match);
            context.Report(Rule, PluginSites.SpanOf(key, viaAlias), ownerPath + "/" + name, fix is null ? null : new[] { fix },
                DidYouMean.Excerpt(name), plugin.Type, suffix);
        }
    }

    /// <summary>A Dag <c>tasks[]</c> entry holds only <c>task</c> and <c>dependsOn</c>; the task's own keys go inside <c>task</c>.</summary>
    private static void CheckDagEntries(TaskAnalysisContext context)
    {
        var dag = context.Task;
        if (dag.CanonicalType != "io.kestra.plugin.core.flow.Dag" || dag.Node.GetValue("tasks")?.Resolve() is not YamlSequence entries) return;
        foreach (var item in entries.Items)
        {
            if (item.Resolve() is not YamlMapping entry) continue;
            var via = dag.ViaAlias ?? item as YamlAlias;
            foreach (var e in entry.Entries)
            {
                if (e.IsMergeKey || e.Key is not YamlScalar key || KestraKnowledge.DagTaskEntryProperties.ContainsKey(key.Value)) continue;
                var match = DidYouMean.Closest(key.Value, KestraKnowledge.DagTaskEntryProperties.Keys);
                var fix = match is null ? null : PluginSites.ReplaceScalar(key, via, "Rename to " + match, match);
                context.Report(Rule, PluginSites.SpanOf(key, via), dag.OwnerPath + "/tasks/" + key.Value, fix is null ? null : new[] { fix },
                    DidYouMean.Excerpt(key.Value), "a Dag entry (task, dependsOn)", match is null ? "" : $" (did you mean '{match}'?)");
            }
        }
    }

    private static bool IsKnown(PluginInfo plugin, string name)
    {
        if (plugin.Properties.ContainsKey(name) || FlowSchema.PluginCommonProperties.ContainsKey(name)) return true;
        if (Common(plugin.Kind) is { } common && common.ContainsKey(name)) return true;
        foreach (var extra in StructureKnowledge.ExtraCommonProperties)
            if (extra == name) return true;
        return false;
    }

    private static IReadOnlyDictionary<string, PropertyInfo>? Common(PluginKind kind) => kind switch
    {
        PluginKind.Task => FlowSchema.TaskCommonProperties,
        PluginKind.Trigger => FlowSchema.TriggerCommonProperties,
        _ => null,
    };

    private static List<string> AllNames(PluginInfo plugin)
    {
        var names = new List<string>(plugin.Properties.Keys);
        if (Common(plugin.Kind) is { } common) names.AddRange(common.Keys);
        names.AddRange(FlowSchema.PluginCommonProperties.Keys);
        return names;
    }
}
