using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>What a plugin class is used as in a flow.</summary>
public enum PluginKind
{
    Task,
    Trigger,
    Condition,
    TaskRunner,
}

/// <summary>A core Kestra plugin: its canonical type, aliases, deprecation and properties.</summary>
public sealed class PluginInfo
{
    public PluginInfo(string type, PluginKind kind, bool isFlowable, IReadOnlyList<string> aliases,
        IReadOnlyDictionary<string, PropertyInfo> properties, bool propertiesComplete,
        bool isDeprecated, string? replacement, string description)
    {
        Type = type;
        Kind = kind;
        IsFlowable = isFlowable;
        Aliases = aliases;
        Properties = properties;
        PropertiesComplete = propertiesComplete;
        IsDeprecated = isDeprecated;
        Replacement = replacement;
        Description = description;
    }

    /// <summary>The canonical fully-qualified class name Kestra 1.x registers.</summary>
    public string Type { get; }

    public PluginKind Kind { get; }

    /// <summary>Runs on the executor and schedules child tasks (its children are in task-holding properties).</summary>
    public bool IsFlowable { get; }

    /// <summary>Older names Kestra still accepts for this class (each is reported as "replaced by" <see cref="Type"/>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>
    /// The plugin's own properties, without the common ones of its kind (see <see cref="FlowSchema.TaskCommonProperties"/>,
    /// <see cref="FlowSchema.TriggerCommonProperties"/>); look up through <see cref="KestraKnowledge.GetProperty"/>.
    /// </summary>
    public IReadOnlyDictionary<string, PropertyInfo> Properties { get; }

    /// <summary>The properties that hold tasks (<see cref="PropertyInfo.HoldsTasks"/>), worked out once: the model asks for every key of every task.</summary>
    public IReadOnlyList<PropertyInfo> NestedTaskProperties => _nestedTaskProperties ??= FindNestedTaskProperties();

    private IReadOnlyList<PropertyInfo>? _nestedTaskProperties;

    private IReadOnlyList<PropertyInfo> FindNestedTaskProperties()
    {
        var result = new List<PropertyInfo>();
        foreach (var p in Properties.Values)
            if (p.HoldsTasks) result.Add(p);
        return result.ToArray();
    }

    /// <summary>
    /// True only when the property list is believed complete for 1.x, so an unknown key is a real error
    /// (Kestra's parser rejects unknown properties). False means "these are the ones we know".
    /// </summary>
    public bool PropertiesComplete { get; }

    /// <summary>The class itself is deprecated (not just an alias name).</summary>
    public bool IsDeprecated { get; }

    /// <summary>What to use instead when <see cref="IsDeprecated"/> (a type name, or words when there is no single type).</summary>
    public string? Replacement { get; }

    public string Description { get; }

    public override string ToString() => Type;
}

/// <summary>The result of resolving a <c>type:</c> value.</summary>
public readonly struct TypeResolution
{
    public TypeResolution(string canonicalType, bool isAlias, PluginInfo? plugin)
    {
        CanonicalType = canonicalType;
        IsAlias = isAlias;
        Plugin = plugin;
    }

    /// <summary>The canonical type when known, otherwise the input unchanged.</summary>
    public string CanonicalType { get; }

    /// <summary>The input was a deprecated alias of <see cref="CanonicalType"/>.</summary>
    public bool IsAlias { get; }

    /// <summary>The core plugin, or null for a type FlowLint does not know (any non-core plugin).</summary>
    public PluginInfo? Plugin { get; }

    public bool IsKnown => Plugin != null;
}
