using System.Collections.Generic;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Analysis.Suppression;

/// <summary>Which findings a <c># flowlint-disable…</c> comment covers.</summary>
public enum SuppressionScope
{
    /// <summary><c>flowlint-disable-next-line</c>: the next line with content, and the whole entry or list item it starts.</summary>
    NextLine,

    /// <summary><c>flowlint-disable-line</c>, at the end of a line: that line (and the block scalar whose header it ends).</summary>
    Line,

    /// <summary><c>flowlint-disable-file</c>, anywhere: the whole file.</summary>
    File,
}

/// <summary>One rule id named by a suppression comment, and where it is written.</summary>
public readonly struct SuppressedRule
{
    public SuppressedRule(string id, TextSpan span)
    {
        Id = id;
        Span = span;
    }

    /// <summary>The id in upper case.</summary>
    public string Id { get; }

    /// <summary>The id as written in the comment.</summary>
    public TextSpan Span { get; }
}

/// <summary>A malformed part of a suppression comment; reported as KF0002 at <see cref="Span"/>.</summary>
public readonly struct SuppressionProblem
{
    public SuppressionProblem(TextSpan span, string message)
    {
        Span = span;
        Message = message;
    }

    public TextSpan Span { get; }
    public string Message { get; }
}

/// <summary>A parsed <c># flowlint-disable-… ID[, ID…] [-- reason]</c> comment.</summary>
public sealed class SuppressionDirective
{
    internal SuppressionDirective(YamlComment comment, SuppressionScope? scope, IReadOnlyList<SuppressedRule> rules, string? justification, IReadOnlyList<SuppressionProblem> problems, int firstLine, int lastLine)
    {
        Comment = comment;
        Scope = scope;
        Rules = rules;
        Justification = justification;
        Problems = problems;
        FirstLine = firstLine;
        LastLine = lastLine;
    }

    public YamlComment Comment { get; }

    /// <summary>Null when the directive word is not one FlowLint knows (a problem says so).</summary>
    public SuppressionScope? Scope { get; }

    /// <summary>The valid rule ids named, in order.</summary>
    public IReadOnlyList<SuppressedRule> Rules { get; }

    /// <summary>The text after <c>--</c>, trimmed; null when there is none.</summary>
    public string? Justification { get; }

    public IReadOnlyList<SuppressionProblem> Problems { get; }

    /// <summary>The first and last covered line (0-based) of a line scope; -1 when the directive covers no line.</summary>
    public int FirstLine { get; }

    public int LastLine { get; }

    /// <summary>Whether the directive can suppress anything: a known scope, a target, and at least one valid id.</summary>
    public bool IsEffective => Scope is not null && Rules.Count > 0 && (Scope == SuppressionScope.File || FirstLine >= 0);

    public bool Covers(int line) => Scope == SuppressionScope.File || (line >= FirstLine && line <= LastLine);
}
