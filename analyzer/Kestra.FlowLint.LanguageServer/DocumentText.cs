using System;
using System.Collections.Generic;
using Kestra.FlowLint.LanguageServer.Protocol;
using Range = Kestra.FlowLint.LanguageServer.Protocol.Range;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.LanguageServer;

/// <summary>
/// Incremental text synchronisation: LSP positions are 0-based lines and UTF-16 code units (the positionEncoding the
/// server announces), lines end at CRLF, LF or a lone CR — exactly <see cref="SourceText"/>'s line index. A character
/// past the end of its line means the end of the line (the protocol says so), a line past the end means the end of
/// the text.
/// </summary>
public static class DocumentText
{
    public static string Apply(string text, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes) text = Apply(text, change.Range, change.Text);
        return text;
    }

    /// <summary>The text with <paramref name="range"/> replaced (the whole text when the range is null).</summary>
    public static string Apply(string text, Range? range, string newText)
    {
        if (range is null) return newText;
        var source = new SourceText(text);
        int start = OffsetOf(source, range.Start);
        int end = OffsetOf(source, range.End);
        if (end < start) (start, end) = (end, start);
        return string.Concat(text.AsSpan(0, start), newText.AsSpan(), text.AsSpan(end));
    }

    public static int OffsetOf(SourceText text, Position position)
    {
        if (position.Line >= text.LineCount) return text.Length;
        return text.GetOffset(new LinePosition(position.Line, position.Character));
    }

    public static Range ToRange(LinePositionSpan span) => new()
    {
        Start = new Position { Line = span.Start.Line, Character = span.Start.Character },
        End = new Position { Line = span.End.Line, Character = span.End.Character },
    };

    public static Range ToRange(SourceText text, TextSpan span) => ToRange(text.GetLinePositionSpan(span));
}
