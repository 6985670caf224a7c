using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class UnknownPropertyAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Unknown_keys_of_complete_core_plugins_in_any_key_style_and_nesting() => RuleVerifier.Verify(Header + """
          - id: log
            type: io.kestra.plugin.core.log.Log
            {|KF4012:mesage|}: hello
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            {|KF4012:concurency|}: 2
            tasks:
              - id: ret
                type: io.kestra.plugin.core.debug.Return
                "{|KF4012:formt|}": x
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [1]
            tasks:
              - id: sub
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                'wiat': true
        errors:
          - id: on_error
            type: io.kestra.plugin.core.log.Log
            message: failed
            {|KF4012:level_|}: ERROR
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            {|KF4012:crom|}: "@daily"
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: "{{ secret('HOOK') }}"
            {|KF4012:returnOutput|}: true
        """.Replace("'wiat'", "'{|KF4012:wiat|}'"), "KF4012");

    [TestMethod]
    public void Common_task_and_trigger_properties_incomplete_plugins_and_other_plugins_are_allowed() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
            description: "mesage: is a typo"
            retry: { type: constant, interval: PT1S, maxAttempts: 2 }
            timeout: PT1M
            runIf: "{{ true }}"
            disabled: false
            allowFailure: true
            allowWarning: true
            logLevel: INFO
            logToFile: true
            version: "1.0"
            workerGroup: { key: gpu }
            pluginDefaultsRef: verbose
          - id: flowable
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: a
            errors:
              - id: b
                type: io.kestra.plugin.core.log.Log
                message: b
            finally:
              - id: c
                type: io.kestra.plugin.core.log.Log
                message: c
          - id: kv
            type: io.kestra.plugin.core.kv.Set
            key: k
            value: v
            somethingNew: true
          - id: python
            type: io.kestra.plugin.scripts.python.Script
            anything: goes
          - id: old_return
            type: io.kestra.core.tasks.debugs.Return
            format: x
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
            timezone: Europe/Paris
            stopAfter: [FAILED]
            labels: { team: data }
            conditions:
              - type: io.kestra.plugin.core.condition.Weekend
            disabled: true
            minLogLevel: WARN
        """, "KF4012");

    [TestMethod]
    public void Keys_merged_from_an_anchor_are_not_judged_and_an_aliased_task_is_reported_at_the_alias() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        variables:
          common: &common
            extra: 1
          task: &task
            id: shared
            type: io.kestra.plugin.core.log.Log
            message: hi
            colour: red
        tasks:
          - id: merged
            type: io.kestra.plugin.core.log.Log
            message: hi
            <<: *common
          - {|KF4012:*task|}
        """, "KF4012");

    [TestMethod]
    public void Dag_entries_hold_only_task_and_dependsOn() => RuleVerifier.Verify(Header + """
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: a
                  type: io.kestra.plugin.core.log.Log
                  message: a
              - task:
                  id: b
                  type: io.kestra.plugin.core.log.Log
                  message: b
                {|KF4012:dependOn|}: [a]
                {|KF4012:message|}: misplaced
        """, "KF4012");

    [TestMethod]
    public void Message_names_the_plugin_suggests_the_closest_property_and_the_fix_renames_the_key()
    {
        string yaml = Header + "  - id: log\n    type: io.kestra.plugin.core.log.Log\n    mesage: hello\n";
        var finding = RuleVerifier.Analyze(yaml).Single(d => d.Id == "KF4012");
        finding.Message.ShouldBe("'mesage' is not a property of io.kestra.plugin.core.log.Log (did you mean 'message'?)");
        string fixedText = StructureFixes.Apply(yaml, finding.Fixes.Single());
        fixedText.ShouldEndWith("    message: hello\n");
        RuleVerifier.Analyze(fixedText).Where(d => d.Id == "KF4012").ShouldBeEmpty();
    }
}
