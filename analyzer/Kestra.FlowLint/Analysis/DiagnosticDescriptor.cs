using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Analysis;

/// <summary>
/// Everything tooling needs to know about one rule, independent of any finding: what rules.md, SARIF's
/// tool.driver.rules, the language server's hover and the Roslyn host all render.
/// </summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>Where rules.md is published; each rule's help link is this plus "#" and its lowercase id.</summary>
    public const string DocumentationBaseUrl = "https://github.com/kestra-flowlint/flowlint/blob/main/rules.md";

    public DiagnosticDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        bool isEnabledByDefault = true,
        string? securitySeverity = null,
        IReadOnlyList<string>? tags = null,
        string? badExample = null,
        string? goodExample = null,
        bool redactSource = false)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description;
        IsEnabledByDefault = isEnabledByDefault;
        SecuritySeverity = securitySeverity;
        Tags = tags ?? Array.Empty<string>();
        BadExample = badExample;
        GoodExample = goodExample;
        RedactSource = redactSource;
    }

    public string Id { get; }
    public string Title { get; }

    /// <summary>A composite format string ({0}, {1}…) filled with a finding's message arguments.</summary>
    public string MessageFormat { get; }

    public string Category { get; }
    public DiagnosticSeverity DefaultSeverity { get; }
    public bool IsEnabledByDefault { get; }

    /// <summary>Why the rule matters, in Markdown.</summary>
    public string Description { get; }

    /// <summary>GitHub code scanning's security-severity: a number in (0, 10] written as a string; security rules only.</summary>
    public string? SecuritySeverity { get; }

    public IReadOnlyList<string> Tags { get; }

    /// <summary>A flow (or configuration) that triggers the rule; a test runs it through the analyzer.</summary>
    public string? BadExample { get; }

    /// <summary>The corrected version, which must not trigger the rule.</summary>
    public string? GoodExample { get; }

    /// <summary>
    /// The flagged text is itself sensitive (a hard-coded credential): outputs that quote source (code frames,
    /// snippets) mask it, and fingerprints never hash it.
    /// </summary>
    public bool RedactSource { get; }

    // Built on first use and kept: every SARIF run and text frame asks for it.
    public string HelpUri => _helpUri ??= DocumentationBaseUrl + "#" + Id.ToLowerInvariant();

    private string? _helpUri;

    public override string ToString() => Id;
}
