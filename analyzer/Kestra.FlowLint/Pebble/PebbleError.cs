using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>What kind of problem a <see cref="PebbleError"/> is; each maps to its own rule id.</summary>
public enum PebbleErrorKind
{
    /// <summary>Pebble (as Kestra configures it) would refuse the template (KF3001).</summary>
    Syntax,

    /// <summary>A tag Pebble knows but Kestra removes: include, extends, import, from, embed, flush, parallel, cache, autoescape (KF3010).</summary>
    RemovedTag,

    /// <summary>A <c>{% raw %}</c> whose <c>{% endraw %}</c> is on a later line: Kestra's pre-pass does not match it (KF3011).</summary>
    MultiLineRaw,
}

/// <summary>One problem in a template, with its exact span in the template's own coordinates.</summary>
public sealed class PebbleError
{
    public PebbleError(PebbleErrorKind kind, TextSpan span, string message)
    {
        Kind = kind;
        Span = span;
        Message = message;
    }

    public PebbleErrorKind Kind { get; }

    /// <summary>Never empty, except at the very end of the template.</summary>
    public TextSpan Span { get; }

    public string Message { get; }

    public override string ToString() => $"{Span}: {Kind}: {Message}";
}
