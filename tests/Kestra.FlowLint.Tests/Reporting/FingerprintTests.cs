using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;
using static Kestra.FlowLint.Tests.Reporting.ReportTestData;

namespace Kestra.FlowLint.Tests.Reporting;

[TestClass]
public class FingerprintTests
{
    private const string Flow =
        "id: deploy\nnamespace: company.team\ntasks:\n" +
        "  - id: debug\n    type: io.kestra.plugin.core.log.Log\n    message: \"Token: {{ secret('GITHUB_TOKEN') }}\"\n" +
        "  - id: again\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ secret('GITHUB_TOKEN') }} and {{ secret('GITHUB_TOKEN') }}\"\n";

    private static string[] FingerprintsOf(string flow, string path = "flows/deploy.yaml")
    {
        var findings = RuleVerifier.Analyze(flow, path).Where(d => d.Id == "KF1001").ToList();
        findings.Count.ShouldBe(3, "the fixture has three secret uses in Log messages");
        return Fingerprint.ComputeAll(DiagnosticOrdering.Sort(findings));
    }

    [TestMethod]
    public void Is_32_lowercase_hex_characters()
    {
        FingerprintsOf(Flow).ShouldAllBe(f => f.Length == 32 && f.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')));
    }

    [TestMethod]
    public void Survives_lines_inserted_above_the_finding()
    {
        string edited = "# a comment added later\n\n" + Flow.Replace("tasks:\n", "labels:\n  team: data\ntasks:\n");
        FingerprintsOf(edited).ShouldBe(FingerprintsOf(Flow));
    }

    [TestMethod]
    public void Survives_a_crlf_checkout()
    {
        FingerprintsOf(Flow.Replace("\n", "\r\n")).ShouldBe(FingerprintsOf(Flow));
    }

    [TestMethod]
    public void Tells_identical_findings_under_one_owner_apart()
    {
        var fingerprints = FingerprintsOf(Flow);
        fingerprints.Distinct().Count().ShouldBe(3);
    }

    [TestMethod]
    public void Changes_with_the_path_the_rule_or_the_owner()
    {
        var text = new SourceText("a: x\n", "a.yaml");
        var other = new SourceText("a: x\n", "b.yaml");
        string baseline = Fingerprint.Compute(At(Finding, text, "x", "m", owner: "tasks:t"), 0);
        Fingerprint.Compute(At(Finding, other, "x", "m", owner: "tasks:t"), 0).ShouldNotBe(baseline);
        Fingerprint.Compute(At(ErrorFinding, text, "x", "m", owner: "tasks:t"), 0).ShouldNotBe(baseline);
        Fingerprint.Compute(At(Finding, text, "x", "m", owner: "tasks:u"), 0).ShouldNotBe(baseline);
        Fingerprint.Compute(At(Finding, text, "x", "m", owner: "tasks:t"), 1).ShouldNotBe(baseline);
        Fingerprint.Compute(At(Finding, text, "x", "another message", owner: "tasks:t"), 0).ShouldBe(baseline, "messages are reworded between versions");
    }

    [TestMethod]
    public void Never_depends_on_a_redacted_value()
    {
        var one = new SourceText("password: hunter2\n", "application.yml");
        var two = new SourceText("password: correct-horse\n", "application.yml");
        Fingerprint.Compute(At(Credential, one, "hunter2", "m", owner: "kestra.password"), 0)
            .ShouldBe(Fingerprint.Compute(At(Credential, two, "correct-horse", "m", owner: "kestra.password"), 0));
        // Without redaction the flagged text is part of the identity.
        Fingerprint.Compute(At(Finding, one, "hunter2", "m", owner: "kestra.password"), 0)
            .ShouldNotBe(Fingerprint.Compute(At(Finding, two, "correct-horse", "m", owner: "kestra.password"), 0));
    }

    [TestMethod]
    public void Numbers_occurrences_in_file_order_whatever_the_list_order()
    {
        var text = new SourceText("a: x\nb: x\n", "a.yaml");
        var first = At(Finding, text, "x", "m", occurrence: 0);
        var second = At(Finding, text, "x", "m", occurrence: 1);
        Fingerprint.ComputeAll(new[] { second, first }).ShouldBe(new[] { Fingerprint.Compute(second, 1), Fingerprint.Compute(first, 0) });
    }

    [TestMethod]
    public void Is_stable_across_versions()
    {
        // Baselines store these values: if this test fails, every user's baseline breaks. Change Fingerprint.Scheme instead.
        var text = new SourceText("id: t\nnamespace: n\ntasks:\n  - id: log\n    message: \"{{ secret('A') }}\"\n", "flows/t.yaml");
        Fingerprint.Compute(At(Finding, text, "secret('A')", "m", owner: "tasks:log/message"), 0).ShouldBe("ad9ac0e3ad91e24571e334c4fef1b269");
        Fingerprint.Compute(At(Credential, text, "secret('A')", "m", owner: "tasks:log/message"), 2).ShouldBe("8538f49464cec7b13998e8d89bdf092a");
    }
}
