using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Baseline;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Cli;

/// <summary>
/// `check --fix` and `check --diff`: before the report, apply the safe fixes of every reported finding (selected,
/// not suppressed inline, by configuration or by the baseline), file by file, re-linting between rounds. `--fix`
/// writes changed files (same encoding, BOM and line endings) and prints one `path:line:col: fixed ID: title` line per
/// fix on standard error; `--diff` writes nothing and prints a unified diff on standard output. The report that
/// follows is the one of the fixed text, so the exit code reflects what is left.
/// </summary>
internal static class FixMode
{
    /// <summary>What fixing changed: the fixed standard input (null when not read) and how many fixes applied.</summary>
    public sealed class Outcome
    {
        public byte[]? Stdin { get; init; }
        public int Applied { get; init; }
        public int FilesChanged { get; init; }
    }

    public static Outcome Run(CheckOptions options, IReadOnlyList<string> files, byte[]? stdinBytes, string stdinFullPath, string stdinDisplay,
        Func<ConfiguredRun> newRun, BaselineFile? baseline, string root, TextWriter stdout, TextWriter stderr)
    {
        // A run of its own: fixing lints each file several times, which must not feed the reporting run's
        // cross-file state (so the fixes of run-end findings are not applied).
        var run = newRun();
        int applied = 0, changedFiles = 0;
        foreach (var file in files)
        {
            string display = FileDiscovery.DisplayPath(file);
            byte[] bytes;
            try { bytes = File.ReadAllBytes(file); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; } // reported by the check itself
            var fixedBytes = FixOne(options, run, file, display, bytes, baseline, root, stdout, stderr, ref applied);
            if (fixedBytes is null) continue;
            changedFiles++;
            if (!options.Diff) File.WriteAllBytes(file, fixedBytes);
        }

        byte[]? stdin = stdinBytes;
        if (stdinBytes is not null)
        {
            var fixedStdin = FixOne(options, run, stdinFullPath, stdinDisplay, stdinBytes, baseline, root, stdout, stderr, ref applied);
            if (fixedStdin is not null) { stdin = fixedStdin; changedFiles++; }
        }
        return new Outcome { Stdin = stdin, Applied = applied, FilesChanged = changedFiles };
    }

    /// <summary>The fixed bytes of one file, or null when no fix applies or the file cannot be decoded.</summary>
    private static byte[]? FixOne(CheckOptions options, ConfiguredRun run, string fullPath, string display, byte[] bytes,
        BaselineFile? baseline, string root, TextWriter stdout, TextWriter stderr, ref int applied)
    {
        if (!SourceText.TryDecode(bytes, display, out var text, out _)) return null;
        var driver = run.DriverFor(fullPath, display);

        IReadOnlyList<Diagnostic> Lint(SourceText current)
        {
            var result = driver.AnalyzeText(current);
            var diagnostics = run.PostProcess(result.Diagnostics, new Dictionary<string, SourceText>(StringComparer.Ordinal) { [display] = current });
            if (baseline is not null)
                diagnostics = new List<Diagnostic>(BaselineMatcher.Apply(diagnostics, root, baseline, options.Baseline ?? "baseline", Array.Empty<string>()).Diagnostics);
            return diagnostics.FindAll(d => !d.IsSuppressed && d.Location.Path == display);
        }

        var outcome = FixApplier.ApplyIteratively(text!, Lint);
        if (!outcome.Changed) return null;

        string verb = options.Diff ? "would fix" : "fixed";
        foreach (var fix in outcome.Applied)
        {
            stderr.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}: {3} {4}: {5}",
                display, fix.Position.Line + 1, fix.Position.Character + 1, verb, fix.Id, fix.Fix.Title));
        }
        if (!outcome.IsStable)
            stderr.WriteLine($"flowlint: {display}: fixes were still changing the file after {FixApplier.DefaultMaxPasses} rounds; stopped");
        applied += outcome.Applied.Count;
        if (options.Diff)
        {
            string label = display.Replace('\\', '/');
            stdout.Write(UnifiedDiff.Create(text!.Text, outcome.Text, "a/" + label, "b/" + label));
        }
        return FixApplier.EncodeLike(bytes, outcome.Text);
    }
}
