using System;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

/// <summary>How a property holds nested tasks, if it does.</summary>
public enum NestedTaskShape
{
    None,
    TaskList,
    TaskListMap,
    DagTaskList,
    SingleTask,
}

/// <summary>
/// The flow model's questions to the knowledge base: what a type is called today, which properties hold
/// nested tasks, and which values Kestra renders. The walk itself holds no Kestra facts.
/// </summary>
internal static class FlowRendering
{
    public static (string? Canonical, bool IsAlias) ResolveType(string? type)
    {
        if (type is null) return (null, false);
        var resolution = KestraKnowledge.ResolveType(type);
        return (resolution.CanonicalType, resolution.IsAlias);
    }

    public static NestedTaskShape GetNestedTaskShape(string? canonicalType, string property, YamlNode? value)
    {
        var plugin = KestraKnowledge.GetPlugin(canonicalType);
        bool known = plugin is not null;
        var properties = plugin?.NestedTaskProperties ?? KestraKnowledge.GenericNestedTaskProperties;
        for (int i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            if (!string.Equals(p.Name, property, StringComparison.Ordinal)) continue;
            var shape = p.Nested switch
            {
                NestedShape.TaskList => NestedTaskShape.TaskList,
                NestedShape.TaskListMap => NestedTaskShape.TaskListMap,
                NestedShape.DagTaskList => NestedTaskShape.DagTaskList,
                NestedShape.SingleTask => NestedTaskShape.SingleTask,
                _ => NestedTaskShape.None,
            };
            // For plugins FlowLint does not know, the usual names hold tasks only when the value has a task's shape.
            if (known) return shape;
            return shape switch
            {
                NestedTaskShape.TaskList when LooksLikeTaskList(value) => shape,
                NestedTaskShape.TaskListMap when value is YamlMapping map && AllValuesAreTaskLists(map) => shape,
                _ => NestedTaskShape.None,
            };
        }
        return NestedTaskShape.None;
    }

    private static bool LooksLikeTaskList(YamlNode? value)
    {
        if (value is not YamlSequence sequence || sequence.Items.Count == 0) return false;
        foreach (var item in sequence.Items)
        {
            if (item.Resolve() is not YamlMapping map || !map.TryGetValue("type", out _)) return false;
        }
        return true;
    }

    private static bool AllValuesAreTaskLists(YamlMapping map)
    {
        foreach (var entry in map.Entries)
            if (!LooksLikeTaskList(entry.Value.Resolve())) return false;
        return map.Entries.Count > 0;
    }

    public static bool IsFlowPropertyRendered(string property) => RenderingRules.IsFlowPropertyRendered(property);

    public static bool IsFlowChildPropertyRendered(string flowProperty, string property) => flowProperty switch
    {
        "checks" => RenderingRules.IsCheckPropertyRendered(property),
        "sla" => RenderingRules.IsSlaPropertyRendered(property),
        _ => RenderingRules.IsFlowPropertyRendered(flowProperty),
    };

    public static bool IsTaskPropertyRendered(string? canonicalType, string property) => RenderingRules.IsTaskPropertyRendered(canonicalType, property);

    public static bool IsTriggerPropertyRendered(string? canonicalType, string property) => RenderingRules.IsTriggerPropertyRendered(canonicalType, property);

    public static bool IsInputPropertyRendered(string? inputType, string property) => RenderingRules.IsInputPropertyRendered(inputType, property);

    public static bool IsInputDependsOnPropertyRendered(string property) => RenderingRules.IsInputDependsOnPropertyRendered(property);

    public static bool IsOutputPropertyRendered(string property) => RenderingRules.IsFlowOutputPropertyRendered(property);
}
