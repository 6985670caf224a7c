namespace Kestra.FlowLint.Analysis;

/// <summary>
/// Findings about FlowLint's own run rather than about a flow: a crashed rule, a limit, an unreadable file.
/// They are the engine's, like a compiler's own errors; every rule about flows lives under rules/.
/// </summary>
public static class EngineDiagnostics
{
    public const string Category = "FlowLint";

    public static readonly DiagnosticDescriptor AnalyzerCrashed = new(
        "KF0001",
        "A rule failed on this file",
        "Rule {0} failed on this file with {1}; its findings for this file are missing. Please report this.",
        Category,
        DiagnosticSeverity.Error,
        "A rule threw an exception while analysing the file. The rest of the run went on; this finding makes sure the gap is visible instead of silently passing.");

    public static readonly DiagnosticDescriptor LimitReached = new(
        "KF0003",
        "A safety limit was reached",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        "The file exceeded a limit that protects the run (file size, nesting depth, alias expansion). FlowLint analysed what it could and reports the limit instead of crashing or hanging. Limits can be raised in configuration.");

    public static readonly DiagnosticDescriptor UnreadableFile = new(
        "KF0004",
        "The file cannot be read as text",
        "Cannot read the file: {0}",
        Category,
        DiagnosticSeverity.Error,
        "The file is not valid UTF-8 or UTF-16 text (a binary file, a wrong encoding) or could not be read. It was skipped and the run went on.");

    public static DiagnosticDescriptor[] All => new[] { AnalyzerCrashed, LimitReached, UnreadableFile };
}
