using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Baseline;
using Kestra.FlowLint.Reporting;

namespace Kestra.FlowLint.Cli;

/// <summary>
/// `flowlint baseline create|prune`: record the findings a repository has today so that `check --baseline`
/// fails only on new ones, and drop entries once their findings are fixed. Both run exactly what `check`
/// runs (same discovery, configuration and inline suppressions), so a baseline never records what check hides.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("baseline", "Record today's findings so that only new ones fail `check --baseline`, and prune fixed ones.");

        var createPaths = PathsArgument();
        var output = new Option<string>("--output", "-o")
        {
            Description = $"The baseline file to write (default {BaselineFile.DefaultFileName}).",
            DefaultValueFactory = _ => BaselineFile.DefaultFileName,
        };
        var createRoot = RootOption();
        var create = new Command("create", "Write a baseline of every current finding.") { createPaths, output, createRoot };
        create.SetAction(parse => RunCreate(parse.GetValue(createPaths) ?? Array.Empty<string>(), parse.GetValue(output) ?? BaselineFile.DefaultFileName,
            parse.GetValue(createRoot), stdin, stderr));
        command.Subcommands.Add(create);

        var prunePaths = PathsArgument();
        var baseline = new Option<string>("--baseline")
        {
            Description = $"The baseline file to prune in place (default {BaselineFile.DefaultFileName}).",
            DefaultValueFactory = _ => BaselineFile.DefaultFileName,
        };
        var pruneRoot = RootOption();
        var prune = new Command("prune", "Remove baseline entries whose findings are gone (fixed, or their file deleted).") { prunePaths, baseline, pruneRoot };
        prune.SetAction(parse => RunPrune(parse.GetValue(prunePaths) ?? Array.Empty<string>(), parse.GetValue(baseline) ?? BaselineFile.DefaultFileName,
            parse.GetValue(pruneRoot), stdin, stderr));
        command.Subcommands.Add(prune);
        return command;
    }

    /// <summary>`check --baseline`: marks recorded findings suppressed and says how many matched and how many are stale.</summary>
    public static List<Diagnostic> Apply(List<Diagnostic> diagnostics, string root, BaselineFile baseline, string baselineName,
        IEnumerable<string> analysedFiles, TextWriter stderr)
    {
        var match = BaselineMatcher.Apply(diagnostics, root, baseline, baselineName, AnalysedPaths(analysedFiles, diagnostics, root));
        stderr.WriteLine($"flowlint: {match.Matched} finding(s) suppressed by the baseline {baselineName}" +
            (match.Stale > 0 ? $"; {match.Stale} of its entries no longer match (flowlint baseline prune --baseline {baselineName} removes them)" : ""));
        return new List<Diagnostic>(match.Diagnostics);
    }

    private static int RunCreate(string[] paths, string output, string? root, TextReader stdin, TextWriter stderr)
    {
        var (code, report) = Check(paths, root, stdin, stderr);
        if (report is null) return code;
        var baseline = BaselineMatcher.Create(report.Diagnostics, report.RootDirectory);
        if (!TrySave(baseline, output, stderr)) return CheckCommand.ExitUsage;
        stderr.WriteLine($"flowlint: {baseline.Findings.Count} finding(s) recorded in {output}");
        return CheckCommand.ExitOk;
    }

    private static int RunPrune(string[] paths, string baselinePath, string? root, TextReader stdin, TextWriter stderr)
    {
        BaselineFile baseline;
        try { baseline = BaselineFile.Load(baselinePath); }
        catch (BaselineFormatException ex)
        {
            stderr.WriteLine("flowlint: " + ex.Message);
            return CheckCommand.ExitUsage;
        }
        var (code, report) = Check(paths, root, stdin, stderr);
        if (report is null) return code;
        var analysed = AnalysedPaths(report.Sources.Keys, report.Diagnostics, report.RootDirectory);
        var pruned = BaselineMatcher.Prune(baseline, report.Diagnostics, report.RootDirectory, analysed, out int removed);
        if (!TrySave(pruned, baselinePath, stderr)) return CheckCommand.ExitUsage;
        stderr.WriteLine($"flowlint: removed {removed} of {baseline.Findings.Count} baseline entries from {baselinePath}");
        return CheckCommand.ExitOk;
    }

    /// <summary>Runs `check` with nothing written, to get the run's report.</summary>
    private static (int Code, RunReport? Report) Check(string[] paths, string? root, TextReader stdin, TextWriter stderr)
    {
        var capture = new CapturingWriter();
        int code = CheckCommand.Run(new CheckOptions { Paths = paths, FailOn = "none", Root = root, Writer = capture }, stdin, TextWriter.Null, stderr);
        return (code, capture.Report);
    }

    private static bool TrySave(BaselineFile baseline, string path, TextWriter stderr)
    {
        try
        {
            baseline.Save(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"flowlint: cannot write {path}: {ex.Message}");
            return false;
        }
    }

    private static List<string> AnalysedPaths(IEnumerable<string> files, IReadOnlyList<Diagnostic> diagnostics, string root)
    {
        var paths = new List<string>();
        foreach (var file in files) paths.Add(RepositoryRoot.ReportPath(root, file));
        foreach (var d in diagnostics) if (d.Location.Path.Length > 0) paths.Add(RepositoryRoot.ReportPath(root, d.Location.Path));
        return paths;
    }

    private static Argument<string[]> PathsArgument() => new("paths")
    {
        Description = "Files or folders to analyse, as for check (default: the current folder).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Option<string?> RootOption() => new("--root")
    {
        Description = "The repository root fingerprints use for paths (default: the git work tree holding the files, else the current folder); use the same as check.",
    };

    private sealed class CapturingWriter : IReportWriter
    {
        public RunReport? Report { get; private set; }
        public string Name => "baseline";
        public void Write(RunReport report, TextWriter output) => Report = report;
    }
}
