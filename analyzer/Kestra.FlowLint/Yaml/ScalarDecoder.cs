using System;
using Kestra.FlowLint.Text;
using static Kestra.FlowLint.Yaml.YamlChars;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// Re-scans a scalar's raw text and records where each decoded character comes from. Each style
/// mirrors YamlDotNet's scanner (Scanner.ScanPlainScalar, ScanFlowScalar, ScanBlockScalar) rule for
/// rule, including its quirks, because the value it decoded is what the map must describe.
/// </summary>
internal sealed partial class ScalarDecoder
{
    [ThreadStatic]
    private static ScalarDecoder? t_current;

    private readonly SegmentBuilder _out = new();

    // The line breaks of the blank region being folded (or a block scalar's pending empty lines).
    private int[] _breakStarts = new int[8];
    private int[] _breakEnds = new int[8];
    private char[] _breakValues = new char[8];
    private int _breakCount;

    public static ScalarDecoder Current => t_current ??= new ScalarDecoder();

    /// <summary>The value decoded by the last scan started with a null expected value.</summary>
    public string Recorded() => _out.Recorded();

    /// <summary>The map of a plain or quoted scalar, built on first use; never null, coarse on disagreement.</summary>
    public static ScalarSourceMap BuildFlowMap(string text, string value, YamlScalarStyle style, TextSpan span)
    {
        try
        {
            ScalarSourceMap? map = null;
            switch (style)
            {
                case YamlScalarStyle.Plain:
                    if (IsVerbatim(text, span.Start, span.Length, value))
                        return ScalarSourceMap.Identity;
                    map = Current.Plain(text, span.Start, span.End, value);
                    break;
                case YamlScalarStyle.SingleQuoted:
                case YamlScalarStyle.DoubleQuoted:
                    if (span.Length >= 2 && IsVerbatim(text, span.Start + 1, span.Length - 2, value))
                        return ScalarSourceMap.Identity;
                    if (span.Length >= 2)
                        map = Current.Quoted(text, span.Start, span.End - 1, style == YamlScalarStyle.SingleQuoted, value);
                    break;
            }
            return map ?? Coarse(value, span);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A decoder bug must not take the analysis down; the coarse map is still correct, only less precise.
            return Coarse(value, span);
        }
    }

    /// <summary>Every value character mapped onto the whole span: honest when the exact map is unknown.</summary>
    public static ScalarSourceMap Coarse(string value, TextSpan span) =>
        value.Length == 0
            ? new ScalarSourceMap(Array.Empty<MapSegment>(), span.Start, isExact: false)
            : new ScalarSourceMap(new[] { new MapSegment(0, value.Length, span.Start, span.Length, isRun: false) }, span.Start, isExact: false);

    private static bool IsVerbatim(string text, int start, int length, string value) =>
        length == value.Length && text.AsSpan(start, length).SequenceEqual(value.AsSpan());

    /// <summary>A plain scalar in [start, end): YamlDotNet's end mark is just after its last non-blank character.</summary>
    public ScalarSourceMap? Plain(string text, int start, int end, string? value)
    {
        _out.Reset(value);
        int i = start;
        while (i < end && !_out.Failed)
        {
            if (IsBlank(text[i]))
            {
                i = Blanks(text, i, end);
            }
            else
            {
                int run = i;
                while (i < end && !IsBlank(text[i]))
                    i++;
                _out.Run(text, run, i - run);
            }
        }
        return _out.ToMap(start);
    }

    /// <summary>A quoted scalar whose quotes are at <paramref name="open"/> and <paramref name="close"/>.</summary>
    public ScalarSourceMap? Quoted(string text, int open, int close, bool single, string? value)
    {
        _out.Reset(value);
        char special = single ? '\'' : '\\';
        int i = open + 1;
        while (i < close && !_out.Failed)
        {
            char c = text[i];
            if (IsBlank(c))
            {
                i = Blanks(text, i, close);
            }
            else if (single && c == '\'')
            {
                // Before the closing quote a quote can only be the first of an escaped pair ('').
                _out.Produce(i, 2, '\'');
                i += 2;
            }
            else if (!single && c == '\\')
            {
                i = i + 1 < close && IsBreak(text[i + 1])
                    ? Fold(text, i, i + 1, close, escapedBreak: true)
                    : Escape(text, i, close);
            }
            else
            {
                int run = i;
                while (i < close && !IsBlank(text[i]) && text[i] != special)
                    i++;
                _out.Run(text, run, i - run);
            }
        }
        return _out.ToMap(open + 1);
    }

    /// <summary>
    /// Spaces and tabs at <paramref name="i"/>: kept verbatim when content follows on the same line,
    /// else folded with the line breaks after them.
    /// </summary>
    private int Blanks(string text, int i, int limit)
    {
        int whitespace = i;
        while (i < limit && IsWhite(text[i]))
            i++;
        if (i >= limit || !IsBreak(text[i]))
        {
            _out.Run(text, whitespace, i - whitespace);
            return i;
        }
        return Fold(text, whitespace, i, limit, escapedBreak: false);
    }

    /// <summary>
    /// Line folding in flow scalars: trailing spaces, the line breaks and the next lines' indentation
    /// from <paramref name="regionStart"/> on become one space (a single break) or one character per
    /// break after the first. After an escaped break (<c>\</c> at end of line) the first break
    /// produces nothing. Each produced character maps to its break plus the blanks up to it, so that
    /// the region is tiled with no gap.
    /// </summary>
    private int Fold(string text, int regionStart, int firstBreak, int limit, bool escapedBreak)
    {
        _breakCount = 0;
        int i = firstBreak;
        while (true)
        {
            int length = BreakLength(text, i);
            AddBreak(i, i + length, BreakValue(text[i]));
            i += length;
            while (i < limit && IsWhite(text[i]))
                i++;
            if (i >= limit || !IsBreak(text[i]))
                break;
        }
        int regionEnd = i;

        bool folds = _breakValues[0] == '\n';
        if (!escapedBreak && folds && _breakCount == 1)
        {
            _out.Produce(regionStart, regionEnd - regionStart, ' ');
            return regionEnd;
        }
        int first = escapedBreak || folds ? 1 : 0;
        for (int k = first; k < _breakCount; k++)
        {
            int from = k == first ? regionStart : _breakEnds[k - 1];
            int to = k == _breakCount - 1 ? regionEnd : _breakEnds[k];
            _out.Produce(from, to - from, _breakValues[k]);
        }
        return regionEnd;
    }

    private int Escape(string text, int i, int limit)
    {
        if (i + 1 >= limit)
        {
            _out.Fail();
            return limit;
        }
        char e = text[i + 1];
        int digits = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0)
        {
            char? simple = SimpleEscape(e);
            if (simple == null)
                _out.Fail();
            else
                _out.Produce(i, 2, simple.Value);
            return i + 2;
        }

        int end = i + 2 + digits;
        if (!TryHex(text, i + 2, digits, limit, out int code))
        {
            _out.Fail();
            return limit;
        }
        if (code is >= 0xD800 and <= 0xDFFF)
        {
            // YamlDotNet pairs an escaped surrogate with the escape that follows it.
            if (end + 1 < limit && text[end] == '\\' && (text[end + 1] == 'u' || text[end + 1] == 'U'))
            {
                int lowDigits = text[end + 1] == 'u' ? 4 : 8;
                int pairEnd = end + 2 + lowDigits;
                if (TryHex(text, end + 2, lowDigits, limit, out int low) && char.IsHighSurrogate((char)code)
                    && low <= 0xFFFF && char.IsLowSurrogate((char)low))
                {
                    _out.Produce(i, pairEnd - i, (char)code, (char)low);
                    return pairEnd;
                }
            }
            _out.Fail();
            return limit;
        }
        if (code > 0x10FFFF)
        {
            _out.Fail();
            return limit;
        }
        if (code < 0x10000)
        {
            _out.Produce(i, end - i, (char)code);
        }
        else
        {
            int v = code - 0x10000;
            _out.Produce(i, end - i, (char)(0xD800 + (v >> 10)), (char)(0xDC00 + (v & 0x3FF)));
        }
        return end;
    }

    private static char? SimpleEscape(char c) => c switch
    {
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        't' or '\t' => '\t',
        'n' => '\n',
        'v' => '\v',
        'f' => '\f',
        'r' => '\r',
        'e' => '\x1B',
        ' ' => ' ',
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'N' => '\x85',
        '_' => '\xA0',
        'L' => '\u2028',
        'P' => '\u2029',
        _ => null,
    };

    private static bool TryHex(string text, int start, int digits, int limit, out int value)
    {
        value = 0;
        if (start + digits > limit)
            return false;
        for (int k = 0; k < digits; k++)
        {
            char c = text[start + k];
            int d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                return false;
            value = (value << 4) + d;
        }
        return true;
    }

    private void AddBreak(int start, int end, char value)
    {
        if (_breakCount == _breakStarts.Length)
        {
            Array.Resize(ref _breakStarts, _breakCount * 2);
            Array.Resize(ref _breakEnds, _breakCount * 2);
            Array.Resize(ref _breakValues, _breakCount * 2);
        }
        _breakStarts[_breakCount] = start;
        _breakEnds[_breakCount] = end;
        _breakValues[_breakCount] = value;
        _breakCount++;
    }
}
