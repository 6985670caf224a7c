using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInputExposedAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ninputs:\n  - id: pw\n    type: SECRET\n  - id: user\n    type: STRING\ntasks:\n";

    [TestMethod]
    public void Log_messages_in_every_scalar_style()
    {
        RuleVerifier.Verify(Header + """
              - id: plain
                type: io.kestra.plugin.core.log.Log
                message: Password {{ {|KF1011:inputs.pw|} }}
              - id: single
                type: io.kestra.plugin.core.log.Log
                message: 'It''s {{ {|KF1011:inputs[''pw'']|} }}'
              - id: double
                type: io.kestra.plugin.core.log.Log
                message: "caf\u00e9 \"{{ {|KF1011:inputs[\"pw\"]|} }}\""
              - id: literal
                type: io.kestra.core.tasks.log.Log
                message: |
                  first
                  {{ {|KF1011:inputs.pw|} | upper }}
              - id: folded
                type: io.kestra.plugin.core.debug.Echo
                format: >-
                  folded
                  {{ {|KF1011:inputs.pw|} }} {{ inputs.user }}
            """, "flow.yaml", "KF1011");
    }

    [TestMethod]
    public void Outputs_labels_and_context_dumps()
    {
        RuleVerifier.Verify(Header + """
              - id: return
                type: io.kestra.plugin.core.debug.Return
                format: "{{ {|KF1011:inputs.pw|} }}"
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  nested:
                    key: "{{ {|KF1011:inputs.pw|} }}"
              - id: labels_map
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  owner: "{{ {|KF1011:inputs.pw|} }}"
              - id: labels_list
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  - key: "{{ {|KF1011:inputs.pw|} }}"
                    value: x
              - id: child
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                labels:
                  pw: "{{ {|KF1011:inputs.pw|} }}"
              - id: dump
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF1011:printContext()|} }}"
            triggers:
              - id: schedule
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 * * * *"
                labels:
                  pw: "{{ {|KF1011:inputs.pw|} }}"
            outputs:
              - id: plain_output
                type: STRING
                value: "{{ {|KF1011:inputs.pw|} }}"
              - id: secret_output
                type: SECRET
                value: "{{ inputs.pw }}"
            """, "flow.yaml", "KF1011");
    }

    [TestMethod]
    public void Nested_tasks_aliases_and_documents()
    {
        RuleVerifier.Verify(Header + """
              - id: sequential
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: if
                    type: io.kestra.plugin.core.flow.If
                    condition: "{{ inputs.pw is not empty }}"
                    then:
                      - id: log
                        type: io.kestra.plugin.core.log.Log
                        message: &msg "{{ {|KF1011:inputs.pw|} }}"
                    else:
                      - id: again
                        type: io.kestra.plugin.core.log.Log
                        message: {|KF1011:*msg|}
            errors:
              - id: on_error
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF1011:inputs.pw|} }}"
            finally:
              - id: at_end
                type: io.kestra.plugin.core.log.Log
                message: "{% set p = inputs.pw %}{{ {|KF1011:p|} }}"
            ---
            id: second
            namespace: company.team
            inputs:
              - name: token
                type: SECRET
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF1011:inputs.token|} }}"
            """, "flow.yaml", "KF1011");
    }

    [TestMethod]
    public void Secret_functions_consumers_conditions_and_unrendered_text_are_not_findings()
    {
        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            description: "{{ inputs.pw }}"
            # message: "{{ inputs.pw }}"
            inputs:
              - id: pw
                type: SECRET
            labels:
              owner: "{{ inputs.pw }}"
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                description: "{{ inputs.pw }}"
                message: >
                  {{ secret('X') }} {# {{ inputs.pw }} #} {% raw %}{{ inputs.pw }}{% endraw %}
                  {% verbatim %}{{ inputs.pw }}{% endverbatim %} {{ "inputs.pw" }}
                  {% if inputs.pw is not empty %}set{% endif %} {{ inputs.pw == 'a' }} {{ inputs.other }}
              - id: notify
                type: io.kestra.plugin.slack.notifications.SlackIncomingWebhook
                url: "{{ inputs.pw }}"
                messageText: hi
              - id: consume
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                headers:
                  Authorization: "Bearer {{ inputs.pw }}"
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                env:
                  PW: "{{ inputs.pw }}"
                commands:
                  - echo ok
            """, "flow.yaml", "KF1011");

        // Without a SECRET input, printContext() holds nothing this rule is about.
        RuleVerifier.Verify("id: f\nnamespace: n\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ printContext() }}\"\n", "flow.yaml", "KF1011");
    }

    [TestMethod]
    public void Messages_say_where_the_input_ends_up()
    {
        var found = RuleVerifier.Verify(Header + """
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ {|KF1011:inputs.pw|} | slice(0, 2) }}"
                  - id: out
                    type: io.kestra.plugin.core.output.OutputValues
                    values:
                      a: "{{ {|KF1011:inputs.pw|} }}"
                outputs:
                  - id: leaked
                    type: STRING
                    value: "{{ {|KF1011:inputs.pw|} }}"
                """, "flow.yaml", "KF1011");
        found[0].Message.ShouldBe("SECRET input 'pw' is written to the logs by task 'log' (transformed by `| slice`, which Kestra's log masking cannot recognise)");
        found[1].Message.ShouldBe("SECRET input 'pw' becomes an output of task 'out' (never masked)");
        found[2].Message.ShouldBe("SECRET input 'pw' becomes flow output 'leaked', which is not `type: SECRET` (never masked)");
        found.ShouldAllBe(d => d.Severity == DiagnosticSeverity.Error);
    }

    [TestMethod]
    public void The_documented_examples_behave()
    {
        RuleVerifier.Analyze(SecretInputExposedAnalyzer.Rule.BadExample!).Count(d => d.Id == "KF1011").ShouldBe(1);
        RuleVerifier.Analyze(SecretInputExposedAnalyzer.Rule.GoodExample!).ShouldNotContain(d => d.Id == "KF1011");
    }
}
