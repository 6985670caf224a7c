using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting.Sarif;

/// <summary>Turns the rule catalogue's descriptors into SARIF `reportingDescriptor`s, as GitHub code scanning reads them.</summary>
internal static class SarifRules
{
    /// <param name="renderHelpWhenWriting">Leave <see cref="SarifReportingDescriptor.Help"/> to SarifJson (<see cref="SarifReportingDescriptor.HelpOf"/>).</param>
    public static SarifReportingDescriptor Describe(DiagnosticDescriptor d, SarifLimits limits, bool renderHelpWhenWriting = false)
    {
        bool security = SarifFingerprint.IsSecurityRule(d);
        return new SarifReportingDescriptor
        {
            Id = d.Id,
            Name = Truncate(PascalCase(d.Title), limits.MaxRuleNameLength),
            ShortDescription = new SarifMultiformatMessage { Text = Truncate(d.Title, limits.MaxDescriptionLength) },
            FullDescription = new SarifMultiformatMessage { Text = TruncateAtSentence(d.Description.Trim(), limits.MaxDescriptionLength) },
            Help = renderHelpWhenWriting ? null : new SarifMultiformatMessage { Text = HelpText(d, new StringBuilder()).ToString(), Markdown = HelpMarkdown(d, new StringBuilder()).ToString() },
            HelpOf = renderHelpWhenWriting ? d : null,
            HelpUri = d.HelpUri,
            DefaultConfiguration = new SarifReportingConfiguration
            {
                Enabled = d.IsEnabledByDefault ? null : false,
                Level = Level(d.DefaultSeverity),
            },
            Properties = new SarifRuleProperties
            {
                Tags = Tags(d, security, limits.MaxTagsPerRule),
                Precision = Precision(d, security),
                ProblemSeverity = d.DefaultSeverity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    _ => "recommendation",
                },
                SecuritySeverity = security ? SecuritySeverity(d) : null,
            },
        };
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>
    /// GitHub's security-severity: the descriptor's own when it is a number in (0, 10]; otherwise one derived
    /// from the default severity, with scores clear of GitHub's band edges (critical ≥ 9, high ≥ 7, medium ≥ 4).
    /// </summary>
    public static string SecuritySeverity(DiagnosticDescriptor d)
    {
        if (IsValidSecuritySeverity(d.SecuritySeverity)) return d.SecuritySeverity!;
        return d.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "8.0",
            DiagnosticSeverity.Warning => "5.5",
            _ => "3.0",
        };
    }

    /// <summary>Digits with an optional fraction, in (0, 10]: what GitHub's upload accepts.</summary>
    public static bool IsValidSecuritySeverity(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        int dots = 0;
        foreach (char c in value!)
        {
            if (c == '.') dots++;
            else if (c < '0' || c > '9') return false;
        }
        if (dots > 1 || value[0] == '.' || value[value.Length - 1] == '.') return false;
        double number = double.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return number > 0 && number <= 10;
    }

    /// <summary>`Secret written to the logs` → `SecretWrittenToTheLogs`: words of letters and digits, each capitalised.</summary>
    public static string PascalCase(string title)
    {
        var sb = new StringBuilder(title.Length);
        bool startOfWord = true;
        foreach (char c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else if (c != '\'' && c != '\u2019')
            {
                startOfWord = true; // "don't" stays one word: "Dont"
            }
        }
        return sb.Length > 0 && char.IsDigit(sb[0]) ? "Rule" + sb : sb.ToString();
    }

    private static List<string> Tags(DiagnosticDescriptor d, bool security, int max)
    {
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string tag)
        {
            if (tags.Count < max && tag.Length > 0 && seen.Add(tag)) tags.Add(tag);
        }
        if (security) Add("security");
        foreach (var tag in d.Tags) Add(tag);
        Add(d.Category.ToLowerInvariant());
        return tags;
    }

    /// <summary>
    /// How often a finding is right. The descriptor has no such field yet, so it follows the id range: the
    /// engine's, Pebble's and YAML's findings (KF0, KF3, KF4, KF5) are facts of the parse; security rules
    /// reason about data flow and are a step less certain.
    /// </summary>
    private static string Precision(DiagnosticDescriptor d, bool security) =>
        security ? "high" : d.Id.StartsWith("KF0", StringComparison.Ordinal) || d.Id.StartsWith("KF3", StringComparison.Ordinal)
            || d.Id.StartsWith("KF4", StringComparison.Ordinal) || d.Id.StartsWith("KF5", StringComparison.Ordinal)
            ? "very-high" : "high";

    /// <summary>The plain-text help, in <paramref name="sb"/> (cleared first).</summary>
    public static StringBuilder HelpText(DiagnosticDescriptor d, StringBuilder sb)
    {
        sb.Clear().Append(d.Description.Trim()).Append('\n');
        if (d.BadExample is not null) AppendIndented(sb.Append("\nReported:\n\n"), d.BadExample);
        if (d.GoodExample is not null) AppendIndented(sb.Append("\nFine:\n\n"), d.GoodExample);
        sb.Append("\nDocumentation: ").Append(d.HelpUri).Append('\n');
        return sb;
    }

    /// <summary>The Markdown help, in <paramref name="sb"/> (cleared first).</summary>
    public static StringBuilder HelpMarkdown(DiagnosticDescriptor d, StringBuilder sb)
    {
        sb.Clear().Append(d.Description.Trim()).Append('\n');
        if (d.BadExample is not null) AppendFenced(sb.Append("\n#### Reported\n\n"), d.BadExample);
        if (d.GoodExample is not null) AppendFenced(sb.Append("\n#### Fine\n\n"), d.GoodExample);
        sb.Append("\n[").Append(d.Id).Append(" in the FlowLint rule reference](").Append(d.HelpUri).Append(")\n");
        return sb;
    }

    /// <summary>
    /// At least the length of <see cref="HelpText"/> plus <see cref="HelpMarkdown"/>: each example line gains at most
    /// five characters of indentation, and a fence is at most three characters longer than the example it holds.
    /// </summary>
    public static long MaxHelpLength(DiagnosticDescriptor d)
    {
        long examples = (d.BadExample?.Length ?? 0) + (d.GoodExample?.Length ?? 0);
        return 2L * d.Description.Length + 9 * examples + 2L * d.HelpUri.Length + d.Id.Length + 256;
    }

    /// <summary>Each line of the example (trailing line breaks dropped, CR before LF dropped) indented by four spaces.</summary>
    private static void AppendIndented(StringBuilder sb, string example)
    {
        int end = LengthWithoutTrailingNewlines(example);
        for (int start = 0; start <= end;)
        {
            int newline = example.IndexOf('\n', start, end - start);
            int lineEnd = newline < 0 ? end : newline;
            int contentEnd = lineEnd;
            while (contentEnd > start && example[contentEnd - 1] == '\r') contentEnd--;
            sb.Append("    ").Append(example, start, contentEnd - start).Append('\n');
            if (newline < 0) break;
            start = newline + 1;
        }
    }

    /// <summary>A YAML code block whose fence is longer than any backtick run inside it.</summary>
    private static void AppendFenced(StringBuilder sb, string example)
    {
        int longest = 0, run = 0;
        foreach (char c in example)
        {
            run = c == '`' ? run + 1 : 0;
            if (run > longest) longest = run;
        }
        int fence = Math.Max(3, longest + 1);
        sb.Append('`', fence).Append("yaml\n").Append(example, 0, LengthWithoutTrailingNewlines(example)).Append('\n').Append('`', fence).Append('\n');
    }

    private static int LengthWithoutTrailingNewlines(string text)
    {
        int end = text.Length;
        while (end > 0 && text[end - 1] == '\n') end--;
        return end;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "\u2026";

    /// <summary>Cut at the last sentence end that fits, so a long description stays readable; the help keeps it whole.</summary>
    private static string TruncateAtSentence(string text, int max)
    {
        if (text.Length <= max) return text;
        for (int i = max - 1; i > max / 2; i--)
        {
            if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
                return text.Substring(0, i + 1);
        }
        return Truncate(text, max);
    }
}
