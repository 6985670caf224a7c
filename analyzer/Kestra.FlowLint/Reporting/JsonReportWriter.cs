using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// `--format json`: every finding of the run (suppressed ones included, flagged) with its fingerprint, and the
/// run's counts. The shape is a contract documented in the README: adding a property keeps
/// <see cref="FormatVersion"/>, changing or removing one bumps it.
/// <code>
/// {"version": 1, "findings": [{"ruleId", "severity", "path", "startLine", "startColumn", "endLine", "endColumn",
///   "message", "fingerprint", "suppressed"}], "summary": {"files", "flows", "configurations", "skippedDocuments",
///   "errors", "warnings", "notes", "suppressed"}}
/// </code>
/// Lines and columns are 1-based UTF-16 positions; the end column is the one just after the span, as in msbuild and SARIF.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const int FormatVersion = 1;

    public string Name => "json";

    public void Write(RunReport report, TextWriter output) => JsonOutput.Write(Document(report), output);

    public static string Render(RunReport report) => JsonOutput.Render(Document(report));

    [System.Runtime.CompilerServices.MethodImpl(OncePerRun.Optimize)]
    private static Action<Utf8JsonWriter> Document(RunReport report)
    {
        List<Diagnostic> diagnostics = DiagnosticOrdering.Sort(report.Diagnostics);
        // The same fingerprints as SARIF and baselines (root-relative paths), so a finding has one identity everywhere.
        var paths = RepositoryRoot.ReportPaths(report.RootDirectory, diagnostics);
        string[] fingerprints = SarifFingerprint.ComputeAll(diagnostics, paths);
        return json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteStartArray("findings");
            for (int i = 0; i < diagnostics.Count; i++)
            {
                var d = diagnostics[i];
                var span = d.Location.LineSpan;
                json.WriteStartObject();
                json.WriteString("ruleId", d.Id);
                json.WriteString("severity", d.Severity.ToText());
                json.WriteString("path", d.Location.Path);
                json.WriteNumber("startLine", span.Start.Line + 1);
                json.WriteNumber("startColumn", span.Start.Character + 1);
                json.WriteNumber("endLine", span.End.Line + 1);
                json.WriteNumber("endColumn", span.End.Character + 1);
                json.WriteString("message", d.Message);
                json.WriteString("fingerprint", fingerprints[i]);
                json.WriteBoolean("suppressed", d.IsSuppressed);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            var s = report.Summary;
            json.WriteStartObject("summary");
            json.WriteNumber("files", s.Files);
            json.WriteNumber("flows", s.Flows);
            json.WriteNumber("configurations", s.Configurations);
            json.WriteNumber("skippedDocuments", s.SkippedDocuments);
            json.WriteNumber("errors", s.Errors);
            json.WriteNumber("warnings", s.Warnings);
            json.WriteNumber("notes", s.Notes);
            json.WriteNumber("suppressed", s.Suppressed);
            json.WriteEndObject();
            json.WriteEndObject();
        };
    }
}
