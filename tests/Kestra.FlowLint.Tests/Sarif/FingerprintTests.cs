using System.Text.Json;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Rules;
using static Kestra.FlowLint.Tests.Sarif.ReportFixture;

namespace Kestra.FlowLint.Tests.Sarif;

[TestClass]
public class FingerprintTests
{
    private const string Flow =
        "id: hello\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: greet\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: \"{% include 'header' %} and {% include 'header' %}\"\n";

    private const string TaskAbove =
        "  - id: first\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: added later, above the finding\n";

    private static List<(string Id, int Line, string Fingerprint)> Fingerprints(string root, string path, string text, params FlowAnalyzer[] extra)
    {
        var analyzers = new List<FlowAnalyzer>(RuleCatalog.CreateAnalyzers());
        analyzers.AddRange(extra);
        var log = ToSarif(Report(root, Analyze(root, analyzers, (path, text))));
        return Results(log).Select(r => (r.Property("ruleId")!, Region(r).GetProperty("startLine").GetInt32(), r.Property("partialFingerprints", SarifFingerprint.Key)!)).ToList();
    }

    [TestMethod]
    public void Inserting_lines_above_a_finding_keeps_its_fingerprint()
    {
        string root = NewRepository();
        var before = Fingerprints(root, "flows/hello.yaml", Flow);
        var after = Fingerprints(root, "flows/hello.yaml", Flow.Replace("tasks:\n", "tasks:\n" + TaskAbove));
        before.Select(f => f.Line).ShouldBe(new[] { 6, 6 });
        after.Select(f => f.Line).ShouldBe(new[] { 9, 9 }, "the findings moved down three lines");
        after.Select(f => f.Fingerprint).ShouldBe(before.Select(f => f.Fingerprint));
    }

    [TestMethod]
    public void Identical_findings_under_one_owner_are_told_apart_by_occurrence()
    {
        string root = NewRepository();
        var prints = Fingerprints(root, "flows/hello.yaml", Flow);
        prints.Select(p => p.Id).ShouldBe(new[] { "KF3010", "KF3010" });
        prints[0].Fingerprint.ShouldNotBe(prints[1].Fingerprint);
    }

    [TestMethod]
    public void The_flagged_text_rule_path_and_owner_are_part_of_the_fingerprint()
    {
        string root = NewRepository();
        string original = Fingerprints(root, "flows/hello.yaml", Flow)[0].Fingerprint;
        Fingerprints(root, "flows/other.yaml", Flow)[0].Fingerprint.ShouldNotBe(original, "another file");
        Fingerprints(root, "flows/hello.yaml", Flow.Replace("id: greet", "id: welcome"))[0].Fingerprint.ShouldNotBe(original, "another task");
        Fingerprints(root, "flows/hello.yaml", Flow.Replace("{% include 'header' %} and", "{% import 'header' %} and"))[0].Fingerprint
            .ShouldNotBe(original, "another flagged text");
    }

    [TestMethod]
    public void Fingerprints_do_not_depend_on_where_the_repository_is_checked_out_or_its_line_ends()
    {
        string first = NewRepository();
        string second = NewRepository("flowlint-other-checkout");
        const string broken = "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: \"an unclosed quote\n";
        var lf = Fingerprints(first, "flows/x.yaml", broken);
        var crlf = Fingerprints(second, "flows/x.yaml", broken.Replace("\n", "\r\n"));
        lf.Single().Id.ShouldBe("KF4001");
        crlf.Single().Fingerprint.ShouldBe(lf.Single().Fingerprint, "the flagged text spans the line break; whitespace runs are compared collapsed");
    }

    [TestMethod]
    public void A_credential_value_is_never_hashed_nor_written()
    {
        string root = NewRepository();
        const string flow = "id: db\nnamespace: company.team\ntasks:\n  - id: query\n    type: io.kestra.plugin.jdbc.postgresql.Query\n    password: zq7-planted-s3cr3t\n";
        var one = Fingerprints(root, "flows/db.yaml", flow, new PasswordValueAnalyzer());
        var other = Fingerprints(root, "flows/db.yaml", flow.Replace("zq7-planted-s3cr3t", "correct-horse-battery"), new PasswordValueAnalyzer());
        one.Single(f => f.Id == "KF1999").Fingerprint.ShouldBe(other.Single(f => f.Id == "KF1999").Fingerprint,
            "the fingerprint of a security finding is rule, path, owner and occurrence only");

        var analyzers = new List<FlowAnalyzer>(RuleCatalog.CreateAnalyzers()) { new PasswordValueAnalyzer() };
        string json = new Kestra.FlowLint.Reporting.Sarif.SarifReportWriter().Serialize(Report(root, Analyze(root, analyzers, ("flows/db.yaml", flow))));
        json.ShouldNotContain("zq7-planted");
    }

    [TestMethod]
    public void The_hash_is_over_length_prefixed_fields()
    {
        // "a" + "bc" and "ab" + "c" must not collide, whatever the separator would have been.
        SarifFingerprint.Compute("KF3001", "a", "bc", "x", 0).ShouldNotBe(SarifFingerprint.Compute("KF3001", "ab", "c", "x", 0));
        SarifFingerprint.Compute("KF3001", "p", "o", "x", 0).ShouldNotBe(SarifFingerprint.Compute("KF3001", "p", "o", "x", 1));
        SarifFingerprint.Compute("KF3001", "p", "o", null, 0).ShouldNotBe(SarifFingerprint.Compute("KF3001", "p", "o", "", 0));
    }

    [TestMethod]
    public void The_v1_hash_is_pinned()
    {
        // Committed baselines hold these values: a change here must come with a new key (flowlint/v2).
        SarifFingerprint.Compute("KF3010", "flows/hello.yaml", "tasks:greet/message", "include", 0).ShouldBe("33bc2314abdf17d29f84776cce5caac7", "SHA-256 of 11:flowlint/v1;6:KF3010;16:flows/hello.yaml;19:tasks:greet/message;7:include;1:0;, first 16 bytes");
    }

    [TestMethod]
    public void Whitespace_runs_collapse_to_one_space()
    {
        SarifFingerprint.NormalizeWhitespace("  a \t\r\n  b\n").ShouldBe("a b");
        SarifFingerprint.NormalizeWhitespace("ab").ShouldBe("ab");
        SarifFingerprint.NormalizeWhitespace(" \n ").ShouldBe("");
    }

    [TestMethod]
    public void Security_rules_are_the_secret_and_configuration_ranges_and_anything_scored()
    {
        SarifFingerprint.IsSecurityRule(new DiagnosticDescriptor("KF1009", "t", "m", "c", DiagnosticSeverity.Error, "d")).ShouldBeTrue();
        SarifFingerprint.IsSecurityRule(new DiagnosticDescriptor("KF2003", "t", "m", "c", DiagnosticSeverity.Error, "d")).ShouldBeTrue();
        SarifFingerprint.IsSecurityRule(new DiagnosticDescriptor("KF3001", "t", "m", "c", DiagnosticSeverity.Error, "d")).ShouldBeFalse();
        SarifFingerprint.IsSecurityRule(new DiagnosticDescriptor("KF4100", "t", "m", "c", DiagnosticSeverity.Error, "d", securitySeverity: "5.0")).ShouldBeTrue();
        SarifFingerprint.IsSecurityRule(new DiagnosticDescriptor("KF5100", "t", "m", "c", DiagnosticSeverity.Error, "d", tags: new[] { "Security" })).ShouldBeTrue();
    }
}
