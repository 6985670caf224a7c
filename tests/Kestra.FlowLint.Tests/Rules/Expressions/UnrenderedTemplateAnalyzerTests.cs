using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Expressions;

[TestClass]
public class UnrenderedTemplateAnalyzerTests
{
    private const string Tasks = "tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ flow.id }}\"\n";

    [TestMethod]
    public void Flow_labels_in_map_and_list_form_and_label_keys()
    {
        var findings = RuleVerifier.Verify("""
            id: f
            namespace: company.team
            labels:
              plain: run {|KF3012:{{ execution.id }}|}
              quoted: "{|KF3012:{{ now() }}|}-{|KF3012:{% if true %}x{% endif %}|}"
              {|KF3012:"{{ key }}"|}: v
              static: team-a

            """ + Tasks, "KF3012");
        findings[0].Message.ShouldBe("Kestra does not render the flow's labels: this expression stays literal text; set run-time labels with the Labels task or on a trigger");

        RuleVerifier.Verify("""
            id: f
            namespace: company.team
            labels:
              - key: env
                value: |
                  {|KF3012:{{ inputs.env }}|}

            """ + Tasks, "KF3012");
    }

    [TestMethod]
    public void Flow_id_and_namespace() => RuleVerifier.Verify("""
        id: 'flow_{|KF3012:{{ x }}|}'
        namespace: "company.{|KF3012:{{ team }}|}"

        """ + Tasks, "KF3012");

    [TestMethod]
    public void Descriptions_trigger_labels_the_Labels_task_and_anchored_values_used_where_rendered() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "Write {{ inputs.x }} to read an input"
        variables:
          when: &when "{{ execution.startDate }}"
        tasks:
          - id: label
            type: io.kestra.plugin.core.execution.Labels
            description: "{{ x }}"
            labels:
              day: *when
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 9 * * *"
            labels:
              date: "{{ trigger.date }}"
        """, "KF3012");
}
