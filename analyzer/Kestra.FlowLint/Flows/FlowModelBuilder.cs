using System;
using System.Collections.Generic;
using System.Globalization;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

/// <summary>
/// Builds a <see cref="FlowDocument"/> from a YAML document in one walk: tasks (nested ones included),
/// triggers, inputs, outputs, plugin defaults, and every scalar value as an <see cref="ExpressionSite"/>.
/// Aliases are followed by reference within a budget, so an alias bomb cannot make the walk explode.
/// </summary>
public sealed class FlowModelBuilder
{
    private readonly FlowDocument _flow;
    private readonly List<FlowTask> _allTasks = new();
    private readonly List<ExpressionSite> _values;
    private readonly List<ExpressionSite> _expressions;
    private int _aliasBudget;

    private FlowModelBuilder(FlowDocument flow, int aliasBudget)
    {
        _flow = flow;
        _aliasBudget = aliasBudget;
        // About half the nodes are values (the others keys and collections): sized once rather than grown through
        // every power of two, for the lists every flow's analysis reads.
        int values = Math.Min(Math.Max(flow.Root.ExpandedSize / 2, 4), 4096);
        _values = new List<ExpressionSite>(values);
        _expressions = new List<ExpressionSite>(Math.Max(values / 4, 4));
    }

    public static FlowDocument Build(SourceText text, YamlStream stream, YamlDocument document, int maxAliasExpansion = 100_000, PebbleParseOptions? pebbleOptions = null)
    {
        var root = document.Root as YamlMapping ?? throw new ArgumentException("A flow's root must be a mapping.", nameof(document));
        var flow = new FlowDocument(text, stream, document, root) { PebbleOptions = pebbleOptions };
        new FlowModelBuilder(flow, maxAliasExpansion).Walk();
        return flow;
    }

    private void Walk()
    {
        var rootTasks = new List<FlowTask>();
        var inputs = new List<FlowInput>();
        var outputs = new List<FlowOutput>();
        var triggers = new List<FlowTrigger>();
        var defaults = new List<FlowPluginDefault>();

        foreach (var entry in _flow.Root.EffectiveEntries())
        {
            if (entry.Key is not YamlScalar keyScalar) continue;
            string key = keyScalar.Value;
            var (value, alias) = Resolve(entry.Value, null);
            switch (key)
            {
                case "id":
                    _flow.Id ??= (value as YamlScalar)?.Value;
                    _flow.IdNode ??= entry.Value;
                    AddValues(value, alias, FlowKey(SiteOwnerKind.Flow, key), rendered: false);
                    break;
                case "namespace":
                    _flow.Namespace ??= (value as YamlScalar)?.Value;
                    _flow.NamespaceNode ??= entry.Value;
                    AddValues(value, alias, FlowKey(SiteOwnerKind.Flow, key), rendered: false);
                    break;
                case "tasks":
                    WalkTaskList(value, alias, null, TaskBlock.Tasks, key, key, rootTasks);
                    break;
                case "errors":
                    WalkTaskList(value, alias, null, TaskBlock.Errors, key, key, rootTasks);
                    break;
                case "finally":
                    WalkTaskList(value, alias, null, TaskBlock.Finally, key, key, rootTasks);
                    break;
                case "afterExecution":
                    WalkTaskList(value, alias, null, TaskBlock.AfterExecution, key, key, rootTasks);
                    break;
                case "listeners":
                    WalkListeners(value, alias, rootTasks);
                    break;
                case "inputs":
                    WalkInputs(value, alias, inputs);
                    break;
                case "outputs":
                    WalkOutputs(value, alias, outputs);
                    break;
                case "triggers":
                    WalkTriggers(value, alias, triggers);
                    break;
                case "pluginDefaults":
                case "taskDefaults":
                    WalkPluginDefaults(value, alias, key, defaults);
                    break;
                case "variables":
                    _flow.Variables ??= value as YamlMapping;
                    AddValues(value, alias, FlowKey(SiteOwnerKind.Variable, key), rendered: false);
                    break;
                case "labels":
                    _flow.Labels ??= value;
                    AddValues(value, alias, FlowKey(SiteOwnerKind.Label, key), rendered: false);
                    break;
                case "checks":
                case "sla":
                    WalkFlowItems(value, alias, key);
                    break;
                default:
                    AddValues(value, alias, FlowKey(SiteOwnerKind.Flow, key), FlowRendering.IsFlowPropertyRendered(key));
                    break;
            }
        }

        _flow.RootTasks = rootTasks;
        _flow.AllTasks = _allTasks;
        _flow.Inputs = inputs;
        _flow.Outputs = outputs;
        _flow.Triggers = triggers;
        _flow.PluginDefaults = defaults;
        _flow.Values = _values;
        _flow.ExpressionSites = _expressions;
    }

    /// <summary>Follows an alias to its anchor while the expansion budget lasts; remembers the outermost alias.</summary>
    private (YamlNode? Node, YamlAlias? Alias) Resolve(YamlNode? node, YamlAlias? outer)
    {
        int hops = 0;
        while (node is YamlAlias alias)
        {
            // An alias chain longer than the document could hold is a cycle; stop instead of spinning.
            if (++hops > 64) return (null, outer);
            int cost = alias.Target?.ExpandedSize ?? 1;
            if (_aliasBudget < cost)
            {
                _flow.AliasExpansionLimited = true;
                return (null, outer);
            }
            _aliasBudget -= cost;
            outer ??= alias;
            node = alias.Target;
        }
        return (node, outer);
    }

    private void WalkTaskList(YamlNode? value, YamlAlias? alias, FlowTask? parent, TaskBlock block, string path, string container, List<FlowTask> into)
    {
        if (value is not YamlSequence sequence) return;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var (item, itemAlias) = Resolve(sequence.Items[i], alias);
            if (item is YamlMapping map) into.Add(WalkTask(map, itemAlias, parent, block, path + "[" + Index(i) + "]", container));
        }
    }

    private FlowTask WalkTask(YamlMapping node, YamlAlias? alias, FlowTask? parent, TaskBlock block, string path, string container)
    {
        var task = new FlowTask(_flow, node, parent, parent is null ? block : parent.Block, path, container, alias);
        _allTasks.Add(task);
        if (node.TryGetValue("id", out var idNode))
        {
            task.IdNode = idNode;
            task.Id = (idNode.Resolve() as YamlScalar)?.Value;
        }
        if (node.TryGetValue("type", out var typeNode))
        {
            task.TypeNode = typeNode;
            task.Type = (typeNode.Resolve() as YamlScalar)?.Value;
            var resolved = FlowRendering.ResolveType(task.Type);
            task.CanonicalType = resolved.Canonical;
            task.TypeIsDeprecatedAlias = resolved.IsAlias;
        }

        // Most tasks have no children: their list is made by the first nested task property.
        List<FlowTask>? children = null;
        foreach (var entry in node.EffectiveEntries())
        {
            if (entry.Key is not YamlScalar keyScalar) continue;
            string key = keyScalar.Value;
            var (value, valueAlias) = Resolve(entry.Value, alias);
            var shape = FlowRendering.GetNestedTaskShape(task.CanonicalType, key, value);
            if (shape == NestedTaskShape.None)
            {
                bool rendered = FlowRendering.IsTaskPropertyRendered(task.CanonicalType, key);
                AddValues(value, valueAlias, SitePaths.OfKey(task, key), rendered);
                continue;
            }
            string childPath = path + "." + key;
            switch (shape)
            {
                case NestedTaskShape.TaskList:
                    WalkTaskList(value, valueAlias, task, TaskBlock.Nested, childPath, key, children ??= new List<FlowTask>());
                    continue;
                case NestedTaskShape.TaskListMap:
                    if (value is YamlMapping cases)
                    {
                        foreach (var @case in cases.EffectiveEntries())
                        {
                            string caseKey = (@case.Key as YamlScalar)?.Value ?? string.Empty;
                            var (caseValue, caseAlias) = Resolve(@case.Value, valueAlias);
                            WalkTaskList(caseValue, caseAlias, task, TaskBlock.Nested, childPath + "." + caseKey, key + "." + caseKey, children ??= new List<FlowTask>());
                        }
                    }
                    continue;
                case NestedTaskShape.DagTaskList:
                    WalkDagTasks(value, valueAlias, task, childPath, key, children ??= new List<FlowTask>());
                    continue;
                case NestedTaskShape.SingleTask:
                    if (value is YamlMapping single) (children ??= new List<FlowTask>()).Add(WalkTask(single, valueAlias, task, TaskBlock.Nested, childPath, key));
                    continue;
            }
        }
        task.Children = children is null ? Array.Empty<FlowTask>() : children;
        return task;
    }

    private void WalkDagTasks(YamlNode? value, YamlAlias? alias, FlowTask parent, string path, string container, List<FlowTask> into)
    {
        if (value is not YamlSequence sequence) return;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var (item, itemAlias) = Resolve(sequence.Items[i], alias);
            if (item is not YamlMapping dagEntry) continue;
            string entryPath = path + "[" + Index(i) + "]";
            foreach (var entry in dagEntry.EffectiveEntries())
            {
                if (entry.Key is not YamlScalar keyScalar) continue;
                var (v, vAlias) = Resolve(entry.Value, itemAlias);
                if (keyScalar.Value == "task" && v is YamlMapping taskNode)
                    into.Add(WalkTask(taskNode, vAlias, parent, TaskBlock.Nested, entryPath + ".task", container));
                else
                    AddValues(v, vAlias, SiteOwnerKind.Task, entryPath + "." + keyScalar.Value, container + "." + keyScalar.Value, parent.OwnerPath + "/" + container + "/" + keyScalar.Value, rendered: false, parent);
            }
        }
    }

    private void WalkListeners(YamlNode? value, YamlAlias? alias, List<FlowTask> rootTasks)
    {
        if (value is not YamlSequence sequence) return;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var (item, itemAlias) = Resolve(sequence.Items[i], alias);
            if (item is not YamlMapping listener) continue;
            string path = "listeners[" + Index(i) + "]";
            foreach (var entry in listener.EffectiveEntries())
            {
                if (entry.Key is not YamlScalar keyScalar) continue;
                var (v, vAlias) = Resolve(entry.Value, itemAlias);
                if (keyScalar.Value == "tasks")
                    WalkTaskList(v, vAlias, null, TaskBlock.Listeners, path + ".tasks", "tasks", rootTasks);
                else
                    AddValues(v, vAlias, SiteOwnerKind.Flow, path + "." + keyScalar.Value, keyScalar.Value, "flow/" + path + "/" + keyScalar.Value,
                        keyScalar.Value != "description", owner: null);
            }
        }
    }

    /// <summary>Lists of flow-level items (checks, sla) where some properties are rendered and others are declarations.</summary>
    private void WalkFlowItems(YamlNode? value, YamlAlias? alias, string key)
    {
        if (value is not YamlSequence sequence)
        {
            AddValues(value, alias, FlowKey(SiteOwnerKind.Flow, key), FlowRendering.IsFlowPropertyRendered(key));
            return;
        }
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var (item, itemAlias) = Resolve(sequence.Items[i], alias);
            string path = key + "[" + Index(i) + "]";
            if (item is not YamlMapping map)
            {
                AddValues(item, itemAlias, SiteOwnerKind.Flow, path, path, "flow/" + path, false, owner: null);
                continue;
            }
            foreach (var entry in map.EffectiveEntries())
            {
                if (entry.Key is not YamlScalar keyScalar) continue;
                string child = path + "." + keyScalar.Value;
                AddValues(entry.Value, itemAlias, SiteOwnerKind.Flow, child, child, "flow/" + key + "/" + keyScalar.Value,
                    FlowRendering.IsFlowChildPropertyRendered(key, keyScalar.Value), owner: null);
            }
        }
    }

    private void WalkInputs(YamlNode? value, YamlAlias? alias, List<FlowInput> into)
    {
        if (value is not YamlSequence sequence) return;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var (item, itemAlias) = Resolve(sequence.Items[i], alias);
            if (item is not YamlMapping map) continue;
            string path = "inputs[" + Index(i) + "]";
            var input = new FlowInput(_flow, map, i, path);
            if (map.TryGetValue("id", out var id)) { input.IdNode = id; input.Id = (id.Resolve() as YamlScalar)?.Value; }
            else if (map.TryGetValue("name", out var name)) { input.IdNode = name; input.Id = (name.Resolve() as YamlScalar)?.Value; input.UsesDeprecatedName = true; }
            if (map.TryGetValue("type", out var type)) { input.TypeNode = type; input.Type = (type.Resolve() as YamlScalar)?.Value; }
            if (map.TryGetValue("defaults", out var defaults)) input.Defaults = defaults;
            into.Add(input);

            foreach (var entry in map.EffectiveEntries())
            {
                if (entry.Key is not YamlScalar keyScalar) continue;
                var (v, vAlias) = Resolve(entry.Value, itemAlias);
                if (keyScalar.Value == "dependsOn" && v is YamlMapping dependsOn)
                {
                    foreach (var d in dependsOn.EffectiveEntries())
                    {
                        if (d.Key is not YamlScalar dKey) continue;
                        AddValues(d.Value, vAlias, SiteOwnerKind.Input, path + ".dependsOn." + dKey.Value, "dependsOn." + dKey.Value,
                            input.OwnerPath + "/dependsOn/" + dKey.Value, FlowRendering.IsInputDependsOnPropertyRendered(dKey.Value), input);
                    }
                }
                else
                {
                    AddValues(v, vAlias, SitePaths.OfKey(input, keyScalar.Value), FlowRendering.IsInputPropertyRendered(input.Type, keyScalar.Value));
                }
            }
        }
    }

    private void WalkOutputs(YamlNode? value, YamlAlias? alias, List<FlowOutput> into)
    {
        if (value is not YamlSequence sequence) return;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var (item, itemAlias) = Resolve(sequence.Items[i], alias);
            if (item is not YamlMapping map) continue;
            string path = "outputs[" + Index(i) + "]";
            var output = new FlowOutput(_flow, map, i, path);
            if (map.TryGetValue("id", out var id)) { output.IdNode = id; output.Id = (id.Resolve() as YamlScalar)?.Value; }
            if (map.TryGetValue("type", out var type)) output.Type = (type.Resolve() as YamlScalar)?.Value;
            if (map.TryGetValue("value", out var v0)) output.Value = v0;
            into.Add(output);

            foreach (var entry in map.EffectiveEntries())
            {
                if (entry.Key is not YamlScalar keyScalar) continue;
                var (v, vAlias) = Resolve(entry.Value, itemAlias);
                AddValues(v, vAlias, SitePaths.OfKey(output, keyScalar.Value), FlowRendering.IsOutputPropertyRendered(keyScalar.Value));
            }
        }
    }

    private void WalkTriggers(YamlNode? value, YamlAlias? alias, List<FlowTrigger> into)
    {
        if (value is not YamlSequence sequence) return;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var (item, itemAlias) = Resolve(sequence.Items[i], alias);
            if (item is not YamlMapping map) continue;
            string path = "triggers[" + Index(i) + "]";
            var trigger = new FlowTrigger(_flow, map, i, path);
            if (map.TryGetValue("id", out var id)) { trigger.IdNode = id; trigger.Id = (id.Resolve() as YamlScalar)?.Value; }
            if (map.TryGetValue("type", out var type))
            {
                trigger.TypeNode = type;
                trigger.Type = (type.Resolve() as YamlScalar)?.Value;
                var resolved = FlowRendering.ResolveType(trigger.Type);
                trigger.CanonicalType = resolved.Canonical;
                trigger.TypeIsDeprecatedAlias = resolved.IsAlias;
            }
            into.Add(trigger);

            foreach (var entry in map.EffectiveEntries())
            {
                if (entry.Key is not YamlScalar keyScalar) continue;
                var (v, vAlias) = Resolve(entry.Value, itemAlias);
                AddValues(v, vAlias, SitePaths.OfKey(trigger, keyScalar.Value), FlowRendering.IsTriggerPropertyRendered(trigger.CanonicalType, keyScalar.Value));
            }
        }
    }

    private void WalkPluginDefaults(YamlNode? value, YamlAlias? alias, string key, List<FlowPluginDefault> into)
    {
        if (value is not YamlSequence sequence) return;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            var (item, itemAlias) = Resolve(sequence.Items[i], alias);
            if (item is not YamlMapping map) continue;
            string path = key + "[" + Index(i) + "]";
            var pluginDefault = new FlowPluginDefault(_flow, map, i, path);
            if (map.TryGetValue("type", out var type)) pluginDefault.Type = (type.Resolve() as YamlScalar)?.Value;
            if (map.TryGetValue("forced", out var forced)) pluginDefault.Forced = string.Equals((forced.Resolve() as YamlScalar)?.Value, "true", StringComparison.OrdinalIgnoreCase);
            if (map.TryGetValue("values", out var values)) pluginDefault.Values = values.Resolve() as YamlMapping;
            into.Add(pluginDefault);

            foreach (var entry in map.EffectiveEntries())
            {
                if (entry.Key is not YamlScalar keyScalar) continue;
                var (v, vAlias) = Resolve(entry.Value, itemAlias);
                // Default values are rendered once injected into a task, so they count as rendered here.
                AddValues(v, vAlias, SitePaths.OfKey(pluginDefault, keyScalar.Value), keyScalar.Value == "values");
            }
        }
    }

    // The flow's own properties share one scope per kind: `key`, `key` and `flow/key` are joined only when asked for.
    private SitePaths FlowKey(SiteOwnerKind kind, string key)
    {
        ref var scope = ref _flowScopes[(int)kind];
        scope ??= new SiteScope(_flow, kind, null, string.Empty, string.Empty, "flow");
        return SitePaths.OfKey(scope, key);
    }

    private readonly SiteScope?[] _flowScopes = new SiteScope?[(int)SiteOwnerKind.PluginDefault + 1];

    /// <summary>Adds every scalar below a value (its own scalar, or the leaves of a mapping/sequence) as a site.</summary>
    private void AddValues(YamlNode? node, YamlAlias? alias, SiteOwnerKind ownerKind, string path, string relativePath, string ownerPath, bool rendered, object? owner) =>
        AddValues(node, alias, new SitePaths(new SiteScope(_flow, ownerKind, owner, path, relativePath, ownerPath)), rendered);

    private void AddValues(YamlNode? node, YamlAlias? alias, SitePaths paths, bool rendered)
    {
        var (value, valueAlias) = Resolve(node, alias);
        switch (value)
        {
            case YamlScalar scalar:
                AddScalar(scalar, valueAlias, paths, rendered);
                break;
            case YamlSequence sequence:
                for (int i = 0; i < sequence.Items.Count; i++)
                    AddValues(sequence.Items[i], valueAlias, paths.Below(null, i), rendered);
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.EffectiveEntries())
                    AddValues(entry.Value, valueAlias, paths.Below((entry.Key as YamlScalar)?.Value ?? "?", 0), rendered);
                break;
        }
    }

    private void AddScalar(YamlScalar scalar, YamlAlias? alias, SitePaths paths, bool rendered)
    {
        if (scalar.IsNull && scalar.Style == YamlScalarStyle.Plain) return;
        var site = new ExpressionSite(scalar, alias, paths, rendered);
        _values.Add(site);
        if (PebbleParser.MayContainTemplate(scalar.Value.AsSpan()))
        {
            site.HasTemplate = true;
            _expressions.Add(site);
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
