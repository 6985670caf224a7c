using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Expressions;

[TestClass]
public class UnknownTaskOutputAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Every_scalar_style_and_a_suggestion()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: fetch
                type: io.kestra.plugin.core.debug.Return
                format: x
              - id: plain
                type: io.kestra.plugin.core.log.Log
                message: got {{ {|KF3007:outputs.fecth|}.value }} {{ outputs.fetch.value }}
              - id: single
                type: io.kestra.plugin.core.log.Log
                message: '{{ {|KF3007:outputs[''fetchh'']|}.value }}'
              - id: double
                type: io.kestra.plugin.core.log.Log
                message: "\t{{ {|KF3007:outputs[\"gone\"]|} }}"
              - id: literal
                type: io.kestra.plugin.core.log.Log
                message: |
                  {{ {|KF3007:outputs.a|}.value }}
              - id: folded
                type: io.kestra.plugin.core.log.Log
                message: >
                  x
                  {{ {|KF3007:outputs.b|}.value }}
            """, "KF3007");
        findings[0].Message.ShouldBe("'outputs.fecth' reads the outputs of task 'fecth', which this flow does not have (did you mean 'fetch'?)");
    }

    [TestMethod]
    public void Task_ids_anywhere_in_the_tree_count() => RuleVerifier.Verify(Header + """
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: [1, 2]
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ taskrun.value }}"
                  - id: use_inner
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ currentEachOutput(outputs.inner).value }} {{ parent.outputs.x }} {{ parents[0].outputs.y }}"
          - id: if
            type: io.kestra.plugin.core.flow.If
            condition: "true"
            then:
              - id: in_then
                type: io.kestra.plugin.core.debug.Return
                format: a
            else:
              - id: switch
                type: io.kestra.plugin.core.flow.Switch
                value: "x"
                cases:
                  X:
                    - id: in_case
                      type: io.kestra.plugin.core.debug.Return
                      format: b
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: in_dag
                  type: io.kestra.plugin.core.debug.Return
                  format: c
          - id: items
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ outputs.in_then.value }}"
            namespace: company.team
            flowId: child
          - id: third_party
            type: io.example.plugin.Looper
            steps:
              - id: in_unknown_plugin
                type: io.kestra.plugin.core.debug.Return
                format: d
          - id: use_all
            type: io.kestra.plugin.core.log.Log
            message: "{{ outputs.in_then.value }} {{ outputs.in_case.value }} {{ outputs.in_dag.value }} {{ outputs.items_merge.subflowOutputs }} {{ outputs.in_unknown_plugin.value }} {{ outputs.on_error.value }} {{ outputs.at_end.value }} {{ {|KF3007:outputs.nowhere|}.value }}"
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: child
            outputs:
              from_child: "{{ outputs.child_task.value }}"
        errors:
          - id: on_error
            type: io.kestra.plugin.core.debug.Return
            format: e
        finally:
          - id: at_end
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.on_error.value }}"
        outputs:
          - id: result
            type: STRING
            value: "{{ outputs.in_then.value }} {{ {|KF3007:outputs.missing|}.value }}"
        triggers:
          - id: on_flow
            type: io.kestra.plugin.core.trigger.Flow
            inputs:
              x: "{{ trigger.outputs.x }}"
              y: "{{ outputs.upstream_task.value }} {{ inputs.upstream_input }} {{ vars.upstream_var }}"
        """, "KF3007", "KF3006", "KF3008");

    [TestMethod]
    public void The_flow_id_used_as_a_task_id_is_named_as_such()
    {
        var finding = RuleVerifier.Verify("""
            id: python_etl
            namespace: company.team
            tasks:
              - id: etl
                type: io.kestra.plugin.scripts.python.Script
                script: print(1)
              - id: upload
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3007:outputs.python_etl|}.outputFiles['a.csv'] }}"
            """, "KF3007").Single();
        finding.Message.ShouldBe("'outputs.python_etl' reads the outputs of task 'python_etl', which this flow does not have (that is the flow's id, not a task's)");
    }

    [TestMethod]
    public void A_dashed_task_id_read_with_a_dot_is_a_subtraction_with_a_fix()
    {
        string yaml = Header + """
              - id: my-long-task
                type: io.kestra.plugin.core.debug.Return
                format: x
              - id: plain
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3007:outputs.my-long-task|}.value }} {{ outputs['my-long-task'].value }}"
              - id: filtered
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3007:outputs.my-long-task|}.value | upper }} {{ {|KF3007:outputs.my-long-task|}.value ?? '' }}"
            """;
        var finding = RuleVerifier.Verify(yaml, "KF3007").First();
        finding.Message.ShouldBe("'outputs.my-long-task' is a subtraction for Pebble, not task 'my-long-task': a task id with a dash needs a subscript, outputs['my-long-task']");
        Apply(RuleVerifier.Parse(yaml).Text, finding.Fixes.Single()).ShouldContain("message: \"{{ outputs['my-long-task'].value }} {{ outputs['my-long-task'].value }}\"");
    }

    [TestMethod]
    public void The_dashed_fix_uses_the_quote_the_scalar_allows()
    {
        string yaml = Header + """
              - id: my-task
                type: io.kestra.plugin.core.debug.Return
                format: x
              - id: single
                type: io.kestra.plugin.core.log.Log
                message: '{{ {|KF3007:outputs.my-task|}.value }}'
              - id: block
                type: io.kestra.plugin.core.log.Log
                message: |
                  {{ {|KF3007:outputs.my-task|} }}
              - id: flow_sequence
                type: io.kestra.plugin.core.log.Log
                message: [ "{{ {|KF3007:outputs.my-task|} }}" ]
            """;
        var findings = RuleVerifier.Verify(yaml, "KF3007");
        string text = RuleVerifier.Parse(yaml).Text;
        Apply(text, findings[0].Fixes.Single()).ShouldContain("message: '{{ outputs[\"my-task\"].value }}'");
        Apply(text, findings[1].Fixes.Single()).ShouldContain("\n      {{ outputs['my-task'] }}\n");
        Apply(text, findings[2].Fixes.Single()).ShouldContain("message: [ \"{{ outputs['my-task'] }}\" ]");
    }

    [TestMethod]
    public void Spaced_subtraction_and_unknown_dashed_ids()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: count
                type: io.kestra.plugin.core.debug.Return
                format: "3"
              - id: use
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.count.value - 1 }} {{ {|KF3007:outputs.no-such-task|}.value }}"
            """, "KF3007");
        findings.Single().Fixes.ShouldBeEmpty();
        findings.Single().Message.ShouldStartWith("'outputs.no-such-task' reads the outputs of task 'no-such-task'");
    }

    [TestMethod]
    public void Guarded_reads_are_warnings_and_template_flows_are_skipped()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3007:outputs.maybe|}.value ?? 'none' }}{% if {|KF3007:outputs.other|} is defined %}{{ outputs.other.value }}{% endif %}"
            """, "KF3007");
        findings.ShouldAllBe(f => f.Severity == DiagnosticSeverity.Warning);

        RuleVerifier.Verify(Header + """
              - id: tpl
                type: io.kestra.plugin.core.flow.Template
                namespace: company.team
                templateId: shared
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.from_template.value }}"
            """, "KF3007");
    }

    [TestMethod]
    public void Aliased_task_lists_count_and_aliased_reads_are_reported_at_the_alias() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        variables:
          ref: &ref "{{ {|KF3007:outputs.absent|}.value }}"
        tasks:
          - &ret
            id: ret
            type: io.kestra.plugin.core.debug.Return
            format: x
          - id: wrap
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.ret.value }}"
              - id: log2
                type: io.kestra.plugin.core.log.Log
                message: {|KF3007:*ref|}
        """, "KF3007");

    private static string Apply(string text, CodeFix fix)
    {
        var edit = fix.Edits.Single();
        return text.Substring(0, edit.Span.Start) + edit.NewText + text.Substring(edit.Span.End);
    }
}
