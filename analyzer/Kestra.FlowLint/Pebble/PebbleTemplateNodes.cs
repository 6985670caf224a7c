using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>A node of a template body: text, a print, a comment, verbatim/raw text or a tag.</summary>
public abstract class PebbleTemplateNode : PebbleSyntaxNode
{
    private protected PebbleTemplateNode(TextSpan span) : base(span)
    {
    }
}

/// <summary>
/// Literal text. <see cref="PebbleSyntaxNode.Span"/> is what remains after whitespace control;
/// <see cref="RawSpan"/> is the text as written between the surrounding delimiters.
/// </summary>
public sealed class TextNode : PebbleTemplateNode
{
    private readonly string _source;
    private string? _value;

    internal TextNode(string source, TextSpan span, TextSpan rawSpan) : base(span)
    {
        _source = source;
        RawSpan = rawSpan;
    }

    public string Value => _value ??= _source.Substring(Span.Start, Span.Length);

    public TextSpan RawSpan { get; }

    public override int ChildCount => 0;
    public override PebbleSyntaxNode GetChild(int index) => throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitText(this);
}

public enum VerbatimKind
{
    /// <summary>Pebble's <c>{% verbatim %}…{% endverbatim %}</c>.</summary>
    Verbatim,

    /// <summary>Kestra's <c>{% raw %}…{% endraw %}</c> pre-pass (on one line).</summary>
    KestraRaw,
}

/// <summary>
/// Text Pebble does not parse: a verbatim block or a Kestra raw block. <see cref="PebbleSyntaxNode.Span"/>
/// covers the opening tag to the end of the closing tag; <see cref="ValueSpan"/> is the content that is
/// output (verbatim content is always left-trimmed, a Pebble quirk).
/// </summary>
public sealed class VerbatimNode : PebbleTemplateNode
{
    private readonly string _source;
    private string? _value;

    internal VerbatimNode(string source, TextSpan span, TextSpan valueSpan, VerbatimKind kind) : base(span)
    {
        _source = source;
        ValueSpan = valueSpan;
        Kind = kind;
    }

    public VerbatimKind Kind { get; }
    public TextSpan ValueSpan { get; }
    public string Value => _value ??= _source.Substring(ValueSpan.Start, ValueSpan.Length);

    public override int ChildCount => 0;
    public override PebbleSyntaxNode GetChild(int index) => throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitVerbatim(this);
}

/// <summary><c>{# … #}</c>; outputs nothing.</summary>
public sealed class CommentNode : PebbleTemplateNode
{
    internal CommentNode(TextSpan span) : base(span)
    {
    }

    public override int ChildCount => 0;
    public override PebbleSyntaxNode GetChild(int index) => throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitComment(this);
}

/// <summary><c>{{ expression }}</c>; the span covers both delimiters.</summary>
public sealed class PrintNode : PebbleTemplateNode
{
    internal PrintNode(TextSpan span, PebbleExpression expression) : base(span)
    {
        Expression = Adopt(expression);
    }

    public PebbleExpression Expression { get; }

    public override int ChildCount => 1;
    public override PebbleSyntaxNode GetChild(int index) => index == 0 ? Expression : throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitPrint(this);
}
