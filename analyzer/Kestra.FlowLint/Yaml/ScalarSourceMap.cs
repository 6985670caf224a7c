using System;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// One piece of a scalar's value→source map. A run maps value characters one to one onto
/// consecutive source characters; an atomic segment maps each of its value characters onto its
/// whole source range (an escape such as <c>\u00e9</c>, a folded line break, <c>''</c>).
/// </summary>
internal readonly struct MapSegment
{
    public MapSegment(int valueStart, int valueLength, int sourceStart, int sourceLength, bool isRun)
    {
        ValueStart = valueStart;
        ValueLength = valueLength;
        SourceStart = sourceStart;
        SourceLength = sourceLength;
        IsRun = isRun;
    }

    public int ValueStart { get; }
    public int ValueLength { get; }
    public int SourceStart { get; }
    public int SourceLength { get; }
    public bool IsRun { get; }
    public int SourceEnd => SourceStart + SourceLength;
    public int ValueEnd => ValueStart + ValueLength;
}

/// <summary>
/// A scalar's value→source map: segments sorted by value offset that tile the value, in increasing
/// source order. A value that is its source text verbatim (the common case) is the shared
/// <see cref="Identity"/> map, which costs nothing.
/// </summary>
internal sealed class ScalarSourceMap
{
    public static readonly ScalarSourceMap Identity = new(null, 0, isExact: true);

    public ScalarSourceMap(MapSegment[]? segments, int valueOrigin, bool isExact)
    {
        Segments = segments;
        IsExact = isExact;
        SourceEnd = segments is { Length: > 0 } ? segments[segments.Length - 1].SourceEnd : valueOrigin;
        ValueOrigin = valueOrigin;
    }

    /// <summary>Null for the identity map.</summary>
    public MapSegment[]? Segments { get; }

    public bool IsExact { get; }

    /// <summary>Where an empty value sits in the file.</summary>
    public int ValueOrigin { get; }

    /// <summary>Just after the value's last source character.</summary>
    public int SourceEnd { get; }

    public int SourceStartOf(int valueIndex)
    {
        ref readonly var s = ref Segments![Find(valueIndex)];
        return s.IsRun ? s.SourceStart + (valueIndex - s.ValueStart) : s.SourceStart;
    }

    public int SourceEndOf(int valueIndex)
    {
        ref readonly var s = ref Segments![Find(valueIndex)];
        return s.IsRun ? s.SourceStart + (valueIndex - s.ValueStart) + 1 : s.SourceEnd;
    }

    private int Find(int valueIndex)
    {
        var segments = Segments!;
        int lo = 0, hi = segments.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (segments[mid].ValueStart <= valueIndex)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
}

/// <summary>
/// Collects segments while a decoder re-scans a scalar's source, and checks every produced
/// character against YamlDotNet's decoded value: YamlDotNet is the truth, and a disagreement
/// (a quirk not reproduced) must give a coarse map rather than a wrong one.
/// </summary>
internal sealed class SegmentBuilder
{
    private MapSegment[] _items = new MapSegment[8];
    private int _count;
    private string? _expected = string.Empty;
    private int _position;

    // Record mode (no expected value): the fast reader decodes values with the same rules that
    // check YamlDotNet's, so the characters produced are kept instead of compared.
    private char[] _recorded = new char[64];

    public bool Failed { get; private set; }

    /// <summary>Just after the last source character consumed into the value (-1 if none).</summary>
    public int SourceEnd { get; private set; }

    /// <summary>Starts a scan; a null <paramref name="expected"/> records the value instead of checking it.</summary>
    public void Reset(string? expected)
    {
        _expected = expected;
        _position = 0;
        _count = 0;
        Failed = false;
        SourceEnd = -1;
    }

    public void Fail() => Failed = true;

    /// <summary>The value produced in record mode.</summary>
    public string Recorded() => new(_recorded, 0, _position);

    private void RecordChar(char c)
    {
        if (_position == _recorded.Length)
            Array.Resize(ref _recorded, _recorded.Length * 2);
        _recorded[_position] = c;
    }

    private void Record(ReadOnlySpan<char> chars)
    {
        if (_position + chars.Length > _recorded.Length)
            Array.Resize(ref _recorded, Math.Max(_recorded.Length * 2, _position + chars.Length));
        chars.CopyTo(_recorded.AsSpan(_position));
    }

    /// <summary>Value characters copied verbatim from <c>text[start..start+length)</c>.</summary>
    public void Run(string text, int start, int length)
    {
        if (Failed || length == 0)
            return;
        if (_expected == null)
            Record(text.AsSpan(start, length));
        else if (_position + length > _expected.Length
            || !text.AsSpan(start, length).SequenceEqual(_expected.AsSpan(_position, length)))
        {
            Failed = true;
            return;
        }
        if (_count > 0)
        {
            ref var last = ref _items[_count - 1];
            if (last.IsRun && last.SourceEnd == start && last.ValueEnd == _position)
            {
                last = new MapSegment(last.ValueStart, last.ValueLength + length, last.SourceStart, last.SourceLength + length, isRun: true);
                _position += length;
                SourceEnd = start + length;
                return;
            }
        }
        Add(new MapSegment(_position, length, start, length, isRun: true));
        _position += length;
        SourceEnd = start + length;
    }

    /// <summary>One value character produced by the source range (an escape, a line break...).</summary>
    public void Produce(int sourceStart, int sourceLength, char c)
    {
        if (Failed)
            return;
        if (_expected == null)
            RecordChar(c);
        else if (_position >= _expected.Length || _expected[_position] != c)
        {
            Failed = true;
            return;
        }
        Add(new MapSegment(_position, 1, sourceStart, sourceLength, isRun: false));
        _position++;
        SourceEnd = sourceStart + sourceLength;
    }

    /// <summary>A surrogate pair produced by one escape (<c>\U0001F600</c>).</summary>
    public void Produce(int sourceStart, int sourceLength, char high, char low)
    {
        if (Failed)
            return;
        if (_expected == null)
        {
            RecordChar(high);
            _position++;
            RecordChar(low);
            _position--;
        }
        else if (_position + 2 > _expected.Length || _expected[_position] != high || _expected[_position + 1] != low)
        {
            Failed = true;
            return;
        }
        Add(new MapSegment(_position, 2, sourceStart, sourceLength, isRun: false));
        _position += 2;
        SourceEnd = sourceStart + sourceLength;
    }

    /// <summary>The map, or null when the re-scan did not reproduce the expected value exactly.</summary>
    public ScalarSourceMap? ToMap(int valueOrigin)
    {
        if (Failed || (_expected != null && _position != _expected.Length))
            return null;
        var segments = new MapSegment[_count];
        Array.Copy(_items, segments, _count);
        return new ScalarSourceMap(segments, valueOrigin, isExact: true);
    }

    private void Add(MapSegment segment)
    {
        if (_count == _items.Length)
            Array.Resize(ref _items, _count * 2);
        _items[_count++] = segment;
    }
}
