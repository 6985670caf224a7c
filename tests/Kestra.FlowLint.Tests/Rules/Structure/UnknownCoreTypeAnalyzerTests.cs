using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class UnknownCoreTypeAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Misspelt_core_types_in_every_scalar_style_and_nested_block() => RuleVerifier.Verify(Header + """
          - id: plain
            type: {|KF4011:io.kestra.plugin.core.log.Logg|}
            message: a
          - id: single
            type: '{|KF4011:io.kestra.plugin.core.flow.Paralel|}'
            tasks:
              - id: in_parallel
                type: "{|KF4011:io.kestra.plugin.core.debug.Retrun|}"
                format: x
          - id: switch
            type: io.kestra.plugin.core.flow.Switch
            value: a
            cases:
              A:
                - id: in_case
                  type: {|KF4011:io.kestra.plugin.core.flow.Sleepy|}
                  duration: PT1S
          - id: if
            type: io.kestra.plugin.core.flow.If
            condition: "{{ true }}"
            then:
              - id: in_then
                type: {|KF4011:io.kestra.plugin.core.log.Nope|}
        errors:
          - id: on_error
            type: {|KF4011:io.kestra.core.tasks.log.Logs|}
            message: a
        finally:
          - id: at_end
            type: {|KF4011:io.kestra.plugin.core.flow.Log|}
            message: a
        """, "KF4011");

    [TestMethod]
    public void Known_types_aliases_other_plugins_and_text_mentions_are_not_reported() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "type: io.kestra.plugin.core.log.Logg is a typo we once made"
        # type: io.kestra.plugin.core.flow.Nope
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "io.kestra.plugin.core.log.Logg"
          - id: old_alias
            type: io.kestra.core.tasks.debugs.Return
            format: x
          - id: python
            type: io.kestra.plugin.scripts.python.Script
            script: print(1)
          - id: legacy_bash
            type: io.kestra.core.tasks.scripts.Bash
            commands: [echo]
          - id: templated
            type: "io.kestra.plugin.core.{{ vars.kind }}"
          - id: exit
            type: io.kestra.plugin.core.execution.Exit
            state: KILLED
        triggers:
          - id: daily
            type: io.kestra.core.models.triggers.types.Schedule
            cron: "@daily"
            conditions:
              - type: io.kestra.core.models.conditions.types.DayWeekCondition
                dayOfWeek: MONDAY
        """, "KF4011");

    [TestMethod]
    public void Triggers_conditions_nested_conditions_and_task_runners_are_checked() => RuleVerifier.Verify(Header + """
          - id: script
            type: io.kestra.plugin.scripts.shell.Commands
            commands: [echo]
            taskRunner:
              type: {|KF4011:io.kestra.plugin.core.runner.Proces|}
        triggers:
          - id: hourly
            type: {|KF4011:io.kestra.plugin.core.trigger.Schedules|}
            cron: "@hourly"
            conditions:
              - type: io.kestra.plugin.core.condition.Not
                conditions:
                  - type: {|KF4011:io.kestra.plugin.core.condition.Weekends|}
        """, "KF4011");

    [TestMethod]
    public void Core_classes_used_as_the_wrong_kind_are_reported()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: schedule_as_task
                type: {|KF4011:io.kestra.plugin.core.trigger.Schedule|}
                cron: "@daily"
              - id: toggle_is_a_task
                type: io.kestra.plugin.core.trigger.Toggle
                trigger: daily
            triggers:
              - id: log_as_trigger
                type: {|KF4011:io.kestra.plugin.core.log.Log|}
                message: hi
                conditions:
                  - type: {|KF4011:io.kestra.plugin.core.trigger.Webhook|}
            """, "KF4011");
        findings.Select(f => f.Message).ShouldBe(new[]
        {
            "'io.kestra.plugin.core.trigger.Schedule' is not a core Kestra task type (it is a trigger type)",
            "'io.kestra.plugin.core.log.Log' is not a core Kestra trigger type (it is a task type)",
            "'io.kestra.plugin.core.trigger.Webhook' is not a core Kestra condition type (it is a trigger type)",
        }, ignoreOrder: true);
    }

    [TestMethod]
    public void A_type_reached_through_an_alias_is_reported_at_the_alias() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        variables:
          template: &bad
            id: shared
            type: io.kestra.plugin.core.log.Logg
            message: a
        tasks:
          - {|KF4011:*bad|}
        """, "KF4011");

    [TestMethod]
    public void Message_suggests_the_class_and_the_fix_replaces_only_the_name()
    {
        string yaml = Header + "  - id: log\n    type: \"io.kestra.plugin.core.log.Logg\"\n    message: a\n";
        var finding = RuleVerifier.Analyze(yaml).Single(d => d.Id == "KF4011");
        finding.Message.ShouldBe("'io.kestra.plugin.core.log.Logg' is not a core Kestra task type (did you mean 'io.kestra.plugin.core.log.Log'?)");
        finding.Location.Span.Start.ShouldBe(yaml.IndexOf("io.kestra.plugin.core.log.Logg", StringComparison.Ordinal));
        string fixedText = StructureFixes.Apply(yaml, finding.Fixes.Single());
        fixedText.ShouldContain("    type: \"io.kestra.plugin.core.log.Log\"\n");
        RuleVerifier.Analyze(fixedText).Where(d => d.Id == "KF4011").ShouldBeEmpty();
    }

    [TestMethod]
    public void Same_class_name_in_the_wrong_package_is_suggested_and_no_candidate_gives_no_fix()
    {
        string yaml = Header + "  - id: a\n    type: io.kestra.plugin.core.flow.Log\n  - id: b\n    type: io.kestra.plugin.core.debug.MissingOne\n";
        var findings = RuleVerifier.Analyze(yaml).Where(d => d.Id == "KF4011").ToList();
        findings.Count.ShouldBe(2);
        findings[0].Message.ShouldEndWith("(did you mean 'io.kestra.plugin.core.log.Log'?)");
        findings[0].Fixes.Count.ShouldBe(1);
        findings[1].Message.ShouldBe("'io.kestra.plugin.core.debug.MissingOne' is not a core Kestra task type");
        findings[1].Fixes.ShouldBeEmpty();
    }
}
