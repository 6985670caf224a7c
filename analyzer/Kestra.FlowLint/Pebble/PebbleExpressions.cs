using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>Binary operators, named exactly like Pebble's expression classes (and the S-expression ops).</summary>
public enum PebbleBinaryOperator
{
    Or,
    And,
    Contains,
    Equals,
    NotEquals,
    GreaterThan,
    LessThan,
    GreaterThanEquals,
    LessThanEquals,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulus,
    Concatenate,
    Range,
    NullCoalescing,
    UndefinedCoalescing,
}

public enum PebbleUnaryOperator
{
    Not,
    Minus,
    Plus,
}

public enum PebbleLiteralKind
{
    String,
    Long,
    Double,
    Boolean,
    Null,
}

/// <summary>An expression. <see cref="Depth"/> is capped by the parser, so recursion over it is safe.</summary>
public abstract class PebbleExpression : PebbleSyntaxNode
{
    private protected PebbleExpression(TextSpan span, int depth) : base(span)
    {
        Depth = depth;
    }

    /// <summary>1 for a leaf; 1 + the deepest child otherwise.</summary>
    public int Depth { get; }

    private protected static int DepthOf(PebbleExpression a) => a.Depth + 1;

    private protected static int DepthOf(PebbleExpression a, PebbleExpression b) => Math.Max(a.Depth, b.Depth) + 1;

    private protected static int DepthOf(IReadOnlyList<Argument>? args, int seed)
    {
        int d = seed;
        if (args != null)
        {
            for (int i = 0; i < args.Count; i++) d = Math.Max(d, args[i].Value.Depth + 1);
        }
        return d;
    }
}

/// <summary>A string, number, boolean or null literal. <see cref="RawText"/> is the text as written.</summary>
public sealed class LiteralExpression : PebbleExpression
{
    private readonly string _source;
    private readonly TextSpan _valueSpan;
    private readonly char _escapedQuote;
    private string? _stringValue;

    private LiteralExpression(string source, TextSpan span, PebbleLiteralKind kind, TextSpan valueSpan, char escapedQuote)
        : base(span, 1)
    {
        _source = source;
        Kind = kind;
        _valueSpan = valueSpan;
        _escapedQuote = escapedQuote;
    }

    internal static LiteralExpression String(string source, TextSpan span, TextSpan valueSpan, char escapedQuote) =>
        new(source, span, PebbleLiteralKind.String, valueSpan, escapedQuote);

    internal static LiteralExpression Long(string source, TextSpan span, long value) =>
        new(source, span, PebbleLiteralKind.Long, span, '\0') { _bits = value };

    internal static LiteralExpression Double(string source, TextSpan span, double value) =>
        new(source, span, PebbleLiteralKind.Double, span, '\0') { _bits = BitConverter.DoubleToInt64Bits(value) };

    internal static LiteralExpression Boolean(string source, TextSpan span, bool value) =>
        new(source, span, PebbleLiteralKind.Boolean, span, '\0') { _bits = value ? 1 : 0 };

    internal static LiteralExpression Null(string source, TextSpan span) =>
        new(source, span, PebbleLiteralKind.Null, span, '\0');

    public PebbleLiteralKind Kind { get; }

    public string RawText => _source.Substring(Span.Start, Span.Length);

    /// <summary>
    /// The string's value as Pebble sees it: quotes removed and only <c>\'</c> (in '…') or <c>\"</c> (in "…")
    /// unescaped; interpolated string parts and attribute names are taken as written. Null for other kinds.
    /// </summary>
    public string? StringValue
    {
        get
        {
            if (Kind != PebbleLiteralKind.String) return null;
            if (_stringValue == null)
            {
                string value = StringCache.Current.Get(_source, _valueSpan.Start, _valueSpan.Length);
                if (_escapedQuote != '\0' && value.IndexOf('\\') >= 0)
                {
                    value = value.Replace(_escapedQuote == '\'' ? "\\'" : "\\\"", _escapedQuote == '\'' ? "'" : "\"");
                }
                _stringValue = value;
            }
            return _stringValue;
        }
    }

    /// <summary>The span of the string's content without its quotes (the whole span for other kinds).</summary>
    public TextSpan ValueSpan => _valueSpan;

    // One field for the three kinds of value: a template has a literal per attribute name (`.x` is a string literal),
    // and none of those needs the other two.
    private long _bits;

    public long LongValue => Kind == PebbleLiteralKind.Long ? _bits : 0;
    public double DoubleValue => Kind == PebbleLiteralKind.Double ? BitConverter.Int64BitsToDouble(_bits) : 0;
    public bool BooleanValue => Kind == PebbleLiteralKind.Boolean && _bits != 0;

    public override int ChildCount => 0;
    public override PebbleSyntaxNode GetChild(int index) => throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitLiteral(this);
}

/// <summary>A context variable, e.g. <c>inputs</c> in <c>inputs.x</c>.</summary>
public sealed class VariableExpression : PebbleExpression
{
    internal VariableExpression(TextSpan span, string name) : base(span, 1)
    {
        Name = name;
    }

    public string Name { get; }

    public override int ChildCount => 0;
    public override PebbleSyntaxNode GetChild(int index) => throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitVariable(this);
}

/// <summary>
/// <c>target.name</c>, <c>target.name(args)</c> (a method call) or <c>target[key]</c>. For <c>.name</c> the
/// key is a string literal spanning the name.
/// </summary>
public sealed class AttributeExpression : PebbleExpression
{
    internal AttributeExpression(TextSpan span, PebbleExpression target, PebbleExpression key, bool isSubscript, IReadOnlyList<Argument>? arguments)
        : base(span, DepthOf(arguments, DepthOf(target, key)))
    {
        Target = Adopt(target);
        Key = Adopt(key);
        IsSubscript = isSubscript;
        Arguments = arguments == null ? null : AdoptAll(arguments);
    }

    public PebbleExpression Target { get; }
    public PebbleExpression Key { get; }
    public bool IsSubscript { get; }

    /// <summary>The method call's arguments (positional only), or null when this is not a call.</summary>
    public IReadOnlyList<Argument>? Arguments { get; }

    public override int ChildCount => 2 + (Arguments?.Count ?? 0);
    public override PebbleSyntaxNode GetChild(int index) => index switch
    {
        0 => Target,
        1 => Key,
        _ when Arguments != null && index - 2 < Arguments.Count && index >= 2 => Arguments[index - 2],
        _ => throw ChildIndexOutOfRange(index),
    };
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitAttribute(this);
}

/// <summary>A function or macro call <c>name(args)</c>.</summary>
public sealed class FunctionCallExpression : PebbleExpression
{
    internal FunctionCallExpression(TextSpan span, string name, TextSpan nameSpan, IReadOnlyList<Argument> arguments)
        : base(span, DepthOf(arguments, 1))
    {
        Name = name;
        NameSpan = nameSpan;
        Arguments = AdoptAll(arguments);
    }

    public string Name { get; }
    public TextSpan NameSpan { get; }
    public IReadOnlyList<Argument> Arguments { get; }

    public override int ChildCount => Arguments.Count;
    public override PebbleSyntaxNode GetChild(int index) => Arguments[index];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitFunctionCall(this);
}

/// <summary><c>input | name(args)</c>. The arguments are empty when no parentheses were written.</summary>
public sealed class FilterExpression : PebbleExpression
{
    internal FilterExpression(TextSpan span, PebbleExpression input, TextSpan operatorSpan, string name, TextSpan nameSpan, IReadOnlyList<Argument> arguments)
        : base(span, DepthOf(arguments, DepthOf(input)))
    {
        Input = Adopt(input);
        OperatorSpan = operatorSpan;
        Name = name;
        NameSpan = nameSpan;
        Arguments = AdoptAll(arguments);
    }

    public PebbleExpression Input { get; }

    /// <summary>The <c>|</c>.</summary>
    public TextSpan OperatorSpan { get; }

    public string Name { get; }
    public TextSpan NameSpan { get; }
    public IReadOnlyList<Argument> Arguments { get; }

    public override int ChildCount => 1 + Arguments.Count;
    public override PebbleSyntaxNode GetChild(int index) => index == 0 ? Input : Arguments[index - 1];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitFilter(this);
}

/// <summary><c>input is name(args)</c> or <c>input is not name(args)</c>.</summary>
public sealed class TestExpression : PebbleExpression
{
    internal TestExpression(TextSpan span, PebbleExpression input, TextSpan operatorSpan, bool negated, string name, TextSpan nameSpan, IReadOnlyList<Argument> arguments)
        : base(span, DepthOf(arguments, DepthOf(input)))
    {
        Input = Adopt(input);
        OperatorSpan = operatorSpan;
        Negated = negated;
        Name = name;
        NameSpan = nameSpan;
        Arguments = AdoptAll(arguments);
    }

    public PebbleExpression Input { get; }

    /// <summary>The <c>is</c> or <c>is not</c>.</summary>
    public TextSpan OperatorSpan { get; }

    public bool Negated { get; }
    public string Name { get; }
    public TextSpan NameSpan { get; }
    public IReadOnlyList<Argument> Arguments { get; }

    public override int ChildCount => 1 + Arguments.Count;
    public override PebbleSyntaxNode GetChild(int index) => index == 0 ? Input : Arguments[index - 1];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitTest(this);
}

public sealed class UnaryExpression : PebbleExpression
{
    internal UnaryExpression(TextSpan span, PebbleUnaryOperator op, TextSpan operatorSpan, PebbleExpression operand)
        : base(span, DepthOf(operand))
    {
        Operator = op;
        OperatorSpan = operatorSpan;
        Operand = Adopt(operand);
    }

    public PebbleUnaryOperator Operator { get; }
    public TextSpan OperatorSpan { get; }
    public PebbleExpression Operand { get; }

    public override int ChildCount => 1;
    public override PebbleSyntaxNode GetChild(int index) => index == 0 ? Operand : throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitUnary(this);
}

/// <summary>
/// A binary operation. A double-quoted string with interpolation is a right-nested chain of
/// <see cref="PebbleBinaryOperator.Concatenate"/> nodes, as Pebble builds it; those have
/// <see cref="IsInterpolation"/> set and an empty <see cref="OperatorSpan"/> where the parts meet.
/// </summary>
public sealed class BinaryExpression : PebbleExpression
{
    internal BinaryExpression(TextSpan span, PebbleBinaryOperator op, TextSpan operatorSpan, PebbleExpression left, PebbleExpression right, bool isInterpolation = false)
        : base(span, DepthOf(left, right))
    {
        Operator = op;
        OperatorSpan = operatorSpan;
        Left = Adopt(left);
        Right = Adopt(right);
        IsInterpolation = isInterpolation;
    }

    public PebbleBinaryOperator Operator { get; }
    public TextSpan OperatorSpan { get; }
    public PebbleExpression Left { get; }
    public PebbleExpression Right { get; }
    public bool IsInterpolation { get; }

    public override int ChildCount => 2;
    public override PebbleSyntaxNode GetChild(int index) => index switch { 0 => Left, 1 => Right, _ => throw ChildIndexOutOfRange(index) };
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitBinary(this);
}

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
public sealed class TernaryExpression : PebbleExpression
{
    internal TernaryExpression(TextSpan span, PebbleExpression condition, PebbleExpression whenTrue, PebbleExpression whenFalse)
        : base(span, Math.Max(condition.Depth, Math.Max(whenTrue.Depth, whenFalse.Depth)) + 1)
    {
        Condition = Adopt(condition);
        WhenTrue = Adopt(whenTrue);
        WhenFalse = Adopt(whenFalse);
    }

    public PebbleExpression Condition { get; }
    public PebbleExpression WhenTrue { get; }
    public PebbleExpression WhenFalse { get; }

    public override int ChildCount => 3;
    public override PebbleSyntaxNode GetChild(int index) => index switch { 0 => Condition, 1 => WhenTrue, 2 => WhenFalse, _ => throw ChildIndexOutOfRange(index) };
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitTernary(this);
}

/// <summary><c>[a, b]</c>.</summary>
public sealed class ArrayExpression : PebbleExpression
{
    internal ArrayExpression(TextSpan span, IReadOnlyList<PebbleExpression> elements)
        : base(span, MaxDepth(elements) + 1)
    {
        Elements = AdoptAll(elements);
    }

    public IReadOnlyList<PebbleExpression> Elements { get; }

    public override int ChildCount => Elements.Count;
    public override PebbleSyntaxNode GetChild(int index) => Elements[index];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitArray(this);

    private static int MaxDepth(IReadOnlyList<PebbleExpression> elements)
    {
        int d = 0;
        for (int i = 0; i < elements.Count; i++) d = Math.Max(d, elements[i].Depth);
        return d;
    }
}

/// <summary><c>{k: v, …}</c>. A key is any expression: a bare name is a variable, not a literal key.</summary>
public sealed class MapExpression : PebbleExpression
{
    internal MapExpression(TextSpan span, IReadOnlyList<MapEntry> entries)
        : base(span, MaxDepth(entries) + 1)
    {
        Entries = AdoptAll(entries);
    }

    public IReadOnlyList<MapEntry> Entries { get; }

    public override int ChildCount => Entries.Count;
    public override PebbleSyntaxNode GetChild(int index) => Entries[index];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitMap(this);

    private static int MaxDepth(IReadOnlyList<MapEntry> entries)
    {
        int d = 0;
        for (int i = 0; i < entries.Count; i++) d = Math.Max(d, Math.Max(entries[i].Key.Depth, entries[i].Value.Depth) + 1);
        return d;
    }
}

public sealed class MapEntry : PebbleSyntaxNode
{
    internal MapEntry(TextSpan span, PebbleExpression key, PebbleExpression value) : base(span)
    {
        Key = Adopt(key);
        Value = Adopt(value);
    }

    public PebbleExpression Key { get; }
    public PebbleExpression Value { get; }

    public override int ChildCount => 2;
    public override PebbleSyntaxNode GetChild(int index) => index switch { 0 => Key, 1 => Value, _ => throw ChildIndexOutOfRange(index) };
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitMapEntry(this);
}

/// <summary>
/// Stands where an expression was expected but could not be parsed (an error was reported), so that
/// a tree with errors is still complete.
/// </summary>
public sealed class ErrorExpression : PebbleExpression
{
    internal ErrorExpression(TextSpan span) : base(span, 1)
    {
    }

    public override int ChildCount => 0;
    public override PebbleSyntaxNode GetChild(int index) => throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitError(this);
}

/// <summary>A call argument: positional (<see cref="Name"/> null) or named (<c>name=value</c>).</summary>
public sealed class Argument : PebbleSyntaxNode
{
    internal Argument(TextSpan span, string? name, TextSpan? nameSpan, PebbleExpression value) : base(span)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = Adopt(value);
    }

    public string? Name { get; }
    public TextSpan? NameSpan { get; }
    public PebbleExpression Value { get; }
    public bool IsNamed => Name != null;

    public override int ChildCount => 1;
    public override PebbleSyntaxNode GetChild(int index) => index == 0 ? Value : throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitArgument(this);
}
