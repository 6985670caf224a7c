using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInScriptAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Every_scalar_style_of_commands_and_script()
    {
        RuleVerifier.Verify(Header + """
              - id: commands
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - curl -H token:{{ {|KF1007:secret('A')|} }} https://example.com
                  - 'echo ''{{ {|KF1007:secret(''B'')|} }}'''
                  - "printf \"%s\\n\" \"{{ {|KF1007:secret(\"C\")|} }}\""
              - id: literal
                type: io.kestra.plugin.scripts.python.Script
                script: |
                  import requests
                  requests.get("https://example.com", headers={"X": "{{ {|KF1007:secret('D')|} }}"})
              - id: folded
                type: io.kestra.plugin.scripts.node.Commands
                beforeCommands:
                  - >-
                    npm config set
                    //registry.npmjs.org/:_authToken={{ {|KF1007:secret('E')|} | trim }}
                commands:
                  - node main.js
            """, "flow.yaml", "KF1007");
    }

    [TestMethod]
    public void Deprecated_script_tasks_cli_tasks_and_nested_tasks()
    {
        RuleVerifier.Verify(Header + """
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: bash
                    type: io.kestra.core.tasks.scripts.Bash
                    commands:
                      - "echo {{ {|KF1007:secret('A')|} }}"
                  - id: dbt
                    type: io.kestra.plugin.dbt.cli.DbtCLI
                    commands:
                      - "dbt run --vars '{token: {{ {|KF1007:secret('B')|} }}}'"
              - id: if
                type: io.kestra.plugin.core.flow.If
                condition: "{{ true }}"
                then:
                  - id: each
                    type: io.kestra.plugin.core.flow.ForEach
                    values: [1]
                    tasks:
                      - id: in_each
                        type: io.kestra.plugin.scripts.shell.Script
                        script: "echo {{ {|KF1007:secret('C')|} }}"
            errors:
              - id: on_error
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - "echo {{ {|KF1007:secret('D')|} }}"
            finally:
              - id: cleanup
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - "echo {{ {|KF1007:secret('E')|} }}"
            """, "flow.yaml", "KF1007");
    }

    [TestMethod]
    public void Secret_inputs_and_aliases_and_each_document()
    {
        RuleVerifier.Verify("""
            id: first
            namespace: company.team
            inputs:
              - id: password
                type: SECRET
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: &cmd "psql -c {{ secret('A') }}"
              - id: commands
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - "mysql -p{{ {|KF1007:inputs.password|} }}"
                  - {|KF1007:*cmd|}
            ---
            id: second
            namespace: company.team
            tasks:
              - id: commands
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - "echo {{ {|KF1007:secret('B')|} }}"
            """, "flow.yaml", "KF1007");
    }

    [TestMethod]
    public void Env_and_unrendered_text_are_not_findings()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            description: "Never run echo {{ secret('X') }}"
            # commands: ["echo {{ secret('X') }}"]
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                description: "echo {{ secret('X') }}"
                env:
                  TOKEN: "{{ secret('X') }}"
                inputFiles:
                  credentials.json: "{{ secret('GCP_SERVICE_ACCOUNT') }}"
                commands:
                  - "echo {# {{ secret('X') }} #} {% raw %}{{ secret('X') }}{% endraw %}"
                  - "echo {% verbatim %}{{ secret('X') }}{% endverbatim %}"
                  - "echo \"secret('X')\" {{ \"secret('X')\" }}"
                  - "{% if secret('X') is not empty %}echo configured{% endif %}"
                  - echo "$TOKEN"
              - id: notify
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: "{{ secret('SLACK_WEBHOOK') }}"
                messageText: done
              - id: not_a_script
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                headers:
                  Authorization: "Bearer {{ secret('X') }}"
            """, "flow.yaml", "KF1007");
    }

    [TestMethod]
    public void Message_says_how_to_pass_it_through_env()
    {
        var found = RuleVerifier.Verify(Header + """
                  - id: clone
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - git clone https://x:{{ {|KF1007:secret('github-token')|} }}@github.com/acme/repo.git
                """, "flow.yaml", "KF1007");
        found.Single().Message.ShouldBe("secret('github-token') is rendered into the `commands` of script task 'clone', so it is written into the shell command line, which every process on the worker can read; pass it through `env` instead: `env: {GITHUB_TOKEN: \"{{ secret('github-token') }}\"}`, then `\"$GITHUB_TOKEN\"`");

        var python = RuleVerifier.Verify(Header + """
                  - id: py
                    type: io.kestra.plugin.scripts.python.Script
                    script: print("{{ {|KF1007:secret('API_KEY')|} }}")
                """, "flow.yaml", "KF1007");
        python.Single().Message.ShouldContain("so it is written into the script file saved in the task's working directory;");
        python.Single().Message.ShouldEndWith("`env: {API_KEY: \"{{ secret('API_KEY') }}\"}`, then read the environment variable API_KEY in the script");
    }

    // ---------------- the fix ----------------

    [TestMethod]
    public void Fix_adds_env_before_the_commands_and_quotes_the_reference()
    {
        string after = ApplySingleFix(Header + """
              - id: clone
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - git clone https://x:{{ secret('GITHUB_TOKEN') }}@github.com/acme/repo.git
            """);
        after.ShouldBe(Header + """
              - id: clone
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  GITHUB_TOKEN: "{{ secret('GITHUB_TOKEN') }}"
                commands:
                  - git clone https://x:"${GITHUB_TOKEN}"@github.com/acme/repo.git
            """);
    }

    [TestMethod]
    public void Fix_inside_shell_double_quotes_of_a_double_quoted_scalar_escapes_nothing_it_does_not_need()
    {
        string after = ApplySingleFix(Header + """
              - type: io.kestra.plugin.scripts.python.Commands
                commands:
                  - "curl -H \"Authorization: Bearer {{ secret('api-token') }}\" https://example.com"
                id: call
            """);
        after.ShouldBe(Header + """
              - type: io.kestra.plugin.scripts.python.Commands
                env:
                  API_TOKEN: "{{ secret('api-token') }}"
                commands:
                  - "curl -H \"Authorization: Bearer ${API_TOKEN}\" https://example.com"
                id: call
            """);
    }

    [TestMethod]
    public void Fix_adds_to_an_existing_env_and_works_when_the_property_opens_the_task()
    {
        string after = ApplySingleFix(Header + """
              - commands:
                  - 'echo "{{ secret(''REGISTRY_TOKEN'') }}" | docker login --password-stdin'
                id: login
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  REGISTRY: ghcr.io
            """);
        after.ShouldBe(Header + """
              - commands:
                  - 'echo "${REGISTRY_TOKEN}" | docker login --password-stdin'
                id: login
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  REGISTRY_TOKEN: "{{ secret('REGISTRY_TOKEN') }}"
                  REGISTRY: ghcr.io
            """);

        string first = ApplySingleFix(Header + """
              - commands: ["echo {{ secret('A') }}"]
                id: x
                type: io.kestra.plugin.scripts.shell.Commands
            """);
        first.ShouldBe(Header + """
              - env:
                  A: "{{ secret('A') }}"
                commands: ["echo \"${A}\""]
                id: x
                type: io.kestra.plugin.scripts.shell.Commands
            """);
    }

    [TestMethod]
    public void Fix_in_a_shell_script_block_reuses_an_env_entry_that_already_holds_the_expression()
    {
        string after = ApplySingleFix(Header + """
              - id: script
                type: io.kestra.plugin.scripts.shell.Script
                env:
                  TOKEN: "{{ secret('TOKEN') }}"
                script: |
                  echo "$TOKEN" > /dev/null
                  curl -u user:{{ secret('TOKEN') }} https://example.com
            """);
        after.ShouldBe(Header + """
              - id: script
                type: io.kestra.plugin.scripts.shell.Script
                env:
                  TOKEN: "{{ secret('TOKEN') }}"
                script: |
                  echo "$TOKEN" > /dev/null
                  curl -u user:"${TOKEN}" https://example.com
            """);
    }

    [TestMethod]
    public void No_fix_where_the_shell_would_read_it_differently()
    {
        // Single quotes do not expand variables; a here-document may not; PowerShell and Python do not read $NAME;
        // a transform, a set variable, whitespace control, an alias, a custom interpreter or a clashing env name
        // cannot be moved as is.
        string[] cases =
        {
            "commands:\n      - \"echo '{{ secret('A') }}'\"",
            "commands:\n      - |\n        cat <<EOF\n        {{ secret('A') }}\n        EOF",
            "commands:\n      - \"echo {{ secret('A') | upper }}\"",
            "commands:\n      - \"{% set a = secret('A') %}echo {{ a }}\"",
            "commands:\n      - \"echo {{- secret('A') }}\"",
            "interpreter: [\"/bin/bash\", \"-c\"]\n    commands:\n      - \"echo {{ secret('A') }}\"",
            "env:\n      A: other\n    commands:\n      - \"echo {{ secret('A') }}\"",
            "env: {B: b}\n    commands:\n      - \"echo {{ secret('A') }}\"",
            "commands:\n      - \"echo {{ secret('PATH') }}\"",
        };
        foreach (var body in cases)
        {
            var findings = Findings(Header + "  - id: t\n    type: io.kestra.plugin.scripts.shell.Commands\n    " + body + "\n");
            findings.Count.ShouldBe(1, body);
            findings[0].Fixes.ShouldBeEmpty(body);
        }

        Findings(Header + "  - id: t\n    type: io.kestra.plugin.scripts.powershell.Commands\n    commands:\n      - \"echo {{ secret('A') }}\"\n")
            .Single().Fixes.ShouldBeEmpty();
        Findings(Header + "  - id: t\n    type: io.kestra.plugin.scripts.python.Script\n    script: \"print({{ secret('A') }})\"\n")
            .Single().Fixes.ShouldBeEmpty();
        // The anchored task can be fixed in place (its alias follows); the alias itself has nothing of its own to edit.
        var anchored = Findings(Header + "  - &task\n    id: t\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - \"echo {{ secret('A') }}\"\n  - *task\n");
        anchored.Count.ShouldBe(2);
        anchored.Count(d => d.Fixes.Count == 0).ShouldBe(1);
    }

    [TestMethod]
    public void The_fix_is_offered_in_editors_only()
    {
        var fix = Findings(Header + "  - id: t\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - \"echo {{ secret('A') }}\"\n")
            .Single().Fixes.Single();
        fix.IsSafe.ShouldBeFalse();
        fix.Title.ShouldBe("Pass secret('A') to the script as environment variable A");
    }

    [TestMethod]
    public void The_documented_examples_behave()
    {
        RuleVerifier.Analyze(SecretInScriptAnalyzer.Rule.BadExample!).Count(d => d.Id == "KF1007").ShouldBe(1);
        RuleVerifier.Analyze(SecretInScriptAnalyzer.Rule.GoodExample!).ShouldNotContain(d => d.Id == "KF1007");
    }

    private static List<Diagnostic> Findings(string yaml) => RuleVerifier.Analyze(yaml).Where(d => d.Id == "KF1007").ToList();

    /// <summary>Applies the one finding's fix, then checks the result parses cleanly and no longer has the finding.</summary>
    private static string ApplySingleFix(string yaml)
    {
        var fix = Findings(yaml).Single().Fixes.Single();
        var text = new StringBuilder(yaml);
        foreach (var edit in fix.Edits.OrderByDescending(e => e.Span.Start))
        {
            text.Remove(edit.Span.Start, edit.Span.Length);
            text.Insert(edit.Span.Start, edit.NewText);
        }
        string result = text.ToString();
        var after = RuleVerifier.Analyze(result);
        after.ShouldNotContain(d => d.Id == "KF1007" || d.Id.StartsWith("KF4", StringComparison.Ordinal) || d.Id == "KF3001", result);
        return result;
    }
}
