using System.IO;
using Kestra.FlowLint.Tests.Cli;

namespace Kestra.FlowLint.Tests.Configuration;

/// <summary>`flowlint check` with .flowlint.yaml files, --config, --select and --ignore, in throw-away folders.</summary>
[TestClass]
[DoNotParallelize]
public class ConfigurationCliTests
{
    // KF3001 at 6:22 (the "}}" after a dangling filter pipe) and KF3010 at 6:18 (a tag Kestra removes).
    private const string SyntaxError = "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ a | }}\"\n";
    private const string RemovedTag = "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{% include 'a' %}\"\n";

    private static string Folder(params (string Path, string Text)[] files)
    {
        string root = Directory.CreateTempSubdirectory("flowlint-config").FullName;
        foreach (var (path, text) in files)
        {
            string full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return root;
    }

    private static string[] Lines(string output) => CliRunner.OutputLines(output);

    [TestMethod]
    public void The_nearest_configuration_wins_whole_without_merging()
    {
        string root = Folder(
            (".flowlint.yaml", "rules:\n  KF3001: note\n  KF3010: none\n"),
            ("team/.flowlint.yaml", "rules:\n  KF3001: warning\n"),
            ("flows/a.yaml", SyntaxError),
            ("flows/b.yaml", RemovedTag),
            ("team/flows/c.yaml", SyntaxError),
            ("team/flows/d.yaml", RemovedTag));
        var (code, stdout, _) = CliRunner.RunIn(root, "", "check", ".");
        Lines(stdout).Select(l => l.Substring(0, l.IndexOf("]:", StringComparison.Ordinal) + 1)).ShouldBe(new[]
        {
            "flows/a.yaml:6:22: note[KF3001]",
            "team/flows/c.yaml:6:22: warning[KF3001]",
            "team/flows/d.yaml:6:18: error[KF3010]",   // the team's file does not inherit the root's 'none'
        });
        code.ShouldBe(1);
    }

    [TestMethod]
    public void Config_option_overrides_discovery_for_every_file_and_anchors_globs_at_its_folder()
    {
        string root = Folder(
            (".flowlint.yaml", "rules:\n  KF3001: none\n"),
            ("team/.flowlint.yaml", "rules:\n  KF3001: none\n"),
            ("ci/strict.yaml", "rules:\n  KF3001: warning\nexclude: [\"../team/legacy/**\"]\n"),
            ("flows/a.yaml", SyntaxError),
            ("team/flows/c.yaml", SyntaxError),
            ("team/legacy/old.yaml", SyntaxError));
        var (code, stdout, stderr) = CliRunner.RunIn(root, "", "check", ".", "--config", "ci/strict.yaml");
        Lines(stdout).Select(l => l.Substring(0, l.IndexOf("]:", StringComparison.Ordinal) + 1)).ShouldBe(new[]
        {
            "flows/a.yaml:6:22: warning[KF3001]",
            "team/flows/c.yaml:6:22: warning[KF3001]",
        });
        code.ShouldBe(0);
        stderr.ShouldContain("; 1 file(s) excluded by configuration");
    }

    [TestMethod]
    public void Include_and_exclude_decide_which_files_are_linted_even_when_named()
    {
        string root = Folder(
            (".flowlint.yaml", "include: [\"flows/**\"]\nexclude: [\"flows/legacy\"]\n"),
            ("flows/a.yaml", SyntaxError),
            ("flows/legacy/old.yaml", SyntaxError),
            ("scratch/b.yaml", SyntaxError));
        var (code, stdout, stderr) = CliRunner.RunIn(root, "", "check", ".", "flows/legacy/old.yaml");
        Lines(stdout).ShouldAllBe(l => l.StartsWith("flows/a.yaml:", StringComparison.Ordinal));
        Lines(stdout).Length.ShouldBe(1);
        code.ShouldBe(1);
        stderr.ShouldContain("1 file(s): 1 flow(s)");
        stderr.ShouldContain("; 2 file(s) excluded by configuration");

        // Everything excluded is not "no input": the run is clean.
        var (onlyExcluded, _, _) = CliRunner.RunIn(root, "", "check", "scratch");
        onlyExcluded.ShouldBe(0);
    }

    [TestMethod]
    public void An_invalid_configuration_is_exit_2_with_every_error_at_its_line_and_column()
    {
        string root = Folder(
            ("team/.flowlint.yaml", "rules:\n  KF3001: warn\n  KF9999: note\ncategory:\n  Secrets: none\n"),
            ("team/a.yaml", SyntaxError));
        var (code, stdout, stderr) = CliRunner.RunIn(root, "", "check", ".");
        code.ShouldBe(2);
        Lines(stdout).ShouldBeEmpty();
        Lines(stderr).ShouldBe(new[]
        {
            "team/.flowlint.yaml:2:11: error: 'warn' is not a severity; expected error, warning, note or none (did you mean 'warning'?)",
            "team/.flowlint.yaml:3:3: error: unknown rule 'KF9999'; `flowlint rules` lists them",
            "team/.flowlint.yaml:4:1: error: unknown configuration key 'category' (did you mean 'categories'?); expected one of: rules, categories, include, exclude, limits",
        });
    }

    [TestMethod]
    public void Configuration_file_problems_that_are_not_yaml_are_exit_2()
    {
        string root = Folder(("a.yaml", SyntaxError), (".flowlint.yaml", "rules: {}\n"), (".flowlint.yml", "rules: {}\n"));
        var (code, _, stderr) = CliRunner.RunIn(root, "", "check", ".");
        code.ShouldBe(2);
        stderr.ShouldBe(".flowlint.yml:1:1: error: both .flowlint.yaml and .flowlint.yml are in this folder; keep one\n");

        var (missing, _, missingErr) = CliRunner.RunIn(root, "", "check", ".", "--config", "nope.yaml");
        missing.ShouldBe(2);
        missingErr.ShouldBe("flowlint: configuration file not found: nope.yaml\n");
    }

    [TestMethod]
    public void A_yml_configuration_is_found_and_the_configuration_file_itself_is_not_linted()
    {
        string root = Folder((".flowlint.yml", "rules:\n  KF3001: note\n"), ("a.yaml", SyntaxError));
        var (code, stdout, stderr) = CliRunner.RunIn(root, "", "check", ".");
        Lines(stdout).ShouldHaveSingleItem().ShouldStartWith("a.yaml:6:22: note[KF3001]: ");
        code.ShouldBe(0);
        stderr.ShouldStartWith("1 file(s): ");
    }

    [TestMethod]
    public void Select_and_ignore_take_ids_and_prefixes()
    {
        string root = Folder(("a.yaml", SyntaxError), ("b.yaml", RemovedTag),
            ("c.yaml", "id: x\nnamespace: y.z\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ secret('T') }}\"\n"));
        string[] Ids(params string[] args) => Lines(CliRunner.RunIn(root, "", new[] { "check", "." }.Concat(args).ToArray()).Stdout)
            .Select(l => l.Substring(l.IndexOf('[') + 1, 6)).ToArray();

        Ids().ShouldBe(new[] { "KF3001", "KF3010", "KF1001" });
        Ids("--select", "KF3").ShouldBe(new[] { "KF3001", "KF3010" });
        Ids("--select", "KF3001,kf1001").ShouldBe(new[] { "KF3001", "KF1001" });
        Ids("--select", "KF3001", "--select", "KF1001").ShouldBe(new[] { "KF3001", "KF1001" });
        Ids("--ignore", "KF3010").ShouldBe(new[] { "KF3001", "KF1001" });
        Ids("--select", "KF3", "--ignore", "KF3001").ShouldBe(new[] { "KF3010" });   // --ignore wins
        Ids("--ignore", "KF1, KF3").ShouldBeEmpty();

        var (code, _, stderr) = CliRunner.RunIn(root, "", "check", ".", "--select", "KF1O01");
        code.ShouldBe(2);
        stderr.ShouldStartWith("flowlint: --select: 'KF1O01' matches no rule (did you mean 'KF1001'?)");
        CliRunner.RunIn(root, "", "check", ".", "--ignore", "XYZ").ExitCode.ShouldBe(2);
    }

    [TestMethod]
    public void Select_keeps_flowlint_own_findings()
    {
        string root = Folder(("a.yaml", SyntaxError), ("bin.yaml", "\0binary"),
            ("s.yaml", "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi # flowlint-disable-line KF3001\n"));
        var lines = Lines(CliRunner.RunIn(root, "", "check", ".", "--select", "KF1").Stdout);
        lines.Select(l => l.Substring(0, l.IndexOf("]:", StringComparison.Ordinal) + 1)).ShouldBe(new[] { "bin.yaml:1:1: error[KF0004]" },
            "the unused KF3001 suppression is not reported: KF3001 did not run");
        Lines(CliRunner.RunIn(root, "", "check", ".", "--select", "KF3").Stdout).Select(l => l.Substring(0, l.IndexOf("]:", StringComparison.Ordinal) + 1))
            .ShouldBe(new[] { "a.yaml:6:22: error[KF3001]", "bin.yaml:1:1: error[KF0004]", "s.yaml:6:17: warning[KF0002]" });
    }

    [TestMethod]
    public void Suppressed_findings_never_fail_the_gate_and_are_counted()
    {
        string root = Folder(("a.yaml", SyntaxError.Replace("\"{{ a | }}\"\n", "\"{{ a | }}\" # flowlint-disable-line KF3001 -- demo\n")));
        var (code, stdout, stderr) = CliRunner.RunIn(root, "", "check", ".", "--fail-on", "note");
        code.ShouldBe(0);
        Lines(stdout).ShouldBeEmpty();
        stderr.ShouldContain("0 error(s), 0 warning(s), 0 note(s), 1 suppressed");
    }

    [TestMethod]
    public void Severity_changes_decide_the_exit_code()
    {
        string root = Folder((".flowlint.yaml", "categories:\n  Expressions: warning\n"), ("a.yaml", SyntaxError));
        CliRunner.RunIn(root, "", "check", ".").ExitCode.ShouldBe(0);
        CliRunner.RunIn(root, "", "check", ".", "--fail-on", "warning").ExitCode.ShouldBe(1);
    }

    [TestMethod]
    public void Limits_come_from_the_configuration()
    {
        string root = Folder((".flowlint.yaml", "limits:\n  maxFileLength: 20\n"), ("a.yaml", SyntaxError));
        var (code, stdout, _) = CliRunner.RunIn(root, "", "check", ".");
        code.ShouldBe(1);
        Lines(stdout).ShouldHaveSingleItem().ShouldStartWith("a.yaml:1:1: error[KF0003]: The file has 101 characters, more than the limit of 20");
    }

    [TestMethod]
    public void Standard_input_uses_the_configuration_of_its_reported_path()
    {
        string root = Folder((".flowlint.yaml", "rules:\n  KF3001: note\nexclude: [generated]\n"));
        var (code, stdout, _) = CliRunner.RunIn(root, SyntaxError, "check", "-", "--stdin-filename", "flows/a.yaml");
        code.ShouldBe(0);
        stdout.ShouldStartWith("flows/a.yaml:6:22: note[KF3001]: ");

        var (_, excludedOut, excludedErr) = CliRunner.RunIn(root, SyntaxError, "check", "-", "--stdin-filename", "generated/a.yaml");
        Lines(excludedOut).ShouldBeEmpty();
        excludedErr.ShouldContain("1 file(s) excluded by configuration");
    }
}
