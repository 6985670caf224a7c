using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2006: a secret backend configured without `kestra.secret.isolation.enabled: true`.</summary>
public sealed class SecretIsolationAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF2006",
        "Secret backend without service isolation",
        "Secret backend '{0}' is configured without kestra.secret.isolation.enabled: true, so every Kestra service can resolve secrets",
        Categories.Configuration,
        DiagnosticSeverity.Note,
        "With `kestra.secret.isolation.enabled: true` and `denied-services` (for example `EXECUTOR`, `SCHEDULER`, `WEBSERVER`), only the services that run tasks can read from the secret backend; the others, some of which face the network, cannot. Without it, a flaw in any service is a way to the secrets. This is a hardening note: it matters most when services run as separate deployments.",
        securitySeverity: "3.5",
        tags: new[] { "security", "configuration", "hardening", "secret-backend" },
        badExample: "kestra:\n  secret:\n    type: vault\n",
        goodExample: "kestra:\n  secret:\n    type: vault\n    isolation:\n      enabled: true\n      denied-services:\n        - EXECUTOR\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterConfigurationAction(context =>
    {
        var scalars = KestraConfigPaths.Scalars(context.Configuration.Root);
        const string enabledPath = "kestra.secret.isolation.enabled";
        if (KestraConfigPaths.IsTrue(scalars, enabledPath)) return;
        var types = KestraConfigPaths.Find(scalars, "kestra.secret.type");
        if (types.Count == 0 || types[types.Count - 1] is not { IsEmpty: false } type) return;

        // Point at the switch that is off when it is written, so the fix is where the finding is.
        var enabled = KestraConfigPaths.Find(scalars, enabledPath);
        var at = enabled.Count > 0 ? enabled[enabled.Count - 1] : type;
        context.ReportInConfiguration(Rule, at.Scalar.Span, at.WrittenPath, type.Scalar.Value.Trim());
    });
}
