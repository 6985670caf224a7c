using System.Collections.Immutable;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Rules;
using Microsoft.CodeAnalysis;
using static Kestra.FlowLint.Roslyn.Tests.AnalyzerHarness;
using FlowLintText = Kestra.FlowLint.Text.SourceText;

namespace Kestra.FlowLint.Roslyn.Tests;

/// <summary>The analyzer inside a C# compilation, as the compiler and IDEs run it, over in-memory AdditionalFiles.</summary>
[TestClass]
public class FlowLintAnalyzerTests
{
    private const string Leak =
        "id: leak\nnamespace: company.team\n\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: Deploying\n" +
        "  - id: debug\n    message: \"Token is {{ secret('GITHUB_TOKEN') }}\"\n    type: io.kestra.plugin.core.log.Log\n";

    private const string RemovedTag =
        "id: report\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{% include 'header' %}\"\n";

    [TestMethod]
    public void Reports_each_finding_at_its_exact_span_in_the_yaml_file()
    {
        var diagnostics = Run(("flows/leak.yaml", Leak), ("flows/report.yml", RemovedTag), ("flows/notes.txt", Leak));

        diagnostics.Select(Describe).ShouldBe(new[]
        {
            "/repo/flows/leak.yaml(9,27-9,49): error KF1001",
            "/repo/flows/report.yml(6,18-6,25): error KF3010",
        }, "a .txt AdditionalFile is not a flow: only .yml and .yaml are analysed");
        diagnostics[0].GetMessage().ShouldBe("secret('GITHUB_TOKEN') is written to the logs by task 'debug'");
        diagnostics[0].Location.Kind.ShouldBe(LocationKind.ExternalFile);
        diagnostics[0].Location.SourceSpan.Start.ShouldBe(Leak.IndexOf("secret(", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Descriptors_are_the_catalogue_with_its_ids_titles_help_links_categories_and_default_severities()
    {
        var supported = new FlowLintAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);
        var catalogue = RuleCatalog.AllDescriptors();

        supported.Keys.Order(StringComparer.Ordinal).ShouldBe(catalogue.Select(d => d.Id).Order(StringComparer.Ordinal));
        // The host-only configuration error is part of the catalogue too, so rules.md documents it.
        supported.ShouldContainKey("KF0090");
        foreach (var expected in catalogue)
        {
            var actual = supported[expected.Id];
            actual.Title.ToString().ShouldBe(expected.Title);
            actual.HelpLinkUri.ShouldBe(expected.HelpUri);
            actual.Category.ShouldBe(expected.Category);
            actual.DefaultSeverity.ShouldBe(FlowLintDescriptors.ToRoslyn(expected.DefaultSeverity), expected.Id);
            actual.IsEnabledByDefault.ShouldBe(expected.IsEnabledByDefault);
            // GitHub code scanning caps SARIF's fullDescription, which -errorlog fills from the description.
            actual.Description.ToString().Length.ShouldBeInRange(1, 1024, expected.Id);
            expected.Description.ShouldStartWith(actual.Description.ToString().TrimEnd('…'));
        }
    }

    [TestMethod]
    public void Every_rules_bad_example_gives_what_the_cli_engine_gives()
    {
        // The same engine, rules and post-processing as the CLI: ids, spans, severities and messages agree.
        var postProcessor = new FindingsPostProcessor(RuleCatalog.AllDescriptors());
        int compared = 0;
        foreach (var descriptor in RuleCatalog.AllDescriptors().Where(d => d.BadExample is not null))
        {
            string path = PathOf("flows/" + descriptor.Id.ToLowerInvariant() + ".yaml");
            var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
            var text = new FlowLintText(descriptor.BadExample!, path);
            var engine = driver.AnalyzeText(text).Diagnostics.Concat(driver.CompleteRun()).ToList();
            var expected = postProcessor.ApplyToFile(text, engine, RulePolicy.Default).Where(d => !d.IsSuppressed)
                .Select(d => $"{d.Id} {d.Location.Span.Start}+{d.Location.Span.Length} {FlowLintDescriptors.ToRoslyn(d.Severity)} {d.Message}")
                .Order(StringComparer.Ordinal).ToList();

            var roslyn = Run(("flows/" + descriptor.Id.ToLowerInvariant() + ".yaml", descriptor.BadExample))
                .Select(d => $"{d.Id} {d.Location.SourceSpan.Start}+{d.Location.SourceSpan.Length} {d.Severity} {d.GetMessage()}")
                .Order(StringComparer.Ordinal).ToList();

            roslyn.ShouldBe(expected, descriptor.Id);
            roslyn.ShouldContain(r => r.StartsWith(descriptor.Id + " ", StringComparison.Ordinal), descriptor.Id);
            compared++;
        }
        compared.ShouldBeGreaterThan(20);
    }

    [TestMethod]
    public void Nearest_flowlint_yaml_among_the_additional_files_sets_severities()
    {
        var diagnostics = Run(
            (".flowlint.yaml", "rules:\n  KF1001: warning\n"),
            ("flows/leak.yaml", Leak),
            ("flows/legacy/.flowlint.yml", "rules:\n  KF1001: none\n  KF3010: note\n"),
            ("flows/legacy/leak.yaml", Leak),
            ("flows/legacy/report.yaml", RemovedTag));

        diagnostics.Select(Describe).ShouldBe(new[]
        {
            "/repo/flows/leak.yaml(9,27-9,49): warning KF1001",
            "/repo/flows/legacy/report.yaml(6,18-6,25): info KF3010",
        });
    }

    [TestMethod]
    public void Flowlint_yaml_include_and_exclude_choose_the_flows()
    {
        var diagnostics = Run(
            (".flowlint.yaml", "exclude: [\"flows/legacy/**\"]\n"),
            ("flows/leak.yaml", Leak),
            ("flows/legacy/leak.yaml", Leak));

        diagnostics.Select(Describe).ShouldBe(new[] { "/repo/flows/leak.yaml(9,27-9,49): error KF1001" });
    }

    [TestMethod]
    public void Compiler_diagnostic_options_override_the_severity_as_globalconfig_does()
    {
        // dotnet_diagnostic.KF1001.severity in a .globalconfig reaches the compiler as these options.
        Run(ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("KF1001", ReportDiagnostic.Warn), ("flows/leak.yaml", Leak))
            .Select(Describe).ShouldBe(new[] { "/repo/flows/leak.yaml(9,27-9,49): warning KF1001" });
        Run(ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("KF1001", ReportDiagnostic.Suppress), ("flows/leak.yaml", Leak))
            .ShouldBeEmpty();
        // .globalconfig wins over .flowlint.yaml: the compiler applies it after the analyzer.
        Run(ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("KF1001", ReportDiagnostic.Error),
                (".flowlint.yaml", "rules:\n  KF1001: note\n"), ("flows/leak.yaml", Leak))
            .Select(Describe).ShouldBe(new[] { "/repo/flows/leak.yaml(9,27-9,49): error KF1001" });
    }

    [TestMethod]
    public void Inline_suppression_comments_apply_and_stale_ones_are_reported()
    {
        string suppressed = Leak.Replace("  - id: debug\n", "  # flowlint-disable-next-line KF1001 -- revoked demo token\n  - id: debug\n");
        string stale = Leak.Replace("    message: Deploying\n", "    message: Deploying # flowlint-disable-line KF1001\n");

        Run(("flows/suppressed.yaml", suppressed)).ShouldBeEmpty();
        // Reported as suppressed in source, as a #pragma is: the build ignores it, -errorlog keeps it.
        var kept = RunIncludingSuppressed(("flows/suppressed.yaml", suppressed)).ShouldHaveSingleItem();
        Describe(kept).ShouldBe("/repo/flows/suppressed.yaml(10,27-10,49): error KF1001");
        kept.IsSuppressed.ShouldBeTrue();
        kept.GetMessage().ShouldBe("secret('GITHUB_TOKEN') is written to the logs by task 'debug'");
        kept.Descriptor.HelpLinkUri.ShouldBe("https://github.com/kestra-flowlint/flowlint/blob/main/rules.md#kf1001");
        Run(("flows/stale.yaml", stale)).Select(Describe).ShouldBe(new[]
        {
            "/repo/flows/stale.yaml(7,24-7,54): warning KF0002",
            "/repo/flows/stale.yaml(9,27-9,49): error KF1001",
        });
    }

    [TestMethod]
    public void An_invalid_configuration_is_reported_where_it_is_wrong_and_the_flows_still_get_the_defaults()
    {
        var diagnostics = Run((".flowlint.yaml", "rules:\n  KF1001: loud\n"), ("flows/leak.yaml", Leak));

        diagnostics.Select(Describe).ShouldBe(new[]
        {
            "/repo/.flowlint.yaml(2,11-2,15): error KF0090",
            "/repo/flows/leak.yaml(9,27-9,49): error KF1001",
        });
        diagnostics[0].GetMessage().ShouldContain("loud");
    }

    [TestMethod]
    public void A_file_the_compiler_cannot_read_is_KF0004_and_no_exception()
    {
        Run(("flows/gone.yaml", null)).Select(Describe).ShouldBe(new[] { "/repo/flows/gone.yaml(1,1-1,1): error KF0004" });
    }

    [TestMethod]
    public void A_hard_coded_credential_is_reported_without_its_value()
    {
        const string flow = "id: db\nnamespace: company.team\ntasks:\n  - id: query\n    type: io.kestra.plugin.jdbc.postgresql.Query\n    url: jdbc:postgresql://db:5432/app\n    username: app\n    password: Sup3rS3cretValue!\n    sql: select 1\n";

        var diagnostics = Run(("flows/db.yaml", flow));

        diagnostics.ShouldContain(d => d.Id == "KF1009");
        diagnostics.ShouldAllBe(d => !d.GetMessage().Contains("Sup3rS3cretValue"));
    }
}
