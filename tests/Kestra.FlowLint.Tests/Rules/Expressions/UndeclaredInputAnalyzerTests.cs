using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Expressions;

[TestClass]
public class UndeclaredInputAnalyzerTests
{
    private const string Header = """
        id: f
        namespace: company.team
        inputs:
          - id: user_name
            type: STRING
          - id: nested.value
            type: STRING
        tasks:

        """;

    [TestMethod]
    public void Every_scalar_style_reports_the_read_itself() => RuleVerifier.Verify(Header + """
          - id: plain
            type: io.kestra.plugin.core.log.Log
            message: Hello {{ {|KF3006:inputs.username|} }} and {{ inputs.user_name }}
          - id: single
            type: io.kestra.plugin.core.log.Log
            message: 'It''s {{ {|KF3006:inputs[''missing'']|} }}'
          - id: double
            type: io.kestra.plugin.core.log.Log
            message: "caf\u00e9 {{ {|KF3006:inputs[\"other\"]|} }} {{ inputs.nested.value }}"
          - id: literal
            type: io.kestra.plugin.core.log.Log
            message: |
              line
              {{ {|KF3006:inputs.nope|} | upper }}
          - id: folded
            type: io.kestra.plugin.core.log.Log
            message: >-
              folded
              text {{ {|KF3006:inputs.gone|}.length }}
        """, "KF3006");

    [TestMethod]
    public void The_message_suggests_the_closest_declared_input()
    {
        var finding = RuleVerifier.Verify(Header + """
              - id: plain
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3006:inputs.username|} }}"
            """, "KF3006").Single();
        finding.Message.ShouldBe("'inputs.username' reads an input this flow does not declare (did you mean 'user_name'?)");
        finding.Severity.ShouldBe(DiagnosticSeverity.Error);
        finding.Location.LineSpan.Start.Line.ShouldBe(10);
        finding.Location.LineSpan.Start.Character.ShouldBe(17);
    }

    [TestMethod]
    public void Nested_tasks_errors_finally_flow_outputs_and_plugin_defaults() => RuleVerifier.Verify(Header + """
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: if
                type: io.kestra.plugin.core.flow.If
                condition: "{{ {|KF3006:inputs.flag|} }}"
                then:
                  - id: then_log
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ {|KF3006:inputs.a|} }}"
                else:
                  - id: switch
                    type: io.kestra.plugin.core.flow.Switch
                    value: "{{ inputs.user_name }}"
                    cases:
                      X:
                        - id: case_log
                          type: io.kestra.plugin.core.log.Log
                          message: "{{ {|KF3006:inputs.b|} }}"
        errors:
          - id: on_error
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF3006:inputs.c|} }}"
        finally:
          - id: at_end
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF3006:inputs.d|} }}"
        outputs:
          - id: out
            type: STRING
            value: "{{ {|KF3006:inputs.e|} }}"
        pluginDefaults:
          - type: io.kestra.plugin.core.log.Log
            values:
              level: "{{ {|KF3006:inputs.f|} }}"
        """, "KF3006");

    [TestMethod]
    public void Aliased_values_are_reported_at_the_anchor_and_at_each_alias() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        variables:
          greeting: &msg "{{ {|KF3006:inputs.typo|} }}"
        tasks:
          - id: a
            type: io.kestra.plugin.core.log.Log
            message: {|KF3006:*msg|}
        """, "KF3006");

    [TestMethod]
    public void Names_the_template_binds_itself_are_not_inputs() => RuleVerifier.Verify(Header + """
          - id: set
            type: io.kestra.plugin.core.log.Log
            message: "{% set inputs = {'a': 1} %}{{ inputs.a }}"
          - id: for
            type: io.kestra.plugin.core.log.Log
            message: "{% for item in [1, 2] %}{{ item }} {{ loop.index }}{% endfor %}{% for inputs in [{'z': 1}] %}{{ inputs.z }}{% endfor %}"
          - id: macro
            type: io.kestra.plugin.core.log.Log
            message: "{% macro greet(inputs) %}{{ inputs.z }}{% endmacro %}{{ greet({'z': 1}) }}"
        """, "KF3006");

    [TestMethod]
    public void Subflow_input_keys_descriptions_comments_and_dynamic_keys_are_not_reads() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "Read an input with {{ inputs.anything }}"
        inputs:
          - id: known
            type: STRING
            description: "{{ inputs.in_input_description }}"
        tasks:
          # {{ inputs.in_comment }}
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            description: "{{ inputs.in_description }}"
            namespace: company.team
            flowId: child
            inputs:
              child_only: "{{ inputs.known }}"
              inputs.other: "{{ inputs[inputs.known] }}"
        """, "KF3006");

    [TestMethod]
    public void A_guarded_read_is_a_warning_and_the_body_of_its_test_is_not_reported()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: coalesce
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF3006:inputs.opt|} ?? 'd' }} {{ {|KF3006:inputs.other|} | default('x') }}"
              - id: tested
                type: io.kestra.plugin.core.log.Log
                message: "{% if {|KF3006:inputs.flag|} is defined %}{{ inputs.flag }}{% endif %}"
            """, "KF3006");
        findings.ShouldAllBe(f => f.Severity == DiagnosticSeverity.Warning);
        findings[0].Message.ShouldEndWith("; it is guarded, so its fallback always applies");
    }

    [TestMethod]
    public void Input_conditions_read_the_flow_s_own_inputs() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: kind
            type: SELECT
            values: [a, b]
          - id: detail
            type: STRING
            dependsOn:
              inputs: [kind]
              condition: "{{ inputs.kind == 'a' and {|KF3006:inputs.knd|} != 'b' }}"
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: hi
        """, "KF3006");

    [TestMethod]
    public void A_flow_without_inputs_reports_every_read() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF3006:inputs.x|} }}"
        """, "KF3006");

    [TestMethod]
    public void Values_kestra_does_not_render_are_not_checked() => RuleVerifier.Verify(Header + """
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: hi
        labels:
          owner: "{{ inputs.not_rendered }}"
        """, "KF3006");
}
