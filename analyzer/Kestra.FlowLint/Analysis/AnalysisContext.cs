using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Analysis;

/// <summary>What an analyzer registers its callbacks on, once, in <see cref="FlowAnalyzer.Initialize"/>.</summary>
public sealed class AnalysisContext
{
    internal AnalysisContext(FlowAnalyzer analyzer, AnalyzerRegistrations registrations)
    {
        Analyzer = analyzer;
        Registrations = registrations;
    }

    internal FlowAnalyzer Analyzer { get; }
    internal AnalyzerRegistrations Registrations { get; }

    /// <summary>Once per YAML file FlowLint analyses (flows and configurations), with its parse result.</summary>
    public void RegisterFileAction(Action<FileAnalysisContext> action) => Registrations.File.Add((Analyzer, action));

    /// <summary>Once per flow document.</summary>
    public void RegisterFlowAction(Action<FlowAnalysisContext> action) => Registrations.Flow.Add((Analyzer, action));

    /// <summary>Once per task of every flow, nested tasks included.</summary>
    public void RegisterTaskAction(Action<TaskAnalysisContext> action) => Registrations.Task.Add((Analyzer, action));

    /// <summary>Once per value holding Pebble (`{{`, `{%`, `{#`), rendered or not.</summary>
    public void RegisterExpressionAction(Action<ExpressionAnalysisContext> action) => Registrations.Expression.Add((Analyzer, action));

    /// <summary>Once per scalar value of every flow, templated or literal.</summary>
    public void RegisterValueAction(Action<ExpressionAnalysisContext> action) => Registrations.Value.Add((Analyzer, action));

    /// <summary>Once per Kestra server configuration (application.yml, or a Compose KESTRA_CONFIGURATION).</summary>
    public void RegisterConfigurationAction(Action<ConfigurationAnalysisContext> action) => Registrations.Configuration.Add((Analyzer, action));

    /// <summary>
    /// Once per run, before any file: register per-run callbacks that share state, and an end action that
    /// sees it all (cross-file rules), like Roslyn's compilation start/end actions.
    /// </summary>
    public void RegisterRunStartAction(Action<RunStartAnalysisContext> action) => Registrations.RunStart.Add((Analyzer, action));
}

internal sealed class AnalyzerRegistrations
{
    public readonly List<(FlowAnalyzer Analyzer, Action<FileAnalysisContext> Action)> File = new();
    public readonly List<(FlowAnalyzer Analyzer, Action<FlowAnalysisContext> Action)> Flow = new();
    public readonly List<(FlowAnalyzer Analyzer, Action<TaskAnalysisContext> Action)> Task = new();
    public readonly List<(FlowAnalyzer Analyzer, Action<ExpressionAnalysisContext> Action)> Expression = new();
    public readonly List<(FlowAnalyzer Analyzer, Action<ExpressionAnalysisContext> Action)> Value = new();
    public readonly List<(FlowAnalyzer Analyzer, Action<ConfigurationAnalysisContext> Action)> Configuration = new();
    public readonly List<(FlowAnalyzer Analyzer, Action<RunStartAnalysisContext> Action)> RunStart = new();
    public readonly List<(FlowAnalyzer Analyzer, Action<RunEndAnalysisContext> Action)> RunEnd = new();

    public void AddFrom(AnalyzerRegistrations other)
    {
        File.AddRange(other.File);
        Flow.AddRange(other.Flow);
        Task.AddRange(other.Task);
        Expression.AddRange(other.Expression);
        Value.AddRange(other.Value);
        Configuration.AddRange(other.Configuration);
        RunEnd.AddRange(other.RunEnd);
    }
}
