using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2004: a password in the configuration that is one of the demo passwords of Kestra's documentation and Compose files.</summary>
public sealed class DemoCredentialAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF2004",
        "Default or demo credential in configuration",
        "'{0}' is a demo password from Kestra's documentation or Compose files{1}; anyone can guess it",
        Categories.Configuration,
        DiagnosticSeverity.Error,
        "Kestra's documentation and Compose files ship example credentials so a first start works: `admin@kestra.io` / `change-me` for basic authentication, `kestra` / `k3str4` for the PostgreSQL datasource, and a few more. They are public, so a server that still uses them is open to anyone who read the quick start. This rule flags those passwords for basic authentication, the super-admin, a secret backend or a datasource, also as the default of a placeholder (`${KESTRA_PASSWORD:change-me}`), which is what the server uses whenever the variable is missing. Generate a unique password and pass it through the environment.",
        securitySeverity: "9.0",
        tags: new[] { "security", "configuration", "credentials" },
        badExample: "kestra:\n  server:\n    basic-auth:\n      username: admin@kestra.io\n      password: change-me\n",
        goodExample: "kestra:\n  server:\n    basic-auth:\n      username: ops@example.com\n      password: ${KESTRA_BASIC_AUTH_PASSWORD}\n",
        redactSource: true);

    // Passwords from Kestra's docs, docker-compose.yml and test resources; compared exactly (case matters).
    private static readonly HashSet<string> DemoPasswords = new(StringComparer.Ordinal)
    {
        "change-me", "changeme", "k3str4", "kestra", "Admin1234", "admin", "password", "p4ssw0rd", "Root!1234",
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterConfigurationAction(context =>
    {
        var reported = new HashSet<(int, int)>();
        foreach (var value in KestraConfigPaths.Scalars(context.Configuration.Root))
        {
            if (!IsPassword(value.Path) || value.IsEmpty) continue;
            var (start, length) = KestraConfigPaths.LiteralPart(value.Scalar.Value);
            if (length == 0 || !DemoPasswords.Contains(value.Scalar.Value.Substring(start, length))) continue;
            var span = value.Scalar.MapToSource(start, length);
            if (!reported.Add((span.Start, span.Length))) continue;
            string how = start > 0 ? " (the placeholder's default)" : "";
            context.ReportInConfiguration(Rule, span, value.WrittenPath, value.WrittenPath, how);
        }
    });

    private static bool IsPassword(string canonicalPath) =>
        ClearTextCredentialAnalyzer.IsCredential(canonicalPath)
        || (canonicalPath.StartsWith("datasources.", StringComparison.Ordinal) && canonicalPath.EndsWith(".password", StringComparison.Ordinal));
}
