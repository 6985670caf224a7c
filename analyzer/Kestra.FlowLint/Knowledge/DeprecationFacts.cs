using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>Where a deprecated property lives.</summary>
public enum DeprecationScope
{
    /// <summary>A top-level flow key.</summary>
    Flow,

    /// <summary>A property of a plugin (task, trigger, condition) whose type starts with <see cref="DeprecatedProperty.TypePrefix"/>.</summary>
    Plugin,

    /// <summary>A property of every trigger.</summary>
    Trigger,

    /// <summary>A property of a flow or task <c>retry</c> block.</summary>
    Retry,

    /// <summary>A property of an input of type <see cref="DeprecatedProperty.TypePrefix"/> (exact).</summary>
    Input,
}

/// <summary>
/// One deprecated property and how to move off it. A fix may only rename the key when <see cref="IsPureRename"/>:
/// the new key takes the same value with the same meaning.
/// </summary>
public sealed class DeprecatedProperty
{
    public DeprecatedProperty(DeprecationScope scope, string? typePrefix, string name, string replacement, bool isPureRename, string guidance, string source)
    {
        Scope = scope;
        TypePrefix = typePrefix;
        Name = name;
        Replacement = replacement;
        IsPureRename = isPureRename;
        Guidance = guidance;
        Source = source;
    }

    public DeprecationScope Scope { get; }

    /// <summary>For <see cref="DeprecationScope.Plugin"/>: a canonical type or a type prefix ending in '.'; for inputs, the input type.</summary>
    public string? TypePrefix { get; }

    public string Name { get; }

    /// <summary>The key to use instead (when <see cref="IsPureRename"/>), else a short name of the replacement.</summary>
    public string Replacement { get; }

    public bool IsPureRename { get; }

    /// <summary>What to do, in a sentence a message can end with.</summary>
    public string Guidance { get; }

    /// <summary>Where the fact comes from (research section or Kestra documentation page).</summary>
    public string Source { get; }

    public bool AppliesTo(string? canonicalType) =>
        TypePrefix is null || (canonicalType is not null && (TypePrefix.EndsWith(".", StringComparison.Ordinal)
            ? canonicalType.StartsWith(TypePrefix, StringComparison.Ordinal)
            : string.Equals(canonicalType, TypePrefix, StringComparison.Ordinal)));
}

/// <summary>A deprecated plugin class (not merely an old name): why moving off it is not a rename.</summary>
public sealed class DeprecatedPluginNote
{
    public DeprecatedPluginNote(string type, string migration, string source)
    {
        Type = type;
        Migration = migration;
        Source = source;
    }

    public string Type { get; }
    public string Migration { get; }
    public string Source { get; }
}

/// <summary>
/// Deprecations beyond what <see cref="CorePlugins"/> and <see cref="FlowSchema"/> mark: how to migrate each
/// deprecated plugin class, which deprecated properties are plain renames (safe to fix), and deprecated properties
/// of plugins outside the core table (script tasks). The KF5xxx rules read these tables.
/// </summary>
public static class DeprecationFacts
{
    private const string Core = "io.kestra.plugin.core.";

    /// <summary>
    /// Deprecated properties. Entries of core plugins and of the flow schema repeat what the property tables mark
    /// deprecated, adding whether the replacement is a rename; a test checks the two agree.
    /// </summary>
    public static readonly IReadOnlyList<DeprecatedProperty> Properties = new[]
    {
        // Flow level (research §2.1; migration guides 0.12.0 "Deprecation of Listeners").
        new DeprecatedProperty(DeprecationScope.Flow, null, "listeners", "afterExecution", false,
            "move the listener's tasks to `afterExecution` (run once the execution ends) or to a Flow trigger in another flow",
            "research §2.1; Kestra migration guide 0.12.0"),

        // Triggers (research §3.7: `minLogLevel` is the deprecated alias of `logLevel`).
        new DeprecatedProperty(DeprecationScope.Trigger, null, "minLogLevel", "logLevel", true,
            "rename it to `logLevel`", "research §3.7"),

        // Schedule (research §3.7, §7.3; migration guide 0.15.0 "Schedule Conditions": use `conditions`).
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "trigger.Schedule", "scheduleConditions", "conditions", true,
            "rename it to `conditions`, which takes the same conditions", "research §3.7; Kestra migration guide 0.15.0"),
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "trigger.Schedule", "backfill", "backfill from the UI or API", false,
            "remove it and start backfills from the UI or the API", "research §3.7"),
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "trigger.Schedule", "interval", "cron", false,
            "remove it: Kestra requires it to be empty and schedules with `cron`", "research §2.3 (ScheduleValidator: interval must be null)"),

        // Tasks (research §4.2; migration guide 0.15.0 "Subflow outputs behavior").
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "flow.Pause", "tasks", "tasks after the Pause task", false,
            "move these tasks after the Pause task", "research §4.2"),
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "flow.Subflow", "outputs", "flow outputs of the subflow", false,
            "declare `outputs` in the subflow and read them as `outputs.<task>.outputs.<id>`", "research §4.2; Kestra migration guide 0.15.0"),

        // HTTP tasks (1.x plugin docs: SSL and failure handling moved under `options`).
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "http.Request", "sslOptions", "options.ssl", false,
            "move it under `options.ssl`", "Kestra 1.x plugin docs (Request: sslOptions deprecated)"),
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "http.Request", "allowFailed", "options.allowFailed", false,
            "move it under `options.allowFailed`", "Kestra 1.x plugin docs (Request: allowFailed deprecated)"),
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "http.Download", "sslOptions", "options.ssl", false,
            "move it under `options.ssl`", "Kestra 1.x plugin docs (Download: sslOptions deprecated)"),
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "http.Download", "allowFailed", "options.allowFailed", false,
            "move it under `options.allowFailed`", "Kestra 1.x plugin docs (Download: allowFailed deprecated)"),

        // Conditions (research §7.3).
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "condition.MultipleCondition", "window", "timeWindow", false,
            "use `timeWindow` (a structure with a type and a window), or the Flow trigger's `preconditions`", "research §7.3"),
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "condition.MultipleCondition", "windowAdvance", "timeWindow", false,
            "use `timeWindow.windowAdvance`, or the Flow trigger's `preconditions`", "research §7.3"),
        new DeprecatedProperty(DeprecationScope.Plugin, Core + "condition.ExecutionNamespace", "prefix", "comparison: PREFIX", false,
            "use `comparison: PREFIX`", "Kestra ExecutionNamespace condition documentation"),

        // Retry (KestraVersionFacts: maxAttempt renamed maxAttempts in 0.24).
        new DeprecatedProperty(DeprecationScope.Retry, null, KestraVersionFacts.RetryMaxAttemptsOldName, KestraVersionFacts.RetryMaxAttemptsName, true,
            "rename it to `" + KestraVersionFacts.RetryMaxAttemptsName + "`", "Kestra 0.24 release notes (retry maxAttempt renamed)"),

        // Inputs (research §3.1: MULTISELECT `options` deprecated for `values`).
        new DeprecatedProperty(DeprecationScope.Input, "MULTISELECT", "options", "values", true,
            "rename it to `values`", "research §3.1"),

        // Script tasks of plugin-scripts (research §4.1 AbstractExecScript; migration guide 0.18.0 "runner to taskRunner").
        new DeprecatedProperty(DeprecationScope.Plugin, "io.kestra.plugin.scripts.", "runner", "taskRunner", false,
            "use `taskRunner` (e.g. `type: io.kestra.plugin.scripts.runner.docker.Docker`) and `containerImage`",
            "research §4.1, §7.3; Kestra migration guide 0.18.0"),
        new DeprecatedProperty(DeprecationScope.Plugin, "io.kestra.plugin.scripts.", "docker", "taskRunner", false,
            "use `containerImage` and a Docker `taskRunner`", "research §4.1, §7.3; Kestra migration guide 0.18.0"),
        new DeprecatedProperty(DeprecationScope.Plugin, "io.kestra.plugin.scripts.", "outputDirectory", "outputFiles", false,
            "list the files to keep in `outputFiles`", "research §4.1, §7.3"),
    };

    /// <summary>
    /// How to move off each deprecated core plugin class. None of them is a pure rename of its replacement (the
    /// properties or the semantics differ), so KF5001 explains instead of fixing.
    /// </summary>
    public static readonly IReadOnlyList<DeprecatedPluginNote> PluginNotes = new[]
    {
        new DeprecatedPluginNote(Core + "debug.Echo", "use io.kestra.plugin.core.log.Log; its `format` becomes `message`", "research §4.1, §7.3"),
        new DeprecatedPluginNote(Core + "flow.EachSequential", "use io.kestra.plugin.core.flow.ForEach; `value` becomes `values`", "research §4.1, §4.2"),
        new DeprecatedPluginNote(Core + "flow.EachParallel", "use io.kestra.plugin.core.flow.ForEach; `value` becomes `values` and `concurrent` becomes `concurrencyLimit` (0 for no limit)", "research §4.1, §4.2"),
        new DeprecatedPluginNote(Core + "flow.Template", "templates are disabled by default: move the template's tasks into a flow and call it with io.kestra.plugin.core.flow.Subflow", "research §4.1; Kestra migration guide 0.11.0"),
        new DeprecatedPluginNote(Core + "storage.LocalFiles", "use `inputFiles`/`outputFiles` of io.kestra.plugin.core.flow.WorkingDirectory or of the script task", "research §4.1"),
        new DeprecatedPluginNote(Core + "state.Set", "use io.kestra.plugin.core.kv.Set, which stores a key/value pair instead of a named state file", "CorePlugins (state tasks deprecated for the KV store)"),
        new DeprecatedPluginNote(Core + "state.Get", "use io.kestra.plugin.core.kv.Get", "CorePlugins (state tasks deprecated for the KV store)"),
        new DeprecatedPluginNote(Core + "state.Delete", "use io.kestra.plugin.core.kv.Delete", "CorePlugins (state tasks deprecated for the KV store)"),
        new DeprecatedPluginNote(Core + "condition.FlowCondition", "use io.kestra.plugin.core.condition.ExecutionFlow, which checks the flow of the execution that triggers", "research §4.1, §7.3"),
        new DeprecatedPluginNote(Core + "condition.FlowNamespaceCondition", "use io.kestra.plugin.core.condition.ExecutionNamespace (`comparison: PREFIX` for the old `prefix: true`)", "research §4.1, §7.3"),
        new DeprecatedPluginNote(Core + "condition.MultipleCondition", "use the Flow trigger's `preconditions`", "research §3.7, §7.3"),
    };

    /// <summary>
    /// Core script tasks removed from Kestra's core in 0.11 (moved to plugin-scripts under new names with different
    /// properties). They are not aliases, so Kestra no longer resolves them at all.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RemovedCoreTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["io.kestra.core.tasks.scripts.Bash"] = "io.kestra.plugin.scripts.shell.Commands (or shell.Script)",
        ["io.kestra.core.tasks.scripts.Python"] = "io.kestra.plugin.scripts.python.Script (or python.Commands)",
        ["io.kestra.core.tasks.scripts.Node"] = "io.kestra.plugin.scripts.node.Script (or node.Commands)",
    };

    private static readonly Dictionary<string, DeprecatedPluginNote> NotesByType = IndexNotes();

    /// <summary>The migration note of a deprecated plugin class, or null.</summary>
    public static DeprecatedPluginNote? FindPluginNote(string canonicalType) => NotesByType.TryGetValue(canonicalType, out var note) ? note : null;

    /// <summary>The deprecated property of that scope and name applying to the type, or null.</summary>
    public static DeprecatedProperty? FindProperty(DeprecationScope scope, string? type, string name)
    {
        // Asked for every key of every typed mapping; nearly every key is not deprecated at all.
        if (!PropertiesByName.Value.TryGetValue(name, out var candidates)) return null;
        foreach (var p in candidates)
            if (p.Scope == scope && p.AppliesTo(type)) return p;
        return null;
    }

    private static readonly Lazy<Dictionary<string, List<DeprecatedProperty>>> PropertiesByName = new(() =>
    {
        var index = new Dictionary<string, List<DeprecatedProperty>>(StringComparer.Ordinal);
        foreach (var p in Properties)
        {
            if (!index.TryGetValue(p.Name, out var list)) index.Add(p.Name, list = new List<DeprecatedProperty>());
            list.Add(p);
        }
        return index;
    });

    private static Dictionary<string, DeprecatedPluginNote> IndexNotes()
    {
        var map = new Dictionary<string, DeprecatedPluginNote>(StringComparer.Ordinal);
        foreach (var note in PluginNotes)
        {
            if (map.ContainsKey(note.Type)) throw new InvalidOperationException("Duplicate deprecation note " + note.Type);
            map.Add(note.Type, note);
        }
        return map;
    }
}
