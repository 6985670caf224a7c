using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretToPlainSubflowInputAnalyzerTests
{
    private const string Child = """
        id: child
        namespace: company.team
        inputs:
          - id: token
            type: STRING
          - id: password
            type: SECRET
          - id: config
            type: JSON
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: started
        """;

    private static List<string> Findings(params (string Path, string Text)[] files) =>
        RuleVerifier.AnalyzeRun(files).Where(d => d.Id == "KF1013")
            .Select(d => $"{d.Location.Path}:{d.Location.LineSpan.Start.Line + 1}:{d.Location.LineSpan.Start.Character + 1} {d.Message}")
            .ToList();

    [TestMethod]
    public void Secret_into_a_string_input_of_a_flow_in_another_file_is_reported_at_the_secret()
    {
        var parent = """
            id: parent
            namespace: company.team
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                inputs:
                  token: "Bearer {{ secret('API_TOKEN') }}"
                  password: "{{ secret('DB_PASSWORD') }}"
            """;
        Findings(("flows/parent.yaml", parent), ("flows/child.yaml", Child)).ShouldBe(new[]
        {
            "flows/parent.yaml:9:25 secret('API_TOKEN') is passed to input 'token' of flow 'company.team.child', declared as STRING at flows/child.yaml:5:11: the child execution stores and shows it in clear text; declare the input `type: SECRET`",
        });
    }

    [TestMethod]
    public void Every_scalar_style_nested_values_old_alias_foreachitem_and_secret_inputs_of_the_caller()
    {
        var parent = """
            id: parent
            namespace: company.team
            inputs:
              - id: pw
                type: SECRET
            tasks:
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: call
                    type: io.kestra.core.tasks.flows.Subflow
                    namespace: company.team
                    flowId: child
                    inputs:
                      token: |
                        {{ inputs.pw }}
                      config:
                        auth:
                          - '{{ secret(''NESTED'') }}'
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ outputs.x.uri }}"
                namespace: company.team
                flowId: child
                inputs:
                  token: >-
                    {{ secret('FOLDED') | trim }}
            """;
        Findings(("parent.yaml", parent), ("child.yaml", Child)).Select(f => f.Substring(0, f.IndexOf(" is passed", StringComparison.Ordinal))).ShouldBe(new[]
        {
            "parent.yaml:16:16 SECRET input 'pw'",
            "parent.yaml:19:21 secret('NESTED')",
            "parent.yaml:27:12 secret('FOLDED')",
        });
    }

    [TestMethod]
    public void Secret_inputs_templated_or_unknown_targets_conditions_and_files_outside_the_run_are_quiet()
    {
        var parent = """
            id: parent
            namespace: company.team
            # flowId: child with inputs token: "{{ secret('IN_COMMENT') }}"
            description: passes "{{ secret('IN_DESCRIPTION') }}" to the child
            tasks:
              - id: to_secret
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                inputs:
                  password: "{{ secret('DB_PASSWORD') }}"
                  token: "{{ secret('FLAG') is defined }}"
              - id: templated_target
                type: io.kestra.plugin.core.flow.Subflow
                namespace: "{{ flow.namespace }}"
                flowId: child
                inputs:
                  token: "{{ secret('API_TOKEN') }}"
              - id: other_flow
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.other
                flowId: child
                inputs:
                  token: "{{ secret('API_TOKEN') }}"
              - id: undeclared
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                inputs:
                  unknown: "{{ secret('API_TOKEN') }}"
              - id: not_a_call
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                inputs:
                  token: "{{ secret('API_TOKEN') }}"
            """;
        Findings(("parent.yaml", parent), ("child.yaml", Child)).ShouldBeEmpty();
        // The called flow is not in the run: nothing is known about its inputs.
        Findings(("parent.yaml", parent.Replace("company.other", "company.team").Replace("unknown:", "token:"))).ShouldBeEmpty();
    }

    [TestMethod]
    public void Anchored_values_are_reported_at_the_alias_that_passes_them()
    {
        var parent = """
            id: parent
            namespace: company.team
            variables:
              token: &token "{{ secret('ANCHORED') }}"
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                inputs:
                  token: *token
            """;
        Findings(("parent.yaml", parent), ("child.yaml", Child)).Select(f => f.Substring(0, f.IndexOf(" is passed", StringComparison.Ordinal)))
            .ShouldBe(new[] { "parent.yaml:11:14 secret('ANCHORED')" });
    }

    [TestMethod]
    public void Both_flows_in_one_multi_document_file()
    {
        var markup = """
            id: parent
            namespace: company.team
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                inputs:
                  token: "{{ {|KF1013:secret('API_TOKEN')|} }}"
            ---
            """ + "\n" + Child;
        RuleVerifier.Verify(markup, "KF1013");
    }
    [TestMethod]
    public void The_first_declaration_of_an_input_decides_and_an_input_without_type_is_named_so()
    {
        var child = """
            id: child
            namespace: company.team
            inputs:
              - id: token
                type: SECRET
              - id: token
                type: STRING
              - id: note
              - id: note
                type: SECRET
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: started
            """;
        var parent = """
            id: parent
            namespace: company.team
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: child
                inputs:
                  token: "{{ secret('API_TOKEN') }}"
                  note: "{{ secret('NOTE') }}"
            """;
        Findings(("parent.yaml", parent), ("child.yaml", child)).ShouldBe(new[]
        {
            "parent.yaml:10:17 secret('NOTE') is passed to input 'note' of flow 'company.team.child', declared as an input without a type at child.yaml:8:9: the child execution stores and shows it in clear text; declare the input `type: SECRET`",
        });
    }
}
