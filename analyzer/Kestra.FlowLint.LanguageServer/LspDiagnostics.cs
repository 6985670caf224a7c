using System;
using System.Collections.Generic;
using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.LanguageServer.Protocol;
using Range = Kestra.FlowLint.LanguageServer.Protocol.Range;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.LanguageServer;

/// <summary>FlowLint findings as LSP diagnostics, and the hover text of a rule.</summary>
public static class LspDiagnostics
{
    public const string Source = "flowlint";

    public const int TagUnnecessary = 1;
    public const int TagDeprecated = 2;

    private const string DeprecationsCategory = "Deprecations";

    public static LspDiagnostic Convert(Diagnostic diagnostic) => new()
    {
        Range = DocumentText.ToRange(diagnostic.Location.LineSpan),
        Severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => 1,
            DiagnosticSeverity.Warning => 2,
            _ => 3,
        },
        Code = diagnostic.Id,
        CodeDescription = new CodeDescription { Href = diagnostic.Descriptor.HelpUri },
        Source = Source,
        Message = diagnostic.Message,
        Tags = TagsOf(diagnostic.Descriptor),
    };

    /// <summary>
    /// Editors fade "unnecessary" code and strike "deprecated" code: an unused suppression (KF0002) is the first, the
    /// Deprecations rules (KF5xxx, or any rule tagged <c>deprecated</c>) the second.
    /// </summary>
    public static List<int>? TagsOf(DiagnosticDescriptor descriptor)
    {
        if (descriptor == EngineDiagnostics.UnusedSuppression || HasTag(descriptor, "unnecessary")) return new List<int> { TagUnnecessary };
        if (descriptor.Category == DeprecationsCategory || HasTag(descriptor, "deprecated") || HasTag(descriptor, "deprecation"))
            return new List<int> { TagDeprecated };
        return null;
    }

    private static bool HasTag(DiagnosticDescriptor descriptor, string tag)
    {
        foreach (var t in descriptor.Tags)
            if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A configuration error as a diagnostic of the configuration file itself.</summary>
    public static LspDiagnostic Convert(ConfigurationError error) => new()
    {
        Range = DocumentText.ToRange(error.Text, error.Span),
        Severity = 1,
        Source = Source,
        Message = error.Message,
    };

    /// <summary>
    /// The hover of a finding: the message, the rule's title, why it matters (the descriptor's description) and the
    /// good example, with a link to the rule's documentation.
    /// </summary>
    public static string HoverMarkdown(Diagnostic diagnostic)
    {
        var d = diagnostic.Descriptor;
        var text = new StringBuilder();
        text.Append("**").Append(d.Id).Append(": ").Append(d.Title).Append("**\n\n");
        text.Append(diagnostic.Message).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(d.Description)) text.Append("**Why it matters.** ").Append(d.Description.Trim()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(d.GoodExample))
        {
            string good = d.GoodExample!.TrimEnd('\n', '\r');
            string fence = good.Contains("```") ? "~~~~" : "```";
            text.Append("**Good example:**\n\n").Append(fence).Append("yaml\n").Append(good).Append('\n').Append(fence).Append("\n\n");
        }
        text.Append('[').Append(d.Id).Append(" in rules.md](").Append(d.HelpUri).Append(')');
        return text.ToString();
    }

    /// <summary>Whether a position falls on a finding's range (its end included, where the cursor sits after a word).</summary>
    public static bool Contains(LinePositionSpan span, LinePosition position) =>
        position.CompareTo(span.Start) >= 0 && position.CompareTo(span.End) <= 0;
}
