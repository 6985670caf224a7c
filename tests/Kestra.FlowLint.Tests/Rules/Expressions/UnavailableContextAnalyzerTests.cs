using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Expressions;

[TestClass]
public class UnavailableContextAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Trigger_variables_in_a_flow_without_triggers_are_a_note()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: plain
                type: io.kestra.plugin.core.log.Log
                message: Started {{ {|KF3009:trigger.date|} }}
              - id: quoted
                type: io.kestra.plugin.core.log.Log
                message: '{{ {|KF3009:trigger[''body'']|} }}'
              - id: subflow_keys
                type: io.kestra.plugin.core.log.Log
                message: "{{ trigger.executionId }} {{ trigger.flowId }} {{ trigger.namespace }}"
              - id: guarded
                type: io.kestra.plugin.core.log.Log
                message: |
                  {{ trigger.date ?? execution.startDate }}
                  {% if trigger.next is defined %}{{ trigger.next }}{% endif %}
                  {% if trigger is defined %}{{ trigger.body }}{% endif %}
            """, "KF3009");
        findings.ShouldAllBe(f => f.Severity == DiagnosticSeverity.Note);
        findings[0].Message.ShouldStartWith("'trigger.date' is only set when a trigger starts the execution, and this flow declares no triggers");
    }

    [TestMethod]
    public void Trigger_variables_in_a_flow_with_triggers_are_fine() => RuleVerifier.Verify(Header + """
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: "{{ trigger.date }}"
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 9 * * *"
        """, "KF3009");

    [TestMethod]
    public void Taskrun_value_outside_a_loop_is_a_warning()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: root
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3009:taskrun.value|} }}"
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: in_parallel
                    type: io.kestra.plugin.core.log.Log
                    message: >
                      {{ {|KF3009:taskrun.iteration|} }}
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: ["a"]
                tasks:
                  - id: if
                    type: io.kestra.plugin.core.flow.If
                    condition: "{{ taskrun.value == 'a' }}"
                    then:
                      - id: deep
                        type: io.kestra.plugin.core.log.Log
                        message: "{{ taskrun.value }} {{ taskrun.iteration }} {{ parent.taskrun.value }}"
              - id: old_each
                type: io.kestra.core.tasks.flows.EachSequential
                value: ["a"]
                tasks:
                  - id: in_old
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
              - id: until
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "{{ true }}"
                tasks:
                  - id: in_until
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.iteration }} {{ {|KF3009:taskrun.value|} }}"
              - id: switch
                type: io.kestra.plugin.core.flow.Switch
                value: "A"
                cases:
                  A:
                    - id: in_case
                      type: io.kestra.plugin.core.log.Log
                      message: "{{ taskrun.value }} {{ {|KF3009:taskrun.iteration|} }}"
                defaults:
                  - id: in_defaults
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
              - id: unknown
                type: io.example.plugin.Repeat
                tasks:
                  - id: in_unknown
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
              - id: ok
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.id }} {{ taskrun.value ?? 'none' }}"
            errors:
              - id: on_error
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3009:taskrun.value|} }}"
            pluginDefaults:
              - type: io.kestra.plugin.core.log.Log
                values:
                  level: "{{ taskrun.value }}"
            """, "KF3009");
        findings.ShouldAllBe(f => f.Severity == DiagnosticSeverity.Warning);
        findings[0].Message.ShouldBe("'taskrun.value' is only set for tasks inside a ForEach or Switch, and task 'root' is not in one");
    }
}
