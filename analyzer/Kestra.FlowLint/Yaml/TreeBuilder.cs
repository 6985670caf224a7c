using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using static Kestra.FlowLint.Yaml.YamlChars;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// Builds the tree from YamlDotNet's event stream with an explicit stack (no recursion, so nesting
/// depth only costs heap), checking the limits as nodes arrive.
/// </summary>
internal sealed partial class TreeBuilder
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly YamlParseOptions _options;

    // A byte order mark left in the text is hidden from YamlDotNet, which would make it content.
    private readonly int _offset;

    private readonly List<YamlDocument> _documents = new();
    private readonly List<YamlComment> _comments = new();
    private readonly List<YamlError> _errors = new();
    private Frame[] _stack = new Frame[16];
    private int _depth;

    // Children of the open collections, innermost last: each collection copies its own into an
    // exact-size array when it ends (keys and values alternate for mappings).
    private YamlNode[] _children = new YamlNode[64];
    private int _childCount;
    private int _nodeCount;
    private bool _hitLimit;
    private bool _stopped;

    // The document being built.
    private bool _inDocument;
    private int _documentStart;
    private int _documentHeaderEnd;
    private YamlNode? _root;
    private long _expandedSize;
    private bool _aliasLimitReported;
    private bool _documentHasAliases;
    private Dictionary<string, YamlNode>? _anchors;
    private Dictionary<string, int>? _openAnchors;
    private Dictionary<string, string>? _keys;

    public TreeBuilder(SourceText source, YamlParseOptions options)
    {
        _source = source;
        _text = source.Text;
        _options = options;
        _offset = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
    }

    private struct Frame
    {
        public YamlNode Node;
        public bool IsFlow;

        // A single "key: value" pair inside a flow sequence ([a: b]): YamlDotNet gives its events no
        // position and there are no braces, so its span is that of its children.
        public bool IsImplicitPair;
        public int ChildStart;
        public int ContentStart;
        public int LastChildEnd;

        // YamlDotNet's indentation column for this block collection; -2 until a block scalar needs it.
        public int Column;
    }

    private YamlNode? Top => _depth > 0 ? _stack[_depth - 1].Node : null;

    public YamlStream Build()
    {
        try
        {
            Run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReportInternalError(ex);
        }
        try
        {
            CloseOpenNodes();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The partial tree is inconsistent: give up on it rather than throw.
            _depth = 0;
            _childCount = 0;
            ReportInternalError(ex);
        }
        return new YamlStream(_source, _documents, _comments, _errors, _hitLimit);
    }

    private void Run()
    {
        var scanner = new Scanner(new StringSliceReader(_text, _offset), skipComments: false);
        var parser = new Parser(scanner);
        while (true)
        {
            ParsingEvent? current;
            try
            {
                if (!parser.MoveNext())
                    return;
                current = parser.Current;
            }
            catch (YamlException ex)
            {
                ReportYamlException(ex, scanner);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // YamlDotNet throws a few non-YAML exceptions on broken input (an unclosed flow
                // collection followed by a less indented line throws InvalidOperationException).
                ReportParserFailure(ex, scanner);
                return;
            }
            if (current != null && !Handle(current))
                return;
        }
    }

    private bool Handle(ParsingEvent e)
    {
        switch (e)
        {
            case Scalar scalar:
                return AddScalar(scalar);
            case MappingStart mapping:
                return StartCollection(mapping, isMapping: true, mapping.Style == MappingStyle.Flow);
            case SequenceStart sequence:
                return StartCollection(sequence, isMapping: false, sequence.Style == SequenceStyle.Flow);
            case MappingEnd:
            case SequenceEnd:
                EndCollection(Position(e.Start));
                return true;
            case AnchorAlias alias:
                return AddAlias(alias);
            case Comment:
                AddComment(Position(e.Start));
                return true;
            case DocumentStart:
                BeginDocument(Position(e.Start), Position(e.End));
                return true;
            case DocumentEnd end:
                EndDocument(end);
                return true;
            default:
                return true;
        }
    }

    private bool AddScalar(Scalar e)
    {
        int start = Position(e.Start);
        if (!CheckLimits(start))
            return false;

        var style = e.Style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal => YamlScalarStyle.Literal,
            ScalarStyle.Folded => YamlScalarStyle.Folded,
            _ => YamlScalarStyle.Plain,
        };
        var node = new YamlScalar(Top, _depth, IsKeyPosition() ? InternKey(e.Value) : e.Value, style, _source);
        int contentStart = start;
        int propertiesEnd = start;
        if (!e.Anchor.IsEmpty || !e.Tag.IsEmpty)
        {
            var properties = NodeProperties.Scan(_text, start, !e.Anchor.IsEmpty, !e.Tag.IsEmpty);
            node.SetProperties(e.Anchor.IsEmpty ? null : e.Anchor.Value, properties.AnchorSpan, e.Tag.IsEmpty ? null : e.Tag.Value);
            contentStart = properties.ContentStart;
            propertiesEnd = properties.End;
        }

        if (style == YamlScalarStyle.Plain && e.Value.Length == 0)
        {
            node.Span = new TextSpan(EmptyScalarPosition(start, propertiesEnd), 0);
        }
        else if (style is YamlScalarStyle.Literal or YamlScalarStyle.Folded)
        {
            SetBlockScalarSpanAndMap(node, contentStart, Position(e.End));
        }
        else
        {
            node.Span = TextSpan.FromBounds(contentStart, Math.Max(contentStart, Position(e.End)));
        }

        _expandedSize++;
        Attach(node);
        Completed(node);
        return true;
    }

    /// <summary>An empty value has no text: it sits right after its colon, dash or properties.</summary>
    private int EmptyScalarPosition(int mark, int propertiesEnd)
    {
        int at = propertiesEnd;
        if (at == mark)
        {
            // In flow mappings YamlDotNet puts an empty value at the next ',' or '}'.
            int back = at;
            while (back > 0 && IsWhite(_text[back - 1]))
                back--;
            if (back > 0 && _text[back - 1] == ':')
                at = back;
        }
        if (_depth > 0 && at < _stack[_depth - 1].LastChildEnd)
        {
            // An empty key at the start of a line (": value") comes with a stale mark, often
            // offset 0: it sits where the next token is, the colon.
            at = NodeProperties.SkipSeparation(_text, _stack[_depth - 1].LastChildEnd);
        }
        return at;
    }

    private void SetBlockScalarSpanAndMap(YamlScalar node, int indicator, int yamlDotNetEnd)
    {
        ScalarSourceMap? map = null;
        int end = indicator + 1;
        if (indicator < _text.Length && (_text[indicator] == '|' || _text[indicator] == '>'))
        {
            var decoder = ScalarDecoder.Current;
            bool literal = node.Style == YamlScalarStyle.Literal;
            int indent = EnclosingBlockIndent();
            map = decoder.Block(_text, indicator, indent, literal, node.Value, out end);
            if (map == null)
            {
                // On broken input YamlDotNet's scanner can be at an indentation that no collection
                // event reflects (a key it never reports as a mapping). Any indentation that
                // reproduces its value exactly is the one it used.
                int column = indicator - LineStartOf(_text, indicator);
                for (int candidate = column - 1; candidate >= -1 && map == null; candidate--)
                {
                    if (candidate != indent)
                        map = decoder.Block(_text, indicator, candidate, literal, node.Value, out end);
                }
            }
        }
        if (map == null)
        {
            // YamlDotNet's end mark is past trailing empty lines; back off to the last content.
            end = Math.Max(Math.Min(indicator + 1, _text.Length), yamlDotNetEnd);
            while (end > indicator + 1 && IsBlank(_text[end - 1]))
                end--;
        }
        node.Span = TextSpan.FromBounds(indicator, Math.Min(end, _text.Length));
        node.SetMap(map ?? ScalarDecoder.Coarse(node.Value, node.Span));
    }

    private bool StartCollection(NodeEvent e, bool isMapping, bool isFlow)
    {
        int start = Position(e.Start);
        if (!CheckLimits(start))
            return false;

        YamlNode node = isMapping ? new YamlMapping(Top, _depth, isFlow) : new YamlSequence(Top, _depth, isFlow);
        int contentStart = start;
        // YamlDotNet creates these only directly in a flow sequence, and without properties.
        bool implicitPair = isMapping && isFlow && e.Anchor.IsEmpty && e.Tag.IsEmpty
            && _depth > 0 && _stack[_depth - 1].IsFlow && _stack[_depth - 1].Node is YamlSequence
            && (start <= _stack[_depth - 1].ContentStart || start >= _text.Length || _text[start] != '{');
        if (implicitPair)
        {
            contentStart = _stack[_depth - 1].LastChildEnd;
        }
        else if (!e.Anchor.IsEmpty || !e.Tag.IsEmpty)
        {
            var properties = NodeProperties.Scan(_text, start, !e.Anchor.IsEmpty, !e.Tag.IsEmpty);
            node.SetProperties(e.Anchor.IsEmpty ? null : e.Anchor.Value, properties.AnchorSpan, e.Tag.IsEmpty ? null : e.Tag.Value);
            contentStart = Math.Min(properties.ContentStart, _text.Length);
        }
        node.Span = new TextSpan(contentStart, 0);

        _expandedSize++;
        Attach(node);
        if (_depth == _stack.Length)
            Array.Resize(ref _stack, _depth * 2);
        _stack[_depth++] = new Frame
        {
            Node = node,
            IsFlow = isFlow,
            IsImplicitPair = implicitPair,
            ChildStart = _childCount,
            ContentStart = contentStart,
            LastChildEnd = contentStart,
            Column = -2,
        };

        if (node.Anchor != null)
        {
            _openAnchors ??= new Dictionary<string, int>(StringComparer.Ordinal);
            _openAnchors.TryGetValue(node.Anchor, out int count);
            _openAnchors[node.Anchor] = count + 1;
        }
        return true;
    }

    private void EndCollection(int closingMark)
    {
        if (_depth == 0)
            return;
        ref var frame = ref _stack[_depth - 1];
        int end;
        if (frame.IsImplicitPair)
            end = frame.LastChildEnd;
        else if (frame.IsFlow && closingMark < _text.Length && (_text[closingMark] == ']' || _text[closingMark] == '}'))
            end = closingMark + 1;
        else
            end = Math.Max(frame.LastChildEnd, Math.Min(_text.Length, frame.ContentStart + (frame.IsFlow ? 1 : 0)));
        PopFrame(end);
    }

    private void PopFrame(int end)
    {
        ref var frame = ref _stack[_depth - 1];
        var node = frame.Node;
        node.Span = TextSpan.FromBounds(frame.ContentStart, Math.Max(frame.ContentStart, end));

        int start = frame.ChildStart;
        int count = _childCount - start;
        if (node is YamlMapping mapping)
        {
            // A key left without value by an error is dropped.
            var entries = new YamlEntry[count / 2];
            for (int k = 0; k < entries.Length; k++)
                entries[k] = new YamlEntry(_children[start + 2 * k], _children[start + 2 * k + 1]);
            mapping.SetEntries(entries);
        }
        else
        {
            var items = new YamlNode[count];
            Array.Copy(_children, start, items, 0, count);
            ((YamlSequence)node).SetItems(items);
        }
        Array.Clear(_children, start, count);
        _childCount = start;

        frame = default;
        _depth--;
        if (node.Anchor != null && _openAnchors != null)
            _openAnchors[node.Anchor]--;
        Completed(node);
    }

    private bool AddAlias(AnchorAlias e)
    {
        int start = Position(e.Start);
        if (!CheckLimits(start))
            return false;

        string name = e.Value.Value;
        YamlNode? target = null;
        string? problem = null;
        if (_openAnchors != null && _openAnchors.TryGetValue(name, out int open) && open > 0)
            problem = $"The alias '*{name}' refers to a node that contains it; recursive aliases are not allowed.";
        else if (_anchors == null || !_anchors.TryGetValue(name, out target))
            problem = $"The alias '*{name}' refers to no anchor '&{name}' defined before it in this document.";

        var node = new YamlAlias(Top, _depth, name, target);
        _documentHasAliases = true;
        node.Span = TextSpan.FromBounds(start, Math.Max(start, Position(e.End)));
        if (problem != null)
            _errors.Add(new YamlError(node.Span, problem, YamlErrorKind.UndefinedAlias));

        _expandedSize += node.ExpandedSize;
        if (!_aliasLimitReported && _expandedSize > _options.MaxAliasExpansion)
        {
            _aliasLimitReported = true;
            _hitLimit = true;
            _errors.Add(new YamlError(
                node.Span,
                $"Expanding the aliases of this document would visit more than {_options.MaxAliasExpansion:N0} nodes (an alias bomb?); aliases are not expanded further.",
                YamlErrorKind.Limit));
        }

        Attach(node);
        Completed(node);
        return true;
    }

    // The next child of the innermost mapping is a key when it has an even number of children so far.
    private bool IsKeyPosition() =>
        _depth > 0 && _stack[_depth - 1].Node is YamlMapping && ((_childCount - _stack[_depth - 1].ChildStart) & 1) == 0;

    /// <summary>
    /// One string per distinct key text. Flows repeat a handful of keys (id, type, tasks...)
    /// thousands of times; sharing them lets YamlDotNet's copies die young instead of being
    /// promoted with the tree, which is most of what keeping a tree costs the GC.
    /// </summary>
    private string InternKey(string key)
    {
        if (key.Length > 64)
            return key;
        _keys ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_keys.TryGetValue(key, out var shared))
            return shared;
        _keys[key] = key;
        return key;
    }

    private void Attach(YamlNode node)
    {
        if (_depth == 0)
        {
            _root ??= node;
            return;
        }
        ref var frame = ref _stack[_depth - 1];
        if (frame.IsImplicitPair && _childCount == frame.ChildStart)
        {
            frame.ContentStart = node.Anchor != null ? Math.Min(node.AnchorSpan.Start, node.Span.Start) : node.Span.Start;
            frame.LastChildEnd = frame.ContentStart;
            frame.Node.Span = new TextSpan(frame.ContentStart, 0);
        }
        if (_childCount == _children.Length)
            Array.Resize(ref _children, _childCount * 2);
        _children[_childCount++] = node;
    }

    /// <summary>A node is complete: its size and extent count for its parent, and its anchor becomes usable.</summary>
    private void Completed(YamlNode node)
    {
        if (_depth > 0)
        {
            ref var parent = ref _stack[_depth - 1];
            if (parent.Node is YamlMapping mapping)
                mapping.AddExpandedSize(node.ExpandedSize);
            else
                ((YamlSequence)parent.Node).AddExpandedSize(node.ExpandedSize);
            if (node.Span.End > parent.LastChildEnd)
                parent.LastChildEnd = node.Span.End;
        }
        if (node.Anchor != null)
        {
            _anchors ??= new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            _anchors[node.Anchor] = node;
        }
    }

    /// <summary>YamlDotNet's block indentation when a block scalar is scanned: the column of the innermost block collection.</summary>
    private int EnclosingBlockIndent()
    {
        for (int k = _depth - 1; k >= 0; k--)
        {
            ref var frame = ref _stack[k];
            if (frame.IsFlow)
                continue;
            if (frame.Column == -2)
                frame.Column = frame.ContentStart - LineStartOf(_text, frame.ContentStart);
            return frame.Column;
        }
        return -1;
    }

    private int Position(Mark mark) => (int)Math.Max(0, Math.Min(_text.Length, mark.Index + _offset));
}
