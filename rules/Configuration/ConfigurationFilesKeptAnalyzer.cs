using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2008: a configuration that holds secrets in clear text without `kestra.configurations.delete-files-on-start: true`.</summary>
public sealed class ConfigurationFilesKeptAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF2008",
        "Configuration with secrets is kept on disk",
        "This configuration holds a clear-text secret ('{0}') but kestra.configurations.delete-files-on-start is {1}; tasks that can read the file can read the secret",
        Categories.Configuration,
        DiagnosticSeverity.Warning,
        "`kestra.configurations.delete-files-on-start: true` makes Kestra delete its configuration files once it has read them, so a script task running on the same host or container cannot read the encryption key, passwords or secret-backend credentials from disk. A configuration that writes any of them as a literal (not a `${...}` placeholder) and keeps the file is one `cat` away from leaking them. Set the flag, and better, move the values to the environment. The finding is on the flag when it is written, otherwise on the key of the first clear-text secret; it never shows a value.",
        securitySeverity: "5.5",
        tags: new[] { "security", "configuration", "hardening" },
        badExample: "kestra:\n  encryption:\n    secret-key: q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n",
        goodExample: "kestra:\n  encryption:\n    secret-key: q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n  configurations:\n    delete-files-on-start: true\n");

    private static readonly string EncryptionKeyPath = KestraConfigPaths.Canonical("kestra.encryption.secret-key");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterConfigurationAction(context =>
    {
        var scalars = KestraConfigPaths.Scalars(context.Configuration.Root);
        const string flagPath = "kestra.configurations.delete-files-on-start";
        if (KestraConfigPaths.IsTrue(scalars, flagPath)) return;

        ConfigValue? secret = null;
        foreach (var value in scalars)
        {
            if (value.IsEmpty || value.IsPlaceholder || !HoldsSecret(value.Path)) continue;
            secret = value;
            break;
        }
        if (secret is not { } first) return;

        var flags = KestraConfigPaths.Find(scalars, flagPath);
        if (flags.Count > 0)
        {
            var flag = flags[flags.Count - 1];
            context.ReportInConfiguration(Rule, flag.Scalar.Span, flag.WrittenPath, first.WrittenPath, "'" + flag.Scalar.Value.Trim() + "'");
        }
        else
        {
            context.ReportInConfiguration(Rule, first.Key.Span, first.WrittenPath, first.WrittenPath, "not set");
        }
    });

    private static bool HoldsSecret(string canonicalPath) =>
        canonicalPath == EncryptionKeyPath
        || ClearTextCredentialAnalyzer.IsCredential(canonicalPath)
        || (canonicalPath.StartsWith("datasources.", StringComparison.Ordinal) && canonicalPath.EndsWith(".password", StringComparison.Ordinal));
}
