using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInSharedValuesAnalyzerTests
{
    private const string Tasks = "tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [TestMethod]
    public void Variables_in_every_scalar_style_and_nested_maps()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            variables:
              plain: Bearer {{ {|KF1012:secret('A')|} }}
              single: 'It''s {{ {|KF1012:secret(''B'')|} }}'
              double: "caf\u00e9 {{ {|KF1012:secret(\"C\")|} }}"
              literal: |
                user: app
                password: {{ {|KF1012:secret('D')|} }}
              folded: >-
                folded
                {{ {|KF1012:secret(key='E')|} | trim }}
              db:
                hosts: [a, b]
                credentials:
                  - "{{ {|KF1012:secret('F', namespace='company')|} }}"
            """ + "\n" + Tasks, "flow.yaml", "KF1012");
    }

    [TestMethod]
    public void Plugin_defaults_for_a_package_prefix()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            pluginDefaults:
              - type: io.kestra.plugin.scripts
                values:
                  env:
                    TOKEN: "{{ {|KF1012:secret('TOKEN')|} }}"
              - type: io.kestra.plugin.jdbc.postgresql
                forced: true
                values:
                  password: "{{ {|KF1012:secret('PG')|} }}"
              - type: io.kestra.plugin.aws.s3.Upload
                values:
                  accessKeyId: "{{ secret('AWS_ACCESS_KEY_ID') }}"
            taskDefaults:
              - type: io.kestra
                values:
                  apiKey: "{{ {|KF1012:secret('OLD')|} }}"
            """ + "\n" + Tasks, "flow.yaml", "KF1012");
    }

    [TestMethod]
    public void Aliases_are_reported_at_the_use_and_each_document_is_checked()
    {
        RuleVerifier.Verify("""
            id: first
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: &token "{{ secret('A') }}"
            variables:
              token: {|KF1012:*token|}
            ---
            id: second
            namespace: company.team
            variables:
              token: "{{ {|KF1012:secret('B')|} }}"
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            """, "flow.yaml", "KF1012");
    }

    [TestMethod]
    public void Tests_on_a_secret_and_text_that_only_looks_like_one_are_not_findings()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            description: "variables: {{ secret('X') }}"
            # variables:
            #   token: "{{ secret('X') }}"
            variables:
              configured: "{{ secret('X') is not empty }}"
              same: "{{ secret('X') == 'expected' }}"
              text: >
                {# {{ secret('X') }} #} {% raw %}{{ secret('X') }}{% endraw %}
                {% verbatim %}{{ secret('X') }}{% endverbatim %} {{ "secret('X')" }}
                {% if secret('X') is defined %}yes{% endif %}
              input: "{{ inputs.password }}"
            inputs:
              - id: password
                type: SECRET
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                description: "{{ secret('X') }}"
                message: hi
              - id: notify
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: "{{ secret('SLACK_WEBHOOK') }}"
                messageText: hi
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  TOKEN: "{{ secret('X') }}"
                commands:
                  - echo ok
            pluginDefaults:
              - type: io.kestra.plugin.scripts
                values:
                  description: "{{ secret('X') }}"
                  env:
                    CONFIGURED: "{{ secret('X') is not empty }}"
            """, "flow.yaml", "KF1012");
    }

    [TestMethod]
    public void Message_says_how_far_the_secret_reaches()
    {
        var found = RuleVerifier.Verify("""
            id: f
            namespace: company.team
            variables:
              db:
                password: "{{ {|KF1012:secret('DB_PASSWORD')|} }}"
            pluginDefaults:
              - type: io.kestra.plugin.scripts
                forced: true
                values:
                  env:
                    TOKEN: "{{ {|KF1012:secret('TOKEN')|} }}"
            """ + "\n" + Tasks, "flow.yaml", "KF1012");
        found[0].Message.ShouldBe("secret('DB_PASSWORD') in flow variable 'db' reaches every task that renders it; call secret() in the task that needs it");
        found[1].Message.ShouldBe("secret('TOKEN') in the plugin defaults for 'io.kestra.plugin.scripts' is injected into every task whose type starts with it (forced, overriding the task's own value); call secret() in the task that needs it");
    }

    [TestMethod]
    public void The_documented_examples_behave()
    {
        RuleVerifier.Analyze(SecretInSharedValuesAnalyzer.Rule.BadExample!).Count(d => d.Id == "KF1012").ShouldBe(1);
        RuleVerifier.Analyze(SecretInSharedValuesAnalyzer.Rule.GoodExample!).ShouldNotContain(d => d.Id == "KF1012");
    }
}
