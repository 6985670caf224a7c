using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2005: the JDBC or Elasticsearch secret backend's `secret` (its encryption key) shorter than 32 characters.</summary>
public sealed class ShortBackendSecretAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF2005",
        "Secret backend key shorter than 32 characters",
        "'{0}' is {1}; the secret backend encrypts stored secrets with it and needs at least 32 characters",
        Categories.Configuration,
        DiagnosticSeverity.Error,
        "The JDBC and Elasticsearch secret backends store every secret in Kestra's own database or index, encrypted with `kestra.secret.jdbc.secret` or `kestra.secret.elasticsearch.secret`. Kestra's documentation asks for \"a secure 32-character minimum key\": a shorter one is easier to brute-force, and anyone who gets a database dump gets every secret. Generate one with `openssl rand -base64 32` and pass it through the environment. A placeholder's default is checked too, because the server uses it whenever the variable is missing; the finding gives the length, never the key.",
        securitySeverity: "7.5",
        tags: new[] { "security", "configuration", "secret-backend" },
        badExample: "kestra:\n  secret:\n    type: jdbc\n    jdbc:\n      secret: short-key\n",
        goodExample: "kestra:\n  secret:\n    type: jdbc\n    jdbc:\n      secret: ${KESTRA_SECRET_JDBC_KEY}\n",
        redactSource: true);

    private const int MinimumLength = 32;

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterConfigurationAction(context =>
    {
        var scalars = KestraConfigPaths.Scalars(context.Configuration.Root);
        var reported = new HashSet<(int, int)>();
        foreach (string path in new[] { "kestra.secret.jdbc.secret", "kestra.secret.elasticsearch.secret" })
        {
            foreach (var value in KestraConfigPaths.Find(scalars, path))
            {
                if (value.IsEmpty) continue;
                var (start, length) = KestraConfigPaths.LiteralPart(value.Scalar.Value);
                if (length == 0 || length >= MinimumLength) continue;
                var span = value.Scalar.MapToSource(start, length);
                if (!reported.Add((span.Start, span.Length))) continue;
                string size = length == 1 ? "1 character" : length + " characters";
                context.ReportInConfiguration(Rule, span, value.WrittenPath, value.WrittenPath, start > 0 ? size + " (the placeholder's default)" : size);
            }
        }
    });
}
