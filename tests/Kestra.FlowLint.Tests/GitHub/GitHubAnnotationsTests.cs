using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Tests.Cli;
using Kestra.FlowLint.Text;
using static Kestra.FlowLint.Tests.Sarif.ReportFixture;

namespace Kestra.FlowLint.Tests.GitHub;

[TestClass]
public class GitHubAnnotationsTests
{
    private const string RemovedTag =
        "id: hello\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: greet\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: \"{% include 'header' %}\"\n";

    private static readonly DiagnosticDescriptor Rule = new("KF3999", "t", "{0}", "Expressions", DiagnosticSeverity.Warning, "d");

    private static string Write(string root, IReadOnlyList<Diagnostic> diagnostics)
    {
        var output = new StringWriter { NewLine = "\n" };
        new GitHubAnnotationsReportWriter().Write(Report(root, diagnostics), output);
        return output.ToString();
    }

    private static Diagnostic At(string path, string text, int start, int length, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        Diagnostic.Create(Rule, new Location(new SourceText(text, path), new TextSpan(start, length)), null, null, null, message).WithSeverity(severity);

    [TestMethod]
    public void A_finding_is_one_workflow_command_with_its_full_range()
    {
        string root = NewRepository();
        string output = Write(root, Analyze(root, ("flows/hello.yaml", RemovedTag)));
        output.ShouldBe(
            "::error file=flows/hello.yaml,line=6,col=18,endLine=6,endColumn=25,title=KF3010::Unexpected tag name \"include\": Kestra removes the \"include\" tag from Pebble\n" +
            "FlowLint: 1 error, 0 warnings, 0 notes.\n");
    }

    [TestMethod]
    public void Messages_escape_percent_and_line_breaks_and_properties_also_escape_colon_and_comma()
    {
        string root = NewRepository();
        string path = Path.Combine(root, "flows/50%, a:b.yaml");
        var d = At(path, "abc\ndef\n", 4, 3, "100% sure:\r\nline two, with comma");
        Write(root, new[] { d }).Split('\n')[0].ShouldBe(
            "::warning file=flows/50%25%2C a%3Ab.yaml,line=2,col=1,endLine=2,endColumn=4,title=KF3999::100%25 sure:%0D%0Aline two, with comma");
        GitHubAnnotationsReportWriter.EscapeData("a%b\rc\nd:e,f").ShouldBe("a%25b%0Dc%0Ad:e,f");
        GitHubAnnotationsReportWriter.EscapeProperty("a%b\rc\nd:e,f").ShouldBe("a%25b%0Dc%0Ad%3Ae%2Cf");
    }

    [TestMethod]
    public void Notes_are_notices_and_the_most_severe_come_first()
    {
        string root = NewRepository();
        const string text = "0123456789\n";
        var diagnostics = new[]
        {
            At(Path.Combine(root, "a.yaml"), text, 0, 1, "note in a", DiagnosticSeverity.Note),
            At(Path.Combine(root, "b.yaml"), text, 0, 1, "warning in b"),
            At(Path.Combine(root, "c.yaml"), text, 0, 1, "error in c", DiagnosticSeverity.Error),
            At(Path.Combine(root, "d.yaml"), text, 0, 1, "warning in d"),
        };
        // "::kind message" of each command; the summary line as it is.
        Write(root, diagnostics).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.StartsWith("::", StringComparison.Ordinal) ? l.Substring(0, l.IndexOf(' ', StringComparison.Ordinal)) + " " + l.Substring(l.IndexOf("::", 2, StringComparison.Ordinal) + 2) : l)
            .ShouldBe(new[] { "::error error in c", "::warning warning in b", "::warning warning in d", "::notice note in a", "FlowLint: 1 error, 2 warnings, 1 note." });
    }

    [TestMethod]
    public void Past_ten_of_a_kind_the_summary_says_github_hides_the_rest_and_suppressed_ones_are_counted()
    {
        string root = NewRepository();
        var diagnostics = Enumerable.Range(0, 12).Select(i => At(Path.Combine(root, $"f{i:D2}.yaml"), "x\n", 0, 1, "w")).ToList();
        diagnostics.Add(At(Path.Combine(root, "s.yaml"), "x\n", 0, 1, "hidden").WithSuppression(SuppressionKind.External, "baseline"));
        var lines = Write(root, diagnostics).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(13);
        lines.ShouldNotContain(l => l.Contains("hidden", StringComparison.Ordinal));
        lines[^1].ShouldBe("FlowLint: 0 errors, 12 warnings, 0 notes, 1 suppressed. GitHub shows at most 10 annotations of each kind per step (the most severe are first); every finding is in this log.");
    }

    [TestMethod]
    public void A_finding_without_a_file_has_no_location_properties()
    {
        var d = Diagnostic.Create(EngineDiagnostics.AnalyzerCrashed, new SourceText("", ""), new TextSpan(0, 0), "KF1234", "NullReferenceException");
        GitHubAnnotationsReportWriter.Command(d, "").ShouldBe("::error title=KF0001::Rule KF1234 failed on this file with NullReferenceException; its findings for this file are missing. Please report this.");
    }

    [TestMethod]
    public void The_cli_prints_annotations_relative_to_the_repository_root_and_keeps_the_exit_code()
    {
        string root = NewRepository();
        Directory.CreateDirectory(Path.Combine(root, "flows"));
        File.WriteAllText(Path.Combine(root, "flows", "hello.yaml"), RemovedTag);
        // Run from a sub-folder: GitHub resolves annotation paths against the workspace, the repository root.
        var (code, stdout, _) = CliRunner.RunIn(Path.Combine(root, "flows"), "", "check", ".", "--format", "github");
        code.ShouldBe(1);
        stdout.ShouldStartWith("::error file=flows/hello.yaml,line=6,col=18,endLine=6,endColumn=25,title=KF3010::");
        CliRunner.RunIn(Path.Combine(root, "flows"), "", "check", ".", "--format", "github", "--fail-on", "none").ExitCode.ShouldBe(0);
    }
}
