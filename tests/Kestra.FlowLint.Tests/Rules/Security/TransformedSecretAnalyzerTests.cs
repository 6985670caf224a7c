using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class TransformedSecretAnalyzerTests
{
    private const string Header = "id: f\nnamespace: company.team\ntasks:\n";

    [TestMethod]
    public void Every_scalar_style_reports_at_the_filter_name() => RuleVerifier.Verify(Header + """
          - id: plain
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com/{{ secret('A') | {|KF1002:urlencode|} }}
          - id: single
            type: io.kestra.plugin.core.http.Request
            uri: 'https://example.com/it''s/{{ secret(''B'') | {|KF1002:upper|} }}'
          - id: double
            type: io.kestra.plugin.core.http.Request
            uri: "https://example.com/caf\u00e9/\"{{ secret(\"C\") | {|KF1002:lower|} }}\""
          - id: literal
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: |
              first line
              {{ secret('D') | {|KF1002:base64encode|} }}
          - id: folded
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: >-
              folded
              text {{ secret('E') | trim | {|KF1002:sha256|} }}
        """, "flow.yaml", "KF1002");

    [TestMethod]
    public void Methods_subscripts_functions_loops_and_filter_tags_report_at_the_transform() => RuleVerifier.Verify(Header + """
          - id: t
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: >
              {{ secret('A').{|KF1002:toUpperCase|}() }}
              {{ secret('B')[{|KF1002:0|}] }}
              {{ {|KF1002:fromJson|}(secret('C')).token }}
              {{ secret('D') | {|KF1002:jq|}('.token') | first }}
              {{ secret('E') | {|KF1002:slice|}(0, 4) }} {{ secret('F') | {|KF1002:split|}('-') | last }}
              {{ secret('G') | {|KF1002:substringBefore|}(':') }} {{ secret('H') | {|KF1002:replace|}({'a': 'b'}) }}
              {{ secret('I') | {|KF1002:abbreviate|}(5) }} {{ secret('J') | {|KF1002:length|} }}
              {% {|KF1002:for|} c in secret('K') %}{{ c }}{% endfor %}
              {% filter {|KF1002:upper|} %}{{ secret('L') }}{% endfilter %}
              {{ secret('M').{|KF1002:substring|}(0, 3) }}
        """, "flow.yaml", "KF1002");

    [TestMethod]
    public void Transforms_that_keep_the_value_whole_or_only_decide_a_condition_are_not_reported() => RuleVerifier.Verify(Header + """
          - id: t
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: >
              {{ 'Bearer ' ~ secret('A') ~ '!' }} {{ secret('A') | trim }} {{ secret('A') | default('none') }}
              {{ secret('A') | toJson }} {{ secret('A') | json }} {{ secret('A') ?? 'none' }} {{ secret('A') | string }}
              {% if secret('A') | length > 0 %}set{% endif %} {{ secret('A') is empty ? 'no' : 'yes' }}
              {% if secret('A') | upper == 'X' %}x{% endif %} {{ kv(secret('A')) }} {{ secret('A') | className }}
              {{ encrypt(secret('KEY'), 'text') }}
        """, "flow.yaml", "KF1002");

    [TestMethod]
    public void Secret_inputs_set_variables_and_rendered_variables_are_followed() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: password
            type: SECRET
          - id: user
            type: STRING
        variables:
          encoded: "{{ secret('DB') | {|KF1002:base64encode|} }}"
          conn: "{{ secret('DB') }}"
          never_rendered: "{{ secret('DB') | upper }}"
        tasks:
          - id: t
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: >
              {{ inputs.password | {|KF1002:upper|} }} {{ inputs.user | upper }} {{ render(vars.conn) | {|KF1002:lower|} }}
              {{ render(vars.encoded) }}
              {% set token = secret('T') | {|KF1002:title|} %}{{ token }}{{ token | lower }}
              {% set raw = secret('R') %}{{ raw | {|KF1002:capitalize|} }}
        """, "flow.yaml", "KF1002");

    [TestMethod]
    public void Nested_flowable_tasks_errors_and_finally() => RuleVerifier.Verify(Header + """
          - id: parallel
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: [1, 2]
                tasks:
                  - id: if
                    type: io.kestra.plugin.core.flow.If
                    condition: "{{ secret('A') | length > 3 }}"
                    then:
                      - id: switch
                        type: io.kestra.plugin.core.flow.Switch
                        value: "{{ secret('B') | {|KF1002:upper|} }}"
                        cases:
                          X:
                            - id: in_case
                              type: io.kestra.plugin.core.http.Request
                              uri: "https://example.com/{{ secret('C') | {|KF1002:urlencode|} }}"
        errors:
          - id: on_error
            type: io.kestra.plugin.core.http.Request
            uri: "https://example.com/{{ secret('D') | {|KF1002:slugify|} }}"
        finally:
          - id: at_end
            type: io.kestra.plugin.core.http.Request
            uri: "https://example.com/{{ secret('E') | {|KF1002:md5|} }}"
        """, "flow.yaml", "KF1002");

    [TestMethod]
    public void An_aliased_value_is_reported_at_the_alias_use() => RuleVerifier.Verify(Header + """
          - id: first
            type: io.kestra.plugin.core.http.Request
            uri: &uri "https://example.com/{{ secret('A') | {|KF1002:upper|} }}"
          - id: second
            type: io.kestra.plugin.core.http.Request
            uri: {|KF1002:*uri|}
        """, "flow.yaml", "KF1002");

    [TestMethod]
    public void Multi_document_files_and_crlf_line_ends()
    {
        var markup = """
            id: one
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.core.http.Request
                uri: "https://example.com/{{ secret('A') | {|KF1002:upper|} }}"
            ---
            id: two
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.core.http.Request
                uri: |
                  https://example.com/{{ secret('B') | {|KF1002:lower|} }}
            """.Replace("\r\n", "\n").Replace("\n", "\r\n");
        var found = RuleVerifier.Verify(markup, "flow.yaml", "KF1002");
        found.Select(d => d.Location.LineSpan.Start.Line).ShouldBe(new[] { 5, 13 }, ignoreOrder: true);
    }

    [TestMethod]
    public void False_positive_traps_are_not_findings() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        description: "Never {{ secret('X') | upper }}"
        # uri: "{{ secret('X') | upper }}"
        labels:
          token: "{{ secret('X') | upper }}"
        variables:
          unused: "{{ secret('X') | upper }}"
        tasks:
          - id: t
            type: io.kestra.plugin.core.http.Request
            description: "{{ secret('X') | upper }}"
            uri: >
              https://example.com/{# {{ secret('X') | upper }} #}{% raw %}{{ secret('X') | upper }}{% endraw %}
              {% verbatim %}{{ secret('X') | upper }}{% endverbatim %} {{ "secret('X') | upper" }}
              {{ vars.unused }}
        """, "flow.yaml", "KF1002");

    [TestMethod]
    public void Message_names_the_secret_and_the_transform()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: t
                type: io.kestra.plugin.core.http.Request
                uri: "https://example.com/{{ secret('API_KEY') | {|KF1002:slice|}(0, 4) }}"
            """, "flow.yaml", "KF1002");
        found.Single().Message.ShouldBe("secret('API_KEY') is transformed by `| slice`; Kestra masks only the exact secret value, so the result appears in clear wherever it is logged or shown");
    }

    [TestMethod]
    public void Messages_of_loops_and_transforms_that_fail_at_run_time()
    {
        var found = RuleVerifier.Verify(Header + """
              - id: t
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                body: "{% {|KF1002:for|} c in secret('A') %}{{ c }}{% endfor %} {{ secret('B')[{|KF1002:0|}] }} {{ secret('C').{|KF1002:substring|}(0, 3) }}"
            """, "flow.yaml", "KF1002");
        found.Select(d => d.Message).ShouldBe(new[]
        {
            "secret('A') is iterated over by a `{% for %}` loop; Kestra masks only the exact secret value, so the result appears in clear wherever it is logged or shown",
            "secret('B') is transformed by `[0]`; Kestra masks only the exact secret value, so the result appears in clear wherever it is logged or shown (this also fails at run time: a string cannot be indexed)",
            "secret('C') is transformed by `.substring()`; Kestra masks only the exact secret value, so the result appears in clear wherever it is logged or shown (this also fails at run time: Pebble passes whole numbers as Long, and substring takes int)",
        });
    }

    [TestMethod]
    public void A_transformed_secret_in_a_log_is_reported_by_both_rules() => RuleVerifier.Verify(Header + """
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ {|KF1001:secret('A')|} | {|KF1002:upper|} }}"
        """, "flow.yaml", "KF1001", "KF1002");
}
