using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

/// <summary>What owns a value: the flow itself, a task, a trigger, an input, ...</summary>
public enum SiteOwnerKind
{
    Flow,
    Task,
    Trigger,
    Input,
    Output,
    Variable,
    Label,
    PluginDefault,
}

/// <summary>
/// One scalar value of a flow and where it sits: its owner, its property path, whether Kestra renders it,
/// and, when it holds Pebble, the parsed template. Template spans are in the decoded value's coordinates;
/// <see cref="MapToSource"/> turns them into exact file spans whatever the scalar's style.
/// </summary>
public sealed class ExpressionSite
{
    internal ExpressionSite(
        FlowDocument flow,
        YamlScalar scalar,
        YamlAlias? viaAlias,
        SiteOwnerKind ownerKind,
        string propertyPath,
        string relativePath,
        string ownerPath,
        bool isRendered)
    {
        Flow = flow;
        Scalar = scalar;
        ViaAlias = viaAlias;
        OwnerKind = ownerKind;
        PropertyPath = propertyPath;
        RelativePath = relativePath;
        OwnerPath = ownerPath;
        IsRendered = isRendered;
    }

    public FlowDocument Flow { get; }
    public YamlScalar Scalar { get; }
    public string Value => Scalar.Value;

    /// <summary>When the value was reached through a YAML alias, that alias: a finding is reported at the use, not at the anchor.</summary>
    public YamlAlias? ViaAlias { get; }

    public SiteOwnerKind OwnerKind { get; }
    public FlowTask? Task { get; internal set; }
    public FlowTrigger? Trigger { get; internal set; }
    public FlowInput? Input { get; internal set; }
    public FlowOutput? Output { get; internal set; }
    public FlowPluginDefault? PluginDefault { get; internal set; }

    /// <summary>The YAML path from the flow's root, e.g. `tasks[0].message[1]`.</summary>
    public string PropertyPath { get; }

    /// <summary>The path below the owner, e.g. `message[1]` or `headers.Authorization`.</summary>
    public string RelativePath { get; }

    /// <summary>The first property name below the owner (`message` for `message[1]`).</summary>
    public string PropertyName
    {
        get
        {
            int end = RelativePath.IndexOfAny(PathSeparators);
            return end < 0 ? RelativePath : RelativePath.Substring(0, end);
        }
    }

    /// <summary>A stable description of the owner and property, independent of line numbers (for fingerprints).</summary>
    public string OwnerPath { get; }

    /// <summary>Whether Kestra renders this value with Pebble (ids, types and descriptions are never rendered).</summary>
    public bool IsRendered { get; }

    /// <summary>The parsed template; null when the value holds no `{{`, `{%` or `{#`.</summary>
    public PebbleTemplate? Template { get; internal set; }

    /// <summary>Cache for <see cref="SecretFlow.Analyze"/>.</summary>
    internal System.Collections.Generic.IReadOnlyList<SecretUse>? SecretUses { get; set; }

    /// <summary>The exact file span of a range of the template (the decoded value).</summary>
    public TextSpan MapToSource(TextSpan templateSpan)
    {
        if (ViaAlias is not null) return ViaAlias.Span;
        return Scalar.MapToSource(templateSpan.Start, templateSpan.Length);
    }

    /// <summary>The span a finding about the whole value is reported at.</summary>
    public TextSpan ValueSpan => ViaAlias?.Span ?? Scalar.Span;

    private static readonly char[] PathSeparators = { '.', '[' };

    public override string ToString() => $"{PropertyPath} = {Value}";
}
