using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretInLogAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Plain_single_and_double_quoted_messages() => RuleVerifier.Verify(Header + """
          - id: plain
            type: io.kestra.plugin.core.log.Log
            message: Token {{ {|KF1001:secret('A')|} }}
          - id: single
            type: io.kestra.plugin.core.log.Log
            message: 'It''s {{ {|KF1001:secret(''B'')|} }}'
          - id: double
            type: io.kestra.plugin.core.log.Log
            message: "caf\u00e9 \"{{ {|KF1001:secret(\"C\")|} }}\""
        """, "KF1001");

    [TestMethod]
    public void Literal_and_folded_block_messages() => RuleVerifier.Verify(Header + """
          - id: literal
            type: io.kestra.plugin.core.log.Log
            message: |
              first line
              {{ {|KF1001:secret('A')|} }}
          - id: folded
            type: io.kestra.plugin.core.log.Log
            message: >-
              folded
              text {{ {|KF1001:secret(key='B')|} | trim }}
        """, "KF1001");

    [TestMethod]
    public void List_messages_deprecated_alias_and_nested_tasks() => RuleVerifier.Verify(Header + """
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: [1, 2]
                tasks:
                  - id: old_log
                    type: io.kestra.core.tasks.log.Log
                    message:
                      - plain
                      - "{{ {|KF1001:secret('A')|} }}"
        errors:
          - id: on_error
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF1001:secret('B')|} }}"
        finally:
          - id: at_end
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF1001:secret('C')|} ~ '!' }}"
        """, "KF1001");

    [TestMethod]
    public void Set_variables_and_rendered_variables_are_secrets_too_and_secret_inputs_are_left_to_KF1011() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: password
            type: SECRET
          - id: user
            type: STRING
        variables:
          conn: "{{ secret('DB') }}"
          plain: "hello"
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ inputs.password }} {{ inputs.user }} {{ {|KF1001:render(vars.conn)|} }} {{ render(vars.plain) }}"
          - id: set
            type: io.kestra.plugin.core.log.Log
            message: "{% set token = secret('T') %}{{ {|KF1001:token|} }}"
        """, "KF1001");

    [TestMethod]
    public void Aliases_are_reported_at_each_use() => RuleVerifier.Verify(Header + """
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: &msg "{{ {|KF1001:secret('A')|} }}"
          - id: second
            type: io.kestra.plugin.core.log.Log
            message: {|KF1001:*msg|}
        """, "KF1001");

    [TestMethod]
    public void False_positive_traps_are_not_findings() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "Never log {{ secret('X') }}"
        # message: "{{ secret('X') }}"
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            description: "{{ secret('X') }}"
            message: >
              {# {{ secret('X') }} #} {% raw %}{{ secret('X') }}{% endraw %}
              {% verbatim %}{{ secret('X') }}{% endverbatim %}
              'secret(' is just text; {{ "secret('X')" }}
              {% if secret('X') is not empty %}set{% endif %} {{ secret('X') == 'a' }}
          - id: http
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            headers:
              Authorization: "Bearer {{ secret('X') }}"
        """, "KF1001");

    [TestMethod]
    public void Message_names_the_secret_and_the_transform_but_not_a_value()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: partial
                type: io.kestra.plugin.core.log.Log
                message: "{{ {|KF1001:secret('API_KEY')|} | slice(0, 4) }}"
            """, "KF1001");
        found.Single().Message.ShouldBe("secret('API_KEY') is written to the logs by task 'partial' (transformed by `| slice`, which Kestra's log masking cannot recognise)");
    }

    [TestMethod]
    public void Each_flow_of_a_multi_document_file() => RuleVerifier.Verify("""
        id: first
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF1001:secret('A')|} }}"
        ---
        name: not a flow, skipped
        message: "{{ secret('IGNORED') }}"
        ---
        id: second
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF1001:secret('B')|} }}"
        """, "KF1001");
}
