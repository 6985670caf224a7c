using System.Threading.Tasks;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Rules.Security;

[TestClass]
public class SecretPlacementAnalyzerTests
{
    private static string Flow(string ns, string uri, string id = "f") =>
        $"id: {id}\nnamespace: {ns}\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.http.Request\n    uri: \"{uri}\"\n";

    private static List<Diagnostic> Notes(params (string Path, string Text)[] files) =>
        RuleVerifier.AnalyzeRun(files).Where(d => d.Id == "KF1014").ToList();

    [TestMethod]
    public void Every_scalar_style_across_documents_with_crlf()
    {
        // One file, several flows: every use of the shared key is marked, in each scalar style.
        var markup = """
            id: a
            namespace: company.data.ingest
            tasks:
              - id: plain
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com/{{ {|KF1014:secret('TOKEN')|} }}
              - id: single
                type: io.kestra.plugin.core.http.Request
                uri: 'https://example.com/it''s/{{ {|KF1014:secret(''TOKEN'')|} }}'
            ---
            id: b
            namespace: company.data.reporting
            tasks:
              - id: double
                type: io.kestra.plugin.core.http.Request
                uri: "https://example.com/caf\u00e9/{{ {|KF1014:secret(\"TOKEN\")|} }}"
              - id: literal
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                body: |
                  first line
                  {{ {|KF1014:secret('TOKEN')|} }} {{ secret('ONLY_HERE') }}
              - id: folded
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
                body: >-
                  folded
                  text {{ {|KF1014:secret('TOKEN')|} | upper }}
            """.Replace("\r\n", "\n").Replace("\n", "\r\n");
        var found = RuleVerifier.Verify(markup, "flow.yaml", "KF1014");
        found.Select(d => d.Message).Distinct().ShouldBe(new[]
        {
            "secret('TOKEN') is used by flows of 2 namespaces ('company.data.ingest', 'company.data.reporting'); if they share one value, store it at 'company.data', the lowest namespace they all inherit from, where access stays narrowest",
        });
    }

    [TestMethod]
    public void Nested_tasks_aliases_and_rendered_variables_count_as_uses() => RuleVerifier.Verify("""
        id: a
        namespace: company.a
        variables:
          header: "Bearer {{ {|KF1014:secret('TOKEN')|} }}"
        tasks:
          - id: if
            type: io.kestra.plugin.core.flow.If
            condition: "true"
            then:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: [1]
                tasks:
                  - id: first
                    type: io.kestra.plugin.core.http.Request
                    uri: &uri "https://example.com/{{ {|KF1014:secret('TOKEN')|} }}"
                  - id: second
                    type: io.kestra.plugin.core.http.Request
                    uri: {|KF1014:*uri|}
                    headers:
                      Authorization: "{{ render(vars.header) }}"
        errors:
          - id: on_error
            type: io.kestra.plugin.core.http.Request
            uri: "https://example.com/{{ {|KF1014:secret('TOKEN')|} }}"
        ---
        id: b
        namespace: company.b
        tasks:
          - id: t
            type: io.kestra.plugin.core.http.Request
            uri: https://example.com
        finally:
          - id: at_end
            type: io.kestra.plugin.core.http.Request
            uri: "https://example.com/{{ {|KF1014:secret('TOKEN')|} }}"
        """, "flow.yaml", "KF1014");

    [TestMethod]
    public void Uses_across_files_name_the_lowest_common_namespace()
    {
        var found = Notes(
            ("a.yaml", Flow("company.data.ingest", "{{ secret('TOKEN') }}")),
            ("b.yaml", Flow("company.data", "{{ secret('TOKEN') }}")),
            ("c.yaml", Flow("company.data.reporting.daily", "{{ secret('TOKEN') }}")),
            ("d.yaml", Flow("company.data.ingest", "{{ secret('OTHER') }}")));
        found.Select(d => d.Location.Path).ShouldBe(new[] { "a.yaml", "b.yaml", "c.yaml" });
        found[0].Message.ShouldBe("secret('TOKEN') is used by flows of 3 namespaces ('company.data', 'company.data.ingest', 'company.data.reporting.daily'); if they share one value, store it at 'company.data', the lowest namespace they all inherit from, where access stays narrowest");
        found[0].Location.LineSpan.Start.ShouldBe(new LinePosition(5, 13));
    }

    [TestMethod]
    public void Unrelated_namespaces_are_said_to_share_nothing()
    {
        var found = Notes(
            ("a.yaml", Flow("sales.eu", "{{ secret('TOKEN') }}")),
            ("b.yaml", Flow("finance", "{{ secret('TOKEN') }}")));
        found.Count.ShouldBe(2);
        found[0].Message.ShouldBe("secret('TOKEN') is used by flows of 2 namespaces ('finance', 'sales.eu'); they have no common parent, so one shared value would be shared across unrelated namespaces: store a copy in each, or keep it in a dedicated namespace and read it with `secret(…, namespace=…)`");
    }

    [TestMethod]
    public void Long_namespace_lists_are_shortened()
    {
        var files = Enumerable.Range(0, 7).Select(i => ($"f{i}.yaml", Flow($"company.team{i}", "{{ secret('TOKEN') }}"))).ToArray();
        Notes(files)[0].Message.ShouldStartWith("secret('TOKEN') is used by flows of 7 namespaces ('company.team0', 'company.team1', 'company.team2', 'company.team3', 'company.team4' and 2 more); if they share one value, store it at 'company'");
    }

    [TestMethod]
    public void One_namespace_explicit_namespaces_computed_keys_and_traps_are_not_notes()
    {
        var found = Notes(
            ("a.yaml", Flow("company.a", "{{ secret('SAME') }} {{ secret('EXPLICIT', namespace='company') }} {{ secret(flow.id) }}", "one")),
            ("b.yaml", Flow("company.a", "{{ secret('SAME') }} {{ secret('EXPLICIT', namespace='company') }} {{ secret(flow.id) }}", "two")),
            ("c.yaml", Flow("company.b", "{{ secret('EXPLICIT', 'company') }} {{ 'secret(SAME)' }} {% raw %}{{ secret('SAME') }}{% endraw %}")),
            ("d.yaml", """
                id: d
                namespace: company.c
                description: "{{ secret('SAME') }}"
                # uri: "{{ secret('SAME') }}"
                labels:
                  token: "{{ secret('SAME') }}"
                variables:
                  unused: "{{ secret('SAME') }}"
                tasks:
                  - id: t
                    type: io.kestra.plugin.core.http.Request
                    description: "{{ secret('SAME') }}"
                    uri: "https://example.com/{# {{ secret('SAME') }} #}{% verbatim %}{{ secret('SAME') }}{% endverbatim %}"
                """));
        found.ShouldBeEmpty();
    }

    [TestMethod]
    public void Output_does_not_depend_on_the_order_files_finish_in()
    {
        var files = Enumerable.Range(0, 40)
            .Select(i => ($"f{i:D2}.yaml", Flow($"company.team{i % 4}", "{{ secret('TOKEN') }} {{ secret('KEY" + (i % 3) + "') }}")))
            .ToArray();
        string Run(IEnumerable<(string Path, string Text)> order, bool parallel)
        {
            var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
            if (parallel) Parallel.ForEach(order, f => driver.AnalyzeText(new SourceText(f.Text, f.Path)));
            else foreach (var f in order) driver.AnalyzeText(new SourceText(f.Text, f.Path));
            return string.Join("\n", driver.CompleteRun().Where(d => d.Id == "KF1014").Select(d => d.ToString()));
        }
        string expected = Run(files, parallel: false);
        expected.Split('\n').Length.ShouldBe(80);
        Run(files.Reverse(), parallel: false).ShouldBe(expected);
        for (int i = 0; i < 5; i++) Run(files, parallel: true).ShouldBe(expected);
    }

    [TestMethod]
    public void The_run_ends_once_and_a_second_completion_returns_the_same_findings()
    {
        // The rule lets go of its reads when the run ends; the engine runs the end actions once and keeps their findings.
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        driver.AnalyzeText(new SourceText(Flow("company.a", "{{ secret('TOKEN') }}"), "a.yaml"));
        driver.AnalyzeText(new SourceText(Flow("company.b", "{{ secret('TOKEN') }}"), "b.yaml"));
        var first = driver.CompleteRun().Where(d => d.Id == "KF1014").ToList();
        first.Count.ShouldBe(2);
        driver.CompleteRun().Where(d => d.Id == "KF1014").ShouldBe(first);
    }

    [TestMethod]
    public void Lowest_common_namespace_compares_whole_segments()
    {
        SecretPlacementAnalyzer.LowestCommonNamespace(new[] { "company.team", "company.teams" }).ShouldBe("company");
        SecretPlacementAnalyzer.LowestCommonNamespace(new[] { "a.b.c", "a.b.c" }).ShouldBe("a.b.c");
        SecretPlacementAnalyzer.LowestCommonNamespace(new[] { "a.b", "a.b.c", "a.b.d.e" }).ShouldBe("a.b");
        SecretPlacementAnalyzer.LowestCommonNamespace(new[] { "ab", "a" }).ShouldBe("");
    }

    [TestMethod]
    public void Configuration_without_a_secret_backend_means_namespace_free_secrets_and_no_note()
    {
        var a = ("a.yaml", Flow("company.data.ingest", "https://x/{{ secret('TOKEN') }}", "a"));
        var b = ("b.yaml", Flow("company.data.reporting", "https://x/{{ secret('TOKEN') }}", "b"));
        // Open-source server: SECRET_* environment variables, no namespaces.
        Notes(a, b, ("application.yml", "kestra:\n  url: http://localhost:8080/\n")).ShouldBeEmpty();
        // One configuration with a backend is enough for the placement to matter, in any key style.
        Notes(a, b, ("application.yml", "kestra:\n  url: http://localhost:8080/\n"), ("prod.yml", "kestra.secret.type: vault\n"))
            .Select(d => d.Location.Path).ShouldBe(new[] { "a.yaml", "b.yaml" });
        // No configuration in the run: nothing is known about the server, so the note stays.
        Notes(a, b).Count.ShouldBe(2);
    }
}
