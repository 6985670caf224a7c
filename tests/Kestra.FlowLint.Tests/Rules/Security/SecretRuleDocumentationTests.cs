using System.Globalization;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules.Security;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Security;

/// <summary>The documented examples of the secret rules are what users copy: the bad one must trigger its rule, the good one must not.</summary>
[TestClass]
public class SecretRuleDocumentationTests
{
    public static IEnumerable<object[]> Rules() => new[]
    {
        TransformedSecretAnalyzer.Rule,
        RootNamespaceSecretAnalyzer.Rule,
        SecretInOutputAnalyzer.Rule,
        SecretInLabelsAnalyzer.Rule,
        SecretPlacementAnalyzer.Rule,
    }.Select(r => new object[] { r });

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Bad_example_triggers_the_rule_and_good_example_does_not(DiagnosticDescriptor rule)
    {
        RuleVerifier.Analyze(rule.BadExample!).Where(d => d.Id == rule.Id).ShouldNotBeEmpty();
        RuleVerifier.Analyze(rule.GoodExample!).Where(d => d.Id == rule.Id).ShouldBeEmpty();
    }

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Descriptor_is_complete_for_code_scanning(DiagnosticDescriptor rule)
    {
        rule.Category.ShouldBe("Secrets");
        rule.Tags.ShouldContain("security");
        rule.Description.Length.ShouldBeGreaterThan(200);
        double severity = double.Parse(rule.SecuritySeverity!, NumberStyles.Float, CultureInfo.InvariantCulture);
        severity.ShouldBeGreaterThan(0);
        severity.ShouldBeLessThanOrEqualTo(10);
        rule.SecuritySeverity.ShouldBe(severity.ToString("0.0", CultureInfo.InvariantCulture));
    }
}
