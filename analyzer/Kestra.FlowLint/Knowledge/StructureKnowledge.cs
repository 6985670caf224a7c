using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// Facts the structure rules (KF4011–KF4019) need beyond the plugin tables: which type names Kestra's core
/// plugin owns, the core classes 1.x ships whose properties FlowLint does not model, and the properties every
/// task or trigger accepts in recent 1.x releases on top of <see cref="FlowSchema.TaskCommonProperties"/>.
/// </summary>
public static class StructureKnowledge
{
    /// <summary>
    /// Packages the core plugin owns: its 1.x package and the pre-0.17 names its aliases live under. A type in one
    /// of them that no core class or alias claims is an error ("Invalid type"); other plugins' types are not judged.
    /// </summary>
    private static readonly string[] CorePackages =
    {
        "io.kestra.plugin.core.",
        "io.kestra.core.tasks.",
        "io.kestra.core.models.conditions.types.",
        "io.kestra.core.models.triggers.types.",
    };

    /// <summary>
    /// Packages under those prefixes that other jars provide: the legacy script tasks (plugin-scripts keeps
    /// <c>io.kestra.core.tasks.scripts.Bash</c> etc. as aliases), Kestra's own test plugins, and dashboards.
    /// </summary>
    private static readonly string[] NotCorePackages =
    {
        "io.kestra.core.tasks.scripts.",
        "io.kestra.core.tasks.test.",
        "io.kestra.plugin.core.dashboard.",
    };

    /// <summary>
    /// Core classes of 1.x that the plugin tables do not describe yet: known to exist (so never "unknown"),
    /// with no property list (so never judged for unknown properties).
    /// </summary>
    public static readonly IReadOnlyList<string> OtherCoreTypes = new[]
    {
        "io.kestra.plugin.core.execution.Exit",
        "io.kestra.plugin.core.execution.Assert",
        "io.kestra.plugin.core.execution.UnsetVariables",
        "io.kestra.plugin.core.storage.Write",
        "io.kestra.plugin.core.metric.Publish",
        "io.kestra.plugin.core.kv.PurgeKV",
        "io.kestra.plugin.core.namespace.PurgeFiles",
        "io.kestra.plugin.core.http.SseRequest",
        "io.kestra.plugin.core.flow.ChildFlow",
        "io.kestra.plugin.core.flow.EmbeddedSubflow",
        "io.kestra.plugin.core.condition.ExecutionLabelsCondition",
    };

    private static readonly HashSet<string> OtherCoreTypeSet = new(OtherCoreTypes, StringComparer.Ordinal);

    /// <summary>
    /// Properties recent 1.x releases accept on every task and trigger besides the ones of Task.java/AbstractTrigger.java:
    /// <c>pluginDefaultsRef</c> (a named pluginDefaults entry to apply) appears on every 1.x plugin page.
    /// </summary>
    public static readonly IReadOnlyList<string> ExtraCommonProperties = new[] { "pluginDefaultsRef" };

    /// <summary>True for a type name in a package the core plugin owns (whether or not the class exists).</summary>
    public static bool IsCorePackage(string type)
    {
        foreach (var excluded in NotCorePackages)
            if (type.StartsWith(excluded, StringComparison.Ordinal)) return false;
        foreach (var prefix in CorePackages)
            if (type.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A core class or alias Kestra 1.x registers (modelled in <see cref="CorePlugins"/> or listed in <see cref="OtherCoreTypes"/>).</summary>
    public static bool IsKnownCoreType(string type) => KestraKnowledge.ResolveType(type).IsKnown || OtherCoreTypeSet.Contains(type);

    /// <summary>Every core type name (canonical, alias, unmodelled), for "did you mean".</summary>
    public static IEnumerable<string> AllCoreTypeNames()
    {
        foreach (var type in KestraKnowledge.PluginTypes.Keys) yield return type;
        foreach (var alias in KestraKnowledge.Aliases.Keys) yield return alias;
        foreach (var other in OtherCoreTypes) yield return other;
    }

    /// <summary>
    /// URI schemes a FILE input's <c>defaults</c> may use: 1.x accepts a FILE default only as a URI Kestra can read
    /// (<c>nsfile:///</c> namespace files, <c>file:///</c> allowed local paths, <c>kestra:///</c> internal storage).
    /// </summary>
    public static readonly IReadOnlyList<string> FileDefaultSchemes = new[] { "nsfile://", "file://", "kestra://" };
}
