using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Tests.Pebble;

[TestClass]
public class MiscTests
{
    [TestMethod]
    [DataRow("", false)]
    [DataRow("plain text", false)]
    [DataRow("a { b } c", false)]
    [DataRow("json {\"a\": {\"b\": 1}}", false)]
    [DataRow("ends with {", false)]
    [DataRow("{{ x }}", true)]
    [DataRow("a {% if %}", true)]
    [DataRow("{# c #}", true)]
    [DataRow("{ {{", true)]
    public void MayContainTemplate(string text, bool expected)
    {
        PebbleParser.MayContainTemplate(text.AsSpan()).ShouldBe(expected);
        if (!expected)
        {
            // The short-cut must agree with the parser: such a string is one text node or nothing.
            var parsed = P.Parse(text);
            parsed.Errors.ShouldBeEmpty();
            parsed.Nodes.All(n => n is TextNode).ShouldBeTrue();
        }
    }

    [TestMethod]
    [DataRow(1.5, "1.5")]
    [DataRow(1.0, "1.0")]
    [DataRow(0.0, "0.0")]
    [DataRow(7.0, "7.0")]
    [DataRow(0.001, "0.001")]
    [DataRow(0.0001, "1.0E-4")]
    [DataRow(9999999.0, "9999999.0")]
    [DataRow(10000000.0, "1.0E7")]
    [DataRow(123456789.0, "1.23456789E8")]
    [DataRow(0.1, "0.1")]
    [DataRow(1.0E-10, "1.0E-10")]
    [DataRow(1.7976931348623157E308, "1.7976931348623157E308")]
    [DataRow(4.9E-324, "4.9E-324")]
    [DataRow(double.PositiveInfinity, "Infinity")]
    [DataRow(-2.5, "-2.5")]
    [DataRow(100.0, "100.0")]
    [DataRow(12345.678, "12345.678")]
    public void JavaDoubleToString(double value, string expected) => JavaDouble.ToString(value).ShouldBe(expected);

    [TestMethod]
    public void HugeDecimalIsInfinityLikeJava()
    {
        P.Expr(new string('9', 400) + ".0").ShouldBe("[print:double:Infinity]");
    }

    [TestMethod]
    public void NullTemplateIsEmpty()
    {
        PebbleParser.Parse(null!).Nodes.ShouldBeEmpty();
    }

    [TestMethod]
    public void EveryBinaryOperatorPrintsAsItsEnumName()
    {
        var symbols = new Dictionary<PebbleBinaryOperator, string>
        {
            [PebbleBinaryOperator.Or] = "or", [PebbleBinaryOperator.And] = "and", [PebbleBinaryOperator.Contains] = "contains",
            [PebbleBinaryOperator.Equals] = "==", [PebbleBinaryOperator.NotEquals] = "!=", [PebbleBinaryOperator.GreaterThan] = ">",
            [PebbleBinaryOperator.LessThan] = "<", [PebbleBinaryOperator.GreaterThanEquals] = ">=", [PebbleBinaryOperator.LessThanEquals] = "<=",
            [PebbleBinaryOperator.Add] = "+", [PebbleBinaryOperator.Subtract] = "-", [PebbleBinaryOperator.Multiply] = "*",
            [PebbleBinaryOperator.Divide] = "/", [PebbleBinaryOperator.Modulus] = "%", [PebbleBinaryOperator.Concatenate] = "~",
            [PebbleBinaryOperator.Range] = "..", [PebbleBinaryOperator.NullCoalescing] = "??", [PebbleBinaryOperator.UndefinedCoalescing] = "???",
        };
        foreach (PebbleBinaryOperator op in Enum.GetValues(typeof(PebbleBinaryOperator)))
        {
            var parsed = P.Parse("{{ a " + symbols[op] + " b }}");
            var binary = parsed.Nodes.Single().ShouldBeOfType<PrintNode>().Expression.ShouldBeOfType<BinaryExpression>();
            binary.Operator.ShouldBe(op);
            SExpressionPrinter.Print(binary).ShouldBe($"({op} $a $b)");
        }
        foreach (PebbleUnaryOperator op in Enum.GetValues(typeof(PebbleUnaryOperator)))
        {
            string symbol = op switch { PebbleUnaryOperator.Not => "not ", PebbleUnaryOperator.Minus => "-", _ => "+" };
            SExpressionPrinter.Print(P.Parse("{{ " + symbol + "a }}")).ShouldBe($"[print:(Unary{op} $a)]");
        }
    }
}
