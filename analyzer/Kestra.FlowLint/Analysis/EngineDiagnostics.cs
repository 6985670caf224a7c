namespace Kestra.FlowLint.Analysis;

/// <summary>
/// Findings about FlowLint's own run rather than about a flow: a crashed rule, a stale suppression, a limit, an unreadable file.
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

    public static readonly DiagnosticDescriptor UnusedSuppression = new(
        "KF0002",
        "Suppression comment matches no finding",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        "A `# flowlint-disable-next-line`, `# flowlint-disable-line` or `# flowlint-disable-file` comment names a rule that reports nothing where the comment applies, or the comment cannot be read (an unknown directive or rule id). A stale suppression hides the next real finding at that place, so it is reported, with a fix that removes it. A suppression for a rule that is turned off for the file is not reported.",
        tags: new[] { "suppression" });

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

    /// <summary>
    /// Hosts that cannot refuse to run (the Roslyn analyzer inside a build) report a configuration they cannot read
    /// with this id; the CLI exits with code 2 instead.
    /// </summary>
    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "KF0090",
        "The FlowLint configuration is invalid",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        "The .flowlint.yaml (or .flowlint.yml) that applies to these flows cannot be read. The CLI refuses to run with it (exit code 2); inside `dotnet build` the flows it governs are analysed with the default configuration and this error, at the place of the mistake, says why.");

    public static DiagnosticDescriptor[] All => new[] { AnalyzerCrashed, UnusedSuppression, LimitReached, UnreadableFile, InvalidConfiguration };
}
