using System.IO;
using System.Text;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Cli;

/// <summary>`check --fix` and `check --diff` end to end, on copies in a temporary folder.</summary>
[TestClass]
[DoNotParallelize]
public class FixCommandTests
{
    private const string Flow =
        "id: hello\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: log\n" +
        "    type: io.kestra.core.tasks.log.Log # old name\n" +
        "    message: \"{{ json(execution.id) }}\"\n" +
        "  - id: echo\n" +
        "    type: io.kestra.plugin.core.debug.Echo\n" +
        "    format: hi\n";

    private const string Fixed =
        "id: hello\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: log\n" +
        "    type: io.kestra.plugin.core.log.Log # old name\n" +
        "    message: \"{{ fromJson(execution.id) }}\"\n" +
        "  - id: echo\n" +
        "    type: io.kestra.plugin.core.debug.Echo\n" +
        "    format: hi\n";

    private string _folder = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "flowlint-fix-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [TestMethod]
    public void Fix_rewrites_the_file_lists_each_fix_and_reports_what_is_left()
    {
        string path = Write("flow.yaml", Encoding.UTF8.GetBytes(Flow));
        var (code, stdout, stderr) = CliRunner.RunIn(_folder, "", "check", "flow.yaml", "--fix", "--fail-on", "warning");
        File.ReadAllText(path).ShouldBe(Fixed);
        stderr.ShouldContain("flow.yaml:5:11: fixed KF5001: Rename to io.kestra.plugin.core.log.Log\n");
        stderr.ShouldContain("flow.yaml:6:18: fixed KF5004: Rename to fromJson\n");
        stderr.ShouldContain("2 fix(es) applied to 1 file(s)\n");
        // Only the deprecated Echo (no automatic fix) is left, and it still fails a --fail-on warning gate.
        CliRunner.OutputLines(stdout).ShouldBe(new[] { "flow.yaml:8:11: warning[KF5001]: Type 'io.kestra.plugin.core.debug.Echo' is deprecated: use io.kestra.plugin.core.log.Log; its `format` becomes `message` (not a rename, so no automatic fix)" });
        code.ShouldBe(1);

        // Idempotent: a second run finds nothing to fix and leaves the file alone.
        var stamp = File.GetLastWriteTimeUtc(path);
        var again = CliRunner.RunIn(_folder, "", "check", "flow.yaml", "--fix", "--fail-on", "none");
        again.Stderr.ShouldContain("0 fix(es) applied to 0 file(s)");
        File.GetLastWriteTimeUtc(path).ShouldBe(stamp);
        again.ExitCode.ShouldBe(0);
    }

    [TestMethod]
    public void Fix_keeps_the_bom_and_crlf_line_endings()
    {
        byte[] bom = { 0xEF, 0xBB, 0xBF };
        string path = Write("flow.yaml", bom.Concat(Encoding.UTF8.GetBytes(Flow.Replace("\n", "\r\n"))).ToArray());
        CliRunner.RunIn(_folder, "", "check", "flow.yaml", "--fix", "--fail-on", "none").ExitCode.ShouldBe(0);
        File.ReadAllBytes(path).ShouldBe(bom.Concat(Encoding.UTF8.GetBytes(Fixed.Replace("\n", "\r\n"))).ToArray());
    }

    [TestMethod]
    public void Diff_prints_a_unified_diff_and_writes_nothing()
    {
        string path = Write("flow.yaml", Encoding.UTF8.GetBytes(Flow));
        var (code, stdout, stderr) = CliRunner.RunIn(_folder, "", "check", "flow.yaml", "--diff");
        stdout.ShouldBe(
            "--- a/flow.yaml\n+++ b/flow.yaml\n@@ -2,8 +2,8 @@\n namespace: company.team\n tasks:\n   - id: log\n" +
            "-    type: io.kestra.core.tasks.log.Log # old name\n-    message: \"{{ json(execution.id) }}\"\n" +
            "+    type: io.kestra.plugin.core.log.Log # old name\n+    message: \"{{ fromJson(execution.id) }}\"\n" +
            "   - id: echo\n     type: io.kestra.plugin.core.debug.Echo\n     format: hi\n");
        stderr.ShouldContain("flow.yaml:5:11: would fix KF5001: Rename to io.kestra.plugin.core.log.Log\n");
        stderr.ShouldContain("2 fix(es) would be applied to 1 file(s)");
        code.ShouldBe(1, "--diff exits 1 when there is something to fix");
        File.ReadAllText(path).ShouldBe(Flow);

        File.WriteAllText(path, Fixed);
        var clean = CliRunner.RunIn(_folder, "", "check", "flow.yaml", "--diff");
        clean.Stdout.ShouldBeEmpty();
        clean.ExitCode.ShouldBe(0);
    }

    [TestMethod]
    public void Fix_on_standard_input_prints_the_fixed_text_and_reports_on_stderr()
    {
        var (code, stdout, stderr) = CliRunner.RunIn(_folder, Flow, "check", "-", "--stdin-filename", "flows/hello.yaml", "--fix", "--fail-on", "warning");
        stdout.ShouldBe(Fixed);
        stderr.ShouldContain("flows/hello.yaml:5:11: fixed KF5001: Rename to io.kestra.plugin.core.log.Log");
        stderr.ShouldContain("flows/hello.yaml:8:11: warning[KF5001]: Type 'io.kestra.plugin.core.debug.Echo' is deprecated");
        code.ShouldBe(1);
    }

    [TestMethod]
    public void Suppressed_and_unselected_findings_are_not_fixed()
    {
        string suppressed = Flow.Replace("  - id: log\n", "  - id: log\n    # flowlint-disable-next-line KF5001 -- pinned until the upgrade\n");
        string path = Write("flow.yaml", Encoding.UTF8.GetBytes(suppressed));
        CliRunner.RunIn(_folder, "", "check", "flow.yaml", "--fix", "--fail-on", "none").ExitCode.ShouldBe(0);
        File.ReadAllText(path).ShouldBe(suppressed.Replace("json(", "fromJson("));

        File.WriteAllText(path, Flow);
        CliRunner.RunIn(_folder, "", "check", "flow.yaml", "--fix", "--ignore", "KF5004", "--fail-on", "none").ExitCode.ShouldBe(0);
        File.ReadAllText(path).ShouldBe(Flow.Replace("io.kestra.core.tasks.log.Log", "io.kestra.plugin.core.log.Log"));
    }

    [TestMethod]
    public void Baselined_findings_are_not_fixed()
    {
        string path = Write("flow.yaml", Encoding.UTF8.GetBytes(Flow));
        CliRunner.RunIn(_folder, "", "baseline", "create", "flow.yaml").ExitCode.ShouldBe(0);
        var (code, _, stderr) = CliRunner.RunIn(_folder, "", "check", "flow.yaml", "--fix", "--baseline", ".flowlint-baseline.json", "--fail-on", "warning");
        stderr.ShouldContain("0 fix(es) applied to 0 file(s)");
        File.ReadAllText(path).ShouldBe(Flow, "a recorded finding is accepted as it is, fix included");
        code.ShouldBe(0);
    }
}
