using Kestra.FlowLint.Tests.Support;

namespace Kestra.FlowLint.Tests.Rules.Structure;

[TestClass]
public class DuplicateKeyAnalyzerTests
{
    [TestMethod]
    public void Kestra_duplicate_key_test_flow() => RuleVerifier.Verify("""
        id: duplicate-key
        namespace: io.kestra.tests
        tasks:
          - id: bad-task
            type: "io.kestra.plugin.core.state.Set"
            data:
              variables.tf: |
                test
              {|KF4008:variables.tf|}: |
                test
            name: "unit"
        """, "KF4008");

    [TestMethod]
    public void Keys_compare_after_unquoting_at_every_level_and_in_flow_mappings() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        "{|KF4008:id|}": g
        labels: {team: a, '{|KF4008:team|}': b}
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: one
            {|KF4008:message|}: two
            {|KF4008:message|}: three
        """, "KF4008");

    [TestMethod]
    public void Merge_keys_and_overrides_of_merged_keys_are_not_duplicates() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        variables:
          base: &base
            a: 1
          other: &other
            b: 2
          derived:
            <<: *base
            <<: *other
            a: 3
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        """, "KF4008");

    [TestMethod]
    public void Same_keys_in_sibling_mappings_and_comments_are_quiet() => RuleVerifier.Verify("""
        id: f
        namespace: company.team
        # id: again
        tasks:
          - id: a
            type: io.kestra.plugin.core.log.Log
            message: "id: b"
          - id: b
            type: io.kestra.plugin.core.log.Log
            message: hi
        """, "KF4008");

    [TestMethod]
    public void The_message_points_at_the_first_key()
    {
        var found = RuleVerifier.Verify("id: f\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: one\n    {|KF4008:message|}: two\n", "KF4008");
        found[0].Message.ShouldBe("Duplicate key 'message': it is already set at 6:5 in the same mapping");
    }

    [TestMethod]
    public void Small_and_large_mappings_report_every_repeat_against_the_first_key()
    {
        // Mappings of up to 16 entries are compared pairwise, larger ones through a table: both must agree.
        foreach (int size in new[] { 4, 16, 17, 40 })
        {
            var lines = new System.Text.StringBuilder("id: f\nnamespace: company.team\nvariables:\n");
            for (int i = 0; i < size - 2; i++) lines.Append("  k").Append(i).Append(": v\n");
            lines.Append("  {|KF4008:k1|}: again\n  {|KF4008:k1|}: and again\n");
            var found = RuleVerifier.Verify(lines.ToString(), "KF4008");
            found.Count.ShouldBe(2, $"size {size}");
            foreach (var d in found) d.Message.ShouldBe("Duplicate key 'k1': it is already set at 5:3 in the same mapping", $"size {size}");
        }
    }
}
