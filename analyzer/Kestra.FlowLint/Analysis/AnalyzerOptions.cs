using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Analysis;

/// <summary>Limits that protect a run from hostile input, and options rules read.</summary>
public sealed class AnalyzerOptions
{
    public static readonly AnalyzerOptions Default = new();

    /// <summary>Files longer than this (in characters) are not parsed; KF0003 says so.</summary>
    public int MaxFileLength { get; init; } = 10 * 1024 * 1024;

    /// <summary>Deeper YAML nesting stops the parse with KF0003 instead of exhausting the stack.</summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>How many nodes following aliases may visit, so an alias bomb costs nothing.</summary>
    public int MaxAliasExpansion { get; init; } = 100_000;

    /// <summary>Per-rule options from configuration, keyed by rule id then option name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> RuleOptions { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);

    public string? GetRuleOption(string ruleId, string name) =>
        RuleOptions.TryGetValue(ruleId, out var options) && options.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// A list option (<c>KF1009: { options: { extraSensitiveNames: [pin, otp] } }</c> in .flowlint.yaml): configuration
    /// stores a list as its items joined with ',' (items cannot contain one). Empty when the option is not set.
    /// </summary>
    public IReadOnlyList<string> GetRuleOptionList(string ruleId, string name)
    {
        var value = GetRuleOption(ruleId, name);
        if (string.IsNullOrEmpty(value)) return Array.Empty<string>();
        var items = new List<string>();
        foreach (var part in value!.Split(','))
        {
            var item = part.Trim();
            if (item.Length > 0) items.Add(item);
        }
        return items;
    }
}
