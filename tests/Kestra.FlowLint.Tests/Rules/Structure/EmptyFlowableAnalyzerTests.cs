using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class EmptyFlowableAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Missing_null_and_empty_task_lists_of_flowable_tasks() => RuleVerifier.Verify(Header + """
          - id: missing
            type: {|KF4016:io.kestra.plugin.core.flow.Parallel|}
          - id: empty
            type: io.kestra.plugin.core.flow.Sequential
            {|KF4016:tasks|}: []
          - id: null_tasks
            type: io.kestra.plugin.core.flow.ForEach
            values: [1, 2]
            {|KF4016:tasks|}: ~
          - id: if
            type: io.kestra.plugin.core.flow.If
            condition: "{{ true }}"
            else:
              - id: in_else
                type: io.kestra.plugin.core.flow.AllowFailure
                {|KF4016:tasks|}:
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            {|KF4016:tasks|}: []
        errors:
          - id: wd
            type: '{|KF4016:io.kestra.plugin.core.flow.WorkingDirectory|}'
        """.Replace("  - id: if\n    type: io.kestra.plugin.core.flow.If\n", "  - id: if\n    type: {|KF4016:io.kestra.plugin.core.flow.If|}\n"), "KF4016");

    [TestMethod]
    public void Switch_needs_cases_or_defaults() => RuleVerifier.Verify(Header + """
          - id: no_branch
            type: io.kestra.plugin.core.flow.Switch
            value: "{{ inputs.x }}"
            {|KF4016:cases|}: {}
            defaults: null
          - id: nothing_at_all
            type: {|KF4016:io.kestra.plugin.core.flow.Switch|}
            value: a
          - id: defaults_only
            type: io.kestra.plugin.core.flow.Switch
            value: a
            defaults:
              - id: d
                type: io.kestra.plugin.core.log.Log
                message: d
          - id: cases_only
            type: io.kestra.plugin.core.flow.Switch
            value: a
            cases:
              A:
                - id: c
                  type: io.kestra.plugin.core.log.Log
                  message: c
        """, "KF4016");

    [TestMethod]
    public void WorkingDirectory_runs_only_runnable_tasks() => RuleVerifier.Verify(Header + """
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
              - id: pause
                type: {|KF4016:io.kestra.plugin.core.flow.Pause|}
                delay: PT5S
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [ls]
            errors:
              - id: seq_in_errors_is_fine
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: e
                    type: io.kestra.plugin.core.log.Log
                    message: e
        """, "KF4016");

    [TestMethod]
    public void Listeners_need_tasks_and_other_plugins_and_non_required_lists_are_not_judged() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        listeners:
          - {|KF4016:tasks|}: []
          - {|KF4016:description|}: no tasks key at all
          - conditions:
              - type: io.kestra.plugin.core.condition.ExecutionStatus
                in: [FAILED]
            tasks:
              - id: l
                type: io.kestra.plugin.core.log.Log
                message: l
        tasks:
          - id: pause
            type: io.kestra.plugin.core.flow.Pause
            delay: PT1S
          - id: parallel_not_core
            type: io.kestra.plugin.ee.flow.Parallel
            tasks: []
          - id: templated_values_still_have_tasks
            type: io.kestra.plugin.core.flow.ForEach
            values: "{{ outputs.x }}"
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: t
        """, "KF4016");

    [TestMethod]
    public void Messages_name_the_task_and_the_property()
    {
        var messages = RuleVerifier.Analyze(Header + "  - id: p\n    type: io.kestra.plugin.core.flow.Parallel\n    tasks: []\n  - id: s\n    type: io.kestra.plugin.core.flow.Switch\n    value: a\n")
            .Where(d => d.Id == "KF4016").Select(d => d.Message).ToList();
        messages.ShouldBe(new[]
        {
            "Parallel 'p' has no task in 'tasks': it needs at least one",
            "Switch 's' has no cases and no defaults: give it at least one case or a defaults branch",
        });
    }
}
