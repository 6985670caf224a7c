using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class InvalidInputAnalyzerTests
{
    private const string Tasks = "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [TestMethod]
    public void Unknown_and_missing_types_in_every_scalar_style() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: plain
            type: {|KF4017:STRNG|}
          - id: single
            type: '{|KF4017:string|}'
          - id: double
            type: "{|KF4017:FOO|}"
          - id: {|KF4017:untyped|}
            description: "type: FOO"
          - id: ok_bool
            type: BOOL
          - id: ok_boolean
            type: BOOLEAN
          - id: ok_templated
            type: "{{ vars.t }}"
        """ + "\n" + Tasks, "KF4017");

    [TestMethod]
    public void Every_1x_input_type_is_known() => RuleVerifier.Verify("id: f\nnamespace: company.team\ninputs:\n" + string.Concat(
        new[] { "STRING", "INT", "FLOAT", "BOOL", "BOOLEAN", "DATETIME", "DATE", "TIME", "DURATION", "JSON", "YAML", "URI", "EMAIL", "SECRET" }
            .Select((t, i) => $"  - id: i{i}\n    type: {t}\n"))
        + "  - id: sel\n    type: SELECT\n    values: [a, b]\n  - id: multi\n    type: MULTISELECT\n    expression: \"{{ kv('choices') }}\"\n"
        + "  - id: old_enum\n    type: ENUM\n    values: [a]\n  - id: arr\n    type: ARRAY\n    itemType: INT\n"
        + "  - id: file\n    type: FILE\n    defaults: nsfile:///data/input.csv\n  - id: file2\n    type: FILE\n" + Tasks, "KF4017");

    [TestMethod]
    public void File_defaults_array_item_types_and_choices() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: file
            type: FILE
            {|KF4017:defaults|}: something
          - id: arr_none
            type: {|KF4017:ARRAY|}
          - id: arr_nested
            type: ARRAY
            itemType: {|KF4017:ARRAY|}
          - id: arr_typo
            type: ARRAY
            itemType: '{|KF4017:STRNG|}'
          - id: select
            type: {|KF4017:SELECT|}
            description: choose
          - id: multi
            type: {|KF4017:MULTISELECT|}
            values: null
          - id: multi_old_options
            type: MULTISELECT
            options: [a, b]
          - id: enum
            type: {|KF4017:ENUM|}
        """ + "\n" + Tasks, "KF4017");

    [TestMethod]
    public void Unknown_type_suggests_the_enum_value_and_the_fix_keeps_the_quotes()
    {
        string yaml = "id: f\nnamespace: company.team\ninputs:\n  - id: name\n    type: 'string'\n" + Tasks;
        var finding = RuleVerifier.Analyze(yaml).Single(d => d.Id == "KF4017");
        finding.Message.ShouldBe("Input 'name' has an unknown type 'string' (did you mean 'STRING'?)");
        string fixedText = StructureFixes.Apply(yaml, finding.Fixes.Single());
        fixedText.ShouldContain("    type: 'STRING'\n");
        RuleVerifier.Analyze(fixedText).Where(d => d.Id == "KF4017").ShouldBeEmpty();
    }
}
