using System;
using System.Collections.Generic;
using System.Threading;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Analysis;

/// <summary>What one file turned out to be and what was found in it.</summary>
public sealed class FileAnalysisResult
{
    internal FileAnalysisResult(string path, SourceText? text, IReadOnlyList<Diagnostic> diagnostics, int flows, int configurations, int skippedDocuments)
    {
        Path = path;
        Text = text;
        // A run holds every file's result until its report: no list object, no spare capacity.
        Diagnostics = diagnostics.Count == 0 ? Array.Empty<Diagnostic>()
            : diagnostics is List<Diagnostic> list ? list.ToArray() : diagnostics;
        FlowCount = flows;
        ConfigurationCount = configurations;
        SkippedDocumentCount = skippedDocuments;
    }

    public string Path { get; }

    /// <summary>The decoded text; null when the file could not be read.</summary>
    public SourceText? Text { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    public int FlowCount { get; }
    public int ConfigurationCount { get; }

    /// <summary>YAML documents that are neither flows nor Kestra configuration (left alone, no findings).</summary>
    public int SkippedDocumentCount { get; }

    public bool WasAnalyzed => FlowCount + ConfigurationCount > 0;
}

/// <summary>
/// Runs analyzers over files: decodes, parses YAML once, classifies each document, builds the flow model
/// and calls every registered callback. A callback that throws becomes one KF0001 finding for that file.
/// One driver serves one run; files may be analysed in parallel.
/// </summary>
public sealed class AnalysisDriver
{
    private readonly AnalyzerRegistrations _registrations = new();
    private readonly AnalyzerOptions _options;
    private volatile bool _runStarted;
    private readonly object _runStartGate = new();

    public AnalysisDriver(IReadOnlyList<FlowAnalyzer> analyzers, AnalyzerOptions? options = null)
    {
        Analyzers = analyzers;
        _options = options ?? AnalyzerOptions.Default;
        foreach (var analyzer in analyzers)
            analyzer.Initialize(new AnalysisContext(analyzer, _registrations));
    }

    public IReadOnlyList<FlowAnalyzer> Analyzers { get; }
    public AnalyzerOptions Options => _options;

    /// <summary>Calls the run start actions; done automatically by the first file.</summary>
    private void EnsureRunStarted()
    {
        // Every file waits until the start actions have registered theirs: a file analysed on another thread
        // while they were being added enumerated the registration lists mid-change (found by the parallel benchmark).
        if (_runStarted) return;
        lock (_runStartGate)
        {
            if (_runStarted) return;
            foreach (var (analyzer, action) in _registrations.RunStart)
            {
                var start = new RunStartAnalysisContext(analyzer, _options);
                try { action(start); }
                catch (Exception) { continue; } // A broken start action only loses that rule; KF0001 needs a file, which there is none of yet.
                _registrations.AddFrom(start.Registrations);
            }
            _runStarted = true;
        }
    }

    /// <summary>Decodes a file's bytes (which need not outlive the call) and analyses its text; undecodable bytes give KF0004.</summary>
    public FileAnalysisResult AnalyzeBytes(string path, ReadOnlySpan<byte> bytes)
    {
        if (!SourceText.TryDecode(bytes, path, out var text, out var error))
            return ReportUnreadable(path, $"{error!.Message} at byte {error.ByteOffset}");
        return AnalyzeText(text!);
    }

    /// <summary>A KF0004 result for a file that could not be read or decoded; the run goes on.</summary>
    public FileAnalysisResult ReportUnreadable(string path, string reason)
    {
        var empty = new SourceText(string.Empty, path);
        var diagnostic = Diagnostic.Create(EngineDiagnostics.UnreadableFile, empty, new TextSpan(0, 0), reason);
        return new FileAnalysisResult(path, null, new[] { diagnostic }, 0, 0, 0);
    }

    public FileAnalysisResult AnalyzeText(SourceText text)
    {
        EnsureRunStarted();
        var diagnostics = new List<Diagnostic>();
        var crashed = new HashSet<string>(StringComparer.Ordinal);

        if (text.Length > _options.MaxFileLength)
        {
            diagnostics.Add(Diagnostic.Create(EngineDiagnostics.LimitReached, text, new TextSpan(0, 0),
                $"The file has {text.Length} characters, more than the limit of {_options.MaxFileLength}; it was not analysed."));
            return new FileAnalysisResult(text.Path, text, diagnostics, 0, 0, 0);
        }

        var stream = YamlParser.Parse(text, new YamlParseOptions
        {
            MaxDepth = _options.MaxDepth,
            MaxAliasExpansion = _options.MaxAliasExpansion,
            MaxFileLength = _options.MaxFileLength,
        });

        int flows = 0, configurations = 0, skipped = 0;
        var kinds = new DocumentKind[stream.Documents.Count];
        for (int i = 0; i < stream.Documents.Count; i++)
        {
            kinds[i] = DocumentClassifier.Classify(stream.Documents[i]);
            if (kinds[i] == DocumentKind.Flow) flows++;
            else if (kinds[i] == DocumentKind.Other) skipped++;
            else configurations++;
        }

        // A file that could not be classified at all (broken before its first key) is still reported:
        // pointed at a folder of flows, a user wants to hear that a file is not valid YAML.
        bool relevant = flows + configurations > 0 || (stream.Errors.Count > 0 && skipped == stream.Documents.Count && !HasIdentifiableRoot(stream));
        if (!relevant) return new FileAnalysisResult(text.Path, text, diagnostics, 0, 0, skipped);

        void Report(Diagnostic d) => diagnostics.Add(d);

        foreach (var error in stream.Errors)
        {
            if (error.Kind == YamlErrorKind.Limit)
                diagnostics.Add(Diagnostic.Create(EngineDiagnostics.LimitReached, text, error.Span, error.Message));
        }

        var fileContext = new FileAnalysisContext(text, stream, _options, Report);
        foreach (var (analyzer, action) in _registrations.File)
            Invoke(analyzer, action, fileContext, text, diagnostics, crashed);

        for (int i = 0; i < stream.Documents.Count; i++)
        {
            var document = stream.Documents[i];
            switch (kinds[i])
            {
                case DocumentKind.Flow:
                    AnalyzeFlow(text, stream, document, Report, diagnostics, crashed);
                    break;
                case DocumentKind.KestraConfiguration:
                    AnalyzeConfiguration(new KestraConfigDocument(text, stream, document, (YamlMapping)document.Root!.Resolve()!), Report, text, diagnostics, crashed);
                    break;
                case DocumentKind.ComposeWithKestraConfiguration:
                    foreach (var embedded in DocumentClassifier.FindComposeKestraConfigurations((YamlMapping)document.Root!.Resolve()!))
                        AnalyzeEmbeddedConfiguration(text, embedded, Report, diagnostics, crashed);
                    break;
            }
        }

        return new FileAnalysisResult(text.Path, text, diagnostics, flows, configurations, skipped);
    }

    private static bool HasIdentifiableRoot(YamlStream stream)
    {
        foreach (var document in stream.Documents)
            if (document.Root?.Resolve() is YamlMapping { Entries.Count: > 0 }) return true;
        return false;
    }

    private void AnalyzeFlow(SourceText text, YamlStream stream, YamlDocument document, Action<Diagnostic> report, List<Diagnostic> diagnostics, HashSet<string> crashed)
    {
        FlowDocument flow;
        try
        {
            flow = FlowModelBuilder.Build(text, stream, document, _options.MaxAliasExpansion);
        }
        catch (Exception ex)
        {
            diagnostics.Add(Diagnostic.Create(EngineDiagnostics.AnalyzerCrashed, text, new TextSpan(0, 0), "flow model", ex.GetType().Name));
            return;
        }

        if (flow.AliasExpansionLimited && !HasLimitFinding(diagnostics))
        {
            diagnostics.Add(Diagnostic.Create(EngineDiagnostics.LimitReached, text, document.Root!.Span,
                $"Following YAML aliases would visit more than {_options.MaxAliasExpansion} nodes; values behind the remaining aliases were not analysed."));
        }

        var flowContext = new FlowAnalysisContext(flow, _options, report);
        foreach (var (analyzer, action) in _registrations.Flow)
            Invoke(analyzer, action, flowContext, text, diagnostics, crashed);

        // One context per kind, moved along (contexts are only valid during a call, as in Roslyn).
        if (_registrations.Task.Count > 0)
        {
            TaskAnalysisContext? taskContext = null;
            foreach (var task in flow.AllTasks)
            {
                if (taskContext is null) taskContext = new TaskAnalysisContext(flow, task, _options, report);
                else taskContext.Task = task;
                foreach (var (analyzer, action) in _registrations.Task)
                    Invoke(analyzer, action, taskContext, text, diagnostics, crashed);
            }
        }

        ExpressionAnalysisContext? siteContext = null;
        if (_registrations.Value.Count > 0)
        {
            foreach (var site in flow.Values)
            {
                siteContext = At(siteContext, site, report);
                foreach (var (analyzer, action) in _registrations.Value)
                    Invoke(analyzer, action, siteContext, text, diagnostics, crashed);
            }
        }

        if (_registrations.Expression.Count > 0)
        {
            foreach (var site in flow.ExpressionSites)
            {
                siteContext = At(siteContext, site, report);
                foreach (var (analyzer, action) in _registrations.Expression)
                    Invoke(analyzer, action, siteContext, text, diagnostics, crashed);
            }
        }
    }

    private ExpressionAnalysisContext At(ExpressionAnalysisContext? context, ExpressionSite site, Action<Diagnostic> report)
    {
        if (context is null) return new ExpressionAnalysisContext(site, _options, report);
        context.Site = site;
        return context;
    }

    private static bool HasLimitFinding(List<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
            if (d.Descriptor == EngineDiagnostics.LimitReached) return true;
        return false;
    }

    private void AnalyzeEmbeddedConfiguration(SourceText fileText, EmbeddedConfiguration embedded, Action<Diagnostic> report, List<Diagnostic> diagnostics, HashSet<string> crashed)
    {
        var innerText = new SourceText(embedded.Configuration, fileText.Path);
        var innerStream = YamlParser.Parse(innerText, new YamlParseOptions { MaxDepth = _options.MaxDepth, MaxAliasExpansion = _options.MaxAliasExpansion });
        foreach (var document in innerStream.Documents)
        {
            if (document.Root?.Resolve() is not YamlMapping root) continue;
            AnalyzeConfiguration(new KestraConfigDocument(fileText, innerStream, document, root, embedded), report, fileText, diagnostics, crashed);
        }
    }

    private void AnalyzeConfiguration(KestraConfigDocument configuration, Action<Diagnostic> report, SourceText text, List<Diagnostic> diagnostics, HashSet<string> crashed)
    {
        var context = new ConfigurationAnalysisContext(configuration, _options, report);
        foreach (var (analyzer, action) in _registrations.Configuration)
            Invoke(analyzer, action, context, text, diagnostics, crashed);
    }

    /// <summary>
    /// Calls the run end actions (cross-file rules) once, after every file, and returns their findings; a later call
    /// returns the same findings. Rules may let go of their run state in their end action.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompleteRun()
    {
        lock (_runStartGate) return _runEndFindings ??= RunEndActions();
    }

    private IReadOnlyList<Diagnostic>? _runEndFindings;

    private List<Diagnostic> RunEndActions()
    {
        EnsureRunStarted();
        var diagnostics = new List<Diagnostic>();
        var context = new RunEndAnalysisContext(_options, d => { lock (diagnostics) diagnostics.Add(d); });
        foreach (var (analyzer, action) in _registrations.RunEnd)
        {
            try { action(context); }
            catch (Exception ex)
            {
                var empty = new SourceText(string.Empty, string.Empty);
                diagnostics.Add(Diagnostic.Create(EngineDiagnostics.AnalyzerCrashed, empty, new TextSpan(0, 0), RuleIds(analyzer), ex.GetType().Name));
            }
        }
        return diagnostics;
    }

    // Generic rather than a closure: this runs once per rule and value, and a lambda would allocate each time.
    private static void Invoke<TContext>(FlowAnalyzer analyzer, Action<TContext> action, TContext context, SourceText text, List<Diagnostic> diagnostics, HashSet<string> crashed)
    {
        try
        {
            action(context);
        }
        catch (Exception ex)
        {
            // One KF0001 per rule and file is enough to make the gap visible.
            string ids = RuleIds(analyzer);
            if (crashed.Add(ids))
                diagnostics.Add(Diagnostic.Create(EngineDiagnostics.AnalyzerCrashed, text, new TextSpan(0, 0), ids, ex.GetType().Name));
        }
    }

    private static string RuleIds(FlowAnalyzer analyzer)
    {
        var ids = new List<string>();
        foreach (var d in analyzer.SupportedDiagnostics) ids.Add(d.Id);
        return string.Join("/", ids);
    }
}
