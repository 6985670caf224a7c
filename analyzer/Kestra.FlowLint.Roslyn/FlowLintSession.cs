using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;
using Microsoft.CodeAnalysis.Diagnostics;
using AdditionalText = Microsoft.CodeAnalysis.AdditionalText;
using FlowLintDiagnostic = Kestra.FlowLint.Analysis.Diagnostic;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynLocation = Microsoft.CodeAnalysis.Location;
using RoslynText = Microsoft.CodeAnalysis.Text;

namespace Kestra.FlowLint.Roslyn;

/// <summary>
/// One compilation's FlowLint run: what <see cref="ConfiguredRun"/> is to the CLI, with configuration files read
/// from the AdditionalFiles instead of the disk (an analyzer must not do its own I/O: the IDE and the compiler
/// server hand it the texts). Thread-safe: the compiler analyses additional files concurrently.
/// Nothing here throws to Roslyn (which would turn it into AD0001 and drop every finding): a failure becomes
/// an engine KF0001 at the file.
/// </summary>
internal sealed class FlowLintSession
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Catalogue = RuleCatalog.AllDescriptors();

    private readonly object _gate = new();
    private readonly FindingsPostProcessor _postProcessor = new(Catalogue);

    /// <summary>The configuration files among the AdditionalFiles, by folder; both names in one folder is an error.</summary>
    private readonly Dictionary<string, List<AdditionalText>> _configurationFiles = new(StringComparer.Ordinal);

    private readonly Dictionary<string, LoadedConfiguration> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoadedConfiguration?> _byFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<FlowLintConfiguration, AnalysisDriver> _drivers = new();

    /// <summary>Each analysed file's text and policy, by path: run-end findings go through the same post-processing.</summary>
    private readonly ConcurrentDictionary<string, (SourceText Text, RulePolicy Policy)> _analysed = new(StringComparer.Ordinal);

    public FlowLintSession(ImmutableArray<AdditionalText> additionalFiles)
    {
        foreach (var file in additionalFiles)
        {
            if (!IsConfigurationFile(file.Path)) continue;
            string folder = Path.GetDirectoryName(file.Path) ?? string.Empty;
            if (!_configurationFiles.TryGetValue(folder, out var list)) _configurationFiles.Add(folder, list = new List<AdditionalText>());
            list.Add(file);
        }
    }

    public void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        string path = context.AdditionalFile.Path;
        try
        {
            if (IsConfigurationFile(path))
            {
                ReportConfigurationErrors(context);
                return;
            }
            if (!IsYaml(path)) return;
            var configuration = ConfigurationFor(path, context.CancellationToken);
            if (!configuration.Applies(path)) return;

            var policy = new RulePolicy(configuration, RuleSelection.All);
            var driver = DriverFor(configuration, policy);
            var roslynText = context.AdditionalFile.GetText(context.CancellationToken);
            if (roslynText is null)
            {
                var unreadable = driver.ReportUnreadable(path, "the compiler could not read it");
                Report(context.ReportDiagnostic, _postProcessor.ApplyToFile(new SourceText(string.Empty, path), unreadable.Diagnostics, policy));
                return;
            }

            var text = new SourceText(roslynText.ToString(), path);
            var result = driver.AnalyzeText(text);
            if (!result.WasAnalyzed && result.Diagnostics.Count == 0) return;
            _analysed[path] = (text, policy);
            Report(context.ReportDiagnostic, _postProcessor.ApplyToFile(text, result.Diagnostics, policy));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            context.ReportDiagnostic(Crashed("FlowLint", ex, path));
        }
    }

    /// <summary>Cross-file rules (run end), once every file was analysed.</summary>
    public void CompleteRun(CompilationAnalysisContext context)
    {
        try
        {
            AnalysisDriver[] drivers;
            lock (_gate)
            {
                drivers = new AnalysisDriver[_drivers.Count];
                _drivers.Values.CopyTo(drivers, 0);
            }
            var byPath = new Dictionary<string, List<FlowLintDiagnostic>>(StringComparer.Ordinal);
            foreach (var driver in drivers)
            {
                foreach (var d in driver.CompleteRun())
                {
                    if (!byPath.TryGetValue(d.Location.Path, out var list)) byPath.Add(d.Location.Path, list = new List<FlowLintDiagnostic>());
                    list.Add(d);
                }
            }
            // Sorted so the compiler receives the findings in the same order on every run.
            var paths = new List<string>(byPath.Keys);
            paths.Sort(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                var findings = byPath[path];
                var processed = _analysed.TryGetValue(path, out var file)
                    ? _postProcessor.ApplyToFile(file.Text, findings, file.Policy)
                    : _postProcessor.Apply(findings, new Dictionary<string, SourceText>(), _ => RulePolicy.Default);
                Report(context.ReportDiagnostic, processed);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            context.ReportDiagnostic(Crashed("FlowLint run end", ex, null));
        }
    }

    private static void Report(Action<RoslynDiagnostic> report, IReadOnlyList<FlowLintDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics) report(ToRoslyn(d));
    }

    internal static RoslynDiagnostic ToRoslyn(FlowLintDiagnostic d)
    {
        var descriptor = FlowLintDescriptors.For(d.Id);
        if (!d.IsSuppressed)
            return RoslynDiagnostic.Create(descriptor, ToRoslyn(d.Location), FlowLintDescriptors.ToRoslyn(d.Severity),
                additionalLocations: null, properties: null, d.Message);
        // An inline `# flowlint-disable` comment: reported as suppressed in source, as a #pragma would be, so the
        // build ignores it while -errorlog keeps it with an inSource suppression (the CLI's SARIF does the same).
        return RoslynDiagnostic.Create(descriptor.Id, descriptor.Category, d.Message, FlowLintDescriptors.ToRoslyn(d.Severity),
            descriptor.DefaultSeverity, descriptor.IsEnabledByDefault, warningLevel: d.Severity == Analysis.DiagnosticSeverity.Error ? 0 : 1,
            isSuppressed: true, descriptor.Title, descriptor.Description, descriptor.HelpLinkUri, ToRoslyn(d.Location),
            additionalLocations: null, customTags: descriptor.CustomTags);
    }

    private static RoslynLocation ToRoslyn(Location location)
    {
        if (location.Path.Length == 0) return RoslynLocation.None;
        var start = location.LineSpan.Start;
        var end = location.LineSpan.End;
        return RoslynLocation.Create(location.Path,
            new RoslynText.TextSpan(location.Span.Start, location.Span.Length),
            new RoslynText.LinePositionSpan(new RoslynText.LinePosition(start.Line, start.Character), new RoslynText.LinePosition(end.Line, end.Character)));
    }

    private static RoslynDiagnostic Crashed(string what, Exception ex, string? path)
    {
        // The exception's type only: its message may quote the file, and a flow's file may hold a secret.
        var location = path is null
            ? RoslynLocation.None
            : RoslynLocation.Create(path, default, new RoslynText.LinePositionSpan(default, default));
        var descriptor = FlowLintDescriptors.For(EngineDiagnostics.AnalyzerCrashed.Id);
        return RoslynDiagnostic.Create(descriptor, location, string.Format(System.Globalization.CultureInfo.InvariantCulture,
            EngineDiagnostics.AnalyzerCrashed.MessageFormat, what, ex.GetType().Name));
    }

    private AnalysisDriver DriverFor(FlowLintConfiguration configuration, RulePolicy policy)
    {
        lock (_gate)
        {
            if (!_drivers.TryGetValue(configuration, out var driver))
                _drivers.Add(configuration, driver = new AnalysisDriver(policy.Filter(RuleCatalog.CreateAnalyzers()), configuration.ToAnalyzerOptions()));
            return driver;
        }
    }

    /// <summary>The nearest configuration at or above the file's folder, as the CLI's ConfigurationResolver finds it.</summary>
    private FlowLintConfiguration ConfigurationFor(string path, System.Threading.CancellationToken cancellationToken)
    {
        if (_configurationFiles.Count == 0) return FlowLintConfiguration.Default;
        lock (_gate)
        {
            var visited = new List<string>();
            LoadedConfiguration? found = null;
            for (string? folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                if (_byFolder.TryGetValue(folder!, out found)) break;
                visited.Add(folder!);
                if (_configurationFiles.TryGetValue(folder!, out var files))
                {
                    found = Load(Preferred(files), cancellationToken);
                    break;
                }
            }
            foreach (var v in visited) _byFolder[v] = found;
            return found?.Configuration ?? FlowLintConfiguration.Default;
        }
    }

    /// <summary>Reports a configuration file's errors at their place in it (the analysis of the flows goes on).</summary>
    private void ReportConfigurationErrors(AdditionalFileAnalysisContext context)
    {
        string path = context.AdditionalFile.Path;
        LoadedConfiguration loaded;
        List<AdditionalText> files;
        lock (_gate)
        {
            files = _configurationFiles[Path.GetDirectoryName(path) ?? string.Empty];
            loaded = Load(context.AdditionalFile, context.CancellationToken);
        }
        if (files.Count > 1 && Preferred(files) != context.AdditionalFile)
        {
            context.ReportDiagnostic(RoslynDiagnostic.Create(FlowLintDescriptors.InvalidConfiguration,
                RoslynLocation.Create(path, default, new RoslynText.LinePositionSpan(default, default)),
                $"both {FlowLintConfiguration.FileName} and {FlowLintConfiguration.AlternateFileName} are in this folder; keep one ({FlowLintConfiguration.FileName} is used)"));
            return;
        }
        foreach (var error in loaded.Errors)
        {
            var lineSpan = error.Text.GetLinePositionSpan(error.Span);
            var location = RoslynLocation.Create(path, new RoslynText.TextSpan(error.Span.Start, error.Span.Length),
                new RoslynText.LinePositionSpan(new RoslynText.LinePosition(lineSpan.Start.Line, lineSpan.Start.Character),
                    new RoslynText.LinePosition(lineSpan.End.Line, lineSpan.End.Character)));
            context.ReportDiagnostic(RoslynDiagnostic.Create(FlowLintDescriptors.InvalidConfiguration, location, error.Message));
        }
    }

    private static AdditionalText Preferred(List<AdditionalText> files)
    {
        foreach (var file in files)
            if (string.Equals(Path.GetFileName(file.Path), FlowLintConfiguration.FileName, StringComparison.Ordinal)) return file;
        return files[0];
    }

    /// <summary>Parses a configuration file once per compilation. Call under <see cref="_gate"/>.</summary>
    private LoadedConfiguration Load(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(file.Path, out var loaded)) return loaded;
        var roslynText = file.GetText(cancellationToken);
        var text = new SourceText(roslynText?.ToString() ?? string.Empty, file.Path);
        if (roslynText is null)
        {
            loaded = new LoadedConfiguration(FlowLintConfiguration.Default, new[] { new ConfigurationError(text, default, "cannot read the configuration") });
        }
        else
        {
            var result = ConfigurationParser.Parse(text, file.Path, Catalogue);
            loaded = new LoadedConfiguration(result.Configuration ?? FlowLintConfiguration.Default, result.Errors);
        }
        _loaded.Add(file.Path, loaded);
        return loaded;
    }

    private static bool IsConfigurationFile(string path)
    {
        string name = Path.GetFileName(path);
        return string.Equals(name, FlowLintConfiguration.FileName, StringComparison.Ordinal)
            || string.Equals(name, FlowLintConfiguration.AlternateFileName, StringComparison.Ordinal);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private sealed class LoadedConfiguration
    {
        public LoadedConfiguration(FlowLintConfiguration configuration, IReadOnlyList<ConfigurationError> errors)
        {
            Configuration = configuration;
            Errors = errors;
        }

        public FlowLintConfiguration Configuration { get; }
        public IReadOnlyList<ConfigurationError> Errors { get; }
    }
}
