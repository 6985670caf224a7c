using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>After an error the parser resynchronises at the block's end and reports every later problem too.</summary>
[TestClass]
public class RecoveryTests
{
    [TestMethod]
    public void EachBrokenBlockIsReportedOnceAndGoodOnesSurvive()
    {
        const string template = "{{ a }} {{ b & c }} {{ d + }} {% foo %} {{ e.0 }} {% include 'x' %} {{ f }}";
        var parsed = P.Parse(template);
        parsed.Errors.Select(e => P.At(template, e)).ShouldBe(new[] { "13:&", "27:}}", "33:foo", "45:0", "53:include" });
        parsed.Errors.Select(e => e.Kind).ShouldBe(new[]
        {
            PebbleErrorKind.Syntax, PebbleErrorKind.Syntax, PebbleErrorKind.Syntax, PebbleErrorKind.Syntax, PebbleErrorKind.RemovedTag,
        });
        var printed = parsed.Nodes.OfType<PrintNode>().Select(p => SExpressionPrinter.Print(p.Expression)).ToList();
        printed.First().ShouldBe("$a");
        printed.Last().ShouldBe("$f");
    }

    [TestMethod]
    public void OneMistakeGivesOneMessage()
    {
        // The unclosed bracket is the problem; what follows it inside the block is not reported again.
        P.SingleError("{{ foo(a b }}").Message.ShouldStartWith("Unclosed \"(\"");
        P.SingleError("{{ foo('abc) }}").Message.ShouldStartWith("Unclosed string");
        P.SingleError("{{ a & }}").Message.ShouldStartWith("Unexpected character");
    }

    [TestMethod]
    public void AnUnclosedPrintDoesNotSwallowTheRestOfTheTemplate()
    {
        const string template = "{{ a \n{% if x %}{{ y }}{% endif %} {{ z }}";
        var parsed = P.Parse(template);
        P.At(template, parsed.Errors.Single()).ShouldBe("0:{{");
        parsed.Errors[0].Message.ShouldBe("Unclosed \"{{\": expected \"}}\" before the next \"{%\"");
        parsed.Nodes.OfType<IfNode>().Single().Branches.Single().Body.Single().ShouldBeOfType<PrintNode>();
        parsed.Nodes.OfType<PrintNode>().Last().Expression.ShouldBeOfType<VariableExpression>().Name.ShouldBe("z");
    }

    [TestMethod]
    public void AnUnclosedStringDoesNotSwallowTheRestOfTheTemplate()
    {
        const string template = "{{ \"abc }} text {{ c }}";
        var parsed = P.Parse(template);
        P.At(template, parsed.Errors.Single()).ShouldBe("3:\"");
        parsed.Nodes.OfType<PrintNode>().Last().Expression.ShouldBeOfType<VariableExpression>().Name.ShouldBe("c");
    }

    [TestMethod]
    public void AWrongCloseDelimiterClosesTheBlock()
    {
        const string template = "{% if a }}x{% endif %}{{ b %} {{ c }}";
        var parsed = P.Parse(template);
        parsed.Errors.Select(e => P.At(template, e)).ShouldBe(new[] { "8:}}", "27:%}" });
        parsed.Nodes[0].ShouldBeOfType<IfNode>();
        parsed.Nodes.OfType<PrintNode>().Last().Expression.ShouldBeOfType<VariableExpression>().Name.ShouldBe("c");
    }

    [TestMethod]
    public void ALoneBraceClosesAPrint()
    {
        const string template = "{{ a }\nmore {{ b }}";
        var parsed = P.Parse(template);
        P.At(template, parsed.Errors.Single()).ShouldBe("5:}");
        parsed.Nodes.OfType<PrintNode>().Select(p => ((VariableExpression)p.Expression).Name).ShouldBe(new[] { "a", "b" });
    }

    [TestMethod]
    public void AMisplacedEndTagClosesTheInnerTag()
    {
        const string template = "{% if a %}{% for x in y %}{{ x }}{% endif %}{{ after }}";
        var parsed = P.Parse(template);
        parsed.Errors.Single().Message.ShouldBe("Unclosed \"for\": expected \"{% endfor %}\" before \"{% endif %}\"");
        P.At(template, parsed.Errors[0]).ShouldBe("10:{% for");
        var ifNode = parsed.Nodes[0].ShouldBeOfType<IfNode>();
        ifNode.Branches[0].Body.Single().ShouldBeOfType<ForNode>().Body.Single().ShouldBeOfType<PrintNode>();
        parsed.Nodes[1].ShouldBeOfType<PrintNode>();
    }

    [TestMethod]
    public void MissingEndTagsAreEachReported()
    {
        const string template = "{% if a %}{% for x in y %}{% macro m() %}";
        var parsed = P.Parse(template);
        parsed.Errors.Select(e => e.Message).ShouldBe(new[]
        {
            "Unclosed \"if\": expected \"{% endif %}\" before the end of the template",
            "Unclosed \"for\": expected \"{% endfor %}\" before the end of the template",
            "Unclosed \"macro\": expected \"{% endmacro %}\" before the end of the template",
        });
    }

    [TestMethod]
    public void BrokenTagHeadersKeepTheirBody()
    {
        const string template = "{% if a b %}{{ secret('k') }}{% endif %}";
        var parsed = P.Parse(template);
        P.At(template, parsed.Errors.Single()).ShouldBe("8:b");
        var ifNode = parsed.Nodes.Single().ShouldBeOfType<IfNode>();
        ifNode.Branches[0].Condition.ShouldBeOfType<VariableExpression>();
        parsed.DescendantNodes().OfType<FunctionCallExpression>().Single().Name.ShouldBe("secret");
    }

    [TestMethod]
    public void ForWithTwoVariablesKeepsBoth()
    {
        const string template = "{% for k, v in map %}{{ k }}{% endfor %}";
        var parsed = P.Parse(template);
        parsed.Errors.Count.ShouldBe(1);
        var loop = parsed.Nodes.Single().ShouldBeOfType<ForNode>();
        loop.Variables.Select(v => v.Name).ShouldBe(new[] { "k", "v" });
        loop.Iterable.ShouldBeOfType<VariableExpression>().Name.ShouldBe("map");
    }

    [TestMethod]
    public void PartialTreesUseErrorExpressions()
    {
        var parsed = P.Parse("{{ a + }}");
        var add = parsed.Nodes.Single().ShouldBeOfType<PrintNode>().Expression.ShouldBeOfType<BinaryExpression>();
        add.Right.ShouldBeOfType<ErrorExpression>();
        SExpressionPrinter.Print(parsed).ShouldBe("[print:(Add $a <error>)]");
    }

    [TestMethod]
    public void SoftErrorsDoNotStopTheBlock()
    {
        const string template = "{{ f(a=1, 2, 3) ~ x.y(k=1) }}";
        var parsed = P.Parse(template);
        parsed.Errors.Select(e => P.At(template, e)).ShouldBe(new[] { "10:2", "13:3", "22:k=1" });
        SExpressionPrinter.Print(parsed).ShouldBe("[print:(Concatenate (call f(a=long:1, long:2, long:3)) (attr $x str:\"y\" args(k=long:1)))]");
    }

    [TestMethod]
    public void ARemovedTagIsReportedEvenInAnUnclosedBlock()
    {
        var errors = P.Errors("{% include 'x'");
        errors.Select(e => e.Kind).ShouldBe(new[] { PebbleErrorKind.Syntax, PebbleErrorKind.RemovedTag });
        errors[0].Message.ShouldStartWith("Unclosed \"{%\"");
    }

    [TestMethod]
    public void ADashedEndTagThatClosesAnOuterTagIsReportedOnce()
    {
        var errors = P.Errors("{% if a %}{% for x in y %}{%-endif%}");
        errors.Select(e => e.Message).ShouldBe(new[]
        {
            "Unclosed \"for\": expected \"{% endfor %}\" before \"{% endif %}\"",
            "Unexpected token \"-\" before the tag name: for whitespace control put a blank after \"-\", as in \"{%- endif\"",
        });
    }
}
