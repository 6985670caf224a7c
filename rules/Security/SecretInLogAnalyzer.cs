using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1001: a secret written to the execution logs by a Log task.</summary>
public sealed class SecretInLogAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1001",
        "Secret written to the logs",
        "{0} is written to the logs by task '{1}'{2}",
        Categories.Secrets,
        DiagnosticSeverity.Error,
        "A Log task's `message` goes to the execution logs, which everyone who can see the execution can read, and which are often shipped to other systems. Kestra masks a secret in logs only when the exact value appears, and its own guidance is to never log secrets intentionally: masking is best effort, and any change to the value (a filter, a substring, an encoding) prints it in clear. Log that the secret was used, not the secret.",
        securitySeverity: "8.5",
        tags: new[] { "security", "secrets" },
        badExample: "id: deploy\nnamespace: company.team\ntasks:\n  - id: debug\n    type: io.kestra.plugin.core.log.Log\n    message: \"Token: {{ secret('GITHUB_TOKEN') }}\"\n",
        goodExample: "id: deploy\nnamespace: company.team\ntasks:\n  - id: debug\n    type: io.kestra.plugin.core.log.Log\n    message: \"Token loaded ({{ secret('GITHUB_TOKEN') is not empty }})\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        if (!site.IsRendered || site.Task?.CanonicalType is not { } type) return;
        if (!KestraKnowledge.LogTaskTypes.TryGetValue(type, out var logged) || !Contains(logged, site.PropertyName)) return;
        var uses = SecretFlow.Analyze(site);
        foreach (var use in uses)
        {
            if (use.ReachesOutput && !use.ComesFromSecretInput(uses))
                context.ReportInTemplate(Rule, use.Span, null, use.Display, site.Task.Id ?? "?", use.TransformNote);
        }
    });

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var n in names)
            if (n == name) return true;
        return false;
    }
}
