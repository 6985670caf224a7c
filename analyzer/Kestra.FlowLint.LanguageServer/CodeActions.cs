using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Analysis.Suppression;
using Kestra.FlowLint.LanguageServer.Protocol;
using Range = Kestra.FlowLint.LanguageServer.Protocol.Range;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.LanguageServer;

/// <summary>
/// Quick fixes for findings: the rule's own <see cref="CodeFix"/>es, then "suppress" actions that write FlowLint's
/// inline suppression comments (<see cref="InlineSuppressions"/>' format) where they take effect.
/// </summary>
public static class CodeActions
{
    /// <summary>The actions for the findings of <paramref name="result"/> that touch <paramref name="range"/>.</summary>
    public static List<CodeAction> For(string uri, LintResult result, Range range, IReadOnlyList<DiagnosticDescriptor> catalogue)
    {
        var actions = new List<CodeAction>();
        var text = result.Text;
        var requested = new LinePositionSpan(new LinePosition(range.Start.Line, range.Start.Character), new LinePosition(range.End.Line, range.End.Character));
        YamlStream? stream = null;
        IReadOnlyList<SuppressionDirective>? directives = null;
        foreach (var diagnostic in result.Diagnostics)
        {
            var span = diagnostic.Location.LineSpan;
            if (!Touches(span, requested)) continue;
            var lsp = LspDiagnostics.Convert(diagnostic);

            bool preferred = true;
            foreach (var fix in diagnostic.Fixes)
            {
                var edits = new List<LspTextEdit>(fix.Edits.Count);
                foreach (var edit in fix.Edits)
                    edits.Add(new LspTextEdit { Range = DocumentText.ToRange(text, Clamp(edit.Span, text.Length)), NewText = edit.NewText });
                actions.Add(new CodeAction
                {
                    Title = fix.Title,
                    Kind = "quickfix",
                    Diagnostics = new List<LspDiagnostic> { lsp },
                    IsPreferred = preferred && fix.IsSafe ? true : null,
                    Edit = Edit(uri, edits),
                });
                preferred = false;
            }

            // An unused suppression is fixed by removing it (its own fix above), not by suppressing the report of it.
            if (diagnostic.Descriptor == EngineDiagnostics.UnusedSuppression) continue;
            stream ??= YamlParser.Parse(text);
            directives ??= new InlineSuppressions(catalogue).Parse(stream);
            actions.Add(new CodeAction
            {
                Title = $"Suppress {diagnostic.Id} on this line",
                Kind = "quickfix",
                Diagnostics = new List<LspDiagnostic> { lsp },
                Edit = Edit(uri, new List<LspTextEdit> { SuppressNextLine(text, stream, directives, diagnostic) }),
            });
            actions.Add(new CodeAction
            {
                Title = $"Suppress {diagnostic.Id} in this file",
                Kind = "quickfix",
                Diagnostics = new List<LspDiagnostic> { lsp },
                Edit = Edit(uri, new List<LspTextEdit> { SuppressFile(text, directives, diagnostic.Id) }),
            });
        }
        return actions;
    }

    private static WorkspaceEdit Edit(string uri, List<LspTextEdit> edits) =>
        new() { Changes = new Dictionary<string, List<LspTextEdit>>(StringComparer.Ordinal) { [uri] = edits } };

    private static bool Touches(LinePositionSpan finding, LinePositionSpan requested) =>
        finding.Start.CompareTo(requested.End) <= 0 && requested.Start.CompareTo(finding.End) <= 0;

    private static TextSpan Clamp(TextSpan span, int length)
    {
        int start = Math.Min(span.Start, length);
        return TextSpan.FromBounds(start, Math.Min(Math.Max(span.End, start), length));
    }

    /// <summary>
    /// <c># flowlint-disable-next-line ID</c> on its own line above the finding's line, indented like that line; when
    /// the finding sits in a scalar that started on an earlier line (a block scalar's body, a folded quoted string), a
    /// comment there would be text of the scalar, so it goes above the key that owns the scalar (a next-line
    /// suppression above a key covers its whole value). When a next-line suppression already targets that line, the
    /// id is added to it instead.
    /// </summary>
    public static LspTextEdit SuppressNextLine(SourceText text, YamlStream stream, IReadOnlyList<SuppressionDirective> directives, Diagnostic diagnostic)
    {
        int line = SuppressionTargetLine(text, stream, diagnostic.Location.Span.Start);
        foreach (var directive in directives)
        {
            if (directive.Scope == SuppressionScope.NextLine && directive.FirstLine == line && directive.Rules.Count > 0)
                return AppendId(text, directive, diagnostic.Id);
        }
        var content = text.GetLineText(line);
        int indent = 0;
        while (indent < content.Length && content[indent] is ' ' or '\t') indent++;
        string comment = content.Slice(0, indent).ToString() + "# " + InlineSuppressions.NextLineDirective + " " + diagnostic.Id + LineBreak(text, line);
        var at = new Position { Line = line, Character = 0 };
        return new LspTextEdit { Range = new Range { Start = at, End = new Position { Line = line, Character = 0 } }, NewText = comment };
    }

    /// <summary><c># flowlint-disable-file ID</c> as the first line, or the id added to an existing file suppression.</summary>
    public static LspTextEdit SuppressFile(SourceText text, IReadOnlyList<SuppressionDirective> directives, string id)
    {
        foreach (var directive in directives)
            if (directive.Scope == SuppressionScope.File && directive.Rules.Count > 0) return AppendId(text, directive, id);
        var start = new Position { Line = 0, Character = 0 };
        return new LspTextEdit
        {
            Range = new Range { Start = start, End = new Position { Line = 0, Character = 0 } },
            NewText = "# " + InlineSuppressions.FileDirective + " " + id + LineBreak(text, 0),
        };
    }

    private static LspTextEdit AppendId(SourceText text, SuppressionDirective directive, string id)
    {
        var end = text.GetLinePosition(directive.Rules[directive.Rules.Count - 1].Span.End);
        var at = new Position { Line = end.Line, Character = end.Character };
        return new LspTextEdit { Range = new Range { Start = at, End = new Position { Line = at.Line, Character = at.Character } }, NewText = ", " + id };
    }

    /// <summary>The line the suppression comment must precede for a finding that starts at <paramref name="offset"/>.</summary>
    public static int SuppressionTargetLine(SourceText text, YamlStream stream, int offset)
    {
        int line = text.GetLineFromOffset(offset);
        var scalar = InnermostScalarAt(stream, offset);
        if (scalar is null || text.GetLineFromOffset(scalar.Span.Start) >= line) return line;
        // The scalar began on an earlier line: its owner is the key it is the value of, else the scalar itself
        // (a list item `- |`, whose header line starts the item).
        int ownerStart = scalar.Span.Start;
        if (scalar.Parent is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                if (!ReferenceEquals(entry.Value, scalar)) continue;
                ownerStart = entry.Key.Anchor is not null ? Math.Min(entry.Key.AnchorSpan.Start, entry.Key.Span.Start) : entry.Key.Span.Start;
                break;
            }
        }
        return text.GetLineFromOffset(ownerStart);
    }

    private static YamlScalar? InnermostScalarAt(YamlStream stream, int offset)
    {
        YamlScalar? best = null;
        var stack = new Stack<YamlNode>();
        foreach (var document in stream.Documents)
            if (document.Root is { } root) stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var span = node.Span;
            switch (node)
            {
                case YamlScalar scalar:
                    if (offset >= span.Start && offset < span.End && (best is null || span.Length < best.Span.Length)) best = scalar;
                    break;
                case YamlMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        stack.Push(entry.Key);
                        stack.Push(entry.Value);
                    }
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items) stack.Push(item);
                    break;
            }
        }
        return best;
    }

    /// <summary>The line break the document uses at that line (CRLF stays CRLF), LF when it has none.</summary>
    private static string LineBreak(SourceText text, int line)
    {
        for (int l = line; l < text.LineCount - 1; l++)
        {
            int end = text.GetLineEnd(l);
            int next = text.GetLineStart(l + 1);
            if (next > end) return text.Text.Substring(end, next - end);
        }
        for (int l = 0; l < line && l < text.LineCount - 1; l++)
        {
            int end = text.GetLineEnd(l);
            int next = text.GetLineStart(l + 1);
            if (next > end) return text.Text.Substring(end, next - end);
        }
        return "\n";
    }
}
