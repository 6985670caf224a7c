using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>
/// Every template of Kestra's own test flows against what Pebble 3.2.2, configured as Kestra configures it,
/// made of it (../shared/conformance/pebble-oracle-kestra-tests.tsv). The oracle does not apply Kestra's raw
/// pre-pass, prints tags as Pebble class names and sorts map entries; both sides are normalised for that.
/// </summary>
[TestClass]
public class ConformanceTests
{
    private static string OraclePath() =>
        Path.GetFullPath(Path.Combine(P.RepositoryRoot(), "..", "shared", "conformance", "pebble-oracle-kestra-tests.tsv"));

    [TestMethod]
    public void EveryOracleRowMatches()
    {
        var lines = File.ReadAllLines(OraclePath(), Encoding.UTF8).Where(l => l.Length > 0).ToList();
        lines.Count.ShouldBeGreaterThanOrEqualTo(170, "the oracle file lost rows");

        var mismatches = new List<string>();
        foreach (var line in lines)
        {
            var columns = line.Split('\t');
            string template = Decode(columns[0]);
            var parsed = P.Parse(template, rawPrePass: false);
            P.AssertSpansInBounds(parsed);
            if (columns[1] == "OK")
            {
                if (parsed.HasErrors)
                {
                    mismatches.Add($"OK row has errors: {columns[0]} → {P.Describe(parsed)}");
                    continue;
                }
                string expected = columns[2];
                string actual = NormaliseOurs(SExpressionPrinter.Print(parsed));
                if (actual != expected)
                {
                    mismatches.Add($"{columns[0]}\n   expected {expected}\n   actual   {actual}");
                }
            }
            else
            {
                columns[1].ShouldBe("ERR");
                if (!parsed.HasErrors)
                {
                    mismatches.Add($"ERR row parsed without error: {columns[0]} (oracle: {columns[3]})");
                    continue;
                }
                if (int.TryParse(columns[2], out int oracleLine))
                {
                    var text = new SourceText(template);
                    var lineNumbers = parsed.Errors.Select(e => text.GetLinePosition(e.Span.Start).Line + 1).ToList();
                    if (!lineNumbers.Contains(oracleLine))
                    {
                        mismatches.Add($"ERR row on line {oracleLine}, ours on {string.Join(",", lineNumbers)}: {columns[0]}");
                    }
                }
            }
        }

        mismatches.ShouldBeEmpty($"{mismatches.Count} of {lines.Count} rows differ:\n" + string.Join("\n", mismatches));
    }

    private static string Decode(string s) => s.Replace('⏎', '\n').Replace('⇥', '\t').Replace('␍', '\r');

    /// <summary>Our tags print as "if", the oracle's as "IfNode"; the oracle sorts map entries by their text.</summary>
    private static string NormaliseOurs(string printed)
    {
        var tags = new Dictionary<string, string>
        {
            ["if"] = "IfNode", ["for"] = "ForNode", ["set"] = "SetNode", ["macro"] = "MacroNode", ["block"] = "BlockNode",
        };
        // Top-level node separators are single spaces outside quotes; tags are bare words there.
        var sb = new StringBuilder();
        int depth = 0;
        bool inString = false;
        int i = 0;
        while (i < printed.Length)
        {
            char c = printed[i];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\' && i + 1 < printed.Length) { sb.Append(printed[i + 1]); i += 2; continue; }
                if (c == '"') inString = false;
                i++;
                continue;
            }
            if (c == '"') { inString = true; sb.Append(c); i++; continue; }
            if (c == '(' || c == '[' || c == '{') depth++;
            if (c == ')' || c == ']' || c == '}') depth--;
            if (depth == 1 && char.IsLetter(c) && (printed[i - 1] == '[' || printed[i - 1] == ' '))
            {
                int j = i;
                while (j < printed.Length && char.IsLetter(printed[j])) j++;
                string word = printed.Substring(i, j - i);
                if ((j == printed.Length || printed[j] == ' ' || printed[j] == ']') && tags.TryGetValue(word, out var mapped))
                {
                    sb.Append(mapped);
                    i = j;
                    continue;
                }
            }
            sb.Append(c);
            i++;
        }
        return SortMapEntries(sb.ToString());
    }

    /// <summary>Rewrites every <c>{map A=>B C=>D}</c> with its entries sorted by their printed text (ordinal).</summary>
    private static string SortMapEntries(string s)
    {
        int start = s.IndexOf("{map ", StringComparison.Ordinal);
        if (start < 0) return s;
        // Innermost first: sort from the last occurrence backwards.
        for (int k = s.LastIndexOf("{map ", StringComparison.Ordinal); k >= 0; k = k == 0 ? -1 : s.LastIndexOf("{map ", k - 1, StringComparison.Ordinal))
        {
            int end = MatchingBrace(s, k);
            string body = s.Substring(k + 5, end - k - 5);
            var entries = SplitTopLevel(body);
            entries.Sort(StringComparer.Ordinal);
            s = s.Substring(0, k + 5) + string.Join(" ", entries) + s.Substring(end);
        }
        return s;
    }

    private static int MatchingBrace(string s, int open)
    {
        int depth = 0;
        bool inString = false;
        for (int i = open; i < s.Length; i++)
        {
            char c = s[i];
            if (inString) { if (c == '\\') i++; else if (c == '"') inString = false; continue; }
            if (c == '"') inString = true;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') { depth--; if (depth == 0) return i; }
        }
        return s.Length - 1;
    }

    private static List<string> SplitTopLevel(string body)
    {
        var parts = new List<string>();
        int depth = 0, last = 0;
        bool inString = false;
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (inString) { if (c == '\\') i++; else if (c == '"') inString = false; continue; }
            if (c == '"') inString = true;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == ' ' && depth == 0) { parts.Add(body.Substring(last, i - last)); last = i + 1; }
        }
        parts.Add(body.Substring(last));
        return parts;
    }

    [TestMethod]
    public void NormalisationSortsMapsAndRenamesTags()
    {
        NormaliseOurs("[if print:{map str:\"b\"=>long:1 str:\"a\"=>{map $z=>null $y=>null}} for]")
            .ShouldBe("[IfNode print:{map str:\"a\"=>{map $y=>null $z=>null} str:\"b\"=>long:1} ForNode]");
        NormaliseOurs("[text:\"if\" print:$for]").ShouldBe("[text:\"if\" print:$for]");
    }
}
