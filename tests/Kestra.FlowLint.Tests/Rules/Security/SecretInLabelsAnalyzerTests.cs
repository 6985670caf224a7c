using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInLabelsAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Labels_task_map_in_every_scalar_style() => RuleVerifier.Verify(Header + """
          - id: labels
            type: io.kestra.plugin.core.execution.Labels
            labels:
              plain: token {{ {|KF1005:secret('A')|} }}
              single: 'it''s {{ {|KF1005:secret(''B'')|} }}'
              double: "caf\u00e9 \"{{ {|KF1005:secret(\"C\")|} }}\""
              literal: |
                first line
                {{ {|KF1005:secret('D')|} }}
              folded: >-
                folded
                text {{ {|KF1005:secret('E')|} | upper }}
        """, "flow.yaml", "KF1005");

    [TestMethod]
    public void Key_value_lists_the_deprecated_alias_subflows_and_triggers() => RuleVerifier.Verify(Header + """
          - id: labels
            type: io.kestra.core.tasks.executions.Labels
            labels:
              - key: env
                value: "{{ {|KF1005:secret('A')|} }}"
              - key: "{{ {|KF1005:secret('B')|} }}"
                value: x
          - id: child
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: child
            labels:
              token: "{{ {|KF1005:secret('C')|} }}"
            inputs:
              token: "{{ secret('D') }}"
          - id: items
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ outputs.x.uri }}"
            namespace: company.team
            flowId: child
            labels:
              token: "{{ {|KF1005:secret('E')|} }}"
        triggers:
          - id: schedule
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 * * * *"
            labels:
              token: "{{ {|KF1005:secret('F')|} }}"
        sla:
          - id: slow
            type: MAX_DURATION
            duration: PT1H
            labels:
              token: "{{ {|KF1005:secret('G')|} }}"
        """, "flow.yaml", "KF1005");

    [TestMethod]
    public void Nested_tasks_aliases_secret_inputs_and_crlf()
    {
        var markup = """
            id: f
            namespace: company.team
            inputs:
              - id: password
                type: SECRET
            tasks:
              - id: if
                type: io.kestra.plugin.core.flow.If
                condition: "true"
                then:
                  - id: parallel
                    type: io.kestra.plugin.core.flow.Parallel
                    tasks:
                      - id: first
                        type: io.kestra.plugin.core.execution.Labels
                        labels: &labels
                          token: "{{ {|KF1005:secret('A')|} }}"
                          user: "{{ inputs.password }}"  # a SECRET input: KF1011 reports it
                      - id: second
                        type: io.kestra.plugin.core.execution.Labels
                        labels: {|KF1005:*labels|}
            errors:
              - id: on_error
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  token: "{{ {|KF1005:secret('B')|} }}"
            finally:
              - id: at_end
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  token: "{{ {|KF1005:secret('C')|} }}"
            ---
            id: g
            namespace: company.team
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: [1]
                tasks:
                  - id: labels
                    type: io.kestra.plugin.core.execution.Labels
                    labels:
                      token: "{{ {|KF1005:secret('D')|} }}"
            """.Replace("\r\n", "\n").Replace("\n", "\r\n");
        RuleVerifier.Verify(markup, "flow.yaml", "KF1005");
    }

    [TestMethod]
    public void False_positive_traps_are_not_findings() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "Labels {{ secret('X') }}"
        # labels: "{{ secret('X') }}"
        labels:
          token: "{{ secret('X') }}"
          other: "{{ render(vars.unused) }}"
        variables:
          unused: "{{ secret('X') }}"
        tasks:
          - id: labels
            type: io.kestra.plugin.core.execution.Labels
            description: "{{ secret('X') }}"
            labels:
              a: "{# {{ secret('X') }} #}{% raw %}{{ secret('X') }}{% endraw %}"
              b: "{% verbatim %}{{ secret('X') }}{% endverbatim %} {{ \"secret('X')\" }} {{ vars.unused }}"
              c: "{{ secret('X') is not empty }}"
              d: "{{ secret('X') | length > 10 ? 'long' : 'short' }}"
          - id: child
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: child
            inputs:
              token: "{{ secret('X') }}"
        """, "flow.yaml", "KF1005");

    [TestMethod]
    public void Messages_name_the_label_and_who_writes_it()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: set_labels
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  - key: deployed_by
                    value: "{{ {|KF1005:secret('API_KEY')|} }}"
              - id: child
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                labels:
                  token: "{{ {|KF1005:secret('B')|} }}"
            triggers:
              - id: hourly
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 * * * *"
                labels:
                  - key: "{{ {|KF1005:secret('C')|} }}"
                    value: x
            """, "flow.yaml", "KF1005");
        found.Select(d => d.Message).ShouldBe(new[]
        {
            "secret('API_KEY') is written to label 'deployed_by' of the execution by task 'set_labels'; labels are stored and shown in clear in execution lists, filters and the API, and are never masked",
            "secret('B') is written to label 'token' of the child execution by task 'child'; labels are stored and shown in clear in execution lists, filters and the API, and are never masked",
            "secret('C') is written to a label key of the executions started by trigger 'hourly'; labels are stored and shown in clear in execution lists, filters and the API, and are never masked",
        }, ignoreOrder: true);
    }
}
