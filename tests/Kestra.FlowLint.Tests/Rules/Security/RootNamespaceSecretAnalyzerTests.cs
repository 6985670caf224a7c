using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class RootNamespaceSecretAnalyzerTests
{
    [TestMethod]
    public void Every_secret_call_of_a_flow_in_a_root_namespace_in_every_scalar_style() => RuleVerifier.Verify("""
        id: f
        namespace: company
        tasks:
          - id: plain
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com/{{ {|KF1003:secret('A')|} }}
          - id: single
            type: io.kestra.plugin.core.http.Request
            uri: 'https://example.com/it''s/{{ {|KF1003:secret(''B'')|} }}'
          - id: double
            type: io.kestra.plugin.core.http.Request
            uri: "https://example.com/caf\u00e9/{{ {|KF1003:secret(\"C\")|} }}"
          - id: literal
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: |
              first line
              {{ {|KF1003:secret('D')|} }} and {{ {|KF1003:secret(key='E', subkey='token')|} }}
          - id: folded
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: >-
              folded
              text {{ {|KF1003:secret('F')|} | upper }}
        """, "flow.yaml", "KF1003");

    [TestMethod]
    public void A_namespace_argument_decides_where_the_secret_lives() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: t
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: >
              {{ secret('A', namespace={|KF1003:'company'|}) }} {{ secret(key='B', namespace={|KF1003:"shared"|}) }}
              {{ secret('C', {|KF1003:'company'|}) }} {{ secret('D', namespace='company.team') }} {{ secret('E') }}
        ---
        id: root
        namespace: company
        tasks:
          - id: t
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
            body: >
              {{ secret('A', namespace='company.team') }} {{ secret('B', namespace=flow.namespace ~ '.team') }}
              {{ secret('C', namespace={|KF1003:'company'|}) }} {{ {|KF1003:secret('D')|} }}
        """, "flow.yaml", "KF1003");

    [TestMethod]
    public void Nested_tasks_triggers_aliases_and_crlf()
    {
        var markup = """
            id: f
            namespace: tutorial
            triggers:
              - id: hook
                type: io.kestra.plugin.core.trigger.Webhook
                key: "{{ {|KF1003:secret('HOOK_KEY')|} }}"
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: [1, 2]
                tasks:
                  - id: if
                    type: io.kestra.plugin.core.flow.If
                    condition: "{{ {|KF1003:secret('A')|} is not empty }}"
                    then:
                      - id: first
                        type: io.kestra.plugin.core.http.Request
                        uri: &uri "https://example.com/{{ {|KF1003:secret('B')|} }}"
                      - id: second
                        type: io.kestra.plugin.core.http.Request
                        uri: {|KF1003:*uri|}
            errors:
              - id: on_error
                type: io.kestra.plugin.core.http.Request
                uri: "https://example.com/{{ {|KF1003:secret('C')|} }}"
            finally:
              - id: at_end
                type: io.kestra.plugin.core.http.Request
                uri: "https://example.com/{{ {|KF1003:secret('D')|} }}"
            """.Replace("\r\n", "\n").Replace("\n", "\r\n");
        RuleVerifier.Verify(markup, "flow.yaml", "KF1003");
    }

    [TestMethod]
    public void Only_secret_calls_count_and_only_where_Kestra_evaluates_them() => RuleVerifier.Verify("""
        id: f
        namespace: company
        description: "Uses {{ secret('X') }}"
        # uri: "{{ secret('X') }}"
        inputs:
          - id: password
            type: SECRET
        labels:
          token: "{{ secret('X') }}"
        variables:
          unused: "{{ secret('X') }}"
          used: "{{ {|KF1003:secret('Y')|} }}"
        tasks:
          - id: t
            type: io.kestra.plugin.core.http.Request
            description: "{{ secret('X') }}"
            uri: >
              https://example.com/{# {{ secret('X') }} #}{% raw %}{{ secret('X') }}{% endraw %}
              {% verbatim %}{{ secret('X') }}{% endverbatim %} {{ "secret('X')" }} {{ inputs.password }}
              {{ vars.unused }} {{ render(vars.used) }}
        """, "flow.yaml", "KF1003");

    [TestMethod]
    public void Namespaces_with_more_than_one_segment_are_fine() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        tasks:
          - id: t
            type: io.kestra.plugin.core.http.Request
            uri: "https://example.com/{{ secret('A') }}"
        """, "flow.yaml", "KF1003");

    [TestMethod]
    public void Allowed_namespaces_option_silences_known_good_root_namespaces()
    {
        var (text, expected) = RuleVerifier.Parse("""
            id: f
            namespace: system
            tasks:
              - id: t
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                body: "{{ secret('A') }} {{ secret('B', namespace='vault') }} {{ secret('C', namespace={|KF1003:'company'|}) }}"
            """);
        var options = new AnalyzerOptions
        {
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["KF1003"] = new Dictionary<string, string> { ["allowedNamespaces"] = " system, vault ,," },
            },
        };
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers(), options);
        var found = driver.AnalyzeText(new SourceText(text, "flow.yaml")).Diagnostics.Where(d => d.Id == "KF1003").ToList();
        found.Select(d => d.Location.Span).ShouldBe(expected.Select(e => e.Span));
    }

    [TestMethod]
    public void Messages_name_the_namespace_and_where_it_comes_from()
    {
        var found = RuleVerifier.Verify("""
            id: f
            namespace: company
            tasks:
              - id: t
                type: io.kestra.plugin.core.http.Request
                uri: "https://example.com/{{ {|KF1003:secret('API_KEY')|} }}/{{ secret('B', namespace={|KF1003:'shared'|}) }}"
            """, "flow.yaml", "KF1003");
        found.Select(d => d.Message).ShouldBe(new[]
        {
            "secret('API_KEY') is read from the root namespace 'company' (the flow's own namespace); a secret stored at a root namespace is inherited by every child namespace, which broadens who can read it: store it at the lowest namespace that needs it",
            "secret('B') is read from the root namespace 'shared' (named by its `namespace` argument); a secret stored at a root namespace is inherited by every child namespace, which broadens who can read it: store it at the lowest namespace that needs it",
        });
    }
}
