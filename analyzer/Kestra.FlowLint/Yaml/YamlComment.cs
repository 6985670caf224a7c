using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

/// <summary>A <c># comment</c>: where suppressions (<c># flowlint-disable...</c>) live.</summary>
public sealed class YamlComment
{
    internal YamlComment(TextSpan span, string text, bool isInline)
    {
        Span = span;
        Text = text;
        IsInline = isInline;
    }

    /// <summary>From the <c>#</c> to the end of the line (line break excluded).</summary>
    public TextSpan Span { get; }

    /// <summary>Everything after the <c>#</c>, as written (leading space included).</summary>
    public string Text { get; }

    /// <summary>True when content precedes the comment on its line (<c>key: value # comment</c>).</summary>
    public bool IsInline { get; }

    public override string ToString() => "#" + Text;
}
