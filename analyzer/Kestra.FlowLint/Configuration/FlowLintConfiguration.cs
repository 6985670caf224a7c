using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Configuration;

/// <summary>A severity as configuration writes it: a diagnostic severity, or <c>none</c> (the rule is off).</summary>
public enum ConfiguredSeverity
{
    None = 0,
    Note = DiagnosticSeverity.Note,
    Warning = DiagnosticSeverity.Warning,
    Error = DiagnosticSeverity.Error,
}

/// <summary>One entry of <c>rules:</c>: a severity, options, or both.</summary>
public sealed class RuleConfiguration
{
    private static readonly IReadOnlyDictionary<string, string> NoOptions = new Dictionary<string, string>(StringComparer.Ordinal);

    public RuleConfiguration(ConfiguredSeverity? severity, IReadOnlyDictionary<string, string>? options = null)
    {
        Severity = severity;
        Options = options ?? NoOptions;
    }

    /// <summary>Null when the entry only sets options (the category's or the rule's default severity applies).</summary>
    public ConfiguredSeverity? Severity { get; }

    /// <summary>Option name → value; a list is its items joined with ',' (see <see cref="AnalyzerOptions.GetRuleOptionList"/>).</summary>
    public IReadOnlyDictionary<string, string> Options { get; }
}

/// <summary>
/// One <c>.flowlint.yaml</c>: severities per rule and per category, which files it applies to, rule options and
/// limits. The nearest file above a flow applies to it, whole: configurations are not merged.
/// </summary>
public sealed class FlowLintConfiguration
{
    public const string FileName = ".flowlint.yaml";

    /// <summary>Also accepted, for projects that spell every YAML file .yml.</summary>
    public const string AlternateFileName = ".flowlint.yml";

    /// <summary>The categories of the catalogue, one per id range (KF0 FlowLint, KF1 Secrets … KF5 Deprecations).</summary>
    public static IReadOnlyList<string> Categories { get; } = new[] { "Secrets", "Configuration", "Expressions", "Structure", "Deprecations", EngineDiagnostics.Category };

    /// <summary>What applies when no configuration file is found: every rule at its default severity.</summary>
    public static FlowLintConfiguration Default { get; } = new();

    private AnalyzerOptions? _analyzerOptions;

    public FlowLintConfiguration(
        string? path = null,
        string? folder = null,
        IReadOnlyDictionary<string, RuleConfiguration>? rules = null,
        IReadOnlyDictionary<string, ConfiguredSeverity>? categories = null,
        IReadOnlyList<GlobPattern>? include = null,
        IReadOnlyList<GlobPattern>? exclude = null,
        int? maxFileLength = null,
        int? maxDepth = null,
        int? maxAliasExpansion = null)
    {
        Path = path;
        Folder = folder;
        Rules = rules ?? new Dictionary<string, RuleConfiguration>(StringComparer.Ordinal);
        CategorySeverities = categories ?? new Dictionary<string, ConfiguredSeverity>(StringComparer.Ordinal);
        Include = include ?? Array.Empty<GlobPattern>();
        Exclude = exclude ?? Array.Empty<GlobPattern>();
        MaxFileLength = maxFileLength;
        MaxDepth = maxDepth;
        MaxAliasExpansion = maxAliasExpansion;
    }

    /// <summary>The configuration file's full path; null for <see cref="Default"/>.</summary>
    public string? Path { get; }

    /// <summary>The folder include/exclude patterns are relative to; null for <see cref="Default"/>.</summary>
    public string? Folder { get; }

    public IReadOnlyDictionary<string, RuleConfiguration> Rules { get; }
    public IReadOnlyDictionary<string, ConfiguredSeverity> CategorySeverities { get; }
    public IReadOnlyList<GlobPattern> Include { get; }
    public IReadOnlyList<GlobPattern> Exclude { get; }
    public int? MaxFileLength { get; }
    public int? MaxDepth { get; }
    public int? MaxAliasExpansion { get; }

    /// <summary>
    /// Whether the configuration lints this file: it matches an include pattern (or there are none) and no
    /// exclude pattern. Patterns are matched against the path relative to <see cref="Folder"/>.
    /// </summary>
    public bool Applies(string fullPath)
    {
        if (Folder is null || (Include.Count == 0 && Exclude.Count == 0)) return true;
        string relative = GlobPattern.RelativePath(Folder, fullPath);
        if (Include.Count > 0 && !AnyMatch(Include, relative)) return false;
        return !AnyMatch(Exclude, relative);
    }

    private static bool AnyMatch(IReadOnlyList<GlobPattern> patterns, string relative)
    {
        foreach (var pattern in patterns)
            if (pattern.IsMatch(relative)) return true;
        return false;
    }

    /// <summary>
    /// The severity a finding of <paramref name="descriptor"/> gets, or null when the rule is off: the rule's
    /// setting, else its category's, else the descriptor's default. A rule off by default is turned on only by
    /// a setting of its own, never by its category's.
    /// </summary>
    public DiagnosticSeverity? Resolve(DiagnosticDescriptor descriptor)
    {
        if (Rules.TryGetValue(descriptor.Id, out var rule) && rule.Severity is { } own)
            return own == ConfiguredSeverity.None ? null : (DiagnosticSeverity)own;
        if (!descriptor.IsEnabledByDefault) return null;
        if (CategorySeverities.TryGetValue(descriptor.Category, out var category))
            return category == ConfiguredSeverity.None ? null : (DiagnosticSeverity)category;
        return descriptor.DefaultSeverity;
    }

    /// <summary>The limits and rule options, as the analysis driver takes them.</summary>
    public AnalyzerOptions ToAnalyzerOptions()
    {
        if (_analyzerOptions is not null) return _analyzerOptions;
        var defaults = AnalyzerOptions.Default;
        var ruleOptions = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Rules)
            if (pair.Value.Options.Count > 0) ruleOptions[pair.Key] = pair.Value.Options;
        return _analyzerOptions = new AnalyzerOptions
        {
            MaxFileLength = MaxFileLength ?? defaults.MaxFileLength,
            MaxDepth = MaxDepth ?? defaults.MaxDepth,
            MaxAliasExpansion = MaxAliasExpansion ?? defaults.MaxAliasExpansion,
            RuleOptions = ruleOptions,
        };
    }

    public override string ToString() => Path ?? "(default configuration)";
}
