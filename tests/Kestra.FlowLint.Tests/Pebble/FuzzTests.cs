using System.Diagnostics;
using System.IO;
using System.Text;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>
/// Property tests on random input (seeded, so a failure reproduces): the parser never throws, never hangs,
/// keeps every span inside the template and every child inside its parent, and its output can always be printed
/// and walked. Pathological repetitions must stay linear.
/// </summary>
[TestClass]
public class FuzzTests
{
    private static readonly string[] Fragments =
    {
        "{{", "}}", "{%", "%}", "{#", "#}", "-", " ", " ", " ", "\n", "\r\n", "\r", "\t", "'", "\"", "#{", "}", "{", "(", ")", "[", "]",
        ",", ":", ".", "..", "?", "??", "???", "|", "~", "+", "*", "/", "%", "==", "!=", "<", ">=", "=", "is", "is not", "not", "and",
        "or", "contains", "equals", "a", "b", "x.y", "inputs", "outputs['t-1']", "secret('k')", "f(", "1", "1.5", "10L", "007", "true",
        "null", "if", "elseif", "else", "endif", "for", "in", "endfor", "set", "macro", "endmacro", "block", "endblock", "filter",
        "endfilter", "verbatim", "endverbatim", "raw", "endraw", "include", "cache", "endcache", "\\", "&", "!", "$", "@", ";", "`",
        "\u00A0", "\u2028", "\u0085", "é", "\U0001D49C", "\uD800", "\uDC00", "text ", "{% raw %}", "{% endraw %}", "{{ ", " }}",
        "{% if a %}", "{% endif %}", "{% for i in l %}", "{% endfor %}", "\"#{", "\\'", "\\\"",
    };

    private static readonly string[] Seeds =
    {
        "{{ inputs.a | default('x') ~ \"#{ b }\" }}",
        "{% if a is defined and b %}{{ secret('K') }}{% elseif c %}x{% else %}{{ d ?? e }}{% endif %}",
        "{% for x in range(1, 3) %}{{ loop.index }}{% else %}none{% endfor %}",
        "{% set m = {'k': [1, 2.5, 10L], 'n': null} %}{{ m.k[0] }}",
        "{% macro m(a, b = 2) %}{{ a + b }}{% endmacro %}{{ m(1, b=3) }}",
        "A  {{- s -}}  B {# c -#} C {% verbatim %} {{ raw }} {% endverbatim %}",
        "{% raw %}{{ not parsed }}{% endraw %} {{ t ? 1 : f ? 2 : 3 }}",
        "{% filter upper | replace({'a': 'b'}) %}{{ x.y(1) }}{% endfilter %}{% block b %}{% endblock b %}",
        "{{ outputs['task-1'].value | jq('.a') | first }}",
        "{{ (a.b ?? c) == 'x' ? \"y#{z}\" : -w | abs }}",
    };

    [TestMethod]
    [Timeout(120_000)]
    public void RandomTokenSoup()
    {
        var random = new Random(20261101);
        int cases = 0;
        var clock = Stopwatch.StartNew();
        while (cases < 20_000 && clock.ElapsedMilliseconds < 4_000)
        {
            var sb = new StringBuilder();
            int length = random.Next(1, 40);
            for (int i = 0; i < length; i++) sb.Append(Fragments[random.Next(Fragments.Length)]);
            Check(sb.ToString());
            cases++;
        }
        cases.ShouldBeGreaterThan(2_000);
    }

    [TestMethod]
    [Timeout(120_000)]
    public void MutatedCorpus()
    {
        var corpus = Seeds.Concat(OracleTemplates()).ToArray();
        var random = new Random(42);
        int cases = 0;
        var clock = Stopwatch.StartNew();
        while (cases < 20_000 && clock.ElapsedMilliseconds < 4_000)
        {
            string template = corpus[random.Next(corpus.Length)];
            int mutations = random.Next(1, 5);
            for (int m = 0; m < mutations; m++) template = Mutate(template, random);
            Check(template);
            cases++;
        }
        cases.ShouldBeGreaterThan(2_000);
    }

    [TestMethod]
    [Timeout(120_000)]
    [DataRow("{{ '}}")]
    [DataRow("{{ \"")]
    [DataRow("{{ \"#{")]
    [DataRow("{{ '}}{{ \\'")]
    [DataRow("{{ (")]
    [DataRow("(")]
    [DataRow("{{ a }")]
    [DataRow("{% raw %}")]
    [DataRow("{% raw %}\n")]
    [DataRow("{% if a %}")]
    [DataRow("{% endif %}")]
    [DataRow("{% for %}")]
    [DataRow("{#")]
    [DataRow("{% verbatim %}")]
    [DataRow("{{ a ~ ")]
    [DataRow("{{ [")]
    [DataRow("]")]
    [DataRow("&")]
    [DataRow("{{ \"#{ (")]
    [DataRow("{{ x | f")]
    public void RepetitionStaysLinear(string unit)
    {
        string template = string.Concat(Enumerable.Repeat(unit, 200_000 / unit.Length));
        PebbleParser.Parse(template);
        var clock = Stopwatch.StartNew();
        var parsed = PebbleParser.Parse(template);
        clock.Stop();
        P.AssertSpansInBounds(parsed);
        SExpressionPrinter.Print(parsed);
        // A hang guard, not a speed measurement (speed is the benchmark project's job): quadratic behaviour on
        // 200,000 characters would take minutes, linear takes milliseconds even on a loaded CI machine.
        clock.ElapsedMilliseconds.ShouldBeLessThan(30_000, $"{template.Length} characters of \"{unit}\"");
    }

    private static void Check(string template)
    {
        foreach (var options in new[] { PebbleParseOptions.Default, PebbleParseOptions.PebbleOnly })
        {
            var clock = Stopwatch.StartNew();
            PebbleTemplate parsed;
            try
            {
                parsed = PebbleParser.Parse(template, options);
                P.AssertSpansInBounds(parsed);
                SExpressionPrinter.Print(parsed);
                new NullWalker().Visit(parsed);
                PebbleExpr.Run(template, TextWriter.Null);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"failed on {Escape(template)} (raw pre-pass {options.ApplyKestraRawPrePass}): {ex.Message}", ex);
            }
            if (clock.ElapsedMilliseconds > 10_000) Assert.Fail($"hang guard: {Escape(template)}");
            for (int i = 0; i < parsed.Errors.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(parsed.Errors[i].Message)) Assert.Fail($"empty message on {Escape(template)}");
                if (i > 0 && parsed.Errors[i].Span.Start < parsed.Errors[i - 1].Span.Start) Assert.Fail($"errors out of order on {Escape(template)}");
            }
        }
    }

    private static string Mutate(string s, Random random)
    {
        if (s.Length == 0) return Fragments[random.Next(Fragments.Length)];
        int at = random.Next(s.Length);
        switch (random.Next(6))
        {
            case 0: return s.Remove(at, 1);
            case 1: return s.Insert(at, Fragments[random.Next(Fragments.Length)]);
            case 2:
                int len = random.Next(1, Math.Min(12, s.Length - at) + 1);
                return s.Insert(random.Next(s.Length), s.Substring(at, len));
            case 3:
                if (at + 1 >= s.Length) return s;
                var chars = s.ToCharArray();
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                return new string(chars);
            case 4: return s.Substring(0, at);
            default: return s.Substring(at);
        }
    }

    private static IEnumerable<string> OracleTemplates()
    {
        string path = Path.Combine(P.RepositoryRoot(), "..", "shared", "conformance", "pebble-oracle-kestra-tests.tsv");
        return File.ReadAllLines(path).Where(l => l.Length > 0)
            .Select(l => l.Split('\t')[0].Replace('⏎', '\n').Replace('⇥', '\t').Replace('␍', '\r'));
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");

    private sealed class NullWalker : PebbleSyntaxWalker
    {
    }
}
