using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Configuration;

/// <summary>
/// <c>--select</c> and <c>--ignore</c>: rule ids or id prefixes (<c>KF1</c> is every secrets rule). With
/// <c>--select</c>, only matching rules report; <c>--ignore</c> removes rules and wins over <c>--select</c>.
/// FlowLint's own findings (KF0xxx: a crashed rule, a limit, an unreadable file, an unused suppression) say that
/// the analysis is incomplete or a comment is stale, so <c>--select</c> keeps them; only <c>--ignore</c> removes them.
/// </summary>
public sealed class RuleSelection
{
    private const string EnginePrefix = "KF0";

    public static RuleSelection All { get; } = new(Array.Empty<string>(), Array.Empty<string>());

    private RuleSelection(IReadOnlyList<string> select, IReadOnlyList<string> ignore)
    {
        Select = select;
        Ignore = ignore;
    }

    /// <summary>Upper-case ids or prefixes.</summary>
    public IReadOnlyList<string> Select { get; }

    public IReadOnlyList<string> Ignore { get; }

    public bool Allows(string id)
    {
        if (MatchesAny(Ignore, id)) return false;
        if (Select.Count == 0 || id.StartsWith(EnginePrefix, StringComparison.Ordinal)) return true;
        return MatchesAny(Select, id);
    }

    private static bool MatchesAny(IReadOnlyList<string> prefixes, string id)
    {
        foreach (var prefix in prefixes)
            if (id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// Reads the option values; each may hold several comma-separated ids. A value that is a prefix of no rule is
    /// an error: a typo must not turn into "lint nothing" or "ignore nothing".
    /// </summary>
    public static bool TryParse(IEnumerable<string>? select, IEnumerable<string>? ignore, IReadOnlyList<DiagnosticDescriptor> catalogue, out RuleSelection? selection, out string? error)
    {
        selection = null;
        var ids = new List<string>(catalogue.Count);
        foreach (var d in catalogue) ids.Add(d.Id);
        var selected = new List<string>();
        var ignored = new List<string>();
        if (!Read(select, "--select", ids, selected, out error) || !Read(ignore, "--ignore", ids, ignored, out error)) return false;
        selection = selected.Count == 0 && ignored.Count == 0 ? All : new RuleSelection(selected, ignored);
        return true;
    }

    private static bool Read(IEnumerable<string>? values, string option, List<string> ids, List<string> into, out string? error)
    {
        error = null;
        if (values is null) return true;
        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                string token = part.Trim().ToUpperInvariant();
                if (token.Length == 0) continue;
                bool matches = false;
                foreach (var id in ids)
                {
                    if (id.StartsWith(token, StringComparison.Ordinal))
                    {
                        matches = true;
                        break;
                    }
                }
                if (!matches)
                {
                    error = $"{option}: '{DidYouMean.Excerpt(part.Trim())}' matches no rule{DidYouMean.Suffix(token, ids)}; give rule ids or prefixes such as KF1 or KF3001 (`flowlint rules` lists them)";
                    return false;
                }
                into.Add(token);
            }
        }
        return true;
    }
}

/// <summary>What one file's findings go through: its configuration and the run's --select/--ignore.</summary>
public sealed class RulePolicy
{
    public RulePolicy(FlowLintConfiguration configuration, RuleSelection selection)
    {
        Configuration = configuration;
        Selection = selection;
    }

    public static RulePolicy Default { get; } = new(FlowLintConfiguration.Default, RuleSelection.All);

    public FlowLintConfiguration Configuration { get; }
    public RuleSelection Selection { get; }

    /// <summary>The severity a finding of this rule gets, or null when the rule is off for the file.</summary>
    public DiagnosticSeverity? Resolve(DiagnosticDescriptor descriptor) =>
        Selection.Allows(descriptor.Id) ? Configuration.Resolve(descriptor) : null;

    /// <summary>False when every rule of the analyzer is off: it is then not run at all.</summary>
    public bool IsNeeded(FlowAnalyzer analyzer)
    {
        foreach (var descriptor in analyzer.SupportedDiagnostics)
            if (Resolve(descriptor) is not null) return true;
        return false;
    }

    /// <summary>The analyzers that have at least one rule on.</summary>
    public IReadOnlyList<FlowAnalyzer> Filter(IReadOnlyList<FlowAnalyzer> analyzers)
    {
        var needed = new List<FlowAnalyzer>(analyzers.Count);
        foreach (var analyzer in analyzers)
            if (IsNeeded(analyzer)) needed.Add(analyzer);
        return needed;
    }
}
