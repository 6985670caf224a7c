using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Deprecations;

/// <summary>KF5001: a task, trigger, condition or task-runner type written with a deprecated name, or a deprecated plugin.</summary>
public sealed class DeprecatedTypeAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF5001",
        "Deprecated plugin type",
        "Type '{0}' is deprecated: {1}",
        Categories.Deprecations,
        DiagnosticSeverity.Warning,
        "Kestra renamed its core plugins (`io.kestra.core.tasks.*` became `io.kestra.plugin.core.*`, conditions and triggers moved out of `io.kestra.core.models.*`) and keeps the old names only as aliases: the editor's schema does not know them, so there is no completion or validation for those blocks, and every save reports \"is replaced by\". Some plugins are deprecated outright (`debug.Echo`, `EachSequential`, `EachParallel`, `Template`, `LocalFiles`, the state tasks, `FlowCondition`, `MultipleCondition`…) and will be removed. A renamed type is fixed automatically (only the type's text changes, its quoting is kept); a deprecated plugin needs its properties migrated, which the message explains. Sources: research/kestra-domain.md §4.1 (`@Plugin(aliases=…)`), §7.3 (the editor's `deprecationPaths` and \"is replaced by\" infos).",
        tags: new[] { "deprecation", "fixable" },
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.core.tasks.log.Log\n    message: Hello\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterFlowAction(flow =>
        DeprecationEdits.ForEachTypedMapping(flow.Flow.Root, (_, type) =>
        {
            string name = type.Value;
            var resolution = KestraKnowledge.ResolveType(name);
            // Only written out when reported: this runs for every typed mapping of every flow.
            string owner = resolution.IsAlias || resolution.Plugin is { IsDeprecated: true } || DeprecationFacts.RemovedCoreTypes.ContainsKey(name)
                ? DeprecationEdits.OwnerPath(type) : "";
            if (resolution.IsAlias)
            {
                string canonical = resolution.CanonicalType;
                if (DeprecationFacts.FindPluginNote(canonical) is { } note)
                {
                    // Renaming to a name that is itself deprecated would only move the warning: explain the real migration.
                    flow.Report(Rule, type.Span, owner, null, name, "it is the old name of " + canonical + ", itself deprecated: " + note.Migration + " (not a rename, so no automatic fix)");
                    return;
                }
                var edit = DeprecationEdits.RenameScalar(flow.Text, type, canonical);
                flow.Report(Rule, type.Span, owner, edit is { } e ? DeprecationEdits.Fix("Rename to " + canonical, e) : null,
                    name, "it was renamed " + canonical);
                return;
            }
            if (resolution.Plugin is { IsDeprecated: true } plugin)
            {
                string migration = DeprecationFacts.FindPluginNote(plugin.Type)?.Migration ?? "use " + plugin.Replacement;
                flow.Report(Rule, type.Span, owner, null, name, migration + " (not a rename, so no automatic fix)");
                return;
            }
            if (DeprecationFacts.RemovedCoreTypes.TryGetValue(name, out var moved))
                flow.Report(Rule, type.Span, owner, null, name, "the core script tasks moved to the script plugins in 0.11; use " + moved + " (its properties differ, so no automatic fix)");
        }));
}
