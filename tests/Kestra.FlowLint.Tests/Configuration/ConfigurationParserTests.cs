using System.IO;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Configuration;

[TestClass]
public class ConfigurationParserTests
{
    private const string ConfigPath = "/repo/.flowlint.yaml";

    private static ConfigurationLoadResult Parse(string yaml) =>
        ConfigurationParser.Parse(new SourceText(yaml, ".flowlint.yaml"), ConfigPath, RuleCatalog.AllDescriptors());

    private static FlowLintConfiguration Valid(string yaml)
    {
        var result = Parse(yaml);
        result.Errors.Select(e => e.ToString()).ShouldBeEmpty();
        return result.Configuration!;
    }

    private static string[] Errors(string yaml)
    {
        var result = Parse(yaml);
        result.Configuration.ShouldBeNull("a configuration with errors must not be used");
        return result.Errors.Select(e => e.ToString()).ToArray();
    }

    private static DiagnosticDescriptor Rule(string id) => RuleCatalog.AllDescriptors().Single(d => d.Id == id);

    [TestMethod]
    public void Reads_every_section()
    {
        var config = Valid(
            "rules:\n" +
            "  KF3010: note\n" +
            "  KF3011: none\n" +
            "  KF1001: { severity: warning, options: { extraSensitiveNames: [pin, otp], threshold: 3, strict: true } }\n" +
            "  KF3001:\n" +
            "    options:\n" +
            "      allowedNamespaces: [company, 'company.team']\n" +
            "categories:\n" +
            "  Expressions: warning\n" +
            "include: [\"flows/**\"]\n" +
            "exclude: flows/legacy/**\n" +
            "limits:\n" +
            "  maxFileLength: 1_000_000\n" +
            "  maxDepth: 64\n" +
            "  maxAliasExpansion: 5000\n");
        config.Rules["KF3010"].Severity.ShouldBe(ConfiguredSeverity.Note);
        config.Rules["KF3011"].Severity.ShouldBe(ConfiguredSeverity.None);
        config.Rules["KF3001"].Severity.ShouldBeNull();
        config.CategorySeverities["Expressions"].ShouldBe(ConfiguredSeverity.Warning);
        config.Include.Select(p => p.Text).ShouldBe(new[] { "flows/**" });
        config.Exclude.Select(p => p.Text).ShouldBe(new[] { "flows/legacy/**" });
        config.Folder.ShouldBe(Path.GetDirectoryName(ConfigPath));

        var options = config.ToAnalyzerOptions();
        options.MaxFileLength.ShouldBe(1_000_000);
        options.MaxDepth.ShouldBe(64);
        options.MaxAliasExpansion.ShouldBe(5000);
        options.GetRuleOptionList("KF1001", "extraSensitiveNames").ShouldBe(new[] { "pin", "otp" });
        options.GetRuleOption("KF1001", "threshold").ShouldBe("3");
        options.GetRuleOption("KF1001", "strict").ShouldBe("true");
        options.GetRuleOptionList("KF3001", "allowedNamespaces").ShouldBe(new[] { "company", "company.team" });
        options.GetRuleOptionList("KF3001", "missing").ShouldBeEmpty();
    }

    [TestMethod]
    public void Empty_and_comment_only_files_are_the_default_configuration()
    {
        foreach (var yaml in new[] { "", "# nothing yet\n", "rules:\ncategories:\n" })
        {
            var config = Valid(yaml);
            config.Resolve(Rule("KF1001")).ShouldBe(DiagnosticSeverity.Error);
            config.ToAnalyzerOptions().MaxDepth.ShouldBe(AnalyzerOptions.Default.MaxDepth);
        }
    }

    [TestMethod]
    public void Severity_is_the_rule_setting_then_the_category_then_the_default()
    {
        var config = Valid(
            "rules:\n" +
            "  KF3001: note\n" +                       // rule setting wins over the category
            "  KF3010: { options: { a: b } }\n" +     // options only: the category applies
            "  KF1001: none\n" +
            "categories:\n" +
            "  Expressions: warning\n" +
            "  Structure: none\n");
        config.Resolve(Rule("KF3001")).ShouldBe(DiagnosticSeverity.Note);
        config.Resolve(Rule("KF3010")).ShouldBe(DiagnosticSeverity.Warning);
        config.Resolve(Rule("KF3011")).ShouldBe(DiagnosticSeverity.Warning);
        config.Resolve(Rule("KF1001")).ShouldBeNull();
        config.Resolve(Rule("KF4001")).ShouldBeNull();
        config.Resolve(Rule("KF0002")).ShouldBe(DiagnosticSeverity.Warning); // untouched: the default
    }

    [TestMethod]
    public void A_rule_off_by_default_is_turned_on_by_its_own_setting_only()
    {
        var offByDefault = new DiagnosticDescriptor("KF3999", "t", "m", "Expressions", DiagnosticSeverity.Warning, "d", isEnabledByDefault: false);
        var catalogue = RuleCatalog.AllDescriptors().Append(offByDefault).ToList();
        var byCategory = ConfigurationParser.Parse(new SourceText("categories: { Expressions: error }\n"), ConfigPath, catalogue).Configuration!;
        byCategory.Resolve(offByDefault).ShouldBeNull();
        var byRule = ConfigurationParser.Parse(new SourceText("rules: { KF3999: note }\n"), ConfigPath, catalogue).Configuration!;
        byRule.Resolve(offByDefault).ShouldBe(DiagnosticSeverity.Note);
        FlowLintConfiguration.Default.Resolve(offByDefault).ShouldBeNull();
    }

    [TestMethod]
    public void Unknown_keys_rule_ids_categories_and_severities_are_errors_with_suggestions()
    {
        Errors(
            "rule:\n" +
            "  KF1001: error\n" +
            "rules:\n" +
            "  KF1O01: warning\n" +
            "  kf3001: note\n" +
            "  KF3: note\n" +
            "  KF3010: warn\n" +
            "  KF3011: { severity: loud, option: {} }\n" +
            "categories:\n" +
            "  secrets: none\n" +
            "  Expressions: off\n" +
            "limits: { maxDepht: 3 }\n").ShouldBe(new[]
        {
            ".flowlint.yaml:1:1: error: unknown configuration key 'rule' (did you mean 'rules'?); expected one of: rules, categories, include, exclude, limits",
            ".flowlint.yaml:4:3: error: unknown rule 'KF1O01' (did you mean 'KF1001'?); `flowlint rules` lists them",
            ".flowlint.yaml:5:3: error: unknown rule 'kf3001' (did you mean 'KF3001'?); `flowlint rules` lists them",
            ".flowlint.yaml:6:3: error: unknown rule 'KF3'; `flowlint rules` lists them; a category is set under 'categories:'",
            ".flowlint.yaml:7:11: error: 'warn' is not a severity; expected error, warning, note or none (did you mean 'warning'?)",
            ".flowlint.yaml:8:23: error: 'loud' is not a severity; expected error, warning, note or none",
            ".flowlint.yaml:8:29: error: unknown rule setting 'option' (did you mean 'options'?); expected one of: severity, options",
            ".flowlint.yaml:10:3: error: unknown category 'secrets' (did you mean 'Secrets'?); expected one of: Secrets, Configuration, Expressions, Structure, Deprecations, FlowLint",
            ".flowlint.yaml:11:16: error: 'off' is not a severity; expected error, warning, note or none (did you mean 'none'?)",
            ".flowlint.yaml:12:11: error: unknown limit 'maxDepht' (did you mean 'maxDepth'?); expected one of: maxFileLength, maxDepth, maxAliasExpansion",
        });
    }

    [TestMethod]
    public void Wrong_shapes_and_values_are_errors_at_the_value()
    {
        Errors(
            "rules: [KF1001]\n" +
            "categories:\n" +
            "  Secrets:\n" +
            "include: { a: b }\n" +
            "exclude: [ok/**, '', 'C:/abs', 'a\\b']\n" +
            "limits:\n" +
            "  maxFileLength: 0\n" +
            "  maxDepth: 100000\n" +
            "  maxAliasExpansion: lots\n").ShouldBe(new[]
        {
            ".flowlint.yaml:1:8: error: expected a mapping of rule ids",
            ".flowlint.yaml:3:11: error: expected a severity: error, warning, note or none",
            ".flowlint.yaml:4:10: error: 'include' is a list of glob patterns, e.g. [\"flows/**\"]",
            ".flowlint.yaml:5:18: error: a glob pattern cannot be empty",
            ".flowlint.yaml:5:22: error: glob pattern 'C:/abs' is an absolute path; patterns are relative to the configuration's folder",
            ".flowlint.yaml:5:32: error: glob pattern 'a\\b' contains '\\'; separate folders with '/'",
            ".flowlint.yaml:7:18: error: 'maxFileLength' must be a whole number from 1 to 2147483647",
            ".flowlint.yaml:8:13: error: 'maxDepth' must be a whole number from 1 to 1024",
            ".flowlint.yaml:9:22: error: 'maxAliasExpansion' must be a whole number from 1 to 2147483647",
        });
    }

    [TestMethod]
    public void Options_must_be_values_or_lists_of_values()
    {
        Errors(
            "rules:\n" +
            "  KF1001:\n" +
            "    options:\n" +
            "      nested: { a: 1 }\n" +
            "      empty:\n" +
            "      list: [a, 'b,c', [d]]\n").ShouldBe(new[]
        {
            ".flowlint.yaml:4:15: error: option 'nested' needs a value: a scalar or a list of scalars",
            ".flowlint.yaml:5:13: error: option 'empty' needs a value: a scalar or a list of scalars",
            ".flowlint.yaml:6:17: error: an item of option 'list' cannot contain ','",
            ".flowlint.yaml:6:24: error: the items of option 'list' must be plain values",
        });
    }

    [TestMethod]
    public void Duplicates_a_non_mapping_root_extra_documents_and_yaml_syntax_errors()
    {
        Errors("rules: {}\nrules: {}\n").ShouldBe(new[] { ".flowlint.yaml:2:1: error: duplicate configuration key 'rules' (first set on line 1)" });
        Errors("rules:\n  KF1001: note\n  KF1001: error\n").ShouldBe(new[] { ".flowlint.yaml:3:3: error: duplicate rule id 'KF1001' (first set on line 2)" });
        Errors("- rules\n").ShouldBe(new[] { ".flowlint.yaml:1:1: error: a configuration is a mapping with the keys rules, categories, include, exclude, limits" });
        Errors("rules: {}\n---\nrules: {}\n").ShouldBe(new[] { ".flowlint.yaml:2:1: error: a configuration file holds one YAML document; remove the '---' and what follows, or merge it into the first" });
        Errors("rules:\n  KF1001: \"unclosed\n").ShouldBe(new[] { ".flowlint.yaml:2:11: error: invalid YAML: While scanning a quoted scalar, found unexpected end of stream." });
        Errors("rules:\n  KF1001: {}\n").ShouldBe(new[] { ".flowlint.yaml:2:11: error: the setting of KF1001 is empty; give a severity, or { severity: …, options: { … } }" });
    }

    [TestMethod]
    public void Crlf_configuration_errors_have_the_same_positions()
    {
        const string yaml = "# comment\nrules:\n  KF3010: warn\n";
        Errors(yaml.Replace("\n", "\r\n")).ShouldBe(Errors(yaml));
        Errors(yaml).ShouldBe(new[] { ".flowlint.yaml:3:11: error: 'warn' is not a severity; expected error, warning, note or none (did you mean 'warning'?)" });
    }
}
