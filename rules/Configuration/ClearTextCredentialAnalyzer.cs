using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2003: a password, token or secret-backend credential written as a literal in the server configuration.</summary>
public sealed class ClearTextCredentialAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF2003",
        "Clear-text credential in configuration",
        "'{0}' is a clear-text credential ({1}); read it from the environment with a ${{...}} placeholder",
        Categories.Configuration,
        DiagnosticSeverity.Error,
        "Kestra's guidance is never to store clear-text passwords in configuration. A password for basic authentication (`kestra.server.basic-auth`, `endpoints.all.basic-auth`), for the super-admin (`kestra.security.super-admin`), or a credential of a secret backend (AWS `access-key-id`/`secret-key-id`/`session-token`, Azure `client-secret`, Google `service-account`, Vault `token`/`password`/`secret-id`, the JDBC and Elasticsearch backends' `secret`) written in application.yml or `KESTRA_CONFIGURATION` sits in Git, in images and in every copy of the file, and tasks that can read the file can read it. Write a Micronaut placeholder such as `${KESTRA_SUPERADMIN_PASSWORD}` and pass the value through the environment or the platform's secret mechanism. Placeholders (also `${NAME:default}`) and empty values are not flagged; the finding gives the value's length, never the value.",
        securitySeverity: "8.0",
        tags: new[] { "security", "configuration", "credentials" },
        badExample: "kestra:\n  server:\n    basic-auth:\n      username: ops@example.com\n      password: s3cr3t-Passw0rd\n",
        goodExample: "kestra:\n  server:\n    basic-auth:\n      username: ops@example.com\n      password: ${KESTRA_BASIC_AUTH_PASSWORD}\n",
        redactSource: true);

    private static readonly string[] FixedPaths =
    {
        KestraConfigPaths.Canonical("kestra.server.basic-auth.password"),
        KestraConfigPaths.Canonical("endpoints.all.basic-auth.password"),
        KestraConfigPaths.Canonical("kestra.security.super-admin.password"),
    };

    // The last key of a secret backend's credential (canonical: lower case, no `-`/`_`), anywhere under kestra.secret.
    private static readonly HashSet<string> BackendCredentialKeys = new(StringComparer.Ordinal)
    {
        "accesskeyid", "secretkeyid", "sessiontoken", "clientsecret", "serviceaccount", "token", "password", "secretid", "secret",
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterConfigurationAction(context =>
    {
        var reported = new HashSet<(int, int)>();
        foreach (var value in KestraConfigPaths.Scalars(context.Configuration.Root))
        {
            if (!IsCredential(value.Path) || value.IsEmpty || value.IsPlaceholder) continue;
            // An anchored value reached through several aliases is one piece of text: report it once.
            if (!reported.Add((value.Scalar.Span.Start, value.Scalar.Span.Length))) continue;
            int length = value.Scalar.Value.Length;
            context.ReportInConfiguration(Rule, value.Scalar.Span, value.WrittenPath, value.WrittenPath, length == 1 ? "1 character" : length + " characters");
        }
    });

    internal static bool IsCredential(string canonicalPath)
    {
        if (Array.IndexOf(FixedPaths, canonicalPath) >= 0) return true;
        if (!canonicalPath.StartsWith("kestra.secret.", StringComparison.Ordinal)) return false;
        return BackendCredentialKeys.Contains(canonicalPath.Substring(canonicalPath.LastIndexOf('.') + 1));
    }

}
