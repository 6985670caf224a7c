using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>Where a rendered value ends up; only execution logs are masked, and only for exact matches.</summary>
public enum ValueSink
{
    /// <summary>Execution logs (masked for secrets registered in the same task run, exact substring only).</summary>
    Logs,

    /// <summary>Task or flow outputs, shown in the Outputs tab and passed on (never masked).</summary>
    Outputs,

    /// <summary>Execution labels (never masked; visible in lists and filters).</summary>
    Labels,

    /// <summary>Metric tags (never masked).</summary>
    Metrics,

    /// <summary>Inputs of a child execution (plaintext unless the child declares them SECRET).</summary>
    ChildExecutionInputs,

    /// <summary>KV store, state store or namespace files (stored in clear).</summary>
    Storage,
}

/// <summary>One property of a core task whose rendered value becomes visible somewhere.</summary>
public sealed class VisibleProperty
{
    public VisibleProperty(string type, string property, ValueSink sink, string note)
    {
        Type = type;
        Property = property;
        Sink = sink;
        Note = note;
    }

    /// <summary>Canonical plugin type.</summary>
    public string Type { get; }

    public string Property { get; }
    public ValueSink Sink { get; }
    public string Note { get; }
}

/// <summary>What makes values visible (research §4.3), as data the secret rules read.</summary>
public static class Visibility
{
    private const string Core = "io.kestra.plugin.core.";

    /// <summary>Task properties whose rendered value is published, one entry per (type, property, sink).</summary>
    public static readonly IReadOnlyList<VisibleProperty> VisibleProperties = new VisibleProperty[]
    {
        new(Core + "log.Log", "message", ValueSink.Logs, "a string or a list of strings, each logged"),
        new(Core + "debug.Echo", "format", ValueSink.Logs, "deprecated Log"),
        new(Core + "debug.Return", "format", ValueSink.Outputs, "the `value` output"),
        new(Core + "debug.Return", "format", ValueSink.Metrics, "also a tag of the task's metrics"),
        new(Core + "debug.Return", "format", ValueSink.Logs, "logged at DEBUG"),
        new(Core + "output.OutputValues", "values", ValueSink.Outputs, "each value becomes an output"),
        new(Core + "execution.Fail", "errorMessage", ValueSink.Logs, "logged at ERROR"),
        new(Core + "execution.Labels", "labels", ValueSink.Labels, "keys and values"),
        new(Core + "flow.Subflow", "inputs", ValueSink.ChildExecutionInputs, "stored with the child execution"),
        new(Core + "flow.Subflow", "labels", ValueSink.Labels, "labels of the child execution"),
        new(Core + "flow.ForEachItem", "inputs", ValueSink.ChildExecutionInputs, "stored with each child execution"),
        new(Core + "flow.ForEachItem", "labels", ValueSink.Labels, "labels of the child executions"),
        new(Core + "http.Request", "uri", ValueSink.Logs, "logged at DEBUG"),
        new(Core + "http.Download", "uri", ValueSink.Logs, "logged"),
        new(Core + "kv.Set", "value", ValueSink.Storage, "stored in the KV store"),
        new(Core + "state.Set", "data", ValueSink.Storage, "stored in the state store"),
        new(Core + "execution.SetVariables", "variables", ValueSink.Outputs, "shown as execution variables"),
    };

    /// <summary>Log tasks (canonical types and aliases) → the properties they log.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> LogTaskTypes = WithAliases(
        (Core + "log.Log", new[] { "message" }),
        (Core + "debug.Echo", new[] { "format" }));

    /// <summary>Tasks whose properties become outputs → those properties.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> OutputTaskTypes = WithAliases(
        (Core + "output.OutputValues", new[] { "values" }),
        (Core + "debug.Return", new[] { "format" }));

    /// <summary>Tasks that write execution labels → the label property.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> LabelTaskTypes = WithAliases(
        (Core + "execution.Labels", new[] { "labels" }));

    /// <summary>Notification plugins send rendered values to third parties (Slack, mail, Teams…).</summary>
    public const string NotificationPluginPrefix = "io.kestra.plugin.notifications.";

    /// <summary>Script plugins (shell, Python, Node…) run inline code on a worker.</summary>
    public const string ScriptPluginPrefix = "io.kestra.plugin.scripts.";

    /// <summary>
    /// Script properties whose rendered text becomes code or a command line: a secret rendered there lands in the
    /// process arguments or script file and in any echo of it.
    /// </summary>
    public static readonly IReadOnlyList<string> ScriptInlineProperties = new[] { "commands", "script", "beforeCommands" };

    /// <summary>
    /// The recommended place for a secret in a script task: environment variables reach the process without being
    /// written into the script text.
    /// </summary>
    public static readonly IReadOnlyList<string> ScriptSafeProperties = new[] { "env" };

    /// <remarks>Kestra 1.x moved most notification tasks to per-service packages; <see cref="SecretSinks"/> knows them all.</remarks>
    public static bool IsNotificationPlugin(string type) => SecretSinks.IsNotificationPlugin(type);

    public static bool IsScriptPlugin(string type) => type.StartsWith(ScriptPluginPrefix, StringComparison.Ordinal);

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> WithAliases(params (string Type, string[] Properties)[] entries)
    {
        // Keyed by every name a flow may write, so a rule can look up the raw `type:` before resolution too.
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (type, properties) in entries)
        {
            map.Add(type, properties);
            if (KestraKnowledge.PluginTypes.TryGetValue(type, out var plugin))
                foreach (var alias in plugin.Aliases) map.Add(alias, properties);
        }
        return map;
    }
}
