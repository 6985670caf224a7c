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
        SitePaths paths,
        bool isRendered)
    {
        Flow = flow;
        Scalar = scalar;
        ViaAlias = viaAlias;
        OwnerKind = ownerKind;
        _paths = paths;
        IsRendered = isRendered;
    }

    // The three paths are written out only when asked for: most sites are never reported, so one field holds
    // them once written rather than three that stay empty (a flow has a site per scalar).
    private readonly SitePaths _paths;
    private JoinedPaths? _joined;

    private sealed class JoinedPaths
    {
        public string? Property, Relative, Owner;
    }

    public FlowDocument Flow { get; }
    public YamlScalar Scalar { get; }
    public string Value => Scalar.Value;

    /// <summary>When the value was reached through a YAML alias, that alias: a finding is reported at the use, not at the anchor.</summary>
    public YamlAlias? ViaAlias { get; }

    public SiteOwnerKind OwnerKind { get; }
    // A site belongs to at most one of these: one field instead of five (a flow has a site per scalar).
    private object? _owner;

    public FlowTask? Task { get => _owner as FlowTask; internal set => SetOwner(value); }
    public FlowTrigger? Trigger { get => _owner as FlowTrigger; internal set => SetOwner(value); }
    public FlowInput? Input { get => _owner as FlowInput; internal set => SetOwner(value); }
    public FlowOutput? Output { get => _owner as FlowOutput; internal set => SetOwner(value); }
    public FlowPluginDefault? PluginDefault { get => _owner as FlowPluginDefault; internal set => SetOwner(value); }

    private void SetOwner(object? owner)
    {
        if (owner is not null) _owner = owner;
    }

    /// <summary>The YAML path from the flow's root, e.g. `tasks[0].message[1]`.</summary>
    public string PropertyPath => (_joined ??= new JoinedPaths()).Property ??= _paths.Property;

    /// <summary>The path below the owner, e.g. `message[1]` or `headers.Authorization`.</summary>
    public string RelativePath => (_joined ??= new JoinedPaths()).Relative ??= _paths.Relative;

    /// <summary>The first property name below the owner (`message` for `message[1]`).</summary>
    public string PropertyName => _paths.PropertyName;

    /// <summary>
    /// The last step of <see cref="RelativePath"/> when the flow walk recorded it as a key (<paramref name="key"/>,
    /// whole even if it holds dots) or a list index (null), without joining the path; false when only the
    /// joined path can tell.
    /// </summary>
    internal bool TryGetLastKey(out string? key) => _paths.TryGetLastKey(out key);

    /// <summary>A stable description of the owner and property, independent of line numbers (for fingerprints).</summary>
    // Shared with other files' sites of the same path: cross-file rules keep it until the run ends.
    public string OwnerPath => (_joined ??= new JoinedPaths()).Owner ??= StringCache.Current.Share(_paths.Owner);

    /// <summary>Whether Kestra renders this value with Pebble (ids, types and descriptions are never rendered).</summary>
    public bool IsRendered { get; }

    /// <summary>
    /// The value parsed as Pebble, or null when it holds no <c>{{</c>, <c>{%</c> or <c>{#</c>. Parsed when first read:
    /// a run with rules turned off (<c>--select</c>, configuration) never parses the values none of its rules reads.
    /// </summary>
    public PebbleTemplate? Template
    {
        get
        {
            var state = _template;
            if (state is PebbleTemplate parsed || state is null) return (PebbleTemplate?)state;
            var template = PebbleParser.Parse(Scalar.Value, Flow.PebbleOptions);
            // A model is analysed on one thread; should two read it at once, both get the template published first.
            return System.Threading.Interlocked.CompareExchange(ref _template, template, state) == state ? template : (PebbleTemplate)_template!;
        }
    }

    /// <summary>Whether the value holds a template (<see cref="Template"/> is then not null), known without parsing it.</summary>
    public bool HasTemplate
    {
        get => _template is not null;
        internal set => _template = value ? (_template ?? NotParsed) : null;
    }

    // Null (no template), NotParsed, or the parsed template.
    private object? _template;
    private static readonly object NotParsed = new();

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

    public override string ToString() => $"{PropertyPath} = {Value}";
}

/// <summary>
/// The paths of a site: the ones of the property it belongs to, written out by the flow walk, and the keys and
/// indexes below it as a chain shared by sibling sites. Nothing is concatenated until a path is asked for.
/// </summary>
internal readonly struct SitePaths
{
    private readonly string _property;
    private readonly string _relative;
    private readonly string _owner;
    private readonly string? _key;
    private readonly PathSegment? _below;

    public SitePaths(string property, string relative, string owner, PathSegment? below)
        : this(property, relative, owner, null, below)
    {
    }

    private SitePaths(string property, string relative, string owner, string? key, PathSegment? below)
    {
        _property = property;
        _relative = relative;
        _owner = owner;
        _key = key;
        _below = below;
    }

    /// <summary>
    /// The paths of a property <paramref name="key"/> of the owner at <paramref name="ownerProperty"/> and
    /// <paramref name="ownerPath"/>: `ownerProperty.key`, `key` and `ownerPath/key`, joined only when asked for
    /// (a flow has a site per scalar, and few are ever reported).
    /// </summary>
    public static SitePaths OfKey(string ownerProperty, string key, string ownerPath) => new(ownerProperty, string.Empty, ownerPath, key, null);

    public SitePaths Below(string? key, int index) => new(_property, _relative, _owner, _key, new PathSegment(_below, key, index));

    private string PropertyBase => _key is null ? _property : _property + "." + _key;
    private string RelativeBase => _key ?? _relative;
    private string OwnerBase => _key is null ? _owner : _owner + "/" + _key;

    public string Property => _below is null ? PropertyBase : PropertyBase + _below.Render('.');
    public string Relative => _below is null ? RelativeBase : RelativeBase + _below.Render('.');
    public string Owner => _below is null ? OwnerBase : OwnerBase + _below.Render('/');

    public string PropertyName
    {
        get
        {
            // The property's own relative path holds the name, unless it is empty and the chain starts it.
            string relative = RelativeBase.Length > 0 || _below is null ? RelativeBase : Relative;
            int end = relative.IndexOfAny(PathSeparators);
            return end < 0 ? relative : relative.Substring(0, end);
        }
    }

    public bool TryGetLastKey(out string? key)
    {
        if (_below is not null)
        {
            key = _below.Key;
            return true;
        }
        key = _key;
        return _key is not null;
    }

    private static readonly char[] PathSeparators = { '.', '[' };
}

internal sealed class PathSegment
{
    public PathSegment(PathSegment? parent, string? key, int index)
    {
        Parent = parent;
        Key = key;
        Index = index;
    }

    public PathSegment? Parent { get; }
    public string? Key { get; }
    public int Index { get; }

    public string Render(char separator)
    {
        var parts = new System.Collections.Generic.List<PathSegment>();
        for (var s = this; s is not null; s = s.Parent) parts.Add(s);
        var text = new System.Text.StringBuilder();
        for (int i = parts.Count - 1; i >= 0; i--)
        {
            if (parts[i].Key is { } key) text.Append(separator).Append(key);
            else text.Append('[').Append(parts[i].Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
        }
        return text.ToString();
    }
}
