using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Rules.Configuration;
using Kestra.FlowLint.Tests.Support;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Rules.Configuration;

[TestClass]
public class ShutdownTimingAnalyzerTests
{
    [TestMethod]
    public void Short_grace_period_is_a_warning_at_the_value_in_every_key_style()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                terminationGracePeriod: {|KF2009:0s|}
            """, "KF2009");
        found[0].Severity.ShouldBe(DiagnosticSeverity.Warning);
        found[0].Message.ShouldBe("'kestra.server.terminationGracePeriod' is 0s, shorter than 5m: tasks still running when the server stops are killed instead of finishing (set it to what your longest task needs, and make the process manager's stop timeout longer)");

        RuleVerifier.VerifyFile("application.yml", """
            kestra.server.termination-grace-period: {|KF2009:"30s"|}
            """, "KF2009");
        RuleVerifier.VerifyFile("application.yml", """
            timings: &timings
              termination_grace_period: {|KF2009:PT1M|}
            kestra:
              server: *timings
            """, "KF2009");
    }

    [TestMethod]
    public void Long_enough_placeholders_and_unset_grace_periods_are_quiet()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                termination-grace-period: 10m
                worker-task-restart-strategy: AFTER_TERMINATION_GRACE_PERIOD
            """, "KF2009");
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                termination-grace-period: ${GRACE:0s}
            """, "KF2009");
        // Kestra's default (5m) applies and meets the default minimum.
        RuleVerifier.VerifyFile("application.yml", "kestra:\n  url: http://localhost:8080/\n", "KF2009");
    }

    [TestMethod]
    public void The_minimum_is_an_option_and_an_unset_period_below_it_is_reported_on_the_kestra_key()
    {
        var options = Options("15m");
        Run(options, "kestra:\n  server:\n    termination-grace-period: 10m\n")
            .Select(d => d.Message).ShouldBe(new[] { "'kestra.server.termination-grace-period' is 10m, shorter than 15m: tasks still running when the server stops are killed instead of finishing (set it to what your longest task needs, and make the process manager's stop timeout longer)" });
        var unset = Run(options, "# server\nkestra:\n  url: http://localhost:8080/\n");
        unset.Count.ShouldBe(1);
        unset[0].Location.LineSpan.Start.Line.ShouldBe(1);
        unset[0].Location.LineSpan.Start.Character.ShouldBe(0);
        unset[0].Message.ShouldStartWith("'kestra.server.termination-grace-period' is not set, so Kestra's default 5m applies, shorter than 15m");
        Run(Options("1m"), "kestra:\n  server:\n    termination-grace-period: 90s\n").ShouldBeEmpty();
    }

    [TestMethod]
    public void Compose_stop_timeout_shorter_than_the_grace_period_is_reported_in_the_compose_file()
    {
        var found = RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              {|KF2009:kestra|}:
                image: kestra/kestra:latest
                environment:
                  KESTRA_CONFIGURATION: |
                    kestra:
                      url: http://localhost:8080/
            """, "KF2009");
        found[0].Message.ShouldBe("Compose service 'kestra' kills its container 10s (Docker's default) after asking it to stop (stop_grace_period), before Kestra's termination grace period (Kestra's default 5m) ends: running tasks are killed instead of finishing; set stop_grace_period longer than the grace period");

        RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              kestra:
                image: kestra/kestra:latest
                stop_grace_period: {|KF2009:1m30s|}
                environment:
                  - "KESTRA_CONFIGURATION=kestra.server.termination-grace-period: 6m"
            """, "KF2009");

        RuleVerifier.VerifyFile("docker-compose.yml", """
            services:
              kestra:
                image: kestra/kestra:latest
                stop_grace_period: 6m
                environment:
                  KESTRA_CONFIGURATION: |
                    kestra:
                      server:
                        termination-grace-period: 5m
            """, "KF2009");
    }

    [TestMethod]
    public void Liveness_timeout_shorter_than_three_heartbeats_or_the_initial_delay_is_reported()
    {
        var found = RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                liveness:
                  enabled: true
                  timeout: {|KF2009:{|KF2009:10s|}|}
                  initialDelay: 45s
                  heartbeatInterval: 5s
            """, "KF2009");
        found.Select(d => d.Message).OrderBy(m => m, StringComparer.Ordinal).ShouldBe(new[]
        {
            "liveness timeout 10s is shorter than the initial delay 45s: a server that is still starting can be declared dead",
            "liveness timeout 10s is shorter than three heartbeat intervals (5s x 3): one late heartbeat declares a healthy server dead and its running tasks are resubmitted",
        });

        // Only the heartbeat is written: the default timeout (45s) is compared with it, and the finding sits on it.
        RuleVerifier.VerifyFile("application.yml", """
            kestra.server.liveness.heartbeat-interval: {|KF2009:20s|}
            """, "KF2009")[0].Message.ShouldBe("liveness timeout 45s (default) is shorter than three heartbeat intervals (20s x 3): one late heartbeat declares a healthy server dead and its running tasks are resubmitted");
    }

    [TestMethod]
    public void Disabled_liveness_kestras_documented_values_and_placeholders_are_quiet()
    {
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                liveness:
                  enabled: false
                  timeout: 1s
                  heartbeat-interval: 10s
            """, "KF2009");
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                terminationGracePeriod: 5m
                liveness:
                  enabled: true
                  interval: 5s
                  timeout: 45s
                  initialDelay: 45s
                  heartbeatInterval: 3s
            """, "KF2009");
        RuleVerifier.VerifyFile("application.yml", """
            kestra:
              server:
                liveness:
                  timeout: ${LIVENESS_TIMEOUT}
                  heartbeat-interval: 30s
            """, "KF2009");
    }

    [TestMethod]
    [DataRow("10s", 10)]
    [DataRow("1m30s", 90)]
    [DataRow("1.5h", 5400)]
    [DataRow("500ms", 0.5)]
    [DataRow("0", 0)]
    public void Compose_durations_parse_like_go(string text, double seconds) => Durations.Go(text)!.Value.TotalSeconds.ShouldBe(seconds);

    [TestMethod]
    [DataRow("10")]
    [DataRow("1d")]
    [DataRow("ten seconds")]
    [DataRow("")]
    public void Unreadable_compose_durations_are_null(string text) => Durations.Go(text).ShouldBeNull();

    private static AnalyzerOptions Options(string minimum) => new()
    {
        RuleOptions = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["KF2009"] = new Dictionary<string, string> { [ShutdownTimingAnalyzer.MinTerminationGracePeriodOption] = minimum },
        },
    };

    private static List<Diagnostic> Run(AnalyzerOptions options, string text)
    {
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers(), options);
        var found = driver.AnalyzeText(new SourceText(text, "application.yml")).Diagnostics.Where(d => d.Id == "KF2009").ToList();
        found.AddRange(driver.CompleteRun().Where(d => d.Id == "KF2009"));
        return found;
    }
}
