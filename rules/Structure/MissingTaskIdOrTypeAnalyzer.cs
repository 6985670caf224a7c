using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4007: a task (at any depth) or a trigger without `id` or without `type`.</summary>
public sealed class MissingTaskIdOrTypeAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4007",
        "Task or trigger without id or type",
        "{0} at {1} has no {2}; every task and trigger needs an 'id' and a 'type'",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Kestra builds each task and trigger from its `type` (the plugin class) and tracks it by its `id`; both are required (`@NotNull`). Without a `type` the flow cannot even be parsed; without an `id` it fails validation. Nested tasks (in `Parallel`, `If`, `Switch`, `ForEach`, a `Dag` entry's `task`…) are checked like top-level ones. A common cause is a list item split in two by a stray `-`.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - type: io.kestra.plugin.core.log.Log\n    message: hi\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(context =>
    {
        // A syntax error (KF4001) can cut a task in two: what follows it is not missing, only unread.
        if (StructureSpans.IsIncomplete(context.Flow)) return;
        // A task reached again through an alias is the same definition: report it once, where it is written.
        var seen = new FirstVisits<YamlMapping>(context.Flow);
        void Check(YamlMapping node, string what, string path, string ownerPath)
        {
            if (!seen.Add(node)) return;
            // A value of the wrong shape (a list as id) is present: KF4003 or the type rules judge it.
            bool hasId = IsPresent(node.GetValue("id"));
            bool hasType = IsPresent(node.GetValue("type"));
            if (hasId && hasType) return;
            string missing = !hasId && !hasType ? "'id' and no 'type'" : hasId ? "'type'" : "'id'";
            context.Report(Rule, Where(node, hasId ? "type" : "id"), ownerPath, null, what, path, missing);
        }

        foreach (var task in context.Flow.AllTasks) Check(task.Node, "Task", task.PropertyPath, task.OwnerPath);
        foreach (var trigger in context.Flow.Triggers) Check(trigger.Node, "Trigger", trigger.PropertyPath, trigger.OwnerPath);
    });

    private static bool IsPresent(YamlNode? value) => value is not null && value.Resolve() is not YamlScalar { IsNull: true };

    /// <summary>The empty `id:`/`type:` key when there is one, else the item's first key.</summary>
    private static Text.TextSpan Where(YamlMapping node, string key) =>
        node.TryGetEntry(key, out var entry) ? StructureSpans.ValueSpan(entry.Key) : StructureSpans.HeadSpan(node, null);
}
