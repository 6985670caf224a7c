using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// A unified diff (`diff -u`, `git apply` compatible) of two versions of one file, for `check --diff`. Lines are
/// compared with their line breaks, so a changed line ending shows up; Myers' algorithm keeps the cost proportional
/// to the number of changed lines, which for fixes is small.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>The diff, or an empty string when the texts are equal.</summary>
    public static string Create(string oldText, string newText, string oldLabel, string newLabel, int context = 3)
    {
        if (oldText == newText) return string.Empty;
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var script = Diff(a, b);

        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');

        int i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == ' ') { i++; continue; }
            // A hunk: from `context` lines before this change to `context` lines after the last change that is
            // no more than 2 * context unchanged lines away from the previous one.
            int start = Math.Max(0, i - context);
            while (start < i && script[start].Kind != ' ') start++;
            int end = i;
            int lastChange = i;
            while (end < script.Count)
            {
                if (script[end].Kind != ' ') lastChange = end;
                else if (end - lastChange > 2 * context) break;
                end++;
            }
            end = Math.Min(script.Count, lastChange + context + 1);

            int oldStart = script[start].OldIndex, newStart = script[start].NewIndex, oldCount = 0, newCount = 0;
            for (int k = start; k < end; k++)
            {
                if (script[k].Kind != '+') oldCount++;
                if (script[k].Kind != '-') newCount++;
            }
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            for (int k = start; k < end; k++)
            {
                string line = script[k].Text;
                output.Append(script[k].Kind).Append(TrimBreak(line)).Append('\n');
                if (!EndsWithBreak(line)) output.Append("\\ No newline at end of file\n");
            }
            i = end;
        }
        return output.ToString();
    }

    private static string Range(int start, int count)
    {
        // diff -u: a hunk that adds to an empty range names the line before it.
        int first = count == 0 ? start : start + 1;
        return count == 1 ? first.ToString(CultureInfo.InvariantCulture) : first.ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture);
    }

    private static bool EndsWithBreak(string line) => line.Length > 0 && (line[line.Length - 1] == '\n' || line[line.Length - 1] == '\r');

    private static string TrimBreak(string line)
    {
        int end = line.Length;
        if (end > 0 && line[end - 1] == '\n') end--;
        if (end > 0 && line[end - 1] == '\r') end--;
        return line.Substring(0, end);
    }

    private readonly struct Line
    {
        public Line(char kind, string text, int oldIndex, int newIndex)
        {
            Kind = kind;
            Text = text;
            OldIndex = oldIndex;
            NewIndex = newIndex;
        }

        public char Kind { get; }
        public string Text { get; }
        public int OldIndex { get; }
        public int NewIndex { get; }
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(text.Substring(start));
        return lines;
    }

    /// <summary>Myers' O((N+M)D) shortest edit script, as a list of kept, removed and added lines.</summary>
    private static List<Line> Diff(List<string> a, List<string> b)
    {
        int n = a.Count, m = b.Count, max = n + m;
        var v = new int[2 * max + 2];
        var trace = new List<int[]>();
        int offset = max + 1;
        bool done = max == 0;
        for (int d = 0; d <= max && !done; d++)
        {
            trace.Add((int[])v.Clone());
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m) { done = true; break; }
            }
        }

        var script = new List<Line>();
        int cx = n, cy = m;
        for (int d = trace.Count - 1; d >= 0 && (cx > 0 || cy > 0); d--)
        {
            var vd = trace[d];
            int k = cx - cy;
            int prevK = k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : vd[offset + prevK];
            int prevY = prevX - prevK;
            while (cx > prevX && cy > prevY) { cx--; cy--; script.Add(new Line(' ', a[cx], cx, cy)); }
            if (d == 0) break;
            if (cx == prevX) { cy--; script.Add(new Line('+', b[cy], cx, cy)); }
            else { cx--; script.Add(new Line('-', a[cx], cx, cy)); }
        }
        while (cx > 0 && cy > 0) { cx--; cy--; script.Add(new Line(' ', a[cx], cx, cy)); }
        script.Reverse();
        return script;
    }
}
