namespace Kestra.FlowLint.Reporting.Sarif;

/// <summary>
/// What GitHub code scanning accepts in one upload (docs: "SARIF support for code scanning", limits). A file
/// over any of them is rejected whole, so the writer stays inside them and says what it left out.
/// </summary>
public sealed class SarifLimits
{
    public static readonly SarifLimits GitHub = new();

    /// <summary>Results per run (GitHub keeps the top 5,000 of them by severity for display).</summary>
    public int MaxResults { get; init; } = 25_000;

    /// <summary>The gzip-compressed size of the whole file.</summary>
    public long MaxGzipBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>`properties.tags` per rule (GitHub shows 10).</summary>
    public int MaxTagsPerRule { get; init; } = 20;

    /// <summary>`shortDescription.text` and `fullDescription.text` per rule.</summary>
    public int MaxDescriptionLength { get; init; } = 1024;

    /// <summary>A rule's `name`.</summary>
    public int MaxRuleNameLength { get; init; } = 255;
}
