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

    /// <summary>
    /// Whether the value has "://" or "jdbc:" (any case). Both have a colon, and most values have none: the colons
    /// are found with a vectorised search rather than a case-insensitive one over every value of every flow.
    /// </summary>
    private static bool MayHoldUrl(string value)
    {
        for (int colon = value.IndexOf(':'); colon >= 0; colon = value.IndexOf(':', colon + 1))
        {
            if (colon + 2 < value.Length && value[colon + 1] == '/' && value[colon + 2] == '/') return true;
            if (colon >= 4 && string.Compare(value, colon - 4, "jdbc", 0, 4, StringComparison.OrdinalIgnoreCase) == 0) return true;
        }
        return false;
    }
}
