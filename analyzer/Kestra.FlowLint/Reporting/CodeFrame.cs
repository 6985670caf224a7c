using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// The source lines of a finding with a caret underline of its exact span, in a numbered gutter, the way rustc
/// and clang show them:
/// <code>
/// 6 |     message: "Token: {{ secret('GITHUB_TOKEN') }}"
///   |                         ^~~~~~~~~~~~~~~~~~~~~~
/// </code>
/// A span over several lines shows each line (long ones elided in the middle); a very long line is cut to a
/// window around the span. When the rule's flagged text is sensitive the span's characters are masked with '*'.
/// </summary>
public static class CodeFrame
{
    /// <summary>A span over more lines than this shows its first three and last two lines around a "..." row.</summary>
    public const int MaxLines = 6;

    /// <summary>Display columns of source shown per line; longer lines are cut to a window around the span.</summary>
    public const int MaxWidth = 160;

    private const int LeftContext = 40;
    private const string Ellipsis = "\u2026";

    /// <summary>
    /// Writes the frame of a finding; nothing when its file has no text (unreadable, or a run-level finding).
    /// <paramref name="masked"/>: further spans of the file shown as '*' (what other findings flagged as sensitive).
    /// </summary>
    public static void Write(TextWriter output, Diagnostic diagnostic, AnsiStyle style, IReadOnlyList<TextSpan>? masked = null)
    {
        var text = diagnostic.Location.Text;
        if (text.Length == 0) return;
        int start = Math.Min(diagnostic.Location.Span.Start, text.Length);
        int end = Math.Min(diagnostic.Location.Span.End, text.Length);
        var span = TextSpan.FromBounds(start, end);

        int startLine = text.GetLineFromOffset(span.Start);
        int endLine = text.GetLineFromOffset(span.End);
        // A span that ends just after a line break does not reach into the next line.
        if (span.Length > 0 && endLine > startLine && span.End <= text.GetLineStart(endLine)) endLine--;

        var lines = new List<int>();
        if (endLine - startLine + 1 <= MaxLines)
        {
            for (int line = startLine; line <= endLine; line++) lines.Add(line);
        }
        else
        {
            lines.Add(startLine); lines.Add(startLine + 1); lines.Add(startLine + 2);
            lines.Add(-1);
            lines.Add(endLine - 1); lines.Add(endLine);
        }

        int gutter = (endLine + 1).ToString(CultureInfo.InvariantCulture).Length;
        string severityColor = style.Severity(diagnostic.Severity);
        bool redact = diagnostic.Descriptor.RedactSource;
        foreach (int line in lines)
        {
            if (line < 0)
            {
                output.Write(style.Paint(AnsiStyle.Gutter, "..."));
                output.Write('\n');
                continue;
            }
            var (source, underline) = RenderLine(text, line, span, line == startLine, redact, masked);
            output.Write(style.Paint(AnsiStyle.Gutter, (line + 1).ToString(CultureInfo.InvariantCulture).PadLeft(gutter) + " |"));
            if (source.Length > 0) output.Write(' ');
            output.Write(source);
            output.Write('\n');
            if (underline.Length == 0) continue;
            output.Write(style.Paint(AnsiStyle.Gutter, new string(' ', gutter) + " |"));
            output.Write(' ');
            int marks = underline.Length - underline.TrimStart(' ').Length;
            output.Write(underline.Substring(0, marks));
            output.Write(style.Paint(severityColor, underline.Substring(marks)));
            output.Write('\n');
        }
    }

    private static bool IsMasked(IReadOnlyList<TextSpan>? masked, int offset)
    {
        if (masked is null) return false;
        for (int i = 0; i < masked.Count; i++)
            if (offset >= masked[i].Start && offset < masked[i].End) return true;
        return false;
    }

    /// <summary>One source line as displayed and the underline under it (empty when the span has nothing to mark on the line).</summary>
    internal static (string Source, string Underline) RenderLine(SourceText text, int line, TextSpan span, bool isFirstLine, bool redact, IReadOnlyList<TextSpan>? masked = null)
    {
        string s = text.Text;
        int lineStart = text.GetLineStart(line);
        int lineEnd = text.GetLineEnd(line);
        int length = lineEnd - lineStart;

        // The part of the span on this line, in line units. Continuation lines are underlined (and masked) from
        // their first non-blank character: YAML indentation inside a span is not what the finding is about.
        int a = Math.Max(span.Start, lineStart) - lineStart;
        int b = Math.Min(span.End, lineEnd) - lineStart;
        bool onLine = span.Start <= lineEnd && span.End >= lineStart;
        if (!isFirstLine)
            while (a < b && (s[lineStart + a] == ' ' || s[lineStart + a] == '\t')) a++;

        // Each UTF-16 unit's display column; a unit that continues a surrogate pair sits at the pair's end and has no cells.
        var column = new int[length + 1];
        var cells = new string[length];
        int col = 0;
        for (int i = 0; i < length;)
        {
            var (display, width, units) = TerminalCells.Measure(s, lineStart + i, lineEnd, col);
            if ((redact && i >= a && i < b) || (IsMasked(masked, lineStart + i) && s[lineStart + i] is not (' ' or '\t'))) display = new string('*', width);
            column[i] = col;
            cells[i] = display;
            for (int k = 1; k < units; k++) { column[i + k] = col + width; cells[i + k] = string.Empty; }
            col += width;
            i += units;
        }
        column[length] = col;

        // A very long line is cut to a window that starts a little before the span.
        int from = 0, to = length;
        if (col > MaxWidth)
        {
            int left = Math.Max(0, column[Math.Min(a, length)] - LeftContext);
            while (from < length && column[from] < left) from++;
            while (from > 0 && cells[from].Length == 0) from--; // never start inside a surrogate pair
            to = from;
            while (to < length && column[to + 1] - column[from] <= MaxWidth) to++;
            while (to < length && cells[to].Length == 0) to++;
        }
        string prefix = from > 0 ? Ellipsis : string.Empty;

        var source = new StringBuilder();
        source.Append(prefix);
        for (int i = from; i < to; i++) source.Append(cells[i]);
        if (to < length) source.Append(Ellipsis);

        if (!onLine || (!isFirstLine && a >= b)) return (source.ToString(), string.Empty);

        int origin = column[from] - prefix.Length;
        var underline = new StringBuilder();
        int markStart = Math.Max(a, from), markEnd = Math.Min(b, to);
        underline.Append(' ', Math.Max(0, column[Math.Min(markStart, length)] - origin));
        bool caret = isFirstLine;
        for (int i = markStart; i < markEnd; i++)
        {
            int width = column[i + 1] - column[i];
            if (cells[i].Length == 0 || width == 0) continue;
            underline.Append(caret ? '^' : '~');
            caret = false;
            underline.Append('~', width - 1);
        }
        // An empty span (or one over zero-width characters only) still points somewhere.
        if (caret) underline.Append('^');
        return (source.ToString(), underline.ToString());
    }
}

/// <summary>ANSI colours for the text format; <see cref="Plain"/> writes none.</summary>
public sealed class AnsiStyle
{
    public const string Reset = "\u001b[0m";
    public const string Bold = "\u001b[1m";
    public const string Gutter = "\u001b[1;34m";
    public const string Error = "\u001b[1;31m";
    public const string Warning = "\u001b[1;33m";
    public const string Note = "\u001b[1;36m";

    public static readonly AnsiStyle Plain = new(false);
    public static readonly AnsiStyle Colored = new(true);

    private AnsiStyle(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    public string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Error,
        DiagnosticSeverity.Warning => Warning,
        _ => Note,
    };

    public string Paint(string color, string text) => Enabled && text.Length > 0 ? color + text + Reset : text;
}
