using System;
using System.Threading;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// A scalar with its decoded value and a value→source map: any range of <see cref="Value"/> (for
/// example a Pebble expression found in it) can be turned back into the exact span of the file it
/// was decoded from, whatever the quoting, escapes, folding or chomping.
/// </summary>
public sealed class YamlScalar : YamlNode
{
    // The source text until the map is built, then the map (which no longer needs the text): one
    // field instead of two, since every node of the tree stays alive as long as the tree. Maps of
    // flow scalars are built on first use (most are never asked for); block scalars get theirs
    // while parsing because their span is derived from it. A scalar with an anchor or a tag (rare)
    // holds them here too, beside its text or map.
    private object _sourceOrMap;

    private sealed class WithProperties
    {
        public WithProperties(AnchorAndTag properties, object sourceOrMap)
        {
            Properties = properties;
            SourceOrMap = sourceOrMap;
        }

        public readonly AnchorAndTag Properties;
        public object SourceOrMap;
    }

    private protected override AnchorAndTag? GetProperties() => (_sourceOrMap as WithProperties)?.Properties;

    private protected override void StoreProperties(AnchorAndTag properties) =>
        _sourceOrMap = new WithProperties(properties, _sourceOrMap is WithProperties known ? known.SourceOrMap : _sourceOrMap);

    internal YamlScalar(YamlNode? parent, int depth, string value, YamlScalarStyle style, SourceText source)
        : base(parent, depth)
    {
        Value = value;
        Style = style;
        _sourceOrMap = source;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Scalar;

    /// <summary>The decoded value, as YamlDotNet (and so Kestra's loader) sees it.</summary>
    public string Value { get; }

    public YamlScalarStyle Style { get; }

    /// <summary>
    /// A plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or an empty value (<c>key:</c>), unless
    /// tagged as something else than <c>!!null</c>.
    /// </summary>
    public bool IsNull =>
        Style == YamlScalarStyle.Plain
        && (Tag == null || Tag == "tag:yaml.org,2002:null")
        && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// The file span a range of the decoded value comes from. A range that starts or ends inside a
    /// character produced by several source characters (an escape, a folded line break) covers all
    /// of them. An empty range maps to an empty span at the position of <paramref name="valueStart"/>.
    /// </summary>
    public TextSpan MapToSource(int valueStart, int valueLength)
    {
        if (valueStart < 0 || valueStart > Value.Length)
            throw new ArgumentOutOfRangeException(nameof(valueStart));
        if (valueLength < 0 || valueStart + valueLength > Value.Length)
            throw new ArgumentOutOfRangeException(nameof(valueLength));

        if (valueLength == 0)
            return new TextSpan(MapOffset(valueStart), 0);

        var map = GetMap();
        if (map.Segments == null)
        {
            int origin = IdentityOrigin;
            return new TextSpan(origin + valueStart, valueLength);
        }
        return TextSpan.FromBounds(map.SourceStartOf(valueStart), map.SourceEndOf(valueStart + valueLength - 1));
    }

    /// <summary>
    /// The file offset where value character <paramref name="valueIndex"/> starts; for
    /// <c>Value.Length</c>, the offset just after the value's last source character.
    /// </summary>
    public int MapOffset(int valueIndex)
    {
        if (valueIndex < 0 || valueIndex > Value.Length)
            throw new ArgumentOutOfRangeException(nameof(valueIndex));

        var map = GetMap();
        if (map.Segments == null)
            return IdentityOrigin + valueIndex;
        if (valueIndex == Value.Length)
            return map.SourceEnd;
        return map.SourceStartOf(valueIndex);
    }

    /// <summary>False when re-scanning the source did not reproduce YamlDotNet's value (the map is then coarse).</summary>
    internal bool IsMapExact => GetMap().IsExact;

    internal ScalarSourceMap GetMap()
    {
        var state = Volatile.Read(ref _sourceOrMap);
        var withProperties = state as WithProperties;
        if (withProperties is not null)
            state = Volatile.Read(ref withProperties.SourceOrMap);
        if (state is ScalarSourceMap built)
            return built;
        // Maps are immutable and equal whoever builds them: a race only duplicates work.
        var map = ScalarDecoder.BuildFlowMap(((SourceText)state).Text, Value, Style, Span);
        SetMap(map, withProperties);
        return map;
    }

    internal void SetMap(ScalarSourceMap map) => SetMap(map, _sourceOrMap as WithProperties);

    private void SetMap(ScalarSourceMap map, WithProperties? withProperties)
    {
        if (withProperties is null) Volatile.Write(ref _sourceOrMap, map);
        else Volatile.Write(ref withProperties.SourceOrMap, map);
    }

    // Where value character 0 sits when the value is the source text verbatim.
    private int IdentityOrigin => Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted ? Span.Start + 1 : Span.Start;
}
