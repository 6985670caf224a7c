using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Cli;

internal sealed class CheckOptions
{
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();
    public string Format { get; init; } = "text";
    public string? StdinFileName { get; init; }
    public string FailOn { get; init; } = "error";
    public string? OutputFile { get; init; }
    public bool NoColor { get; init; }
    public string? ConfigFile { get; init; }
    public IReadOnlyList<string> Select { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Ignore { get; init; } = Array.Empty<string>();
    public string? Root { get; init; }
    public string? Baseline { get; init; }
    public string? Category { get; init; }
    public bool SarifIncludeSuppressed { get; init; }

    /// <summary>Apply the safe fixes of reported findings in place before reporting what is left (stdin: print the fixed text).</summary>
    public bool Fix { get; init; }

    /// <summary>Print the safe fixes as a unified diff instead of applying them; no report.</summary>
    public bool Diff { get; init; }

    /// <summary>Receives the report instead of the --format writer (`flowlint baseline` runs the check this way).</summary>
    public IReportWriter? Writer { get; init; }

    /// <summary>Characters of analysed text kept for the report before texts are let go (tests lower it).</summary>
    public long KeptTextBudget { get; init; } = CheckCommand.DefaultKeptTextBudget;
}

/// <summary>
/// `flowlint check PATH...`: find files, analyse them in parallel, post-process the findings (configuration,
/// suppressions, baseline), write the chosen format, exit by severity.
/// </summary>
internal static class CheckCommand
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    /// <summary>Characters of analysed text a run keeps for its report before it starts letting texts go (8 MB).</summary>
    internal const long DefaultKeptTextBudget = 4 * 1024 * 1024;

    public static int Run(CheckOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        DiagnosticSeverity? threshold = options.FailOn == "none"
            ? null
            : DiagnosticSeverityText.TryParse(options.FailOn, out var s) ? s : DiagnosticSeverity.Error;
        var writer = options.Writer ?? ReportFormats.Find(options.Format);
        if (writer is null)
        {
            stderr.WriteLine($"flowlint: unknown format '{options.Format}' (expected one of: {string.Join(", ", ReportFormats.Names())})");
            return ExitUsage;
        }
        if (!RuleSelection.TryParse(options.Select, options.Ignore, RuleCatalog.AllDescriptors(), out var selection, out var selectionError))
        {
            stderr.WriteLine("flowlint: " + selectionError);
            return ExitUsage;
        }
        if (options.ConfigFile is not null && !File.Exists(options.ConfigFile))
        {
            stderr.WriteLine($"flowlint: configuration file not found: {options.ConfigFile}");
            return ExitUsage;
        }

        var inputs = options.Paths.Count == 0 ? new[] { "." } : options.Paths;
        bool readStdin = false;
        var paths = new List<string>();
        foreach (var p in inputs)
        {
            if (p == "-") readStdin = true;
            else paths.Add(p);
        }

        if (options.Root is not null && !Directory.Exists(options.Root))
        {
            stderr.WriteLine($"flowlint: --root: no such folder: {options.Root}");
            return ExitUsage;
        }
        string currentFolder = Directory.GetCurrentDirectory();
        var displayPath = FileDiscovery.DisplayPathsFrom(currentFolder);
        string root = options.Root is not null ? Path.GetFullPath(options.Root) : RepositoryRoot.Resolve(paths, currentFolder);
        Kestra.FlowLint.Baseline.BaselineFile? baseline = null;
        if (options.Baseline is not null)
        {
            try { baseline = Kestra.FlowLint.Baseline.BaselineFile.Load(options.Baseline); }
            catch (Kestra.FlowLint.Baseline.BaselineFormatException ex)
            {
                stderr.WriteLine("flowlint: " + ex.Message);
                return ExitUsage;
            }
        }

        var missing = new List<string>();
        var files = FileDiscovery.Expand(paths, missing);
        foreach (var m in missing) stderr.WriteLine($"flowlint: no such file or folder: {m}");
        if (missing.Count > 0) return ExitUsage;
        files.RemoveAll(IsConfigurationFile);
        if (files.Count == 0 && !readStdin)
        {
            stderr.WriteLine("flowlint: no YAML file found (looked for *.yml and *.yaml)");
            return ExitUsage;
        }

        // Each file gets the nearest .flowlint.yaml (or --config), which may leave it out (include/exclude).
        var run = new ConfiguredRun(RuleCatalog.AllDescriptors(), RuleCatalog.CreateAnalyzers, selection!, displayPath, options.ConfigFile);
        int excluded = files.RemoveAll(f => !run.Applies(f));
        string stdinPath = Path.GetFullPath(options.StdinFileName ?? "<stdin>");
        if (readStdin && options.StdinFileName is not null && !run.Applies(stdinPath)) { readStdin = false; excluded++; }
        var displays = files.ConvertAll(displayPath.Invoke);
        var fileDrivers = new List<AnalysisDriver>(files.Count);
        for (int i = 0; i < files.Count; i++) fileDrivers.Add(run.DriverFor(files[i], displays[i]));
        var stdinDriver = readStdin ? run.DriverFor(stdinPath, options.StdinFileName ?? "<stdin>") : null;
        if (run.Errors.Count > 0)
        {
            foreach (var error in run.Errors) stderr.WriteLine(error);
            return ExitUsage;
        }

        byte[]? stdinBytes = stdinDriver is not null ? ReadAll(stdin) : null;
        if (options.Fix || options.Diff)
        {
            var fixing = FixMode.Run(options, files, stdinBytes, stdinPath, options.StdinFileName ?? "<stdin>",
                () => new ConfiguredRun(RuleCatalog.AllDescriptors(), RuleCatalog.CreateAnalyzers, selection!, displayPath, options.ConfigFile),
                baseline, root, stdout, stderr);
            if (options.Diff)
            {
                stderr.WriteLine($"{fixing.Applied} fix(es) would be applied to {fixing.FilesChanged} file(s)");
                return fixing.Applied > 0 ? ExitFindings : ExitOk;
            }
            stdinBytes = fixing.Stdin;
            stderr.WriteLine($"{fixing.Applied} fix(es) applied to {fixing.FilesChanged} file(s)");
        }
        // With --fix, fixed standard input goes to standard output, so the report goes to standard error.
        bool stdinFixed = options.Fix && stdinBytes is not null;

        // Many files: the memory they will allocate is prepared at once (see HeapWarmup). Its no-GC region is left to
        // run out by itself: ending it after the analysis cost the report a collection.
        HeapWarmup.Start(files, Program.PrintsGcStats ? stderr : null);
        var results = new FileAnalysisResult[files.Count];
        // The first few megabytes of text are kept for the report (reading a file again costs more than keeping
        // it); past that budget, texts are let go so memory stays flat however many files a run has.
        long keptChars = 0;
        void AnalyzeFile(int i)
        {
            var driver = fileDrivers[i];
            string display = displays[i];
            try
            {
                results[i] = driver.AnalyzeBytes(display, FileBytes.Read(files[i]));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                results[i] = driver.ReportUnreadable(display, ex.Message);
            }
            if (results[i].Text is { } text && System.Threading.Interlocked.Add(ref keptChars, text.Length) > options.KeptTextBudget)
                Release(text, files[i], results[i].Diagnostics);
        }
        // One file (an editor, pre-commit, a single path) is linted on this thread: starting the thread pool's
        // workers costs about as much as linting a flow.
        if (files.Count == 1) AnalyzeFile(0);
        else Parallel.For(0, files.Count, AnalyzeFile);
        if (Program.PrintsGcStats)
            stderr.WriteLine($"flowlint: gc: live after analysis {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F1} MB");

        var all = new List<FileAnalysisResult>(results);
        if (stdinDriver is not null) all.Add(stdinDriver.AnalyzeBytes(options.StdinFileName ?? "<stdin>", stdinBytes!));

        var diagnostics = new List<Diagnostic>();
        var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var analysed = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        int flows = 0, configurations = 0, skipped = 0;
        foreach (var result in all)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Text is not null) sources[result.Path] = result.Text;
            if (result.Text is not null && result.WasAnalyzed) analysed[result.Path] = result.Text;
            flows += result.FlowCount;
            configurations += result.ConfigurationCount;
            skipped += result.SkippedDocumentCount;
        }
        diagnostics.AddRange(run.CompleteRun());
        diagnostics = run.PostProcess(diagnostics, analysed); // severities, rules turned off, inline suppressions (KF0002)
        diagnostics = DiagnosticOrdering.Sort(diagnostics);
        if (baseline is not null) diagnostics = BaselineCommand.Apply(diagnostics, root, baseline, options.Baseline!, sources.Keys, stderr);

        int errors = 0, warnings = 0, notes = 0, suppressed = 0, failing = 0;
        foreach (var d in diagnostics)
        {
            if (d.IsSuppressed) { suppressed++; continue; }
            switch (d.Severity)
            {
                case DiagnosticSeverity.Error: errors++; break;
                case DiagnosticSeverity.Warning: warnings++; break;
                default: notes++; break;
            }
            if (threshold is { } t && d.Severity >= t) failing++;
        }

        var report = new RunReport(diagnostics, RuleCatalog.AllDescriptors(), new RunSummary
        {
            Files = all.Count, Flows = flows, Configurations = configurations, SkippedDocuments = skipped,
            Errors = errors, Warnings = warnings, Notes = notes, Suppressed = suppressed,
        })
        {
            Sources = sources,
            RootDirectory = root,
            Log = stderr,
            FormatOptions = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Reporting.Sarif.SarifReportWriter.IncludeSuppressedOption] = options.SarifIncludeSuppressed ? "true" : "false",
                [Reporting.Sarif.SarifReportWriter.CategoryOption] = options.Category ?? "",
            },
            Color = !options.NoColor && options.OutputFile is null && ConsoleStreams.IsStandardOutput(stdout) && !Console.IsOutputRedirected
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        };

        if (options.OutputFile is not null)
        {
            using var file = new StreamWriter(options.OutputFile, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            writer.Write(report, file);
        }
        else
        {
            WriteBuffered(writer, report, stdinFixed ? stderr : stdout);
        }
        if (stdinFixed) stdout.Write(DecodeForOutput(stdinBytes!));

        // Run statistics (what was classified, skipped, excluded) go to stderr so standard output stays the report.
        stderr.WriteLine($"{all.Count} file(s): {flows} flow(s), {configurations} configuration(s), {skipped} other YAML document(s) skipped; " +
            $"{errors} error(s), {warnings} warning(s), {notes} note(s)" + (suppressed > 0 ? $", {suppressed} suppressed" : "") +
            (excluded > 0 ? $"; {excluded} file(s) excluded by configuration" : ""));
        return failing > 0 ? ExitFindings : ExitOk;
    }

    /// <summary>
    /// Standard output flushes after every write (see <see cref="ConsoleStreams"/>), and a text report is written in
    /// many small pieces (a dozen per code frame): each piece was a system call, and 10,000 flows took seconds more
    /// in text than in SARIF. The report is flushed when its buffer fills and once at its end instead.
    /// </summary>
    private static void WriteBuffered(IReportWriter writer, RunReport report, TextWriter output)
    {
        if (output is not StreamWriter { AutoFlush: true } flushing)
        {
            writer.Write(report, output);
            return;
        }
        flushing.AutoFlush = false;
        try { writer.Write(report, flushing); }
        finally { flushing.AutoFlush = true; } // flushes what is left
    }

    /// <summary>
    /// Lets go of a file's text once it is analysed, so memory stays flat however many files a run has. What the
    /// post-processing needs later (whether the file may hold suppression comments) is worked out first, and the
    /// flagged text of each finding is kept: SARIF's snippets and fingerprints need only that, so a large run is
    /// not read a second time for them (the text format's code frames still read a file again).
    /// </summary>
    private static void Release(SourceText? text, string path, IReadOnlyList<Diagnostic> findings)
    {
        if (text is null) return;
        Analysis.Suppression.InlineSuppressions.MayContainDirectives(text);
        var spans = new List<TextSpan>(findings.Count);
        foreach (var finding in findings)
            if (ReferenceEquals(finding.Location.Text, text)) spans.Add(finding.Location.Span);
        text.Release(() =>
        {
            var bytes = File.ReadAllBytes(path);
            return SourceText.TryDecodeText(bytes, out var again) ? again : null;
        }, spans);
    }

    /// <summary>Fixed standard input as text; bytes that are not text are passed through as UTF-8 replacement text.</summary>
    private static string DecodeForOutput(byte[] bytes) =>
        SourceText.TryDecodeText(bytes, out var text) ? text! : new System.Text.UTF8Encoding(false).GetString(bytes);

    private static bool IsConfigurationFile(string path) =>
        Path.GetFileName(path) is FlowLintConfiguration.FileName or FlowLintConfiguration.AlternateFileName;

    private static byte[] ReadAll(TextReader stdin)
    {
        // Console input is read as bytes so encoding problems are reported like a file's (KF0004).
        if (ConsoleStreams.IsStandardInput(stdin))
        {
            using var buffer = new MemoryStream();
            using (var raw = Console.OpenStandardInput()) raw.CopyTo(buffer);
            return buffer.ToArray();
        }
        return new System.Text.UTF8Encoding(false).GetBytes(stdin.ReadToEnd());
    }
}
