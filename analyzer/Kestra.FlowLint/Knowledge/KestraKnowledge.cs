using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// The entry point to FlowLint's knowledge of Kestra 1.x: the Pebble surface, the flow schema, core plugins,
/// rendering and visibility. Everything is built once, on first use, from C# tables (no reflection, no JSON at run
/// time, so NativeAOT keeps working); lookups are ordinal and case-sensitive, as Kestra's are.
/// </summary>
public static class KestraKnowledge
{
    // ---------------- Pebble ----------------

    /// <summary>Functions callable in expressions, by name.</summary>
    public static readonly IReadOnlyDictionary<string, CallableInfo> Functions = PebbleCatalog.Index(PebbleCatalog.FunctionTable);

    /// <summary>Filters, by name.</summary>
    public static readonly IReadOnlyDictionary<string, CallableInfo> Filters = PebbleCatalog.Index(PebbleCatalog.FilterTable);

    /// <summary>Tests (<c>x is name</c>), by name.</summary>
    public static readonly IReadOnlyDictionary<string, CallableInfo> Tests = PebbleCatalog.Index(PebbleCatalog.TestTable);

    /// <summary>Pebble tags Kestra removed; using one fails with "Unexpected tag name".</summary>
    public static readonly IReadOnlyDictionary<string, RemovedCallable> RemovedTags = IndexRemoved(PebbleCatalog.RemovedTagTable);

    /// <summary>Pebble filters Kestra removed, with the replacement where one exists.</summary>
    public static readonly IReadOnlyDictionary<string, RemovedCallable> RemovedFilters = IndexRemoved(PebbleCatalog.RemovedFilterTable);

    /// <summary>Tag names Pebble still parses in Kestra (<c>raw</c> is Kestra's single-line pre-pass, not a tag).</summary>
    public static readonly IReadOnlyList<string> KeptTags = PebbleCatalog.KeptTagTable;

    private static readonly HashSet<string> KeptTagSet = new(PebbleCatalog.KeptTagTable, StringComparer.Ordinal);

    public static bool IsKeptTag(string name) => KeptTagSet.Contains(name);

    /// <summary>Root variables of the rendering context, by name.</summary>
    public static readonly IReadOnlyDictionary<string, ContextVariableInfo> ContextVariables = IndexBy(ContextVariableCatalog.Table, v => v.Name);

    /// <summary>Names Pebble defines inside tags (<c>loop</c> in for; <c>_context</c> passed to macros).</summary>
    public static readonly IReadOnlyDictionary<string, PebbleBuiltinInfo> PebbleBuiltins = IndexBy(ContextVariableCatalog.BuiltinTable, b => b.Name);

    /// <summary>The function, filter or test of that kind and name, or null.</summary>
    public static CallableInfo? FindCallable(CallableKind kind, string name)
    {
        var table = kind switch
        {
            CallableKind.Function => Functions,
            CallableKind.Filter => Filters,
            _ => Tests,
        };
        return table.TryGetValue(name, out var info) ? info : null;
    }

    // ---------------- Flow structure (see FlowSchema for the rest) ----------------

    public static IReadOnlyDictionary<string, PropertyInfo> FlowProperties => FlowSchema.FlowProperties;
    public static IReadOnlyDictionary<string, InputTypeInfo> InputTypes => FlowSchema.InputTypes;
    public static IReadOnlyDictionary<string, PropertyInfo> InputCommonProperties => FlowSchema.InputCommonProperties;
    public static IReadOnlyDictionary<string, PropertyInfo> OutputProperties => FlowSchema.OutputProperties;
    public static IReadOnlyDictionary<string, PropertyInfo> TaskCommonProperties => FlowSchema.TaskCommonProperties;
    public static IReadOnlyDictionary<string, PropertyInfo> TriggerCommonProperties => FlowSchema.TriggerCommonProperties;

    // ---------------- Plugins ----------------

    /// <summary>Core plugins by canonical type.</summary>
    public static readonly IReadOnlyDictionary<string, PluginInfo> PluginTypes = IndexBy(CorePlugins.Table, p => p.Type);

    /// <summary>Every deprecated alias → its canonical type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = IndexAliases(CorePlugins.Table);

    /// <summary>
    /// Resolves a <c>type:</c> value: a canonical core type, a deprecated alias of one (<see cref="TypeResolution.IsAlias"/>),
    /// or an unknown type returned unchanged with no plugin.
    /// </summary>
    public static TypeResolution ResolveType(string type)
    {
        // The model and several rules resolve the same task's type one after another, with the same string: the
        // last answer of each thread is kept (hashing a 30-character type name twice is not free).
        if (t_lastType is { } lastType && ReferenceEquals(lastType, type)) return t_lastResolution;
        var resolution = Resolve(type);
        t_lastType = type;
        t_lastResolution = resolution;
        return resolution;
    }

    private static TypeResolution Resolve(string type)
    {
        if (PluginTypes.TryGetValue(type, out var plugin)) return new TypeResolution(type, false, plugin);
        if (Aliases.TryGetValue(type, out var canonical)) return new TypeResolution(canonical, true, PluginTypes[canonical]);
        return new TypeResolution(type, false, null);
    }

    [ThreadStatic] private static string? t_lastType;
    [ThreadStatic] private static TypeResolution t_lastResolution;

    /// <summary>The core plugin for a canonical type or alias, or null.</summary>
    public static PluginInfo? GetPlugin(string? type) => type == null ? null : ResolveType(type).Plugin;

    /// <summary>
    /// A property of a plugin: its own, else the common ones of its kind (task or trigger), else the ones every
    /// plugin has. For an unknown type the common properties of <paramref name="kindWhenUnknown"/> are consulted.
    /// Null when the name is not known for that type.
    /// </summary>
    public static PropertyInfo? GetProperty(string? type, string propertyName, PluginKind kindWhenUnknown = PluginKind.Task)
    {
        var plugin = GetPlugin(type);
        if (plugin != null && plugin.Properties.TryGetValue(propertyName, out var own)) return own;
        var kind = plugin?.Kind ?? kindWhenUnknown;
        var common = kind switch
        {
            PluginKind.Task => FlowSchema.TaskCommonProperties,
            PluginKind.Trigger => FlowSchema.TriggerCommonProperties,
            _ => FlowSchema.PluginCommonProperties,
        };
        if (common.TryGetValue(propertyName, out var shared)) return shared;
        return FlowSchema.PluginCommonProperties.TryGetValue(propertyName, out var any) ? any : null;
    }

    /// <summary>
    /// Property names that may hold tasks in a plugin FlowLint does not know. Non-core flowable plugins follow
    /// the core names; the model must treat one as nested tasks only when the value has that shape (a list of maps
    /// with a <c>type</c> key, or for <c>cases</c> a map of such lists), since e.g. <c>defaults</c> or <c>tasks</c>
    /// may be ordinary values in other plugins.
    /// </summary>
    public static readonly IReadOnlyList<PropertyInfo> GenericNestedTaskProperties = new[]
    {
        new PropertyInfo("tasks", nested: NestedShape.TaskList),
        new PropertyInfo("then", nested: NestedShape.TaskList),
        new PropertyInfo("else", nested: NestedShape.TaskList),
        new PropertyInfo("errors", nested: NestedShape.TaskList),
        new PropertyInfo("finally", nested: NestedShape.TaskList),
        new PropertyInfo("cases", nested: NestedShape.TaskListMap),
        new PropertyInfo("defaults", nested: NestedShape.TaskList),
    };

    /// <summary>Properties of one Dag <c>tasks[]</c> entry: the task itself and its dependencies.</summary>
    public static readonly IReadOnlyDictionary<string, PropertyInfo> DagTaskEntryProperties = PropertyInfo.Index("dag entry", new[]
    {
        new PropertyInfo("task", required: true, nested: NestedShape.SingleTask),
        new PropertyInfo("dependsOn", rendered: false, note: "ids of other entries' tasks"),
    });

    /// <summary>
    /// The properties holding nested tasks for a type: exactly the known ones for a core plugin (none for a runnable
    /// task), <see cref="GenericNestedTaskProperties"/> for null or any other type.
    /// </summary>
    public static IReadOnlyList<PropertyInfo> GetNestedTaskProperties(string? canonicalType)
    {
        var plugin = GetPlugin(canonicalType);
        return plugin == null ? GenericNestedTaskProperties : plugin.NestedTaskProperties;
    }

    // ---------------- Visibility and secrets ----------------

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LogTaskTypes => Visibility.LogTaskTypes;
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> OutputTaskTypes => Visibility.OutputTaskTypes;
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LabelTaskTypes => Visibility.LabelTaskTypes;

    // ---------------- helpers ----------------

    private static IReadOnlyDictionary<string, T> IndexBy<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            if (map.ContainsKey(k)) throw new InvalidOperationException("Duplicate knowledge entry " + k);
            map.Add(k, item);
        }
        return map;
    }

    private static IReadOnlyDictionary<string, RemovedCallable> IndexRemoved(RemovedCallable[] table) => IndexBy(table, r => r.Name);

    private static IReadOnlyDictionary<string, string> IndexAliases(PluginInfo[] plugins)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var plugin in plugins)
            foreach (var alias in plugin.Aliases)
            {
                if (map.ContainsKey(alias)) throw new InvalidOperationException("Alias " + alias + " claimed twice");
                map.Add(alias, plugin.Type);
            }
        return map;
    }
}
