using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class MissingEncryptionKeyAnalyzerTests
{
    private const string SecretFlow = """
        id: deploy
        namespace: company.ops
        inputs:
          - id: token
            type: {|KF2001:SECRET|}
          - id: region
            type: STRING
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        outputs:
          - id: signed
            type: {|KF2001:SECRET|}
            value: "{{ inputs.token }}"
        """;

    /// <summary>Analyses several marked-up files as one run and compares the findings of `id` with every file's markers.</summary>
    private static List<Diagnostic> VerifyRun(string id, params (string Path, string Markup)[] files)
    {
        var parsed = files.Select(f => (f.Path, Parsed: RuleVerifier.Parse(f.Markup))).ToList();
        var found = RuleVerifier.AnalyzeRun(parsed.Select(p => (p.Path, p.Parsed.Text)).ToArray()).Where(d => d.Id == id).ToList();
        string Describe(string path, string text, TextSpan span) =>
            $"{path}:{FlowTestHelper.Position(new SourceText(text, path), span.Start)} '{text.Substring(span.Start, span.Length)}'";
        var expected = parsed.SelectMany(p => p.Parsed.Spans.Where(s => s.Id == id).Select(s => Describe(p.Path, p.Parsed.Text, s.Span))).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var actual = found.Select(d => Describe(d.Location.Path, parsed.Single(p => p.Path == d.Location.Path).Parsed.Text, d.Location.Span)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        actual.ShouldBe(expected, string.Join(" | ", found.Select(d => d.Message)));
        return found;
    }

    private static string Clean(string markup) => RuleVerifier.Parse(markup).Text;

    [TestMethod]
    public void Secret_inputs_and_outputs_are_errors_when_no_configuration_sets_the_key()
    {
        var found = VerifyRun("KF2001",
            ("application.yml", "kestra:\n  repository:\n    type: postgres\n  encryption: {}\n"),
            ("flows/deploy.yaml", SecretFlow));
        found.Count.ShouldBe(2);
        found.ShouldAllBe(d => d.Severity == DiagnosticSeverity.Error);
        found[0].Message.ShouldBe("Input 'token' is SECRET-typed, but no Kestra configuration analysed sets kestra.encryption.secret-key (checked application.yml); SECRET values fail at run time without the key");
        found[0].Location.Span.ShouldBe(new TextSpan(66, 6));
        found[1].Message.ShouldStartWith("Output 'signed' is SECRET-typed");
    }

    [TestMethod]
    public void No_configuration_in_the_run_reports_nothing()
    {
        // The key may be set in a configuration FlowLint was not given.
        VerifyRun("KF2001", ("flows/deploy.yaml", Clean(SecretFlow)));
    }

    [TestMethod]
    [DataRow("kestra:\n  encryption:\n    secret-key: ${KESTRA_ENCRYPTION_KEY}\n")]
    [DataRow("kestra.encryption.secret-key: \"${KEY:q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=}\"\n")]
    [DataRow("kestra:\n  Encryption:\n    secret_key: q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n")]
    [DataRow("kestra:\n  encryption.secretKey: ${KEY}\n")]
    public void A_key_in_any_spelling_or_a_placeholder_counts_as_set(string configuration) =>
        VerifyRun("KF2001", ("application.yml", configuration), ("flows/deploy.yaml", Clean(SecretFlow)));

    [TestMethod]
    public void One_configuration_with_the_key_is_enough_for_the_run()
    {
        var found = VerifyRun("KF2001",
            ("a/application.yml", "kestra:\n  repository:\n    type: h2\n"),
            ("b/application-prod.yml", "kestra.encryption.secret-key: ${KEY}\n"),
            ("flows/deploy.yaml", Clean(SecretFlow)));
        found.ShouldBeEmpty();
    }

    [TestMethod]
    public void An_empty_key_is_not_set_and_the_message_counts_the_configurations()
    {
        var found = VerifyRun("KF2001",
            ("a/application.yml", "kestra:\n  encryption:\n    secret-key: \"\"\n"),
            ("b/application.yml", "kestra:\n  encryption:\n    secret-key:\n"),
            ("flows/deploy.yaml", SecretFlow));
        found[0].Message.ShouldContain("(checked 2 configurations)");
    }

    [TestMethod]
    public void Flows_without_secret_declarations_report_nothing() =>
        VerifyRun("KF2001",
            ("application.yml", "kestra:\n  repository:\n    type: postgres\n"),
            ("flows/f.yaml", "id: f\nnamespace: company\ninputs:\n  - id: s\n    type: STRING\ntasks:\n  - id: l\n    type: io.kestra.plugin.core.log.Log\n    message: x\n"));
}
