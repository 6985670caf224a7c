using System;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

/// <summary>Keys, scalars of every style and one-line flow collections.</summary>
internal sealed partial class FastTreeReader
{
    // The last key scan: a line is scanned once to tell a key from a scalar, then again to parse it.
    private int _scanFrom = -1;
    private int _scanColon = -1;

    /// <summary>The colon of a one-line simple key ("key:", "'key' :") at <paramref name="p"/>, or -1.</summary>
    private int ScanKey(int p)
    {
        if (p != _scanFrom)
        {
            _scanFrom = p;
            _scanColon = ScanKeyCore(p);
        }
        return _scanColon;
    }

    private int ScanKeyCore(int p)
    {
        var text = _text;
        char c = text[p];
        int q;
        if (c == '"' || c == '\'')
        {
            q = FindClosingQuoteOnLine(p);
            if (q < 0)
                return -1;
            q++;
            while (q < _length && text[q] == ' ')
                q++;
            return q < _length && text[q] == ':' && IsBlankOrEnd(q + 1) ? q : -1;
        }
        if (!IsPlainStart(p))
            return -1;
        // YamlDotNet reads "a *b: 1" as the first line of a document as one plain scalar; keys with
        // these characters are too rare in flows to be worth reproducing that (-2: give up).
        bool odd = c == '*' || c == '&' || c == '!';
        for (q = p + 1; q < _length; q++)
        {
            char ch = text[q];
            if (ch == '\n' || ch == '\r')
                return -1;
            if (ch == ':' && IsBlankOrEnd(q + 1))
                return odd ? -2 : q;
            if (ch == '#' && text[q - 1] == ' ')
                return -1;
            odd |= ch == '*' || ch == '&' || ch == '!';
        }
        return -1;
    }

    /// <summary>The closing quote of a quoted scalar that stays on its line, or -1.</summary>
    private int FindClosingQuoteOnLine(int p)
    {
        var text = _text;
        char quote = text[p];
        for (int q = p + 1; q < _length; q++)
        {
            char ch = text[q];
            if (ch == '\n' || ch == '\r')
                return -1;
            if (quote == '\'' && ch == '\'')
            {
                if (q + 1 < _length && text[q + 1] == '\'')
                    q++;
                else
                    return q;
            }
            else if (quote == '"')
            {
                if (ch == '"')
                    return q;
                if (ch == '\\')
                    q++;
            }
        }
        return -1;
    }

    /// <summary>
    /// Whether a plain scalar may start here. Stricter than YAML: every indicator is refused but a dash
    /// glued to what follows ("-1", "--flag").
    /// </summary>
    private bool IsPlainStart(int p)
    {
        char c = _text[p];
        switch (c)
        {
            case '-':
                return !IsBlankOrEnd(p + 1) && !IsMarkerLike(p);
            case '?':
            case ':':
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
                return false;
            default:
                return !(c == '.' && IsMarkerLike(p));
        }
    }

    private YamlScalar ParseKey(YamlMapping mapping, int depth, int colon)
    {
        if (colon == -2)
            throw Bail("'*', '&' or '!' in a key");
        CheckLimits(depth);
        int p = _content;
        if (colon - p > 1000)
            throw Bail("long key");
        char c = _text[p];
        if (c == '"' || c == '\'')
        {
            int close = FindClosingQuoteOnLine(p);
            string value = QuotedValue(p, close, simple: _text.IndexOf(c == '"' ? '\\' : '\'', p + 1, close - p - 1) < 0);
            return new YamlScalar(mapping, depth, value, c == '"' ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.SingleQuoted, _source)
            {
                Span = TextSpan.FromBounds(p, close + 1),
            };
        }
        int end = colon;
        while (end > p && _text[end - 1] == ' ')
            end--;
        return new YamlScalar(mapping, depth, _strings.Get(_text, p, end - p), YamlScalarStyle.Plain, _source)
        {
            Span = TextSpan.FromBounds(p, end),
        };
    }

    /// <summary>
    /// A plain scalar: its first line from <paramref name="p"/>, then the lines indented deeper than
    /// its collection up to a comment, a blank-only end or a less indented line.
    /// </summary>
    private YamlScalar ParsePlain(YamlNode? parent, int depth, int parentColumn, int p)
    {
        if (!IsPlainStart(p))
            throw Bail("plain scalar start '" + _text[p] + "'");
        CheckLimits(depth);
        var text = _text;
        int q = ScanPlainLine(p, out int end, out bool comment);
        bool multiline = false;
        while (!comment && q < _length)
        {
            // q is at a line break: skip blank lines to the next line with content.
            int lineStart = BreakEnd(q);
            int r = lineStart;
            while (true)
            {
                while (r < _length && text[r] == ' ')
                    r++;
                if (r < _length && (text[r] == '\n' || text[r] == '\r'))
                {
                    lineStart = BreakEnd(r);
                    r = lineStart;
                    continue;
                }
                break;
            }
            if (r >= _length || r - lineStart <= parentColumn || text[r] == '#' || IsMarkerLike(r))
                break;
            if (!IsPlainStart(r))
                throw Bail("plain continuation starts with an indicator");
            q = ScanPlainLine(r, out end, out comment);
            multiline = true;
        }

        string value;
        if (!multiline)
        {
            value = _strings.Get(text, p, end - p);
        }
        else
        {
            var decoder = ScalarDecoder.Current;
            if (decoder.Plain(text, p, end, null) == null)
                throw Bail("plain scalar decoding");
            value = decoder.Recorded();
        }
        var node = new YamlScalar(parent, depth, value, YamlScalarStyle.Plain, _source) { Span = TextSpan.FromBounds(p, end) };
        EndLine(end);
        return node;
    }

    /// <summary>
    /// One line of a plain scalar: returns where the scan stopped (a line break, the end, or a
    /// comment's '#'), with <paramref name="end"/> just after the last non-blank character.
    /// </summary>
    private int ScanPlainLine(int p, out int end, out bool comment)
    {
        var text = _text;
        comment = false;
        end = p;
        int q = p;
        while (q < _length)
        {
            char ch = text[q];
            if (ch == '\n' || ch == '\r')
                break;
            if (ch != ' ')
            {
                if (ch == ':' && IsBlankOrEnd(q + 1))
                    throw Bail("': ' in a plain scalar");
                if (ch == '#' && q > p && text[q - 1] == ' ')
                {
                    comment = true;
                    break;
                }
                end = q + 1;
            }
            q++;
        }
        return q;
    }

    /// <summary>A single- or double-quoted scalar, possibly over several lines.</summary>
    private YamlScalar ParseQuoted(YamlNode? parent, int depth, int parentColumn, int p)
    {
        CheckLimits(depth);
        var text = _text;
        char quote = text[p];
        bool single = quote == '\'';
        bool simple = true;
        int q = p + 1;
        while (true)
        {
            if (q >= _length)
                throw Bail("unclosed quoted scalar");
            char ch = text[q];
            if (ch == '\n' || ch == '\r')
            {
                simple = false;
                q = BreakEnd(q);
                int r = q;
                while (r < _length && text[r] == ' ')
                    r++;
                if (IsMarkerLike(q) || (r < _length && !IsBreakAt(r) && r - q <= parentColumn))
                    throw Bail("quoted scalar continuation not indented");
                continue;
            }
            if (ch == quote)
            {
                if (single && q + 1 < _length && text[q + 1] == '\'')
                {
                    simple = false;
                    q += 2;
                    continue;
                }
                break;
            }
            if (!single && ch == '\\')
            {
                simple = false;
                q++;
                if (q < _length && (text[q] == '\n' || text[q] == '\r'))
                    continue;
            }
            q++;
        }
        string value = QuotedValue(p, q, simple);
        var node = new YamlScalar(parent, depth, value, single ? YamlScalarStyle.SingleQuoted : YamlScalarStyle.DoubleQuoted, _source)
        {
            Span = TextSpan.FromBounds(p, q + 1),
        };
        EndLine(q + 1);
        return node;
    }

    /// <summary>The value between quotes at <paramref name="open"/> and <paramref name="close"/>: verbatim when simple, else decoded.</summary>
    private string QuotedValue(int open, int close, bool simple)
    {
        if (simple)
            return _strings.Get(_text, open + 1, close - open - 1);
        var decoder = ScalarDecoder.Current;
        if (decoder.Quoted(_text, open, close, _text[open] == '\'', null) == null)
            throw Bail("quoted scalar decoding");
        return decoder.Recorded();
    }

    /// <summary>A literal or folded scalar, decoded (and mapped) by the rules that map YamlDotNet's.</summary>
    private YamlScalar ParseBlockScalar(YamlNode? parent, int depth, int parentColumn, int p)
    {
        CheckLimits(depth);
        var text = _text;
        int h = p + 1;
        if (h < _length && (text[h] == '+' || text[h] == '-'))
        {
            h++;
            if (h < _length && text[h] >= '1' && text[h] <= '9')
                h++;
        }
        else if (h < _length && text[h] >= '1' && text[h] <= '9')
        {
            h++;
            if (h < _length && (text[h] == '+' || text[h] == '-'))
                h++;
        }
        if (h < _length && text[h] != ' ' && !IsBreakAt(h))
            throw Bail("block scalar header");
        int r = h;
        while (r < _length && text[r] == ' ')
            r++;
        if (r < _length && text[r] == '#')
            r = AddComment(r);
        if (r < _length && !IsBreakAt(r))
            throw Bail("content after a block scalar header");
        int firstLine = r < _length ? BreakEnd(r) : _length;
        int s = firstLine;
        while (s < _length && text[s] == ' ')
            s++;
        if (s < _length && IsBreakAt(s))
            throw Bail("block scalar starts with an empty line");

        var decoder = ScalarDecoder.Current;
        var map = decoder.Block(text, p, parentColumn, text[p] == '|', null, out int end);
        if (map == null)
            throw Bail("block scalar decoding");
        end = Math.Min(end, _length);
        var node = new YamlScalar(parent, depth, decoder.Recorded(), text[p] == '|' ? YamlScalarStyle.Literal : YamlScalarStyle.Folded, _source)
        {
            Span = TextSpan.FromBounds(p, end),
        };
        node.SetMap(map);

        int resume = Math.Max(end, firstLine);
        if (resume >= _length)
        {
            _eof = true;
            _content = _length;
        }
        else if (resume == firstLine || text[resume - 1] == '\n' || text[resume - 1] == '\r')
        {
            FindContent(resume);
        }
        else
        {
            EndLine(resume);
        }
        return node;
    }

    /// <summary>"[]", "{}" and one-line flow sequences of scalars.</summary>
    private YamlNode ParseFlow(YamlNode? parent, int depth, int p)
    {
        CheckLimits(depth);
        var text = _text;
        int q = SkipSpaces(p + 1);
        if (text[p] == '{')
        {
            if (q >= _length || text[q] != '}')
                throw Bail("flow mapping");
            var mapping = new YamlMapping(parent, depth, isFlowStyle: true) { Span = TextSpan.FromBounds(p, q + 1) };
            EndLine(q + 1);
            return mapping;
        }

        var sequence = new YamlSequence(parent, depth, isFlowStyle: true);
        int childStart = _childCount;
        if (q < _length && text[q] == ']')
        {
            sequence.SetItems(Array.Empty<YamlNode>());
            sequence.Span = TextSpan.FromBounds(p, q + 1);
            EndLine(q + 1);
            return sequence;
        }
        while (true)
        {
            if (q >= _length)
                throw Bail("unclosed flow sequence");
            CheckLimits(depth + 1);
            char c = text[q];
            YamlScalar item;
            if (c == '"' || c == '\'')
            {
                int close = FindClosingQuoteOnLine(q);
                if (close < 0)
                    throw Bail("flow sequence over several lines");
                bool simple = text.IndexOf(c == '"' ? '\\' : '\'', q + 1, close - q - 1) < 0;
                item = new YamlScalar(sequence, depth + 1, QuotedValue(q, close, simple), c == '"' ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.SingleQuoted, _source)
                {
                    Span = TextSpan.FromBounds(q, close + 1),
                };
                q = close + 1;
            }
            else
            {
                if (!IsPlainStart(q) || (c == '-' && IsFlowIndicator(text[q + 1])))
                    throw Bail("flow item start");
                int start = q;
                int end = q;
                while (q < _length)
                {
                    char ch = text[q];
                    if (ch == ',' || ch == ']')
                        break;
                    if (ch == '\n' || ch == '\r')
                        throw Bail("flow sequence over several lines");
                    if (ch == ':' || ch == '#' || ch == '[' || ch == '{' || ch == '}')
                        throw Bail("flow item character '" + ch + "'");
                    q++;
                    if (ch != ' ')
                        end = q;
                }
                item = new YamlScalar(sequence, depth + 1, _strings.Get(text, start, end - start), YamlScalarStyle.Plain, _source)
                {
                    Span = TextSpan.FromBounds(start, end),
                };
            }
            Push(item);
            sequence.AddExpandedSize(1);
            q = SkipSpaces(q);
            if (q < _length && text[q] == ',')
            {
                q = SkipSpaces(q + 1);
                if (q < _length && text[q] == ']')
                    throw Bail("trailing comma");
                continue;
            }
            if (q < _length && text[q] == ']')
                break;
            throw Bail("flow sequence");
        }

        sequence.SetItems(PopChildren(childStart));
        sequence.Span = TextSpan.FromBounds(p, q + 1);
        EndLine(q + 1);
        return sequence;
    }

    private static bool IsFlowIndicator(char c) => c == ',' || c == '[' || c == ']' || c == '{' || c == '}';

    private int SkipSpaces(int q)
    {
        while (q < _length && _text[q] == ' ')
            q++;
        return q;
    }
}
