using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1012: secret() in flow `variables` or in `pluginDefaults` values, where it reaches many tasks at once.</summary>
public sealed class SecretInSharedValuesAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1012",
        "Secret in flow variables or plugin defaults",
        "{0} in {1} {2}; call secret() in the task that needs it",
        Categories.Secrets,
        DiagnosticSeverity.Warning,
        "Flow `variables` and `pluginDefaults` are shared: a variable holding `{{ secret('X') }}` hands the secret to every task that renders `vars.x` (a Log task included), and a plugin default is injected into every task whose type starts with the default's `type` (`type: io.kestra.plugin.scripts` puts it in every script task, with its third-party packages; `io.kestra` reaches them all). The secret then flows to places nobody chose for it, and a reader of a task can no longer see that it uses a secret. Call `secret()` in the one property of the one task that consumes it. A default for one task type (`type: io.kestra.plugin.aws.s3.Upload`) is as narrow as writing the value in each of those tasks and is not flagged; a default for a package prefix is.",
        securitySeverity: "4.0",
        tags: new[] { "security", "secrets", "least-privilege" },
        badExample: "id: sync\nnamespace: company.team\nvariables:\n  token: \"{{ secret('GITHUB_TOKEN') }}\"\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: https://api.github.com/user\n    headers:\n      Authorization: \"Bearer {{ render(vars.token) }}\"\n",
        goodExample: "id: sync\nnamespace: company.team\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: https://api.github.com/user\n    headers:\n      Authorization: \"Bearer {{ secret('GITHUB_TOKEN') }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        string? where = site.OwnerKind switch
        {
            SiteOwnerKind.Variable => VariableName(site.RelativePath) is { } name ? $"flow variable '{name}'" : null,
            SiteOwnerKind.PluginDefault when site.RelativePath.StartsWith("values.", StringComparison.Ordinal) && site.PluginDefault is { Type: { } type }
                && IsPackagePrefix(type) && IsRenderedInTasks(type, site.RelativePath) => $"the plugin defaults for '{type}'",
            _ => null,
        };
        if (where is null) return;
        string reach = site.OwnerKind == SiteOwnerKind.Variable
            ? "reaches every task that renders it"
            : "is injected into every task whose type starts with it" + (site.PluginDefault!.Forced ? " (forced, overriding the task's own value)" : string.Empty);
        foreach (var use in SecretFlow.Analyze(site))
        {
            if (use.Origin == SecretOrigin.SecretFunction && !use.IsOnlyTested())
                context.ReportInTemplate(Rule, use.Span, null, use.Display, where, reach);
        }
    });

    /// <summary>A default lands in the tasks' own properties; `description` and the like are never rendered there.</summary>
    private static bool IsRenderedInTasks(string type, string relativePath)
    {
        const string Prefix = "values.";
        int end = relativePath.IndexOfAny(new[] { '.', '[' }, Prefix.Length);
        string property = end < 0 ? relativePath.Substring(Prefix.Length) : relativePath.Substring(Prefix.Length, end - Prefix.Length);
        return RenderingRules.IsTaskPropertyRendered(type, property);
    }

    /// <summary>`io.kestra.plugin.scripts` names a package (every type below it); `io.kestra.plugin.scripts.shell.Commands` one class.</summary>
    private static bool IsPackagePrefix(string type)
    {
        string last = type.Substring(type.LastIndexOf('.') + 1);
        return last.Length == 0 || !char.IsUpper(last[0]);
    }

    /// <summary>`variables.db.password` → `db`: tasks render the whole top-level variable.</summary>
    private static string? VariableName(string relativePath)
    {
        const string Prefix = "variables.";
        if (!relativePath.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        int end = relativePath.IndexOfAny(new[] { '.', '[' }, Prefix.Length);
        return end < 0 ? relativePath.Substring(Prefix.Length) : relativePath.Substring(Prefix.Length, end - Prefix.Length);
    }
}
