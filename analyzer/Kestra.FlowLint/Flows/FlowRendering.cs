using System;
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
/// nested tasks, and which values Kestra renders. Kept in one place so the walk itself holds no Kestra facts.
/// </summary>
internal static class FlowRendering
{
    public static (string? Canonical, bool IsAlias) ResolveType(string? type)
    {
        if (type is null) return (null, false);
        return (type, false);
    }

    public static NestedTaskShape GetNestedTaskShape(string? canonicalType, string property, YamlNode? value)
    {
        switch (property)
        {
            case "tasks":
                if (canonicalType is not null && canonicalType.EndsWith(".Dag", StringComparison.Ordinal)) return NestedTaskShape.DagTaskList;
                return LooksLikeTaskList(value) ? NestedTaskShape.TaskList : NestedTaskShape.None;
            case "then":
            case "else":
            case "errors":
            case "finally":
            case "defaults":
                return LooksLikeTaskList(value) ? NestedTaskShape.TaskList : NestedTaskShape.None;
            case "cases":
                return value is YamlMapping ? NestedTaskShape.TaskListMap : NestedTaskShape.None;
            default:
                return NestedTaskShape.None;
        }
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

    public static bool IsFlowPropertyRendered(string property) => property switch
    {
        "id" or "namespace" or "description" or "labels" or "variables" or "revision" or "disabled" or "deleted" or "tenantId" => false,
        _ => true,
    };

    public static bool IsTaskPropertyRendered(string? canonicalType, string property) => property switch
    {
        "id" or "type" or "description" => false,
        _ => true,
    };

    public static bool IsTriggerPropertyRendered(string? canonicalType, string property) => property switch
    {
        "id" or "type" or "description" => false,
        _ => true,
    };

    public static bool IsInputPropertyRendered(string property) => property switch
    {
        "id" or "name" or "type" or "description" or "displayName" => false,
        _ => true,
    };
}
