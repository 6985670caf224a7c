using System;
using System.Collections.Generic;
using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.LanguageServer;

/// <summary>The findings of one document, as `flowlint check` reports them for that file.</summary>
public sealed class LintResult
{
    internal LintResult(SourceText text, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ConfigurationError> configurationErrors, string? configurationPath)
    {
        Text = text;
        Diagnostics = diagnostics;
        ConfigurationErrors = configurationErrors;
        ConfigurationPath = configurationPath;
    }

    /// <summary>The text that was analysed (its path is the reported one).</summary>
    public SourceText Text { get; }

    /// <summary>Unsuppressed findings, after configuration, in the order every FlowLint output uses.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Errors of the configuration that applies; `flowlint check` stops on them (exit 2), so nothing was analysed.</summary>
    public IReadOnlyList<ConfigurationError> ConfigurationErrors { get; }

    /// <summary>The full path of the .flowlint.yaml that applies, or null for the defaults.</summary>
    public string? ConfigurationPath { get; }
}

/// <summary>
/// Lints one document the way `flowlint check FILE` does: the nearest .flowlint.yaml (read again each time, so an
/// edit on disk applies at the next analysis), its include/exclude, the one document classifier, every rule that
/// is on, the run-end (cross-file) rules over this file alone, then severities and inline suppressions. The file is
/// its own run: findings of cross-file rules are those `flowlint check FILE` gives, never dependent on which other
/// documents happen to be open.
/// </summary>
public sealed class DocumentLinter
{
    private readonly IReadOnlyList<DiagnosticDescriptor> _catalogue;
    private readonly Func<IReadOnlyList<FlowAnalyzer>> _createAnalyzers;

    public DocumentLinter(IReadOnlyList<DiagnosticDescriptor> catalogue, Func<IReadOnlyList<FlowAnalyzer>> createAnalyzers)
    {
        _catalogue = catalogue;
        _createAnalyzers = createAnalyzers;
    }

    public IReadOnlyList<DiagnosticDescriptor> Catalogue => _catalogue;

    /// <param name="fullPath">Where the document is (or would be) on disk: it decides the configuration.</param>
    /// <param name="reportedPath">The path findings carry (relative to the workspace, as `check` run there prints it).</param>
    /// <param name="text">The document's current text (unsaved edits included).</param>
    /// <param name="displayPath">How other files (configurations) are named in messages.</param>
    public LintResult Lint(string fullPath, string reportedPath, string text, Func<string, string> displayPath)
    {
        var source = new SourceText(text, reportedPath);
        var run = new ConfiguredRun(_catalogue, _createAnalyzers, RuleSelection.All, displayPath);
        var configuration = run.ConfigurationFor(fullPath);
        if (run.Errors.Count > 0)
            return new LintResult(source, Array.Empty<Diagnostic>(), new List<ConfigurationError>(run.Errors), configuration.Path);
        if (IsConfigurationFile(fullPath) || !configuration.Applies(fullPath))
            return new LintResult(source, Array.Empty<Diagnostic>(), Array.Empty<ConfigurationError>(), configuration.Path);

        var driver = run.DriverFor(fullPath, reportedPath);
        var result = driver.AnalyzeText(source);
        var all = new List<Diagnostic>(result.Diagnostics);
        all.AddRange(run.CompleteRun());
        var analysed = result.WasAnalyzed
            ? new Dictionary<string, SourceText>(StringComparer.Ordinal) { [reportedPath] = source }
            : new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var processed = run.PostProcess(all, analysed);

        var visible = new List<Diagnostic>(processed.Count);
        foreach (var d in processed)
        {
            if (d.IsSuppressed) continue;
            // A crashed run-end rule has no file; it still concerns this one, the only file of the run.
            if (d.Location.Path.Length == 0 || string.Equals(d.Location.Path, reportedPath, StringComparison.Ordinal)) visible.Add(d);
        }
        visible.Sort(DiagnosticOrdering.Instance);
        return new LintResult(source, visible, Array.Empty<ConfigurationError>(), configuration.Path);
    }

    private static bool IsConfigurationFile(string path) =>
        Path.GetFileName(path) is FlowLintConfiguration.FileName or FlowLintConfiguration.AlternateFileName;
}
