using System.IO;
using System.Globalization;
using System.Text.RegularExpressions;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules;

/// <summary>The catalogue's invariants, checked for every rule including those added later.</summary>
[TestClass]
public class CatalogTests
{
    private const string RegenerateCommand = "dotnet run --project analyzer/flowlint -f net10.0 -- rules --format markdown > rules.md";

    [TestMethod]
    public void Every_analyzer_class_is_listed_in_the_catalogue()
    {
        // The catalogue is kept by hand (no reflection at run time, for NativeAOT); this is what keeps it complete.
        var listed = RuleCatalog.CreateAnalyzers().Select(a => a.GetType()).ToHashSet();
        var defined = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => typeof(FlowAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        defined.ShouldNotBeEmpty();
        var missing = defined.Where(t => !listed.Contains(t)).Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty("add these analyzers to RuleCatalog.CreateAnalyzers()");
        RuleCatalog.CreateAnalyzers().Select(a => a.GetType()).Distinct().Count().ShouldBe(RuleCatalog.CreateAnalyzers().Count, "an analyzer is listed twice");
    }

    [TestMethod]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = RuleCatalog.AllDescriptors().Select(d => d.Id).ToList();
        ids.Where(id => !Regex.IsMatch(id, @"^KF\d{4}$")).ShouldBeEmpty("ids are KF and four digits");
        ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("ids are never reused");
    }

    [TestMethod]
    public void Each_id_range_has_its_category()
    {
        var expected = new Dictionary<char, string>
        {
            ['0'] = EngineDiagnostics.Category, ['1'] = "Secrets", ['2'] = "Configuration", ['3'] = "Expressions", ['4'] = "Structure", ['5'] = "Deprecations",
        };
        var wrong = RuleCatalog.AllDescriptors()
            .Where(d => !expected.TryGetValue(d.Id[2], out var category) || d.Category != category)
            .Select(d => $"{d.Id} ({d.Category})").ToList();
        wrong.ShouldBeEmpty("KF0xxx FlowLint, KF1xxx Secrets, KF2xxx Configuration, KF3xxx Expressions, KF4xxx Structure, KF5xxx Deprecations");
    }

    [TestMethod]
    public void Every_security_rule_has_a_security_severity_in_range()
    {
        var wrong = RuleCatalog.AllDescriptors()
            .Where(d => d.Id.StartsWith("KF1", StringComparison.Ordinal) || d.Id.StartsWith("KF2", StringComparison.Ordinal))
            .Where(d => !(double.TryParse(d.SecuritySeverity, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 && s <= 10))
            .Select(d => $"{d.Id} ({d.SecuritySeverity ?? "none"})").ToList();
        wrong.ShouldBeEmpty("GitHub code scanning needs security-severity, a number in (0, 10], on every security rule");
    }

    [TestMethod]
    public void Every_help_link_points_at_the_rules_section()
    {
        RuleCatalog.AllDescriptors().Where(d => !d.HelpUri.EndsWith("#" + d.Id.ToLowerInvariant(), StringComparison.Ordinal))
            .Select(d => d.Id).ShouldBeEmpty();
    }

    [TestMethod]
    public void Every_rule_documents_why_with_a_title_and_description()
    {
        RuleCatalog.AllDescriptors().Where(d => string.IsNullOrWhiteSpace(d.Title) || string.IsNullOrWhiteSpace(d.Description) || string.IsNullOrWhiteSpace(d.MessageFormat))
            .Select(d => d.Id).ShouldBeEmpty();
    }

    [TestMethod]
    public void Every_documented_example_does_what_it_says()
    {
        // Runs each rule's bad example through every analyzer, as a user would see it: the bad one must report
        // the rule, the good one must not. Rules added later are covered without touching this test.
        var problems = new List<string>();
        foreach (var d in RuleCatalog.AllDescriptors())
        {
            if (d.BadExample is not null && !RuleVerifier.Analyze(d.BadExample, "example.yaml").Any(f => f.Id == d.Id))
                problems.Add($"{d.Id}: its bad example is not reported");
            if (d.GoodExample is not null)
            {
                var reported = RuleVerifier.Analyze(d.GoodExample, "example.yaml").Where(f => f.Id == d.Id).ToList();
                if (reported.Count > 0) problems.Add($"{d.Id}: its good example is reported: {reported[0]}");
            }
        }
        problems.ShouldBeEmpty();
    }

    [TestMethod]
    public void Every_rule_about_flows_or_configuration_has_a_bad_and_a_good_example()
    {
        var undocumented = RuleCatalog.AllDescriptors()
            .Where(d => d.Id[2] is >= '1' and <= '5')
            .Where(d => d.BadExample is null || d.GoodExample is null)
            .Select(d => d.Id).ToList();
        undocumented.ShouldBeEmpty("every KF1xxx–KF5xxx rule needs badExample and goodExample in its descriptor (they become rules.md and are tested)");
    }

    [TestMethod]
    public void Rules_md_is_up_to_date()
    {
        string path = Path.Combine(TestPaths.SolutionFolder, "rules.md");
        File.Exists(path).ShouldBeTrue("rules.md is missing; generate it with: " + RegenerateCommand);
        string committed = File.ReadAllText(path).Replace("\r\n", "\n");
        string generated = RulesMarkdown.Render(RuleCatalog.AllDescriptors());
        (committed == generated).ShouldBeTrue("rules.md is stale; regenerate it with: " + RegenerateCommand);
    }
}
