using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kestra.FlowLint.Roslyn.Tests;

/// <summary>
/// `dotnet build` of copies of tests/Kestra.FlowLint.Roslyn.Consumer, with the analyzer built from source through
/// the ProjectReference route: what a .NET repository that keeps Kestra flows sees. Each test builds its own copy in
/// a temporary folder (the tests run in parallel) with no build server or node left behind.
/// </summary>
[TestClass]
public class ConsumerBuildTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private const string Finding = "flows/leak.yaml(9,27): {0} KF1001: secret('GITHUB_TOKEN') is written to the logs by task 'debug'";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public void Default_build_fails_on_the_leak_and_its_errorlog_is_sarif_2_1_0_with_the_finding()
    {
        string consumer = NewConsumer(out _);
        string sarif = Path.Combine(consumer, "out.sarif");

        // The comma must reach MSBuild escaped: unescaped, it splits the property and csc writes SARIF 1.0.
        var (exit, output) = Build(consumer, "-p:ErrorLog=" + sarif + "%2Cversion=2.1");

        exit.ShouldNotBe(0, output);
        output.ShouldContain(Path.Combine(consumer, string.Format(Finding, "error")) + " (https://github.com/kestra-flowlint/flowlint/blob/main/rules.md#kf1001) [" + Path.Combine(consumer, "consumer.csproj") + "]", Case.Sensitive, output);
        output.ShouldNotContain("clean.yaml", Case.Sensitive, "its finding is suppressed by a # flowlint-disable-next-line comment");
        AssertAnalyzerLoaded(output);

        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        log.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .ToDictionary(r => Path.GetFileName(new Uri(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath));
        string.Join(" ", results.Keys.Order(StringComparer.Ordinal)).ShouldBe("clean.yaml leak.yaml", sarif);
        var leak = results["leak.yaml"];
        leak.GetProperty("ruleId").GetString().ShouldBe("KF1001");
        leak.GetProperty("level").GetString().ShouldBe("error");
        leak.TryGetProperty("suppressions", out _).ShouldBeFalse();
        var location = leak.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe(new Uri(Path.Combine(consumer, "flows", "leak.yaml")).AbsoluteUri);
        var region = location.GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32())
            .ShouldBe((9, 27, 9, 49));
        // The # flowlint-disable-next-line finding stays in the log, suppressed in source, as the CLI's SARIF keeps it.
        results["clean.yaml"].GetProperty("suppressions")[0].GetProperty("kind").GetString().ShouldBe("inSource");

        var ruleIds = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()!).ToList();
        ruleIds.ShouldContain("KF1001");
        AssertOnlyRoslynsOwnSarifGapsRemain(sarif, ruleIds);
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public void Globalconfig_severity_warning_turns_the_error_into_a_warning_and_the_build_succeeds()
    {
        string consumer = NewConsumer(out _);
        File.WriteAllText(Path.Combine(consumer, ".globalconfig"), "is_global = true\ndotnet_diagnostic.KF1001.severity = warning\n");

        var (exit, output) = Build(consumer);

        exit.ShouldBe(0, output);
        output.ShouldContain(Path.Combine(consumer, string.Format(Finding, "warning")), Case.Sensitive, output);
        output.ShouldNotContain("error KF", Case.Sensitive, output);
        AssertAnalyzerLoaded(output);
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public void Globalconfig_severity_none_silences_the_rule()
    {
        string consumer = NewConsumer(out _);
        File.WriteAllText(Path.Combine(consumer, ".globalconfig"), "is_global = true\ndotnet_diagnostic.KF1001.severity = none\n");

        var (exit, output) = Build(consumer);

        exit.ShouldBe(0, output);
        output.ShouldNotContain("KF1001", Case.Sensitive, output);
        AssertAnalyzerLoaded(output);
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public void Flowlint_yaml_above_the_project_configures_the_build_as_it_does_the_cli()
    {
        // The repository's .flowlint.yaml sits above the project: the props adds it to the AdditionalFiles.
        string consumer = NewConsumer(out string repository);
        File.WriteAllText(Path.Combine(repository, ".flowlint.yaml"), "rules:\n  KF1001: warning\n");

        var (exit, output) = Build(consumer);

        exit.ShouldBe(0, output);
        output.ShouldContain(Path.Combine(consumer, string.Format(Finding, "warning")), Case.Sensitive, output);
        AssertAnalyzerLoaded(output);
    }

    private static void AssertAnalyzerLoaded(string output)
    {
        // The consumer makes these errors, but say which one: each means the analyzer did not run.
        foreach (var id in new[] { "AD0001", "CS8032", "CS9057" })
            output.ShouldNotContain(id, Case.Sensitive, output);
    }

    /// <summary>
    /// The errorlog is the compiler's, not FlowLint's: GitHub's ingestion rules reject what Roslyn writes for
    /// every rule (no `help` object: GH2012), its absolute file URIs (GH1006), and the .NET runtime's own
    /// analyzers (SYSLIB*) that come with every project without a description (GH2012 fullDescription).
    /// Anything else, such as a schema error, a FlowLint rule without a description or one over GitHub's
    /// length limit, is ours and fails the test.
    /// </summary>
    private void AssertOnlyRoslynsOwnSarifGapsRemain(string sarif, IReadOnlyList<string> ruleIds)
    {
        string validator = Path.Combine(SolutionFolder, "..", "shared", "tools", "validate-sarif");
        if (!File.Exists(validator)) Assert.Inconclusive("validate-sarif not found at " + validator);
        if (FindOnPath("node") is null || FindOnPath("npm") is null) Assert.Inconclusive("node and npm are needed to run validate-sarif (.ci/run installs them)");

        var (_, output) = Run("bash", Path.GetDirectoryName(sarif)!, TimeSpan.FromMinutes(10), validator, sarif);
        TestContext.WriteLine(output);
        output.ShouldContain("(schema ok, ", Case.Sensitive, output);
        var problems = output.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("multitool:", StringComparison.Ordinal) || l.StartsWith("extra:", StringComparison.Ordinal) || l.StartsWith("schema:", StringComparison.Ordinal));
        var unexpected = problems.Where(p => !IsRoslynsOwnGap(p, ruleIds)).ToList();
        unexpected.ShouldBeEmpty(output);
    }

    private static bool IsRoslynsOwnGap(string problem, IReadOnlyList<string> ruleIds)
    {
        if (MissingHelp.IsMatch(problem) || AbsoluteUri.IsMatch(problem) || ToolName.IsMatch(problem)) return true;
        var missingDescription = MissingFullDescription.Match(problem);
        return missingDescription.Success && !ruleIds[int.Parse(missingDescription.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].StartsWith("KF", StringComparison.Ordinal);
    }

    private static readonly Regex MissingHelp = new(@"^multitool: .*: error GH2012: runs\[0\]\.tool\.driver\.rules\[\d+\]: This 'reportingDescriptor' object does not provide a 'help' object\.", RegexOptions.CultureInvariant);
    private static readonly Regex MissingFullDescription = new(@"^multitool: .*: error GH2012: runs\[0\]\.tool\.driver\.rules\[(\d+)\]: This 'reportingDescriptor' object does not provide a 'fullDescription' value\.", RegexOptions.CultureInvariant);
    private static readonly Regex AbsoluteUri = new(@"^multitool: .*: error GH1006: runs\[0\]\.results\[\d+\]\.locations\[0\]\.physicalLocation\.artifactLocation\.uri: This result location is expressed as an absolute 'file' URI\.", RegexOptions.CultureInvariant);
    private static readonly Regex ToolName = new(@"^multitool: .*: warning SARIF2005: runs\[0\]\.tool\.driver(\.name)?: The tool ", RegexOptions.CultureInvariant);

    private static string SolutionFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Kestra.FlowLint.sln"))) return dir.FullName;
            throw new InvalidOperationException("Kestra.FlowLint.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The temporary folder of this test (MSTest makes one instance of the class per test).</summary>
    private string? _repository;

    [TestCleanup]
    public void DeleteTemporaryFolder()
    {
        if (_repository is null) return;
        try { Directory.Delete(_repository, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>A copy of the consumer in repository/app under a new temporary folder.</summary>
    private string NewConsumer(out string repository)
    {
        _repository = repository = Directory.CreateTempSubdirectory("flowlint-roslyn-").FullName;
        string consumer = Path.Combine(repository, "app");
        string source = Path.Combine(SolutionFolder, "tests", "Kestra.FlowLint.Roslyn.Consumer");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            string target = Path.Combine(consumer, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return consumer;
    }

    private (int ExitCode, string Output) Build(string consumer, params string[] extra)
    {
        string analyzer = Path.Combine(SolutionFolder, "analyzer", "Kestra.FlowLint.Roslyn", "Kestra.FlowLint.Roslyn.csproj");
        var args = new List<string>
        {
            "build", Path.Combine(consumer, "consumer.csproj"), "--nologo", "-nodeReuse:false", "--disable-build-servers",
            "-p:Configuration=" + Configuration,
            "-p:FlowLintRoslynProject=" + analyzer,
            // The analyzer was built with the solution; building it again from parallel tests would race on its obj/.
            "-p:BuildProjectReferences=false", "-p:RestoreRecursive=false",
        };
        args.AddRange(extra);
        var (exit, output) = Run("dotnet", consumer, TimeSpan.FromMinutes(10), args.ToArray());
        TestContext.WriteLine(output);
        return (exit, output);
    }

    private static (int ExitCode, string Output) Run(string program, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        // The test host runs under `dotnet test`, whose MSBuild variables would point the inner build at its SDK state.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} ran longer than {timeout}");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
