using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>The claims of research/pebble-grammar.md sections 1 to 3 whose result is stated, one row each.</summary>
[TestClass]
public class GrammarTests
{
    // ---------------------------------------------------------------- 1.4 to 1.8: text, whitespace control, verbatim

    [TestMethod]
    [DataRow("A }} B %} C #} D", "[text:\"A }} B %} C #} D\"]")]
    [DataRow("a\r\nb {{ x }}", "[text:\"a\\r\\nb \" print:$x]")]
    [DataRow("no delimiter { at all }", "[text:\"no delimiter { at all }\"]")]
    [DataRow("{{ a }}{{ b }}", "[print:$a print:$b]")]
    [DataRow("", "[]")]
    [DataRow("{{ a -}} \n\n B", "[print:$a text:\"B\"]")]
    [DataRow("{{ a-}} B", "[print:$a text:\"B\"]")]
    [DataRow("A \n {%- if t %}x{% endif %}", "[text:\"A\" if]")]
    [DataRow("{% if t -%}  x{% endif %}", "[if]")]
    [DataRow("A {#- c #} B", "[text:\"A\" text:\" B\"]")]
    [DataRow("A {#- -#} B", "[text:\"A\" text:\" B\"]")]
    [DataRow("A{% if t %}\nX{% endif %}\nB", "[text:\"A\" if text:\"\\nB\"]")]
    [DataRow("{{ 'a' }}\nB", "[print:str:\"a\" text:\"\\nB\"]")]
    [DataRow("{{ 'a' }}\n\nB", "[print:str:\"a\" text:\"\\n\\nB\"]")]
    [DataRow("A {% verbatim %}  {{ s }}  {% endverbatim %}  B", "[text:\"A \" text:\"{{ s }}  \" text:\"  B\"]")]
    [DataRow("{% verbatim %} x {%- endverbatim %}", "[text:\"x\"]")]
    [DataRow("{% verbatim -%} x {% endverbatim -%}   B", "[text:\"x \" text:\"B\"]")]
    [DataRow("{%- verbatim %}{{ a }}{% endverbatim %}", "[text:\"{{ a }}\"]")]
    [DataRow("{%verbatim%}{% if %}{#{%endverbatim%}", "[text:\"{% if %}{#\"]")]
    [DataRow("{%- raw -%} a {%- endraw -%}", "[text:\" a \"]")]
    [DataRow("{%--raw--%}a{%--endraw--%}", "[text:\"a\"]")]
    [DataRow("{%raw%}{{ x }}{%endraw%} and {%-  raw%}{{ y }}{%endraw -%}!", "[text:\"{{ x }} and {{ y }}!\"]")]
    public void Text(string template, string expected) => P.Sx(template).ShouldBe(expected);

    [TestMethod]
    [DataRow("{{~ s }}", "2:~", "Unexpected token \"~\" (operator): expected an expression")]
    [DataRow("{{ s ~}}", "6:}}", "Unexpected \"}}\": expected an expression after \"~\"")]
    [DataRow("{{ a - }}", "7:}}", "expected an expression after \"-\"")]
    [DataRow("{% verbatim foo %}", "3:verbatim", "Unexpected tag name \"verbatim\"")]
    [DataRow("{% endverbatim %}", "3:endverbatim", "Unexpected tag name \"endverbatim\"")]
    [DataRow("A {% verbatim %} x", "2:{% verbatim %}", "Unclosed verbatim tag")]
    [DataRow("{# c", "0:{#", "Unclosed comment")]
    public void TextErrors(string template, string at, string message) => AssertSingleError(template, at, message);

    [TestMethod]
    public void LeadingTrimNeedsABlankAfterTheDash()
    {
        // "{%-if" is Pebble's "A block must start with a tag name."; the tag is still recovered as an "if".
        const string template = "{%-if t%}x{% endif %}";
        var error = P.SingleError(template);
        P.At(template, error).ShouldBe("2:-");
        error.Message.ShouldContain("put a blank after \"-\"");
        P.Parse(template).Nodes.Single().ShouldBeOfType<IfNode>();
    }

    // ---------------------------------------------------------------- 1.9: expression tokens

    [TestMethod]
    [DataRow("{{ organization }}", "[print:$organization]")]
    [DataRow("{{ notes }}", "[print:$notes]")]
    [DataRow("{{ isa }}", "[print:$isa]")]
    [DataRow("{{ or1 }}", "[print:$or1]")]
    [DataRow("{{ a is notable }}", "[print:(PositiveTest $a test:notable())]")]
    [DataRow("{{ a is not null }}", "[print:(NegativeTest $a test:null())]")]
    [DataRow("{{ x-y }}", "[print:(Subtract $x $y)]")]
    [DataRow("{{ outputs['my-task'] }}", "[print:(attr $outputs str:\"my-task\")]")]
    [DataRow("{{ true }} {{ TRUE }} {{ false }} {{ FALSE }}", "[print:bool:true text:\" \" print:bool:true text:\" \" print:bool:false text:\" \" print:bool:false]")]
    [DataRow("{{ null }} {{ NULL }} {{ none }} {{ NONE }} {{ True }}", "[print:null text:\" \" print:null text:\" \" print:null text:\" \" print:null text:\" \" print:$True]")]
    [DataRow("{{ 1..3 }}", "[print:(Range long:1 long:3)]")]
    [DataRow("{{ -1 }}", "[print:(UnaryMinus long:1)]")]
    [DataRow("{{ 1.50 }} {{ 007.0 }}", "[print:double:1.5 text:\" \" print:double:7.0]")]
    [DataRow("{{ 123456789.0 }} {{ 0.0001 }} {{ 10000000.0 }} {{ 9999999.5 }}", "[print:double:1.23456789E8 text:\" \" print:double:1.0E-4 text:\" \" print:double:1.0E7 text:\" \" print:double:9999999.5]")]
    [DataRow("{{ 'a\\nb' }}", "[print:str:\"a\\\\nb\"]")]
    [DataRow("{{ \"te\\'st\" }}", "[print:str:\"te\\\\'st\"]")]
    [DataRow("{{ 'it\\'s' }}", "[print:str:\"it's\"]")]
    [DataRow("{{ \"say \\\"hi\\\"\" }}", "[print:str:\"say \\\"hi\\\"\"]")]
    [DataRow("{{ 'line\nbreak' }}", "[print:str:\"line\\nbreak\"]")]
    [DataRow("{{ \"x\\\"#{a}\\\"\" }}", "[print:(Concatenate str:\"x\\\\\\\"\" (Concatenate $a str:\"\\\\\\\"\"))]")]
    [DataRow("{{ \"a\\#{b}\" }}", "[print:str:\"a\\\\#{b}\"]")]
    [DataRow("{{ \"a#b\" }} {{ \"#\" }} {{ \"# {a}\" }}", "[print:str:\"a#b\" text:\" \" print:str:\"#\" text:\" \" print:str:\"# {a}\"]")]
    [DataRow("{{ 'no #{interpolation}' }}", "[print:str:\"no #{interpolation}\"]")]
    [DataRow("{{ \"#{a}#{b}\" }}", "[print:(Concatenate $a $b)]")]
    [DataRow("{{ \"#{ {'k': 'v'} }\" }}", "[print:{map str:\"k\"=>str:\"v\"}]")]
    [DataRow("{{ \"#{ ({'k': 'v'}).k }\" }}", "[print:(attr {map str:\"k\"=>str:\"v\"} str:\"k\")]")]
    [DataRow("{{ \"a#{\n b \n}c\" }}", "[print:(Concatenate str:\"a\" (Concatenate $b str:\"c\"))]")]
    [DataRow("{{ {'a': {'b': 1}} }}", "[print:{map str:\"a\"=>{map str:\"b\"=>long:1}}]")]
    [DataRow("{{ {'a':1}}}", "[print:{map str:\"a\"=>long:1}]")]
    [DataRow("{{ éa }} {{ _x }} {{ a1 }} {{ 名前 }}", "[print:$éa text:\" \" print:$_x text:\" \" print:$a1 text:\" \" print:$名前]")]
    [DataRow("{{ \U0001D49C }}", "[print:$\U0001D49C]")]
    [DataRow("{{\ta\n+\r\nb }}", "[print:(Add $a $b)]")]
    public void Tokens(string template, string expected) => P.Sx(template).ShouldBe(expected);

    [TestMethod]
    [DataRow("{{ and(f) }}", "3:and", "Unexpected token \"and\" (operator): expected an expression")]
    [DataRow("{{ andé }}", "3:and", "expected an expression")]
    [DataRow("{{ a is  not b }}", "9:not", "expected a test name")]
    [DataRow("{{ s.is }}", "5:is", "expected an attribute name; \"is\" is an operator")]
    [DataRow("{{ map.contains }}", "7:contains", "expected an attribute name")]
    [DataRow("{{ 10l }}", "5:l", "numbers are plain decimals")]
    [DataRow("{{ 1. }}", "6:}}", "after \".\": expected an attribute name")]
    [DataRow("{{ 99999999999999999999 }}", "3:99999999999999999999", "too large")]
    [DataRow("{{ 99999999999999999999L }}", "3:99999999999999999999L", "too large")]
    [DataRow("{{ a ! b }}", "5:!", "Unexpected character \"!\"")]
    [DataRow("{{ a & b }}", "5:&", "Unexpected character \"&\"")]
    [DataRow("{{ a @ b }}", "5:@", "Unexpected character \"@\"")]
    [DataRow("{{ $a }}", "3:$", "Unexpected character \"$\"")]
    [DataRow("{{ a # b }}", "5:#", "Unexpected character \"#\"")]
    [DataRow("{{ a; b }}", "4:;", "Unexpected character \";\"")]
    [DataRow("{{ a \\ b }}", "5:\\", "Unexpected character \"\\\"")]
    [DataRow("{{ a ^ b }}", "5:^", "Unexpected character \"^\"")]
    [DataRow("{{ a ` b }}", "5:`", "Unexpected character \"`\"")]
    [DataRow("{{ a\u00A0+ b }}", "4:\u00A0", "Unexpected character \"U+00A0\"")]
    [DataRow("{{ a\u00A0}}", "4:\u00A0", "Unexpected character \"U+00A0\"")]
    [DataRow("{{ a\u2028}}", "5:}", "Unexpected \"}\"")]
    [DataRow("{{ s) }}", "4:)", "Unexpected \")\": there is no open \"(\"")]
    [DataRow("{{ (a] }}", "3:(", "Unclosed \"(\": expected \")\" before \"]\"")]
    [DataRow("{{ 'a' 'b' }}", "7:'b'", "after the expression")]
    public void TokenErrors(string template, string at, string message) => AssertSingleError(template, at, message);

    // ---------------------------------------------------------------- 1.11: unclosed or broken delimiters

    [TestMethod]
    [DataRow("A {{ s", "2:{{", "Unclosed \"{{\": expected \"}}\" before the end of the template")]
    [DataRow("A {{", "2:{{", "Unclosed \"{{\"")]
    [DataRow("A {{ s ", "2:{{", "Unclosed \"{{\"")]
    [DataRow("{% if t %}X", "0:{% if", "Unclosed \"if\": expected \"{% endif %}\" before the end of the template")]
    [DataRow("{% for x in y %}X", "0:{% for", "Unclosed \"for\": expected \"{% endfor %}\"")]
    [DataRow("{% macro m() %}X", "0:{% macro", "Unclosed \"macro\": expected \"{% endmacro %}\"")]
    [DataRow("{% filter upper %}X", "0:{% filter", "Unclosed \"filter\": expected \"{% endfilter %}\"")]
    [DataRow("{% block b %}X", "0:{% block", "Unclosed \"block\": expected \"{% endblock %}\"")]
    [DataRow("{{ (s", "3:(", "Unclosed \"(\": expected \")\" before the end of the template")]
    [DataRow("{{ [s", "3:[", "Unclosed \"[\"")]
    [DataRow("{{ {s", "3:{", "Unclosed \"{\"")]
    [DataRow("{{ \"abc", "3:\"", "Unclosed string")]
    [DataRow("{{ \"#{ a", "4:#{", "Unclosed string interpolation \"#{\"")]
    [DataRow("{{ 'abc }}", "3:'", "Unclosed string: no closing \"'\"")]
    [DataRow("{{ (s }}", "3:(", "Unclosed \"(\": expected \")\" before \"}}\"")]
    [DataRow("{{ a }", "5:}", "Unexpected \"}\": a print must be closed with \"}}\"")]
    [DataRow("{% if (t %}{% endif %}", "6:(", "Unclosed \"(\": expected \")\" before \"%}\"")]
    public void BrokenDelimiters(string template, string at, string message) => AssertSingleError(template, at, message);

    [TestMethod]
    public void UnclosedTagHeaderReportsOnlyTheDelimiter()
    {
        // The missing "{% endif %}" is the same mistake as the missing "%}": one message, as Pebble gives.
        P.Errors("{% if t").Select(e => e.Message).ShouldBe(new[] { "Unclosed \"{%\": expected \"%}\" before the end of the template" });
        // A closed header with no end tag is still reported.
        P.Errors("{% if t %}x").Select(e => e.Message).ShouldBe(new[] { "Unclosed \"if\": expected \"{% endif %}\" before the end of the template" });
    }

    // ---------------------------------------------------------------- 2: expressions

    [TestMethod]
    [DataRow("-a|abs", "(| (UnaryMinus $a) filter:abs())")]
    [DataRow("not a and b", "(And (UnaryNot $a) $b)")]
    [DataRow("- a * b", "(Multiply (UnaryMinus $a) $b)")]
    [DataRow("-a.b", "(UnaryMinus (attr $a str:\"b\"))")]
    [DataRow("-n ?? 1", "(NullCoalescing (UnaryMinus $n) long:1)")]
    [DataRow("--1", "(UnaryMinus (UnaryMinus long:1))")]
    [DataRow("not not t", "(UnaryNot (UnaryNot $t))")]
    [DataRow("+a", "(UnaryPlus $a)")]
    [DataRow("a + not b", "(Add $a (UnaryNot $b))")]
    [DataRow("1..3|length", "(| (Range long:1 long:3) filter:length())")]
    [DataRow("s|upper ?? 'x'", "(NullCoalescing (| $s filter:upper()) str:\"x\")")]
    [DataRow("s|upper|lower", "(| (| $s filter:upper()) filter:lower())")]
    [DataRow("1 + 2 is odd", "(PositiveTest (Add long:1 long:2) test:odd())")]
    [DataRow("a is even and b is odd", "(And (PositiveTest $a test:even()) (PositiveTest $b test:odd()))")]
    [DataRow("a == b is even", "(PositiveTest (Equals $a $b) test:even())")]
    [DataRow("t ? 1 : 2 | abs", "(?: $t long:1 (| long:2 filter:abs()))")]
    [DataRow("t ? 1 : 2 + 1", "(?: $t long:1 (Add long:2 long:1))")]
    [DataRow("a + t ? 1 : 2", "(?: (Add $a $t) long:1 long:2)")]
    [DataRow("not t ? 1 : 2", "(?: (UnaryNot $t) long:1 long:2)")]
    [DataRow("(t ? 1 : 2) + 1", "(Add (?: $t long:1 long:2) long:1)")]
    [DataRow("[t ? 1 : 2]", "[array (?: $t long:1 long:2)]")]
    [DataRow("f(t ? 1 : 2)", "(call f((?: $t long:1 long:2)))")]
    [DataRow("a[t ? 1 : 2]", "(attr $a (?: $t long:1 long:2))")]
    [DataRow("a - b - c", "(Subtract (Subtract $a $b) $c)")]
    [DataRow("10/2/5", "(Divide (Divide long:10 long:2) long:5)")]
    [DataRow("a < b < c", "(LessThan (LessThan $a $b) $c)")]
    [DataRow("a ?? b ?? c", "(NullCoalescing (NullCoalescing $a $b) $c)")]
    [DataRow("n ?? 1..3", "(Range (NullCoalescing $n long:1) long:3)")]
    [DataRow("3 ?? 1 * 10", "(Multiply (NullCoalescing long:3 long:1) long:10)")]
    [DataRow("'A' ?? 'b' | lower", "(| (NullCoalescing str:\"A\" str:\"b\") filter:lower())")]
    [DataRow("2 ?? 1 == 1", "(Equals (NullCoalescing long:2 long:1) long:1)")]
    [DataRow("'p' ~ 'q' ?? 'r'", "(Concatenate str:\"p\" (NullCoalescing str:\"q\" str:\"r\"))")]
    [DataRow("a or b and c", "(Or $a (And $b $c))")]
    [DataRow("a contains b", "(Contains $a $b)")]
    [DataRow("a equals b", "(Equals $a $b)")]
    [DataRow("a != b", "(NotEquals $a $b)")]
    [DataRow("a >= b", "(GreaterThanEquals $a $b)")]
    [DataRow("a <= b", "(LessThanEquals $a $b)")]
    [DataRow("a > b", "(GreaterThan $a $b)")]
    [DataRow("a % b", "(Modulus $a $b)")]
    [DataRow("a ??? b", "(UndefinedCoalescing $a $b)")]
    [DataRow("'abc'.length", "(attr str:\"abc\" str:\"length\")")]
    [DataRow("({'k':'v'}).k", "(attr {map str:\"k\"=>str:\"v\"} str:\"k\")")]
    [DataRow("range(1,3)[0]", "(attr (call range(long:1, long:3)) long:0)")]
    [DataRow("person ['first-name'] .name", "(attr (attr $person str:\"first-name\") str:\"name\")")]
    [DataRow("map.null", "(attr $map str:\"null\")")]
    [DataRow("map.true", "(attr $map str:\"true\")")]
    [DataRow("map.in", "(attr $map str:\"in\")")]
    [DataRow("a.b.c(1, 2)", "(attr (attr $a str:\"b\") str:\"c\" args(long:1, long:2))")]
    [DataRow("a.b()", "(attr $a str:\"b\" args())")]
    [DataRow("f(x=1, y='a')", "(call f(x=long:1, y=str:\"a\"))")]
    [DataRow("d | date('yyyy', timeZone='UTC')", "(| $d filter:date(str:\"yyyy\", timeZone=str:\"UTC\"))")]
    [DataRow("a is divisibleby(3)", "(PositiveTest $a test:divisibleby(long:3))")]
    [DataRow("f(a == 1)", "(call f((Equals $a long:1)))")]
    [DataRow("parent()", "(call parent())")]
    [DataRow("block('post')", "(call block(str:\"post\"))")]
    [DataRow("[]", "[array]")]
    [DataRow("{}", "{map}")]
    [DataRow("{1: 'a', 'k': b}", "{map long:1=>str:\"a\" str:\"k\"=>$b}")]
    [DataRow("\"#{a}\"", "$a")]
    [DataRow("'x' \"#{a}\"", "(Concatenate str:\"x\" $a)")]
    public void Expressions(string expression, string expected) => P.Expr(expression).ShouldBe("[print:" + expected + "]");

    [TestMethod]
    [DataRow("{{ a ** b }}", "6:*")]
    [DataRow("{{ a // b }}", "6:/")]
    [DataRow("{{ a === b }}", "7:=")]
    [DataRow("{{ a <> b }}", "6:>")]
    [DataRow("{{ a => b }}", "5:=")]
    [DataRow("{{ a in b }}", "5:in")]
    [DataRow("{{ a not in b }}", "5:not")]
    [DataRow("{{ a starts with b }}", "5:starts")]
    [DataRow("{{ a matches b }}", "5:matches")]
    [DataRow("{{ a && b }}", "5:&&")]
    [DataRow("{{ a || b }}", "6:|")]
    [DataRow("{{ a ?: b }}", "6::")]
    [DataRow("{{ a ?. b }}", "6:.")]
    [DataRow("{{ a b-and b }}", "5:b")]
    [DataRow("{{ a ???? b }}", "8:?")]
    [DataRow("{{ a ? b }}", "9:}}")]
    [DataRow("{{ list[0:2] }}", "9::")]
    [DataRow("{{ list[] }}", "8:]")]
    [DataRow("{{ s | upper.length }}", "12:.")]
    [DataRow("{{ (a)(b) }}", "6:(")]
    [DataRow("{{ f(1)(2) }}", "7:(")]
    [DataRow("{{ true() }}", "7:(")]
    [DataRow("{{ {'k':1}.k }}", "10:.")]
    [DataRow("{{ -[1][0] }}", "7:[")]
    [DataRow("{{ max(1,2,) }}", "11:)")]
    [DataRow("{{ max(,1) }}", "7:,")]
    [DataRow("{{ max(\"a\"=1) }}", "7:\"a\"")]
    [DataRow("{{ f(true=1) }}", "5:true")]
    [DataRow("{{ a.b(c=1) }}", "7:c=1")]
    [DataRow("{{ [1 2] }}", "6:2")]
    [DataRow("{{ [1,] }}", "6:]")]
    [DataRow("{{ {'a' 1} }}", "8:1")]
    [DataRow("{{ {'a':1,} }}", "10:}")]
    [DataRow("{{ {'a':1 'b':2} }}", "10:'b'")]
    [DataRow("{{ \"#{ }\" }}", "7:}")]
    [DataRow("{{ 'a' 'b' }}", "7:'b'")]
    [DataRow("{{ a + }}", "7:}}")]
    [DataRow("{{ }}", "3:}}")]
    public void ExpressionErrors(string template, string at)
    {
        var error = P.SingleError(template);
        P.At(template, error).ShouldBe(at, error.Message);
        error.Kind.ShouldBe(PebbleErrorKind.Syntax);
    }

    // ---------------------------------------------------------------- 3: tags

    [TestMethod]
    [DataRow("{% if a %}x{% elseif b %}y{% else %}z{% endif %}", "[if]")]
    [DataRow("{% for x in list %}{{ x }}{% else %}empty{% endfor %}", "[for]")]
    [DataRow("{% set x = 1 %}{{ x }}", "[set print:$x]")]
    [DataRow("{% set TRUE = 1 %}", "[set]")]
    [DataRow("{% macro m(a, b=2) %}{{ a }}{% endmacro %}{{ m(1) }}", "[macro print:(call m(long:1))]")]
    [DataRow("{% block post %}x{% endblock %}", "[block]")]
    [DataRow("{% block post %}x{% endblock post %}", "[block]")]
    [DataRow("{% block \"post\" %}x{% endblock \"post\" %}", "[block]")]
    [DataRow("{% filter upper | replace({'a': 'b'}) %}x{% endfilter %}", "[filter]")]
    [DataRow("{% for e in map %}{{ e.key }}={{ e.value }}{% endfor %}", "[for]")]
    public void Tags(string template, string expected) => P.Sx(template).ShouldBe(expected);

    [TestMethod]
    [DataRow("autoescape")]
    [DataRow("extends")]
    [DataRow("embed")]
    [DataRow("flush")]
    [DataRow("import")]
    [DataRow("include")]
    [DataRow("parallel")]
    [DataRow("cache")]
    [DataRow("from")]
    public void KestraRemovesTheseTags(string tag)
    {
        string template = "{% " + tag + " 'x' %}";
        var error = P.SingleError(template);
        error.Kind.ShouldBe(PebbleErrorKind.RemovedTag);
        P.At(template, error).ShouldBe("3:" + tag);
        error.Message.ShouldBe($"Unexpected tag name \"{tag}\": Kestra removes the \"{tag}\" tag from Pebble");
    }

    [TestMethod]
    [DataRow("{% if a %}x{% endif x %}", "20:x", "after \"endif\": expected \"%}\"")]
    [DataRow("{% if a %}{% else if b %}{% endif %}", "18:if", "write \"elseif\", not \"else if\"")]
    [DataRow("{% if a %}{% elif b %}{% endif %}", "13:elif", "did you mean \"elseif\"")]
    [DataRow("{% if a %}{% else %}{% else %}{% endif %}", "23:else", "already has an \"else\"")]
    [DataRow("{% if a %}{% else %}{% elseif b %}{% endif %}", "23:elseif", "cannot come after the \"else\"")]
    [DataRow("{% endif %}", "3:endif", "no \"if\" is open")]
    [DataRow("{% else %}", "3:else", "must be inside an \"if\" or a \"for\"")]
    [DataRow("{% set x.y = 1 %}", "8:.", "expected \"=\"")]
    [DataRow("{% set x %}", "9:%}", "expected \"=\"")]
    [DataRow("{% set true = 1 %}", "7:true", "Can not assign a value to \"true\"")]
    [DataRow("{% for null in x %}{% endfor %}", "7:null", "Can not assign a value to \"null\"")]
    [DataRow("{% for x of y %}{% endfor %}", "9:of", "expected \"in\"")]
    [DataRow("{% macro m(a b) %}{% endmacro %}", "13:b", "expected \",\" or \")\"")]
    [DataRow("{% macro m %}{% endmacro %}", "11:%}", "expected \"(\"")]
    [DataRow("{% block q %}{% endblock r %}", "25:r", "the block is named \"q\"")]
    [DataRow("{% block 1 %}{% endblock %}", "9:1", "expected the block's name")]
    [DataRow("{% filter %}{% endfilter %}", "10:%}", "expected a filter name")]
    [DataRow("{% %}", "3:%}", "a tag must start with its name")]
    [DataRow("{% 'x' %}", "3:'x'", "a tag must start with its name")]
    [DataRow("{% foo %}", "3:foo", "Unexpected tag name \"foo\"")]
    [DataRow("{% endset %}", "3:endset", "\"set\" has no end tag")]
    [DataRow("{% with %}", "3:with", "Unexpected tag name \"with\"")]
    [DataRow("{% spaceless %}", "3:spaceless", "Unexpected tag name \"spaceless\"")]
    [DataRow("{% endraw %}", "3:endraw", "Unexpected tag name \"endraw\"")]
    public void TagErrors(string template, string at, string message) => AssertSingleError(template, at, message);

    [TestMethod]
    public void RemovedTagBodiesAreStillParsed()
    {
        const string template = "{% cache 'x' %}{{ secret('a') }}{% endcache %}after";
        var parsed = P.Parse(template);
        parsed.Errors.Single().Kind.ShouldBe(PebbleErrorKind.RemovedTag);
        var removed = parsed.Nodes[0].ShouldBeOfType<RemovedTagNode>();
        removed.TagName.Name.ShouldBe("cache");
        removed.Body.Single().ShouldBeOfType<PrintNode>().Expression.ShouldBeOfType<FunctionCallExpression>().Name.ShouldBe("secret");
        parsed.Nodes[1].ShouldBeOfType<TextNode>().Value.ShouldBe("after");
    }

    private static void AssertSingleError(string template, string at, string message)
    {
        var error = P.SingleError(template);
        P.At(template, error).ShouldBe(at, error.Message);
        error.Message.ShouldContain(message);
    }
}
