using System.IO;
using System.Text.Json;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Reporting.Sarif;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;
using static Kestra.FlowLint.Tests.Sarif.ReportFixture;

namespace Kestra.FlowLint.Tests.Sarif;

[TestClass]
public class SarifWriterTests
{
    private const string SecretInLog =
        "id: deploy\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: debug\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: \"Token: {{ secret('GITHUB_TOKEN') }}\"\n";

    private const string RemovedTag =
        "id: hello\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: greet\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: \"{% include 'header' %}\"\n";

    [TestMethod]
    public void Every_catalogue_rule_is_described_even_if_it_did_not_fire()
    {
        string root = NewRepository();
        var log = ToSarif(Report(root, Analyze(root, ("flows/clean.yaml", "id: a\nnamespace: b\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"))));
        var driver = Run(log).GetProperty("tool").GetProperty("driver");
        driver.Property("name").ShouldBe("FlowLint");
        driver.Property("informationUri").ShouldBe("https://github.com/kestra-flowlint/flowlint");
        driver.Property("semanticVersion")!.ShouldMatch(@"^\d+\.\d+\.\d+");

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.Property("id")).ShouldBe(RuleCatalog.AllDescriptors().Select(d => d.Id).ToList(), "every rule, sorted by id");
        foreach (var rule in rules)
        {
            var descriptor = RuleCatalog.AllDescriptors().Single(d => d.Id == rule.Property("id"));
            rule.Property("name")!.ShouldMatch("^[A-Z][A-Za-z0-9]*$");
            rule.Property("shortDescription", "text").ShouldBe(descriptor.Title);
            rule.Property("fullDescription", "text")!.Length.ShouldBeInRange(1, 1024);
            rule.Property("help", "text")!.ShouldContain(descriptor.Description.Trim());
            rule.Property("helpUri").ShouldBe(descriptor.HelpUri);
            rule.Property("defaultConfiguration", "level").ShouldBe(descriptor.DefaultSeverity.ToText());
            if (descriptor.BadExample is not null)
                rule.Property("help", "markdown")!.ShouldContain("```yaml\n" + descriptor.BadExample.TrimEnd('\n') + "\n```");
            var tags = rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            bool security = descriptor.Id.StartsWith("KF1", StringComparison.Ordinal) || descriptor.Id.StartsWith("KF2", StringComparison.Ordinal);
            tags.Contains("security").ShouldBe(security, descriptor.Id);
            string? securitySeverity = rule.Property("properties", "security-severity");
            if (security)
                double.Parse(securitySeverity!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(0.1, 10.0);
            else
                securitySeverity.ShouldBeNull(descriptor.Id);
        }
        Results(log).ShouldBeEmpty();
        Run(log).GetProperty("results").ValueKind.ShouldBe(JsonValueKind.Array, "an empty results array is what closes fixed alerts");
    }

    [TestMethod]
    public void A_result_has_its_exact_region_a_root_relative_uri_and_a_fingerprint()
    {
        string root = NewRepository();
        var log = ToSarif(Report(root, Analyze(root, ("flows/deploy.yaml", SecretInLog))));
        var run = Run(log);
        run.Property("columnKind").ShouldBe("utf16CodeUnits");
        run.Property("originalUriBaseIds", "%SRCROOT%", "uri").ShouldBe(new Uri(root + "/").AbsoluteUri);
        run.Property("originalUriBaseIds", "%SRCROOT%", "uri")!.ShouldEndWith("/");

        var result = Results(log).Single();
        result.Property("ruleId").ShouldBe("KF1001");
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules[result.GetProperty("ruleIndex").GetInt32()].Property("id").ShouldBe("KF1001");
        result.Property("level").ShouldBe("error");
        result.Property("message", "text").ShouldBe("secret('GITHUB_TOKEN') is written to the logs by task 'debug'");
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        artifact.Property("uri").ShouldBe("flows/deploy.yaml");
        artifact.Property("uriBaseId").ShouldBe("%SRCROOT%");
        // Line 6 is `    message: "Token: {{ secret('GITHUB_TOKEN') }}"`; the call spans columns 25 to 46.
        RegionText(result).ShouldBe("6:25-6:47");
        Region(result).TryGetProperty("snippet", out _).ShouldBeFalse("security findings carry no snippet: their text may be a credential");
        result.Property("partialFingerprints", SarifFingerprint.Key)!.ShouldMatch("^[0-9a-f]{32}$");
        result.GetProperty("partialFingerprints").TryGetProperty("primaryLocationLineHash", out _).ShouldBeFalse("upload-sarif computes it from the checkout");
    }

    [TestMethod]
    public void Non_security_findings_carry_the_flagged_text_as_snippet()
    {
        string root = NewRepository();
        var result = Results(ToSarif(Report(root, Analyze(root, ("flows/hello.yaml", RemovedTag))))).Single();
        result.Property("ruleId").ShouldBe("KF3010");
        RegionText(result).ShouldBe("6:18-6:25");
        Region(result).Property("snippet", "text").ShouldBe("include");
    }

    [TestMethod]
    public void Columns_count_utf16_units_and_non_ascii_text_is_written_as_is()
    {
        string root = NewRepository();
        const string flow =
            "id: accents\n" +
            "namespace: company.team\n" +
            "tasks:\n" +
            "  - id: journalisé\n" +
            "    type: io.kestra.plugin.core.log.Log\n" +
            "    message: \"😀 é {{ secret('CLÉ') }}\"\n";
        var report = Report(root, Analyze(root, ("flows/été 2025.yaml", flow)));
        string json = new SarifReportWriter().Serialize(report);
        // 'journalisé' also breaks Kestra's task id pattern (KF4003); this test is about KF1001's columns.
        var result = Results(JsonDocument.Parse(json).RootElement).Single(r => r.Property("ruleId") == "KF1001");
        // The emoji is one code point but two UTF-16 units: `"` is column 14, 😀 15-16, é 18, secret( 23.
        RegionText(result).ShouldBe("6:23-6:36");
        result.Property("message", "text").ShouldBe("secret('CLÉ') is written to the logs by task 'journalisé'");
        json.ShouldContain("task 'journalisé'", Case.Sensitive, "non-ASCII is not \\u-escaped");
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").Property("uri")
            .ShouldBe("flows/%C3%A9t%C3%A9%202025.yaml", "a URI reference: UTF-8 percent-encoded, space included");
    }

    [TestMethod]
    public void The_file_is_utf8_without_a_byte_order_mark()
    {
        string root = NewRepository();
        File.WriteAllText(Path.Combine(root, "flow.yaml"), RemovedTag.Replace("hello", "héllo"));
        var (code, _, _) = Cli.CliRunner.RunIn(root, "", "check", ".", "--format", "sarif", "-o", "out.sarif");
        code.ShouldBe(1);
        var bytes = File.ReadAllBytes(Path.Combine(root, "out.sarif"));
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        bytes[0].ShouldBe((byte)'{');
        new System.Text.UTF8Encoding(false, true).GetString(bytes).ShouldContain("\"uri\": \"flow.yaml\"");
    }

    [TestMethod]
    public void Suppressed_findings_are_left_out_unless_asked_for_and_then_say_how_they_were_suppressed()
    {
        string root = NewRepository();
        var found = Analyze(root, ("flows/deploy.yaml", SecretInLog), ("flows/hello.yaml", RemovedTag));
        found.Count.ShouldBe(2);
        var diagnostics = new List<Diagnostic>
        {
            found[0].WithSuppression(SuppressionKind.InSource, "the token is a public demo value"),
            found[1].WithSuppression(SuppressionKind.External, "Recorded in the baseline .flowlint-baseline.json"),
        };

        Results(ToSarif(Report(root, diagnostics))).ShouldBeEmpty("GitHub ignores suppressions and would open alerts");

        var kept = Results(ToSarif(Report(root, diagnostics, includeSuppressed: true)));
        kept.Count.ShouldBe(2);
        var inSource = kept.Single(r => r.Property("ruleId") == "KF1001").GetProperty("suppressions")[0];
        inSource.Property("kind").ShouldBe("inSource");
        inSource.Property("justification").ShouldBe("the token is a public demo value");
        var external = kept.Single(r => r.Property("ruleId") == "KF3010").GetProperty("suppressions")[0];
        external.Property("kind").ShouldBe("external");
        external.Property("justification").ShouldBe("Recorded in the baseline .flowlint-baseline.json");
    }

    [TestMethod]
    public void A_crashing_rule_is_a_result_and_a_tool_execution_notification()
    {
        string root = NewRepository();
        var analyzers = new List<FlowAnalyzer>(RuleCatalog.CreateAnalyzers()) { new ThrowingAnalyzer() };
        var log = ToSarif(Report(root, Analyze(root, analyzers, ("flows/hello.yaml", RemovedTag))));
        var invocation = Run(log).GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeFalse();
        var notification = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Single();
        notification.Property("level").ShouldBe("error");
        notification.Property("message", "text").ShouldBe("Rule KF9901 failed on this file with InvalidOperationException; its findings for this file are missing. Please report this.");
        notification.Property("associatedRule", "id").ShouldBe("KF0001");
        notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").Property("uri").ShouldBe("flows/hello.yaml");

        var results = Results(log);
        results.Select(r => r.Property("ruleId")).ShouldBe(new[] { "KF0001", "KF3010" }, "the other rules' findings are still there");
        RegionText(results[0]).ShouldBe("1:1-1:1");
    }

    [TestMethod]
    public void An_unreadable_file_is_a_notification_but_the_run_succeeded()
    {
        string root = NewRepository();
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var unreadable = driver.AnalyzeBytes(Path.Combine(root, "flows/binary.yaml"), new byte[] { 0x89, 0x50, 0x00, 0xFF });
        var log = ToSarif(Report(root, unreadable.Diagnostics.ToList()));
        var invocation = Run(log).GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
        invocation.GetProperty("toolExecutionNotifications")[0].Property("associatedRule", "id").ShouldBe("KF0004");
        Results(log).Single().Property("ruleId").ShouldBe("KF0004");
    }

    [TestMethod]
    public void Category_becomes_the_automation_id_with_a_trailing_slash()
    {
        string root = NewRepository();
        var diagnostics = Analyze(root, ("flows/hello.yaml", RemovedTag));
        Run(ToSarif(Report(root, diagnostics, category: "flowlint-flows"))).Property("automationDetails", "id").ShouldBe("flowlint-flows/");
        Run(ToSarif(Report(root, diagnostics, category: "monorepo/flows/"))).Property("automationDetails", "id").ShouldBe("monorepo/flows/");
        Run(ToSarif(Report(root, diagnostics))).TryGetProperty("automationDetails", out _).ShouldBeFalse("left to upload-sarif's category input");
    }

    [TestMethod]
    public void Fixes_become_artifact_changes_with_exact_replacements()
    {
        string root = NewRepository();
        const string flow = "id: old\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.core.tasks.log.Log\n    message: hi\n";
        var analyzers = new List<FlowAnalyzer>(RuleCatalog.CreateAnalyzers()) { new FixOfferingAnalyzer() };
        var log = ToSarif(Report(root, Analyze(root, analyzers, ("old.yaml", flow))));
        var result = Results(log).Single(r => r.Property("ruleId") == "KF9902");
        var rules = Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules[result.GetProperty("ruleIndex").GetInt32()].Property("id").ShouldBe("KF9902", "a rule outside the catalogue that reports is still described");
        var fix = result.GetProperty("fixes")[0];
        fix.Property("description", "text").ShouldBe("Use io.kestra.plugin.core.");
        var change = fix.GetProperty("artifactChanges")[0];
        change.GetProperty("artifactLocation").Property("uri").ShouldBe("old.yaml");
        var replacement = change.GetProperty("replacements")[0];
        var deleted = replacement.GetProperty("deletedRegion");
        // `    type: io.kestra.core.tasks.log.Log`: the prefix "io.kestra.core.tasks." is columns 11 to 31.
        $"{deleted.GetProperty("startLine")}:{deleted.GetProperty("startColumn")}-{deleted.GetProperty("endLine")}:{deleted.GetProperty("endColumn")}".ShouldBe("5:11-5:32");
        replacement.Property("insertedContent", "text").ShouldBe("io.kestra.plugin.core.");
    }

    [TestMethod]
    public void Past_the_result_limit_the_most_severe_are_kept_and_the_rest_is_reported()
    {
        string root = NewRepository();
        var errors = Analyze(root, ("a.yaml", RemovedTag), ("b.yaml", RemovedTag));
        var warnings = Analyze(root, ("c.yaml", RemovedTag)).Select(d => d.WithSeverity(DiagnosticSeverity.Warning));
        var notes = Analyze(root, ("d.yaml", RemovedTag)).Select(d => d.WithSeverity(DiagnosticSeverity.Note));
        var all = DiagnosticOrdering.Sort(errors.Concat(notes).Concat(warnings));
        var stderr = new StringWriter();
        var log = ToSarif(Report(root, all, log: stderr), new SarifLimits { MaxResults = 2 });

        Results(log).Select(r => r.Property("level")).ShouldBe(new[] { "error", "error" });
        const string said = "SARIF output keeps 2 of 4 results, the most severe, to stay within GitHub code scanning's limit of 2 results per run; left out: 0 error(s), 1 warning(s), 1 note(s). Run with --format text for the complete list.";
        var notification = Run(log).GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Single();
        notification.Property("message", "text").ShouldBe(said);
        notification.Property("level").ShouldBe("warning");
        stderr.ToString().ShouldBe("flowlint: " + said + Environment.NewLine);
    }

    [TestMethod]
    public void Past_the_result_limit_severity_then_security_severity_decide_and_report_order_breaks_ties()
    {
        string root = NewRepository();
        var low = new DiagnosticDescriptor("KF9101", "Low", "{0}", "Test", DiagnosticSeverity.Warning, "Test.", securitySeverity: "3.0");
        var high = new DiagnosticDescriptor("KF9102", "High", "{0}", "Test", DiagnosticSeverity.Warning, "Test.", securitySeverity: "8.5");
        var plain = new DiagnosticDescriptor("KF9103", "Plain", "{0}", "Test", DiagnosticSeverity.Warning, "Test.");
        var text = new SourceText("a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n", Path.Combine(root, "f.yaml"));
        Diagnostic At(DiagnosticDescriptor d, int line, string message) =>
            Diagnostic.Create(d, new Location(text, new TextSpan(line * 5, 1)), null, null, null, message);
        var all = DiagnosticOrdering.Sort(new[]
        {
            At(plain, 0, "plain 1"), At(low, 1, "low 1"), At(high, 2, "high 1"), At(low, 3, "low 2"),
            At(high, 4, "high 2"), At(plain, 5, "plain 2").WithSeverity(DiagnosticSeverity.Error),
        });

        var log = ToSarif(Report(root, all), new SarifLimits { MaxResults = 4 });

        // Kept: the error, both 8.5s, then the first 3.0 in report order; written in report order.
        Results(log).Select(r => r.Property("message", "text")).ShouldBe(new[] { "low 1", "high 1", "high 2", "plain 2" });
    }

    [TestMethod]
    public void Past_the_compressed_size_limit_results_are_dropped_until_the_file_fits()
    {
        string root = NewRepository();
        // The catalogue alone (every rule with its help) takes a good part of the limit, and grows with each rule. Many findings with distinct text, so gzip cannot squeeze them all under a small limit.
        var files = Enumerable.Range(0, 1000).Select(i => ($"f{i:D4}.yaml", RemovedTag.Replace("header", $"header-{Guid.NewGuid():N}"))).ToArray();
        var stderr = new StringWriter();
        var limits = new SarifLimits { MaxGzipBytes = 45_000 };
        string json = new SarifReportWriter(limits).Serialize(Report(root, Analyze(root, files), log: stderr));

        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Optimal, true))
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
        gzipped.Length.ShouldBeLessThanOrEqualTo(45_000);
        int kept = Results(JsonDocument.Parse(json).RootElement).Count;
        kept.ShouldBeInRange(1, 999);
        stderr.ToString().ShouldStartWith($"flowlint: SARIF output keeps {kept} of 1000 results, the most severe, to stay within GitHub code scanning's limit of 45,000 bytes (gzip-compressed) per SARIF file");
    }

    [TestMethod]
    public void A_log_that_is_checked_against_the_compressed_limit_is_written_whole_to_any_writer()
    {
        // Over the uncompressed bound, the log is held compressed until it is known to fit, then decompressed into
        // the output: as bytes into a UTF-8 stream, as characters into anything else; text around it stays in order.
        string root = NewRepository();
        var files = Enumerable.Range(0, 40).Select(i => ($"f{i:D2}.yaml", RemovedTag.Replace("header", $"header-é-{i}"))).ToArray();
        var report = Report(root, Analyze(root, files));
        var limits = new SarifLimits { MaxGzipBytes = 200_000 };
        string whole = new SarifReportWriter(SarifLimits.GitHub).Serialize(report);
        SarifReportWriter.GzipUpperBound(System.Text.Encoding.UTF8.GetByteCount(whole)).ShouldBeGreaterThan(limits.MaxGzipBytes, "the test must take the compressed path");

        new SarifReportWriter(limits).Serialize(report).ShouldBe(whole);
        foreach (var encoding in new System.Text.Encoding[] { new System.Text.UTF8Encoding(false), System.Text.Encoding.Unicode })
        {
            var stream = new MemoryStream();
            using (var writer = new StreamWriter(stream, encoding, 1024, leaveOpen: true))
            {
                writer.Write("before ");
                new SarifReportWriter(limits).Write(report, writer);
                writer.Write("after");
            }
            byte[] bytes = stream.ToArray();
            int preamble = encoding.GetPreamble().Length;
            encoding.GetString(bytes, preamble, bytes.Length - preamble).ShouldBe("before " + whole + "\nafter", encoding.EncodingName);
        }
    }

    [TestMethod]
    public void Files_outside_the_root_get_absolute_uris_and_a_warning()
    {
        string root = NewRepository();
        string elsewhere = NewRepository("flowlint-elsewhere");
        var stderr = new StringWriter();
        var diagnostics = Analyze(elsewhere, ("x.yaml", RemovedTag));
        var result = Results(ToSarif(Report(root, diagnostics, log: stderr))).Single();
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        artifact.Property("uri").ShouldBe(new Uri(Path.Combine(elsewhere, "x.yaml")).AbsoluteUri);
        artifact.TryGetProperty("uriBaseId", out _).ShouldBeFalse();
        stderr.ToString().ShouldContain("1 file(s) are outside the root");
    }

    [TestMethod]
    public void Output_is_identical_run_to_run()
    {
        string root = NewRepository();
        var files = new[] { ("flows/deploy.yaml", SecretInLog), ("flows/hello.yaml", RemovedTag) };
        string first = new SarifReportWriter().Serialize(Report(root, Analyze(root, files)));
        string second = new SarifReportWriter().Serialize(Report(root, Analyze(root, files.Reverse().ToArray())));
        second.ShouldBe(first);
        first.ShouldNotContain("\r");
    }

    [TestMethod]
    public void Rule_metadata_stays_within_github_limits()
    {
        var tags = Enumerable.Range(0, 30).Select(i => "tag" + i).ToArray();
        string description = string.Join(" ", Enumerable.Repeat("This sentence is part of a long description.", 40));
        var descriptor = new DiagnosticDescriptor("KF3999", "Long one", "m", "Expressions", DiagnosticSeverity.Note, description, isEnabledByDefault: false, tags: tags);
        var rule = SarifRules.Describe(descriptor, SarifLimits.GitHub);
        rule.Properties!.Tags.Count.ShouldBe(20);
        rule.FullDescription!.Text.Length.ShouldBeLessThanOrEqualTo(1024);
        rule.FullDescription.Text.ShouldEndWith("long description.", Case.Sensitive, "cut at a sentence end");
        rule.Help!.Text.ShouldContain(description, Case.Sensitive, "the help keeps the whole text");
        rule.DefaultConfiguration!.Enabled.ShouldBe(false);
        rule.DefaultConfiguration.Level.ShouldBe("note");
        rule.Properties.ProblemSeverity.ShouldBe("recommendation");
    }

    [TestMethod]
    public void Rule_names_are_pascal_case_titles()
    {
        SarifRules.PascalCase("Secret written to the logs").ShouldBe("SecretWrittenToTheLogs");
        SarifRules.PascalCase("Multi-line `{% raw %}` block").ShouldBe("MultiLineRawBlock");
        SarifRules.PascalCase("Don't use 2 tags").ShouldBe("DontUse2Tags");
        SarifRules.PascalCase("3 strikes").ShouldBe("Rule3Strikes");
    }

    [TestMethod]
    public void Security_severity_must_be_a_number_in_range_else_it_is_derived()
    {
        SarifRules.IsValidSecuritySeverity("8.5").ShouldBeTrue();
        SarifRules.IsValidSecuritySeverity("10").ShouldBeTrue();
        SarifRules.IsValidSecuritySeverity("0").ShouldBeFalse();
        SarifRules.IsValidSecuritySeverity("10.5").ShouldBeFalse();
        SarifRules.IsValidSecuritySeverity("high").ShouldBeFalse();
        SarifRules.IsValidSecuritySeverity("1e1").ShouldBeFalse();
        var noScore = new DiagnosticDescriptor("KF2999", "t", "m", "Configuration", DiagnosticSeverity.Warning, "d");
        SarifRules.SecuritySeverity(noScore).ShouldBe("5.5");
    }

    [TestMethod]
    public void Gzip_output_never_exceeds_the_bound_under_which_the_writer_skips_compressing()
    {
        // Random bytes do not compress: the worst case, where deflate falls back to stored blocks.
        var random = new Random(20240601);
        foreach (int length in new[] { 0, 1, 100, 65_535, 65_536, 300_000, 2_000_000 })
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            foreach (var level in new[] { System.IO.Compression.CompressionLevel.Optimal, System.IO.Compression.CompressionLevel.Fastest })
            {
                using var gzipped = new MemoryStream();
                using (var gzip = new System.IO.Compression.GZipStream(gzipped, level, true)) gzip.Write(bytes);
                gzipped.Length.ShouldBeLessThanOrEqualTo(SarifReportWriter.GzipUpperBound(length), $"{length} bytes at {level}");
            }
        }
    }

    [TestMethod]
    public void The_tool_version_is_the_assembly_informational_version_without_build_metadata()
    {
        // SarifReportWriter reads a constant written at build time; the attribute the compiler wrote is the reference.
        string informational = typeof(SarifReportWriter).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        SarifReportWriter.ToolVersion.ShouldBe(informational.Split('+')[0]);
        SarifReportWriter.WithoutBuildMetadata("1.2.3-beta.1+abc.def").ShouldBe("1.2.3-beta.1");
        SarifReportWriter.WithoutBuildMetadata("").ShouldBe("0.0.0");
    }

    [TestMethod]
    public void Help_indents_and_fences_examples_line_by_line_dropping_carriage_returns_and_trailing_line_breaks()
    {
        var descriptor = new DiagnosticDescriptor("KF3999", "t", "m", "Expressions", DiagnosticSeverity.Warning, " Why it matters. ",
            badExample: "a: 1\r\n\r\nb: ```x```\r\n\n\n", goodExample: "");
        var help = SarifRules.Describe(descriptor, SarifLimits.GitHub).Help!;
        help.Text.ShouldBe("Why it matters.\n\nReported:\n\n    a: 1\n    \n    b: ```x```\n\nFine:\n\n    \n\nDocumentation: " + descriptor.HelpUri + "\n");
        help.Markdown.ShouldBe("Why it matters.\n\n#### Reported\n\n````yaml\na: 1\r\n\r\nb: ```x```\r\n````\n\n#### Fine\n\n```yaml\n\n```\n\n"
            + "[KF3999 in the FlowLint rule reference](" + descriptor.HelpUri + ")\n");
    }

    [TestMethod]
    public void The_written_help_of_every_rule_is_the_help_Describe_gives()
    {
        // The writer renders help texts while writing JSON (never as strings); Describe builds them as strings.
        string root = NewRepository();
        var log = ToSarif(Report(root, Analyze(root, ("flows/clean.yaml", "id: a\nnamespace: b\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"))));
        var rules = Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.Count.ShouldBe(RuleCatalog.AllDescriptors().Count);
        foreach (var rule in rules)
        {
            var help = SarifRules.Describe(RuleCatalog.AllDescriptors().Single(d => d.Id == rule.Property("id")), SarifLimits.GitHub).Help!;
            rule.Property("help", "text").ShouldBe(help.Text, rule.Property("id"));
            rule.Property("help", "markdown").ShouldBe(help.Markdown, rule.Property("id"));
        }
    }

    [TestMethod]
    public void A_log_that_must_be_measured_compressed_is_written_as_a_streamed_one()
    {
        // Under the default limit the log streams out; with a limit just above its compressed size it is held,
        // gzip-measured, found to fit, and must come out the same.
        string root = NewRepository();
        var report = Report(root, Analyze(root, ("flows/deploy.yaml", SecretInLog), ("flows/hello.yaml", RemovedTag)));
        string streamed = new SarifReportWriter().Serialize(report);
        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Optimal, true))
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(streamed));
        string measured = new SarifReportWriter(new SarifLimits { MaxGzipBytes = gzipped.Length + 100 }).Serialize(report);
        measured.ShouldBe(streamed);
        Results(JsonDocument.Parse(streamed).RootElement).Count.ShouldBe(2);

        var written = new StringWriter();
        new SarifReportWriter().Write(report, written);
        written.ToString().ShouldBe(streamed + "\n");
    }
}
