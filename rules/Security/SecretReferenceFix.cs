using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>
/// The editor fix for a hard-coded credential: put `{{ secret('NAME') }}` where it is written. Never safe to
/// apply unattended (the secret has to be created first), so `check --fix` leaves it alone.
/// </summary>
internal static class SecretReferenceFix
{
    /// <summary>The fix for a range of the value, or null where the edit could break the YAML or would not be rendered.</summary>
    public static IReadOnlyList<CodeFix>? Create(ExpressionSite site, int start, int length, string secretName)
    {
        // Through an alias the literal is at the anchor; a value Kestra does not render would keep the braces as text.
        if (site.ViaAlias is not null || !(site.IsRendered || site.OwnerKind == SiteOwnerKind.Variable)) return null;
        var scalar = site.Scalar;
        string value = scalar.Value;
        string title = "Replace with {{ secret('" + secretName + "') }}";

        bool flowScalar = scalar.Style is YamlScalarStyle.Plain or YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted;
        if (flowScalar && IsBlank(value, 0, start) && IsBlank(value, start + length, value.Length))
            return Fix(title, new TextEdit(scalar.Span, "\"{{ secret('" + secretName + "') }}\""));

        // Part of a value: only where the credential is written verbatim (no escape or line folding inside it),
        // and where `{{` is plain text for YAML (not at the start of a plain scalar, not inside a flow collection).
        var span = scalar.MapToSource(start, length);
        if (span.Length != length || site.Flow.Text.ToString(span) != value.Substring(start, length)) return null;
        if (scalar.Style == YamlScalarStyle.Plain && (start == 0 || scalar.Parent is YamlMapping { IsFlowStyle: true } or YamlSequence { IsFlowStyle: true }))
            return null;
        // Inside '…' a single quote would have to be doubled; Pebble takes either quote.
        string call = scalar.Style == YamlScalarStyle.SingleQuoted ? "secret(\"" + secretName + "\")" : "secret('" + secretName + "')";
        return Fix(title, new TextEdit(span, "{{ " + call + " }}"));
    }

    private static IReadOnlyList<CodeFix> Fix(string title, TextEdit edit) => new[] { new CodeFix(title, new[] { edit }, isSafe: false) };

    private static bool IsBlank(string value, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (!char.IsWhiteSpace(value[i])) return false;
        return true;
    }
}
