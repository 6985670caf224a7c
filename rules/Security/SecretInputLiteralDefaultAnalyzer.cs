using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1010: a SECRET input whose `defaults` is a literal value written in the flow.</summary>
public sealed class SecretInputLiteralDefaultAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1010",
        "SECRET input with a literal default",
        "SECRET input '{0}' has a literal default ({1}), so the secret is stored in plain text in the flow source",
        Categories.Secrets,
        DiagnosticSeverity.Error,
        "A `SECRET` input is encrypted when an execution is created and masked in its logs, but its `defaults:` is part of the flow: it sits in plain text in the flow's YAML, in Git, in the flow's revision history, in exports and in the API's flow source, readable by anyone who can read the flow. Either require the value at execution time (no `defaults`), or default to an expression that reads a managed secret, such as `defaults: \"{{ secret('DB_PASSWORD') }}\"` (input defaults are rendered in Kestra 1.x). Any Pebble in the default (`{{ }}`, `{% %}`, `{# #}`) means it is computed, not spelled out, and is not flagged. The finding never shows the value, only its length.",
        securitySeverity: "7.5",
        tags: new[] { "security", "secrets", "inputs" },
        badExample: "id: load\nnamespace: company.team\ninputs:\n  - id: db_password\n    type: SECRET\n    defaults: hunter2\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: Loading\n",
        goodExample: "id: load\nnamespace: company.team\ninputs:\n  - id: db_password\n    type: SECRET\n    required: true\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: Loading\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterValueAction(context =>
    {
        var site = context.Site;
        // The path is joined only for the few values of SECRET inputs.
        if (site.OwnerKind != SiteOwnerKind.Input || site.Input is not { IsSecret: true } input || site.RelativePath != "defaults") return;
        if (string.IsNullOrWhiteSpace(site.Value) || site.Template is not null || MentionsSecretFunction(site.Value)) return;
        int length = site.Value.Length;
        context.Report(Rule, site.ValueSpan, site.OwnerPath, null, input.Id ?? "?", length == 1 ? "1 character" : length + " characters");
    });

    /// <summary>
    /// `defaults: secret('X')` without braces is a mistyped reference to a managed secret, not a plaintext one;
    /// saying its length would mislead.
    /// </summary>
    private static bool MentionsSecretFunction(string value) => value.IndexOf("secret(", StringComparison.Ordinal) >= 0;
}
