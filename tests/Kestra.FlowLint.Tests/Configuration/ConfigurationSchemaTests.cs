using System.IO;
using System.Text.Json;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Tests.Cli;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Configuration;

[TestClass]
[DoNotParallelize]
public class ConfigurationSchemaTests
{
    private const string Regenerate = "dotnet run --project analyzer/flowlint -f net10.0 -- schema > schemas/flowlint.schema.json";

    [TestMethod]
    public void The_committed_schema_is_what_flowlint_schema_prints()
    {
        var (code, stdout, _) = CliRunner.Run("schema");
        code.ShouldBe(0);
        string committed = File.ReadAllText(Path.Combine(TestPaths.SolutionFolder, "schemas", "flowlint.schema.json")).Replace("\r\n", "\n");
        // A plain comparison: a diff of two 300-line files would bury the one thing to do.
        (committed == stdout).ShouldBeTrue($"schemas/flowlint.schema.json is stale (a rule was added or changed); regenerate it with: {Regenerate}");
    }

    [TestMethod]
    public void Every_rule_of_the_catalogue_is_a_property_with_its_title_and_the_severities()
    {
        using var schema = JsonDocument.Parse(ConfigurationSchema.Generate(RuleCatalog.AllDescriptors()));
        var root = schema.RootElement;
        root.GetProperty("$schema").GetString().ShouldBe("http://json-schema.org/draft-07/schema#");
        var rules = root.GetProperty("properties").GetProperty("rules");
        rules.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        var ids = rules.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        ids.ShouldBe(RuleCatalog.AllDescriptors().Select(d => d.Id).ToList());
        ids.ShouldContain(EngineDiagnostics.UnusedSuppression.Id);
        rules.GetProperty("properties").GetProperty("KF1001").GetProperty("description").GetString()
            .ShouldBe("Secret written to the logs (Secrets; default: error)");

        var severities = root.GetProperty("definitions").GetProperty("severity").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray();
        severities.ShouldBe(new[] { "error", "warning", "note", "none" });
        root.GetProperty("properties").GetProperty("categories").GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .ShouldBe(new[] { "Secrets", "Configuration", "Expressions", "Structure", "Deprecations", "FlowLint" });
        root.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(ConfigurationParser.RootKeys);
    }

    [TestMethod]
    public void Every_category_of_the_catalogue_can_be_configured()
    {
        foreach (var d in RuleCatalog.AllDescriptors())
            FlowLintConfiguration.Categories.ShouldContain(d.Category, $"{d.Id}'s category");
    }

    [TestMethod]
    public void The_readme_example_is_a_valid_configuration()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.SolutionFolder, "README.md")).Replace("\r\n", "\n");
        int section = readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal);
        section.ShouldBeGreaterThan(0);
        int start = readme.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        string example = readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        var result = ConfigurationParser.Parse(new Text.SourceText(example, ".flowlint.yaml"), "/repo/.flowlint.yaml", RuleCatalog.AllDescriptors());
        result.Errors.Select(e => e.ToString()).ShouldBeEmpty();
        result.Configuration!.Rules.Count.ShouldBeGreaterThan(0);
    }
}
