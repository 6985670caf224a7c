using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInOutputAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Flow_outputs_in_every_scalar_style_unless_declared_secret() => RuleVerifier.Verify(Header + """
          - id: t
            type: io.kestra.plugin.core.log.Log
            message: hi
        outputs:
          - id: plain
            type: STRING
            value: token {{ {|KF1004:secret('A')|} }}
          - id: single
            type: STRING
            value: 'it''s {{ {|KF1004:secret(''B'')|} }}'
          - id: double
            type: STRING
            value: "caf\u00e9 \"{{ {|KF1004:secret(\"C\")|} }}\""
          - id: literal
            type: STRING
            value: |
              first line
              {{ {|KF1004:secret('D')|} }}
          - id: folded
            type: JSON
            value: >-
              {"token":
              "{{ {|KF1004:secret('E')|} | upper }}"}
          - id: map
            type: JSON
            value:
              nested:
                - "{{ {|KF1004:secret('F')|} }}"
          - id: encrypted
            type: SECRET
            value: "{{ secret('G') }}"
            description: "{{ secret('H') }}"
        """, "flow.yaml", "KF1004");

    [TestMethod]
    public void OutputValues_and_Return_including_the_deprecated_alias() => RuleVerifier.Verify(Header + """
          - id: values
            type: io.kestra.plugin.core.output.OutputValues
            values:
              token: "{{ {|KF1004:secret('A')|} }}"
              nested:
                list: ["{{ {|KF1004:secret('B')|} | base64encode }}"]
              configured: "{{ secret('C') is not empty }}"
          - id: return
            type: io.kestra.plugin.core.debug.Return
            format: "{{ {|KF1004:secret('D')|} }}"
          - id: old_return
            type: io.kestra.core.tasks.debugs.Return
            format: "{{ {|KF1004:secret('E')|} }}"
          - id: not_an_output
            type: io.kestra.plugin.core.http.Request
            uri: "https://example.com/{{ secret('F') }}"
            format: "{{ secret('G') }}"
        """, "flow.yaml", "KF1004");

    [TestMethod]
    public void Secret_inputs_set_variables_rendered_variables_and_context_dumps() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: password
            type: SECRET
          - id: user
            type: STRING
        variables:
          conn: "{{ secret('DB') }}"
        tasks:
          - id: return
            type: io.kestra.plugin.core.debug.Return
            format: "{{ inputs.password }} {{ inputs.user }} {{ {|KF1004:render(vars.conn)|} }} {% set t = secret('T') %}{{ {|KF1004:t|} }}"
        outputs:
          - id: everything
            type: JSON
            value: "{{ printContext() }}"
        """, "flow.yaml", "KF1004");

    [TestMethod]
    public void Nested_flowable_tasks_errors_finally_and_aliases() => RuleVerifier.Verify(Header + """
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: switch
                type: io.kestra.plugin.core.flow.Switch
                value: "{{ inputs.x }}"
                cases:
                  A:
                    - id: each
                      type: io.kestra.plugin.core.flow.ForEach
                      values: [1]
                      tasks:
                        - id: if
                          type: io.kestra.plugin.core.flow.If
                          condition: "true"
                          then:
                            - id: first
                              type: io.kestra.plugin.core.debug.Return
                              format: &fmt "{{ {|KF1004:secret('A')|} }}"
                          else:
                            - id: second
                              type: io.kestra.plugin.core.debug.Return
                              format: {|KF1004:*fmt|}
        errors:
          - id: on_error
            type: io.kestra.plugin.core.output.OutputValues
            values:
              a: "{{ {|KF1004:secret('B')|} }}"
        finally:
          - id: at_end
            type: io.kestra.plugin.core.debug.Return
            format: "{{ {|KF1004:secret('C')|} }}"
        """, "flow.yaml", "KF1004");

    [TestMethod]
    public void Multi_document_files_and_crlf_line_ends()
    {
        var markup = """
            id: one
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.core.debug.Return
                format: "{{ {|KF1004:secret('A')|} }}"
            ---
            id: two
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            outputs:
              - id: o
                type: STRING
                value: |
                  {{ {|KF1004:secret('B')|} }}
            """.Replace("\r\n", "\n").Replace("\n", "\r\n");
        var found = RuleVerifier.Verify(markup, "flow.yaml", "KF1004");
        found.Select(d => d.Location.LineSpan.Start.Line).ShouldBe(new[] { 5, 17 }, ignoreOrder: true);
    }

    [TestMethod]
    public void False_positive_traps_are_not_findings() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "Returns {{ secret('X') }}"
        # format: "{{ secret('X') }}"
        labels:
          token: "{{ secret('X') }}"
        variables:
          unused: "{{ secret('X') }}"
        tasks:
          - id: return
            type: io.kestra.plugin.core.debug.Return
            description: "{{ secret('X') }}"
            format: >
              {# {{ secret('X') }} #}{% raw %}{{ secret('X') }}{% endraw %}
              {% verbatim %}{{ secret('X') }}{% endverbatim %} {{ "secret('X')" }} {{ vars.unused }}
              {% if secret('X') is not empty %}set{% endif %} {{ secret('X') == 'a' }} {{ kv(secret('X')) }}
        outputs:
          - id: o
            type: STRING
            description: "{{ secret('X') }}"
            value: "{{ secret('X') | length > 0 }}"
        """, "flow.yaml", "KF1004");

    [TestMethod]
    public void Messages_name_the_output()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  token: "{{ {|KF1004:secret('API_KEY')|} }}"
              - id: return
                type: io.kestra.plugin.core.debug.Return
                format: "{{ {|KF1004:secret('B')|} }}"
            outputs:
              - id: out
                type: STRING
                value: "{{ {|KF1004:secret('C')|} }}"
            """, "flow.yaml", "KF1004");
        found.Select(d => d.Message).ShouldBe(new[]
        {
            "secret('API_KEY') reaches output 'token' of task 'values', which Kestra stores and shows in clear (outputs are never masked)",
            "secret('B') reaches output 'value' of task 'return', which Kestra stores and shows in clear (outputs are never masked)",
            "secret('C') reaches flow output 'out', which Kestra stores and shows in clear (outputs are never masked); declare the output `type: SECRET` to store it encrypted",
        }, ignoreOrder: true);
    }
}
