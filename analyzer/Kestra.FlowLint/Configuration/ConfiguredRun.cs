using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Configuration;

/// <summary>
/// A run under configuration, for a host that lints many files: finds each file's configuration, says whether it
/// is linted at all (include/exclude), hands out one analysis driver per configuration (limits and rule options
/// are per driver; an analyzer whose rules are all off is not even created), and post-processes the findings.
/// Drivers are handed out sequentially; the files may then be analysed in parallel.
/// </summary>
public sealed class ConfiguredRun
{
    private readonly Func<IReadOnlyList<FlowAnalyzer>> _createAnalyzers;
    private readonly ConfigurationResolver _resolver;
    private readonly FindingsPostProcessor _postProcessor;
    private readonly Dictionary<FlowLintConfiguration, AnalysisDriver> _drivers = new();
    private readonly Dictionary<string, RulePolicy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<FlowLintConfiguration, RulePolicy> _policyOf = new();

    /// <param name="catalogue">Every descriptor (engine and rules).</param>
    /// <param name="createAnalyzers">Creates the rules' analyzers (fresh ones for each driver).</param>
    /// <param name="displayPath">How paths are reported (configuration errors).</param>
    /// <param name="configFile"><c>--config</c>: one configuration for every file, instead of discovery.</param>
    public ConfiguredRun(IReadOnlyList<DiagnosticDescriptor> catalogue, Func<IReadOnlyList<FlowAnalyzer>> createAnalyzers, RuleSelection selection, Func<string, string> displayPath, string? configFile = null)
    {
        _createAnalyzers = createAnalyzers;
        Selection = selection;
        _resolver = new ConfigurationResolver(catalogue, displayPath, configFile);
        _postProcessor = new FindingsPostProcessor(catalogue);
    }

    public RuleSelection Selection { get; }

    /// <summary>Errors of every configuration read so far; a host must stop (exit 2) when there are any.</summary>
    public IReadOnlyList<ConfigurationError> Errors => _resolver.Errors;

    public FlowLintConfiguration ConfigurationFor(string fullPath) => _resolver.ForFile(fullPath);

    /// <summary>Whether the file's configuration lints it (include/exclude).</summary>
    public bool Applies(string fullPath) => _resolver.ForFile(fullPath).Applies(fullPath);

    /// <summary>The driver for a file; <paramref name="reportedPath"/> is the path its findings carry.</summary>
    public AnalysisDriver DriverFor(string fullPath, string reportedPath)
    {
        var configuration = _resolver.ForFile(fullPath);
        // One policy per configuration, however many files share it (a run keeps them until post-processing).
        if (!_policyOf.TryGetValue(configuration, out var policy)) _policyOf.Add(configuration, policy = new RulePolicy(configuration, Selection));
        _policies[reportedPath] = policy;
        if (!_drivers.TryGetValue(configuration, out var driver))
            _drivers.Add(configuration, driver = new AnalysisDriver(policy.Filter(_createAnalyzers()), configuration.ToAnalyzerOptions()));
        return driver;
    }

    /// <summary>The run-end findings of every driver (cross-file rules); call once, after every file.</summary>
    public List<Diagnostic> CompleteRun()
    {
        var all = new List<Diagnostic>();
        foreach (var driver in _drivers.Values) all.AddRange(driver.CompleteRun());
        return all;
    }

    /// <summary>Applies each file's configuration and inline suppressions to the run's findings.</summary>
    /// <param name="analysedFiles">The text of each analysed file (flows, configurations) by reported path.</param>
    public List<Diagnostic> PostProcess(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, SourceText> analysedFiles)
    {
        var fallback = new RulePolicy(FlowLintConfiguration.Default, Selection);
        return _postProcessor.Apply(diagnostics, analysedFiles, path => _policies.TryGetValue(path, out var policy) ? policy : fallback);
    }
}
