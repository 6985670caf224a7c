using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2006: a secret backend configured without `kestra.secret.isolation.enabled: true`.</summary>
public sealed class SecretIsolationAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF2006",
        "Secret backend without service isolation",
        "{0}",
        Categories.Configuration,
        DiagnosticSeverity.Note,
        "With `kestra.secret.isolation.enabled: true` and `denied-services` (for example `EXECUTOR`, `SCHEDULER`, `WEBSERVER`), only the services that run tasks can read from the secret backend; the others, some of which face the network, cannot. Without it, a flaw in any service is a way to the secrets. The executor never runs tasks, so it never needs a secret: when isolation is enabled but `denied-services` does not list `EXECUTOR`, the note says so too. This is a hardening note: it matters most when services run as separate deployments.",
        securitySeverity: "3.5",
        tags: new[] { "security", "configuration", "hardening", "secret-backend" },
        badExample: "kestra:\n  secret:\n    type: vault\n",
        goodExample: "kestra:\n  secret:\n    type: vault\n    isolation:\n      enabled: true\n      denied-services:\n        - EXECUTOR\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterConfigurationAction(context =>
    {
        var scalars = KestraConfigPaths.Scalars(context.Configuration.Root);
        const string enabledPath = "kestra.secret.isolation.enabled";
        var types = KestraConfigPaths.Find(scalars, "kestra.secret.type");
        if (types.Count == 0 || types[types.Count - 1] is not { IsEmpty: false } type) return;
        if (KestraConfigPaths.IsTrue(scalars, enabledPath))
        {
            ReportExecutorNotDenied(context, scalars, type);
            return;
        }

        // Point at the switch that is off when it is written, so the fix is where the finding is.
        var enabled = KestraConfigPaths.Find(scalars, enabledPath);
        var at = enabled.Count > 0 ? enabled[enabled.Count - 1] : type;
        context.ReportInConfiguration(Rule, at.Scalar.Span, at.WrittenPath,
            $"Secret backend '{type.Scalar.Value.Trim()}' is configured without kestra.secret.isolation.enabled: true, so every Kestra service can resolve secrets");
    });

    private static void ReportExecutorNotDenied(ConfigurationAnalysisContext context, IReadOnlyList<ConfigValue> scalars, ConfigValue type)
    {
        const string deniedPath = "kestra.secret.isolation.denied-services";
        var lists = KestraConfigPaths.FindNodes(context.Configuration.Root, deniedPath);
        foreach (var (_, value, _) in lists)
        {
            // A placeholder list (`${DENIED}`) is decided elsewhere.
            if (value is YamlScalar s && s.Value.IndexOf("${", System.StringComparison.Ordinal) >= 0) return;
            if (value is YamlSequence sequence)
                foreach (var item in sequence.Items)
                    if (item.Resolve() is YamlScalar service && string.Equals(service.Value.Trim(), "EXECUTOR", System.StringComparison.OrdinalIgnoreCase)) return;
        }
        var enabled = KestraConfigPaths.Find(scalars, "kestra.secret.isolation.enabled");
        var at = lists.Count > 0 ? lists[lists.Count - 1].Key.Span : enabled[enabled.Count - 1].Scalar.Span;
        string written = lists.Count > 0 ? lists[lists.Count - 1].WrittenPath : enabled[enabled.Count - 1].WrittenPath;
        context.ReportInConfiguration(Rule, at, written,
            $"Secret isolation is enabled for backend '{type.Scalar.Value.Trim()}' but kestra.secret.isolation.denied-services does not list EXECUTOR, which never needs a secret");
    }
}
