using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// A single-pass reader for the subset of YAML that flows are written in, building exactly the tree
/// that <see cref="TreeBuilder"/> builds from YamlDotNet's events, at a fraction of the cost (no
/// tokens, marks or event objects). It is not a YAML parser: whenever the text leaves the subset, or
/// is anything it is not sure about (including every syntax error), it gives up and
/// <see cref="YamlParser"/> falls back to YamlDotNet. Correctness rests on that: the differential
/// tests (FastTreeReaderTests) parse every accepted input both ways and compare the trees.
/// </summary>
/// <remarks>
/// The subset: block mappings and sequences (compact "- key: v" and "- - x" nesting, sequences at their
/// key's column), plain scalars (multi-line too), single- and double-quoted scalars (multi-line and
/// escapes, decoded by <see cref="ScalarDecoder"/>), literal and folded block scalars, comments,
/// "---" separated documents, and one-line flow sequences of scalars, "[]" and "{}". Given up on:
/// tabs, control characters, NEL/LS/PS, byte order marks, anchors, aliases, tags, directives,
/// "...", "?" keys, other flow collections, scalar roots, streams without a document, empty
/// documents, keys containing '*', '&' or '!', quoted continuation lines not indented deeper than
/// their collection, block scalars starting with an empty line, and anything malformed.
/// </remarks>
internal sealed partial class FastTreeReader
{
    // Deeper than this the reader gives up (it recurses; YamlDotNet's path has no recursion).
    private const int MaxRecursion = 200;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly int _length;
    private readonly YamlParseOptions _options;
    private readonly List<YamlDocument> _documents = new();
    private readonly List<YamlComment> _comments = new();
    private readonly StringCache _strings = StringCache.Current;

    // Children of the open collections, innermost last (keys and values alternate for mappings).
    private YamlNode[] _children = new YamlNode[64];
    private int _childCount;
    private int _nodeCount;

    // The cursor: the next unread content is at _content, in column _column of the line starting at
    // _lineStart; _eof once only blank lines and comments remain.
    private int _lineStart;
    private int _content;
    private int _column;
    private bool _eof;

    private string? _bailReason;

    private FastTreeReader(SourceText source, YamlParseOptions options)
    {
        _source = source;
        _text = source.Text;
        _length = _text.Length;
        _options = options;
    }

    /// <summary>The tree, or null when the text is not in the subset (<paramref name="reason"/> says why).</summary>
    public static YamlStream? TryRead(SourceText source, YamlParseOptions options, out string? reason)
    {
        var reader = new FastTreeReader(source, options);
        try
        {
            reader.Read();
            reason = null;
            return new YamlStream(source, reader._documents, reader._comments, Array.Empty<YamlError>(), hitLimit: false);
        }
        catch (BailOut)
        {
            reason = reader._bailReason;
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of the fast path must cost speed, never a wrong tree or a crash.
            reason = "internal: " + ex.GetType().Name + ": " + ex.Message;
            return null;
        }
    }

    private sealed class BailOut : Exception
    {
    }

    private Exception Bail(string reason)
    {
        _bailReason = reason;
        return new BailOut();
    }

    private void Read()
    {
        CheckCharacters();
        FindContent(0);
        bool first = true;
        while (!_eof)
        {
            int start, headerEnd;
            if (IsDocumentMarker(_content, '-'))
            {
                start = _content;
                headerEnd = _content + 3;
                EndLine(headerEnd);
                if (_eof || IsDocumentMarker(_content, '-'))
                    throw Bail("empty document");
            }
            else if (!first)
            {
                throw Bail("content after the root");
            }
            else
            {
                start = headerEnd = _content;
            }
            first = false;
            // Flows are mappings; a scalar root (rare, and with its own document-span quirks) is left to YamlDotNet.
            var root = ParseBlockNode(null, 0, -1);
            if (root is YamlScalar)
                throw Bail("scalar root");
            if (!_eof && !IsDocumentMarker(_content, '-'))
                throw Bail("content after the root");
            _documents.Add(new YamlDocument(
                _documents.Count,
                root,
                TextSpan.FromBounds(Math.Min(start, root.Span.Start), Math.Max(headerEnd, root.Span.End)),
                isComplete: true,
                aliasExpansionExceeded: false));
        }
        // YamlDotNet drops some comments of a stream without documents (blank or comments only).
        if (_documents.Count == 0)
            throw Bail("no document");
    }

    /// <summary>Gives up on characters whose handling by YamlDotNet the reader does not reproduce.</summary>
    private void CheckCharacters()
    {
        var text = _text;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= ' ' && c < '\x7F')
                continue;
            if (c == '\n' || c == '\r')
                continue;
            if (c < ' ' || (c >= '\x7F' && c <= '\x9F') || c == '\u2028' || c == '\u2029' || c >= '\uFFFE' || c == '\uFEFF')
                throw Bail("character U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    throw Bail("unpaired surrogate");
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                throw Bail("unpaired surrogate");
            }
        }
    }

    // ---- Lines --------------------------------------------------------------------------------

    private bool IsBreakAt(int i) => i < _length && (_text[i] == '\n' || _text[i] == '\r');

    private int BreakEnd(int i) => _text[i] == '\r' && i + 1 < _length && _text[i + 1] == '\n' ? i + 2 : i + 1;

    /// <summary>A space, a line break or the end of the text after an indicator.</summary>
    private bool IsBlankOrEnd(int i) => i >= _length || _text[i] == ' ' || _text[i] == '\n' || _text[i] == '\r';

    /// <summary>From a line start, skips blank and comment-only lines to the next content (or the end).</summary>
    private void FindContent(int lineStart)
    {
        var text = _text;
        while (true)
        {
            int p = lineStart;
            while (p < _length && text[p] == ' ')
                p++;
            if (p >= _length)
            {
                _eof = true;
                _lineStart = lineStart;
                _column = p - lineStart;
                _content = p;
                return;
            }
            char c = text[p];
            if (c == '#')
            {
                p = AddComment(p);
                if (p >= _length)
                {
                    _eof = true;
                    _content = p;
                    return;
                }
                c = text[p];
            }
            if (c == '\n' || c == '\r')
            {
                lineStart = BreakEnd(p);
                continue;
            }
            _lineStart = lineStart;
            _content = p;
            _column = p - lineStart;
            return;
        }
    }

    /// <summary>After a node that ends its line at <paramref name="p"/>: only blanks and a comment may follow.</summary>
    private void EndLine(int p)
    {
        var text = _text;
        while (p < _length && text[p] == ' ')
            p++;
        if (p < _length && text[p] == '#')
        {
            if (p > 0 && text[p - 1] != ' ')
                throw Bail("'#' glued to a node");
            p = AddComment(p);
        }
        if (p >= _length)
        {
            _eof = true;
            _content = p;
            return;
        }
        if (!IsBreakAt(p))
            throw Bail("content after a node on its line");
        FindContent(BreakEnd(p));
    }

    /// <summary>Records the comment at <paramref name="start"/>; returns its end.</summary>
    private int AddComment(int start)
    {
        var text = _text;
        int end = start + 1;
        while (end < _length && text[end] != '\n' && text[end] != '\r')
            end++;
        bool isInline = false;
        for (int i = start - 1; i >= 0 && text[i] != '\n' && text[i] != '\r'; i--)
        {
            if (text[i] != ' ')
            {
                isInline = true;
                break;
            }
        }
        _comments.Add(new YamlComment(TextSpan.FromBounds(start, end), text.Substring(start + 1, end - start - 1), isInline));
        return end;
    }

    /// <summary>"---" or "..." at the start of a line, followed by a blank or the end.</summary>
    private bool IsDocumentMarker(int i, char c) =>
        (i == 0 || _text[i - 1] == '\n' || _text[i - 1] == '\r')
        && i + 2 < _length && _text[i] == c && _text[i + 1] == c && _text[i + 2] == c && IsBlankOrEnd(i + 3);

    private bool IsMarkerLike(int i) =>
        (i == 0 || _text[i - 1] == '\n' || _text[i - 1] == '\r')
        && i + 2 < _length && ((_text[i] == '-' && _text[i + 1] == '-' && _text[i + 2] == '-') || (_text[i] == '.' && _text[i + 1] == '.' && _text[i + 2] == '.'));

    // ---- Tree ---------------------------------------------------------------------------------

    /// <summary>Counts a node as TreeBuilder's CheckLimits does; near a limit YamlDotNet's path reports it.</summary>
    private void CheckLimits(int depth)
    {
        if (depth > _options.MaxDepth || depth > MaxRecursion)
            throw Bail("depth");
        if (++_nodeCount > _options.MaxNodes)
            throw Bail("node count");
    }

    private void Push(YamlNode node)
    {
        if (_childCount == _children.Length)
            Array.Resize(ref _children, _childCount * 2);
        _children[_childCount++] = node;
    }

    /// <summary>The children pushed since <paramref name="childStart"/>, in order, taken off the stack.</summary>
    private YamlNode[] PopChildren(int childStart)
    {
        int count = _childCount - childStart;
        var items = new YamlNode[count];
        Array.Copy(_children, childStart, items, 0, count);
        Array.Clear(_children, childStart, count);
        _childCount = childStart;
        return items;
    }

    /// <summary>The node at the cursor, which starts its line (or follows "- "), in a collection at <paramref name="parentColumn"/>.</summary>
    private YamlNode ParseBlockNode(YamlNode? parent, int depth, int parentColumn)
    {
        int p = _content;
        char c = _text[p];
        if (c == '-' && IsBlankOrEnd(p + 1))
        {
            if (IsMarkerLike(p))
                throw Bail("document marker");
            return ParseSequence(parent, depth, _column, indentless: false);
        }
        if (ScanKey(p) != -1)
            return ParseMapping(parent, depth, _column);
        return ParseInlineValue(parent, depth, parentColumn, p);
    }

    private YamlMapping ParseMapping(YamlNode? parent, int depth, int column)
    {
        CheckLimits(depth);
        var mapping = new YamlMapping(parent, depth, isFlowStyle: false);
        int start = _content;
        int childStart = _childCount;
        int lastEnd = start;
        while (true)
        {
            int colon = ScanKey(_content);
            if (colon == -1)
                throw Bail("not a key");
            var key = ParseKey(mapping, depth + 1, colon);
            Push(key);
            mapping.AddExpandedSize(1);
            lastEnd = Math.Max(lastEnd, key.Span.End);

            var value = ParseMappingValue(mapping, depth + 1, column, colon);
            Push(value);
            mapping.AddExpandedSize(value.ExpandedSize);
            lastEnd = Math.Max(lastEnd, value.Span.End);

            if (_eof || _column < column || IsDocumentMarker(_content, '-'))
                break;
            if (_column > column)
                throw Bail("unexpected indentation in a mapping");
        }

        int count = _childCount - childStart;
        var entries = new YamlEntry[count / 2];
        for (int k = 0; k < entries.Length; k++)
            entries[k] = new YamlEntry(_children[childStart + 2 * k], _children[childStart + 2 * k + 1]);
        Array.Clear(_children, childStart, count);
        _childCount = childStart;
        mapping.SetEntries(entries);
        mapping.Span = TextSpan.FromBounds(start, lastEnd);
        return mapping;
    }

    private YamlSequence ParseSequence(YamlNode? parent, int depth, int column, bool indentless)
    {
        CheckLimits(depth);
        var sequence = new YamlSequence(parent, depth, isFlowStyle: false);
        int start = _content;
        int childStart = _childCount;
        int lastEnd = start;
        while (true)
        {
            int dash = _content;
            int p = dash + 1;
            while (p < _length && _text[p] == ' ')
                p++;
            YamlNode item;
            if (p >= _length || IsBreakAt(p) || _text[p] == '#')
            {
                EndLine(p);
                if (!_eof && _column > column)
                {
                    item = ParseBlockNode(sequence, depth + 1, column);
                }
                else
                {
                    CheckLimits(depth + 1);
                    item = new YamlScalar(sequence, depth + 1, string.Empty, YamlScalarStyle.Plain, _source) { Span = new TextSpan(dash + 1, 0) };
                }
            }
            else
            {
                _content = p;
                _column = p - _lineStart;
                item = ParseBlockNode(sequence, depth + 1, column);
            }
            Push(item);
            sequence.AddExpandedSize(item.ExpandedSize);
            lastEnd = Math.Max(lastEnd, item.Span.End);

            if (_eof || _column < column || IsDocumentMarker(_content, '-'))
                break;
            if (_column > column)
                throw Bail("unexpected indentation in a sequence");
            if (_text[_content] != '-' || !IsBlankOrEnd(_content + 1))
            {
                if (indentless)
                    break;
                throw Bail("not a sequence entry");
            }
        }

        sequence.SetItems(PopChildren(childStart));
        sequence.Span = TextSpan.FromBounds(start, lastEnd);
        return sequence;
    }

    /// <summary>The value after a key's colon, in a mapping at <paramref name="column"/>.</summary>
    private YamlNode ParseMappingValue(YamlMapping mapping, int depth, int column, int colon)
    {
        int p = colon + 1;
        while (p < _length && _text[p] == ' ')
            p++;
        if (p < _length && !IsBreakAt(p) && _text[p] != '#')
        {
            char c = _text[p];
            if (c == '-' && IsBlankOrEnd(p + 1))
                throw Bail("sequence after a key on its line");
            return ParseInlineValue(mapping, depth, column, p);
        }

        EndLine(p);
        if (!_eof && _column > column)
            return ParseBlockNode(mapping, depth, column);
        if (!_eof && _column == column && _text[_content] == '-' && IsBlankOrEnd(_content + 1) && !IsMarkerLike(_content))
            return ParseSequence(mapping, depth, column, indentless: true);
        CheckLimits(depth);
        return new YamlScalar(mapping, depth, string.Empty, YamlScalarStyle.Plain, _source) { Span = new TextSpan(colon + 1, 0) };
    }

    /// <summary>A scalar or flow collection at <paramref name="p"/>; the cursor moves to the next content.</summary>
    private YamlNode ParseInlineValue(YamlNode? parent, int depth, int parentColumn, int p)
    {
        char c = _text[p];
        switch (c)
        {
            case '|':
            case '>':
                return ParseBlockScalar(parent, depth, parentColumn, p);
            case '"':
            case '\'':
                return ParseQuoted(parent, depth, parentColumn, p);
            case '[':
            case '{':
                return ParseFlow(parent, depth, p);
            default:
                return ParsePlain(parent, depth, parentColumn, p);
        }
    }
}
