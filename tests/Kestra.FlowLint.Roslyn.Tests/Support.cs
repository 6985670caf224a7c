using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace Kestra.FlowLint.Roslyn.Tests;

/// <summary>An AdditionalFile held in memory (null text: a file the compiler could not read).</summary>
internal sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => text is null ? null : SourceText.From(text);
}

/// <summary>Runs the analyzer as the compiler does: one C# compilation, the flows as AdditionalFiles.</summary>
internal static class AnalyzerHarness
{
    public const string Root = "/repo";

    public static ImmutableArray<Diagnostic> Run(params (string RelativePath, string? Text)[] files) =>
        Run(ImmutableDictionary<string, ReportDiagnostic>.Empty, files);

    public static ImmutableArray<Diagnostic> Run(ImmutableDictionary<string, ReportDiagnostic> specificOptions, params (string RelativePath, string? Text)[] files) =>
        Analyze(specificOptions, reportSuppressed: false, files);

    /// <summary>Also the findings that are reported as suppressed (what -errorlog keeps with an inSource suppression).</summary>
    public static ImmutableArray<Diagnostic> RunIncludingSuppressed(params (string RelativePath, string? Text)[] files) =>
        Analyze(ImmutableDictionary<string, ReportDiagnostic>.Empty, reportSuppressed: true, files);

    private static ImmutableArray<Diagnostic> Analyze(ImmutableDictionary<string, ReportDiagnostic> specificOptions, bool reportSuppressed, (string RelativePath, string? Text)[] files)
    {
        var compilation = CSharpCompilation.Create("consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { public static class Deployment { } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSpecificDiagnosticOptions(specificOptions));
        var additional = files.Select(f => (AdditionalText)new InMemoryAdditionalText(PathOf(f.RelativePath), f.Text)).ToImmutableArray();
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional),
            (exception, _, _) => { lock (exceptions) exceptions.Add(exception); }, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: reportSuppressed);
        var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FlowLintAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        // An exception that reaches Roslyn becomes AD0001 and drops every finding of the file: it must never happen.
        exceptions.ShouldBeEmpty();
        return diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>"path(line,col-line,col): severity id" with 1-based positions, as a build log shows a finding.</summary>
    public static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}";
    }
}
