namespace Kestra.FlowLint.Tests.Cli;

[TestClass]
[DoNotParallelize]
public class ExprCommandTests
{
    [TestMethod]
    public void Prints_the_s_expression_and_exits_zero()
    {
        var (code, stdout, _) = CliRunner.Run("expr", "{{ s | upper ~ 'x' }}");
        code.ShouldBe(0);
        stdout.ShouldBe("[print:(Concatenate (| $s filter:upper()) str:\"x\")]\n");
    }

    [TestMethod]
    public void Accepts_a_double_dash_before_the_template()
    {
        var (code, stdout, _) = CliRunner.Run("expr", "--", "{{-a}}");
        code.ShouldBe(0);
        stdout.ShouldBe("[print:(UnaryMinus $a)]\n");
    }

    [TestMethod]
    public void Applies_kestras_single_line_raw_pre_pass()
    {
        var (code, stdout, _) = CliRunner.Run("expr", "a {% raw %}{{ b }}{% endraw %} c");
        code.ShouldBe(0);
        // Kestra swaps the raw block for literal text before Pebble runs, so the whole template is one text.
        stdout.ShouldBe("[text:\"a {{ b }} c\"]\n");
    }

    [TestMethod]
    public void Prints_each_error_with_line_and_column_and_exits_one()
    {
        var (code, stdout, _) = CliRunner.Run("expr", "ok\r\n{{ list.0 }}");
        code.ShouldBe(1);
        stdout.ShouldStartWith("2:9: error: ");
    }
}
