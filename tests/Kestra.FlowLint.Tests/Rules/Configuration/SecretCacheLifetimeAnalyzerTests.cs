using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Rules.Configuration;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class SecretCacheLifetimeAnalyzerTests
{
    [TestMethod]
    public void Long_lifetime_of_an_enabled_cache_is_a_note_at_the_value()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                type: vault
                cache:
                  enabled: true
                  expire-after-write: {|KF2007:24h|}
            """, "KF2007");
        found[0].Severity.ShouldBe(DiagnosticSeverity.Note);
        found[0].Message.ShouldBe("'kestra.secret.cache.expire-after-write' keeps cached secrets for 24h, longer than 5m: a rotated or revoked secret stays in use that long");
    }

    [TestMethod]
    public void Dotted_and_relaxed_keys_and_iso_durations_are_read()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra.secret.cache:
              Enabled: "TRUE"
              expireAfterWrite: {|KF2007:PT10M|}
            kestra:
              secret.cache.expire_after_write: {|KF2007:'301s'|}
            """, "KF2007");
    }

    [TestMethod]
    public void Disabled_cache_short_lifetimes_and_placeholders_are_not_reported()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                cache:
                  enabled: false
                  expire-after-write: 24h
            """, "KF2007");
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              secret:
                cache:
                  enabled: true
                  expire-after-write: 5m
                  expireAfterWrite: ${SECRET_CACHE_TTL:24h}
            """, "KF2007");
    }

    [TestMethod]
    public void The_limit_is_an_option()
    {
        var options = new AnalyzerOptions
        {
            RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["KF2007"] = new Dictionary<string, string> { [SecretCacheLifetimeAnalyzer.MaxExpireAfterWriteOption] = "1h" },
            },
        };
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers(), options);
        var text = "kestra.secret.cache.enabled: true\nkestra.secret.cache.expire-after-write: 30m\n---\nkestra.secret.cache.enabled: true\nkestra.secret.cache.expire-after-write: PT2H\n";
        var found = driver.AnalyzeText(new SourceText(text, "application.yml")).Diagnostics.Where(d => d.Id == "KF2007").ToList();
        found.AddRange(driver.CompleteRun().Where(d => d.Id == "KF2007"));
        found.Select(d => d.Message).ShouldBe(new[] { "'kestra.secret.cache.expire-after-write' keeps cached secrets for PT2H, longer than 1h: a rotated or revoked secret stays in use that long" });
    }

    [TestMethod]
    [DataRow("300s", 300)]
    [DataRow("5m", 300)]
    [DataRow("1h", 3600)]
    [DataRow("2d", 172800)]
    [DataRow("1500ms", 1.5)]
    [DataRow("PT10M", 600)]
    [DataRow("P1DT2H", 93600)]
    [DataRow("pt30s", 30)]
    public void Durations_parse_like_micronaut(string text, double seconds) =>
        Durations.Micronaut(text)!.Value.TotalSeconds.ShouldBe(seconds);

    [TestMethod]
    [DataRow("")]
    [DataRow("soon")]
    [DataRow("5 minutes")]
    [DataRow("P")]
    [DataRow("PT")]
    [DataRow("10")]
    public void Unreadable_durations_are_null(string text) => Durations.Micronaut(text).ShouldBeNull();
}
