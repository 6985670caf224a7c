using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>
/// Appendix A of research/pebble-grammar.md: probes run on Pebble 3.2.2 with Kestra's configuration, translated
/// to the S-expression format (the appendix writes "(Add 1 (Mul 2 3))" for our "(Add long:1 (Multiply long:2 long:3))").
/// </summary>
[TestClass]
public class AppendixTests
{
    [TestMethod]
    [DataRow("{{ 1 + 2 * 3 }}", "[print:(Add long:1 (Multiply long:2 long:3))]")]
    [DataRow("{{ -a|abs }}", "[print:(| (UnaryMinus $a) filter:abs())]")]
    [DataRow("{{ not t == f }}", "[print:(Equals (UnaryNot $t) $f)]")]
    [DataRow("{{ 'a' ~ s | upper }}", "[print:(| (Concatenate str:\"a\" $s) filter:upper())]")]
    [DataRow("{{ s | upper ~ 'x' }}", "[print:(Concatenate (| $s filter:upper()) str:\"x\")]")]
    [DataRow("{{ 1 + 2 | abs }}", "[print:(Add long:1 (| long:2 filter:abs()))]")]
    [DataRow("{{ a is even == true }}", "[print:(Equals (PositiveTest $a test:even()) bool:true)]")]
    [DataRow("{{ a ?? b ~ 'x' }}", "[print:(Concatenate (NullCoalescing $a $b) str:\"x\")]")]
    [DataRow("{{ 'x' ~ n ?? 'y' }}", "[print:(Concatenate str:\"x\" (NullCoalescing $n str:\"y\"))]")]
    [DataRow("{{ a + n ?? 5 }}", "[print:(Add $a (NullCoalescing $n long:5))]")]
    [DataRow("{{ a * b ?? 2 }}", "[print:(Multiply $a (NullCoalescing $b long:2))]")]
    [DataRow("{{ n ?? 'x' | upper }}", "[print:(| (NullCoalescing $n str:\"x\") filter:upper())]")]
    [DataRow("{{ n ??? 'd' }}", "[print:(UndefinedCoalescing $n str:\"d\")]")]
    [DataRow("{{ zz ??? 'd' }}", "[print:(UndefinedCoalescing $zz str:\"d\")]")]
    [DataRow("{{ n ?? t ? 1 : 2 }}", "[print:(?: (NullCoalescing $n $t) long:1 long:2)]")]
    [DataRow("{{ t ? f ? 1 : 2 : 3 }}", "[print:(?: $t (?: $f long:1 long:2) long:3)]")]
    [DataRow("{{ f ? 1 : t ? 2 : 3 }}", "[print:(?: $f long:1 (?: $t long:2 long:3))]")]
    [DataRow("{{ \"Hello #{ name | upper }!\" }}", "[print:(Concatenate str:\"Hello \" (Concatenate (| $name filter:upper()) str:\"!\"))]")]
    [DataRow("{{ \"x #{ \"in #{s}\" } y\" }}", "[print:(Concatenate str:\"x \" (Concatenate (Concatenate str:\"in \" $s) str:\" y\"))]")]
    [DataRow("{{ \"#{a}\" \"b\" }}", "[print:(Concatenate $a str:\"b\")]")]
    [DataRow("{{ 'a\\\\b' }}", "[print:str:\"a\\\\\\\\b\"]")]
    [DataRow("{{ \"a#\\\"b\" }}", "[print:str:\"a#\\\\\\\"b\"]")]
    [DataRow("{{ 10L }}", "[print:long:10]")]
    [DataRow("{{ 1.5 }}", "[print:double:1.5]")]
    [DataRow("{{ 007 }}", "[print:long:7]")]
    [DataRow("{{ ([1,2])[0] }}", "[print:(attr [array long:1 long:2] long:0)]")]
    [DataRow("{{ {s: 1} }}", "[print:{map $s=>long:1}]")]
    [DataRow("A  {{- s -}}  B", "[text:\"A\" print:$s text:\"B\"]")]
    [DataRow("A  {{- s }}  B", "[text:\"A\" print:$s text:\"  B\"]")]
    [DataRow("{{-a}}", "[print:(UnaryMinus $a)]")]
    [DataRow("A {{- a}}", "[text:\"A\" print:$a]")]
    [DataRow("A {# c-#} B", "[text:\"A \" text:\" B\"]")]
    [DataRow("A {# c -#} B", "[text:\"A \" text:\"B\"]")]
    [DataRow("{% verbatim %}\n{{ s }}\n{% endverbatim %}\nB", "[text:\"{{ s }}\\n\" text:\"\\nB\"]")]
    [DataRow("{% raw %}{{ s }}{% endraw %}", "[text:\"{{ s }}\"]")]
    public void ParsesLikePebble(string template, string expected)
    {
        P.Sx(template).ShouldBe(expected);
    }

    [TestMethod]
    [DataRow("{{ \"a\" \"b\" }}", "7:\"b\"", "Unexpected token \"b\" (string) after the expression: expected \"}}\"")]
    [DataRow("{{ 1e3 }}", "4:e3", "Unexpected token \"e3\" (name) after the expression")]
    [DataRow("{{ .5 }}", "3:.", "Unexpected token \".\": expected an expression")]
    [DataRow("{{ 0x1F }}", "4:x1F", "Unexpected token \"x1F\" (name) after the expression")]
    [DataRow("{{ list.0 }}", "8:0", "Unexpected token \"0\" (number) after \".\": expected an attribute name; use [0] to index")]
    [DataRow("{{ [1,2][0] }}", "8:[", "wrap it in parentheses")]
    [DataRow("{{ max(a=1, 2) }}", "12:2", "Positional argument after a named argument")]
    [DataRow("{% for k, v in map %}{% endfor %}", "8:,", "Pebble's for takes one variable")]
    public void RejectsLikePebble(string template, string at, string message)
    {
        var error = P.SingleError(template);
        error.Kind.ShouldBe(PebbleErrorKind.Syntax);
        P.At(template, error).ShouldBe(at);
        error.Message.ShouldContain(message);
    }

    [TestMethod]
    public void IncludeIsARemovedTag()
    {
        const string template = "{% include 'x' %}";
        var error = P.SingleError(template);
        error.Kind.ShouldBe(PebbleErrorKind.RemovedTag);
        P.At(template, error).ShouldBe("3:include");
        error.Message.ShouldBe("Unexpected tag name \"include\": Kestra removes the \"include\" tag from Pebble");
    }

    [TestMethod]
    public void RawSentStraightToPebbleIsAnUnknownTag()
    {
        const string template = "{% raw %}{{ s }}{% endraw %}";
        var errors = P.Errors(template, rawPrePass: false);
        errors.Count.ShouldBeGreaterThanOrEqualTo(1);
        P.At(template, errors[0]).ShouldBe("3:raw");
        errors[0].Message.ShouldStartWith("Unexpected tag name \"raw\"");
        errors[0].Kind.ShouldBe(PebbleErrorKind.Syntax);
    }
}
