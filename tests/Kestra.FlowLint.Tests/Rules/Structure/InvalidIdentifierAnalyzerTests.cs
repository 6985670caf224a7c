using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class InvalidIdentifierAnalyzerTests
{
    [TestMethod]
    public void Valid_ids_of_every_kind_are_quiet() => RuleVerifier.Verify("""
        id: My.Flow_2-b
        namespace: company.team-1.sub_x
        inputs:
          - id: nested.input
            type: STRING
        outputs:
          - id: out.value
            type: STRING
            value: x
        tasks:
          - id: Log_1-a
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: Every-Day_1
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
        """, "KF4003");

    [TestMethod]
    public void Flow_id_and_namespace_from_Kestra_invalid_test_flow() => RuleVerifier.Verify("""
        id: {|KF4003:my#flow|}
        namespace: {|KF4003:MY$NAMESPACE|}
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: bla
        """, "KF4003");

    [TestMethod]
    public void Quoted_empty_and_too_long_values() => RuleVerifier.Verify(
        "id: {|KF4003:\"\"|}\nnamespace: '{|KF4003:" + new string('a', 151) + "|}'\ntasks:\n  - id: '{|KF4003:-log|}'\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n",
        "KF4003");

    [TestMethod]
    public void A_flow_id_of_100_characters_is_the_limit() => RuleVerifier.Verify(
        "id: " + new string('a', 100) + "\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n---\nid: {|KF4003:" + new string('a', 101) + "|}\nnamespace: n\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n",
        "KF4003");

    [TestMethod]
    public void Dots_are_allowed_in_input_and_output_ids_but_not_in_task_and_trigger_ids() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: {|KF4003:wrong one|}
            type: STRING
          - name: {|KF4003:_old|}
            type: STRING
        outputs:
          - id: "{|KF4003:a/b|}"
            type: STRING
            value: x
        tasks:
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: {|KF4003:nested.log|}
                type: io.kestra.plugin.core.log.Log
                message: "id: not.an.id"
        triggers:
          - id: {|KF4003:on.schedule|}
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
        """, "KF4003");

    [TestMethod]
    public void An_aliased_task_is_judged_once_where_its_id_is_written() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - &log
            id: {|KF4003:bad id|}
            type: io.kestra.plugin.core.log.Log
            message: hi
        errors:
          - *log
        """, "KF4003");

    [TestMethod]
    public void Missing_or_non_scalar_ids_are_other_rules_or_reported_as_not_a_string() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id:
            type: io.kestra.plugin.core.log.Log
            message: hi
          - id: {|KF4003:[a, b]|}
            type: io.kestra.plugin.core.log.Log
            message: hi
        """, "KF4003");

    [TestMethod]
    public void The_message_names_the_offending_character()
    {
        var found = RuleVerifier.Verify("id: f\nnamespace: company.team\ntasks:\n  - id: {|KF4003:log.hello|}\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n", "KF4003");
        found[0].Message.ShouldBe("Task id 'log.hello' is not valid: '.' at position 4 is not allowed; Kestra expects letters, digits, '_' or '-' (no '.'), starting with a letter or digit");
    }

    [TestMethod]
    public void Upper_case_namespace_message()
    {
        var found = RuleVerifier.Verify("id: f\nnamespace: {|KF4003:company.Team|}\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n", "KF4003");
        found[0].Message.ShouldStartWith("Namespace 'company.Team' is not valid: upper-case 'T' at position 9 is not allowed");
    }

    [TestMethod]
    public void Block_scalar_ids_are_judged_on_their_content() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: |-
              {|KF4003:two words|}
            type: io.kestra.plugin.core.log.Log
            message: hi
          - id: >-
              ok_id
            type: io.kestra.plugin.core.log.Log
            message: hi
        """, "KF4003");
}
