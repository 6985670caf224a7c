using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary><c>flowlint expr</c>: the tree on success, <c>line:col: error: message</c> lines otherwise.</summary>
[TestClass]
public class PebbleExprTests
{
    [TestMethod]
    public void PrintsTheTree()
    {
        P.Run("{{ s | upper ~ 'x' }}", out int code).ShouldBe("[print:(Concatenate (| $s filter:upper()) str:\"x\")]\n");
        code.ShouldBe(0);
    }

    [TestMethod]
    public void AppliesTheRawPrePass()
    {
        P.Run("{% raw %}{{ x }}{% endraw %}", out int code).ShouldBe("[text:\"{{ x }}\"]\n");
        code.ShouldBe(0);
    }

    [TestMethod]
    public void PrintsEveryErrorWithLineAndColumn()
    {
        string output = P.Run("line one\r\n{{ a + }}\r{% include 'x' %}\n  {{ b.0 }}", out int code);
        code.ShouldBe(1);
        output.ShouldBe(
            "2:8: error: Unexpected \"}}\": expected an expression after \"+\"\n" +
            "3:4: error: Unexpected tag name \"include\": Kestra removes the \"include\" tag from Pebble\n" +
            "4:8: error: Unexpected token \"0\" (number) after \".\": expected an attribute name; use [0] to index\n");
    }

    [TestMethod]
    public void ColumnsCountUtf16Units()
    {
        P.Run("\U0001D49C {{ ! }}", out _).ShouldStartWith("1:7: error:");
    }

    [TestMethod]
    public void EmptyTemplate()
    {
        P.Run("", out int code).ShouldBe("[]\n");
        code.ShouldBe(0);
    }
}
