using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Suppressions;

[TestClass]
public class InlineSuppressionTests
{
    private const string Header = "id: hello\nnamespace: company.team\ntasks:\n";

    /// <summary>Analyses one file with every rule, then configuration and suppressions, as `flowlint check` does.</summary>
    internal static List<Diagnostic> Run(string yaml, RulePolicy? policy = null)
    {
        var text = new SourceText(yaml, "flow.yaml");
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var findings = driver.AnalyzeText(text).Diagnostics.Concat(driver.CompleteRun()).ToList();
        return new FindingsPostProcessor(RuleCatalog.AllDescriptors()).ApplyToFile(text, findings, policy ?? RulePolicy.Default)
            .OrderBy(d => d.Location.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>"KF1001 9:16 suppressed(reason)" or "KF3001 4:20 error": what the assertions compare.</summary>
    internal static string Describe(Diagnostic d)
    {
        var p = d.Location.LineSpan.Start;
        string state = d.IsSuppressed ? $"suppressed({d.SuppressionJustification})" : d.Severity.ToText();
        return $"{d.Id} {p.Line + 1}:{p.Character + 1} {state}";
    }

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(Describe).ToArray();

    [TestMethod]
    public void Next_line_above_a_block_scalar_key_covers_every_line_of_the_block()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    # flowlint-disable-next-line KF1001 -- the gateway masks this token\n" +
            "    message: |\n" +
            "      Hello\n" +
            "      from the team\n" +
            "      Token {{ secret('TOKEN') }}\n" +
            "  - id: after\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('OTHER') }}\"\n");
        // The finding on the block's third line is covered; the next task's is not: coverage ends with the value.
        Describe(result).ShouldBe(new[] { "KF1001 10:16 suppressed(the gateway masks this token)", "KF1001 13:18 error" });
        result[0].SuppressionKind.ShouldBe(SuppressionKind.InSource);
    }

    [TestMethod]
    public void Next_line_above_a_list_item_covers_the_whole_item()
    {
        var result = Run(Header +
            "  # flowlint-disable-next-line KF1001\n" +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('TOKEN') }}\"\n" +
            "  - id: next\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('TOKEN') }}\"\n");
        Describe(result).ShouldBe(new[] { "KF1001 7:18 suppressed()", "KF1001 10:18 error" });
        result[0].SuppressionJustification.ShouldBeNull();
    }

    [TestMethod]
    public void Next_line_skips_blank_and_comment_lines_and_covers_only_a_plain_value_line()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    # flowlint-disable-next-line KF3001 -- kept for the demo\n" +
            "\n" +
            "    # an ordinary comment in between\n" +
            "    message: \"{{ a | }}\"\n" +
            "    description: \"{{ a | }}\"\n" +
            "  - id: other\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ b | }}\"\n");
        result.Where(d => d.Id == "KF3001").Select(Describe).ShouldBe(new[] { "KF3001 9:22 suppressed(kept for the demo)", "KF3001 13:22 error" });
    }

    [TestMethod]
    public void Disable_line_at_the_end_of_the_line_with_the_finding()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('TOKEN') }}\" # flowlint-disable-line KF1001 -- masked downstream\n" +
            "  - id: other\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('TOKEN') }}\"\n");
        Describe(result).ShouldBe(new[] { "KF1001 6:18 suppressed(masked downstream)", "KF1001 9:18 error" });
    }

    [TestMethod]
    public void Disable_line_on_a_block_scalar_header_covers_the_block()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: | # flowlint-disable-line KF1001\n" +
            "      first\n" +
            "      {{ secret('TOKEN') }}\n");
        Describe(result).ShouldBe(new[] { "KF1001 8:10 suppressed()" });
    }

    [TestMethod]
    public void Disable_file_covers_every_finding_of_its_rules_wherever_it_is()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('A') }} {{ x | }}\"\n" +
            "  - id: other\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('B') }}\"\n" +
            "# flowlint-disable-file KF1001 -- demo flow, fake secrets\n");
        Describe(result).ShouldBe(new[]
        {
            "KF1001 6:18 suppressed(demo flow, fake secrets)",
            "KF3001 6:40 error",
            "KF1001 9:18 suppressed(demo flow, fake secrets)",
        });
    }

    [TestMethod]
    public void Comma_separated_ids_with_or_without_spaces_and_lower_case()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    # flowlint-disable-next-line KF1001,kf3001 -- both\n" +
            "    message: \"{{ secret('A') }} {{ x | }}\"\n" +
            "  - id: log2\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('A') }} {{ x | }}\" #flowlint-disable-line   KF3001 ,  KF1001\n");
        Describe(result).ShouldBe(new[]
        {
            "KF1001 7:18 suppressed(both)",
            "KF3001 7:40 suppressed(both)",
            "KF1001 10:18 suppressed()",
            "KF3001 10:40 suppressed()",
        });
    }

    [TestMethod]
    public void Crlf_files_cover_the_same_lines_and_report_the_same_columns()
    {
        const string flow = Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    # flowlint-disable-next-line KF1001 -- reason\n" +
            "    message: |\n" +
            "      a\n" +
            "      b\n" +
            "      {{ secret('T') }}\n" +
            "  - id: other\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('T') }}\" # flowlint-disable-line KF1001, KF3001\n";
        var lf = Describe(Run(flow));
        var crlf = Describe(Run(flow.Replace("\n", "\r\n")));
        lf.ShouldBe(new[] { "KF1001 10:10 suppressed(reason)", "KF1001 13:18 suppressed()", "KF0002 13:66 warning" });
        crlf.ShouldBe(lf);
    }

    [TestMethod]
    public void An_unused_suppression_is_KF0002_at_the_comment_with_the_id_in_the_message()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    # flowlint-disable-next-line KF1001 -- no longer needed\n" +
            "    message: Hello\n");
        var unused = result.ShouldHaveSingleItem();
        Describe(unused).ShouldBe("KF0002 6:5 warning");
        unused.Location.Span.Length.ShouldBe("# flowlint-disable-next-line KF1001 -- no longer needed".Length);
        unused.Message.ShouldBe("Suppression matches no finding: no KF1001 finding on line 7");
        // The fix deletes the whole comment line.
        var edit = unused.Fixes.ShouldHaveSingleItem().Edits.ShouldHaveSingleItem();
        edit.NewText.ShouldBeEmpty();
        edit.Span.ShouldBe(new TextSpan(Header.Length + "  - id: log\n    type: io.kestra.plugin.core.log.Log\n".Length, "    # flowlint-disable-next-line KF1001 -- no longer needed\n".Length));
    }

    [TestMethod]
    public void A_partly_used_suppression_reports_the_unused_id_at_the_id()
    {
        const string yaml = Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('A') }}\" # flowlint-disable-line KF1001, KF3001\n";
        var result = Run(yaml);
        Describe(result).ShouldBe(new[] { "KF1001 6:18 suppressed()", "KF0002 6:66 warning" });
        result[1].Message.ShouldBe("KF3001 is not reported on this line; remove it from this suppression");
        var edit = result[1].Fixes.Single().Edits.Single();
        (yaml.Substring(0, edit.Span.Start) + edit.NewText + yaml.Substring(edit.Span.End))
            .ShouldContain("\"{{ secret('A') }}\" # flowlint-disable-line KF1001\n");
    }

    [TestMethod]
    public void Unused_file_suppression_and_its_fix_for_an_end_of_line_comment()
    {
        const string yaml = Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: Hello   # flowlint-disable-file KF3001, KF1001\n";
        var unused = Run(yaml).ShouldHaveSingleItem();
        Describe(unused).ShouldBe("KF0002 6:22 warning");
        unused.Message.ShouldBe("Suppression matches no finding: no KF3001 or KF1001 finding in this file");
        var edit = unused.Fixes.Single().Edits.Single();
        (yaml.Substring(0, edit.Span.Start) + yaml.Substring(edit.Span.End)).ShouldEndWith("    message: Hello\n");
    }

    [TestMethod]
    public void Directives_in_strings_and_block_scalars_are_text_not_comments()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"# flowlint-disable-line KF1001 {{ secret('A') }}\"\n" +
            "  - id: script\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: |\n" +
            "      # flowlint-disable-next-line KF1001\n" +
            "      {{ secret('B') }}\n");
        Describe(result).ShouldBe(new[] { "KF1001 6:49 error", "KF1001 11:10 error" });
    }

    [TestMethod]
    public void Malformed_directives_are_reported_where_the_mistake_is()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    # flowlint-disable-nextline KF1001\n" +
            "    message: \"{{ secret('A') }}\"\n" +
            "# flowlint-disable-file KF1O01 because it is fine\n" +
            "# flowlint-disable-file KF1\n" +
            "# flowlint-disable-file -- no ids\n" +
            "# flowlint-disable-line KF1001\n");
        var messages = result.Where(d => d.Id == "KF0002").Select(d => Describe(d) + " " + d.Message).ToArray();
        messages.ShouldBe(new[]
        {
            "KF0002 6:5 warning Malformed suppression: unknown directive 'flowlint-disable-nextline' (did you mean 'flowlint-disable-next-line'?); use flowlint-disable-next-line, flowlint-disable-line or flowlint-disable-file",
            "KF0002 8:25 warning Malformed suppression: unknown rule 'KF1O01' (did you mean 'KF1001'?)",
            "KF0002 8:32 warning Malformed suppression: 'because' is not a rule id; separate ids with ',' and put the reason after '--'",
            "KF0002 8:40 warning Malformed suppression: 'it' is not a rule id; separate ids with ',' and put the reason after '--'",
            "KF0002 8:43 warning Malformed suppression: 'is' is not a rule id; separate ids with ',' and put the reason after '--'",
            "KF0002 8:46 warning Malformed suppression: 'fine' is not a rule id; separate ids with ',' and put the reason after '--'",
            "KF0002 9:25 warning Malformed suppression: 'KF1' is not a rule id; suppressions name exact rules (e.g. KF1001), not prefixes",
            "KF0002 10:1 warning Malformed suppression: no rule id; write the ids it is for, e.g. '# flowlint-disable-file KF1001 -- reason'",
            "KF0002 11:1 warning Misplaced suppression: 'flowlint-disable-line' applies to the code before it on the same line, and there is none; on a line of its own, use 'flowlint-disable-next-line'",
        });
        // None of them suppressed the finding.
        result.Single(d => d.Id == "KF1001").IsSuppressed.ShouldBeFalse();
    }

    [TestMethod]
    public void A_suppression_of_a_rule_that_is_off_is_not_reported_as_unused()
    {
        const string yaml = Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    # flowlint-disable-next-line KF1001\n" +
            "    message: \"{{ secret('A') }}\"\n";
        var off = new RulePolicy(new FlowLintConfiguration(rules: new Dictionary<string, RuleConfiguration> { ["KF1001"] = new(ConfiguredSeverity.None) }), RuleSelection.All);
        Run(yaml, off).ShouldBeEmpty();
        RuleSelection.TryParse(new[] { "KF3" }, null, RuleCatalog.AllDescriptors(), out var onlyExpressions, out _).ShouldBeTrue();
        Run(yaml, new RulePolicy(FlowLintConfiguration.Default, onlyExpressions!)).ShouldBeEmpty();
    }

    [TestMethod]
    public void A_suppressed_finding_keeps_its_configured_severity()
    {
        var policy = new RulePolicy(new FlowLintConfiguration(rules: new Dictionary<string, RuleConfiguration> { ["KF1001"] = new(ConfiguredSeverity.Note) }), RuleSelection.All);
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('A') }}\" # flowlint-disable-line KF1001 -- why\n", policy);
        var finding = result.ShouldHaveSingleItem();
        finding.IsSuppressed.ShouldBeTrue();
        finding.Severity.ShouldBe(DiagnosticSeverity.Note);
    }

    [TestMethod]
    public void KF0002_can_itself_be_suppressed_and_follows_configuration()
    {
        const string yaml = Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    # flowlint-disable-next-line KF1001\n" +
            "    message: Hello\n";
        Describe(Run(yaml + "# flowlint-disable-file KF0002 -- template kept for later\n"))
            .ShouldBe(new[] { "KF0002 6:5 suppressed(template kept for later)" });
        var asError = new RulePolicy(new FlowLintConfiguration(rules: new Dictionary<string, RuleConfiguration> { ["KF0002"] = new(ConfiguredSeverity.Error) }), RuleSelection.All);
        Describe(Run(yaml, asError)).ShouldBe(new[] { "KF0002 6:5 error" });
        var off = new RulePolicy(new FlowLintConfiguration(categories: new Dictionary<string, ConfiguredSeverity> { ["FlowLint"] = ConfiguredSeverity.None }), RuleSelection.All);
        Run(yaml, off).ShouldBeEmpty();
    }

    [TestMethod]
    public void Unused_suppressions_are_not_reported_in_a_file_that_is_not_valid_yaml()
    {
        var result = Run(Header +
            "  # flowlint-disable-next-line KF1001\n" +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"unclosed\n");
        result.ShouldNotContain(d => d.Id == "KF0002");
        result.ShouldContain(d => d.Id == "KF4001");
    }

    [TestMethod]
    public void A_line_and_a_file_suppression_of_the_same_finding_are_both_used_and_the_line_gives_the_reason()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('A') }}\" # flowlint-disable-line KF1001 -- line reason\n" +
            "# flowlint-disable-file KF1001 -- file reason\n");
        Describe(result).ShouldBe(new[] { "KF1001 6:18 suppressed(line reason)" });
    }

    [TestMethod]
    public void Next_line_above_a_nested_mapping_covers_all_of_it()
    {
        var result = Run(Header +
            "  - id: parallel\n" +
            "    type: io.kestra.plugin.core.flow.Parallel\n" +
            "    # flowlint-disable-next-line KF1001\n" +
            "    tasks:\n" +
            "      - id: a\n" +
            "        type: io.kestra.plugin.core.log.Log\n" +
            "        message: \"{{ secret('A') }}\"\n" +
            "      - id: b\n" +
            "        type: io.kestra.plugin.core.log.Log\n" +
            "        message: \"{{ secret('B') }}\"\n" +
            "  - id: after\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"{{ secret('C') }}\"\n");
        Describe(result).ShouldBe(new[] { "KF1001 10:22 suppressed()", "KF1001 13:22 suppressed()", "KF1001 16:18 error" });
    }

    [TestMethod]
    public void Next_line_at_the_end_of_the_file_is_misplaced()
    {
        var result = Run(Header +
            "  - id: log\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: Hello\n" +
            "# flowlint-disable-next-line KF1001\n" +
            "\n");
        var misplaced = result.ShouldHaveSingleItem();
        Describe(misplaced).ShouldBe("KF0002 7:1 warning");
        misplaced.Message.ShouldBe("Misplaced suppression: no line follows this 'flowlint-disable-next-line'");
    }

    [TestMethod]
    public void Each_document_of_a_multi_document_file_is_covered_on_its_own_lines()
    {
        const string flow = "id: a\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n";
        var result = Run(
            flow + "    # flowlint-disable-next-line KF1001\n    message: \"{{ secret('A') }}\"\n" +
            "---\n" +
            flow + "    message: \"{{ secret('B') }}\"\n");
        Describe(result).ShouldBe(new[] { "KF1001 7:18 suppressed()", "KF1001 14:18 error" });
    }

    [TestMethod]
    [DataRow("# flowlint-disable-line KF1001", true)]
    [DataRow("a: b # FlowLint-Disable-Next-Line KF1001", true)]
    [DataRow("flowlint-disable", true)]
    [DataRow("wwwflowlint-disable", true)]
    [DataRow("flowlint-disabl", false)]
    [DataRow("w", false)]
    [DataRow("", false)]
    [DataRow("www.example.com: flowlint disable", false)]
    [DataRow("id: x\nnamespace: company.team # flowlint-disable", true)]
    public void The_directive_pre_check_finds_the_marker_in_any_case_and_nothing_else(string text, bool expected)
    {
        Kestra.FlowLint.Analysis.Suppression.InlineSuppressions.MayContainDirectives(new SourceText(text)).ShouldBe(expected);
    }
}
