using System;
using Kestra.FlowLint.Text;
using YamlDotNet.Core.Events;
using static Kestra.FlowLint.Yaml.YamlChars;

namespace Kestra.FlowLint.Yaml;

/// <summary>Documents, comments, and closing what an error or a limit left open.</summary>
internal sealed partial class TreeBuilder
{
    private void BeginDocument(int start, int headerEnd)
    {
        if (_inDocument)
            FinishDocument(complete: true, explicitEnd: -1);
        _inDocument = true;
        _documentStart = start;
        _documentHeaderEnd = Math.Max(start, headerEnd);
        _root = null;
        _expandedSize = 0;
        _aliasLimitReported = false;
        _documentHasAliases = false;
        _anchors?.Clear();
        _openAnchors?.Clear();
    }

    private void EndDocument(DocumentEnd e)
    {
        int explicitEnd = -1;
        if (!e.IsImplicit)
        {
            int p = Position(e.Start);
            if (p + 3 <= _text.Length && string.CompareOrdinal(_text, p, "...", 0, 3) == 0)
                explicitEnd = p + 3;
        }
        FinishDocument(complete: true, explicitEnd);
    }

    private void FinishDocument(bool complete, int explicitEnd)
    {
        int start = _documentStart;
        int end = _documentHeaderEnd;
        if (_root != null)
        {
            start = Math.Min(start, _root.Span.Start);
            end = Math.Max(end, _root.Span.End);
        }
        end = Math.Max(end, explicitEnd);
        _documents.Add(new YamlDocument(_documents.Count, _root, TextSpan.FromBounds(start, end), complete, _aliasLimitReported, _documentHasAliases));
        _inDocument = false;
        _root = null;
    }

    /// <summary>After an error or a limit, closes what is open so that the partial tree is usable.</summary>
    private void CloseOpenNodes()
    {
        while (_depth > 0)
        {
            ref var frame = ref _stack[_depth - 1];
            PopFrame(Math.Max(frame.LastChildEnd, Math.Min(_text.Length, frame.ContentStart + (frame.IsFlow && !frame.IsImplicitPair ? 1 : 0))));
        }
        if (_inDocument)
            FinishDocument(complete: !_stopped, explicitEnd: -1);
    }

    private void AddComment(int start)
    {
        if (start >= _text.Length || _text[start] != '#')
            return;
        int end = start + 1;
        while (end < _text.Length && !IsBreak(_text[end]) && _text[end] != '\0')
            end++;
        bool isInline = false;
        for (int i = start - 1; i >= 0 && !IsBreak(_text[i]); i--)
        {
            if (!IsWhite(_text[i]))
            {
                isInline = true;
                break;
            }
        }
        var comment = new YamlComment(TextSpan.FromBounds(start, end), _text.Substring(start + 1, end - start - 1), isInline);

        // YamlDotNet emits a comment when its scanner meets it, which can be ahead of the node
        // before it (a comment after a block scalar header, after "- "): keep the list in file order.
        int index = _comments.Count;
        while (index > 0 && _comments[index - 1].Span.Start >= start)
            index--;
        if (index < _comments.Count && _comments[index].Span.Start == start)
            return;
        _comments.Insert(index, comment);
    }
}
