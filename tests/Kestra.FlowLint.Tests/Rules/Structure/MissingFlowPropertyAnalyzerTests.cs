using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class MissingFlowPropertyAnalyzerTests
{
    private const string Task = "  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [TestMethod]
    public void A_complete_flow_is_quiet() => RuleVerifier.Verify("id: f\nnamespace: company.team\ntasks:\n" + Task, "KF4002");

    [TestMethod]
    public void A_flow_with_only_triggers_misses_tasks_reported_on_its_first_key() => RuleVerifier.Verify("""
        # tasks: are described in a comment only
        {|KF4002:id|}: nightly
        namespace: company.team
        description: "tasks: none yet"
        triggers:
          - id: every_night
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 2 * * *"
        """, "KF4002");

    [TestMethod]
    public void Each_missing_property_is_one_finding() => RuleVerifier.Verify("""
        "{|KF4002:{|KF4002:id|}|}": nightly
        triggers:
          - id: every_night
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 2 * * *"
        """, "KF4002");

    [TestMethod]
    public void A_flow_without_id_is_still_analysed() => RuleVerifier.Verify("{|KF4002:namespace|}: company.team\ntasks:\n" + Task, "KF4002");

    [TestMethod]
    public void Empty_and_null_values_are_reported_on_their_key() => RuleVerifier.Verify("""
        id: f
        {|KF4002:namespace|}:
        {|KF4002:tasks|}: []
        """, "KF4002");

    [TestMethod]
    public void Null_tasks_and_tilde_id_are_missing_values() => RuleVerifier.Verify("""
        {|KF4002:id|}: ~
        namespace: company.team
        {|KF4002:tasks|}: null
        """, "KF4002");

    [TestMethod]
    public void Tasks_brought_by_an_alias_count() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        variables:
          shared: &shared
            - id: log
              type: io.kestra.plugin.core.log.Log
              message: hi
        tasks: *shared
        """, "KF4002");

    [TestMethod]
    public void Every_document_of_a_stream_is_checked() => RuleVerifier.Verify("id: a\nnamespace: company.team\ntasks:\n" + Task + "---\n{|KF4002:id|}: b\nnamespace: company.team\nerrors:\n" + Task, "KF4002");

    [TestMethod]
    public void A_document_cut_short_by_a_syntax_error_is_not_judged() =>
        RuleVerifier.Verify("id: f\nnamespace: company.team\ndescription: \"unclosed\ntasks:\n" + Task, "KF4002");

    [TestMethod]
    public void Listeners_without_tasks_from_Kestra_listener_test_flow() => RuleVerifier.Verify("""
        id: listener
        namespace: io.kestra.tests
        listeners:
          - conditions:
              - type: io.kestra.plugin.core.condition.ExecutionStatus
            {|KF4002:tasks|}: []
          - {|KF4002:description|}: no tasks at all
          - tasks:
              - id: ok
                type: io.kestra.plugin.core.log.Log
                message: hi
        tasks:
          - id: date
            type: io.kestra.plugin.core.debug.Return
            format: "{{taskrun.startDate}}"
        """, "KF4002");
}
