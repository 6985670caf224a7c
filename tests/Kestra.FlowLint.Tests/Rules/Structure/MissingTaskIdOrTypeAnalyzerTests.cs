using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class MissingTaskIdOrTypeAnalyzerTests
{
    [TestMethod]
    public void Tasks_and_triggers_at_any_depth() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - {|KF4007:type|}: io.kestra.plugin.core.log.Log
            message: "id: not here"
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - {|KF4007:id|}: no_type
                message: hi
              - id: if
                type: io.kestra.plugin.core.flow.If
                condition: "{{ true }}"
                then:
                  - {|KF4007:message|}: neither
        errors:
          - {|KF4007:id|}:
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - {|KF4007:type|}: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
        """, "KF4007");

    [TestMethod]
    public void Flow_style_tasks_and_dag_entries() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - {{|KF4007:type|}: io.kestra.plugin.core.log.Log, message: hi}
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  {|KF4007:type|}: io.kestra.plugin.core.log.Log
                  message: hi
        """, "KF4007");

    [TestMethod]
    public void An_aliased_task_is_reported_once_where_it_is_defined() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - &t
            {|KF4007:type|}: io.kestra.plugin.core.log.Log
            message: hi
          - *t
        """, "KF4007");

    [TestMethod]
    public void The_message_says_what_is_missing_and_where()
    {
        var found = RuleVerifier.Verify("id: f\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.flow.Sequential\n    tasks:\n      - {|KF4007:message|}: x\n", "KF4007");
        found[0].Message.ShouldBe("Task at tasks[0].tasks[0] has no 'id' and no 'type'; every task and trigger needs an 'id' and a 'type'");
    }

    [TestMethod]
    public void Complete_tasks_are_quiet() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: a
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: t
            type: io.kestra.plugin.core.trigger.Webhook
            key: "{{ secret('K') }}"
        """, "KF4007");

    [TestMethod]
    public void A_task_cut_short_by_a_syntax_error_is_not_judged() => RuleVerifier.Verify(
        "id: f\nnamespace: company.team\ntasks:\n  - id: a\n    message: \"unclosed\n    type: io.kestra.plugin.core.log.Log\n", "KF4007");
}
