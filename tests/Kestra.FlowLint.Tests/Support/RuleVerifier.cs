using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Support;

/// <summary>
/// Roslyn-style fixtures: `{|KF1001:secret('x')|}` marks the exact span a rule must report. The markers are
/// stripped, the flow is analysed, and the findings of the rules under test must match the marked spans exactly
/// (no more, no fewer).
/// </summary>
internal static class RuleVerifier
{
    public sealed record Expected(string Id, TextSpan Span);

    /// <summary>Strips `{|ID:` … `|}` markers (they may nest) and returns the clean text with the marked spans.</summary>
    public static (string Text, List<Expected> Spans) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<Expected>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i + 2);
                string id = markup.Substring(i + 2, colon - i - 2);
                if (id.Length > 0 && id.Length <= 8 && id.All(char.IsLetterOrDigit))
                {
                    open.Push((id, text.Length));
                    i = colon;
                    continue;
                }
            }
            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                spans.Add(new Expected(id, TextSpan.FromBounds(start, text.Length)));
                i++;
                continue;
            }
            text.Append(markup[i]);
        }
        if (open.Count > 0) throw new ArgumentException("unclosed {| marker in fixture");
        return (text.ToString(), spans);
    }

    /// <summary>Analyses the fixture with every rule and compares the findings with the given ids to the markers.</summary>
    public static IReadOnlyList<Diagnostic> Verify(string markup, params string[] ruleIds) => VerifyFile("flow.yaml", markup, ruleIds);

    /// <summary>As <see cref="Verify(string, string[])"/>, with the path the file is analysed under.</summary>
    public static IReadOnlyList<Diagnostic> VerifyFile(string path, string markup, params string[] ruleIds)
    {
        var (clean, expected) = Parse(markup);
        var given = ruleIds.Where(id => id.StartsWith("KF", StringComparison.Ordinal)).ToArray();
        given.Length.ShouldBeGreaterThan(0, "name the rule ids under test, so a fixture without markers still asserts that nothing is reported");
        var ids = new HashSet<string>(given, StringComparer.Ordinal);
        var actual = Analyze(clean, path).Where(d => ids.Contains(d.Id)).ToList();
        var text = new SourceText(clean, path);

        string Describe(string id, TextSpan span) =>
            $"{id} at {FlowTestHelper.Position(text, span.Start)}-{FlowTestHelper.Position(text, span.End)} '{text.ToString(span)}'";

        var expectedSet = expected.Select(e => Describe(e.Id, e.Span)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var actualSet = actual.Select(d => Describe(d.Id, d.Location.Span)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        actualSet.ShouldBe(expectedSet, "findings differ from the fixture's markers; messages: " +
            string.Join(" | ", actual.Select(d => d.Id + ": " + d.Message)));
        return actual;
    }

    public static List<Diagnostic> Analyze(string text, string path = "flow.yaml")
    {
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var result = driver.AnalyzeText(new SourceText(text, path));
        var all = result.Diagnostics.ToList();
        all.AddRange(driver.CompleteRun());
        return all;
    }

    /// <summary>Runs a whole set of files as one run (for cross-file rules).</summary>
    public static List<Diagnostic> AnalyzeRun(params (string Path, string Text)[] files)
    {
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var all = new List<Diagnostic>();
        foreach (var (path, text) in files) all.AddRange(driver.AnalyzeText(new SourceText(text, path)).Diagnostics);
        all.AddRange(driver.CompleteRun());
        return all;
    }
}
