using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1003: a secret read from a root (one-segment) namespace, where every child namespace inherits it.</summary>
public sealed class RootNamespaceSecretAnalyzer : FlowAnalyzer
{
    /// <summary>`.flowlint.yaml` rule option: comma-separated root namespaces where secrets are known to be fine.</summary>
    public const string AllowedNamespacesOption = "allowedNamespaces";

    public static readonly DiagnosticDescriptor Rule = new(
        "KF1003",
        "Secret read from a root namespace",
        "{0} is read from the root namespace '{1}' ({2}); a secret stored at a root namespace is inherited by every child namespace, which broadens who can read it: store it at the lowest namespace that needs it",
        Categories.Secrets,
        DiagnosticSeverity.Warning,
        "In Kestra Enterprise, secrets belong to namespaces and `secret('X')` looks the key up in the flow's " +
        "namespace, then climbs to its parents: a secret stored at a root namespace such as `company` is therefore " +
        "readable by every flow of `company.*`, whichever team owns it. A flow that itself lives in a one-segment " +
        "namespace (`company`, `system`, `tutorial`) can only read secrets stored there, and " +
        "`secret('X', namespace='company')` reads one from there explicitly. Both make the broadest scope the normal " +
        "place for credentials.\n\n" +
        "Move the flow to a team namespace (`company.team`) and store the secret at the lowest namespace whose flows " +
        "need it. Open-source Kestra has no namespace scoping for secrets (they come from `SECRET_*` environment " +
        "variables), but the layout still decides who can read them once you move to Enterprise.\n\n" +
        "Option `allowedNamespaces` (comma-separated) lists root namespaces that are fine in your organisation, for " +
        "example a dedicated `secrets` namespace whose access is already restricted.",
        securitySeverity: "4.0",
        tags: new[] { "security", "secrets", "namespaces", "least-privilege" },
        badExample: "id: sync\nnamespace: company\ntasks:\n  - id: query\n    type: io.kestra.plugin.jdbc.postgresql.Query\n    url: jdbc:postgresql://db:5432/sales\n    password: \"{{ secret('SALES_DB_PASSWORD') }}\"\n    sql: select 1\n",
        goodExample: "id: sync\nnamespace: company.sales\ntasks:\n  - id: query\n    type: io.kestra.plugin.jdbc.postgresql.Query\n    url: jdbc:postgresql://db:5432/sales\n    password: \"{{ secret('SALES_DB_PASSWORD') }}\"\n    sql: select 1\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterRunStartAction(start =>
    {
        var allowed = ParseList(start.Options.GetRuleOption(Rule.Id, AllowedNamespacesOption));
        start.RegisterExpressionAction(context =>
        {
            var site = context.Site;
            if (!SecretFlow.IsEvaluated(site)) return;
            foreach (var use in SecretFlow.Analyze(site))
            {
                if (use.Origin != SecretOrigin.SecretFunction) continue;
                if (use.NamespaceArgument is not null)
                {
                    // An explicit namespace decides where the secret lives, whatever the flow's own namespace.
                    if (use.Namespace is { } named && use.NamespaceSpan is { } span && IsRoot(named) && !allowed.Contains(named))
                        context.ReportInTemplate(Rule, span, null, use.Display, named, "named by its `namespace` argument");
                    continue;
                }
                if (site.Flow.Namespace is { } own && IsRoot(own) && !allowed.Contains(own))
                    context.ReportInTemplate(Rule, use.Span, null, use.Display, own, "the flow's own namespace");
            }
        });
    });

    private static bool IsRoot(string ns) => ns.Length > 0 && ns.IndexOf('.') < 0;

    private static HashSet<string> ParseList(string? value)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (value is null) return set;
        foreach (var part in value.Split(','))
        {
            string name = part.Trim();
            if (name.Length > 0) set.Add(name);
        }
        return set;
    }
}
