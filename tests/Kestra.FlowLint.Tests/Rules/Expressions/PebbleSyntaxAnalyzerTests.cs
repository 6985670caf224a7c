using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Expressions;

/// <summary>KF3001: each parser error is one finding at its exact place in the file, whatever the scalar style.</summary>
[TestClass]
public class PebbleSyntaxAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Unterminated_delimiters_in_every_scalar_style() => RuleVerifier.Verify(Header + """
          - id: plain
            type: io.kestra.plugin.core.log.Log
            message: Hello {|KF3001:{{|} inputs.name
          - id: single
            type: io.kestra.plugin.core.log.Log
            message: 'It''s {|KF3001:{%|} if x'
          - id: unclosed_for
            type: io.kestra.plugin.core.log.Log
            message: '{% for i in [1] %}{{ i }} {|KF3001:{%|} endfor'
          - id: double
            type: io.kestra.plugin.core.log.Log
            message: "caf\u00e9 \t{|KF3001:{#|} note"
          - id: literal
            type: io.kestra.plugin.core.log.Log
            message: |
              line one
              {{ {|KF3001:'|}abc }}
          - id: folded
            type: io.kestra.plugin.core.log.Log
            message: >-
              folded
              {{ upper{|KF3001:(|}'a' }}
        """, "KF3001");

    [TestMethod]
    public void Every_error_of_a_value_is_reported_once() => RuleVerifier.Verify(Header + """
          - id: many
            type: io.kestra.plugin.core.log.Log
            message: "{{ a {|KF3001:&|} b }} {{ ok }} {{ c + {|KF3001:}}|} {% {|KF3001:foo|} %} {{ d }}"
        """, "KF3001");

    [TestMethod]
    public void Removed_tags_and_multi_line_raw_have_their_own_ids() => RuleVerifier.Verify(Header + """
          - id: tags
            type: io.kestra.plugin.core.log.Log
            message: |
              {% {|KF3010:include|} 'x' %}
              {|KF3011:{% raw %}|}
              {{ y }}
              {% endraw %}
        """, "KF3001", "KF3010", "KF3011");

    [TestMethod]
    public void Nested_tasks_triggers_defaults_and_aliases() => RuleVerifier.Verify(Header + """
          - id: if
            type: io.kestra.plugin.core.flow.If
            condition: "{{ inputs.a == {|KF3001:}}|}"
            then:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: &broken "{{ x {|KF3001:}|} }"
            else:
              - id: e
                type: io.kestra.plugin.core.log.Log
                message: {|KF3001:*broken|}
        errors:
          - id: err
            type: io.kestra.plugin.core.log.Log
            message: "{{ [1, {|KF3001:]|} }}"
        triggers:
          - id: s
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
            inputs:
              a: "{{ {|KF3001:}}|}"
        pluginDefaults:
          - type: io.kestra.plugin.core.log.Log
            values:
              message: "{{ a ? b {|KF3001:}}|}"
        """, "KF3001");

    [TestMethod]
    public void Values_Kestra_never_renders_are_not_parsed() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "{{ unclosed"
        labels:
          a: "{% if"
        variables:
          v: "{{ 'x }}"
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            description: "{{ broken ( }}"
            message: "{{ fine }} {% verbatim %}{{ not parsed {% endverbatim %} {% raw %}{{ ( {% endraw %}"
        # {{ comment
        """, "KF3001");
}
