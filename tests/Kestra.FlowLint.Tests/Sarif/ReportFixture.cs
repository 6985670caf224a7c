using System.IO;
using System.Text.Json;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Reporting.Sarif;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Sarif;

/// <summary>
/// Builds run reports the way the CLI does, for files under a temporary repository root (a folder with a
/// `.git` folder), so report formats can be tested on real analyses without a process.
/// </summary>
internal static class ReportFixture
{
    /// <summary>A fresh folder that looks like a git work tree.</summary>
    public static string NewRepository(string prefix = "flowlint-repo")
    {
        string root = Directory.CreateTempSubdirectory(prefix).FullName;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        return root;
    }

    /// <summary>Analyses in-memory files (paths relative to <paramref name="root"/>) with the rule catalogue.</summary>
    public static List<Diagnostic> Analyze(string root, params (string Path, string Text)[] files) =>
        Analyze(root, RuleCatalog.CreateAnalyzers(), files);

    public static List<Diagnostic> Analyze(string root, IReadOnlyList<FlowAnalyzer> analyzers, params (string Path, string Text)[] files)
    {
        var driver = new AnalysisDriver(analyzers);
        var all = new List<Diagnostic>();
        foreach (var (path, text) in files) all.AddRange(driver.AnalyzeText(new SourceText(text, Path.Combine(root, path))).Diagnostics);
        all.AddRange(driver.CompleteRun());
        return DiagnosticOrdering.Sort(all);
    }

    public static RunReport Report(string root, IReadOnlyList<Diagnostic> diagnostics, bool includeSuppressed = false, string? category = null, TextWriter? log = null) =>
        new(diagnostics, RuleCatalog.AllDescriptors(), new RunSummary())
        {
            RootDirectory = root,
            Log = log ?? TextWriter.Null,
            FormatOptions = new Dictionary<string, string>
            {
                [SarifReportWriter.IncludeSuppressedOption] = includeSuppressed ? "true" : "false",
                [SarifReportWriter.CategoryOption] = category ?? "",
            },
        };

    /// <summary>The SARIF log of a report, parsed back.</summary>
    public static JsonElement ToSarif(RunReport report, SarifLimits? limits = null)
    {
        string json = new SarifReportWriter(limits ?? SarifLimits.GitHub).Serialize(report);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static JsonElement Run(JsonElement log) => log.GetProperty("runs")[0];

    public static List<JsonElement> Results(JsonElement log) => Run(log).GetProperty("results").EnumerateArray().ToList();

    public static JsonElement Region(JsonElement result) => result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

    /// <summary>"startLine:startColumn-endLine:endColumn" of a result, as SARIF writes it (1-based, endColumn exclusive).</summary>
    public static string RegionText(JsonElement result)
    {
        var r = Region(result);
        return $"{r.GetProperty("startLine").GetInt32()}:{r.GetProperty("startColumn").GetInt32()}-{r.GetProperty("endLine").GetInt32()}:{r.GetProperty("endColumn").GetInt32()}";
    }

    public static string? Property(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
    }
}

/// <summary>A flow analyzer that fails on every flow: how a rule bug looks to the engine (KF0001).</summary>
internal sealed class ThrowingAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("KF9901", "Always throws", "never reported", "Test", DiagnosticSeverity.Error, "A rule that throws, for tests.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFlowAction(_ => throw new InvalidOperationException("boom"));
}

/// <summary>Reports every `io.kestra.core.tasks.` task type with a fix to today's name, like a deprecation rule.</summary>
internal sealed class FixOfferingAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("KF9902", "Deprecated task type", "Task type '{0}' is deprecated", "Test", DiagnosticSeverity.Warning,
        "A deprecated alias, for tests.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterValueAction(value =>
    {
        var site = value.Site;
        const string Old = "io.kestra.core.tasks.";
        if (site.PropertyName != "type" || !site.Value.StartsWith(Old, StringComparison.Ordinal)) return;
        var span = site.MapToSource(new TextSpan(0, Old.Length));
        var fix = new CodeFix("Use io.kestra.plugin.core.", new[] { new TextEdit(span, "io.kestra.plugin.core.") });
        value.Report(Rule, site.ValueSpan, site.OwnerPath, new[] { fix }, site.Value);
    });
}

/// <summary>A security rule whose flagged text is a credential value, like KF1009: reports every `password` value.</summary>
internal sealed class PasswordValueAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("KF1999", "Hard-coded password", "A password is written in clear in '{0}'", "Secrets", DiagnosticSeverity.Error,
        "A credential in the flow, for tests.", securitySeverity: "9.5", tags: new[] { "secrets" });

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterValueAction(value =>
    {
        if (value.Site.PropertyName == "password")
            value.Report(Rule, value.Site.ValueSpan, value.Site.OwnerPath, null, value.Site.RelativePath);
    });
}
