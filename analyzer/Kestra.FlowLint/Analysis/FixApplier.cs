using System;
using System.Collections.Generic;
using System.Text;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Analysis;

/// <summary>A fix that was (or would be) applied: which finding it came from and where that finding was.</summary>
public sealed class AppliedFix
{
    public AppliedFix(Diagnostic diagnostic, CodeFix fix, LinePosition position)
    {
        Diagnostic = diagnostic;
        Fix = fix;
        Position = position;
    }

    public Diagnostic Diagnostic { get; }
    public CodeFix Fix { get; }

    /// <summary>Where the finding started in the text the fix was applied to (0-based).</summary>
    public LinePosition Position { get; }

    public string Id => Diagnostic.Id;
}

/// <summary>The outcome of applying fixes to one text.</summary>
public sealed class FixResult
{
    internal FixResult(string text, IReadOnlyList<AppliedFix> applied, IReadOnlyList<AppliedFix> skipped, int passes, bool stable)
    {
        Text = text;
        Applied = applied;
        Skipped = skipped;
        Passes = passes;
        IsStable = stable;
    }

    /// <summary>The fixed text (the input itself when nothing applied).</summary>
    public string Text { get; }

    /// <summary>The fixes applied, in the order they were applied.</summary>
    public IReadOnlyList<AppliedFix> Applied { get; }

    /// <summary>Fixes left out because an earlier fix touched the same text, or because their own edits overlap.</summary>
    public IReadOnlyList<AppliedFix> Skipped { get; }

    /// <summary>Lint-and-fix rounds run (iterative application only).</summary>
    public int Passes { get; }

    /// <summary>False when the pass limit was reached while fixes were still being applied.</summary>
    public bool IsStable { get; }

    public bool Changed => Applied.Count > 0;
}

/// <summary>
/// Applies the fixes rules attach to findings, for `check --fix`, `--diff` and the language server. Fixes are
/// taken in text order; a fix any of whose edits overlaps an edit already accepted in this round is skipped (a
/// later round, after re-linting, offers it again against the new text). Everything outside the edits, including
/// line endings and the file's encoding, stays as it was.
/// </summary>
public static class FixApplier
{
    /// <summary>A safe upper bound for `--fix` rounds: each round must apply something, and rules' fixes converge in one or two.</summary>
    public const int DefaultMaxPasses = 10;

    /// <summary>
    /// Applies in one round the first safe fix of each finding (<paramref name="safeOnly"/>), skipping fixes that
    /// overlap one accepted before them. Findings must belong to <paramref name="text"/>.
    /// </summary>
    public static FixResult Apply(SourceText text, IEnumerable<Diagnostic> diagnostics, bool safeOnly = true)
    {
        var candidates = new List<(Diagnostic Diagnostic, CodeFix Fix, int Order)>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsSuppressed) continue;
            foreach (var fix in diagnostic.Fixes)
            {
                if (safeOnly && !fix.IsSafe) continue;
                if (fix.Edits.Count == 0) continue;
                candidates.Add((diagnostic, fix, candidates.Count));
                break;
            }
        }
        candidates.Sort((a, b) =>
        {
            int c = FirstStart(a.Fix).CompareTo(FirstStart(b.Fix));
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });

        var accepted = new List<TextEdit>();
        var applied = new List<AppliedFix>();
        var skipped = new List<AppliedFix>();
        foreach (var (diagnostic, fix, _) in candidates)
        {
            var record = new AppliedFix(diagnostic, fix, text.GetLinePosition(Math.Min(diagnostic.Location.Span.Start, text.Length)));
            if (!IsWellFormed(fix, text.Length)) { skipped.Add(record); continue; }
            if (IsDuplicate(fix, accepted)) continue; // Two findings offering the very same edit: applied once, reported once.
            if (Conflicts(fix, accepted)) { skipped.Add(record); continue; }
            accepted.AddRange(fix.Edits);
            applied.Add(record);
        }

        string result = applied.Count == 0 ? text.Text : ApplyEdits(text.Text, accepted);
        return new FixResult(result, applied, skipped, 1, true);
    }

    /// <summary>
    /// Lints, applies, and lints the new text again until no fix applies or <paramref name="maxPasses"/> rounds ran:
    /// fixes skipped for overlapping in one round get their turn against the fixed text in the next.
    /// <paramref name="lint"/> returns the findings whose fixes may be applied (already filtered: selected, not suppressed).
    /// </summary>
    public static FixResult ApplyIteratively(SourceText text, Func<SourceText, IReadOnlyList<Diagnostic>> lint, int maxPasses = DefaultMaxPasses, bool safeOnly = true)
    {
        if (maxPasses < 1) throw new ArgumentOutOfRangeException(nameof(maxPasses));
        var applied = new List<AppliedFix>();
        var current = text;
        IReadOnlyList<AppliedFix> lastSkipped = Array.Empty<AppliedFix>();
        for (int pass = 1; pass <= maxPasses; pass++)
        {
            var round = Apply(current, lint(current), safeOnly);
            lastSkipped = round.Skipped;
            if (!round.Changed || round.Text == current.Text)
                return new FixResult(current.Text, applied, lastSkipped, pass, true);
            applied.AddRange(round.Applied);
            current = new SourceText(round.Text, text.Path);
        }
        // The limit was hit while still changing: report it, keep what was done.
        return new FixResult(current.Text, applied, lastSkipped, maxPasses, Apply(current, lint(current), safeOnly).Applied.Count == 0);
    }

    /// <summary>Replaces each span by its new text; the edits must not overlap. Line breaks in new text follow the file's.</summary>
    public static string ApplyEdits(string text, IReadOnlyList<TextEdit> edits)
    {
        var sorted = new List<TextEdit>(edits);
        sorted.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.Length.CompareTo(b.Span.Length));
        string newline = DetectNewLine(text);
        var builder = new StringBuilder(text.Length + 64);
        int position = 0;
        foreach (var edit in sorted)
        {
            if (edit.Span.Start < position) throw new ArgumentException("Edits overlap at offset " + edit.Span.Start, nameof(edits));
            builder.Append(text, position, edit.Span.Start - position);
            builder.Append(NormalizeNewLines(edit.NewText, newline));
            position = edit.Span.End;
        }
        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <summary>The file's line break: the first one found, <c>\n</c> when it has none.</summary>
    public static string DetectNewLine(string text)
    {
        int lf = text.IndexOf('\n');
        if (lf > 0 && text[lf - 1] == '\r') return "\r\n";
        if (lf >= 0) return "\n";
        return text.IndexOf('\r') >= 0 ? "\r" : "\n";
    }

    /// <summary>
    /// Encodes fixed text the way the original bytes were: UTF-8 with or without its BOM, or UTF-16 LE/BE with
    /// its BOM (the encodings <see cref="SourceText.TryDecode"/> accepts).
    /// </summary>
    public static byte[] EncodeLike(byte[] original, string text)
    {
        Encoding encoding;
        byte[] preamble;
        if (original.Length >= 3 && original[0] == 0xEF && original[1] == 0xBB && original[2] == 0xBF)
        {
            encoding = new UTF8Encoding(false); preamble = new byte[] { 0xEF, 0xBB, 0xBF };
        }
        else if (original.Length >= 2 && original[0] == 0xFF && original[1] == 0xFE)
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false); preamble = new byte[] { 0xFF, 0xFE };
        }
        else if (original.Length >= 2 && original[0] == 0xFE && original[1] == 0xFF)
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false); preamble = new byte[] { 0xFE, 0xFF };
        }
        else
        {
            encoding = new UTF8Encoding(false); preamble = Array.Empty<byte>();
        }
        byte[] body = encoding.GetBytes(text);
        var result = new byte[preamble.Length + body.Length];
        Buffer.BlockCopy(preamble, 0, result, 0, preamble.Length);
        Buffer.BlockCopy(body, 0, result, preamble.Length, body.Length);
        return result;
    }

    private static int FirstStart(CodeFix fix)
    {
        int min = int.MaxValue;
        foreach (var e in fix.Edits) min = Math.Min(min, e.Span.Start);
        return min;
    }

    private static bool IsWellFormed(CodeFix fix, int length)
    {
        for (int i = 0; i < fix.Edits.Count; i++)
        {
            var a = fix.Edits[i].Span;
            if (a.Start < 0 || a.End > length) return false;
            for (int j = i + 1; j < fix.Edits.Count; j++)
                if (Overlap(a, fix.Edits[j].Span)) return false;
        }
        return true;
    }

    private static bool IsDuplicate(CodeFix fix, List<TextEdit> accepted)
    {
        foreach (var edit in fix.Edits)
        {
            bool found = false;
            foreach (var other in accepted)
                if (other.Span == edit.Span && other.NewText == edit.NewText) { found = true; break; }
            if (!found) return false;
        }
        return true;
    }

    private static bool Conflicts(CodeFix fix, List<TextEdit> accepted)
    {
        foreach (var edit in fix.Edits)
            foreach (var other in accepted)
                if (Overlap(edit.Span, other.Span)) return true;
        return false;
    }

    /// <summary>
    /// Two edits conflict when they share a character, or when one inserts where the other inserts or inside what it
    /// replaces (the result would depend on their order). Edits that only touch end to start are independent.
    /// </summary>
    private static bool Overlap(TextSpan a, TextSpan b)
    {
        if (a.Length == 0 && b.Length == 0) return a.Start == b.Start;
        if (a.Length == 0) return a.Start > b.Start && a.Start < b.End;
        if (b.Length == 0) return b.Start > a.Start && b.Start < a.End;
        return a.Start < b.End && b.Start < a.End;
    }

    private static string NormalizeNewLines(string text, string newline)
    {
        if (text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0) return text;
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { builder.Append(newline); i++; }
            else if (c == '\n' || c == '\r') builder.Append(newline);
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
