using Kestra.FlowLint.Rules.Structure;
using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class InvalidValidatorRegexAnalyzerTests
{
    private const string Tasks = "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";

    [TestMethod]
    public void Invalid_patterns_are_reported_at_the_offending_character_in_every_style() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        inputs:
          - id: trailing_backslash
            type: STRING
            validator: {|KF4018:\|}
          - id: unclosed_group
            type: STRING
            validator: '(ab{|KF4018:c|}'
          - id: nothing_to_repeat
            type: SECRET
            validator: "{|KF4018:*|}abc"
          - id: java_brace
            type: STRING
            validator: '^\$\{?[a-z]+{|KF4018:{|}name}$'
          - id: block
            type: STRING
            validator: |-
              [a-z]+{|KF4018:)|}
        """ + "\n" + Tasks, "KF4018");

    [TestMethod]
    public void Valid_java_patterns_with_java_only_syntax_are_not_reported() => RuleVerifier.Verify("id: f\nnamespace: company.team\ninputs:\n" + string.Concat(
        new[]
        {
            @"^[a-z]++$", @"a*+b?+c{2}+", @"\Qa.b(c\E[0-9]+", @"\Qunterminated(",
            @"\p{javaLowerCase}+", @"\p{Alpha}\p{IsLatin}\P{InGreek}\pL", @"[\p{Punct}&&[^.]]",
            @"\h+\R\X", @"\x{1F600}", @"(?U)\w+", @"(?idu:abc)", @"(?>atomic)", @"(?<year>\d{4})-\k<year>",
            @"\_", "^[A-Z]{3}$", @"a{2,}b{1,3}\{x\}[{}]", @"\p{Lu}{2}",
        }.Select((p, i) => $"  - id: v{i}\n    type: STRING\n    validator: '{p.Replace("'", "''")}'\n")) + Tasks, "KF4018");

    [TestMethod]
    public void Message_gives_the_reason_without_repeating_the_pattern()
    {
        string yaml = "id: f\nnamespace: company.team\ninputs:\n  - id: code\n    type: STRING\n    validator: \"[A-Z\"\n" + Tasks;
        var finding = RuleVerifier.Analyze(yaml).Single(d => d.Id == "KF4018");
        finding.Message.ShouldStartWith("The validator of input 'code' is not a valid regular expression: ");
        finding.Message.ShouldNotContain("[A-Z");
    }

    [TestMethod]
    public void Translation_keeps_positions_when_nothing_java_only_was_rewritten()
    {
        JavaRegex.Translate("[a-z]+(x)").ShouldBe(("[a-z]+(x)", true));
        JavaRegex.Translate("a++").Exact.ShouldBeFalse();
        JavaRegex.Check("\\Q(\\E").ShouldBeNull();
        JavaRegex.Check("(").ShouldNotBeNull();
    }
}
