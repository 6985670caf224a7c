using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Configuration;

/// <summary>KF2002: `kestra.encryption.secret-key` that AES cannot use, that is weak, or that is written in the file.</summary>
public sealed class EncryptionKeyAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF2002",
        "Unusable, weak or literal encryption key",
        "kestra.encryption.secret-key {0}",
        Categories.Configuration,
        DiagnosticSeverity.Error,
        "Kestra encrypts `SECRET` inputs and outputs at rest with AES/GCM, using `kestra.encryption.secret-key` decoded from base64 as the key. A value that is not base64, or that decodes to anything other than 16, 24 or 32 bytes, makes every execution with a secret input or output fail (error). A key shorter than 32 bytes works but is weaker than the `openssl rand -base64 32` the documentation generates (warning). And the key is a secret itself: written as a literal, it sits in Git and in every copy of the file, so read it from the environment with `${KESTRA_ENCRYPTION_KEY}` (warning). The finding gives the key's length, never the key.",
        securitySeverity: "7.0",
        tags: new[] { "security", "configuration", "encryption" },
        badExample: "kestra:\n  encryption:\n    secret-key: not-base64!\n",
        goodExample: "kestra:\n  encryption:\n    secret-key: ${KESTRA_ENCRYPTION_KEY}\n",
        redactSource: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterConfigurationAction(context =>
    {
        foreach (var value in KestraConfigPaths.Find(context.Configuration.Root, "kestra.encryption.secret-key"))
        {
            if (value.IsEmpty || value.IsPlaceholder) continue;
            string key = value.Scalar.Value.Trim();
            int? bytes = DecodedLength(key);
            var span = context.Configuration.MapToFile(value.Scalar.Span);
            string problem;
            var severity = DiagnosticSeverity.Error;
            if (bytes is null)
                problem = $"is not valid base64 ({Characters(key.Length)}), so Kestra cannot encrypt SECRET inputs and outputs";
            else if (bytes is not (16 or 24 or 32))
                problem = $"decodes to {bytes} bytes; AES needs 16, 24 or 32, so Kestra cannot encrypt SECRET inputs and outputs";
            else if (bytes < 32)
            {
                problem = $"decodes to {bytes} bytes; generate a 32-byte key with `openssl rand -base64 32` and read it from the environment";
                severity = DiagnosticSeverity.Warning;
            }
            else
            {
                problem = "is written in the file; the key is a secret itself, read it from the environment with ${KESTRA_ENCRYPTION_KEY}";
                severity = DiagnosticSeverity.Warning;
            }
            var diagnostic = Diagnostic.Create(Rule, new Location(context.Text, span), "kestra.encryption.secret-key", null, null, problem);
            context.ReportDiagnostic(severity == Rule.DefaultSeverity ? diagnostic : diagnostic.WithSeverity(severity));
        }
    });

    private static string Characters(int length) => length == 1 ? "1 character" : length + " characters";

    /// <summary>The decoded length of standard base64 (padding optional, as Java's decoder is strict about the alphabet), or null.</summary>
    private static int? DecodedLength(string text)
    {
        int padding = 0, count = 0;
        foreach (char c in text)
        {
            if (c == '=') { padding++; continue; }
            if (padding > 0) return null;
            bool valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!valid) return null;
            count++;
        }
        if (padding > 2 || count % 4 == 1) return null;
        if (padding > 0 && (count + padding) % 4 != 0) return null;
        return count * 3 / 4;
    }
}
