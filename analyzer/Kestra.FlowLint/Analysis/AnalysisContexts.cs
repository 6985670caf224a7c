using System;
using System.Collections.Generic;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Analysis;

/// <summary>What every callback context shares: the file, the options, and a way to report.</summary>
public abstract class AnalysisCallbackContext
{
    private readonly Action<Diagnostic> _report;

    private protected AnalysisCallbackContext(SourceText text, AnalyzerOptions options, Action<Diagnostic> report)
    {
        Text = text;
        Options = options;
        _report = report;
    }

    /// <summary>The file's text (locations are in it).</summary>
    public SourceText Text { get; }

    public AnalyzerOptions Options { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);

    /// <summary>Reports a finding at a span of the file.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, string? ownerPath = null, IReadOnlyList<CodeFix>? fixes = null, params object?[] messageArgs) =>
        _report(Diagnostic.Create(descriptor, new Location(Text, span), ownerPath, fixes, null, messageArgs));
}

public sealed class FileAnalysisContext : AnalysisCallbackContext
{
    internal FileAnalysisContext(SourceText text, YamlStream stream, AnalyzerOptions options, Action<Diagnostic> report)
        : base(text, options, report) => Stream = stream;

    public YamlStream Stream { get; }
}

public sealed class FlowAnalysisContext : AnalysisCallbackContext
{
    internal FlowAnalysisContext(FlowDocument flow, AnalyzerOptions options, Action<Diagnostic> report)
        : base(flow.Text, options, report) => Flow = flow;

    public FlowDocument Flow { get; }
}

/// <summary>
/// The task a task action is called for. Like every context, valid only during the call: the driver moves one
/// context from task to task of a flow rather than allocating one per task.
/// </summary>
public sealed class TaskAnalysisContext : AnalysisCallbackContext
{
    internal TaskAnalysisContext(FlowDocument flow, FlowTask task, AnalyzerOptions options, Action<Diagnostic> report)
        : base(flow.Text, options, report)
    {
        Flow = flow;
        Task = task;
    }

    public FlowDocument Flow { get; }
    public FlowTask Task { get; internal set; }
}

/// <summary>
/// The value a value or expression action is called for. Valid only during the call: the driver moves one context
/// from value to value of a flow (a flow has hundreds) rather than allocating one per value.
/// </summary>
public sealed class ExpressionAnalysisContext : AnalysisCallbackContext
{
    internal ExpressionAnalysisContext(ExpressionSite site, AnalyzerOptions options, Action<Diagnostic> report)
        : base(site.Flow.Text, options, report) => Site = site;

    public ExpressionSite Site { get; internal set; }
    public FlowDocument Flow => Site.Flow;

    /// <summary>Reports a finding at a span of the template (value coordinates), mapped to the file.</summary>
    public void ReportInTemplate(DiagnosticDescriptor descriptor, TextSpan templateSpan, IReadOnlyList<CodeFix>? fixes = null, params object?[] messageArgs) =>
        Report(descriptor, Site.MapToSource(templateSpan), Site.OwnerPath, fixes, messageArgs);
}

public sealed class ConfigurationAnalysisContext : AnalysisCallbackContext
{
    internal ConfigurationAnalysisContext(KestraConfigDocument configuration, AnalyzerOptions options, Action<Diagnostic> report)
        : base(configuration.FileText, options, report) => Configuration = configuration;

    public KestraConfigDocument Configuration { get; }

    /// <summary>Reports at a span of the configuration's own text, mapped into the file that holds it.</summary>
    public void ReportInConfiguration(DiagnosticDescriptor descriptor, TextSpan span, string? ownerPath = null, params object?[] messageArgs) =>
        Report(descriptor, Configuration.MapToFile(span), ownerPath, null, messageArgs);
}

/// <summary>Registers callbacks for one run; they may share state captured in the start action.</summary>
public sealed class RunStartAnalysisContext
{
    private readonly FlowAnalyzer _analyzer;

    internal RunStartAnalysisContext(FlowAnalyzer analyzer, AnalyzerOptions options)
    {
        _analyzer = analyzer;
        Options = options;
    }

    internal AnalyzerRegistrations Registrations { get; } = new();
    public AnalyzerOptions Options { get; }

    public void RegisterFlowAction(Action<FlowAnalysisContext> action) => Registrations.Flow.Add((_analyzer, action));
    public void RegisterTaskAction(Action<TaskAnalysisContext> action) => Registrations.Task.Add((_analyzer, action));
    public void RegisterExpressionAction(Action<ExpressionAnalysisContext> action) => Registrations.Expression.Add((_analyzer, action));
    public void RegisterValueAction(Action<ExpressionAnalysisContext> action) => Registrations.Value.Add((_analyzer, action));
    public void RegisterConfigurationAction(Action<ConfigurationAnalysisContext> action) => Registrations.Configuration.Add((_analyzer, action));

    /// <summary>Called once after every file of the run was analysed.</summary>
    public void RegisterRunEndAction(Action<RunEndAnalysisContext> action) => Registrations.RunEnd.Add((_analyzer, action));
}

public sealed class RunEndAnalysisContext
{
    private readonly Action<Diagnostic> _report;

    internal RunEndAnalysisContext(AnalyzerOptions options, Action<Diagnostic> report)
    {
        Options = options;
        _report = report;
    }

    public AnalyzerOptions Options { get; }

    /// <summary>Findings of a run-end action carry their own locations (captured while the files were analysed).</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
}
