using System.IO;
using Kestra.FlowLint.Cli;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Cli;

/// <summary>
/// `check` command lines skip System.CommandLine when CheckArguments knows every token. System.CommandLine stays
/// the reference: whatever the fast parse accepts, it must parse to the same options, and what it declines is
/// System.CommandLine's to answer (help, errors, unusual forms).
/// </summary>
[TestClass]
[DoNotParallelize]
public class CheckArgumentsTests
{
    [TestMethod]
    [DataRow("check")]
    [DataRow("check examples/")]
    [DataRow("check -")]
    [DataRow("check a.yaml b.yml - dir")]
    [DataRow("check flow.yaml --format sarif --fail-on none")]
    [DataRow("check -f json -o out.json flow.yaml")]
    [DataRow("check --no-color --fail-on warning flows")]
    [DataRow("check - --stdin-filename flows/x.yaml --format github")]
    [DataRow("check --config ci/.flowlint.yaml --root . --baseline .flowlint-baseline.json --category kestra flows")]
    [DataRow("check --sarif-include-suppressed --format sarif flows")]
    [DataRow("check --fix flows --diff")]
    [DataRow("check flows --format msbuild --fail-on note")]
    [DataRow("check --select KF1 flow.yaml --ignore KF1012")]
    [DataRow("check --select KF1,KF3005 --select KF2 KF4 --ignore KF1012 --ignore KF3")]
    [DataRow("check \"a path/with spaces.yaml\" C:x.yaml")]
    public void Common_command_lines_are_parsed_without_System_CommandLine_and_as_it_parses_them(string commandLine)
    {
        string[] args = Split(commandLine);
        var fast = CheckArguments.TryParse(args);
        fast.ShouldNotBeNull(commandLine);
        Describe(fast).ShouldBe(CommandLineParse(args), commandLine);
    }

    [TestMethod]
    [DataRow("check --help")]
    [DataRow("check -h")]
    [DataRow("check -?")]
    [DataRow("check /?")]
    [DataRow("check --format=sarif flow.yaml")]
    [DataRow("check --format:sarif flow.yaml")]
    [DataRow("check -fsarif flow.yaml")]
    [DataRow("check --format nonsense flow.yaml")]
    [DataRow("check --format Sarif flow.yaml")]
    [DataRow("check --format sarif --format text flow.yaml")]
    [DataRow("check --format")]
    [DataRow("check --output --no-color flow.yaml")]
    [DataRow("check --fix true flow.yaml")]
    [DataRow("check --fix --fix flow.yaml")]
    [DataRow("check -- -weird.yaml")]
    [DataRow("check --no-such-option")]
    [DataRow("check --select")]
    [DataRow("check --select --ignore KF1")]
    [DataRow("check rules")]
    [DataRow("check @args.rsp")]
    [DataRow("check [diagram]")]
    [DataRow("check \"\"")]
    [DataRow("rules")]
    [DataRow("--version")]
    [DataRow("")]
    public void Anything_unusual_is_left_to_System_CommandLine(string commandLine)
    {
        CheckArguments.TryParse(Split(commandLine)).ShouldBeNull(commandLine);
    }

    [TestMethod]
    public void Random_command_lines_the_fast_parse_accepts_are_parsed_the_same_by_System_CommandLine()
    {
        string[] vocabulary =
        {
            "examples/", "a.yaml", "-", "dir/b.yml", "--format", "-f", "sarif", "text", "json", "github", "nonsense", "--fail-on", "none",
            "warning", "error", "--output", "-o", "out.txt", "--no-color", "--fix", "--diff", "true", "False", "--sarif-include-suppressed",
            "--config", "--root", "--baseline", "--category", "cat/x", "--stdin-filename", "--select", "KF1", "--ignore", "KF1,KF3005",
            "--", "--help", "-h", "-?", "/?", "check", "rules", "lsp", "--format=sarif", "-fsarif", "--version", "x:y", "check:y", "",
            " ", "@resp", "[diagram]", "--unknown", "-x", "1",
        };
        var random = new Random(1234);
        int accepted = 0;
        for (int n = 0; n < 4000; n++)
        {
            var args = new string[1 + random.Next(7)];
            args[0] = "check";
            for (int i = 1; i < args.Length; i++) args[i] = vocabulary[random.Next(vocabulary.Length)];
            var fast = CheckArguments.TryParse(args);
            if (fast is null) continue;
            accepted++;
            Describe(fast).ShouldBe(CommandLineParse(args), string.Join(" | ", args));
        }
        accepted.ShouldBeGreaterThan(300, "the comparison must cover many accepted command lines");
    }

    [TestMethod]
    public void A_crash_is_reported_as_System_CommandLine_reports_it()
    {
        // --output naming a folder makes the check throw when it opens the report file.
        string folder = Directory.CreateTempSubdirectory("flowlint-crash").FullName;
        string[] args = { "check", "examples/flows/hello-world.yaml", "--output", folder };
        CheckArguments.TryParse(args).ShouldNotBeNull();

        var (fastCode, _, fastError) = CliRunner.Run(args);
        var (referenceCode, referenceError) = InSolutionFolder(() =>
        {
            var stderr = new StringWriter { NewLine = "\n" };
            int code = Program.RunCommandLine(args, new StringReader(""), new StringWriter(), stderr, CheckCommand.Run);
            return (code, stderr.ToString());
        });

        fastCode.ShouldBe(1);
        referenceCode.ShouldBe(1);
        FirstLine(fastError).ShouldStartWith("Unhandled exception: System.UnauthorizedAccessException: ");
        FirstLine(fastError).ShouldBe(FirstLine(referenceError));
    }

    /// <summary>The options System.CommandLine binds for <paramref name="args"/>, or why it did not run `check`.</summary>
    private static string CommandLineParse(string[] args)
    {
        CheckOptions? bound = null;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.RunCommandLine(args, new StringReader(""), stdout, stderr, (options, _, _, _) =>
        {
            bound = options;
            return 0;
        });
        return bound is null ? $"not run (exit {code}): {stderr}{stdout}" : Describe(bound);
    }

    private static string Describe(CheckOptions o) =>
        $"paths=[{string.Join("|", o.Paths)}] format={o.Format} stdin-filename={o.StdinFileName ?? "null"} fail-on={o.FailOn} " +
        $"output={o.OutputFile ?? "null"} no-color={o.NoColor} config={o.ConfigFile ?? "null"} select=[{string.Join("|", o.Select)}] " +
        $"ignore=[{string.Join("|", o.Ignore)}] root={o.Root ?? "null"} baseline={o.Baseline ?? "null"} category={o.Category ?? "null"} " +
        $"sarif-include-suppressed={o.SarifIncludeSuppressed} fix={o.Fix} diff={o.Diff} writer={o.Writer?.Name ?? "null"}";

    /// <summary>Splits on spaces; double quotes group (a quoted "" is an empty argument).</summary>
    private static string[] Split(string commandLine)
    {
        var args = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in commandLine)
        {
            if (c == '"') { quoted = !quoted; any = true; }
            else if (c == ' ' && !quoted) { if (any) args.Add(current.ToString()); current.Clear(); any = false; }
            else { current.Append(c); any = true; }
        }
        if (any) args.Add(current.ToString());
        return args.ToArray();
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static T InSolutionFolder<T>(Func<T> run)
    {
        // The same folder CliRunner runs in, so both report the same relative paths.
        string previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(TestPaths.SolutionFolder);
        try { return run(); }
        finally { Directory.SetCurrentDirectory(previous); }
    }
}
