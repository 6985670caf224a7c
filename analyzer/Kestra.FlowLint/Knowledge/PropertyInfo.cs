using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>How a property holds nested definitions; the flow model walks the value accordingly.</summary>
public enum NestedShape
{
    /// <summary>An ordinary value.</summary>
    None,

    /// <summary>A list of task definitions (<c>tasks</c>, <c>then</c>, <c>errors</c>, <c>finally</c>…).</summary>
    TaskList,

    /// <summary>A map from a key to a list of tasks (Switch <c>cases</c>).</summary>
    TaskListMap,

    /// <summary>A list of <c>{task, dependsOn}</c> entries, each holding one task (Dag <c>tasks</c>).</summary>
    DagTaskList,

    /// <summary>One task definition (a Dag entry's <c>task</c>).</summary>
    SingleTask,

    /// <summary>A list of non-task plugins with their own <c>type</c> (trigger <c>conditions</c>).</summary>
    PluginList,

    /// <summary>One non-task plugin with its own <c>type</c> (<c>taskRunner</c>).</summary>
    SinglePlugin,
}

/// <summary>A property of a flow, task, trigger, condition or input, as Kestra defines it.</summary>
public sealed class PropertyInfo
{
    public PropertyInfo(string name, bool rendered = true, bool required = false, NestedShape nested = NestedShape.None,
        bool deprecated = false, string? replacement = null, string? note = null)
    {
        Name = name;
        // A nested definition is walked, not rendered as one value: Kestra renders the child's own properties.
        Rendered = nested == NestedShape.None && rendered;
        Required = required;
        Nested = nested;
        Deprecated = deprecated;
        Replacement = replacement;
        Note = note;
    }

    public string Name { get; }

    /// <summary>
    /// Kestra passes the value through Pebble (<c>@PluginProperty(dynamic = true)</c> or <c>Property&lt;T&gt;</c>).
    /// A <c>{{ }}</c> in a property that is not rendered reaches the task as literal text.
    /// </summary>
    public bool Rendered { get; }

    public bool Required { get; }
    public NestedShape Nested { get; }

    /// <summary>Convenience: the value holds task definitions (any task shape).</summary>
    public bool HoldsTasks => Nested is NestedShape.TaskList or NestedShape.TaskListMap or NestedShape.DagTaskList or NestedShape.SingleTask;

    public bool Deprecated { get; }

    /// <summary>What to use instead, in words a fix or message can show (a property name when there is one).</summary>
    public string? Replacement { get; }

    /// <summary>A short remark for messages (constraints, defaults, version notes).</summary>
    public string? Note { get; }

    public override string ToString() => Name;

    internal static IReadOnlyDictionary<string, PropertyInfo> Index(string owner, IEnumerable<PropertyInfo> properties)
    {
        var map = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            if (map.ContainsKey(p.Name))
                throw new InvalidOperationException(owner + ": duplicate property " + p.Name);
            map.Add(p.Name, p);
        }
        return map;
    }
}
