using System.Text;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>The tree's shape, parent links, walking, and the nesting limits that keep recursion safe.</summary>
[TestClass]
public class SyntaxTreeTests
{
    private const string Sample =
        "{% if inputs.a is defined %}{{ secret('A') | upper }}{% elseif x %}{% for i in range(1, n) %}{{ i }}{% endfor %}" +
        "{% else %}{% set y = {'k': [1, f(z=2)]} %}{% endif %}{% macro m(p = 'd') %}{{ p }}{% endmacro %}" +
        "{% filter lower %}{{ t ? \"#{u}\" : -v }}{% endfilter %}{% block b %}{{ w.c(1) }}{% endblock %}";

    [TestMethod]
    public void IfNodeStructure()
    {
        var parsed = P.Parse(Sample);
        parsed.Errors.ShouldBeEmpty();
        var ifNode = parsed.Nodes[0].ShouldBeOfType<IfNode>();
        ifNode.Branches.Count.ShouldBe(2);
        ifNode.Branches[0].Condition.ShouldBeOfType<TestExpression>().Name.ShouldBe("defined");
        ifNode.Branches[1].Body.Single().ShouldBeOfType<ForNode>();
        ifNode.ElseBody.ShouldNotBeNull().Single().ShouldBeOfType<SetNode>().Name.Name.ShouldBe("y");
        parsed.Nodes.Select(n => n.GetType().Name).ShouldBe(new[] { "IfNode", "MacroNode", "FilterTagNode", "BlockNode" });
        ((FilterTagNode)parsed.Nodes[2]).Filters.Single().Name.ShouldBe("lower");
    }

    [TestMethod]
    public void LiteralsKeepTheirValueAndReadZeroForTheOtherKinds()
    {
        // The three kinds of value share one field: each literal must read back its own and nothing of the others.
        var parsed = P.Parse("{{ [42, -7, 3.5, 0.25, true, false, null, 'it\\'s', 9223372036854775807] }}");
        parsed.Errors.ShouldBeEmpty();
        var literals = parsed.DescendantNodes().OfType<LiteralExpression>().ToList();
        literals.Select(l => l.Kind).ShouldBe(new[]
        {
            PebbleLiteralKind.Long, PebbleLiteralKind.Long, PebbleLiteralKind.Double, PebbleLiteralKind.Double, PebbleLiteralKind.Boolean,
            PebbleLiteralKind.Boolean, PebbleLiteralKind.Null, PebbleLiteralKind.String, PebbleLiteralKind.Long,
        });
        literals[0].LongValue.ShouldBe(42);
        literals[2].DoubleValue.ShouldBe(3.5);
        literals[3].DoubleValue.ShouldBe(0.25);
        literals[4].BooleanValue.ShouldBeTrue();
        literals[5].BooleanValue.ShouldBeFalse();
        literals[7].StringValue.ShouldBe("it's");
        literals[8].LongValue.ShouldBe(long.MaxValue);
        foreach (var literal in literals)
        {
            if (literal.Kind != PebbleLiteralKind.Long) literal.LongValue.ShouldBe(0);
            if (literal.Kind != PebbleLiteralKind.Double) literal.DoubleValue.ShouldBe(0);
            if (literal.Kind != PebbleLiteralKind.Boolean) literal.BooleanValue.ShouldBeFalse();
        }
    }

    [TestMethod]
    public void ParentsLinkEveryNode()
    {
        var parsed = P.Parse(Sample);
        int count = 0;
        foreach (var node in parsed.DescendantNodes())
        {
            count++;
            if (parsed.Nodes.Contains(node as PebbleTemplateNode))
            {
                node.Parent.ShouldBeNull();
                continue;
            }
            node.Parent.ShouldNotBeNull();
            Enumerable.Range(0, node.Parent!.ChildCount).Select(node.Parent.GetChild).ShouldContain(node);
        }
        count.ShouldBeGreaterThan(40);

        var secret = parsed.DescendantNodes().OfType<FunctionCallExpression>().First(c => c.Name == "secret");
        secret.FirstAncestor<FilterExpression>()!.Name.ShouldBe("upper");
        secret.FirstAncestor<IfBranch>().ShouldNotBeNull();
        secret.FirstAncestor<IfNode>().ShouldBe(parsed.Nodes[0]);
    }

    [TestMethod]
    public void DescendantNodesAreTheDepthFirstWalkOfEveryTopLevelNode()
    {
        var parsed = P.Parse(Sample);
        var expected = new List<PebbleSyntaxNode>();
        foreach (var top in parsed.Nodes) expected.AddRange(top.DescendantNodesAndSelf());
        parsed.DescendantNodes().ToList().ShouldBe(expected);
        // Kept, not rebuilt: rules walk the same template many times.
        parsed.DescendantNodes()[5].ShouldBeSameAs(parsed.DescendantNodes()[5]);
    }

    [TestMethod]
    public void HasTagsOnlyWhenSomeTagIsWritten()
    {
        P.Parse(Sample).HasTags.ShouldBeTrue();
        P.Parse("text {{ a | b }} {# c #}").HasTags.ShouldBeFalse();
        P.Parse("{% raw %}{% set x = 1 %}{% endraw %}").HasTags.ShouldBeFalse();
    }

    [TestMethod]
    public void FactsAreComputedOncePerTemplateAndKey()
    {
        var parsed = P.Parse(Sample);
        object key = new(), other = new();
        int computed = 0;
        var first = parsed.GetOrAddFact(key, t => { computed++; return new List<int> { t.Nodes.Count }; });
        parsed.GetOrAddFact(key, t => { computed++; return new List<int>(); }).ShouldBeSameAs(first);
        parsed.GetOrAddFact(other, t => { computed++; return new List<int>(); }).ShouldNotBeSameAs(first);
        computed.ShouldBe(2);
        first.ShouldBe(new[] { 4 });
        // A fact is the template's own: another parse of the same text computes it again.
        P.Parse(Sample).GetOrAddFact(key, t => { computed++; return new List<int>(); }).ShouldNotBeSameAs(first);
        computed.ShouldBe(3);
    }

    [TestMethod]
    public void WalkerVisitsWhatDescendantsYield()
    {
        var parsed = P.Parse(Sample);
        var walker = new CountingWalker();
        walker.Visit(parsed);
        walker.Visited.ShouldBe(parsed.DescendantNodes().Count());
        walker.Calls.ShouldBe(new[] { "secret", "range", "f" });
    }

    private sealed class CountingWalker : PebbleSyntaxWalker
    {
        public int Visited;
        public List<string> Calls { get; } = new();

        protected override void DefaultVisit(PebbleSyntaxNode node)
        {
            Visited++;
            base.DefaultVisit(node);
        }

        public override void VisitFunctionCall(FunctionCallExpression node)
        {
            Calls.Add(node.Name);
            base.VisitFunctionCall(node);
        }
    }

    [TestMethod]
    public void DepthIsTracked()
    {
        var parsed = P.Parse("{{ a.b.c }}");
        ((PrintNode)parsed.Nodes[0]).Expression.Depth.ShouldBe(3);
    }

    [TestMethod]
    [DataRow("(", ")")]
    [DataRow("[", "]")]
    [DataRow("-", "")]
    [DataRow("not ", "")]
    [DataRow("f(", ")")]
    [DataRow("\"#{", "}\"")]
    [DataRow("{'k': ", "}")]
    public void DeepNestingIsRefusedNotOverflowed(string open, string close)
    {
        var sb = new StringBuilder("{{ ");
        for (int i = 0; i < 5000; i++) sb.Append(open);
        sb.Append('x');
        for (int i = 0; i < 5000; i++) sb.Append(close);
        sb.Append(" }} {{ after }}");
        string template = sb.ToString();
        var parsed = P.Parse(template);
        P.AssertSpansInBounds(parsed);
        parsed.Errors.Single().Message.ShouldContain("nested too deeply");
        parsed.Nodes.OfType<PrintNode>().Last().Expression.ShouldBeOfType<VariableExpression>().Name.ShouldBe("after");
        SExpressionPrinter.Print(parsed);
    }

    [TestMethod]
    [DataRow(" ~ a")]
    [DataRow(".a")]
    [DataRow("[0]")]
    [DataRow(" | f")]
    [DataRow(" is t")]
    public void LongChainsAreCappedToo(string link)
    {
        // Left-deep chains are built by a loop, not recursion, but their depth must stay bounded for consumers.
        var template = "{{ x" + string.Concat(Enumerable.Repeat(link, 5000)) + " }}";
        var parsed = P.Parse(template);
        parsed.Errors.Single().Message.ShouldContain("nested too deeply");
        foreach (var node in parsed.DescendantNodes().OfType<PebbleExpression>())
        {
            node.Depth.ShouldBeLessThanOrEqualTo(Parser.MaxExpressionDepth + 1);
        }
        SExpressionPrinter.Print(parsed);
    }

    [TestMethod]
    public void ChainsUpToTheLimitAreFine()
    {
        var template = "{{ x" + string.Concat(Enumerable.Repeat(" ~ a", 200)) + " }}";
        P.Parse(template).Errors.ShouldBeEmpty();
        var interpolation = "{{ \"" + string.Concat(Enumerable.Repeat("#{a}.", 100)) + "\" }}";
        P.Parse(interpolation).Errors.ShouldBeEmpty();
    }

    [TestMethod]
    public void DeepTagNestingIsRefusedNotOverflowed()
    {
        var template = string.Concat(Enumerable.Repeat("{% if a %}", 3000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 3000));
        var parsed = P.Parse(template);
        P.AssertSpansInBounds(parsed);
        parsed.Errors.ShouldNotBeEmpty();
        parsed.Errors[0].Message.ShouldContain("nested too deeply");
        SExpressionPrinter.Print(parsed).ShouldStartWith("[if");
        parsed.Nodes[0].ShouldBeOfType<IfNode>();
    }
}
