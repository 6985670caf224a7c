using System.Globalization;
using System.IO;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// The default format, for people: each finding's <see cref="LineFormats.Text"/> line (unchanged, so scripts
/// that grep it keep working), its code frame and its help link, a blank line between findings, then one
/// summary line. Suppressed findings are left out (they are counted in the summary).
/// <code>
/// flows/deploy.yaml:6:23: error[KF1001]: secret('GITHUB_TOKEN') is written to the logs by task 'debug'
/// 6 |     message: "Token: {{ secret('GITHUB_TOKEN') }}"
///   |                         ^~~~~~~~~~~~~~~~~~~~~~
///   = help: https://…/rules.md#kf1001
///
/// 1 error, 0 warnings, 0 notes in 1 file
/// </code>
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    public string Name => "text";

    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    public void Write(RunReport report, TextWriter output)
    {
        var style = report.Color ? AnsiStyle.Colored : AnsiStyle.Plain;
        // A frame shows whole lines: a finding next to a credential (another rule's key finding on the same line)
        // would print it. Every frame masks what any redacting rule flagged in that file, not only its own span.
        var sensitive = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<Text.TextSpan>>(System.StringComparer.Ordinal);
        foreach (var d in report.Diagnostics)
        {
            if (!d.Descriptor.RedactSource) continue;
            if (!sensitive.TryGetValue(d.Location.Path, out var spans)) sensitive[d.Location.Path] = spans = new System.Collections.Generic.List<Text.TextSpan>();
            spans.Add(d.Location.Span);
        }
        foreach (var d in DiagnosticOrdering.Sort(report.Diagnostics))
        {
            if (d.IsSuppressed) continue;
            output.Write(style.Enabled ? ColoredHeader(d, style) : LineFormats.Text(d));
            output.Write('\n');
            CodeFrame.Write(output, d, style, sensitive.TryGetValue(d.Location.Path, out var masked) ? masked : null);
            output.Write("  ");
            output.Write(style.Paint(AnsiStyle.Bold, "= help:"));
            output.Write(' ');
            output.Write(d.Descriptor.HelpUri);
            output.Write("\n\n");
        }
        output.Write(SummaryLine(report.Summary));
        output.Write('\n');
    }

    /// <summary>`3 errors, 1 warning, 0 notes in 5 files (2 suppressed)`; the suppressed part only when there are some.</summary>
    public static string SummaryLine(RunSummary summary)
    {
        string line = Count(summary.Errors, "error") + ", " + Count(summary.Warnings, "warning") + ", " + Count(summary.Notes, "note")
            + " in " + Count(summary.Files, "file");
        return summary.Suppressed > 0 ? line + " (" + summary.Suppressed.ToString(CultureInfo.InvariantCulture) + " suppressed)" : line;
    }

    private static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");

    /// <summary>The same text as <see cref="LineFormats.Text"/>, with the severity coloured.</summary>
    private static string ColoredHeader(Diagnostic d, AnsiStyle style)
    {
        string plain = LineFormats.Text(d);
        string severity = d.Severity.ToText();
        string marker = ": " + severity + "[" + d.Id + "]: ";
        int at = plain.IndexOf(marker, d.Location.Path.Length, System.StringComparison.Ordinal);
        if (at < 0) return plain;
        return plain.Substring(0, at + 2)
            + style.Paint(style.Severity(d.Severity), severity)
            + style.Paint(AnsiStyle.Bold, "[" + d.Id + "]")
            + plain.Substring(at + marker.Length - 2);
    }
}
