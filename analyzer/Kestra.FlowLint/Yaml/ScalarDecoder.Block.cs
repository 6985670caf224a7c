using System;
using static Kestra.FlowLint.Yaml.YamlChars;

namespace Kestra.FlowLint.Yaml;

/// <summary>Literal (<c>|</c>) and folded (<c>&gt;</c>) scalars: chomping, indentation indicators, folding.</summary>
internal sealed partial class ScalarDecoder
{
    /// <summary>
    /// A literal or folded scalar whose indicator is at <paramref name="indicator"/>.
    /// <paramref name="indent"/> is YamlDotNet's current block indentation (the column of the
    /// innermost enclosing block collection, -1 at top level): explicit indentation indicators are
    /// relative to it, and content must be indented deeper. <paramref name="spanEnd"/> is the end of
    /// the header or of the last source character of the value, whichever is later.
    /// </summary>
    public ScalarSourceMap? Block(string text, int indicator, int indent, bool literal, string? value, out int spanEnd)
    {
        _out.Reset(value);
        _breakCount = 0;
        int length = text.Length;
        int i = indicator + 1;
        int chomping = 0;
        int increment = 0;
        if (i < length && (text[i] == '+' || text[i] == '-'))
        {
            chomping = text[i++] == '+' ? 1 : -1;
            if (i < length && text[i] is >= '1' and <= '9')
                increment = text[i++] - '0';
        }
        else if (i < length && text[i] is >= '1' and <= '9')
        {
            increment = text[i++] - '0';
            if (i < length && (text[i] == '+' || text[i] == '-'))
                chomping = text[i++] == '+' ? 1 : -1;
        }
        int headerEnd = i;

        while (i < length && IsWhite(text[i]))
            i++;
        if (i < length && text[i] == '#')
        {
            while (i < length && !IsBreak(text[i]) && text[i] != '\0')
                i++;
        }
        int lineStart = LineStartOf(text, indicator);
        if (i < length && IsBreak(text[i]))
        {
            i += BreakLength(text, i);
            lineStart = i;
        }

        int currentIndent = increment != 0 ? (indent >= 0 ? indent + increment : increment) : 0;
        currentIndent = BlockBreaks(text, ref i, ref lineStart, currentIndent, indent);

        bool hasLeading = false;
        int leadingStart = 0, leadingLength = 0;
        char leadingValue = '\n';
        bool leadingBlank = false;
        while (i - lineStart == currentIndent && i < length && text[i] != '\0' && !IsDocumentEnd(text, i, lineStart))
        {
            bool trailingBlank = IsWhite(text[i]);
            if (!literal && hasLeading && leadingValue == '\n' && !leadingBlank && !trailingBlank)
            {
                // Folding: a single line break between two unindented lines becomes a space; with
                // empty lines in between, only the empty lines' breaks remain.
                if (_breakCount == 0)
                    _out.Produce(leadingStart, leadingLength, ' ');
            }
            else if (hasLeading)
            {
                _out.Produce(leadingStart, leadingLength, leadingValue);
            }
            hasLeading = false;
            EmitPendingBreaks();

            leadingBlank = IsWhite(text[i]);
            int run = i;
            while (i < length && !IsBreak(text[i]) && text[i] != '\0')
                i++;
            _out.Run(text, run, i - run);

            if (i < length && IsBreak(text[i]))
            {
                hasLeading = true;
                leadingStart = i;
                leadingLength = BreakLength(text, i);
                leadingValue = BreakValue(text[i]);
                i += leadingLength;
                lineStart = i;
            }
            currentIndent = BlockBreaks(text, ref i, ref lineStart, currentIndent, indent);
        }

        if (chomping != -1 && hasLeading)
            _out.Produce(leadingStart, leadingLength, leadingValue);
        if (chomping == 1)
            EmitPendingBreaks();

        spanEnd = Math.Max(headerEnd, _out.SourceEnd);
        return _out.ToMap(headerEnd);
    }

    /// <summary>
    /// YamlDotNet's ScanBlockScalarBreaks: eats indentation and empty lines (queued as pending
    /// breaks), and settles the content indentation from the first non-empty line when not given.
    /// </summary>
    private int BlockBreaks(string text, ref int i, ref int lineStart, int currentIndent, int indent)
    {
        int length = text.Length;
        int maxIndent = 0;
        while (true)
        {
            while ((currentIndent == 0 || i - lineStart < currentIndent) && i < length && text[i] == ' ')
                i++;
            if (i - lineStart > maxIndent)
                maxIndent = i - lineStart;
            if (i >= length || !IsBreak(text[i]))
                break;
            int breakLength = BreakLength(text, i);
            AddBreak(i, i + breakLength, BreakValue(text[i]));
            i += breakLength;
            lineStart = i;
        }
        if (currentIndent == 0 && (i - lineStart > 0 || indent > -1))
            currentIndent = Math.Max(maxIndent, Math.Max(indent + 1, 1));
        return currentIndent;
    }

    private void EmitPendingBreaks()
    {
        for (int k = 0; k < _breakCount; k++)
            _out.Produce(_breakStarts[k], _breakEnds[k] - _breakStarts[k], _breakValues[k]);
        _breakCount = 0;
    }

    private static bool IsDocumentEnd(string text, int i, int lineStart) =>
        i == lineStart
        && i + 2 < text.Length && text[i] == '.' && text[i + 1] == '.' && text[i + 2] == '.'
        && (i + 3 >= text.Length || IsBlankOrZero(text[i + 3]));
}
