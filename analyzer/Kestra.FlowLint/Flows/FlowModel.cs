using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

/// <summary>Which part of a flow holds a task: the main list, the error handlers, finally, afterExecution, or a flowable task.</summary>
public enum TaskBlock
{
    Tasks,
    Errors,
    Finally,
    AfterExecution,
    Listeners,
    Nested,
}

/// <summary>
/// One Kestra flow: the semantic view of a YAML document whose root is a flow, with links back to the
/// YAML nodes so every finding has an exact position.
/// </summary>
public sealed class FlowDocument
{
    internal FlowDocument(SourceText text, YamlStream stream, YamlDocument document, YamlMapping root)
    {
        Text = text;
        Stream = stream;
        Document = document;
        Root = root;
    }

    public SourceText Text { get; }
    public YamlStream Stream { get; }
    public YamlDocument Document { get; }

    /// <summary>How the flow's values are parsed as Pebble (when a rule first reads one, see <see cref="ExpressionSite.Template"/>).</summary>
    internal Pebble.PebbleParseOptions? PebbleOptions { get; set; }
    public YamlMapping Root { get; }

    public string? Id { get; internal set; }
    public YamlNode? IdNode { get; internal set; }
    public string? Namespace { get; internal set; }
    public YamlNode? NamespaceNode { get; internal set; }

    public IReadOnlyList<FlowInput> Inputs { get; internal set; } = Array.Empty<FlowInput>();
    public IReadOnlyList<FlowOutput> Outputs { get; internal set; } = Array.Empty<FlowOutput>();
    public IReadOnlyList<FlowTrigger> Triggers { get; internal set; } = Array.Empty<FlowTrigger>();
    public IReadOnlyList<FlowPluginDefault> PluginDefaults { get; internal set; } = Array.Empty<FlowPluginDefault>();

    /// <summary>The flow's `variables` mapping, if any (exposed to templates as `vars`).</summary>
    public YamlMapping? Variables { get; internal set; }

    /// <summary>The flow's `labels` (a map or a list of key/value maps), if any.</summary>
    public YamlNode? Labels { get; internal set; }

    /// <summary>Tasks directly under `tasks`, `errors`, `finally`, `afterExecution` (and deprecated listeners).</summary>
    public IReadOnlyList<FlowTask> RootTasks { get; internal set; } = Array.Empty<FlowTask>();

    /// <summary>Every task of the tree, nested ones included, in document order.</summary>
    public IReadOnlyList<FlowTask> AllTasks { get; internal set; } = Array.Empty<FlowTask>();

    /// <summary>Every scalar value of the flow with its owner and whether Kestra renders it.</summary>
    public IReadOnlyList<ExpressionSite> Values { get; internal set; } = Array.Empty<ExpressionSite>();

    /// <summary>The values that hold Pebble (`{{`, `{%`, `{#`), each parsed.</summary>
    public IReadOnlyList<ExpressionSite> ExpressionSites { get; internal set; } = Array.Empty<ExpressionSite>();

    /// <summary>Set when walking aliases was cut short because the expansion limit was reached.</summary>
    public bool AliasExpansionLimited { get; internal set; }

    /// <summary>The namespace's first segment (`company` for `company.team`), where secrets are inherited from in EE.</summary>
    public string? RootNamespace => Namespace is null ? null : Namespace.Split('.')[0];

    public override string ToString() => $"{Namespace}.{Id}";
}

/// <summary>A task anywhere in a flow's tree.</summary>
public sealed class FlowTask : ISiteScope
{
    internal FlowTask(FlowDocument flow, YamlMapping node, FlowTask? parent, TaskBlock block, string propertyPath, string containerProperty, YamlAlias? viaAlias)
    {
        _flow = flow;
        Node = node;
        Parent = parent;
        Block = block;
        PropertyPath = propertyPath;
        ContainerProperty = containerProperty;
        ViaAlias = viaAlias;
    }

    public YamlMapping Node { get; }
    public FlowTask? Parent { get; }
    public TaskBlock Block { get; }

    /// <summary>The YAML path from the flow's root, e.g. `tasks[1].then[0]`.</summary>
    public string PropertyPath { get; }

    /// <summary>The property of the parent (or the flow) that holds this task, e.g. `then` or `cases.FIRST`.</summary>
    public string ContainerProperty { get; }

    /// <summary>When the task's definition is reached through a YAML alias, that alias (findings are reported there).</summary>
    public YamlAlias? ViaAlias { get; }

    public string? Id { get; internal set; }
    public YamlNode? IdNode { get; internal set; }

    /// <summary>The type as written.</summary>
    public string? Type { get; internal set; }
    public YamlNode? TypeNode { get; internal set; }

    /// <summary>Today's name of the type (deprecated aliases resolved).</summary>
    public string? CanonicalType { get; internal set; }
    public bool TypeIsDeprecatedAlias { get; internal set; }

    public IReadOnlyList<FlowTask> Children { get; internal set; } = Array.Empty<FlowTask>();

    /// <summary>A path that stays the same when lines move: the chain of task ids (or positions when an id is missing).</summary>
    // Written out once: rules and the model ask for it per property and per finding. The id is set before any use.
    public string OwnerPath => _ownerPath ??= (Parent is null ? string.Empty : Parent.OwnerPath + "/") + "tasks:" + (Id ?? PropertyPath);

    private string? _ownerPath;

    public IEnumerable<FlowTask> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent) yield return p;
    }

    // The task is the scope of its properties' sites.
    private readonly FlowDocument _flow;
    FlowDocument ISiteScope.Flow => _flow;
    SiteOwnerKind ISiteScope.Kind => SiteOwnerKind.Task;
    object? ISiteScope.Owner => this;
    string ISiteScope.Property => PropertyPath;
    string ISiteScope.Relative => string.Empty;

    public override string ToString() => $"{Id} ({Type})";
}

/// <summary>One entry of a flow-level list (a trigger, an input, an output, a plugin default): its mapping and where it is.</summary>
public abstract class FlowListItem : ISiteScope
{
    private protected FlowListItem(FlowDocument flow, YamlMapping node, int index, string propertyPath)
    {
        _flow = flow;
        Node = node;
        Index = index;
        PropertyPath = propertyPath;
    }

    public YamlMapping Node { get; }

    /// <summary>The position in its list.</summary>
    public int Index { get; }

    /// <summary>The YAML path from the flow's root, e.g. `inputs[2]`.</summary>
    public string PropertyPath { get; }

    /// <summary>A stable description of the item for fingerprints, e.g. `inputs:token`.</summary>
    public abstract string OwnerPath { get; }

    // Rules read an item's owner path for every finding and every value site below it: built once, after the model.
    private string? _ownerPath;
    private protected string OwnerPathOf(string kind, string? name) => _ownerPath ??= StringCache.Current.Share(kind + (name ?? PropertyPath));

    // The item is the scope of its properties' sites.
    private readonly FlowDocument _flow;
    FlowDocument ISiteScope.Flow => _flow;
    SiteOwnerKind ISiteScope.Kind => SiteKind;
    private protected abstract SiteOwnerKind SiteKind { get; }
    object? ISiteScope.Owner => this;
    string ISiteScope.Property => PropertyPath;
    string ISiteScope.Relative => string.Empty;
}

public sealed class FlowTrigger : FlowListItem
{
    internal FlowTrigger(FlowDocument flow, YamlMapping node, int index, string propertyPath)
        : base(flow, node, index, propertyPath)
    {
    }

    private protected override SiteOwnerKind SiteKind => SiteOwnerKind.Trigger;

    public string? Id { get; internal set; }
    public YamlNode? IdNode { get; internal set; }
    public string? Type { get; internal set; }
    public YamlNode? TypeNode { get; internal set; }
    public string? CanonicalType { get; internal set; }
    public bool TypeIsDeprecatedAlias { get; internal set; }
    public override string OwnerPath => OwnerPathOf("triggers:", Id);
}

public sealed class FlowInput : FlowListItem
{
    internal FlowInput(FlowDocument flow, YamlMapping node, int index, string propertyPath)
        : base(flow, node, index, propertyPath)
    {
    }

    private protected override SiteOwnerKind SiteKind => SiteOwnerKind.Input;


    /// <summary>The input's id (or its deprecated `name` when `id` is missing).</summary>
    public string? Id { get; internal set; }
    public YamlNode? IdNode { get; internal set; }
    public bool UsesDeprecatedName { get; internal set; }
    public string? Type { get; internal set; }
    public YamlNode? TypeNode { get; internal set; }
    public bool IsSecret => string.Equals(Type, "SECRET", StringComparison.Ordinal);
    public YamlNode? Defaults { get; internal set; }
    public override string OwnerPath => OwnerPathOf("inputs:", Id);
}

public sealed class FlowOutput : FlowListItem
{
    internal FlowOutput(FlowDocument flow, YamlMapping node, int index, string propertyPath)
        : base(flow, node, index, propertyPath)
    {
    }

    private protected override SiteOwnerKind SiteKind => SiteOwnerKind.Output;

    public string? Id { get; internal set; }
    public YamlNode? IdNode { get; internal set; }
    public string? Type { get; internal set; }
    public bool IsSecret => string.Equals(Type, "SECRET", StringComparison.Ordinal);
    public YamlNode? Value { get; internal set; }
    public override string OwnerPath => OwnerPathOf("outputs:", Id);
}

public sealed class FlowPluginDefault : FlowListItem
{
    internal FlowPluginDefault(FlowDocument flow, YamlMapping node, int index, string propertyPath)
        : base(flow, node, index, propertyPath)
    {
    }

    private protected override SiteOwnerKind SiteKind => SiteOwnerKind.PluginDefault;

    public string? Type { get; internal set; }
    public bool Forced { get; internal set; }
    public YamlMapping? Values { get; internal set; }
    public override string OwnerPath => OwnerPathOf("pluginDefaults:", Type);
}
