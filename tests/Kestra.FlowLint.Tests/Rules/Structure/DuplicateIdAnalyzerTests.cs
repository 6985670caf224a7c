using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class DuplicateTaskIdAnalyzerTests
{
    [TestMethod]
    public void Duplicates_across_the_whole_tree_from_Kestra_duplicate_test_flow() => RuleVerifier.Verify("""
        id: duplicate
        namespace: io.kestra.tests
        listeners:
          - tasks:
              - id: listen
                type: io.kestra.plugin.core.debug.Return
                format: "{{taskrun.startDate}}"
        tasks:
          - id: date
            type: io.kestra.plugin.core.debug.Return
            format: "{{taskrun.startDate}}"
          - id: {|KF4004:listen|}
            type: io.kestra.plugin.core.debug.Return
            format: "{{taskrun.startDate}}"
          - id: seq
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: {|KF4004:date|}
                type: io.kestra.plugin.core.debug.Return
                format: "{{taskrun.startDate}}"
            errors:
              - id: '{|KF4004:date|}'
                type: io.kestra.plugin.core.debug.Return
                format: "{{taskrun.startDate}}"
        errors:
          - id: "{|KF4004:date|}"
            type: io.kestra.plugin.core.debug.Return
            format: "{{taskrun.startDate}}"
        triggers:
          - id: date
            type: io.kestra.plugin.core.trigger.Schedule
            cron: '* * * * *'
        """, "KF4004");

    [TestMethod]
    public void Finally_after_execution_dag_and_switch_cases_count() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: a
                  type: io.kestra.plugin.core.log.Log
                  message: "id: a"
          - id: switch
            type: io.kestra.plugin.core.flow.Switch
            value: x
            cases:
              x:
                - id: {|KF4004:a|}
                  type: io.kestra.plugin.core.log.Log
                  message: x
        finally:
          - id: {|KF4004:switch|}
            type: io.kestra.plugin.core.log.Log
            message: done
        afterExecution:
          - id: {|KF4004:dag|}
            type: io.kestra.plugin.core.log.Log
            message: done
        """, "KF4004");

    [TestMethod]
    public void A_task_reused_through_an_alias_is_a_duplicate_reported_on_the_alias() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - &notify
            id: notify
            type: io.kestra.plugin.core.log.Log
            message: hi
        errors:
          - {|KF4004:*notify|}
        """, "KF4004");

    [TestMethod]
    public void The_message_points_at_the_first_occurrence()
    {
        var found = RuleVerifier.Verify("id: f\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: hi\nerrors:\n  - id: {|KF4004:a|}\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n", "KF4004");
        found[0].Message.ShouldBe("Task id 'a' is already used at 4:9 (tasks[0]); task ids must be unique in the whole flow");
    }

    [TestMethod]
    public void Unique_ids_and_ids_in_descriptions_and_comments_are_quiet() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "tasks: [a, a]"
        tasks:
          # - id: a
          - id: a
            type: io.kestra.plugin.core.log.Log
            message: "id: a"
            description: a
        """, "KF4004");
}

[TestClass]
public class DuplicateDeclarationIdAnalyzerTests
{
    [TestMethod]
    public void Duplicate_inputs_outputs_and_triggers_each_in_their_own_kind() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: first_input
            type: STRING
          - id: {|KF4005:first_input|}
            type: STRING
          - name: {|KF4005:first_input|}
            type: STRING
        outputs:
          - id: first_input
            type: STRING
            value: x
          - id: "{|KF4005:first_input|}"
            type: STRING
            value: y
        tasks:
          - id: trigger
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: trigger
            type: io.kestra.plugin.core.trigger.Schedule
            cron: '* * * * *'
          - id: {|KF4005:trigger|}
            type: io.kestra.plugin.core.trigger.Webhook
            key: t
        """, "KF4005");

    [TestMethod]
    public void The_message_names_the_kind_and_the_first_place()
    {
        var found = RuleVerifier.Verify("id: f\nnamespace: company.team\ninputs:\n  - id: a\n    type: STRING\n  - id: {|KF4005:a|}\n    type: INT\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n", "KF4005");
        found[0].Message.ShouldBe("Input id 'a' is already declared at 4:9 (inputs[0])");
    }
}
