using System.Diagnostics;
using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting.Sarif;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Tests.Cli;
using Kestra.FlowLint.Tests.Support;
using static Kestra.FlowLint.Tests.Sarif.ReportFixture;

namespace Kestra.FlowLint.Tests.Sarif;

/// <summary>
/// Every kind of SARIF FlowLint writes goes through ../shared/tools/validate-sarif: the OASIS schema (ajv),
/// Microsoft's SARIF multitool with GitHub's ingestion rules, and GitHub's upload limits. It needs node and
/// npm (.ci/run installs them); without node the test is inconclusive rather than silently green.
/// </summary>
[TestClass]
[DoNotParallelize]
public class SarifValidationTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Corpus_examples_and_edge_cases_pass_the_validators()
    {
        string validator = Path.Combine(TestPaths.Shared, "tools", "validate-sarif");
        if (!File.Exists(validator)) Assert.Inconclusive("validate-sarif not found at " + validator);
        if (FindOnPath("node") is null || FindOnPath("npm") is null) Assert.Inconclusive("node and npm are needed to run validate-sarif (.ci/run installs them)");

        string output = Directory.CreateTempSubdirectory("flowlint-sarif-validate").FullName;
        var files = new List<string>();

        // Each corpus folder, linted from the corpus root as a user would from their repository.
        foreach (var folder in Directory.GetDirectories(TestPaths.Corpus).OrderBy(f => f, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(folder);
            string file = Path.Combine(output, "corpus-" + name + ".sarif");
            var (code, _, stderr) = CliRunner.RunIn(TestPaths.Corpus, "", "check", name, "--format", "sarif", "-o", file, "--fail-on", "none", "--category", "corpus-" + name);
            code.ShouldBe(0, stderr);
            files.Add(file);
        }

        string examples = Path.Combine(output, "examples.sarif");
        CliRunner.Run("check", "examples/", "--format", "sarif", "-o", examples, "--fail-on", "none").ExitCode.ShouldBe(0);
        files.Add(examples);

        // A baseline of the examples: suppressed findings left out, then kept with `external` suppressions.
        string repo = NewRepository();
        CopyFolder(Path.Combine(TestPaths.SolutionFolder, "examples"), Path.Combine(repo, "examples"));
        CliRunner.RunIn(repo, "", "baseline", "create", "examples").ExitCode.ShouldBe(0);
        foreach (var (name, extra) in new[] { ("baselined.sarif", Array.Empty<string>()), ("baselined-included.sarif", new[] { "--sarif-include-suppressed" }) })
        {
            string file = Path.Combine(output, name);
            CliRunner.RunIn(repo, "", new[] { "check", "examples", "--baseline", ".flowlint-baseline.json", "--format", "sarif", "-o", file }.Concat(extra).ToArray())
                .ExitCode.ShouldBe(0);
            files.Add(file);
        }

        // Reports the CLI cannot produce yet: inline suppressions, a crashing rule, non-ASCII text, fixes.
        string root = NewRepository();
        const string flow = "id: édition\nnamespace: company.team\ntasks:\n  - id: journalisé\n    type: io.kestra.core.tasks.log.Log\n    message: \"😀 {{ secret('CLÉ') }} {% include 'en-tête' %}\"\n";
        var analyzers = new List<FlowAnalyzer>(RuleCatalog.CreateAnalyzers()) { new ThrowingAnalyzer(), new FixOfferingAnalyzer(), new PasswordValueAnalyzer() };
        var diagnostics = Analyze(root, analyzers, ("flows/été 2025.yaml", flow), ("flows/b.yaml", flow.Replace("journalisé", "b") + "    password: hunter2\n"));
        diagnostics.Count.ShouldBeGreaterThan(5);
        var suppressed = diagnostics.Select((d, i) => i % 3 == 0 && d.Id != "KF0001" ? d.WithSuppression(i % 2 == 0 ? SuppressionKind.InSource : SuppressionKind.External, "reviewed: a test value") : d).ToList();
        foreach (var (name, include) in new[] { ("edge-cases.sarif", false), ("edge-cases-included.sarif", true) })
        {
            string file = Path.Combine(output, name);
            File.WriteAllText(file, new SarifReportWriter().Serialize(Report(root, suppressed, include, "edge")) + "\n", new System.Text.UTF8Encoding(false));
            files.Add(file);
        }

        var (exit, log) = RunValidator(validator, files);
        exit.ShouldBe(0, log);
        var verdicts = log.Split('\n').Where(l => l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal)).ToList();
        verdicts.Count.ShouldBe(files.Count, log);
        verdicts.ShouldAllBe(v => v.StartsWith("PASS ") && v.Contains("multitool: 0 errors/0 warnings"), log);
    }

    private static (int Exit, string Output) RunValidator(string validator, List<string> files)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(validator);
        foreach (var f in files) start.ArgumentList.Add(f);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
