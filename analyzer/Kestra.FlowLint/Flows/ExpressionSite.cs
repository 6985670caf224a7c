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
    // A flow has a site per scalar, most of which no rule reports: what the sites of one owner have in common is
    // one shared scope, and what is rarely set (an alias, joined paths) is one optional object, which keeps a
    // site at five references and a flag.
    private readonly SitePaths _paths;
    private object? _template;
    private Extras? _extras;

    internal ExpressionSite(YamlScalar scalar, YamlAlias? viaAlias, SitePaths paths, bool isRendered)
    {
        Scalar = scalar;
        _paths = paths;
        IsRendered = isRendered;
        if (viaAlias is not null) _extras = new Extras { ViaAlias = viaAlias };
    }

    private sealed class Extras
    {
        public YamlAlias? ViaAlias;
        public string? Property, Relative, Owner;
    }

    public FlowDocument Flow => _paths.Scope.Flow;
    public YamlScalar Scalar { get; }
    public string Value => Scalar.Value;

    /// <summary>When the value was reached through a YAML alias, that alias: a finding is reported at the use, not at the anchor.</summary>
    public YamlAlias? ViaAlias => _extras?.ViaAlias;

    public SiteOwnerKind OwnerKind => _paths.Scope.Kind;

    public FlowTask? Task => _paths.Scope.Owner as FlowTask;
    public FlowTrigger? Trigger => _paths.Scope.Owner as FlowTrigger;
    public FlowInput? Input => _paths.Scope.Owner as FlowInput;
    public FlowOutput? Output => _paths.Scope.Owner as FlowOutput;
    public FlowPluginDefault? PluginDefault => _paths.Scope.Owner as FlowPluginDefault;

    /// <summary>The YAML path from the flow's root, e.g. `tasks[0].message[1]`.</summary>
    public string PropertyPath => (_extras ??= new Extras()).Property ??= _paths.Property;

    /// <summary>The path below the owner, e.g. `message[1]` or `headers.Authorization`.</summary>
    public string RelativePath => (_extras ??= new Extras()).Relative ??= _paths.Relative;

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
    public string OwnerPath => (_extras ??= new Extras()).Owner ??= StringCache.Current.Share(_paths.Owner);

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
    private static readonly object NotParsed = new();

    /// <summary>The exact file span of a range of the template (the decoded value).</summary>
    public TextSpan MapToSource(TextSpan templateSpan)
    {
        if (ViaAlias is { } alias) return alias.Span;
        return Scalar.MapToSource(templateSpan.Start, templateSpan.Length);
    }

    /// <summary>The span a finding about the whole value is reported at.</summary>
    public TextSpan ValueSpan => ViaAlias?.Span ?? Scalar.Span;

    public override string ToString() => $"{PropertyPath} = {Value}";
}

/// <summary>
/// What the sites of one owner share: the flow, the owner and its kind, and the paths the walk wrote out for it.
/// Tasks and flow-level list items are their own properties' scope; <see cref="SiteScope"/> serves the rest.
/// </summary>
internal interface ISiteScope
{
    FlowDocument Flow { get; }
    SiteOwnerKind Kind { get; }
    object? Owner { get; }
    string Property { get; }
    string Relative { get; }
    string OwnerPath { get; }
}

/// <summary>The scope of values whose owner is not a task or list item, or whose paths are not the owner's own.</summary>
internal sealed class SiteScope : ISiteScope
{
    public SiteScope(FlowDocument flow, SiteOwnerKind kind, object? owner, string property, string relative, string ownerPath)
    {
        Flow = flow;
        Kind = kind;
        Owner = owner;
        Property = property;
        Relative = relative;
        OwnerPath = ownerPath;
    }

    public FlowDocument Flow { get; }
    public SiteOwnerKind Kind { get; }
    public object? Owner { get; }
    public string Property { get; }
    public string Relative { get; }
    public string OwnerPath { get; }
}

/// <summary>
/// The paths of a site: its scope's, and the keys and indexes below it as a chain shared by sibling sites.
/// Nothing is concatenated until a path is asked for.
/// </summary>
internal readonly struct SitePaths
{
    private readonly string? _key;
    private readonly PathSegment? _below;

    /// <summary>The paths of the value at <paramref name="scope"/>'s own paths.</summary>
    public SitePaths(ISiteScope scope)
        : this(scope, null, null)
    {
    }

    private SitePaths(ISiteScope scope, string? key, PathSegment? below)
    {
        Scope = scope;
        _key = key;
        _below = below;
    }

    public ISiteScope Scope { get; }

    /// <summary>
    /// The paths of a property <paramref name="key"/> of the owner of <paramref name="scope"/> (whose relative path
    /// is empty): `property.key` (or `key` for the flow's own), `key` and `owner/key`, joined only when asked for.
    /// </summary>
    public static SitePaths OfKey(ISiteScope scope, string key) => new(scope, key, null);

    public SitePaths Below(string? key, int index) => new(Scope, _key, new PathSegment(_below, key, index));

    // A flow-level scope has no property path of its own: its keys start the path.
    private string PropertyBase => _key is null ? Scope.Property : Scope.Property.Length == 0 ? _key : Scope.Property + "." + _key;
    private string RelativeBase => _key ?? Scope.Relative;
    private string OwnerBase => _key is null ? Scope.OwnerPath : Scope.OwnerPath + "/" + _key;

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
