using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>Every node, name, operator and error carries its exact span in the template (UTF-16 offsets).</summary>
[TestClass]
public class SpanTests
{
    private static string Of(string template, TextSpan span) => template.Substring(span.Start, span.Length);

    private static T Single<T>(PebbleTemplate t) where T : PebbleSyntaxNode => t.DescendantNodes().OfType<T>().Single();

    [TestMethod]
    public void FunctionCall()
    {
        const string template = "{{ secret('X') }}";
        var parsed = P.Parse(template);
        var call = Single<FunctionCallExpression>(parsed);
        call.NameSpan.ShouldBe(new TextSpan(3, 6));
        Of(template, call.Span).ShouldBe("secret('X')");
        var argument = call.Arguments.Single();
        Of(template, argument.Span).ShouldBe("'X'");
        argument.NameSpan.ShouldBeNull();
        var literal = argument.Value.ShouldBeOfType<LiteralExpression>();
        Of(template, literal.Span).ShouldBe("'X'");
        Of(template, literal.ValueSpan).ShouldBe("X");
        literal.RawText.ShouldBe("'X'");
        literal.StringValue.ShouldBe("X");
        parsed.Nodes.Single().Span.ShouldBe(new TextSpan(0, template.Length));
    }

    [TestMethod]
    public void NamedArgumentsFiltersAndTests()
    {
        const string template = "{{ d | date('yyyy', timeZone = 'UTC') is not null }}";
        var parsed = P.Parse(template);
        var filter = Single<FilterExpression>(parsed);
        Of(template, filter.NameSpan).ShouldBe("date");
        Of(template, filter.OperatorSpan).ShouldBe("|");
        Of(template, filter.Span).ShouldBe("d | date('yyyy', timeZone = 'UTC')");
        var named = filter.Arguments[1];
        named.Name.ShouldBe("timeZone");
        Of(template, named.NameSpan!.Value).ShouldBe("timeZone");
        Of(template, named.Span).ShouldBe("timeZone = 'UTC'");
        var test = Single<TestExpression>(parsed);
        test.Negated.ShouldBeTrue();
        Of(template, test.NameSpan).ShouldBe("null");
        Of(template, test.OperatorSpan).ShouldBe("is not");
        Of(template, test.Span).ShouldBe("d | date('yyyy', timeZone = 'UTC') is not null");
    }

    [TestMethod]
    public void AttributesAndSubscripts()
    {
        const string template = "{{ outputs['my-task'].value.trim() }}";
        var parsed = P.Parse(template);
        var attributes = parsed.DescendantNodes().OfType<AttributeExpression>().ToList();
        attributes.Count.ShouldBe(3);
        var call = attributes[0];
        Of(template, call.Span).ShouldBe("outputs['my-task'].value.trim()");
        Of(template, call.Key.Span).ShouldBe("trim");
        call.Arguments.ShouldNotBeNull().ShouldBeEmpty();
        var value = attributes[1];
        Of(template, value.Key.Span).ShouldBe("value");
        value.Key.ShouldBeOfType<LiteralExpression>().StringValue.ShouldBe("value");
        value.IsSubscript.ShouldBeFalse();
        var subscript = attributes[2];
        subscript.IsSubscript.ShouldBeTrue();
        Of(template, subscript.Span).ShouldBe("outputs['my-task']");
        Of(template, subscript.Key.Span).ShouldBe("'my-task'");
        Of(template, subscript.Target.Span).ShouldBe("outputs");
    }

    [TestMethod]
    public void OperatorsAndParentheses()
    {
        const string template = "{{ (a + b) * -c ?? d }}";
        var parsed = P.Parse(template);
        var multiply = parsed.DescendantNodes().OfType<BinaryExpression>().First(b => b.Operator == PebbleBinaryOperator.Multiply);
        Of(template, multiply.Span).ShouldBe("(a + b) * -c ?? d");
        Of(template, multiply.OperatorSpan).ShouldBe("*");
        var add = (BinaryExpression)multiply.Left;
        Of(template, add.Span).ShouldBe("a + b");
        Of(template, add.OperatorSpan).ShouldBe("+");
        var coalesce = (BinaryExpression)multiply.Right;
        Of(template, coalesce.OperatorSpan).ShouldBe("??");
        var minus = coalesce.Left.ShouldBeOfType<UnaryExpression>();
        Of(template, minus.OperatorSpan).ShouldBe("-");
        Of(template, minus.Span).ShouldBe("-c");
    }

    [TestMethod]
    public void TernaryArrayMap()
    {
        const string template = "{{ t ? [1, 'x'] : {'k': v} }}";
        var parsed = P.Parse(template);
        Of(template, Single<TernaryExpression>(parsed).Span).ShouldBe("t ? [1, 'x'] : {'k': v}");
        Of(template, Single<ArrayExpression>(parsed).Span).ShouldBe("[1, 'x']");
        var map = Single<MapExpression>(parsed);
        Of(template, map.Span).ShouldBe("{'k': v}");
        Of(template, map.Entries.Single().Span).ShouldBe("'k': v");
    }

    [TestMethod]
    public void InterpolatedStrings()
    {
        const string template = "{{ \"a#{ b }c\" }}";
        var parsed = P.Parse(template);
        var outer = parsed.DescendantNodes().OfType<BinaryExpression>().First();
        outer.IsInterpolation.ShouldBeTrue();
        Of(template, outer.Span).ShouldBe("\"a#{ b }c\"");
        Of(template, outer.Left.Span).ShouldBe("a");
        var inner = outer.Right.ShouldBeOfType<BinaryExpression>();
        inner.IsInterpolation.ShouldBeTrue();
        Of(template, inner.Span).ShouldBe("#{ b }c\"");
        Of(template, inner.Left.Span).ShouldBe("b");
        Of(template, inner.Right.Span).ShouldBe("c");
        inner.OperatorSpan.ShouldBe(new TextSpan(template.IndexOf("c\"", StringComparison.Ordinal), 0));
    }

    [TestMethod]
    public void TagNames()
    {
        const string template = "{% set total = 1 %}{% for item in items %}{% macro m(a, b = 2) %}{% endmacro %}{% endfor %}{% block \"post\" %}{% endblock %}";
        var parsed = P.Parse(template);
        parsed.Errors.ShouldBeEmpty();
        var set = (SetNode)parsed.Nodes[0];
        Of(template, set.Name.Span).ShouldBe("total");
        Of(template, set.TagName.Span).ShouldBe("set");
        Of(template, set.Span).ShouldBe("{% set total = 1 %}");
        var loop = (ForNode)parsed.Nodes[1];
        loop.Variable.Name.ShouldBe("item");
        Of(template, loop.Variable.Span).ShouldBe("item");
        Of(template, loop.Iterable.Span).ShouldBe("items");
        Of(template, loop.Span).ShouldBe("{% for item in items %}{% macro m(a, b = 2) %}{% endmacro %}{% endfor %}");
        var macro = (MacroNode)loop.Body.Single();
        Of(template, macro.Name.Span).ShouldBe("m");
        macro.Parameters.Select(p => p.Name).ShouldBe(new[] { "a", "b" });
        Of(template, macro.Parameters[1].Span).ShouldBe("b = 2");
        Of(template, macro.Parameters[1].NameSpan).ShouldBe("b");
        macro.Parameters[0].DefaultValue.ShouldBeNull();
        var block = (BlockNode)parsed.Nodes[2];
        block.Name.Name.ShouldBe("post");
        Of(template, block.Name.Span).ShouldBe("\"post\"");
    }

    [TestMethod]
    public void TextAfterWhitespaceControl()
    {
        const string template = "A  {{- x -}}\n B {% verbatim %} {{ y }} {%- endverbatim %}";
        var parsed = P.Parse(template);
        var a = (TextNode)parsed.Nodes[0];
        a.Value.ShouldBe("A");
        Of(template, a.Span).ShouldBe("A");
        Of(template, a.RawSpan).ShouldBe("A  ");
        var b = (TextNode)parsed.Nodes[2];
        b.Value.ShouldBe("B ");
        Of(template, b.RawSpan).ShouldBe("\n B ");
        var verbatim = (VerbatimNode)parsed.Nodes[3];
        verbatim.Kind.ShouldBe(VerbatimKind.Verbatim);
        verbatim.Value.ShouldBe("{{ y }}");
        Of(template, verbatim.Span).ShouldBe("{% verbatim %} {{ y }} {%- endverbatim %}");
    }

    [TestMethod]
    public void CommentsHaveSpans()
    {
        const string template = "a{# note #}b";
        var comment = P.Parse(template).Nodes[1].ShouldBeOfType<CommentNode>();
        Of(template, comment.Span).ShouldBe("{# note #}");
    }

    [TestMethod]
    public void SpansAreUtf16()
    {
        const string template = "é{{ \U0001D49C.x }}";
        var parsed = P.Parse(template);
        var variable = Single<VariableExpression>(parsed);
        variable.Span.ShouldBe(new TextSpan(4, 2));
        Single<AttributeExpression>(parsed).Key.Span.ShouldBe(new TextSpan(7, 1));
    }

    [TestMethod]
    [DataRow("{{ a + }}", "7:}}")]
    [DataRow("{{ a\n  | }}", "9:}}")]
    [DataRow("x {{ foo(1, 'a' 2) }}", "16:2")]
    [DataRow("{{ a }} {% if %}{% endif %}", "14:%}")]
    [DataRow("{{ 'a' ~ \"b#{ c d }\" }}", "16:d")]
    public void ErrorSpans(string template, string at) => P.At(template, P.SingleError(template)).ShouldBe(at);

    [TestMethod]
    public void ErrorAtTheEndOfTheTemplateMayBeEmpty()
    {
        // The only empty span allowed is at the very end.
        var parsed = P.Parse("{% if a %}");
        var error = parsed.Errors.Single();
        error.Span.ShouldBe(new TextSpan(0, 5));
    }
}
