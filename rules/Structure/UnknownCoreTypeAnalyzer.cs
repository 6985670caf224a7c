using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Structure;

/// <summary>KF4011: a type in the core plugin's packages that no core class or alias claims.</summary>
public sealed class UnknownCoreTypeAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF4011",
        "Unknown core plugin type",
        "'{0}' is not a core Kestra {1} type{2}",
        Categories.Structure,
        DiagnosticSeverity.Error,
        "Kestra resolves every `type:` to a registered plugin class when the flow is saved; a name in the core plugin's packages (`io.kestra.plugin.core.…`, and the pre-0.17 `io.kestra.core.tasks.…`, `io.kestra.core.models.conditions.types.…`, `io.kestra.core.models.triggers.types.…`) that no core class or deprecated alias claims fails with \"Invalid type\", so the flow cannot be saved or run. It is almost always a typo or a class from the wrong package. A core class used as the wrong kind (a trigger under `tasks`, a task under `triggers` or `conditions`) fails the same way. Deprecated aliases are valid (KF5001 suggests today's name); types of other plugins are not judged, since FlowLint cannot know which plugins an instance has.",
        tags: new[] { "structure", "plugins" },
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Logs\n    message: Hello\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: Hello\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterTaskAction(c => Check(c, c.Task.Node, c.Task.ViaAlias, PluginKind.Task, c.Task.OwnerPath));
        context.RegisterFlowAction(c =>
        {
            foreach (var site in PluginSites.NonTaskPlugins(c.Flow))
                Check(c, site.Node, site.ViaAlias, site.Kind, site.OwnerPath);
        });
    }

    private static void Check(AnalysisCallbackContext context, YamlMapping node, YamlAlias? viaAlias, PluginKind expected, string ownerPath)
    {
        if (!node.TryGetValue("type", out var typeNode) || PluginSites.Text(typeNode) is not { } type) return;
        type = type.Trim();
        if (type.Length == 0 || PluginSites.IsTemplated(type) || !StructureKnowledge.IsCorePackage(type)) return;
        string kind = KindName(expected);
        var alias = viaAlias ?? typeNode as YamlAlias;
        if (KestraKnowledge.GetPlugin(type) is { } known)
        {
            // A core class in the wrong place (a trigger under tasks) does not deserialize as that kind either.
            if (known.Kind != expected)
                context.Report(Rule, PluginSites.SpanOf(typeNode, alias), ownerPath, null, DidYouMean.Excerpt(type), kind, $" (it is a {KindName(known.Kind)} type)");
            return;
        }
        if (StructureKnowledge.IsKnownCoreType(type)) return;

        var candidates = Candidates(type);
        string suffix = candidates.Count switch
        {
            0 => "",
            1 => $" (did you mean '{candidates[0]}'?)",
            _ => $" (did you mean one of '{string.Join("', '", candidates)}'?)",
        };
        var fix = candidates.Count == 1 ? PluginSites.ReplaceScalar(typeNode, alias, "Use " + candidates[0], candidates[0]) : null;
        context.Report(Rule, PluginSites.SpanOf(typeNode, alias), ownerPath, fix is null ? null : new[] { fix },
            DidYouMean.Excerpt(type), kind, suffix);
    }

    /// <summary>
    /// Suggestions by type name: they compare the name with every core type, and the same wrong name recurs
    /// across a repository's flows and on every keystroke in the editor.
    /// </summary>
    private static readonly BoundedAnswers<IReadOnlyList<string>> KnownCandidates = new(1024);

    /// <summary>
    /// The core types a misspelt one most likely meant, best first: the same class name in another package
    /// (<c>core.flow.Log</c> → <c>core.log.Log</c>), else a close class name in the same package, else a name
    /// within two edits. Comparing whole names would match anything, since they share a long prefix.
    /// </summary>
    internal static IReadOnlyList<string> Candidates(string type) => KnownCandidates.GetOrAdd(type, static t => FindCandidates(t));

    private static List<string> FindCandidates(string type)
    {
        string package = PackageOf(type), simple = SimpleName(type);
        var sameName = new List<string>();
        var samePackage = new List<(string Name, int Distance)>();
        var anywhere = new List<string>();
        foreach (var known in StructureKnowledge.AllCoreTypeNames())
        {
            // Suggest today's names, not deprecated aliases, unless the user is writing in an old package.
            bool isAlias = KestraKnowledge.Aliases.ContainsKey(known);
            string knownSimple = SimpleName(known);
            bool inPackage = PackageOf(known) == package;
            if (string.Equals(knownSimple, simple, StringComparison.OrdinalIgnoreCase) && (!isAlias || inPackage)) sameName.Add(known);
            // An edit distance is at least the difference in length: most names are ruled out without computing it.
            int within = Math.Max(1, Math.Max(simple.Length, knownSimple.Length) / 3);
            if (inPackage && Math.Abs(simple.Length - knownSimple.Length) <= within)
            {
                int d = DidYouMean.Distance(simple, knownSimple);
                if (d <= within) samePackage.Add((known, d));
            }
            if (!isAlias && Math.Abs(type.Length - known.Length) <= 2 && DidYouMean.Distance(type, known) <= 2) anywhere.Add(known);
        }
        if (sameName.Count > 0) return Distinct(sameName);
        if (samePackage.Count > 0)
        {
            int best = int.MaxValue;
            foreach (var (_, d) in samePackage) best = Math.Min(best, d);
            var closest = new List<string>();
            foreach (var (name, d) in samePackage) if (d == best) closest.Add(name);
            return Distinct(closest);
        }
        return Distinct(anywhere);
    }

    private static List<string> Distinct(List<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var n in names) if (seen.Add(n)) result.Add(n);
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static string PackageOf(string type)
    {
        int dot = type.LastIndexOf('.');
        return dot < 0 ? "" : type.Substring(0, dot + 1);
    }

    private static string SimpleName(string type) => type.Substring(type.LastIndexOf('.') + 1);

    private static string KindName(PluginKind kind) => kind switch
    {
        PluginKind.Trigger => "trigger",
        PluginKind.Condition => "condition",
        PluginKind.TaskRunner => "task runner",
        _ => "task",
    };
}
