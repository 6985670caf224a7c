using System.Diagnostics;
using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Robustness;

/// <summary>
/// Hostile and unusual files through the whole pipeline (bytes → text → YAML → Pebble → every rule), the way
/// `flowlint check` sees them: unusual encodings lint normally, resource attacks end quickly in at most one
/// clear limit (KF0003) or parse finding, binary input is KF0004, and nothing throws or crashes a rule (KF0001).
/// The clocks are hang guards, not speed tests: the benchmark project measures speed.
/// </summary>
[TestClass]
public class HostileInputTests
{
    private const string LogTask = "    type: io.kestra.plugin.core.log.Log\n";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static IReadOnlyList<Diagnostic> Lint(byte[] bytes, string path = "hostile.yaml")
    {
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var watch = Stopwatch.StartNew();
        var result = driver.AnalyzeBytes(path, bytes);
        var all = result.Diagnostics.Concat(driver.CompleteRun()).ToList();
        watch.Elapsed.ShouldBeLessThan(HangGuard, "hang guard");
        all.ShouldNotContain(d => d.Id == "KF0001", "no rule may crash on hostile input");
        int length = result.Text?.Length ?? 0;
        foreach (var d in all)
            (d.Location.Span.Start >= 0 && d.Location.Span.End <= length).ShouldBeTrue($"{d.Id} at {d.Location.Span} lies outside the {length} characters of the file");
        return all;
    }

    private static IReadOnlyList<Diagnostic> Lint(string text) => Lint(Encoding.UTF8.GetBytes(text));

    private static string LineColumn(Diagnostic d, SourceText text)
    {
        var p = text.GetLinePosition(d.Location.Span.Start);
        return $"{p.Line + 1}:{p.Character + 1}";
    }

    /// <summary>At most one finding that explains why the file was cut short: a limit or a parse error.</summary>
    private static void AtMostOneLimitOrParseFinding(IReadOnlyList<Diagnostic> diagnostics)
    {
        diagnostics.Count(d => d.Id is "KF0003" or "KF4001").ShouldBeLessThanOrEqualTo(1,
            string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Location.Span}: {d.Message}")));
    }

    [TestMethod]
    public void Utf16_with_bom_and_cr_only_line_ends_lints_like_utf8()
    {
        string flow = "id: f\rnamespace: company.team\rtasks:\r  - id: log\r" + LogTask.Replace("\n", "\r") + "    message: \"{{ secret('TOKEN') }}\"\r";
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(flow)).ToArray();
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var result = driver.AnalyzeBytes("utf16.yaml", bytes);
        result.FlowCount.ShouldBe(1);
        var finding = result.Diagnostics.ShouldHaveSingleItem();
        finding.Id.ShouldBe("KF1001");
        // Line 6, column 18: CR alone ends a line, and the BOM is not a character of the text.
        LineColumn(finding, result.Text!).ShouldBe("6:18");
        result.Text!.ToString(finding.Location.Span).ShouldBe("secret('TOKEN')");
    }

    [TestMethod]
    public void Utf16_big_endian_with_bom_lints_like_utf8()
    {
        string flow = "id: f\nnamespace: company.team\ntasks:\n  - id: log\n" + LogTask + "    message: \"{{ secret('TOKEN') }}\"\n";
        var bytes = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(flow)).ToArray();
        Lint(bytes).ShouldHaveSingleItem().Id.ShouldBe("KF1001");
    }

    [TestMethod]
    public void Billion_laughs_is_one_limit_finding()
    {
        var sb = new StringBuilder("id: f\nnamespace: company.team\nvariables:\n  a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i < 12; i++)
            sb.Append($"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        sb.Append("tasks:\n  - id: log\n" + LogTask + "    message: \"{{ vars.a11 }}\"\n");
        var diagnostics = Lint(sb.ToString());
        AtMostOneLimitOrParseFinding(diagnostics);
        diagnostics.Single(d => d.Id == "KF0003").Message.ShouldContain("alias");
    }

    [TestMethod]
    public void Self_referencing_alias_is_one_finding_not_a_loop()
    {
        var diagnostics = Lint("id: f\nnamespace: company.team\nvariables: &v\n  self: *v\ntasks:\n  - id: log\n" + LogTask + "    message: hi\n");
        AtMostOneLimitOrParseFinding(diagnostics);
    }

    [TestMethod]
    public void Forty_thousand_levels_of_flow_nesting_is_one_limit_finding()
    {
        var diagnostics = Lint("id: f\nnamespace: company.team\nvariables:\n  deep: " + new string('[', 40_000) + new string(']', 40_000) + "\ntasks: []\n");
        AtMostOneLimitOrParseFinding(diagnostics);
        diagnostics.ShouldContain(d => d.Id == "KF0003");
    }

    [TestMethod]
    public void Forty_thousand_levels_of_nested_tasks_is_one_limit_finding()
    {
        var sb = new StringBuilder("id: f\nnamespace: company.team\ntasks:\n");
        for (int i = 0; i < 40_000; i++) sb.Append("- ");
        sb.Append("x\n");
        var diagnostics = Lint(sb.ToString());
        AtMostOneLimitOrParseFinding(diagnostics);
    }

    [TestMethod]
    public void Ten_megabyte_flow_is_one_limit_finding()
    {
        var sb = new StringBuilder("id: f\nnamespace: company.team\ntasks:\n");
        for (int i = 0; sb.Length <= 10 * 1024 * 1024; i++)
            sb.Append("  - id: t").Append(i).Append('\n').Append(LogTask).Append("    message: \"{{ inputs.name }} number ").Append(i).Append("\"\n");
        var diagnostics = Lint(sb.ToString());
        AtMostOneLimitOrParseFinding(diagnostics);
        diagnostics.ShouldHaveSingleItem().Id.ShouldBe("KF0003");
    }

    [TestMethod]
    public void Just_under_the_size_limit_is_analysed()
    {
        var sb = new StringBuilder("id: f\nnamespace: company.team\ntasks:\n");
        for (int i = 0; sb.Length <= 9 * 1024 * 1024; i++)
            sb.Append("  - id: t").Append(i).Append('\n').Append(LogTask).Append("    message: \"{{ execution.id }} number ").Append(i).Append("\"\n");
        sb.Append("  - id: leak\n").Append(LogTask).Append("    message: \"{{ secret('TOKEN') }}\"\n");
        var diagnostics = Lint(sb.ToString());
        diagnostics.ShouldHaveSingleItem().Id.ShouldBe("KF1001");
    }

    [TestMethod]
    public void One_megabyte_single_expression_does_not_crash()
    {
        var expression = new StringBuilder("{{ ");
        while (expression.Length < 1024 * 1024) expression.Append("inputs.a ~ ");
        expression.Append("inputs.b }}");
        var diagnostics = Lint("id: f\nnamespace: company.team\ntasks:\n  - id: log\n" + LogTask + "    message: \"" + expression + "\"\n");
        AtMostOneLimitOrParseFinding(diagnostics);
    }

    [TestMethod]
    public void One_megabyte_of_nested_parentheses_is_at_most_one_limit_finding()
    {
        var diagnostics = Lint("id: f\nnamespace: company.team\ntasks:\n  - id: log\n" + LogTask + "    message: \"{{ " + new string('(', 500_000) + "1" + new string(')', 500_000) + " }}\"\n");
        AtMostOneLimitOrParseFinding(diagnostics);
        diagnostics.Count(d => d.Id.StartsWith("KF3", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1);
    }

    [TestMethod]
    public void A_hundred_thousand_openers_in_one_string_end_in_one_syntax_finding()
    {
        var diagnostics = Lint("id: f\nnamespace: company.team\ntasks:\n  - id: log\n" + LogTask + "    message: \"" + string.Concat(Enumerable.Repeat("{{ ", 100_000)) + "\"\n");
        AtMostOneLimitOrParseFinding(diagnostics);
        // Each "{{" left open before the next is the same mistake: one finding that counts the rest.
        var syntax = diagnostics.Where(d => d.Id == "KF3001").ToList();
        syntax.Count.ShouldBe(1, "100,000 openers are one finding, not 100,000");
        syntax[0].Message.ShouldEndWith("more syntax errors follow in this value; fix this one first)");
        syntax[0].Location.Span.Start.ShouldBe("id: f\nnamespace: company.team\ntasks:\n  - id: log\n".Length + LogTask.Length + "    message: \"".Length);
    }

    [TestMethod]
    public void Binary_file_is_KF0004()
    {
        var random = new Random(9);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[10] = 0;
        var finding = Lint(bytes, "image.yaml").ShouldHaveSingleItem();
        finding.Id.ShouldBe("KF0004");
        finding.Message.ShouldContain("binary");
    }

    [TestMethod]
    public void Invalid_utf8_is_KF0004_with_the_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("id: f\nnamespace: company.team\ntasks: []\n# caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        var finding = Lint(bytes).ShouldHaveSingleItem();
        finding.Id.ShouldBe("KF0004");
        finding.Message.ShouldContain("at byte 45");
    }

    [TestMethod]
    public void Unterminated_quotes_collections_and_expressions_are_syntax_findings_with_positions()
    {
        var cases = new (string Text, string Id, string Position)[]
        {
            ("id: f\nnamespace: company.team\ntasks:\n  - id: a\n" + LogTask + "    message: \"never closed\n", "KF4001", ""),
            ("id: f\nnamespace: company.team\ntasks:\n  - id: a\n" + LogTask + "    message: 'never closed\n", "KF4001", ""),
            ("id: f\nnamespace: company.team\ntasks: [{id: a, type: io.kestra.plugin.core.log.Log, message: hi\n", "KF4001", ""),
            ("id: f\nnamespace: company.team\ntasks:\n  - id: a\n" + LogTask + "    message: \"{{ inputs.name\"\n", "KF3001", "6:15"),
            ("id: f\nnamespace: company.team\ntasks:\n  - id: a\n" + LogTask + "    message: \"{% if true %}x\"\n", "KF3001", ""),
            ("id: f\nnamespace: company.team\ntasks:\n  - id: a\n" + LogTask + "    message: \"{{ 'open }}\"\n", "KF3001", ""),
            ("id: f\nnamespace: company.team\ntasks:\n  - id: a\n" + LogTask + "    message: \"{# comment\"\n", "KF3001", ""),
            ("id: f\nnamespace: company.team\ntasks:\n  - id: a\n" + LogTask + "    message: \"{{ f(1, [2, {'a': 3\"\n", "KF3001", ""),
        };
        foreach (var (text, id, position) in cases)
        {
            var diagnostics = Lint(text);
            var finding = diagnostics.FirstOrDefault(d => d.Id == id);
            finding.ShouldNotBeNull($"expected {id} for:\n{text}\ngot: {string.Join(", ", diagnostics.Select(d => d.Id))}");
            var source = new SourceText(text);
            string at = LineColumn(finding, source);
            if (position.Length > 0) at.ShouldBe(position, text);
            Console.WriteLine($"{id} at {at}: {finding.Message}");
        }
    }
}
