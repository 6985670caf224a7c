using System.Text.RegularExpressions;
using Kestra.FlowLint.Knowledge;

namespace Kestra.FlowLint.Tests.Knowledge;

/// <summary>
/// Id rules check values with two character tables instead of a regular expression; the schema's pattern,
/// matched whole as Jakarta's @Pattern does, is the reference.
/// </summary>
[TestClass]
public class IdRuleTests
{
    private static readonly IdRule[] Rules =
    {
        FlowSchema.FlowId, FlowSchema.Namespace, FlowSchema.TaskId, FlowSchema.TriggerId,
        FlowSchema.InputId, FlowSchema.OutputId, FlowSchema.WorkerGroupKey,
    };

    [TestMethod]
    public void Every_id_rule_accepts_exactly_what_its_pattern_matches_whole()
    {
        const string alphabet = "aZz09._-/ \t\n$^[]\\éİ\u212A";
        var random = new Random(20261204);
        foreach (var rule in Rules)
        {
            var reference = new Regex("^(?:" + rule.Pattern.TrimStart('^').TrimEnd('$') + ")\\z", RegexOptions.CultureInvariant);
            for (int n = 0; n < 5_000; n++)
            {
                var chars = new char[random.Next(0, 8)];
                for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
                string value = new(chars);
                bool expected = value.Length > 0 && (rule.MaxLength is not int max || value.Length <= max) && reference.IsMatch(value);
                rule.IsValid(value).ShouldBe(expected, $"{rule.What}: '{value}'");
            }
        }
    }

    [TestMethod]
    public void A_value_with_a_final_line_break_is_not_an_id()
    {
        // `id: |` keeps the line break; Java's matcher rejects it, where .NET's `$` alone would have allowed it.
        FlowSchema.TaskId.IsValid("hello\n").ShouldBeFalse();
        FlowSchema.TaskId.Regex.IsMatch("hello\n").ShouldBeFalse();
        FlowSchema.TaskId.IsValid("hello").ShouldBeTrue();
        FlowSchema.Namespace.IsValid("Company.team").ShouldBeFalse();
        FlowSchema.FlowId.IsValid(new string('a', 101)).ShouldBeFalse();
    }
}
