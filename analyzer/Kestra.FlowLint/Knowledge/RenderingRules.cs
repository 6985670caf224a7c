using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>
/// Which YAML values Kestra passes through Pebble. The flow model asks while it walks the document and records the
/// answer on each expression site, so rules can tell a live <c>{{ secret('X') }}</c> from literal text.
/// <para>
/// The default for plugins: every property is rendered, recursively into maps and lists, except <c>id</c>,
/// <c>type</c>, <c>version</c>, <c>description</c> and nested task or plugin definitions (those are walked and their
/// own properties asked about). Properties a plugin declares as non-dynamic are recorded in the plugin table.
/// </para>
/// </summary>
public static class RenderingRules
{
    private static readonly HashSet<string> NeverRenderedPluginProperties = new(StringComparer.Ordinal)
    {
        "id", "type", "version", "description",
    };

    /// <summary>
    /// Top-level flow keys are never rendered as a whole (<c>id</c>, <c>namespace</c>, <c>description</c>,
    /// <c>labels</c>, <c>variables</c>…). Parts of some are: see the other methods.
    /// </summary>
    public static bool IsFlowPropertyRendered(string name)
        => FlowSchema.FlowProperties.TryGetValue(name, out var p) && p.Rendered;

    /// <summary>
    /// Flow <c>variables</c> values are stored raw: an expression inside one is only evaluated where a consumer
    /// calls <c>render(vars.x)</c> / <c>renderOnce(vars.x)</c>. The same holds for EE namespace variables.
    /// </summary>
    public const bool AreFlowVariablesRendered = false;

    /// <summary>
    /// <c>pluginDefaults[].values</c> are not rendered where they are written, but are merged into every plugin whose
    /// type equals or starts with the default's <c>type</c>, and rendered there like that plugin's own properties.
    /// Ask <see cref="IsTaskPropertyRendered"/> with the target type and the value's key.
    /// </summary>
    public const bool ArePluginDefaultValuesRenderedWhenApplied = true;

    /// <summary>A task property, with the task's canonical type (null or unknown: the default rule).</summary>
    public static bool IsTaskPropertyRendered(string? canonicalType, string propertyName)
        => IsPluginPropertyRendered(canonicalType, PluginKind.Task, propertyName);

    /// <summary>A trigger property (trigger <c>labels</c> and <c>inputs</c> are rendered; Schedule <c>cron</c> is not).</summary>
    public static bool IsTriggerPropertyRendered(string? canonicalType, string propertyName)
        => IsPluginPropertyRendered(canonicalType, PluginKind.Trigger, propertyName);

    /// <summary>A condition or task-runner property.</summary>
    public static bool IsConditionPropertyRendered(string? canonicalType, string propertyName)
        => IsPluginPropertyRendered(canonicalType, PluginKind.Condition, propertyName);

    /// <summary>
    /// Any plugin property. <paramref name="kindWhenUnknown"/> picks the common properties (task or trigger) to
    /// consult when the type is not a core plugin.
    /// </summary>
    public static bool IsPluginPropertyRendered(string? canonicalType, PluginKind kindWhenUnknown, string propertyName)
    {
        if (NeverRenderedPluginProperties.Contains(propertyName)) return false;
        var property = KestraKnowledge.GetProperty(canonicalType, propertyName, kindWhenUnknown);
        return property?.Rendered ?? true;
    }

    /// <summary>
    /// An input property, with the input's <c>type</c> (e.g. <c>SELECT</c>). <c>defaults</c> (1.0+) and SELECT /
    /// MULTISELECT <c>expression</c> are rendered; <c>dependsOn</c> is a block (see <see cref="IsInputDependsOnPropertyRendered"/>).
    /// </summary>
    public static bool IsInputPropertyRendered(string? inputType, string propertyName)
    {
        if (FlowSchema.InputCommonProperties.TryGetValue(propertyName, out var common)) return common.Rendered;
        if (inputType != null && FlowSchema.InputTypes.TryGetValue(inputType, out var type)
            && type.Properties.TryGetValue(propertyName, out var own))
            return own.Rendered;
        return false;
    }

    /// <summary>Input <c>dependsOn.condition</c> is an expression; <c>dependsOn.inputs</c> is a list of ids.</summary>
    public static bool IsInputDependsOnPropertyRendered(string propertyName)
        => Lookup(FlowSchema.InputDependsOnProperties, propertyName);

    /// <summary>Flow <c>outputs[].value</c> is rendered when the execution ends; the rest is declaration.</summary>
    public static bool IsFlowOutputPropertyRendered(string propertyName)
        => Lookup(FlowSchema.OutputProperties, propertyName);

    /// <summary>Flow <c>checks[]</c>: <c>condition</c> and <c>message</c>.</summary>
    public static bool IsCheckPropertyRendered(string propertyName)
        => Lookup(FlowSchema.CheckProperties, propertyName);

    /// <summary>Flow <c>sla[]</c>: <c>assert</c> and <c>labels</c>.</summary>
    public static bool IsSlaPropertyRendered(string propertyName)
        => Lookup(FlowSchema.SlaProperties, propertyName);

    /// <summary>Flow labels are never rendered (unlike trigger labels and the Labels task).</summary>
    public const bool AreFlowLabelsRendered = false;

    private static bool Lookup(IReadOnlyDictionary<string, PropertyInfo> table, string name)
        => table.TryGetValue(name, out var p) && p.Rendered;
}
