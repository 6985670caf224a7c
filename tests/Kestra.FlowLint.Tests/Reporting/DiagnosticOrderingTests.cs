using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Reporting;
using Kestra.FlowLint.Text;
using static Kestra.FlowLint.Tests.Reporting.ReportTestData;

namespace Kestra.FlowLint.Tests.Reporting;

[TestClass]
public class DiagnosticOrderingTests
{
    /// <summary>The definition: the comparer, and input order among findings it calls equal.</summary>
    private static List<Diagnostic> Expected(List<Diagnostic> input) =>
        Enumerable.Range(0, input.Count).OrderBy(i => input[i], DiagnosticOrdering.Instance).ThenBy(i => i).Select(i => input[i]).ToList();

    private static List<Diagnostic> RandomFindings(Random random, IReadOnlyList<SourceText> texts, int count)
    {
        var descriptors = new[] { Finding, ErrorFinding, Credential };
        var messages = new[] { "a", "b", "B", "é", "" };
        var findings = new List<Diagnostic>();
        for (int i = 0; i < count; i++)
        {
            var text = texts[random.Next(texts.Count)];
            // Few distinct starts, so many findings share one and are told apart by id, end and message.
            int start = random.Next(0, Math.Min(text.Length, 12));
            int end = Math.Min(text.Length, start + random.Next(0, 3));
            findings.Add(Diagnostic.Create(descriptors[random.Next(descriptors.Length)], new Location(text, new TextSpan(start, end - start)),
                "owner" + random.Next(3), null, null, messages[random.Next(messages.Length)]));
        }
        return findings;
    }

    [TestMethod]
    public void Sorting_matches_the_comparer_and_keeps_input_order_among_equal_findings()
    {
        var random = new Random(7);
        // Paths compared ordinally (upper case before lower, "a/b" before "a_b"), and one path twice as different
        // string instances, as two texts of one file would have.
        var texts = new[] { "b.yaml", "B.yaml", "a_b.yaml", "a/b.yaml", new string("b.yaml".ToCharArray()), "é.yaml" }
            .Select(path => new SourceText("k: v\nl:\n  - x\r\nm: {{ y }}\n", path)).ToList();
        for (int round = 0; round < 200; round++)
        {
            var input = RandomFindings(random, texts, random.Next(0, 60));
            var sorted = DiagnosticOrdering.Sort(input);
            sorted.Count.ShouldBe(input.Count);
            for (int i = 0; i < sorted.Count; i++)
                sorted[i].ShouldBeSameAs(Expected(input)[i], $"round {round}, position {i}");
        }
    }

    [TestMethod]
    public void Positions_too_large_to_pack_are_still_sorted_by_the_comparer()
    {
        // A line longer than the packed column allows (2^22 characters), then a finding on the next line.
        string longLine = new string('x', (1 << 22) + 10);
        var text = new SourceText("a: " + longLine + "\nb: c\n", "long.yaml");
        var input = new List<Diagnostic>
        {
            Diagnostic.Create(Finding, new Location(text, new TextSpan(text.Length - 2, 1)), null, null, null, "next line"),
            Diagnostic.Create(Finding, new Location(text, new TextSpan((1 << 22) + 5, 1)), null, null, null, "far column"),
            Diagnostic.Create(Finding, new Location(text, new TextSpan(0, 1)), null, null, null, "start"),
        };
        DiagnosticOrdering.Sort(input).Select(d => d.Message).ShouldBe(new[] { "start", "far column", "next line" });
    }
}
