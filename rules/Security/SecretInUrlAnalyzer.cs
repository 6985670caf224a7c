using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1008: a secret printed into the query string or the user-info of a URL.</summary>
public sealed class SecretInUrlAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1008",
        "Secret in a URL's query string or user-info",
        "{0} is put in the {1} of a URL (`{2}`) in `{3}`, and URLs end up in logs; {4}",
        Categories.Secrets,
        DiagnosticSeverity.Warning,
        "A URL is not a secret-safe place: HTTP clients, proxies, load balancers and web servers write full URLs to their access logs, browsers keep them in history, and Kestra's own `io.kestra.plugin.core.http.Request` logs the URI at DEBUG. A secret in a query string (`?token=…`) or in the user-info (`https://user:password@host`) ends up in all of them, where Kestra's log masking never reaches. Send API keys in a header (`headers: {Authorization: \"Bearer {{ secret('API_TOKEN') }}\"}`), use the task's authentication properties (`auth`, `basicAuthUser`/`basicAuthPassword`), and give JDBC tasks `username` and `password` instead of writing them into the JDBC URL. FlowLint flags only URLs whose scheme is written literally before the secret (`http`, `https`, `ws`, `wss`, `ftp`, `ftps`, `sftp`, `jdbc:`); a secret in the host or path, or a whole URL held in a secret, is not flagged.",
        securitySeverity: "5.5",
        tags: new[] { "security", "secrets", "url" },
        badExample: "id: fetch\nnamespace: company.team\ntasks:\n  - id: call_api\n    type: io.kestra.plugin.core.http.Request\n    uri: \"https://api.example.com/v1/orders?api_key={{ secret('API_KEY') }}\"\n",
        goodExample: "id: fetch\nnamespace: company.team\ntasks:\n  - id: call_api\n    type: io.kestra.plugin.core.http.Request\n    uri: https://api.example.com/v1/orders\n    headers:\n      X-Api-Key: \"{{ secret('API_KEY') }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        // The scheme must be written in the value itself, so most values are ruled out without analysing them.
        if (!site.IsRendered || !MayHoldUrl(site.Value)) return;
        foreach (var use in SecretFlow.Analyze(site))
        {
            var location = use.Locate();
            if (location.Part == UrlPart.None) continue;
            string part = location.Part == UrlPart.Query ? "query string" : "user-info";
            string advice = location.Scheme.StartsWith("jdbc", StringComparison.Ordinal)
                ? "pass it in the task's `password` (or `username`) property instead"
                : "send it in a header or the task's authentication properties instead";
            context.ReportInTemplate(Rule, use.Span, null, use.Display, part, location.Scheme, site.RelativePath, advice);
        }
    });

    private static bool MayHoldUrl(string value) =>
        value.IndexOf("://", StringComparison.Ordinal) >= 0 || value.IndexOf("jdbc:", StringComparison.OrdinalIgnoreCase) >= 0;
}
