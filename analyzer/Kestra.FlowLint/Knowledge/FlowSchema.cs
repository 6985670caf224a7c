using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Kestra.FlowLint.Knowledge;

/// <summary>An input type of Kestra's <c>Type</c> enum with the properties only that type accepts.</summary>
public sealed class InputTypeInfo
{
    public InputTypeInfo(string name, IReadOnlyDictionary<string, PropertyInfo> properties, bool deprecated, string? replacement, string description)
    {
        Name = name;
        Properties = properties;
        Deprecated = deprecated;
        Replacement = replacement;
        Description = description;
    }

    /// <summary>The YAML value of <c>type:</c> (upper case).</summary>
    public string Name { get; }

    /// <summary>Type-specific properties, in addition to <see cref="FlowSchema.InputCommonProperties"/>.</summary>
    public IReadOnlyDictionary<string, PropertyInfo> Properties { get; }

    public bool Deprecated { get; }
    public string? Replacement { get; }
    public string Description { get; }

    /// <summary>SECRET values are encrypted at rest and masked in logs; everything else is stored in clear.</summary>
    public bool IsSecret => string.Equals(Name, "SECRET", StringComparison.Ordinal);
}

/// <summary>An identifier rule Kestra's validation enforces (Jakarta <c>@Pattern</c> full match plus <c>@Size</c>).</summary>
public sealed class IdRule
{
    public IdRule(string what, string pattern, int? maxLength, string description)
    {
        What = what;
        Pattern = pattern;
        MaxLength = maxLength;
        Description = description;
        _classes = SimpleClasses.TryParse(pattern);
    }

    public string What { get; }

    /// <summary>The pattern as Kestra declares it (Java syntax, compatible with .NET here).</summary>
    public string Pattern { get; }

    /// <summary>
    /// The pattern as a .NET regex, built on first use: FlowSchema's seven rules were built with the schema,
    /// although a flow without triggers, outputs or worker groups never checks three of them.
    /// </summary>
    // Jakarta @Pattern matches the whole value; anchor it so Regex.IsMatch means the same thing (\z, not $,
    // which .NET also lets match before a final line break, as in `id: |` block scalars).
    public Regex Regex => _regex ??= new Regex("^(?:" + Pattern.TrimStart('^').TrimEnd('$') + ")\\z", RegexOptions.CultureInvariant);

    private Regex? _regex;
    public int? MaxLength { get; }
    public string Description { get; }

    public bool IsValid(string value)
    {
        if ((MaxLength is int max && value.Length > max) || value.Length == 0) return false;
        if (_classes is not { } classes) return Regex.IsMatch(value);
        // Every id pattern is `^[first][rest]*` over ASCII: two lookups a character instead of a regex match per id.
        if (value[0] >= 128 || !classes.First[value[0]]) return false;
        for (int i = 1; i < value.Length; i++)
            if (value[i] >= 128 || !classes.Rest[value[i]]) return false;
        return true;
    }

    private readonly SimpleClasses? _classes;

    /// <summary>`^[first][rest]*$` with plain ASCII classes (characters and ranges, no escapes), as two tables.</summary>
    private sealed class SimpleClasses
    {
        public readonly bool[] First = new bool[128];
        public readonly bool[] Rest = new bool[128];

        public static SimpleClasses? TryParse(string pattern)
        {
            var result = new SimpleClasses();
            int i = pattern.StartsWith("^", StringComparison.Ordinal) ? 1 : 0;
            if (!Class(pattern, ref i, result.First) || !Class(pattern, ref i, result.Rest)) return null;
            if (i >= pattern.Length || pattern[i] != '*') return null;
            i++;
            if (i < pattern.Length && pattern[i] == '$') i++;
            return i == pattern.Length ? result : null;
        }

        private static bool Class(string p, ref int i, bool[] into)
        {
            if (i >= p.Length || p[i] != '[') return false;
            int end = p.IndexOf(']', i + 1);
            if (end <= i + 1) return false;
            for (int k = i + 1; k < end; k++)
            {
                char c = p[k];
                if (c >= 128 || c == '\\' || c == '[' || (c == '^' && k == i + 1)) return false;
                // A dash between two characters is a range; first or last it is itself.
                if (k + 2 < end && p[k + 1] == '-')
                {
                    char to = p[k + 2];
                    if (to >= 128 || to < c || to == '\\' || to == '[') return false;
                    for (char r = c; r <= to; r++) into[r] = true;
                    k += 2;
                }
                else into[c] = true;
            }
            i = end + 1;
            return true;
        }
    }
}

/// <summary>The shape of a flow document and of its non-plugin parts (inputs, outputs, checks, SLA…).</summary>
public static class FlowSchema
{
    private static PropertyInfo Static(string name, bool required = false, string? note = null,
        bool deprecated = false, string? replacement = null)
        => new(name, rendered: false, required: required, deprecated: deprecated, replacement: replacement, note: note);

    private static PropertyInfo Rendered(string name, bool required = false, string? note = null)
        => new(name, rendered: true, required: required, note: note);

    private static PropertyInfo TaskList(string name, bool required = false, string? note = null)
        => new(name, required: required, nested: NestedShape.TaskList, note: note);

    private static IReadOnlyDictionary<string, PropertyInfo> Props(string owner, params PropertyInfo[] properties)
        => PropertyInfo.Index(owner, properties);

    /// <summary>
    /// Top-level flow keys Kestra 1.x accepts (its parser rejects any other). No top-level value is rendered as a
    /// whole: where parts of one are rendered (output <c>value</c>, check <c>condition</c>…) the sub-schemas say so.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> FlowProperties = Props("flow",
        Static("id", required: true),
        Static("namespace", required: true),
        Static("revision", note: "managed by Kestra"),
        Static("description", note: "Markdown, never rendered"),
        Static("labels", note: "a map or a list of {key, value}; not rendered; no system.* keys except system.readOnly"),
        Static("inputs"),
        Static("variables", note: "exposed as vars.*; values stay raw strings unless a consumer calls render()"),
        TaskList("tasks", required: true),
        TaskList("errors", note: "run when the execution fails"),
        TaskList("finally", note: "run at the end whatever the state (0.21+)"),
        TaskList("afterExecution", note: "run once the execution is terminated, e.g. notifications (0.22+)"),
        Static("listeners", deprecated: true, replacement: "afterExecution, or a Flow trigger in another flow"),
        new PropertyInfo("triggers", nested: NestedShape.PluginList),
        Static("pluginDefaults", note: "values are rendered when applied to a matching plugin"),
        Static("taskDefaults", deprecated: true, replacement: "pluginDefaults"),
        Static("concurrency"),
        Static("outputs", note: "each output's value is rendered at the end of the execution"),
        Static("retry"),
        Static("sla", note: "beta"),
        Static("checks", note: "conditions evaluated before an execution is created"),
        Static("disabled"),
        Static("deleted", note: "internal"),
        Static("tenantId", note: "internal; set by the server"),
        Static("workerGroup", note: "Enterprise Edition: the worker group every task of the flow runs on"));

    /// <summary>Deprecated <c>listeners[]</c> entries; their tasks count as flow tasks (duplicate ids, walking).</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> ListenerProperties = Props("listener",
        Static("description"),
        new PropertyInfo("conditions", nested: NestedShape.PluginList),
        TaskList("tasks", required: true));

    /// <summary>Properties every input accepts, whatever its type.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> InputCommonProperties = Props("input",
        Static("id", required: true),
        Static("type", required: true),
        Static("name", deprecated: true, replacement: "id"),
        Static("description"),
        Static("displayName", note: "at most 64 characters"),
        Static("required", note: "default true"),
        new PropertyInfo("defaults", rendered: KestraVersionFacts.InputDefaultsRendered,
            note: "rendered since 1.0; a SECRET input's default is plaintext in the flow source"),
        new PropertyInfo("prefill", rendered: KestraVersionFacts.InputDefaultsRendered, note: "an editable initial value"),
        Static("dependsOn", note: "{inputs: [ids], condition: expression}"));

    /// <summary>The <c>dependsOn</c> block of an input: only <c>condition</c> is an expression.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> InputDependsOnProperties = Props("input.dependsOn",
        Static("inputs"),
        Rendered("condition"));

    private static InputTypeInfo Input(string name, string description, params PropertyInfo[] properties)
        => new(name, Props("input " + name, properties), false, null, description);

    private static InputTypeInfo DeprecatedInput(string name, string replacement, string description, params PropertyInfo[] properties)
        => new(name, Props("input " + name, properties), true, replacement, description);

    private static readonly InputTypeInfo[] InputTypeTable =
    {
        Input("STRING", "Any string.", Static("validator", note: "a Java regex")),
        DeprecatedInput("ENUM", "SELECT", "One of fixed values (deprecated).", Static("values", required: true)),
        Input("SELECT", "One value from a list or an expression.",
            Static("values"), Rendered("expression", note: "evaluated to produce the values"), Static("allowCustomValue"),
            Static("isRadio"), Static("autoSelectFirst")),
        Input("MULTISELECT", "Several values from a list or an expression.",
            Static("values"), Static("options", deprecated: true, replacement: "values"),
            Rendered("expression", note: "evaluated to produce the values"), Static("itemType"), Static("allowCustomValue"),
            Static("autoSelectFirst")),
        Input("INT", "An integer.", Static("min"), Static("max")),
        Input("FLOAT", "A decimal number.", Static("min"), Static("max")),
        DeprecatedInput("BOOLEAN", KestraVersionFacts.BoolInputType, "True, false or unset (deprecated since 0.23)."),
        Input(KestraVersionFacts.BoolInputType, "A true/false toggle (0.23+)."),
        Input("DATETIME", "An ISO-8601 date-time.", Static("after"), Static("before")),
        Input("DATE", "An ISO-8601 date.", Static("after"), Static("before")),
        Input("TIME", "An ISO-8601 time.", Static("after"), Static("before")),
        Input("DURATION", "An ISO-8601 duration.", Static("min"), Static("max")),
        Input("FILE", "An uploaded file, or a default from nsfile:/// or file:///.",
            Static("allowedFileExtensions"), Static("extension")),
        Input("JSON", "A JSON document."),
        Input("YAML", "A YAML document."),
        Input("URI", "A URI."),
        Input("EMAIL", "An e-mail address."),
        Input("SECRET", "A value encrypted at rest and masked in logs; needs kestra.encryption.secret-key.",
            Static("validator", note: "a Java regex")),
        Input("ARRAY", "A list of typed items.", Static("itemType", required: true, note: "any type but ARRAY")),
    };

    /// <summary>Input types by their YAML name.</summary>
    public static readonly IReadOnlyDictionary<string, InputTypeInfo> InputTypes = IndexInputs(InputTypeTable);

    /// <summary>Flow <c>outputs[]</c> entries. <c>value</c> is rendered when the execution ends.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> OutputProperties = Props("output",
        Static("id", required: true),
        Static("type", required: true, note: "an input type name; SECRET outputs are encrypted, all others stored in clear"),
        Rendered("value", required: true),
        Static("description"),
        Static("displayName"),
        Static("required"));

    /// <summary>Flow <c>checks[]</c> entries (1.x): evaluated against inputs before an execution is created.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> CheckProperties = Props("check",
        Rendered("condition", required: true),
        Rendered("message", required: true),
        Static("style", note: "ERROR, WARNING, INFO, SUCCESS"),
        Static("behavior", note: "BLOCK_EXECUTION, FAIL_EXECUTION, CREATE_EXECUTION"));

    /// <summary>Flow <c>sla[]</c> entries (beta).</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> SlaProperties = Props("sla",
        Static("id", required: true),
        Static("type", required: true, note: "MAX_DURATION or EXECUTION_ASSERTION"),
        Static("duration"),
        Rendered("assert", note: "an expression evaluated against the execution"),
        Static("behavior", note: "FAIL, CANCEL, NONE"),
        Rendered("labels"));

    /// <summary>Flow <c>concurrency</c>.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> ConcurrencyProperties = Props("concurrency",
        Static("limit", required: true, note: "positive"),
        Static("behavior", note: "QUEUE (default), CANCEL, FAIL"));

    /// <summary>Retry blocks of flows and tasks (<c>type</c>: constant, exponential, random).</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> RetryProperties = Props("retry",
        Static("type", required: true),
        Static("interval"),
        Static("maxInterval"),
        Static("minInterval"),
        Static("delayFactor"),
        Static(KestraVersionFacts.RetryMaxAttemptsName),
        Static(KestraVersionFacts.RetryMaxAttemptsOldName, deprecated: true, replacement: KestraVersionFacts.RetryMaxAttemptsName),
        Static("maxDuration"),
        Static("warningOnRetry"),
        Static("behavior", note: "RETRY_FAILED_TASK or CREATE_NEW_EXECUTION"));

    /// <summary><c>pluginDefaults[]</c> entries; <c>type</c> is a full type or a prefix of types.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> PluginDefaultProperties = Props("pluginDefault",
        Static("type", required: true, note: "a type or a type prefix"),
        Static("forced", note: "default false: the task's own value wins"),
        Static("values", required: true, note: "merged into every matching plugin, where they are rendered like the plugin's own"));

    /// <summary>Properties shared by every plugin (tasks, triggers, conditions, task runners).</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> PluginCommonProperties = Props("plugin",
        Static("type", required: true),
        Static("version", note: "plugin version pin (0.22+); reserved for every plugin"));

    /// <summary>Properties every task accepts (Task.java), beyond its own.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> TaskCommonProperties = Props("task",
        Static("id", required: true),
        Static("type", required: true),
        Static("version", note: "plugin version pin (0.22+)"),
        Static("description", note: "Markdown, never rendered"),
        Static("retry"),
        Rendered("timeout", note: "an ISO-8601 duration"),
        Static("disabled"),
        Static("workerGroup", note: "Enterprise Edition"),
        Static("logLevel"),
        Static("allowFailure"),
        Static("allowWarning"),
        Static("logToFile"),
        Rendered("runIf", note: "the task is skipped when it renders to false"));

    /// <summary>Properties every trigger accepts (AbstractTrigger.java), beyond its own.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> TriggerCommonProperties = Props("trigger",
        Static("id", required: true),
        Static("type", required: true),
        Static("version", note: "plugin version pin (0.22+)"),
        Static("description", note: "Markdown, never rendered"),
        new PropertyInfo("conditions", nested: NestedShape.PluginList),
        Static("disabled"),
        Static("workerGroup", note: "Enterprise Edition"),
        Static("logLevel"),
        Static("minLogLevel", deprecated: true, replacement: "logLevel"),
        Rendered("labels", note: "rendered per trigger; no system.* keys"),
        Static("stopAfter"),
        Static("logToFile"));

    // ---- identifier rules (validation annotations of AbstractFlow, Task, AbstractTrigger, Input, Output) ----

    /// <summary>Flow <c>id</c>: dots and upper case allowed; 1–100 characters.</summary>
    public static readonly IdRule FlowId = new("flow id", "^[a-zA-Z0-9][a-zA-Z0-9._-]*", 100,
        "letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters");

    /// <summary>Flow <c>namespace</c>: lower case only; 1–150 characters.</summary>
    public static readonly IdRule Namespace = new("namespace", "^[a-z0-9][a-z0-9._-]*", 150,
        "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most 150 characters");

    /// <summary>Task and trigger ids: no dots (they are used as keys in <c>outputs.id</c>).</summary>
    public static readonly IdRule TaskId = new("task id", "^[a-zA-Z0-9][a-zA-Z0-9_-]*", null,
        "letters, digits, '_' or '-' (no '.'), starting with a letter or digit");

    /// <summary>Trigger ids follow the task id rule.</summary>
    public static readonly IdRule TriggerId = new("trigger id", "^[a-zA-Z0-9][a-zA-Z0-9_-]*", null,
        "letters, digits, '_' or '-' (no '.'), starting with a letter or digit");

    /// <summary>Input and output ids: dots allowed (they make nested inputs).</summary>
    public static readonly IdRule InputId = new("input id", "^[a-zA-Z0-9][.a-zA-Z0-9_-]*", null,
        "letters, digits, '.', '_' or '-', starting with a letter or digit");

    /// <summary>Flow output ids follow the input id rule.</summary>
    public static readonly IdRule OutputId = new("output id", "^[a-zA-Z0-9][.a-zA-Z0-9_-]*", null,
        "letters, digits, '.', '_' or '-', starting with a letter or digit");

    /// <summary>Worker group keys.</summary>
    public static readonly IdRule WorkerGroupKey = new("worker group key", "^[a-zA-Z0-9][a-zA-Z0-9_-]*", null,
        "letters, digits, '_' or '-', starting with a letter or digit");

    /// <summary>Label keys with this prefix are reserved; flows may only set <c>system.readOnly</c>.</summary>
    public const string SystemLabelPrefix = "system.";

    /// <summary>The one system label a flow may declare.</summary>
    public const string AllowedFlowSystemLabel = "system.readOnly";

    private static IReadOnlyDictionary<string, InputTypeInfo> IndexInputs(InputTypeInfo[] table)
    {
        var map = new Dictionary<string, InputTypeInfo>(table.Length, StringComparer.Ordinal);
        foreach (var t in table) map.Add(t.Name, t);
        return map;
    }
}
