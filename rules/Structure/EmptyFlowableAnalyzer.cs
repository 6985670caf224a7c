using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4016: a flowable task with nothing to run, or a WorkingDirectory holding flowable tasks.</summary>
public sealed class EmptyFlowableAnalyzer : FlowAnalyzer
{
    private const string SwitchType = "io.kestra.plugin.core.flow.Switch";
    private const string WorkingDirectoryType = "io.kestra.plugin.core.flow.WorkingDirectory";

    public static readonly DiagnosticDescriptor Rule = new(
        "KF4016",
        "Flowable task with nothing to run",
        "{0}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Flowable tasks only schedule their children, so Kestra's validators reject one that has none: Parallel, Sequential, ForEach, AllowFailure, WorkingDirectory, Dag and LoopUntil need a non-empty `tasks`, If needs a non-empty `then`, Switch needs some `cases` or `defaults`, and a (deprecated) listener needs `tasks`. WorkingDirectory runs its children on one worker in one directory, so it accepts only runnable tasks (WorkingDirectoryTaskValidator): a flowable child such as Pause or Parallel is rejected too.",
        tags: new[] { "structure", "flowable" },
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: parallel\n    type: io.kestra.plugin.core.flow.Parallel\n    tasks: []\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: parallel\n    type: io.kestra.plugin.core.flow.Parallel\n    tasks:\n      - id: log\n        type: io.kestra.plugin.core.log.Log\n        message: Hello\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterTaskAction(c =>
        {
            var task = c.Task;
            var plugin = KestraKnowledge.GetPlugin(task.CanonicalType);
            if (plugin is null || !plugin.IsFlowable) return;
            string id = task.Id ?? "?";
            if (plugin.Type == SwitchType)
            {
                if (IsEmpty(task.Node, "cases", out var casesKey) && IsEmpty(task.Node, "defaults", out var defaultsKey))
                    c.Report(Rule, Where(task, casesKey ?? defaultsKey), task.OwnerPath, null,
                        $"Switch '{id}' has no cases and no defaults: give it at least one case or a defaults branch");
            }
            else
            {
                foreach (var property in plugin.Properties.Values)
                {
                    if (!property.Required || property.Nested is not (NestedShape.TaskList or NestedShape.DagTaskList)) continue;
                    if (IsEmpty(task.Node, property.Name, out var key))
                        c.Report(Rule, Where(task, key), task.OwnerPath + "/" + property.Name, null,
                            $"{ShortName(plugin.Type)} '{id}' has no task in '{property.Name}': it needs at least one");
                }
            }
            if (plugin.Type == WorkingDirectoryType)
            {
                foreach (var child in task.Children)
                {
                    if (child.ContainerProperty != "tasks" || KestraKnowledge.GetPlugin(child.CanonicalType) is not { IsFlowable: true } childPlugin) continue;
                    c.Report(Rule, PluginSites.SpanOf(child.TypeNode ?? child.Node, child.ViaAlias), child.OwnerPath, null,
                        $"{ShortName(childPlugin.Type)} '{child.Id ?? "?"}' is a flowable task: WorkingDirectory '{id}' runs only runnable tasks");
                }
            }
        });
        context.RegisterFlowAction(c =>
        {
            if (c.Flow.Root.GetValue("listeners")?.Resolve() is not YamlSequence listeners) return;
            for (int i = 0; i < listeners.Items.Count; i++)
            {
                if (listeners.Items[i].Resolve() is not YamlMapping listener || !IsEmpty(listener, "tasks", out var key)) continue;
                c.Report(Rule, PluginSites.SpanOf(key ?? (listener.Entries.Count > 0 ? listener.Entries[0].Key : listeners.Items[i]), null), "flow/listeners[" + i + "]", null,
                    $"Listener {i + 1} has no task in 'tasks': it needs at least one");
            }
        });
    }

    /// <summary>True when the property is missing, null, or an empty list or map; <paramref name="key"/> is its key when present.</summary>
    private static bool IsEmpty(YamlMapping node, string name, out YamlNode? key)
    {
        key = null;
        if (!node.TryGetEntry(name, out var entry)) return true;
        key = entry.Key;
        return entry.Value.Resolve() switch
        {
            YamlScalar scalar => scalar.IsNull,
            YamlSequence list => list.Items.Count == 0,
            YamlMapping map => map.Entries.Count == 0,
            _ => false,
        };
    }

    /// <summary>The empty property's key, else the task's type (what the reader looks at to see what is missing).</summary>
    private static Kestra.FlowLint.Text.TextSpan Where(FlowTask task, YamlNode? key) =>
        PluginSites.SpanOf(key ?? task.TypeNode ?? task.Node, task.ViaAlias);

    private static string ShortName(string type) => type.Substring(type.LastIndexOf('.') + 1);
}
