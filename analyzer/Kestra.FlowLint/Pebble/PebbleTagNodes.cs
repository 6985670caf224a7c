using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>A tag with a body; the span runs from the opening <c>{%</c> to the end of its end tag.</summary>
public abstract class PebbleTagNode : PebbleTemplateNode
{
    private protected PebbleTagNode(TextSpan span, PebbleIdentifier tagName) : base(span)
    {
        TagName = tagName;
    }

    /// <summary>The tag's keyword (<c>if</c>, <c>for</c>, …) and its span.</summary>
    public PebbleIdentifier TagName { get; }
}

/// <summary><c>{% if c %}…{% elseif c2 %}…{% else %}…{% endif %}</c>.</summary>
public sealed class IfNode : PebbleTagNode
{
    internal IfNode(TextSpan span, PebbleIdentifier tagName, IReadOnlyList<IfBranch> branches, IReadOnlyList<PebbleTemplateNode>? elseBody)
        : base(span, tagName)
    {
        Branches = AdoptAll(branches);
        ElseBody = elseBody == null ? null : AdoptAll(elseBody);
    }

    /// <summary>The <c>if</c> branch then each <c>elseif</c>.</summary>
    public IReadOnlyList<IfBranch> Branches { get; }

    public IReadOnlyList<PebbleTemplateNode>? ElseBody { get; }

    public override int ChildCount => Branches.Count + (ElseBody?.Count ?? 0);
    public override PebbleSyntaxNode GetChild(int index) =>
        index < Branches.Count ? Branches[index] : ElseBody![index - Branches.Count];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitIf(this);
}

/// <summary>One condition of an <see cref="IfNode"/> and the body it guards.</summary>
public sealed class IfBranch : PebbleSyntaxNode
{
    internal IfBranch(TextSpan span, PebbleExpression condition, IReadOnlyList<PebbleTemplateNode> body) : base(span)
    {
        Condition = Adopt(condition);
        Body = AdoptAll(body);
    }

    public PebbleExpression Condition { get; }
    public IReadOnlyList<PebbleTemplateNode> Body { get; }

    public override int ChildCount => 1 + Body.Count;
    public override PebbleSyntaxNode GetChild(int index) => index == 0 ? Condition : Body[index - 1];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitIfBranch(this);
}

/// <summary>
/// <c>{% for x in iterable %}…{% else %}…{% endfor %}</c>. Pebble allows one variable only; when more
/// were written (an error), <see cref="Variables"/> keeps them all so analysis can go on.
/// </summary>
public sealed class ForNode : PebbleTagNode
{
    internal ForNode(TextSpan span, PebbleIdentifier tagName, IReadOnlyList<PebbleIdentifier> variables, PebbleExpression iterable,
        IReadOnlyList<PebbleTemplateNode> body, IReadOnlyList<PebbleTemplateNode>? elseBody)
        : base(span, tagName)
    {
        Variables = variables;
        Iterable = Adopt(iterable);
        Body = AdoptAll(body);
        ElseBody = elseBody == null ? null : AdoptAll(elseBody);
    }

    public IReadOnlyList<PebbleIdentifier> Variables { get; }

    /// <summary>The loop variable (the first one if several were written); empty name if missing.</summary>
    public PebbleIdentifier Variable => Variables.Count > 0 ? Variables[0] : new PebbleIdentifier(string.Empty, new TextSpan(TagName.Span.End, 0));

    public PebbleExpression Iterable { get; }
    public IReadOnlyList<PebbleTemplateNode> Body { get; }
    public IReadOnlyList<PebbleTemplateNode>? ElseBody { get; }

    public override int ChildCount => 1 + Body.Count + (ElseBody?.Count ?? 0);
    public override PebbleSyntaxNode GetChild(int index) =>
        index == 0 ? Iterable : index - 1 < Body.Count ? Body[index - 1] : ElseBody![index - 1 - Body.Count];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitFor(this);
}

/// <summary><c>{% set name = value %}</c>.</summary>
public sealed class SetNode : PebbleTagNode
{
    internal SetNode(TextSpan span, PebbleIdentifier tagName, PebbleIdentifier name, PebbleExpression value) : base(span, tagName)
    {
        Name = name;
        Value = Adopt(value);
    }

    public PebbleIdentifier Name { get; }
    public PebbleExpression Value { get; }

    public override int ChildCount => 1;
    public override PebbleSyntaxNode GetChild(int index) => index == 0 ? Value : throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitSet(this);
}

/// <summary><c>{% macro name(a, b=default) %}…{% endmacro %}</c>.</summary>
public sealed class MacroNode : PebbleTagNode
{
    internal MacroNode(TextSpan span, PebbleIdentifier tagName, PebbleIdentifier name, IReadOnlyList<MacroParameter> parameters, IReadOnlyList<PebbleTemplateNode> body)
        : base(span, tagName)
    {
        Name = name;
        Parameters = AdoptAll(parameters);
        Body = AdoptAll(body);
    }

    public PebbleIdentifier Name { get; }
    public IReadOnlyList<MacroParameter> Parameters { get; }
    public IReadOnlyList<PebbleTemplateNode> Body { get; }

    public override int ChildCount => Parameters.Count + Body.Count;
    public override PebbleSyntaxNode GetChild(int index) => index < Parameters.Count ? Parameters[index] : Body[index - Parameters.Count];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitMacro(this);
}

public sealed class MacroParameter : PebbleSyntaxNode
{
    internal MacroParameter(TextSpan span, string name, TextSpan nameSpan, PebbleExpression? defaultValue) : base(span)
    {
        Name = name;
        NameSpan = nameSpan;
        DefaultValue = AdoptOptional(defaultValue);
    }

    public string Name { get; }
    public TextSpan NameSpan { get; }
    public PebbleExpression? DefaultValue { get; }

    public override int ChildCount => DefaultValue == null ? 0 : 1;
    public override PebbleSyntaxNode GetChild(int index) => index == 0 && DefaultValue != null ? DefaultValue : throw ChildIndexOutOfRange(index);
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitMacroParameter(this);
}

/// <summary><c>{% block name %}…{% endblock %}</c>; the name may be written as a string.</summary>
public sealed class BlockNode : PebbleTagNode
{
    internal BlockNode(TextSpan span, PebbleIdentifier tagName, PebbleIdentifier name, IReadOnlyList<PebbleTemplateNode> body) : base(span, tagName)
    {
        Name = name;
        Body = AdoptAll(body);
    }

    public PebbleIdentifier Name { get; }
    public IReadOnlyList<PebbleTemplateNode> Body { get; }

    public override int ChildCount => Body.Count;
    public override PebbleSyntaxNode GetChild(int index) => Body[index];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitBlock(this);
}

/// <summary><c>{% filter upper | trim %}…{% endfilter %}</c>: the body's output goes through the filters in order.</summary>
public sealed class FilterTagNode : PebbleTagNode
{
    internal FilterTagNode(TextSpan span, PebbleIdentifier tagName, IReadOnlyList<FilterCall> filters, IReadOnlyList<PebbleTemplateNode> body) : base(span, tagName)
    {
        Filters = AdoptAll(filters);
        Body = AdoptAll(body);
    }

    public IReadOnlyList<FilterCall> Filters { get; }
    public IReadOnlyList<PebbleTemplateNode> Body { get; }

    public override int ChildCount => Filters.Count + Body.Count;
    public override PebbleSyntaxNode GetChild(int index) => index < Filters.Count ? Filters[index] : Body[index - Filters.Count];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitFilterTag(this);
}

/// <summary>One <c>name(args)</c> of a filter tag's chain.</summary>
public sealed class FilterCall : PebbleSyntaxNode
{
    internal FilterCall(TextSpan span, string name, TextSpan nameSpan, IReadOnlyList<Argument> arguments) : base(span)
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
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitFilterCall(this);
}

/// <summary>
/// A tag Kestra removes (include, cache, …), already reported as <see cref="PebbleErrorKind.RemovedTag"/>.
/// Its arguments are not parsed; for the tags that have a body (embed, parallel, cache, autoescape) the body
/// is kept so that the expressions in it are still analysed.
/// </summary>
public sealed class RemovedTagNode : PebbleTagNode
{
    internal RemovedTagNode(TextSpan span, PebbleIdentifier tagName, IReadOnlyList<PebbleTemplateNode> body) : base(span, tagName)
    {
        Body = AdoptAll(body);
    }

    public IReadOnlyList<PebbleTemplateNode> Body { get; }

    public override int ChildCount => Body.Count;
    public override PebbleSyntaxNode GetChild(int index) => Body[index];
    public override void Accept(PebbleSyntaxWalker walker) => walker.VisitRemovedTag(this);
}
