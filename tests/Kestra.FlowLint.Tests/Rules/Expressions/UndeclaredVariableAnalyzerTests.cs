using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Expressions;

[TestClass]
public class UndeclaredVariableAnalyzerTests
{
    private const string Header = """
        id: f
        namespace: company.team
        variables:
          greeting: Hello
          dotted.key: x
        tasks:

        """;

    [TestMethod]
    public void Every_scalar_style_with_a_suggestion()
    {
        var findings = RuleVerifier.Verify(Header + """
              - id: plain
                type: io.kestra.plugin.core.log.Log
                message: x {{ {|KF3008:vars.greting|} }} {{ vars.greeting }} {{ vars.dotted }}
              - id: quoted
                type: io.kestra.plugin.core.log.Log
                message:
                  - 'a {{ {|KF3008:vars[''b'']|} }}'
                  - "\"{{ {|KF3008:vars[\"c\"]|} }}\""
              - id: blocks
                type: io.kestra.plugin.core.log.Log
                message: |-
                  {{ {|KF3008:vars.d|} }}
                  {{ render({|KF3008:vars.e|}) }}
            """, "KF3008");
        findings[0].Message.ShouldBe("'vars.greting' reads a variable this flow does not define (did you mean 'greeting'?)");
        findings[0].Location.LineSpan.Start.Line.ShouldBe(8);
        findings[0].Location.LineSpan.Start.Character.ShouldBe(18);
    }

    [TestMethod]
    public void Keys_set_by_a_SetVariables_task_anywhere_count() => RuleVerifier.Verify(Header + """
          - id: seq
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: set
                type: io.kestra.plugin.core.execution.SetVariables
                variables:
                  computed: "{{ now() }}"
        errors:
          - id: on_error
            type: io.kestra.plugin.core.log.Log
            message: "{{ vars.computed }} {{ {|KF3008:vars.computd|} }}"
        """, "KF3008");

    [TestMethod]
    public void A_SetVariables_task_with_computed_keys_turns_the_rule_off() => RuleVerifier.Verify(Header + """
          - id: set
            type: io.kestra.plugin.core.execution.SetVariables
            variables: "{{ outputs.x.value }}"
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ vars.anything }}"
        """, "KF3008");

    [TestMethod]
    public void Merge_keys_anchors_bindings_and_guards()
    {
        var findings = RuleVerifier.Verify("""
            id: f
            namespace: company.team
            variables:
              <<: &base
                region: eu
              bucket: data
            tasks:
              - id: a
                type: io.kestra.plugin.core.log.Log
                message: &m "{{ vars.region }} {{ vars.bucket }} {{ {|KF3008:vars.zone|} ?? 'z' }}"
              - id: b
                type: io.kestra.plugin.core.log.Log
                message: {|KF3008:*m|}
              - id: c
                type: io.kestra.plugin.core.log.Log
                message: "{% set vars = {'q': 1} %}{{ vars.q }}{% if vars.bucket is defined %}{{ vars.bucket }}{% endif %}"
            """, "KF3008");
        findings.ShouldAllBe(f => f.Severity == DiagnosticSeverity.Warning);
    }

    [TestMethod]
    public void A_flow_without_variables_reports_every_read() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF3008:vars.x|} }}"
        """, "KF3008");
}
