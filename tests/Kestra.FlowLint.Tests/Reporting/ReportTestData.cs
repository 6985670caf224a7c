using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Reporting;

/// <summary>
/// Test-only descriptors and hand-placed findings: reporter tests pin exact output, so they must not move when a
/// real rule's message or span changes.
/// </summary>
internal static class ReportTestData
{
    public static readonly DiagnosticDescriptor Finding = new(
        "KF9001", "Test finding", "{0}", "Test", DiagnosticSeverity.Warning, "A descriptor for reporter tests.");

    public static readonly DiagnosticDescriptor ErrorFinding = new(
        "KF9002", "Test error", "{0}", "Test", DiagnosticSeverity.Error, "A descriptor for reporter tests.");

    /// <summary>Like a hard-coded credential rule: the flagged text is the secret itself.</summary>
    public static readonly DiagnosticDescriptor Credential = new(
        "KF9003", "Test credential", "A credential is hard-coded in '{0}'", "Test", DiagnosticSeverity.Error,
        "A descriptor for reporter tests.", redactSource: true);

    public const string HelpBase = "https://github.com/kestra-flowlint/flowlint/blob/main/rules.md#";

    /// <summary>A finding on the <paramref name="occurrence"/>-th (0-based) appearance of <paramref name="flagged"/> in the text.</summary>
    public static Diagnostic At(DiagnosticDescriptor descriptor, SourceText text, string flagged, string message, int occurrence = 0, string owner = "")
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = text.Text.IndexOf(flagged, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{flagged}' occurs fewer than {occurrence + 1} times");
        }
        return Diagnostic.Create(descriptor, new Location(text, new TextSpan(at, flagged.Length)), owner, null, null, message);
    }

    public static RunReport Report(params Diagnostic[] diagnostics) => Report(false, diagnostics);

    public static RunReport Report(bool color, params Diagnostic[] diagnostics)
    {
        int errors = 0, warnings = 0, notes = 0, suppressed = 0;
        foreach (var d in diagnostics)
        {
            if (d.IsSuppressed) suppressed++;
            else if (d.Severity == DiagnosticSeverity.Error) errors++;
            else if (d.Severity == DiagnosticSeverity.Warning) warnings++;
            else notes++;
        }
        int files = diagnostics.Select(d => d.Location.Path).Distinct().Count();
        var summary = new RunSummary
        {
            Files = files, Flows = files, Errors = errors, Warnings = warnings, Notes = notes, Suppressed = suppressed,
        };
        return new RunReport(diagnostics, Array.Empty<DiagnosticDescriptor>(), summary) { Color = color };
    }

    public static string Write(IReportWriter writer, RunReport report)
    {
        var output = new StringWriter { NewLine = "\n" };
        writer.Write(report, output);
        return output.ToString();
    }

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
