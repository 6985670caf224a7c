using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Rules;

namespace Kestra.FlowLint.Cli;

internal sealed class CheckOptions
{
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();
    public string Format { get; init; } = "text";
    public string? StdinFileName { get; init; }
    public string FailOn { get; init; } = "error";
    public string? OutputFile { get; init; }
}

/// <summary>`flowlint check PATH...`: lint files and folders, print findings, exit by severity.</summary>
internal static class CheckCommand
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    public static int Run(CheckOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        DiagnosticSeverity? threshold = options.FailOn switch
        {
            "none" => null,
            _ when DiagnosticSeverityText.TryParse(options.FailOn, out var s) => s,
            _ => (DiagnosticSeverity?)DiagnosticSeverity.Error,
        };

        var inputs = options.Paths.Count == 0 ? new[] { "." } : options.Paths;
        bool readStdin = false;
        var paths = new List<string>();
        foreach (var p in inputs)
        {
            if (p == "-") readStdin = true;
            else paths.Add(p);
        }

        var missing = new List<string>();
        var files = FileDiscovery.Expand(paths, missing);
        foreach (var m in missing) stderr.WriteLine($"flowlint: no such file or folder: {m}");
        if (missing.Count > 0) return ExitUsage;
        if (files.Count == 0 && !readStdin)
        {
            stderr.WriteLine("flowlint: no YAML file found (looked for *.yml and *.yaml)");
            return ExitUsage;
        }

        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var results = new FileAnalysisResult[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            string display = FileDiscovery.DisplayPath(files[i]);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(files[i]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                results[i] = driver.ReportUnreadable(display, ex.Message);
                return;
            }
            results[i] = driver.AnalyzeBytes(display, bytes);
        });

        var all = new List<FileAnalysisResult>(results);
        if (readStdin)
        {
            using var buffer = new MemoryStream();
            using (var raw = Console.OpenStandardInput()) raw.CopyTo(buffer);
            all.Add(driver.AnalyzeBytes(options.StdinFileName ?? "<stdin>", buffer.ToArray()));
        }

        var diagnostics = new List<Diagnostic>();
        int flows = 0, configurations = 0, skipped = 0;
        foreach (var result in all)
        {
            diagnostics.AddRange(result.Diagnostics);
            flows += result.FlowCount;
            configurations += result.ConfigurationCount;
            skipped += result.SkippedDocumentCount;
        }
        diagnostics.AddRange(driver.CompleteRun());
        diagnostics = DiagnosticOrdering.Sort(diagnostics);

        TextWriter output = stdout;
        StreamWriter? fileWriter = null;
        if (options.OutputFile is not null)
        {
            fileWriter = new StreamWriter(options.OutputFile, append: false, new System.Text.UTF8Encoding(false));
            output = fileWriter;
        }
        try
        {
            foreach (var d in diagnostics)
                output.WriteLine(options.Format == "msbuild" ? LineFormats.MsBuild(d) : LineFormats.Text(d));
        }
        finally
        {
            fileWriter?.Dispose();
        }

        int errors = 0, warnings = 0, notes = 0, failing = 0;
        foreach (var d in diagnostics)
        {
            if (d.IsSuppressed) continue;
            switch (d.Severity)
            {
                case DiagnosticSeverity.Error: errors++; break;
                case DiagnosticSeverity.Warning: warnings++; break;
                default: notes++; break;
            }
            if (threshold is { } t && d.Severity >= t) failing++;
        }
        stderr.WriteLine($"{all.Count} file(s): {flows} flow(s), {configurations} configuration(s), {skipped} other YAML document(s) skipped; {errors} error(s), {warnings} warning(s), {notes} note(s)");
        return failing > 0 ? ExitFindings : ExitOk;
    }
}
