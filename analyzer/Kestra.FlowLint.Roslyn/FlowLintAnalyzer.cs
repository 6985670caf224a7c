using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kestra.FlowLint.Roslyn;

/// <summary>
/// FlowLint inside the C# compiler: every <c>.yml</c>/<c>.yaml</c> AdditionalFile is analysed by the engine and
/// rules the CLI runs, configured by the nearest <c>.flowlint.yaml</c> among the AdditionalFiles, and its findings
/// are reported as Roslyn diagnostics at their exact span in the YAML file. <c>.globalconfig</c>
/// (<c>dotnet_diagnostic.KF1001.severity</c>) then applies on top, as for any analyzer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlowLintAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => FlowLintDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // One session per compilation: cross-file rules (run start/end) see exactly this project's flows.
            var session = new FlowLintSession(start.Options.AdditionalFiles);
            start.RegisterAdditionalFileAction(session.AnalyzeFile);
            start.RegisterCompilationEndAction(session.CompleteRun);
        });
    }
}
