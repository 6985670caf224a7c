using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// `--format github`: GitHub Actions workflow commands, one per finding, which the runner turns into
/// annotations on the pull request's files:
/// `::error file=flows/a.yaml,line=3,col=5,endLine=3,endColumn=9,title=KF1001::message`
/// (`::warning` for warnings, `::notice` for notes). Paths are relative to the repository root, as GitHub
/// resolves them against the workspace. GitHub keeps only 10 error and 10 warning annotations per step, so the
/// most severe come first, and a last plain line gives the totals.
/// </summary>
public sealed class GitHubAnnotationsReportWriter : IReportWriter
{
    /// <summary>Annotations of one kind GitHub shows per step; the rest stay only in the log.</summary>
    public const int AnnotationsShownPerKind = 10;

    public string Name => "github";

    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    public void Write(RunReport report, TextWriter output)
    {
        var shown = new List<Diagnostic>();
        int suppressed = 0;
        foreach (var d in report.Diagnostics)
        {
            if (d.IsSuppressed) suppressed++;
            else shown.Add(d);
        }
        // Stable: within one severity the report's path/line order stays.
        var ordered = StableSortBySeverity(shown);

        int errors = 0, warnings = 0, notes = 0;
        foreach (var d in ordered)
        {
            switch (d.Severity)
            {
                case DiagnosticSeverity.Error: errors++; break;
                case DiagnosticSeverity.Warning: warnings++; break;
                default: notes++; break;
            }
            output.Write(Command(d, RepositoryRoot.ReportPath(report.RootDirectory, d.Location.Path)));
            output.Write('\n');
        }

        var summary = new StringBuilder();
        summary.Append("FlowLint: ").Append(Count(errors, "error")).Append(", ").Append(Count(warnings, "warning")).Append(", ").Append(Count(notes, "note"));
        if (suppressed > 0) summary.Append(", ").Append(suppressed.ToString(CultureInfo.InvariantCulture)).Append(" suppressed");
        summary.Append('.');
        if (errors > AnnotationsShownPerKind || warnings > AnnotationsShownPerKind || notes > AnnotationsShownPerKind)
            summary.Append(" GitHub shows at most ").Append(AnnotationsShownPerKind).Append(" annotations of each kind per step (the most severe are first); every finding is in this log.");
        output.Write(summary.ToString());
        output.Write('\n');
    }

    /// <summary>One workflow command for a finding.</summary>
    public static string Command(Diagnostic d, string path)
    {
        var span = d.Location.LineSpan;
        var sb = new StringBuilder("::");
        sb.Append(d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        });
        sb.Append(' ');
        if (path.Length > 0)
        {
            sb.Append("file=").Append(EscapeProperty(path))
              .Append(",line=").Append((span.Start.Line + 1).ToString(CultureInfo.InvariantCulture))
              .Append(",col=").Append((span.Start.Character + 1).ToString(CultureInfo.InvariantCulture))
              .Append(",endLine=").Append((span.End.Line + 1).ToString(CultureInfo.InvariantCulture))
              .Append(",endColumn=").Append((span.End.Character + 1).ToString(CultureInfo.InvariantCulture))
              .Append(',');
        }
        sb.Append("title=").Append(EscapeProperty(d.Id)).Append("::").Append(EscapeData(d.Message));
        return sb.ToString();
    }

    /// <summary>A command's message, as @actions/core escapes it: `%`, CR and LF.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>A command's property value: the message escapes plus `:` and `,`, which delimit properties.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");

    private static List<Diagnostic> StableSortBySeverity(List<Diagnostic> diagnostics)
    {
        var ordered = new List<Diagnostic>(diagnostics.Count);
        foreach (var severity in new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Note })
            foreach (var d in diagnostics)
                if (d.Severity == severity) ordered.Add(d);
        return ordered;
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
