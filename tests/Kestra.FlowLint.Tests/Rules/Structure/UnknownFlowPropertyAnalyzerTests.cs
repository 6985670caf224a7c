using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class UnknownFlowPropertyAnalyzerTests
{
    private const string Tasks = "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [TestMethod]
    public void Every_current_top_level_property_is_known() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        revision: 3
        description: d
        labels: {team: data}
        inputs: []
        variables: {a: 1}
        errors: []
        finally: []
        afterExecution: []
        triggers: []
        pluginDefaults: []
        taskDefaults: []
        listeners: []
        concurrency: {limit: 1}
        outputs: []
        retry: {type: constant, interval: PT1M}
        sla: []
        checks: []
        disabled: false
        deleted: false
        workerGroup: {key: gpu}
        """ + "\n" + Tasks, "KF4006");

    [TestMethod]
    public void Typos_get_a_suggestion_and_a_fix_when_one_property_is_close()
    {
        var found = RuleVerifier.Verify("""
            id: f
            namespace: company.team
            {|KF4006:trigger|}: []
            "{|KF4006:Inputs|}": []
            {|KF4006:owner|}: me
            """ + "\n" + Tasks, "KF4006");
        found[0].Message.ShouldBe("Unknown flow property 'trigger' (did you mean 'triggers'?); Kestra rejects properties its flow model does not have");
        found[0].Fixes.Single().Edits.Single().NewText.ShouldBe("triggers");
        found[1].Fixes.Single().Edits.Single().Span.Length.ShouldBe("Inputs".Length, "the fix keeps the quotes");
        found[2].Message.ShouldBe("Unknown flow property 'owner'; Kestra rejects properties its flow model does not have");
        found[2].Fixes.ShouldBeEmpty();
    }

    [TestMethod]
    public void No_fix_when_the_suggested_property_already_exists()
    {
        var found = RuleVerifier.Verify("id: f\nnamespace: company.team\n{|KF4006:task|}: []\n" + Tasks, "KF4006");
        found[0].Message.ShouldContain("did you mean 'tasks'?");
        found[0].Fixes.ShouldBeEmpty();
    }

    [TestMethod]
    public void Nested_keys_merge_keys_and_comments_are_not_top_level_properties() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        # trigger: not a key
        variables: &vars
          trigger: a variable named like a typo
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
            trigger: judged by the task property rules, not here
        """, "KF4006");

    [TestMethod]
    public void Each_document_is_judged() => RuleVerifier.Verify("id: a\nnamespace: n\n" + Tasks + "---\nid: b\nnamespace: n\n{|KF4006:timeout|}: PT1H\n" + Tasks, "KF4006");
}
