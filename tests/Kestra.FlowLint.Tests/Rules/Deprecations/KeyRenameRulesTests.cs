using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Deprecations;

/// <summary>KF5002 (taskDefaults) and KF5003 (input name): deprecated keys renamed in place.</summary>
[TestClass]
public class KeyRenameRulesTests
{
    [TestMethod]
    public void TaskDefaults_is_reported_on_its_key_and_renamed()
    {
        RuleVerifier.Verify("""
            id: hello
            namespace: company.team
            {|KF5002:taskDefaults|}:
              - type: io.kestra.plugin.core.log.Log
                values: {level: WARN}
            tasks:
              - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}
            """, "KF5002");
        FixVerifier.VerifySafe(
            "id: hello\nnamespace: company.team\n\"taskDefaults\": # old\n  - type: io.kestra.plugin.core.log.Log\n    values: {level: WARN}\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}\n",
            "KF5002",
            "id: hello\nnamespace: company.team\n\"pluginDefaults\": # old\n  - type: io.kestra.plugin.core.log.Log\n    values: {level: WARN}\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}\n");
    }

    [TestMethod]
    public void TaskDefaults_next_to_pluginDefaults_is_explained_not_fixed()
    {
        const string flow = "id: hello\nnamespace: company.team\npluginDefaults:\n  - type: io.kestra.plugin.core.log.Log\n    values: {level: WARN}\ntaskDefaults:\n  - type: io.kestra.plugin.core.log.Log\n    values: {level: INFO}\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}\n";
        FixVerifier.VerifyNoFix(flow, "KF5002");
        RuleVerifier.Analyze(flow).Single(d => d.Id == "KF5002").Message
            .ShouldBe("'taskDefaults' is deprecated: this flow also has 'pluginDefaults': move these entries into it and remove 'taskDefaults'");
    }

    [TestMethod]
    public void Input_name_is_renamed_to_id()
    {
        var findings = RuleVerifier.Verify("""
            id: hello
            namespace: company.team
            inputs:
              - {|KF5003:name|}: user
                type: STRING
              - id: kept
                type: STRING
            tasks:
              - {id: log, type: io.kestra.plugin.core.log.Log, message: "{{ inputs.user }}"}
            """, "KF5003");
        findings.Single().Message.ShouldBe("Input property 'name' is deprecated: rename it to 'id'");
        FixVerifier.VerifySafe(
            "id: hello\nnamespace: company.team\ninputs:\n  - name: user\n    type: STRING\n  - {type: INT, 'name': count}\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: \"{{ inputs.user }}\"}\n",
            "KF5003",
            "id: hello\nnamespace: company.team\ninputs:\n  - id: user\n    type: STRING\n  - {type: INT, 'id': count}\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: \"{{ inputs.user }}\"}\n");
    }

    [TestMethod]
    public void Input_with_both_name_and_id_is_explained_not_fixed()
    {
        const string flow = "id: hello\nnamespace: company.team\ninputs:\n  - id: user\n    name: user\n    type: STRING\ntasks:\n  - {id: log, type: io.kestra.plugin.core.log.Log, message: Hi}\n";
        FixVerifier.VerifyNoFix(flow, "KF5003");
        RuleVerifier.Analyze(flow).Single(d => d.Id == "KF5003").Message.ShouldContain("'name' is ignored; remove it");
    }
}
