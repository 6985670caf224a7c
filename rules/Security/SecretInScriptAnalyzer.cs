using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Rules.Security;

/// <summary>KF1007: a secret rendered into a script task's `commands`, `script` or `beforeCommands` instead of `env`.</summary>
public sealed class SecretInScriptAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF1007",
        "Secret inlined into script commands or script text",
        "{0} is rendered into the `{1}` of script task '{2}', so it is written into {3}; pass it through `env` instead: {4}",
        Categories.Secrets,
        DiagnosticSeverity.Warning,
        "Kestra renders a script task's `commands`, `script` and `beforeCommands` before the task runs: a secret printed there becomes part of the script file written to the working directory (and to the container or remote runner), of the command line every process on the worker can read (`ps`, `/proc/*/cmdline`), and of any `set -x` trace, error message or echo of the command, where Kestra's log masking misses every quoted, escaped or split copy. A shell also interprets the value: a quote or `$` in the secret breaks the command or runs something else. Pass the secret in `env` and read it from the environment: `env: {GITHUB_TOKEN: \"{{ secret('GITHUB_TOKEN') }}\"}` then `\"$GITHUB_TOKEN\"` in shell commands, or `os.environ[\"GITHUB_TOKEN\"]` in Python. Applies to `io.kestra.plugin.scripts.*`, the deprecated `io.kestra.core.tasks.scripts.*` and the CLI tasks built on them (`*.cli.*`, such as `DbtCLI`). For POSIX shell commands FlowLint offers an editor fix that adds the `env` entry and replaces the expression with the variable.",
        securitySeverity: "5.0",
        tags: new[] { "security", "secrets", "scripts" },
        badExample: "id: clone\nnamespace: company.team\ntasks:\n  - id: git\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - git clone https://x-access-token:{{ secret('GITHUB_TOKEN') }}@github.com/acme/repo.git\n",
        goodExample: "id: clone\nnamespace: company.team\ntasks:\n  - id: git\n    type: io.kestra.plugin.scripts.shell.Commands\n    env:\n      GITHUB_TOKEN: \"{{ secret('GITHUB_TOKEN') }}\"\n    commands:\n      - git clone \"https://x-access-token:${GITHUB_TOKEN}@github.com/acme/repo.git\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        var site = context.Site;
        if (!site.IsRendered || site.Task is not { CanonicalType: { } type } task) return;
        if (!SecretSinks.IsScriptLikeTask(type) || !SecretSinks.IsInlineScriptProperty(site.PropertyName)) return;
        foreach (var use in SecretFlow.Analyze(site))
        {
            if (!use.ReachesOutput) continue;
            var move = ScriptSecretEnvFix.Plan(use);
            var fix = ScriptSecretEnvFix.TryCreate(use, task, move);
            context.ReportInTemplate(Rule, use.Span, fix is null ? null : new[] { fix },
                use.Display, site.PropertyName, task.Id ?? "?", WhereItLands(site.PropertyName), Suggestion(move, SecretSinks.RunsInPosixShell(type, site.PropertyName)));
        }
    });

    /// <summary>Commands run as `sh -c "…"` arguments; a `script` is saved as a file and run.</summary>
    private static string WhereItLands(string property) => property == "script"
        ? "the script file saved in the task's working directory"
        : "the shell command line, which every process on the worker can read";

    /// <summary>"`env: {GITHUB_TOKEN: "{{ secret('GITHUB_TOKEN') }}"}`, then `"$GITHUB_TOKEN"`".</summary>
    private static string Suggestion(ScriptSecretEnvFix.EnvMove move, bool posixShell)
    {
        string entry = $"`env: {{{move.Name}: \"{{{{ {move.Expression} }}}}\"}}`";
        return posixShell
            ? $"{entry}, then `\"${move.Name}\"`"
            : $"{entry}, then read the environment variable {move.Name} in the script";
    }
}
