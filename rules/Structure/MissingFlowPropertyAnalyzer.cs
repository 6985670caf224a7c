using System.Collections.Generic;
using System.Globalization;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4002: a flow without `id`, `namespace` or `tasks` (or with one of them empty), which Kestra refuses to save.</summary>
public sealed class MissingFlowPropertyAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4002",
        "Missing required flow property",
        "{0}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Every flow needs an `id` and a `namespace` (together they name the flow) and a non-empty `tasks` list (`@NotNull`, `@NotEmpty` in Kestra's `Flow` model). A flow that only has triggers, or only `errors`/`finally` tasks, is rejected by `kestra flow validate` and by the editor. The deprecated `listeners` need tasks too. FlowLint reports each missing property once, on the flow's first key; an empty `tasks` list is reported on its key.",
        badExample: "id: nightly\nnamespace: company.team\ntriggers:\n  - id: every_night\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 2 * * *\"\n",
        goodExample: "id: nightly\nnamespace: company.team\ntasks:\n  - id: report\n    type: io.kestra.plugin.core.log.Log\n    message: nightly run\ntriggers:\n  - id: every_night\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: \"0 2 * * *\"\n");

    private static readonly string[] Required = { "id", "namespace", "tasks" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        var flow = context.Flow;
        // A document cut short by a syntax error (KF4001) may hold the property after the error.
        if (StructureSpans.IsIncomplete(flow)) return;
        var root = flow.Root;
        foreach (var name in Required)
        {
            if (!root.TryGetEntry(name, out var entry))
            {
                context.Report(Rule, StructureSpans.HeadSpan(root, null), "flow/" + name, null,
                    $"The flow has no '{name}'; Kestra requires 'id', 'namespace' and a non-empty 'tasks' list");
                continue;
            }
            switch (entry.Value.Resolve())
            {
                case YamlScalar { IsNull: true }:
                    context.Report(Rule, StructureSpans.ValueSpan(entry.Key), "flow/" + name, null,
                        $"'{name}' has no value; Kestra requires 'id', 'namespace' and a non-empty 'tasks' list");
                    break;
                case YamlSequence { Items.Count: 0 } when name == "tasks":
                    context.Report(Rule, StructureSpans.ValueSpan(entry.Key), "flow/" + name, null,
                        "'tasks' is empty; a flow needs at least one task");
                    break;
            }
        }

        // Deprecated listeners still count: each one's `tasks` is @NotEmpty like the flow's.
        if (root.GetValue("listeners")?.Resolve() is YamlSequence listeners)
        {
            for (int i = 0; i < listeners.Items.Count; i++)
            {
                if (listeners.Items[i].Resolve() is not YamlMapping listener) continue;
                string path = "listeners[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (!listener.TryGetEntry("tasks", out var tasks))
                    context.Report(Rule, StructureSpans.HeadSpan(listener, listeners.Items[i] as YamlAlias), "flow/" + path, null,
                        $"The listener {path} has no 'tasks'; a listener needs at least one task");
                else if (tasks.Value.Resolve() is YamlScalar { IsNull: true } or YamlSequence { Items.Count: 0 })
                    context.Report(Rule, StructureSpans.ValueSpan(tasks.Key), "flow/" + path, null,
                        $"The listener {path} has no tasks; a listener needs at least one task");
            }
        }
    });
}
