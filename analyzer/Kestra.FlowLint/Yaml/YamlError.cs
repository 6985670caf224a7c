using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

public enum YamlErrorKind
{
    /// <summary>The file is not valid YAML (reported as KF4001).</summary>
    Syntax,

    /// <summary>A size, depth or alias-expansion limit was hit (reported as KF0003).</summary>
    Limit,

    /// <summary>An alias names no anchor defined before it, or names its own enclosing node.</summary>
    UndefinedAlias,
}

public sealed class YamlError
{
    internal YamlError(TextSpan span, string message, YamlErrorKind kind)
    {
        Span = span;
        Message = message;
        Kind = kind;
    }

    /// <summary>Never empty, except at the very end of the file.</summary>
    public TextSpan Span { get; }

    /// <summary>A human sentence without position (reporters print positions themselves).</summary>
    public string Message { get; }

    public YamlErrorKind Kind { get; }

    public override string ToString() => $"{Kind} {Span}: {Message}";
}
