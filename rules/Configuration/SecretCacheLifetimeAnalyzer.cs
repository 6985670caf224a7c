using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2007: the secret cache keeps values longer than a limit, so a rotated or revoked secret stays in use.</summary>
public sealed class SecretCacheLifetimeAnalyzer : FlowAnalyzer
{
    public const string MaxExpireAfterWriteOption = "maxExpireAfterWrite";
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(5);

    public static readonly DiagnosticDescriptor Rule = new(
        "KF2007",
        "Secret cache outlives secret rotation",
        "'{0}' keeps cached secrets for {1}, longer than {2}: a rotated or revoked secret stays in use that long",
        Categories.Configuration,
        DiagnosticSeverity.Note,
        "With `kestra.secret.cache.enabled: true`, Kestra keeps the values it read from the secret backend for " +
        "`kestra.secret.cache.expire-after-write`. Until an entry expires, every execution gets the cached value: a " +
        "secret you rotate or revoke after a leak is still handed to tasks for that long. This note reports a lifetime " +
        "longer than the limit (option `maxExpireAfterWrite`, default `5m`; Micronaut durations such as `300s`, `5m`, " +
        "`1h`, `1d` or ISO-8601 such as `PT10M`). Values written as `${...}` placeholders are not checked.",
        securitySeverity: "3.0",
        tags: new[] { "security", "configuration", "secrets", "rotation" },
        badExample: "kestra:\n  secret:\n    type: vault\n    cache:\n      enabled: true\n      expire-after-write: 24h\n",
        goodExample: "kestra:\n  secret:\n    type: vault\n    cache:\n      enabled: true\n      expire-after-write: 60s\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterRunStartAction(start =>
    {
        var configured = start.Options.GetRuleOption(Rule.Id, MaxExpireAfterWriteOption);
        TimeSpan limit = configured is not null && Durations.Micronaut(configured) is { } parsed ? parsed : DefaultLimit;
        string limitText = configured is not null && Durations.Micronaut(configured) is not null ? configured.Trim() : "5m";
        start.RegisterConfigurationAction(context =>
        {
            var scalars = KestraConfigPaths.Scalars(context.Configuration.Root);
            if (!KestraConfigPaths.IsTrue(scalars, "kestra.secret.cache.enabled")) return;
            foreach (var value in KestraConfigPaths.Find(scalars, "kestra.secret.cache.expire-after-write"))
            {
                if (value.IsEmpty || value.IsPlaceholder) continue;
                if (Durations.Micronaut(value.Scalar.Value) is not { } lifetime || lifetime <= limit) continue;
                context.ReportInConfiguration(Rule, value.Scalar.Span, value.WrittenPath, value.WrittenPath, value.Scalar.Value.Trim(), limitText);
            }
        });
    });
}
