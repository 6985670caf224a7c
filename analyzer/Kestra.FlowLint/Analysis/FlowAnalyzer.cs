using System.Collections.Generic;

namespace Kestra.FlowLint.Analysis;

/// <summary>
/// The base of every rule, shaped like Roslyn's DiagnosticAnalyzer: it declares the descriptors it can
/// report and registers callbacks; the driver walks each document once and calls them.
/// </summary>
public abstract class FlowAnalyzer
{
    public abstract IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public abstract void Initialize(AnalysisContext context);
}
