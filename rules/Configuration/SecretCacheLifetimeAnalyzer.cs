using System;
using System.Collections.Generic;
using System.Globalization;
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
        TimeSpan limit = configured is not null && ParseDuration(configured) is { } parsed ? parsed : DefaultLimit;
        string limitText = configured is not null && ParseDuration(configured) is not null ? configured.Trim() : "5m";
        start.RegisterConfigurationAction(context =>
        {
            var scalars = KestraConfigPaths.Scalars(context.Configuration.Root);
            if (!KestraConfigPaths.IsTrue(scalars, "kestra.secret.cache.enabled")) return;
            foreach (var value in KestraConfigPaths.Find(scalars, "kestra.secret.cache.expire-after-write"))
            {
                if (value.IsEmpty || value.IsPlaceholder) continue;
                if (ParseDuration(value.Scalar.Value) is not { } lifetime || lifetime <= limit) continue;
                context.ReportInConfiguration(Rule, value.Scalar.Span, value.WrittenPath, value.WrittenPath, value.Scalar.Value.Trim(), limitText);
            }
        });
    });

    /// <summary>
    /// A duration as Micronaut converts it: a number with a unit (`ns`, `ms`, `s`, `m`, `h`, `d`) or ISO-8601
    /// (`PT10M`, `P1DT2H`); null when it is neither.
    /// </summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        string value = text.Trim();
        if (value.Length == 0) return null;
        if (value[0] == 'P' || value[0] == 'p' || value.StartsWith("-P", StringComparison.OrdinalIgnoreCase)) return ParseIso(value);
        int digits = 0;
        while (digits < value.Length && char.IsDigit(value[digits])) digits++;
        if (digits == 0 || !double.TryParse(value.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out double amount)) return null;
        switch (value.Substring(digits).ToLowerInvariant())
        {
            case "ns": return TimeSpan.FromTicks((long)(amount / 100));
            case "ms": return TimeSpan.FromMilliseconds(amount);
            case "s": return TimeSpan.FromSeconds(amount);
            case "m": return TimeSpan.FromMinutes(amount);
            case "h": return TimeSpan.FromHours(amount);
            case "d": return TimeSpan.FromDays(amount);
            default: return null;
        }
    }

    private static TimeSpan? ParseIso(string value)
    {
        if (value[0] == '-') return null;
        var total = TimeSpan.Zero;
        bool inTime = false, any = false;
        int i = 1, start = 1;
        for (; i < value.Length; i++)
        {
            char c = char.ToUpperInvariant(value[i]);
            if (c == 'T' && i == start) { inTime = true; start = i + 1; continue; }
            if (char.IsDigit(c) || c == '.') continue;
            if (i == start || !double.TryParse(value.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double n)) return null;
            if (!inTime && c == 'D') total += TimeSpan.FromDays(n);
            else if (inTime && c == 'H') total += TimeSpan.FromHours(n);
            else if (inTime && c == 'M') total += TimeSpan.FromMinutes(n);
            else if (inTime && c == 'S') total += TimeSpan.FromSeconds(n);
            else return null;
            any = true;
            start = i + 1;
        }
        return any && start == value.Length ? total : null;
    }
}
