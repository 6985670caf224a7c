using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1004: a secret written to a flow output or to a task whose properties become outputs.</summary>
public sealed class SecretInOutputAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1004",
        "Secret written to an output",
        "{0} reaches {1}, which Kestra stores and shows in clear (outputs are never masked){2}",
        Categories.Secrets,
        DiagnosticSeverity.Error,
        "Outputs are stored with the execution and shown in the Outputs tab, returned by the API, passed to " +
        "subflows and downstream tasks, and kept as long as the execution is. Kestra's masking applies to logs " +
        "only: an output holding a secret is readable in clear by everyone who can see the execution.\n\n" +
        "Reported: a flow's `outputs[].value` unless the output is declared `type: SECRET` (stored encrypted), " +
        "the `values` of `io.kestra.plugin.core.output.OutputValues` and the `format` of " +
        "`io.kestra.plugin.core.debug.Return` (its `value` output; it is also logged and used as a metric tag). " +
        "The secret may come from `secret()`, a `SECRET` input, or a variable evaluated with `render()`, and is " +
        "reported transformed or not.\n\n" +
        "Pass the secret to the task that needs it directly with `secret()`; if a flow must return one, declare " +
        "the output `type: SECRET`.",
        securitySeverity: "7.5",
        tags: new[] { "security", "secrets", "outputs" },
        badExample: "id: token\nnamespace: company.team\ntasks:\n  - id: get\n    type: io.kestra.plugin.core.output.OutputValues\n    values:\n      token: \"{{ secret('API_TOKEN') }}\"\noutputs:\n  - id: token\n    type: STRING\n    value: \"{{ secret('API_TOKEN') }}\"\n",
        goodExample: "id: token\nnamespace: company.team\ntasks:\n  - id: get\n    type: io.kestra.plugin.core.output.OutputValues\n    values:\n      tokenConfigured: \"{{ secret('API_TOKEN') is not empty }}\"\noutputs:\n  - id: token\n    type: SECRET\n    value: \"{{ secret('API_TOKEN') }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        if (!site.IsRendered || Destination(site) is not { } destination) return;
        string hint = site.OwnerKind == SiteOwnerKind.Output ? "; declare the output `type: SECRET` to store it encrypted" : string.Empty;
        var uses = SecretFlow.Analyze(site);
        foreach (var use in uses)
        {
            if (use.ReachesOutput && !use.ComesFromSecretInput(uses))
                context.ReportInTemplate(Rule, use.Span, null, use.Display, destination, hint);
        }
    });

    /// <summary>How the message names the output the value becomes, or null when it does not become one.</summary>
    private static string? Destination(ExpressionSite site)
    {
        if (site.OwnerKind == SiteOwnerKind.Output)
            return site.PropertyName == "value" && site.Output is { IsSecret: false } output ? $"flow output '{output.Id ?? "?"}'" : null;

        if (site.OwnerKind != SiteOwnerKind.Task || site.Task is not { } task) return null;
        var type = task.CanonicalType ?? task.Type;
        if (type is null || !KestraKnowledge.OutputTaskTypes.TryGetValue(type, out var properties) || !Contains(properties, site.PropertyName))
            return null;
        string taskName = "task '" + (task.Id ?? "?") + "'";
        return site.PropertyName switch
        {
            "format" => "output 'value' of " + taskName,
            "values" when OutputName(site.RelativePath) is { } name => "output '" + name + "' of " + taskName,
            _ => "the outputs of " + taskName,
        };
    }

    /// <summary>`values.token` or `values.token.nested` → `token`; null for `values` itself (a whole-map expression).</summary>
    private static string? OutputName(string relativePath)
    {
        const string prefix = "values.";
        if (!relativePath.StartsWith(prefix, StringComparison.Ordinal)) return null;
        int end = relativePath.IndexOfAny(Separators, prefix.Length);
        return end < 0 ? relativePath.Substring(prefix.Length) : relativePath.Substring(prefix.Length, end - prefix.Length);
    }

    private static readonly char[] Separators = { '.', '[' };

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var n in names)
            if (n == name) return true;
        return false;
    }
}
