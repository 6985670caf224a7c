using System.Text.Json;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Tests.Cli;

namespace Kestra.FlowLint.Tests.Reporting;

[TestClass]
[DoNotParallelize]
public class RulesOutputTests
{
    [TestMethod]
    public void Rules_json_lists_every_descriptor_with_every_property()
    {
        var (code, stdout, _) = CliRunner.Run("rules", "--format", "json");
        code.ShouldBe(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("version").GetInt32().ShouldBe(1);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        var descriptors = RuleCatalog.AllDescriptors();
        rules.Select(r => r.GetProperty("id").GetString()).ShouldBe(descriptors.Select(d => d.Id));
        rules.ShouldAllBe(r => r.EnumerateObject().Select(p => p.Name).SequenceEqual(new[]
        {
            "id", "title", "messageFormat", "category", "defaultSeverity", "enabledByDefault", "helpUri", "description",
            "tags", "securitySeverity", "examples",
        }));

        var kf1001 = rules.Single(r => r.GetProperty("id").GetString() == "KF1001");
        kf1001.GetProperty("defaultSeverity").GetString().ShouldBe("error");
        kf1001.GetProperty("enabledByDefault").GetBoolean().ShouldBeTrue();
        kf1001.GetProperty("securitySeverity").GetString().ShouldBe("8.5");
        kf1001.GetProperty("helpUri").GetString().ShouldEndWith("rules.md#kf1001");
        kf1001.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldContain("security");
        kf1001.GetProperty("examples").GetProperty("bad").GetString()!.ShouldContain("secret('GITHUB_TOKEN')");
        var kf0001 = rules.Single(r => r.GetProperty("id").GetString() == "KF0001");
        kf0001.GetProperty("securitySeverity").ValueKind.ShouldBe(JsonValueKind.Null);
        kf0001.GetProperty("examples").GetProperty("bad").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [TestMethod]
    public void Rules_text_lists_one_rule_per_line()
    {
        var (code, stdout, _) = CliRunner.Run("rules");
        code.ShouldBe(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(RuleCatalog.AllDescriptors().Count);
        lines.ShouldContain("KF1001  error    Secrets        Secret written to the logs");
    }

    [TestMethod]
    public void Rules_markdown_from_the_cli_is_what_rules_md_is_generated_from()
    {
        var (code, stdout, _) = CliRunner.Run("rules", "--format", "markdown");
        code.ShouldBe(0);
        stdout.ShouldBe(RulesMarkdown.Render(RuleCatalog.AllDescriptors()));
    }

    [TestMethod]
    public void Markdown_heads_each_rule_with_its_bare_id_so_help_anchors_land()
    {
        string markdown = RulesMarkdown.Render(RuleCatalog.AllDescriptors());
        foreach (var d in RuleCatalog.AllDescriptors())
        {
            markdown.ShouldContain("\n## " + d.Id + "\n");
            markdown.ShouldContain("| [" + d.Id + "](#" + d.Id.ToLowerInvariant() + ") |");
        }
    }

    [TestMethod]
    public void Markdown_fences_an_example_that_contains_backticks_with_a_longer_fence()
    {
        var d = new DiagnosticDescriptor("KF9009", "T | pipe", "m", "Test", DiagnosticSeverity.Note, "Why.",
            badExample: "message: \"```\"\n", goodExample: "message: ok\n");
        string markdown = RulesMarkdown.Render(new[] { d });
        markdown.ShouldContain("| [KF9009](#kf9009) | T \\| pipe | Test | note |  |\n");
        markdown.ShouldContain("\nReported:\n\n````yaml\nmessage: \"```\"\n````\n");
        markdown.ShouldContain("\nFine:\n\n```yaml\nmessage: ok\n```\n");
    }
}
