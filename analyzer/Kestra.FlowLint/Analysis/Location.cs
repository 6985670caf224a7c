using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Analysis;

/// <summary>Where a finding is: a file path and an exact span in the file's text.</summary>
public sealed class Location
{
    public Location(SourceText text, TextSpan span)
    {
        Text = text;
        Span = span;
        LineSpan = text.GetLinePositionSpan(span);
    }

    public SourceText Text { get; }
    public string Path => Text.Path;
    public TextSpan Span { get; }
    public LinePositionSpan LineSpan { get; }

    public override string ToString() => $"{Path}:{LineSpan.Start}";
}
