using System;
using System.Collections.Generic;
using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;

namespace Kestra.FlowLint.Baseline;

/// <summary>What applying a baseline did.</summary>
public sealed class BaselineMatch
{
    public BaselineMatch(IReadOnlyList<Diagnostic> diagnostics, int matched, int stale)
    {
        Diagnostics = diagnostics;
        Matched = matched;
        Stale = stale;
    }

    /// <summary>The findings, those in the baseline marked suppressed (<see cref="SuppressionKind.External"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public int Matched { get; }

    /// <summary>Entries for analysed files that no finding matched any more (fixed, or changed beyond recognition).</summary>
    public int Stale { get; }
}

/// <summary>Records findings into a baseline, matches findings against one, and prunes entries that no longer match.</summary>
public static class BaselineMatcher
{
    /// <summary>
    /// The entries a new baseline records: every finding not already suppressed, except KF0001 (a crashed
    /// rule is FlowLint's bug and must stay visible) and findings with no file.
    /// </summary>
    public static BaselineFile Create(IReadOnlyList<Diagnostic> diagnostics, string root)
    {
        var paths = ReportPaths(diagnostics, root);
        var fingerprints = SarifFingerprint.ComputeAll(diagnostics, paths);
        var entries = new List<BaselineEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (!CanBaseline(d, paths[i]) || !seen.Add(fingerprints[i])) continue;
            entries.Add(new BaselineEntry { Path = paths[i], RuleId = d.Id, Fingerprint = fingerprints[i], Message = d.Message });
        }
        return BaselineFile.Create(entries);
    }

    /// <summary>Marks the findings the baseline records as suppressed; counts entries of analysed files that matched nothing.</summary>
    /// <param name="analysedPaths">Root-relative paths of every file of the run, to tell stale entries from entries of files not analysed.</param>
    public static BaselineMatch Apply(IReadOnlyList<Diagnostic> diagnostics, string root, BaselineFile baseline, string baselineName, IEnumerable<string> analysedPaths)
    {
        var paths = ReportPaths(diagnostics, root);
        var fingerprints = SarifFingerprint.ComputeAll(diagnostics, paths);
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in baseline.Findings) recorded.Add(entry.Fingerprint);

        string justification = "Recorded in the baseline " + baselineName;
        var result = new List<Diagnostic>(diagnostics.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        int matched = 0;
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (!d.IsSuppressed && CanBaseline(d, paths[i]) && recorded.Contains(fingerprints[i]))
            {
                result.Add(d.WithSuppression(SuppressionKind.External, justification));
                used.Add(fingerprints[i]);
                matched++;
            }
            else
            {
                if (d.IsSuppressed) used.Add(fingerprints[i]); // suppressed inline since: not stale
                result.Add(d);
            }
        }

        var analysed = new HashSet<string>(analysedPaths, StringComparer.Ordinal);
        int stale = 0;
        foreach (var entry in baseline.Findings)
            if (analysed.Contains(entry.Path) && !used.Contains(entry.Fingerprint)) stale++;
        return new BaselineMatch(result, matched, stale);
    }

    /// <summary>
    /// The baseline without entries that no longer match: entries of analysed files that no finding matches,
    /// and entries of files that no longer exist under the root. Entries of existing files that were not part
    /// of this run are kept, so pruning with a subset of the paths loses nothing.
    /// </summary>
    public static BaselineFile Prune(BaselineFile baseline, IReadOnlyList<Diagnostic> diagnostics, string root, IEnumerable<string> analysedPaths, out int removed)
    {
        var paths = ReportPaths(diagnostics, root);
        var fingerprints = SarifFingerprint.ComputeAll(diagnostics, paths);
        var current = new HashSet<string>(fingerprints, StringComparer.Ordinal);
        var analysed = new HashSet<string>(analysedPaths, StringComparer.Ordinal);
        var kept = new List<BaselineEntry>();
        foreach (var entry in baseline.Findings)
        {
            bool keep = analysed.Contains(entry.Path)
                ? current.Contains(entry.Fingerprint)
                : File.Exists(Path.IsPathRooted(entry.Path) ? entry.Path : Path.Combine(root, entry.Path));
            if (keep) kept.Add(entry);
        }
        removed = baseline.Findings.Count - kept.Count;
        return BaselineFile.Create(kept);
    }

    /// <summary>Each finding's root-relative path, as fingerprints and baseline entries use it.</summary>
    public static string[] ReportPaths(IReadOnlyList<Diagnostic> diagnostics, string root)
    {
        var paths = RepositoryRoot.ReportPaths(root, diagnostics);
        return paths;
    }

    private static bool CanBaseline(Diagnostic d, string path) =>
        path.Length > 0 && d.Id != EngineDiagnostics.AnalyzerCrashed.Id && !d.IsSuppressed;
}
