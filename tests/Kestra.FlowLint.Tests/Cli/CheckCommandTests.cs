using System.IO;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Cli;

[TestClass]
[DoNotParallelize]
public class CheckCommandTests
{
    [TestMethod]
    public void Lints_the_examples_folder_with_exact_positions()
    {
        var (code, stdout, _) = CliRunner.Run("check", "examples/");
        code.ShouldBe(1);
        var lines = FindingLines(stdout);
        lines.ShouldContain(l => l.StartsWith("examples/flows/broken-expressions.yaml:8:38:", StringComparison.Ordinal) && l.Contains(": error[KF3001]: ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("examples/flows/broken-expressions.yaml:12:18: error[KF3010]: ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("examples/flows/broken-expressions.yaml:17:7: error[KF3011]: ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("examples/flows/invalid-yaml.yaml:6:14: error[KF4001]: Invalid YAML", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains("hello-world", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains("ci-workflow", StringComparison.Ordinal));
        var keys = lines.Select(l => l.Split(':')).Select(p => (p[0], int.Parse(p[1]), int.Parse(p[2]))).ToList();
        keys.ShouldBe(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2).ThenBy(k => k.Item3).ToList(), "findings are sorted by path, line and column");
    }

    [TestMethod]
    public void Cross_file_example_reports_the_missing_encryption_key_and_the_root_namespace_secret()
    {
        // KF2001 needs the configuration and the flow in one run: checking the folder is what brings them together.
        var (code, stdout, _) = CliRunner.Run("check", "examples/cross-file");
        code.ShouldBe(1);
        var lines = FindingLines(stdout);
        lines.ShouldContain(l => l.StartsWith("examples/cross-file/deploy.yaml:5:11: error[KF2001]: ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("examples/cross-file/nightly.yaml:", StringComparison.Ordinal) && l.Contains("[KF1003]: ", StringComparison.Ordinal));
        // The called flow is another file of the run: its input declaration decides.
        lines.ShouldContain("examples/cross-file/deploy.yaml:18:18: warning[KF1013]: secret('CHAT_TOKEN') is passed to input 'token' of flow 'company.ops.notify', declared as STRING at examples/cross-file/notify.yaml:5:11: the child execution stores and shows it in clear text; declare the input `type: SECRET`");
        lines.Length.ShouldBe(3);
    }

    [TestMethod]
    [DataRow("text")]
    [DataRow("sarif")]
    [DataRow("json")]
    public void Texts_let_go_after_analysis_are_read_again_for_the_report_with_the_same_output(string format)
    {
        // Past its text budget a run drops each file's characters and reads the file again for frames, snippets and
        // fingerprints: a budget of 0 releases every file, and the report must not change by a byte.
        string Run(long budget)
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var options = new Kestra.FlowLint.Cli.CheckOptions
            {
                Paths = new[] { Path.Combine(TestPaths.SolutionFolder, "examples") },
                Format = format, NoColor = true, Root = TestPaths.SolutionFolder, KeptTextBudget = budget,
            };
            Kestra.FlowLint.Cli.CheckCommand.Run(options, new StringReader(""), stdout, new StringWriter());
            return stdout.ToString();
        }
        string kept = Run(long.MaxValue);
        kept.Length.ShouldBeGreaterThan(1000);
        Run(0).ShouldBe(kept);
    }

    [TestMethod]
    public void Msbuild_format_has_the_full_range()
    {
        var (code, stdout, _) = CliRunner.Run("check", "examples/flows/broken-expressions.yaml", "--format", "msbuild");
        code.ShouldBe(1);
        stdout.ShouldContain("examples/flows/broken-expressions.yaml(12,18,12,25): error KF3010: ");
    }

    [TestMethod]
    public void Output_is_identical_run_to_run()
    {
        var first = CliRunner.Run("check", "examples/").Stdout;
        var second = CliRunner.Run("check", "examples/").Stdout;
        second.ShouldBe(first);
    }

    [TestMethod]
    public void Fail_on_none_exits_zero_with_findings()
    {
        var (code, stdout, _) = CliRunner.Run("check", "examples/", "--fail-on", "none");
        code.ShouldBe(0);
        stdout.ShouldNotBeEmpty();
    }

    [TestMethod]
    public void A_clean_flow_exits_zero()
    {
        var (code, stdout, stderr) = CliRunner.Run("check", "examples/flows/hello-world.yaml");
        code.ShouldBe(0);
        stdout.ShouldBe("0 errors, 0 warnings, 0 notes in 1 file\n");
        stderr.ShouldContain("1 flow(s)");
    }

    [TestMethod]
    public void Usage_errors_and_missing_input_exit_two()
    {
        CliRunner.Run("check", "does/not/exist").ExitCode.ShouldBe(2);
        CliRunner.Run("check", "--format", "nonsense", "examples/").ExitCode.ShouldBe(2);
        CliRunner.Run("check", "--no-such-option").ExitCode.ShouldBe(2);
        string empty = Directory.CreateTempSubdirectory("flowlint-empty").FullName;
        CliRunner.RunIn(empty, "", "check", ".").ExitCode.ShouldBe(2);
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes;
        public override void Write(byte[] buffer, int offset, int count) { Writes++; base.Write(buffer, offset, count); }
        public override void Write(ReadOnlySpan<byte> buffer) { Writes++; base.Write(buffer); }
    }

    [TestMethod]
    public void A_report_to_a_flushing_standard_output_is_written_in_large_pieces_and_whole()
    {
        // Standard output flushes after every write: a text report of many findings must not become a system call
        // per piece, and must come out exactly as it does to any other writer, with the writer flushing again after.
        var (_, expected, _) = CliRunner.Run("check", "examples/");
        foreach (var format in new[] { "text", "sarif" })
        {
            var (_, other, _) = CliRunner.Run("check", "--format", format, "examples/");
            var stream = new CountingStream();
            var output = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 16 * 1024) { AutoFlush = true, NewLine = "\n" };
            CliRunner.RunTo(output, "check", "--format", format, "examples/");
            output.AutoFlush.ShouldBeTrue();
            System.Text.Encoding.UTF8.GetString(stream.ToArray()).ShouldBe(other, format);
            stream.Writes.ShouldBeLessThanOrEqualTo((int)(stream.Length / (16 * 1024)) + 3, format);
        }
        expected.ShouldNotBeEmpty();
    }

    [TestMethod]
    public void Hidden_and_build_folders_are_skipped()
    {
        string root = Directory.CreateTempSubdirectory("flowlint-walk").FullName;
        const string broken = "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ unclosed\"\n";
        foreach (var folder in new[] { ".git", "node_modules", "bin", "obj", ".hidden", "flows" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
            File.WriteAllText(Path.Combine(root, folder, "f.yaml"), broken);
        }
        var (_, stdout, _) = CliRunner.RunIn(root, "", "check", ".");
        var lines = FindingLines(stdout);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(l => l.StartsWith("flows/f.yaml:", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Links_to_files_are_linted_and_links_to_folders_are_not_followed()
    {
        string root = Directory.CreateTempSubdirectory("flowlint-links").FullName;
        const string broken = "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ unclosed\"\n";
        Directory.CreateDirectory(Path.Combine(root, "flows", "sub"));
        Directory.CreateDirectory(Path.Combine(root, "other"));
        File.WriteAllText(Path.Combine(root, "flows", "a.yaml"), broken);
        File.WriteAllText(Path.Combine(root, "flows", ".hidden.yaml"), broken);
        File.WriteAllText(Path.Combine(root, "flows", "sub", "deep.yml"), broken);
        File.WriteAllText(Path.Combine(root, "other", "linked.yaml"), broken);
        File.CreateSymbolicLink(Path.Combine(root, "flows", "link.yaml"), Path.Combine(root, "other", "linked.yaml"));
        // A link to a folder is not followed: this one would be a cycle, the other would lint other/ twice.
        Directory.CreateSymbolicLink(Path.Combine(root, "flows", "loop"), root);
        Directory.CreateSymbolicLink(Path.Combine(root, "flows", "otherlink"), Path.Combine(root, "other"));

        var (_, stdout, stderr) = CliRunner.RunIn(root, "", "check", "flows");

        FindingLines(stdout).Select(l => l.Substring(0, l.IndexOf(':'))).Distinct().ShouldBe(new[]
        {
            "flows/.hidden.yaml", "flows/a.yaml", "flows/link.yaml", "flows/sub/deep.yml",
        });
        stderr.ShouldContain("4 file(s)");
    }

    [TestMethod]
    public void Binary_and_invalid_utf8_files_are_reported_and_the_run_goes_on()
    {
        string root = Directory.CreateTempSubdirectory("flowlint-bin").FullName;
        File.WriteAllBytes(Path.Combine(root, "a-binary.yaml"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01 });
        File.WriteAllBytes(Path.Combine(root, "b-latin1.yaml"), new byte[] { (byte)'i', (byte)'d', (byte)':', (byte)' ', 0xE9, (byte)'\n' });
        File.WriteAllText(Path.Combine(root, "c-flow.yaml"), "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ a | }}\"\n");
        var (code, stdout, _) = CliRunner.RunIn(root, "", "check", ".");
        code.ShouldBe(1);
        var lines = FindingLines(stdout);
        lines[0].ShouldStartWith("a-binary.yaml:1:1: error[KF0004]: ");
        lines[1].ShouldStartWith("b-latin1.yaml:1:1: error[KF0004]: ");
        lines[1].ShouldContain("UTF-8");
        lines.ShouldContain(l => l.StartsWith("c-flow.yaml:6:", StringComparison.Ordinal) && l.Contains("[KF3001]", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Crlf_and_bom_files_report_the_same_columns()
    {
        string root = Directory.CreateTempSubdirectory("flowlint-crlf").FullName;
        const string flow = "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{% include 'a' %}\"\n";
        File.WriteAllText(Path.Combine(root, "lf.yaml"), flow);
        File.WriteAllText(Path.Combine(root, "crlf.yaml"), flow.Replace("\n", "\r\n"));
        File.WriteAllBytes(Path.Combine(root, "bom.yaml"), new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(flow)).ToArray());
        var (_, stdout, _) = CliRunner.RunIn(root, "", "check", ".", "--format", "msbuild");
        var ranges = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Substring(l.IndexOf('('), l.IndexOf(')') - l.IndexOf('(') + 1)).ToList();
        ranges.Count.ShouldBe(3);
        ranges.Distinct().Single().ShouldBe("(6,18,6,25)");
    }

    /// <summary>The `path:line:col: severity[ID]: message` lines of the text format, without code frames and summary.</summary>
    private static string[] FindingLines(string stdout) =>
        stdout.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\S.*:\d+:\d+: (error|warning|note)\[KF\d{4}\]: ")).ToArray();
}
