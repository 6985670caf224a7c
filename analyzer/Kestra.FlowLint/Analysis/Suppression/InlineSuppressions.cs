using System;
using System.Collections.Generic;
using System.Text;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Analysis.Suppression;

/// <summary>
/// Inline suppressions: <c># flowlint-disable-next-line KF1001, KF3001 -- reason</c>, <c># flowlint-disable-line …</c>
/// and <c># flowlint-disable-file …</c>. Only real YAML comments count (a <c>#</c> inside a quoted string or a
/// block scalar is text). Ids are exact rule ids, never prefixes: a suppression is an audited exception and must
/// not swallow rules added later. A suppressed finding is kept, flagged with the text after <c>--</c> as its
/// justification; a suppression that suppresses nothing, or that cannot be read, is a KF0002 finding.
/// </summary>
public sealed class InlineSuppressions
{
    public const string NextLineDirective = "flowlint-disable-next-line";
    public const string LineDirective = "flowlint-disable-line";
    public const string FileDirective = "flowlint-disable-file";

    /// <summary>Every directive starts with this; files without it are not even parsed again.</summary>
    public const string Marker = "flowlint-disable";

    private static readonly string[] Directives = { NextLineDirective, LineDirective, FileDirective };

    private readonly Dictionary<string, DiagnosticDescriptor> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _ids = new();

    public InlineSuppressions(IReadOnlyList<DiagnosticDescriptor> catalogue)
    {
        foreach (var descriptor in catalogue)
        {
            if (_byId.ContainsKey(descriptor.Id)) continue;
            _byId.Add(descriptor.Id, descriptor);
            _ids.Add(descriptor.Id);
        }
    }

    /// <summary>Whether a file may hold a directive (a cheap test before parsing anything).</summary>
    public static bool MayContainDirectives(SourceText text) =>
        text.MayContainDirectives ??= ContainsMarker(text.Text);

    // Every file is scanned: anchoring on the marker's rarest letter ('w') is several times faster than a
    // case-insensitive search for the whole marker.
    private static bool ContainsMarker(string text)
    {
        const int Anchor = 3; // "flo[w]lint-disable"
        if (text.Length < Marker.Length) return false;
        for (int i = text.IndexOfAny(AnchorLetters, Anchor); i >= 0; i = text.IndexOfAny(AnchorLetters, i + 1))
        {
            int start = i - Anchor;
            if (start + Marker.Length > text.Length) return false;
            if (string.Compare(text, start, Marker, 0, Marker.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
        }
        return false;
    }

    private static readonly char[] AnchorLetters = { 'w', 'W' };

    /// <summary>The directives among the stream's comments, each with the lines it covers.</summary>
    public IReadOnlyList<SuppressionDirective> Parse(YamlStream stream)
    {
        var text = stream.Text;
        var directives = new List<SuppressionDirective>();
        NodeIndex? index = null;
        HashSet<int>? ownLineComments = null;
        foreach (var comment in stream.Comments)
        {
            if (!IsDirective(comment)) continue;
            index ??= new NodeIndex(stream);
            if (ownLineComments is null)
            {
                ownLineComments = new HashSet<int>();
                foreach (var c in stream.Comments)
                    if (!c.IsInline) ownLineComments.Add(text.GetLineFromOffset(c.Span.Start));
            }
            directives.Add(ParseDirective(text, comment, index, ownLineComments));
        }
        return directives;
    }

    private static bool IsDirective(YamlComment comment)
    {
        string t = comment.Text;
        int i = SkipWhite(t, 0);
        return string.Compare(t, i, Marker, 0, Marker.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private SuppressionDirective ParseDirective(SourceText text, YamlComment comment, NodeIndex index, HashSet<int> ownLineComments)
    {
        string t = comment.Text;
        int origin = comment.Span.Start + 1; // comment.Text starts after the '#'
        var problems = new List<SuppressionProblem>();
        var rules = new List<SuppressedRule>();

        int wordStart = SkipWhite(t, 0);
        int wordEnd = wordStart;
        while (wordEnd < t.Length && !IsWhite(t[wordEnd])) wordEnd++;
        string word = t.Substring(wordStart, wordEnd - wordStart).ToLowerInvariant();
        SuppressionScope? scope = word switch
        {
            NextLineDirective => SuppressionScope.NextLine,
            LineDirective => SuppressionScope.Line,
            FileDirective => SuppressionScope.File,
            _ => null,
        };
        if (scope is null)
        {
            string written = t.Substring(wordStart, wordEnd - wordStart);
            problems.Add(new SuppressionProblem(comment.Span,
                $"Malformed suppression: unknown directive '{DidYouMean.Excerpt(written)}'{DidYouMean.Suffix(written, Directives)}; use {NextLineDirective}, {LineDirective} or {FileDirective}"));
        }

        int dashes = t.IndexOf("--", wordEnd, StringComparison.Ordinal);
        int idsEnd = dashes >= 0 ? dashes : t.Length;
        string? justification = dashes >= 0 ? t.Substring(dashes + 2).Trim() : null;
        if (justification is { Length: 0 }) justification = null;

        if (scope is not null)
        {
            int i = wordEnd;
            while (i < idsEnd)
            {
                if (IsWhite(t[i]) || t[i] == ',')
                {
                    i++;
                    continue;
                }
                int start = i;
                while (i < idsEnd && !IsWhite(t[i]) && t[i] != ',') i++;
                string token = t.Substring(start, i - start);
                var span = new TextSpan(origin + start, i - start);
                string id = token.ToUpperInvariant();
                if (_byId.ContainsKey(id)) rules.Add(new SuppressedRule(id, span));
                else problems.Add(new SuppressionProblem(span, DescribeUnknownId(token, id)));
            }
            if (rules.Count == 0 && problems.Count == 0)
                problems.Add(new SuppressionProblem(comment.Span, $"Malformed suppression: no rule id; write the ids it is for, e.g. '# {word} KF1001 -- reason'"));
        }

        int firstLine = -1, lastLine = -1;
        int commentLine = text.GetLineFromOffset(comment.Span.Start);
        switch (scope)
        {
            case SuppressionScope.Line:
                if (!comment.IsInline)
                {
                    problems.Add(new SuppressionProblem(comment.Span,
                        $"Misplaced suppression: '{LineDirective}' applies to the code before it on the same line, and there is none; on a line of its own, use '{NextLineDirective}'"));
                    break;
                }
                firstLine = commentLine;
                lastLine = Math.Max(commentLine, index.BlockScalarLastLine(commentLine));
                break;
            case SuppressionScope.NextLine:
                int target = NextContentLine(text, commentLine, ownLineComments);
                if (target < 0)
                {
                    problems.Add(new SuppressionProblem(comment.Span, $"Misplaced suppression: no line follows this '{NextLineDirective}'"));
                    break;
                }
                firstLine = target;
                lastLine = Math.Max(target, index.LastLineOfConstructAt(text, target));
                break;
        }

        return new SuppressionDirective(comment, scope, rules, justification, problems, firstLine, lastLine);
    }

    private string DescribeUnknownId(string token, string id)
    {
        if (!id.StartsWith("KF", StringComparison.Ordinal))
            return $"Malformed suppression: '{DidYouMean.Excerpt(token)}' is not a rule id; separate ids with ',' and put the reason after '--'";
        foreach (var known in _ids)
        {
            if (known.Length > id.Length && known.StartsWith(id, StringComparison.Ordinal))
                return $"Malformed suppression: '{token}' is not a rule id; suppressions name exact rules (e.g. {known}), not prefixes";
        }
        return $"Malformed suppression: unknown rule '{DidYouMean.Excerpt(token)}'{DidYouMean.Suffix(id, _ids)}";
    }

    /// <summary>The first line after <paramref name="line"/> that is neither blank nor only a comment; -1 if none.</summary>
    private static int NextContentLine(SourceText text, int line, HashSet<int> ownLineComments)
    {
        for (int l = line + 1; l < text.LineCount; l++)
        {
            var content = text.GetLineText(l);
            if (content.Trim().Length == 0 || ownLineComments.Contains(l)) continue;
            return l;
        }
        return -1;
    }

    /// <summary>
    /// Marks the findings the directives cover as suppressed, and adds a KF0002 finding for each malformed
    /// directive and, when <paramref name="reportUnused"/>, for each id that suppressed nothing. An id of a rule
    /// that is off for this file (<paramref name="resolve"/> returns null) is never reported as unused: the rule
    /// did not run, so the suppression may well be needed where it does.
    /// </summary>
    /// <param name="findings">The file's findings, already filtered and with their effective severity.</param>
    /// <param name="resolve">The effective severity of a rule in this file, or null when it is off.</param>
    public List<Diagnostic> Apply(SourceText text, IReadOnlyList<SuppressionDirective> directives, IReadOnlyList<Diagnostic> findings,
        Func<DiagnosticDescriptor, DiagnosticSeverity?> resolve, bool reportUnused)
    {
        var result = new List<Diagnostic>(findings.Count + 4);
        if (directives.Count == 0)
        {
            result.AddRange(findings);
            return result;
        }

        var used = new bool[directives.Count][];
        for (int i = 0; i < directives.Count; i++) used[i] = new bool[directives[i].Rules.Count];

        foreach (var finding in findings) result.Add(Suppress(finding, directives, used));

        var unusedSeverity = resolve(EngineDiagnostics.UnusedSuppression);
        if (unusedSeverity is not { } severity) return result;

        var engineFindings = new List<Diagnostic>();
        for (int i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            foreach (var problem in directive.Problems)
                engineFindings.Add(Create(text, problem.Span, problem.Message, null));
            if (!reportUnused || !directive.IsEffective) continue;

            var unused = new List<SuppressedRule>();
            bool anyUsedOrOff = false;
            for (int r = 0; r < directive.Rules.Count; r++)
            {
                var rule = directive.Rules[r];
                // A KF0002 id only silences KF0002 findings; it is not itself checked (that would never end).
                if (used[i][r] || rule.Id == EngineDiagnostics.UnusedSuppression.Id || resolve(_byId[rule.Id]) is null) anyUsedOrOff = true;
                else unused.Add(rule);
            }
            if (unused.Count == 0) continue;

            string where = DescribeCoverage(directive);
            if (!anyUsedOrOff && directive.Problems.Count == 0)
            {
                engineFindings.Add(Create(text, directive.Comment.Span,
                    $"Suppression matches no finding: no {JoinIds(unused)} finding {where}",
                    new CodeFix("Remove the unused suppression", new[] { RemoveComment(text, directive.Comment) })));
            }
            else
            {
                foreach (var rule in unused)
                {
                    engineFindings.Add(Create(text, rule.Span, $"{rule.Id} is not reported {where}; remove it from this suppression",
                        new CodeFix($"Remove {rule.Id} from the suppression", new[] { RemoveId(text, rule.Span) })));
                }
            }
        }

        // KF0002 findings can themselves be suppressed, by a directive that names KF0002.
        var noUse = new bool[directives.Count][];
        for (int i = 0; i < directives.Count; i++) noUse[i] = new bool[directives[i].Rules.Count];
        foreach (var finding in engineFindings) result.Add(Suppress(finding.WithSeverity(severity), directives, noUse));
        return result;
    }

    private static Diagnostic Suppress(Diagnostic finding, IReadOnlyList<SuppressionDirective> directives, bool[][] used)
    {
        if (finding.IsSuppressed) return finding;
        int line = finding.Location.LineSpan.Start.Line;
        SuppressionDirective? best = null;
        for (int i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            if (!directive.IsEffective || !directive.Covers(line)) continue;
            for (int r = 0; r < directive.Rules.Count; r++)
            {
                if (!string.Equals(directive.Rules[r].Id, finding.Id, StringComparison.Ordinal)) continue;
                used[i][r] = true;
                // Every covering directive counts as used; the closest one (a line's over the file's) gives the reason.
                if (best is null || (best.Scope == SuppressionScope.File && directive.Scope != SuppressionScope.File)) best = directive;
            }
        }
        return best is null ? finding : finding.WithSuppression(SuppressionKind.InSource, best.Justification);
    }

    private static Diagnostic Create(SourceText text, TextSpan span, string message, CodeFix? fix) =>
        Diagnostic.Create(EngineDiagnostics.UnusedSuppression, new Location(text, span), null, fix is null ? null : new[] { fix }, null, message);

    private static string DescribeCoverage(SuppressionDirective directive) => directive.Scope switch
    {
        SuppressionScope.File => "in this file",
        SuppressionScope.Line when directive.FirstLine == directive.LastLine => "on this line",
        _ when directive.FirstLine == directive.LastLine => $"on line {directive.FirstLine + 1}",
        _ => $"on lines {directive.FirstLine + 1}-{directive.LastLine + 1}",
    };

    private static string JoinIds(List<SuppressedRule> rules)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < rules.Count; i++)
        {
            if (i > 0) sb.Append(i == rules.Count - 1 ? " or " : ", ");
            sb.Append(rules[i].Id);
        }
        return sb.ToString();
    }

    /// <summary>Deletes a whole-line comment with its line, or an end-of-line comment with the blanks before it.</summary>
    private static TextEdit RemoveComment(SourceText text, YamlComment comment)
    {
        int line = text.GetLineFromOffset(comment.Span.Start);
        int lineStart = text.GetLineStart(line);
        if (!comment.IsInline)
        {
            int next = line + 1 < text.LineCount ? text.GetLineStart(line + 1) : text.Length;
            return new TextEdit(TextSpan.FromBounds(lineStart, next), string.Empty);
        }
        int start = comment.Span.Start;
        while (start > lineStart && IsWhite(text[start - 1])) start--;
        return new TextEdit(TextSpan.FromBounds(start, comment.Span.End), string.Empty);
    }

    /// <summary>Deletes one id and the separator that joins it to its neighbour.</summary>
    private static TextEdit RemoveId(SourceText text, TextSpan id)
    {
        int end = id.End;
        int after = end;
        while (after < text.Length && IsWhite(text[after])) after++;
        if (after < text.Length && text[after] == ',')
        {
            after++;
            while (after < text.Length && text[after] is ' ' or '\t') after++;
            return new TextEdit(TextSpan.FromBounds(id.Start, after), string.Empty);
        }
        int before = id.Start;
        while (before > 0 && text[before - 1] is ' ' or '\t') before--;
        if (before > 0 && text[before - 1] == ',')
        {
            before--;
            while (before > 0 && text[before - 1] is ' ' or '\t') before--;
            return new TextEdit(TextSpan.FromBounds(before, end), string.Empty);
        }
        return new TextEdit(id, string.Empty);
    }

    private static int SkipWhite(string s, int i)
    {
        while (i < s.Length && IsWhite(s[i])) i++;
        return i;
    }

    private static bool IsWhite(char c) => c is ' ' or '\t';

    /// <summary>
    /// Where constructs start, so a directive can cover the whole entry or list item that starts on its target
    /// line: a mapping key's start → the end of its value, a block list item's '-' → the item's end, and the line
    /// of each block scalar header → the block's last line. Aliases are not followed.
    /// </summary>
    private sealed class NodeIndex
    {
        private readonly Dictionary<int, int> _entryEndByKeyStart = new();
        private readonly Dictionary<int, int> _itemEndByDash = new();
        private readonly Dictionary<int, int> _blockLastLineByHeaderLine = new();

        public NodeIndex(YamlStream stream)
        {
            var text = stream.Text;
            var stack = new Stack<YamlNode>();
            foreach (var document in stream.Documents)
                if (document.Root is not null) stack.Push(document.Root);
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case YamlMapping mapping:
                        foreach (var entry in mapping.Entries)
                        {
                            int end = Math.Max(entry.Key.Span.End, entry.Value.Span.End);
                            int keyStart = Start(entry.Key);
                            if (!_entryEndByKeyStart.TryGetValue(keyStart, out int known) || known < end) _entryEndByKeyStart[keyStart] = end;
                            stack.Push(entry.Key);
                            stack.Push(entry.Value);
                        }
                        break;
                    case YamlSequence sequence:
                        foreach (var item in sequence.Items)
                        {
                            if (!sequence.IsFlowStyle && FindDash(text.Text, Start(item)) is int dash and >= 0)
                                _itemEndByDash[dash] = Math.Max(item.Span.End, dash + 1);
                            stack.Push(item);
                        }
                        break;
                    case YamlScalar { Style: YamlScalarStyle.Literal or YamlScalarStyle.Folded } block when block.Span.Length > 0:
                        int header = text.GetLineFromOffset(block.Span.Start);
                        _blockLastLineByHeaderLine[header] = text.GetLineFromOffset(block.Span.End - 1);
                        break;
                }
            }
        }

        public int BlockScalarLastLine(int line) => _blockLastLineByHeaderLine.TryGetValue(line, out int last) ? last : -1;

        /// <summary>The last line of the entry or item that starts at the first character of the line, else -1.</summary>
        public int LastLineOfConstructAt(SourceText text, int line)
        {
            int start = text.GetLineStart(line);
            int end = text.GetLineEnd(line);
            int p = start;
            while (p < end && IsWhite(text[p])) p++;
            int constructEnd = -1;
            if (_entryEndByKeyStart.TryGetValue(p, out int entryEnd)) constructEnd = entryEnd;
            else if (_itemEndByDash.TryGetValue(p, out int itemEnd)) constructEnd = itemEnd;
            int last = constructEnd > p ? text.GetLineFromOffset(constructEnd - 1) : -1;
            return Math.Max(last, BlockScalarLastLine(line));
        }

        private static int Start(YamlNode node) => node.Anchor is not null ? Math.Min(node.AnchorSpan.Start, node.Span.Start) : node.Span.Start;

        /// <summary>The '-' introducing a block list item that starts at <paramref name="itemStart"/> (past a tag, if any); -1 if not found.</summary>
        private static int FindDash(string text, int itemStart)
        {
            int i = itemStart - 1;
            for (int pass = 0; pass < 2; pass++)
            {
                while (i >= 0 && IsWhite(text[i])) i--;
                if (i < 0 || text[i] is '\n' or '\r') return -1;
                if (text[i] == '-' && (i + 1 >= text.Length || IsWhite(text[i + 1]) || text[i + 1] is '\n' or '\r')) return i;
                // Skip one token (a tag such as !!str, which node spans leave out) and look again.
                while (i >= 0 && !IsWhite(text[i]) && text[i] is not '\n' and not '\r') i--;
            }
            return -1;
        }
    }
}
