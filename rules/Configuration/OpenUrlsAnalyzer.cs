using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2010: basic authentication's `open-urls` lets anonymous callers reach more than webhooks and health checks.</summary>
public sealed class OpenUrlsAnalyzer : FlowAnalyzer
{
    private const string OpenUrlsPath = "kestra.server.basic-auth.open-urls";
    private const int MaxDepth = 64;

    public static readonly DiagnosticDescriptor Rule = new(
        "KF2010",
        "Basic authentication opened beyond webhooks and health checks",
        "'{0}' is served without authentication; open-urls should only hold webhook execution paths and health endpoints",
        Categories.Configuration,
        DiagnosticSeverity.Warning,
        "`kestra.server.basic-auth.open-urls` lists paths that basic authentication lets through without credentials. " +
        "Kestra's own default opens only `/ping` and the webhook trigger path `/api/v1/executions/webhook/` (webhooks " +
        "carry their own key in the URL), and health endpoints (`/health`) are commonly opened for probes. Any other " +
        "entry, such as `/api/v1/`, `/api/v1/executions`, `/ui/` or `/`, lets anyone who can reach the server read or " +
        "start executions, read flows and logs, or change them. Each such entry is reported; `${...}` placeholders are " +
        "not checked.",
        securitySeverity: "7.5",
        tags: new[] { "security", "configuration", "authentication" },
        badExample: "kestra:\n  server:\n    basic-auth:\n      username: admin@example.com\n      password: ${KESTRA_BASIC_AUTH_PASSWORD}\n      open-urls:\n        - /ping\n        - /api/v1/executions\n",
        goodExample: "kestra:\n  server:\n    basic-auth:\n      username: admin@example.com\n      password: ${KESTRA_BASIC_AUTH_PASSWORD}\n      open-urls:\n        - /ping\n        - /api/v1/executions/webhook/\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterConfigurationAction(context =>
    {
        var entries = new List<YamlScalar>();
        Collect(context.Configuration.Root, string.Empty, KestraConfigPaths.Canonical(OpenUrlsPath), entries, 0);
        var reported = new HashSet<int>();
        foreach (var entry in entries)
        {
            string url = entry.Value.Trim();
            if (url.Length == 0 || url.IndexOf("${", StringComparison.Ordinal) >= 0 || IsAllowed(url)) continue;
            if (!reported.Add(entry.Span.Start)) continue;
            context.ReportInConfiguration(Rule, entry.Span, OpenUrlsPath, url);
        }
    });

    /// <summary>The entries of every list (or single value) bound to the path, nested or dotted, in any relaxed spelling.</summary>
    private static void Collect(YamlMapping mapping, string prefix, string target, List<YamlScalar> into, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var entry in mapping.EffectiveEntries())
        {
            if (entry.KeyText is not { Length: > 0 } key) continue;
            string path = prefix.Length == 0 ? KestraConfigPaths.Canonical(key) : prefix + "." + KestraConfigPaths.Canonical(key);
            var value = entry.Value.Resolve();
            if (path == target)
            {
                if (value is YamlSequence list)
                {
                    foreach (var item in list.Items)
                        if (item.Resolve() is YamlScalar scalar && !scalar.IsNull) into.Add(scalar);
                }
                else if (value is YamlScalar single && !single.IsNull) into.Add(single);
            }
            else if (value is YamlMapping child && target.StartsWith(path + ".", StringComparison.Ordinal))
            {
                Collect(child, path, target, into, depth + 1);
            }
        }
    }

    /// <summary>`/ping`, `/health` (and below), and the webhook execution path, also under a tenant (`/api/v1/{tenant}/executions/webhook/...`).</summary>
    internal static bool IsAllowed(string url)
    {
        string path = url.TrimEnd('*');
        if (path == "/ping" || path == "/ping/" || path == "/health" || path.StartsWith("/health/", StringComparison.Ordinal)) return true;
        const string api = "/api/v1/";
        const string webhook = "executions/webhook/";
        if (!path.StartsWith(api, StringComparison.Ordinal)) return false;
        string rest = path.Substring(api.Length);
        if (rest.StartsWith(webhook, StringComparison.Ordinal)) return true;
        int slash = rest.IndexOf('/');
        return slash > 0 && rest.Substring(slash + 1).StartsWith(webhook, StringComparison.Ordinal);
    }
}
