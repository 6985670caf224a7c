using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;

namespace Kestra.FlowLint.Reporting;

/// <summary>Everything a report format needs about one run.</summary>
public sealed class RunReport
{
    public RunReport(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<DiagnosticDescriptor> rules, RunSummary summary)
    {
        Diagnostics = diagnostics;
        Rules = rules;
        Summary = summary;
    }

    /// <summary>Every finding of the run, sorted by <see cref="DiagnosticOrdering"/>, suppressed ones included (flagged).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The whole catalogue (SARIF lists every rule, not only those that fired).</summary>
    public IReadOnlyList<DiagnosticDescriptor> Rules { get; }

    public RunSummary Summary { get; }

    /// <summary>Write colour escapes (text format, terminal only, never with NO_COLOR).</summary>
    public bool Color { get; init; }

    /// <summary>
    /// The repository root (SARIF's %SRCROOT%): SARIF, GitHub annotations and fingerprints give paths relative to it;
    /// the text formats keep the paths as found, relative to the current folder.
    /// </summary>
    public string RootDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Options of formats that have them (e.g. sarif-include-suppressed, category), by name.</summary>
    public IReadOnlyDictionary<string, string> FormatOptions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where a format reports what it had to leave out or change (standard error in the CLI).</summary>
    public System.IO.TextWriter Log { get; init; } = System.IO.TextWriter.Null;

    /// <summary>The source text of each analysed file by reported path, for code frames and snippets.</summary>
    public IReadOnlyDictionary<string, Text.SourceText> Sources { get; init; } = new Dictionary<string, Text.SourceText>(StringComparer.Ordinal);
}

/// <summary>Counts for the summary line.</summary>
public sealed class RunSummary
{
    public int Files { get; init; }
    public int Flows { get; init; }
    public int Configurations { get; init; }
    public int SkippedDocuments { get; init; }
    public int Errors { get; init; }
    public int Warnings { get; init; }
    public int Notes { get; init; }
    public int Suppressed { get; init; }
}

/// <summary>A report format: `text`, `msbuild`, and those later issues add (json, sarif, github).</summary>
public interface IReportWriter
{
    /// <summary>The value of `--format`.</summary>
    string Name { get; }

    void Write(RunReport report, System.IO.TextWriter output);
}

/// <summary>The formats `flowlint check --format` accepts. A new format is one class and one line here.</summary>
public static class ReportFormats
{
    public static IReadOnlyList<IReportWriter> All { get; } = new IReportWriter[]
    {
        new TextReportWriter(),
        new JsonReportWriter(),
        new MsBuildReportWriter(),
        new Sarif.SarifReportWriter(),
        new GitHubAnnotationsReportWriter(),
    };

    public static IReportWriter? Find(string name)
    {
        foreach (var writer in All)
            if (string.Equals(writer.Name, name, StringComparison.Ordinal)) return writer;
        return null;
    }

    public static string[] Names()
    {
        var names = new string[All.Count];
        for (int i = 0; i < names.Length; i++) names[i] = All[i].Name;
        return names;
    }
}

public sealed class MsBuildReportWriter : IReportWriter
{
    public string Name => "msbuild";

    public void Write(RunReport report, System.IO.TextWriter output)
    {
        foreach (var d in report.Diagnostics)
            if (!d.IsSuppressed) output.WriteLine(LineFormats.MsBuild(d));
    }
}
