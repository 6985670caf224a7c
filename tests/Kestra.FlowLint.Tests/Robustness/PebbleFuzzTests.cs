using System.Diagnostics;
using System.Text;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Robustness;

/// <summary>The fuzz tests' shared time budget: FLOWLINT_FUZZ_SECONDS, or 20 s (CI).</summary>
internal static class Fuzz
{
    /// <summary>Total seconds for all fuzz tests: FLOWLINT_FUZZ_SECONDS, 20 by default (CI).</summary>
    public static double Seconds =>
        double.TryParse(Environment.GetEnvironmentVariable("FLOWLINT_FUZZ_SECONDS"), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 20;

    /// <summary>
    /// Lints generated inputs through every rule for a share of the budget: nothing may throw, no rule may crash
    /// (KF0001) and every finding must lie inside its file. A failure prints the case that caused it.
    /// </summary>
    public static void Run(string name, double share, Func<Random, string> next, int seed)
    {
        double seconds = Seconds * share;
        var random = new Random(seed);
        var driver = new AnalysisDriver(RuleCatalog.CreateAnalyzers());
        var clock = Stopwatch.StartNew();
        int cases = 0;
        var problems = new List<string>();

        while (clock.Elapsed.TotalSeconds < seconds && problems.Count < 5)
        {
            string input = next(random);
            cases++;
            FileAnalysisResult result;
            try
            {
                result = driver.AnalyzeText(new SourceText(input, "fuzz.yaml"));
            }
            catch (Exception ex)
            {
                problems.Add($"case {cases}: {ex.GetType().Name}: {ex.Message}\n{input}");
                continue;
            }
            foreach (var d in result.Diagnostics)
            {
                if (d.Id == "KF0001") problems.Add($"case {cases}: {d.Message}\n{input}");
                if (d.Location.Span.Start < 0 || d.Location.Span.End > input.Length)
                    problems.Add($"case {cases}: {d.Id} span {d.Location.Span} outside {input.Length} chars\n{input}");
            }
        }
        driver.CompleteRun();

        problems.ShouldBeEmpty();
        cases.ShouldBeGreaterThan(100, "the fuzz budget should allow hundreds of cases even on a busy machine");
        Kestra.FlowLint.Tests.Support.FuzzReport.Add($"{name}: {cases} cases in {clock.Elapsed.TotalSeconds:F1} s");
    }
}

/// <summary>
/// Randomly generated Pebble (expressions, filters, tests, tags, comments, nested literals; often cut or
/// corrupted afterwards) placed in a flow in every YAML scalar style, through the whole pipeline: nothing throws,
/// no rule crashes (KF0001), and every finding lies inside the file. Seeded: a failure prints the case.
/// </summary>
[TestClass]
public class PebbleFuzzTests
{
    private static readonly string[] Roots =
    {
        "inputs.name", "inputs['with-dash']", "outputs.extract.uri", "outputs['t-1'].values.x", "vars.region", "execution.id", "flow.namespace",
        "trigger.date", "taskrun.value", "parent.taskrun.value", "labels.team", "envs.home", "globals.x", "item", "loop.index", "x", "now()",
        "secret('API_TOKEN')", "secret(\"DB_PASSWORD\")", "kv('K')", "read('f.txt')", "render(vars.t)", "fromJson(inputs.j)", "range(0, 3)",
        "currentEachOutput(outputs.t)", "errorLogs()", "fileURI('a')", "{{", "}}", "%}", "'", "\"",
    };

    private static readonly string[] Filters =
    {
        "upper", "lower", "trim", "json", "toJson", "jq('.a')", "default('none')", "slice(0, 2)", "replace({'a': 'b'})", "date('yyyy-MM-dd')",
        "dateAdd(1, 'DAYS')", "base64encode", "base64decode", "sha256", "urlencode", "join(',')", "split(',')", "first", "last", "length",
        "keys", "values", "sort", "reverse", "abs", "numberFormat('#.##')", "escapeChar('shell')", "title", "capitalize", "raw", "yaml", "toIon",
    };

    private static readonly string[] BinaryOperators =
        { "+", "-", "*", "/", "%", "~", "==", "!=", "<", ">", "<=", ">=", "and", "or", "in", "not in", "??", "???", "contains", "equals", "..", "|" };

    private static readonly string[] Tests = { "defined", "null", "empty", "even", "odd", "iterable", "map", "json", "not defined" };

    [TestMethod]
    public void Generated_pebble_never_crashes_and_every_span_is_inside_the_file()
    {
        Fuzz.Run("pebble fuzz", 0.4, random =>
        {
            string template = Template(random);
            if (random.Next(3) == 0) template = Corrupt(template, random);
            return Flow(template, random);
        }, 20261124);
    }

    /// <summary>A template: text, expressions, tags and comments, with nested blocks.</summary>
    internal static string Template(Random random)
    {
        var sb = new StringBuilder();
        int parts = 1 + random.Next(4);
        for (int i = 0; i < parts; i++)
        {
            switch (random.Next(8))
            {
                case 0: sb.Append("text ").Append(random.Next(100)).Append(' '); break;
                case 1: sb.Append("{% if ").Append(Expression(random, 3)).Append(" %}").Append(Template(random, 1)).Append("{% else %}x{% endif %}"); break;
                case 2: sb.Append("{% for it in ").Append(Expression(random, 2)).Append(" %}{{ it }}{% endfor %}"); break;
                case 3: sb.Append("{% set v = ").Append(Expression(random, 2)).Append(" %}{{ v }}"); break;
                case 4: sb.Append("{# ").Append(Expression(random, 1)).Append(" #}"); break;
                case 5: sb.Append("{% raw %}{{ ").Append(Expression(random, 1)).Append(" }}{% endraw %}"); break;
                default: sb.Append("{{ ").Append(Expression(random, 4)).Append(" }}"); break;
            }
        }
        return sb.ToString();
    }

    private static string Template(Random random, int depth) => depth <= 0 ? "x" : "{{ " + Expression(random, 2) + " }}";

    internal static string Expression(Random random, int depth)
    {
        if (depth <= 0) return Primary(random);
        switch (random.Next(10))
        {
            case 0: return Expression(random, depth - 1) + " " + BinaryOperators[random.Next(BinaryOperators.Length)] + " " + Expression(random, depth - 1);
            case 1: return Expression(random, depth - 1) + " | " + Filters[random.Next(Filters.Length)];
            case 2: return Expression(random, depth - 1) + " is " + Tests[random.Next(Tests.Length)];
            case 3: return Expression(random, depth - 1) + " ? " + Expression(random, depth - 1) + " : " + Expression(random, depth - 1);
            case 4: return "(" + Expression(random, depth - 1) + ")";
            case 5: return (random.Next(2) == 0 ? "not " : "-") + Expression(random, depth - 1);
            case 6: return "[" + Expression(random, depth - 1) + ", " + Primary(random) + "]";
            case 7: return "{'k': " + Expression(random, depth - 1) + ", \"j\": " + Primary(random) + "}";
            case 8: return Expression(random, depth - 1) + "[" + Expression(random, depth - 1) + "]";
            default: return Primary(random);
        }
    }

    private static string Primary(Random random) => random.Next(6) switch
    {
        0 => random.Next(-5, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => random.Next(2) == 0 ? "'it''s \\' {{ x }}'" : "\"d #{ inputs.n } \\\"q\\\"\"",
        2 => random.Next(2) == 0 ? "true" : "null",
        3 => "3.14",
        _ => Roots[random.Next(Roots.Length)],
    };

    private const string Breakers = "{}|%#'\"()[]:,.";

    private static string Corrupt(string template, Random random)
    {
        if (template.Length == 0) return template;
        int at = random.Next(template.Length);
        return random.Next(3) switch
        {
            0 => template.Substring(0, at),
            1 => template.Remove(at, 1),
            _ => template.Insert(at, Breakers[random.Next(Breakers.Length)].ToString()),
        };
    }

    /// <summary>The template in a flow, in one of the YAML scalar styles, under a rendered or a plain property.</summary>
    private static string Flow(string template, Random random)
    {
        string[] properties = { "message", "format", "uri", "description", "sql", "body" };
        string property = properties[random.Next(properties.Length)];
        string value = random.Next(5) switch
        {
            0 => "\"" + template.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            1 => "'" + template.Replace("'", "''") + "'",
            2 => "|\n      " + template + "\n      second line",
            3 => ">-\n      " + template + "\n      folded",
            _ => template,
        };
        var sb = new StringBuilder("id: fuzz\nnamespace: company.team\n");
        if (random.Next(3) == 0) sb.Append("inputs:\n  - id: name\n    type: STRING\n    defaults: ").Append(value).Append('\n');
        if (random.Next(3) == 0) sb.Append("variables:\n  region: ").Append(value).Append('\n');
        sb.Append("tasks:\n  - id: extract\n    type: io.kestra.plugin.core.log.Log\n    ").Append(property).Append(": ").Append(value).Append('\n');
        if (random.Next(3) == 0)
            sb.Append("  - id: each\n    type: io.kestra.plugin.core.flow.ForEach\n    values: [1, 2]\n    tasks:\n      - id: inner\n        type: io.kestra.plugin.scripts.shell.Commands\n        commands:\n          - ")
              .Append(value.Replace("\n      ", "\n            ")).Append('\n');
        if (random.Next(4) == 0) sb.Append("outputs:\n  - id: o\n    type: STRING\n    value: ").Append(value).Append('\n');
        return sb.ToString();
    }
}
