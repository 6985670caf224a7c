using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>
/// Kestra's <c>{% raw %}</c> pre-pass (VariableRenderer.RAW_PATTERN, no DOTALL), reproduced without rewriting the
/// template: spans stay in the template's coordinates.
/// </summary>
[TestClass]
public class KestraRawTests
{
    [TestMethod]
    public void SingleLineRawIsLiteralText()
    {
        const string template = "a {% raw %}{{ x }}{% endraw %} b";
        var parsed = P.Parse(template);
        parsed.Errors.ShouldBeEmpty();
        var raw = parsed.Nodes[1].ShouldBeOfType<VerbatimNode>();
        raw.Kind.ShouldBe(VerbatimKind.KestraRaw);
        raw.Value.ShouldBe("{{ x }}");
        raw.ValueSpan.ShouldBe(new TextSpan(11, 7));
        raw.Span.ShouldBe(TextSpan.FromBounds(2, template.Length - 2));
        SExpressionPrinter.Print(parsed).ShouldBe("[text:\"a {{ x }} b\"]");
    }

    [TestMethod]
    public void DashesDoNotTrimAndTrimmingStopsAtARawBlock()
    {
        P.Sx("{%- raw -%} a {%- endraw -%}").ShouldBe("[text:\" a \"]");
        // Kestra has replaced the block with a UUID when Pebble trims, so the trim stops at it.
        P.Sx("{{ a -}}   {% raw %} x {% endraw %}   {{- b }}").ShouldBe("[print:$a text:\" x \" print:$b]");
    }

    [TestMethod]
    public void SeveralOnOneLineAndNoNesting()
    {
        P.Sx("{%raw%}1{%endraw%}{% raw %}2{% endraw %}").ShouldBe("[text:\"12\"]");
        // The lazy match stops at the first endraw; the second endraw then reaches Pebble.
        const string nested = "{% raw %}{% raw %}x{% endraw %}{% endraw %}";
        var error = P.SingleError(nested);
        P.At(nested, error).ShouldBe("34:endraw");
    }

    [TestMethod]
    public void MultiLineRawIsItsOwnKind()
    {
        const string template = "A {% raw %}{{ x }}\n{{ y }}{% endraw %} {{ z }}";
        var parsed = P.Parse(template);
        var error = parsed.Errors.Single();
        error.Kind.ShouldBe(PebbleErrorKind.MultiLineRaw);
        P.At(template, error).ShouldBe("2:{% raw %}");
        error.Message.ShouldContain("{% verbatim %}");
        // Recovery: the block is kept as text, and parsing goes on after it.
        parsed.Nodes.OfType<VerbatimNode>().Single().Value.ShouldBe("{{ x }}\n{{ y }}");
        parsed.Nodes.OfType<PrintNode>().Single().Expression.ShouldBeOfType<VariableExpression>().Name.ShouldBe("z");
    }

    [TestMethod]
    [DataRow("\r")]
    [DataRow("\r\n")]
    [DataRow("\u0085")]
    [DataRow("\u2028")]
    [DataRow("\u2029")]
    public void EveryJavaLineTerminatorBreaksTheMatch(string newline)
    {
        P.SingleError("{% raw %}a" + newline + "b{% endraw %}").Kind.ShouldBe(PebbleErrorKind.MultiLineRaw);
    }

    [TestMethod]
    public void BlanksInsideTheTagsMayCrossLines()
    {
        // \s in the tags matches newlines; only the content (.*?) may not.
        P.Sx("{%\nraw\n%}x{%\nendraw\n%}").ShouldBe("[text:\"x\"]");
    }

    [TestMethod]
    public void RawWithoutEndrawReachesPebble()
    {
        var error = P.SingleError("{% raw %} x");
        error.Kind.ShouldBe(PebbleErrorKind.Syntax);
        error.Message.ShouldStartWith("Unexpected tag name \"raw\"");
    }

    [TestMethod]
    public void RawIsOpaqueEverywhere()
    {
        // In a string literal the UUID Kestra substitutes is just more string.
        P.Sx("{{ 'a {% raw %}it's{% endraw %}' }}").ShouldBe("[print:str:\"a {% raw %}it's{% endraw %}\"]");
        // In a comment or verbatim it hides the closing delimiter.
        P.Sx("{# {% raw %}#}{% endraw %} #}b").ShouldBe("[text:\"b\"]");
        P.Sx("{% verbatim %}{% raw %}{% endverbatim %}{% endraw %}{% endverbatim %}").ShouldBe("[text:\"{% raw %}{% endverbatim %}{% endraw %}\"]");
        // After '{' it is not a delimiter: Pebble sees '{' followed by a UUID.
        P.Sx("{{% raw %}x{% endraw %}").ShouldBe("[text:\"{x\"]");
    }

    [TestMethod]
    public void RawInsideAnExpressionIsAnError()
    {
        const string template = "{{ a {% raw %}x{% endraw %} }}";
        P.At(template, P.SingleError(template)).ShouldBe("5:{% raw %}x{% endraw %}");
    }

    [TestMethod]
    public void WithoutThePrePassRawIsAnUnknownTag()
    {
        var errors = P.Errors("{% raw %}x{% endraw %}", rawPrePass: false);
        errors.Select(e => e.Message).ShouldAllBe(m => m.StartsWith("Unexpected tag name"));
        errors.Count.ShouldBe(2);
    }
}
