using System.IO;
using System.Text.Json;
using Kestra.FlowLint.Baseline;
using Kestra.FlowLint.Tests.Cli;
using static Kestra.FlowLint.Tests.Sarif.ReportFixture;

namespace Kestra.FlowLint.Tests.Baseline;

[TestClass]
[DoNotParallelize]
public class BaselineTests
{
    private const string RemovedTag =
        "id: hello\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: greet\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: \"{% include 'header' %}\"\n";

    private const string SecretInLog =
        "id: deploy\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: debug\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: \"Token: {{ secret('GITHUB_TOKEN') }}\"\n";

    private const string BaselineName = ".flowlint-baseline.json";

    private static string Repository(params (string Path, string Text)[] files)
    {
        string root = NewRepository("flowlint-baseline");
        foreach (var (path, text) in files) WriteFile(root, path, text);
        return root;
    }

    private static void WriteFile(string root, string path, string text)
    {
        string full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static (int ExitCode, string Stdout, string Stderr) Flowlint(string folder, params string[] args) => CliRunner.RunIn(folder, "", args);

    [TestMethod]
    public void Create_records_every_finding_in_a_sorted_versioned_file()
    {
        string root = Repository(("flows/b.yaml", SecretInLog), ("flows/a.yaml", RemovedTag));
        var (code, stdout, stderr) = Flowlint(root, "baseline", "create", "flows");
        code.ShouldBe(0, stderr);
        Kestra.FlowLint.Tests.Cli.CliRunner.OutputLines(stdout).ShouldBeEmpty();
        stderr.ShouldContain("flowlint: 2 finding(s) recorded in .flowlint-baseline.json");

        byte[] bytes = File.ReadAllBytes(Path.Combine(root, BaselineName));
        bytes[0].ShouldBe((byte)'{', "no byte order mark");
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        text.ShouldEndWith("}\n");
        text.ShouldNotContain("\r");
        var json = JsonDocument.Parse(text).RootElement;
        json.GetProperty("version").GetInt32().ShouldBe(1);
        json.GetProperty("fingerprint").GetString().ShouldBe("flowlint/v1");
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        findings.Select(f => f.GetProperty("path").GetString() + " " + f.GetProperty("ruleId").GetString())
            .ShouldBe(new[] { "flows/a.yaml KF3010", "flows/b.yaml KF1001" });
        findings[1].GetProperty("message").GetString().ShouldBe("secret('GITHUB_TOKEN') is written to the logs by task 'debug'");
        findings.ShouldAllBe(f => f.GetProperty("fingerprint").GetString()!.Length == 32);
        text.ShouldStartWith("{\n  \"version\": 1,\n  \"fingerprint\": \"flowlint/v1\",\n  \"findings\": [\n    {\n      \"path\": \"flows/a.yaml\",\n");

        Flowlint(root, "baseline", "create", "flows").ExitCode.ShouldBe(0);
        File.ReadAllBytes(Path.Combine(root, BaselineName)).ShouldBe(bytes, "the same findings give the same bytes");
    }

    [TestMethod]
    public void Check_with_the_baseline_passes_and_only_new_findings_fail()
    {
        string root = Repository(("flows/a.yaml", RemovedTag), ("flows/b.yaml", SecretInLog));
        Flowlint(root, "baseline", "create", "flows").ExitCode.ShouldBe(0);

        var (code, stdout, stderr) = Flowlint(root, "check", "flows", "--baseline", BaselineName);
        code.ShouldBe(0, stderr);
        Kestra.FlowLint.Tests.Cli.CliRunner.OutputLines(stdout).ShouldBeEmpty();
        stderr.ShouldContain("flowlint: 2 finding(s) suppressed by the baseline .flowlint-baseline.json\n");
        stderr.ShouldContain("0 error(s), 0 warning(s), 0 note(s), 2 suppressed");

        WriteFile(root, "flows/a.yaml", RemovedTag + "  - id: added\n    type: io.kestra.plugin.core.log.Log\n    message: \"{% import 'macros' %}\"\n");
        (code, stdout, _) = Flowlint(root, "check", "flows", "--baseline", BaselineName);
        code.ShouldBe(1);
        Kestra.FlowLint.Tests.Cli.CliRunner.OutputLines(stdout).ShouldHaveSingleItem().ShouldStartWith("flows/a.yaml:9:18: error[KF3010]: ");
    }

    [TestMethod]
    public void A_finding_stays_baselined_when_the_flow_is_edited_above_it()
    {
        string root = Repository(("flows/a.yaml", RemovedTag), ("flows/b.yaml", SecretInLog));
        Flowlint(root, "baseline", "create", "flows").ExitCode.ShouldBe(0);

        // A new task above, a comment, blank lines and CRLF line ends: the findings move, their fingerprints do not.
        string edited = RemovedTag.Replace("tasks:\n", "# deployed by CI\n\ntasks:\n  - id: first\n    type: io.kestra.plugin.core.log.Log\n    message: hello\n\n");
        WriteFile(root, "flows/a.yaml", edited.Replace("\n", "\r\n"));
        WriteFile(root, "flows/b.yaml", "# owner: platform team\n" + SecretInLog);
        Flowlint(root, "check", "flows").Stdout.ShouldContain("flows/a.yaml:12:18: error[KF3010]", Case.Sensitive, "without the baseline, the moved finding is reported");

        var (code, stdout, stderr) = Flowlint(root, "check", "flows", "--baseline", BaselineName);
        Kestra.FlowLint.Tests.Cli.CliRunner.OutputLines(stdout).ShouldBeEmpty();
        code.ShouldBe(0);
        stderr.ShouldContain("2 finding(s) suppressed by the baseline");
        stderr.ShouldNotContain("no longer match");
    }

    [TestMethod]
    public void Paths_are_relative_to_the_repository_root_wherever_flowlint_runs()
    {
        string root = Repository(("flows/a.yaml", RemovedTag));
        Flowlint(root, "baseline", "create", "flows").ExitCode.ShouldBe(0);
        var (code, stdout, _) = Flowlint(Path.Combine(root, "flows"), "check", ".", "--baseline", Path.Combine("..", BaselineName));
        code.ShouldBe(0);
        Kestra.FlowLint.Tests.Cli.CliRunner.OutputLines(stdout).ShouldBeEmpty();
    }

    [TestMethod]
    public void Stale_entries_are_reported_and_prune_removes_them_but_keeps_files_it_did_not_analyse()
    {
        string root = Repository(("flows/a.yaml", RemovedTag), ("flows/b.yaml", SecretInLog), ("flows/c.yaml", RemovedTag));
        Flowlint(root, "baseline", "create", "flows").ExitCode.ShouldBe(0);

        WriteFile(root, "flows/a.yaml", RemovedTag.Replace("{% include 'header' %}", "hello"));
        File.Delete(Path.Combine(root, "flows/c.yaml"));
        var check = Flowlint(root, "check", "flows", "--baseline", BaselineName);
        check.ExitCode.ShouldBe(0);
        check.Stderr.ShouldContain("1 finding(s) suppressed by the baseline .flowlint-baseline.json; 1 of its entries no longer match (flowlint baseline prune --baseline .flowlint-baseline.json removes them)");

        // Only a.yaml is analysed: its fixed entry goes, b.yaml's stays (not analysed, still there), c.yaml's goes (deleted).
        var (code, _, stderr) = Flowlint(root, "baseline", "prune", "--baseline", BaselineName, "flows/a.yaml");
        code.ShouldBe(0, stderr);
        stderr.ShouldContain("flowlint: removed 2 of 3 baseline entries from .flowlint-baseline.json");
        var remaining = BaselineFile.Load(Path.Combine(root, BaselineName)).Findings;
        remaining.Select(f => f.Path + " " + f.RuleId).ShouldBe(new[] { "flows/b.yaml KF1001" });
    }

    [TestMethod]
    public void A_missing_or_broken_baseline_is_a_usage_error()
    {
        string root = Repository(("flows/a.yaml", RemovedTag));
        var missing = Flowlint(root, "check", "flows", "--baseline", "nope.json");
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldStartWith("flowlint: cannot read the baseline nope.json: ");

        WriteFile(root, "broken.json", "{ \"version\": 1, \"findings\": [ ");
        var broken = Flowlint(root, "check", "flows", "--baseline", "broken.json");
        broken.ExitCode.ShouldBe(2);
        broken.Stderr.ShouldStartWith("flowlint: the baseline broken.json is not valid JSON: ");

        WriteFile(root, "future.json", "{ \"version\": 2, \"fingerprint\": \"flowlint/v1\", \"findings\": [] }");
        var future = Flowlint(root, "check", "flows", "--baseline", "future.json");
        future.ExitCode.ShouldBe(2);
        future.Stderr.ShouldContain("the baseline future.json has version 2; this FlowLint reads version 1");

        Flowlint(root, "baseline", "prune", "--baseline", "nope.json", "flows").ExitCode.ShouldBe(2);
    }

    [TestMethod]
    public void Baselined_findings_are_left_out_of_sarif_unless_included_as_external_suppressions()
    {
        string root = Repository(("flows/a.yaml", RemovedTag));
        Flowlint(root, "baseline", "create", "flows").ExitCode.ShouldBe(0);

        var (code, stdout, _) = Flowlint(root, "check", "flows", "--baseline", BaselineName, "--format", "sarif");
        code.ShouldBe(0);
        Results(JsonDocument.Parse(stdout).RootElement).ShouldBeEmpty();

        (code, stdout, _) = Flowlint(root, "check", "flows", "--baseline", BaselineName, "--format", "sarif", "--sarif-include-suppressed");
        code.ShouldBe(0, "a suppressed finding never fails the gate, even when written");
        var suppression = Results(JsonDocument.Parse(stdout).RootElement).Single().GetProperty("suppressions")[0];
        suppression.Property("kind").ShouldBe("external");
        suppression.Property("justification").ShouldBe("Recorded in the baseline .flowlint-baseline.json");
    }

    [TestMethod]
    public void Fail_on_keeps_working_with_sarif()
    {
        string root = Repository(("flows/a.yaml", RemovedTag));
        Flowlint(root, "check", "flows", "--format", "sarif").ExitCode.ShouldBe(1);
        Flowlint(root, "check", "flows", "--format", "sarif", "--fail-on", "none").ExitCode.ShouldBe(0);
    }
}
