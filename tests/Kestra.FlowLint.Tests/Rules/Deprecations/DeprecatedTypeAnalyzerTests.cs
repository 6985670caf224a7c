using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Deprecations;

[TestClass]
public class DeprecatedTypeAnalyzerTests
{
    [TestMethod]
    public void Reports_old_names_of_tasks_triggers_conditions_and_plugin_defaults()
    {
        var findings = RuleVerifier.Verify("""
            id: hello
            namespace: company.team
            pluginDefaults:
              - type: {|KF5001:io.kestra.core.tasks.log.Log|}
                values:
                  level: WARN
            tasks:
              - id: log
                type: {|KF5001:"io.kestra.core.tasks.log.Log"|}
                message: Hello
              - id: each
                type: {|KF5001:'io.kestra.core.tasks.flows.Sequential'|}
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.log.Log
                    message: inner
            triggers:
              - id: on_flow
                type: {|KF5001:io.kestra.core.models.triggers.types.Flow|}
                conditions:
                  - type: {|KF5001:io.kestra.core.models.conditions.types.ExecutionStatusCondition|}
                    in: [SUCCESS]
            """, "KF5001");
        findings[0].Message.ShouldBe("Type 'io.kestra.core.tasks.log.Log' is deprecated: it was renamed io.kestra.plugin.core.log.Log");
    }

    [TestMethod]
    public void Fix_replaces_only_the_text_and_keeps_each_quoting_style()
    {
        FixVerifier.VerifySafe("""
            id: hello
            namespace: company.team
            tasks:
              - id: plain
                type: io.kestra.core.tasks.log.Log # keep this comment
                message: a
              - id: double
                type: "io.kestra.core.tasks.log.Log"
                message: b
              - id: single
                type: 'io.kestra.plugin.core.flow.WaitFor'
                condition: "{{ true }}"
                tasks:
                  - {id: flow, type: io.kestra.core.tasks.log.Log, message: c}
            """, "KF5001", """
            id: hello
            namespace: company.team
            tasks:
              - id: plain
                type: io.kestra.plugin.core.log.Log # keep this comment
                message: a
              - id: double
                type: "io.kestra.plugin.core.log.Log"
                message: b
              - id: single
                type: 'io.kestra.plugin.core.flow.LoopUntil'
                condition: "{{ true }}"
                tasks:
                  - {id: flow, type: io.kestra.plugin.core.log.Log, message: c}
            """);
    }

    [TestMethod]
    public void Deprecated_plugins_are_explained_without_a_fix()
    {
        var findings = RuleVerifier.Verify("""
            id: hello
            namespace: company.team
            tasks:
              - id: echo
                type: {|KF5001:io.kestra.plugin.core.debug.Echo|}
                format: hi
              - id: old_echo
                type: {|KF5001:io.kestra.core.tasks.debugs.Echo|}
                format: hi
              - id: each
                type: {|KF5001:io.kestra.plugin.core.flow.EachSequential|}
                value: [1, 2]
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
            """, "KF5001");
        findings.ShouldAllBe(f => f.Fixes.Count == 0);
        findings[0].Message.ShouldBe("Type 'io.kestra.plugin.core.debug.Echo' is deprecated: use io.kestra.plugin.core.log.Log; its `format` becomes `message` (not a rename, so no automatic fix)");
        findings[1].Message.ShouldStartWith("Type 'io.kestra.core.tasks.debugs.Echo' is deprecated: it is the old name of io.kestra.plugin.core.debug.Echo, itself deprecated: use io.kestra.plugin.core.log.Log");
        findings[2].Message.ShouldContain("io.kestra.plugin.core.flow.ForEach; `value` becomes `values`");
    }

    [TestMethod]
    public void Current_names_unknown_plugins_and_input_types_are_quiet()
    {
        RuleVerifier.Verify("""
            id: hello
            namespace: company.team
            inputs:
              - id: flag
                type: BOOL
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: Hello
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [echo hi]
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
            """, "KF5001");
    }

    [TestMethod]
    public void An_anchor_is_reported_and_fixed_once_where_it_is_written()
    {
        FixVerifier.VerifySafe("""
            id: hello
            namespace: company.team
            tasks:
              - &log
                id: first
                type: io.kestra.core.tasks.log.Log
                message: Hello
              - <<: *log
                id: second
            """, "KF5001", """
            id: hello
            namespace: company.team
            tasks:
              - &log
                id: first
                type: io.kestra.plugin.core.log.Log
                message: Hello
              - <<: *log
                id: second
            """).Count.ShouldBe(1);
    }

    [TestMethod]
    public void Escaped_type_is_reported_without_a_fix()
    {
        FixVerifier.VerifyNoFix("id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: \"io.kestra.core.tasks.log.\\x4cog\"\n    message: Hi\n", "KF5001");
    }
}
