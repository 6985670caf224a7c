using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Text;
using static Kestra.FlowLint.Tests.Reporting.ReportTestData;

namespace Kestra.FlowLint.Tests.Reporting;

[TestClass]
public class TextReportWriterTests
{
    private const string Flow =
        "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ secret('X') }}\"\n";

    private static readonly TextReportWriter Writer = new();

    private static string Render(params Diagnostic[] diagnostics) => Write(Writer, Report(diagnostics));

    [TestMethod]
    public void Prints_the_line_the_code_frame_and_the_help_link()
    {
        var text = new SourceText(Flow, "flow.yaml");
        Render(At(Finding, text, "secret('X')", "found it")).ShouldBe(Lines(
            "flow.yaml:6:18: warning[KF9001]: found it",
            "6 |     message: \"{{ secret('X') }}\"",
            "  |                  ^~~~~~~~~~~",
            "  = help: https://github.com/kestra-flowlint/flowlint/blob/main/rules.md#kf9001",
            "",
            "0 errors, 1 warning, 0 notes in 1 file"));
    }

    [TestMethod]
    public void A_crlf_file_prints_exactly_what_the_lf_file_prints()
    {
        var lf = new SourceText(Flow, "flow.yaml");
        var crlf = new SourceText(Flow.Replace("\n", "\r\n"), "flow.yaml");
        string expected = Render(At(Finding, lf, "secret('X')", "found it"));
        string actual = Render(At(Finding, crlf, "secret('X')", "found it"));
        actual.ShouldBe(expected);
        actual.ShouldNotContain("\r");
    }

    [TestMethod]
    public void Tabs_expand_to_the_same_stops_in_the_source_and_the_underline()
    {
        // 'a' sits at display column 10, so the first tab fills one cell and the second three (stops every 4).
        var text = new SourceText("id: t\nnamespace: n\ntasks:\n  - id: s\n    type: x\n    cmd: \"a\tb\t{{ oops }}\"\n", "flow.yaml");
        Render(At(Finding, text, "oops", "m"), At(Finding, text, "b\t{{", "over a tab")).ShouldBe(Lines(
            "flow.yaml:6:13: warning[KF9001]: over a tab",
            "6 |     cmd: \"a b   {{ oops }}\"",
            "  |             ^~~~~~",
            "  = help: " + HelpBase + "kf9001",
            "",
            "flow.yaml:6:18: warning[KF9001]: m",
            "6 |     cmd: \"a b   {{ oops }}\"",
            "  |                    ^~~~",
            "  = help: " + HelpBase + "kf9001",
            "",
            "0 errors, 2 warnings, 0 notes in 1 file"));
    }

    [TestMethod]
    public void Tab_indented_lines_keep_the_underline_under_the_span()
    {
        const string source = "\tkey: {{ x }}\n\t\tmore\nrest: 1\n";
        var text = new SourceText(source, "flow.yaml");
        int end = source.IndexOf("more", StringComparison.Ordinal) + 4;
        Render(At(Finding, text, "x", "one line"), Diagnostic.Create(Finding, text, TextSpan.FromBounds(1, end), "two lines")).ShouldBe(Lines(
            "flow.yaml:1:2: warning[KF9001]: two lines",
            "1 |     key: {{ x }}",
            "  |     ^~~~~~~~~~~~",
            "2 |         more",
            "  |         ~~~~",
            "  = help: " + HelpBase + "kf9001",
            "",
            "flow.yaml:1:10: warning[KF9001]: one line",
            "1 |     key: {{ x }}",
            "  |             ^",
            "  = help: " + HelpBase + "kf9001",
            "",
            "0 errors, 2 warnings, 0 notes in 1 file"));
    }

    [TestMethod]
    public void Wide_characters_take_two_cells_and_columns_stay_utf16()
    {
        var text = new SourceText("id: t\nnamespace: n\ntasks:\n  - id: s\n    type: x\n    message: \"名前 😀 {{ x }}\"\n", "flow.yaml");
        // The printed column counts UTF-16 units (the emoji is two); the underline counts terminal cells.
        Render(At(Finding, text, "x }}", "after"), At(Finding, text, "名前", "over")).ShouldBe(Lines(
            "flow.yaml:6:15: warning[KF9001]: over",
            "6 |     message: \"名前 😀 {{ x }}\"",
            "  |               ^~~~",
            "  = help: " + HelpBase + "kf9001",
            "",
            "flow.yaml:6:24: warning[KF9001]: after",
            "6 |     message: \"名前 😀 {{ x }}\"",
            "  |                          ^~~~",
            "  = help: " + HelpBase + "kf9001",
            "",
            "0 errors, 2 warnings, 0 notes in 1 file"));
    }

    [TestMethod]
    public void A_multi_line_span_shows_each_line_with_a_gutter_as_wide_as_its_last_line_number()
    {
        var text = new SourceText(MultiLineFlow, "flow.yaml");
        int start = MultiLineFlow.IndexOf("|\n", StringComparison.Ordinal);
        int end = MultiLineFlow.IndexOf("echo two", StringComparison.Ordinal) + "echo two".Length;
        var d = Diagnostic.Create(Finding, text, TextSpan.FromBounds(start, end), "block");
        Render(d).ShouldBe(Lines(
            "flow.yaml:9:13: warning[KF9001]: block",
            " 9 |     script: |",
            "   |             ^",
            "10 |       echo one",
            "   |       ~~~~~~~~",
            "11 |       echo two",
            "   |       ~~~~~~~~",
            "  = help: " + HelpBase + "kf9001",
            "",
            "0 errors, 1 warning, 0 notes in 1 file"));
    }

    [TestMethod]
    public void A_span_ending_with_a_line_break_does_not_show_the_next_line()
    {
        var text = new SourceText(MultiLineFlow, "flow.yaml");
        int start = MultiLineFlow.IndexOf("echo one", StringComparison.Ordinal);
        var d = Diagnostic.Create(Finding, text, new TextSpan(start, "echo one\n".Length), "line");
        Render(d).ShouldBe(Lines(
            "flow.yaml:10:7: warning[KF9001]: line",
            "10 |       echo one",
            "   |       ^~~~~~~~",
            "  = help: " + HelpBase + "kf9001",
            "",
            "0 errors, 1 warning, 0 notes in 1 file"));
    }

    [TestMethod]
    public void A_long_multi_line_span_is_elided_in_the_middle()
    {
        var text = new SourceText(MultiLineFlow, "flow.yaml");
        var d = Diagnostic.Create(Finding, text, new TextSpan(0, MultiLineFlow.Length), "whole");
        Render(d).ShouldBe(Lines(
            "flow.yaml:1:1: warning[KF9001]: whole",
            " 1 | id: multi",
            "   | ^~~~~~~~~",
            " 2 | namespace: company.team",
            "   | ~~~~~~~~~~~~~~~~~~~~~~~",
            " 3 | tasks:",
            "   | ~~~~~~",
            "...",
            "11 |       echo two",
            "   |       ~~~~~~~~",
            "12 |       echo three",
            "   |       ~~~~~~~~~~",
            "  = help: " + HelpBase + "kf9001",
            "",
            "0 errors, 1 warning, 0 notes in 1 file"));
    }

    [TestMethod]
    public void An_empty_span_points_one_caret_at_its_position()
    {
        var text = new SourceText(Flow, "flow.yaml");
        int endOfLine6 = Flow.IndexOf("}}\"", StringComparison.Ordinal) + 3;
        Render(Diagnostic.Create(ErrorFinding, text, new TextSpan(endOfLine6, 0), "missing")).ShouldBe(Lines(
            "flow.yaml:6:33: error[KF9002]: missing",
            "6 |     message: \"{{ secret('X') }}\"",
            "  |                                 ^",
            "  = help: " + HelpBase + "kf9002",
            "",
            "1 error, 0 warnings, 0 notes in 1 file"));
    }

    [TestMethod]
    public void A_redacted_span_is_masked_with_stars_of_the_same_width()
    {
        var text = new SourceText("url: jdbc:postgresql://db\npassword: hunter2\t# ok\nuser: kestra\n", "application.yml");
        string output = Render(At(Credential, text, "hunter2\t", "password"));
        output.ShouldBe(Lines(
            "application.yml:2:11: error[KF9003]: A credential is hard-coded in 'password'",
            "2 | password: **********# ok",
            "  |           ^~~~~~~~~~",
            "  = help: " + HelpBase + "kf9003",
            "",
            "1 error, 0 warnings, 0 notes in 1 file"));
        output.ShouldNotContain("hunter");
    }

    [TestMethod]
    public void A_redacted_multi_line_span_masks_every_line_it_covers()
    {
        const string yaml = "key: |\n  -----BEGIN KEY-----\n  c2VjcmV0\n  -----END KEY-----\nnext: 1\n";
        var text = new SourceText(yaml, "application.yml");
        int start = yaml.IndexOf("-----BEGIN", StringComparison.Ordinal);
        int end = yaml.IndexOf("next", StringComparison.Ordinal) - 1;
        string output = Render(Diagnostic.Create(Credential, text, TextSpan.FromBounds(start, end), "key"));
        output.ShouldNotContain("BEGIN");
        output.ShouldNotContain("c2Vj");
        output.ShouldContain("3 |   ********\n  |   ~~~~~~~~\n");
    }

    [TestMethod]
    public void Terminal_control_characters_in_the_source_are_shown_not_obeyed()
    {
        var text = new SourceText("id: t\nmessage: \"\u001b[31m\u202Ered {{ x }}\"\n", "flow.yaml");
        string output = Render(At(Finding, text, "x }}", "m"));
        output.ShouldNotContain("\u001b");
        output.ShouldNotContain("\u202E");
        output.ShouldContain("2 | message: \"\u241B[31m\uFFFDred {{ x }}\"\n  |                        ^~~~\n");
    }

    [TestMethod]
    public void A_very_long_line_is_cut_to_a_window_around_the_span()
    {
        string line = "    message: \"" + new string('a', 300) + " {{ x }} " + new string('b', 300) + "\"";
        var text = new SourceText("id: t\n" + line + "\n", "flow.yaml");
        string[] rows = Render(At(Finding, text, "x }}", "m")).Split('\n');
        rows[1].ShouldStartWith("2 | \u2026aaaa");
        rows[1].ShouldEndWith("bbb\u2026");
        (rows[1].Length - "2 | ".Length).ShouldBe(CodeFrame.MaxWidth + 2);
        rows[2].IndexOf('^').ShouldBe(rows[1].IndexOf("x }}", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Findings_without_text_have_no_frame()
    {
        var empty = new SourceText(string.Empty, "binary.yaml");
        Render(Diagnostic.Create(EngineDiagnostics.UnreadableFile, empty, new TextSpan(0, 0), "not UTF-8")).ShouldBe(Lines(
            "binary.yaml:1:1: error[KF0004]: Cannot read the file: not UTF-8",
            "  = help: " + HelpBase + "kf0004",
            "",
            "1 error, 0 warnings, 0 notes in 1 file"));
    }

    [TestMethod]
    public void Suppressed_findings_are_left_out_and_only_counted()
    {
        var text = new SourceText(Flow, "flow.yaml");
        var kept = At(ErrorFinding, text, "namespace", "kept");
        var hidden = At(Finding, text, "secret('X')", "hidden").WithSuppression(SuppressionKind.InSource, "tested");
        string output = Render(hidden, kept);
        output.ShouldNotContain("hidden");
        output.ShouldStartWith("flow.yaml:2:1: error[KF9002]: kept\n");
        output.ShouldEndWith("\n\n1 error, 0 warnings, 0 notes in 1 file (1 suppressed)\n");
    }

    [TestMethod]
    public void Findings_are_printed_in_path_line_column_order_whatever_the_input_order()
    {
        var a = new SourceText(Flow, "a.yaml");
        var b = new SourceText(Flow, "b.yaml");
        var findings = new[] { At(Finding, b, "tasks", "3"), At(Finding, a, "secret", "2"), At(Finding, a, "id: hello", "1") };
        string output = Render(findings);
        var headers = output.Split('\n').Where(l => l.Contains("[KF9001]", StringComparison.Ordinal)).ToList();
        headers.ShouldBe(new[] { "a.yaml:1:1: warning[KF9001]: 1", "a.yaml:6:18: warning[KF9001]: 2", "b.yaml:3:1: warning[KF9001]: 3" });
        Render(findings.Reverse().ToArray()).ShouldBe(output);
    }

    [TestMethod]
    public void An_empty_run_prints_only_the_summary()
    {
        var report = new RunReport(Array.Empty<Diagnostic>(), Array.Empty<DiagnosticDescriptor>(), new RunSummary { Files = 3, Flows = 3 });
        Write(Writer, report).ShouldBe("0 errors, 0 warnings, 0 notes in 3 files\n");
    }

    [TestMethod]
    public void The_summary_line_counts_each_severity_in_singular_or_plural()
    {
        TextReportWriter.SummaryLine(new RunSummary { Errors = 3, Warnings = 1, Notes = 0, Files = 5, Suppressed = 2 })
            .ShouldBe("3 errors, 1 warning, 0 notes in 5 files (2 suppressed)");
        TextReportWriter.SummaryLine(new RunSummary { Errors = 1, Warnings = 0, Notes = 1, Files = 1 })
            .ShouldBe("1 error, 0 warnings, 1 note in 1 file");
    }

    [TestMethod]
    public void Colour_paints_the_severity_gutter_and_carets_and_nothing_else()
    {
        var text = new SourceText(Flow, "flow.yaml");
        string output = Write(Writer, Report(true, At(Finding, text, "secret('X')", "found it")));
        output.ShouldBe(Lines(
            "flow.yaml:6:18: \u001b[1;33mwarning\u001b[0m\u001b[1m[KF9001]\u001b[0m: found it",
            "\u001b[1;34m6 |\u001b[0m     message: \"{{ secret('X') }}\"",
            "\u001b[1;34m  |\u001b[0m                  \u001b[1;33m^~~~~~~~~~~\u001b[0m",
            "  \u001b[1m= help:\u001b[0m " + HelpBase + "kf9001",
            "",
            "0 errors, 1 warning, 0 notes in 1 file"));
        Render(At(Finding, text, "secret('X')", "found it")).ShouldNotContain("\u001b");
    }

    private const string MultiLineFlow =
        "id: multi\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: a\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: hi\n" +
        "  - id: b\n" +
        "    type: io.kestra.plugin.scripts.shell.Commands\n" +
        "    script: |\n" +
        "      echo one\n" +
        "      echo two\n" +
        "      echo three\n";
}
