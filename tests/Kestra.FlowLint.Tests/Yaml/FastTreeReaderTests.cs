using System.Diagnostics;
using System.IO;
using System.Text;
using Kestra.FlowLint.Rules;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Tests.Yaml;

/// <summary>
/// The fast reader must build exactly YamlDotNet's tree on every input it accepts: each test parses
/// texts both ways (<see cref="YamlTreeDiff"/>) and fails on the first difference.
/// </summary>
[TestClass]
public class FastTreeReaderTests
{
    public TestContext TestContext { get; set; } = null!;

    private sealed class Tally
    {
        public int Cases;
        public int Accepted;
        public int RefusedValid;
        public readonly Dictionary<string, int> Reasons = new();
        public readonly List<string> Differences = new();
        public readonly List<string> Samples = new();

        public void Run(string name, string yaml, YamlParseOptions? options = null)
        {
            Cases++;
            var difference = YamlTreeDiff.Check(yaml, out bool accepted, out string? reason, options);
            if (accepted)
            {
                Accepted++;
            }
            else
            {
                reason ??= "?";
                Reasons[reason] = Reasons.TryGetValue(reason, out int n) ? n + 1 : 1;
                var errors = YamlParser.ParseWithYamlDotNet(new SourceText(yaml), options).Errors;
                if (errors.Count == 0)
                    RefusedValid++;
                if (Samples.Count < 3 && (errors.Count == 0 || Environment.GetEnvironmentVariable("FLOWLINT_FAST_SAMPLES") == "1"))
                    Samples.Add($"{name} ({reason}; YamlDotNet: {(errors.Count == 0 ? "valid" : errors[0].Span + " " + errors[0].Message)}):\n{yaml}");
            }
            if (difference != null && Differences.Count < 5)
                Differences.Add($"{name}: {difference}\n--- text ---\n{yaml}\n------------");
        }

        public string Summary(string what) =>
            $"{what}: {Accepted}/{Cases} accepted ({100.0 * Accepted / Math.Max(1, Cases):F1}%), {RefusedValid} refused though YamlDotNet reports no error; bail-outs: "
            + string.Join(", ", Reasons.OrderByDescending(r => r.Value).Take(12).Select(r => $"{r.Key} ×{r.Value}"));
    }

    private void Report(Tally tally, string what)
    {
        TestContext.WriteLine(tally.Summary(what));
        Console.WriteLine(tally.Summary(what));
        foreach (var sample in tally.Samples)
            Console.WriteLine("refused though valid: " + sample);
        tally.Differences.ShouldBeEmpty();
        // A bug of the reader shows as an exception it turns into a give-up: none is expected.
        tally.Reasons.Keys.Where(r => r.StartsWith("internal", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [TestMethod]
    public void Short_keys_and_values_are_shared_across_files_and_never_mixed_up()
    {
        static YamlMapping Read(string yaml) =>
            (YamlMapping)FastTreeReader.TryRead(new SourceText(yaml), new YamlParseOptions(), out _)!.Documents[0].Root!;

        // The same words in two files on one thread are one string: a run of thousands of flows copies them once.
        var first = Read("id: a\ntype: io.kestra.plugin.core.log.Log\n");
        var second = Read("id: b\ntype: io.kestra.plugin.core.log.Log\n");
        ReferenceEquals(first.Entries[1].KeyText, second.Entries[1].KeyText).ShouldBeTrue();
        ReferenceEquals(((YamlScalar)first.Entries[1].Value).Value, ((YamlScalar)second.Entries[1].Value).Value).ShouldBeTrue();

        // Thousands of distinct short strings (far more than the cache holds) each read back as written.
        var text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) text.Append('k').Append(i).Append(": v").Append(i * 7).Append('\n');
        var many = Read(text.ToString());
        for (int i = 0; i < 20_000; i++)
        {
            many.Entries[i].KeyText.ShouldBe("k" + i);
            ((YamlScalar)many.Entries[i].Value).Value.ShouldBe("v" + i * 7);
        }
    }

    [TestMethod]
    public void Corpus_files_give_identical_trees_and_most_are_accepted()
    {
        var tally = new Tally();
        foreach (var file in YamlTestHelpers.CorpusFiles())
        {
            SourceText.TryDecode(File.ReadAllBytes(file), file, out var text, out _).ShouldBeTrue(file);
            tally.Run(file, text!.Text);
        }
        Report(tally, "corpus");
        tally.Cases.ShouldBeGreaterThan(300);
        (tally.Accepted * 100 / tally.Cases).ShouldBeGreaterThanOrEqualTo(95);
    }

    [TestMethod]
    public void Corpus_files_with_other_line_ends_give_identical_trees()
    {
        var tally = new Tally();
        foreach (var file in YamlTestHelpers.CorpusFiles())
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            tally.Run(file + " (CRLF)", text.Replace("\n", "\r\n"));
            tally.Run(file + " (CR)", text.Replace("\n", "\r"));
            tally.Run(file + " (no final break)", text.TrimEnd('\n'));
        }
        Report(tally, "corpus with CRLF, CR and no final break");
    }

    [TestMethod]
    public void Repository_yaml_and_rule_examples_give_identical_trees()
    {
        var tally = new Tally();
        var root = YamlTestHelpers.RepositoryRoot();
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
        {
            if (!(file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal)))
                continue;
            var relative = file.Substring(root.Length);
            if (relative.Contains("node_modules") || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") || relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                continue;
            tally.Run(relative, File.ReadAllText(file));
        }
        foreach (var descriptor in RuleCatalog.AllDescriptors())
        {
            if (descriptor.BadExample != null)
                tally.Run(descriptor.Id + " bad", descriptor.BadExample);
            if (descriptor.GoodExample != null)
                tally.Run(descriptor.Id + " good", descriptor.GoodExample);
        }
        Report(tally, "repository YAML and rule examples");
        tally.Accepted.ShouldBeGreaterThan(tally.Cases / 2);
    }

    [TestMethod]
    public void Generated_flows_give_identical_trees_and_are_accepted()
    {
        var random = new Random(424242);
        var tally = new Tally();
        for (int k = 0; k < 400; k++)
            tally.Run($"generated {k}", GenerateFlow(random));
        Report(tally, "generated flows");
        (tally.Accepted * 100 / tally.Cases).ShouldBeGreaterThanOrEqualTo(95);
    }

    [TestMethod]
    public void Mutated_corpus_files_are_refused_or_give_identical_trees()
    {
        var seedText = Environment.GetEnvironmentVariable("FLOWLINT_FUZZ_SEED");
        var random = new Random(seedText != null ? int.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture) : 8086);
        // Corpus files, the tricky cases and generated flows (with every scalar style) as seeds.
        var files = YamlTestHelpers.CorpusFiles().Select(File.ReadAllText).ToList();
        files.AddRange(Tricky);
        var generator = new Random(99);
        for (int k = 0; k < 200; k++)
            files.Add(GenerateFlow(generator));
        var tally = new Tally();
        var budget = Stopwatch.StartNew();
        var extra = Environment.GetEnvironmentVariable("FLOWLINT_FUZZ_SECONDS");
        var seconds = extra != null ? int.Parse(extra, System.Globalization.CultureInfo.InvariantCulture) : 5;
        while ((tally.Cases < 5_000 || budget.Elapsed < TimeSpan.FromSeconds(seconds)) && budget.Elapsed < TimeSpan.FromSeconds(seconds + 20) && tally.Differences.Count == 0)
        {
            var mutated = YamlCorpusTests.Mutate(files[random.Next(files.Count)], random);
            tally.Run($"mutation {tally.Cases}", mutated);
        }
        TestContext.WriteLine($"{tally.Cases} mutations in {budget.Elapsed.TotalSeconds:F1} s");
        Kestra.FlowLint.Tests.Support.FuzzReport.Add($"fast YAML reader vs YamlDotNet, mutated files: {tally.Cases} cases in {budget.Elapsed.TotalSeconds:F1} s, {tally.Differences.Count} tree differences");
        Report(tally, "mutated corpus files");
        tally.Cases.ShouldBeGreaterThanOrEqualTo(2_000);
    }

    [TestMethod]
    public void Generated_scalars_of_every_style_give_identical_trees()
    {
        var random = new Random(31337);
        var tally = new Tally();
        var budget = Stopwatch.StartNew();
        while ((tally.Cases < 20_000 || budget.Elapsed < TimeSpan.FromSeconds(2)) && budget.Elapsed < TimeSpan.FromSeconds(20) && tally.Differences.Count == 0)
        {
            var yaml = YamlCorpusTests.GenerateScalarDocument(random);
            tally.Run($"scalar document {tally.Cases}", yaml);
            // Without tabs and NEL/LS, which the reader refuses, so that the rest is exercised.
            tally.Run($"scalar document {tally.Cases} (spaces)", yaml.Replace('\t', ' ').Replace('\u0085', '\n').Replace('\u2028', '\n'));
        }
        Report(tally, "generated scalars of every style");
        tally.Accepted.ShouldBeGreaterThan(tally.Cases / 4);
    }

    [TestMethod]
    public void Limits_are_left_to_YamlDotNet_path()
    {
        var tally = new Tally();
        var yaml = "a:\n  b:\n    c:\n      d: 1\n";
        foreach (int depth in new[] { 1, 2, 3, 4 })
            tally.Run($"depth {depth}", yaml, new YamlParseOptions { MaxDepth = depth });
        foreach (int nodes in new[] { 1, 5, 7, 8, 9 })
            tally.Run($"nodes {nodes}", yaml, new YamlParseOptions { MaxNodes = nodes });
        Report(tally, "limits");
    }

    private static readonly string[] Tricky =
    {
        "",
        "# only a comment\n",
        "\n\n# c\n\n",
        "a: 1",
        "a: 1\n",
        "a:\n",
        "a:",
        "a: \n",
        "a:   # comment\nb: 2\n",
        "a:\nb:\nc: 3\n",
        "a: b\nc: d\n",
        "  a: 1\n  b: 2\n",
        "key with spaces   : value with spaces   \n",
        "a: value # comment\n# full\n  # indented\nb: x#y\n",
        "'quoted key': 1\n\"dq key\": 2\n'it''s': 3\n\"a\\tb\": 4\n",
        "a: 'single'\nb: \"double\"\nc: 'it''s'\nd: \"esc \\\" \\\\ \\n \\t \\u00e9 \\x41 \\U0001F600 \\/\"\n",
        "a: 'x: y # z'\nb: \"x: y # z\"\n",
        "a: \"multi\n  line\n\n  text\"\nb: 'multi\n   line'\n",
        "a: \"escaped \\\n  break\"\n",
        "a: plain\n  continued\n  more\nb: 1\n",
        "a: plain\n\n  after blank\n\n\nb: 1\n",
        "a:\n  plain on next line\n  continued\n",
        "- a\n- b\n-\n- \n- c\n",
        "- - x\n  - y\n- - - z\n",
        "- a: 1\n  b: 2\n- c: 3\n",
        "- a: 1\n  b:\n    - x\n    - y\n  c:\n  - p\n  - q\nd: 1\n",
        "a:\n- x\n- y\nb:\n  - z\n",
        "a:\n- b: 1\n  c: 2\n- d: 3\nz: 1\n",
        "a: |\n  line 1\n  line 2\nb: 1\n",
        "a: |-\n  stripped\n\nb: 1\n",
        "a: |+\n  kept\n\n\nb: 1\n",
        "a: >\n  folded\n  text\n\n  para\nb: 1\n",
        "a: >-\n  folded\n   more indented\n  back\n",
        "a: |2\n    two more\n   one more\n",
        "a: |1-\n  x\n",
        "- |\n  in seq\n- >+\n  kept\n\n",
        "a: | # header comment\n  text\n",
        "a: |\n  text # not a comment\n# a comment\nb: 1\n",
        "a: |\n  no final break",
        "a: |\n",
        "a: |",
        "a: >\n\n  leading blank\n",
        "a:\n  b: |\n    deep\n      deeper\n  c: 1\n",
        "a: [x, y, z]\nb: []\nc: {}\nd: ['q', \"r\", s t]\ne: [ 1 , 2 ]\n",
        "a: [x, y] # comment\n",
        "a: [x,\n  y]\n",
        "a: {b: 1}\n",
        "---\na: 1\n---\nb: 2\n",
        "---\na: 1\n",
        "# c\n---\n# d\na: 1\n",
        "--- # c\na: 1\n",
        "a: 1\n...\n",
        "---\n---\n",
        "a: 1\n---\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "? a\n: b\n",
        "a:\tb\n",
        "\ta: b\n",
        "a: b\r\nc: d\r\n",
        "a: b\rc: d\r",
        "a: |\r\n  x\r\n  y\r\nb: 1\r\n",
        "a: \"x\r\n  y\"\r\n",
        "a: b: c\n",
        "a: - b\n",
        "a: 1\n  b: 2\n",
        "a: 1\n b: 2\n",
        "a:\n    b: 1\n  c: 2\n",
        "- a\nb: 1\n",
        "a: 1\n- b\n",
        "plain root\n",
        "'quoted root'\n",
        "|\n  block root\n",
        "[a, b]\n",
        "a: 'unclosed\n",
        "a: \"bad \\q escape\"\n",
        "a: x #comment\nb: x# not comment\nc: http://x.y/z\nd: a:b\ne: -1\nf: --flag\ng: .5\n",
        "a: {{ pebble }}\n",
        "a: \"{{ pebble }}\"\nb: x {{ y }}\n",
        "a:   \n  \n  b: 1\n",
        "a: 1   \nb: 2  # c  \n",
        "a:\n  # comment between\n  b: 1\n",
        "a:\n# comment at column 0\n  b: 1\n",
        "a:\n  - x\n  # c\n  - y\n",
        "- # c\n  a: 1\n",
        "-   a: 1\n    b: 2\n",
        "a: é😀\nb: '😀'\n",
        "a: x\n---x\n",
        "a: x\n  ---x\n",
        "a: 'x\n---\n  y'\n",
        "a: >\n  x\n ...\n",
        "\"a\nb\": c\n",
        "a: b\n\"c\" : d\n'e'   : f\n",
        "a:\n  'quoted'\n",
        "a:\n  [x]\n",
        "a:\n  |\n   x\n",
        "- 'a'\n- \"b\"\n- [c]\n",
        "- -1\n- --x\n- -\n",
        "a: b\n\n\n",
        "\n\na: b",
        "a: 'x'y\n",
        "a: \"x\"#c\n",
        "a: [x]y\n",
        "a:\n -\n - b\n",
        "key:\n- a\n b\n",
        "key:\n- a\n  b: c\n",
        "- a\n b\n",
        "a:\n  - b\n   c\n",
        "a: |\n  x\n b: 1\n",
        "a: >2-\n   x\n  y\n",
        "a: 'x''\n  y'\n",
        "a: \"x\\\n\n  y\"\n",
        "- - - \n",
        "-\n  -\n",
        "a: x   \n  y   \n",
        "a:\n  b\n  # c\n  d\n",
        "a:\n  b\n\n  # c\nd: 1\n",
        "a: |-\n  x\n\n\n# c\n",
        "a: >\n  x\n\n  y\n\n\n",
        "a: |+\n  x\n\n",
        "a:\n  b: |\n    x\n  c: >-\n    y\n    z\n\n  d: 'q'\n",
        "a: \"\\u00e9\\x41\\t\\N\\_\"\nb: '  spaced  '\nc: \"  \"\n",
        "a: ''\nb: \"\"\nc: []\n",
        "a: [ ]\nb: { }\nc: [x , y]\n",
        "a: 1\n---\nb: 2\n--- # c\nc: 3\n",
        "- a\n---\n- b\n",
    };

    [TestMethod]
    public void Tricky_cases_give_identical_trees()
    {
        var tally = new Tally();
        for (int k = 0; k < Tricky.Length; k++)
        {
            tally.Run($"tricky {k}", Tricky[k]);
            tally.Run($"tricky {k} (CRLF)", Tricky[k].Replace("\r\n", "\n").Replace("\n", "\r\n"));
            tally.Run($"tricky {k} (CR)", Tricky[k].Replace("\r\n", "\n").Replace("\n", "\r"));
        }
        Report(tally, "tricky cases");
    }

    [TestMethod]
    public void Fast_path_is_the_one_used_for_flows()
    {
        var yaml = "id: x\nnamespace: y\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n";
        YamlParser.TryParseFast(new SourceText(yaml), null, out var reason).ShouldNotBeNull(reason);
    }

    private static readonly string[] Types = { "io.kestra.plugin.core.log.Log", "io.kestra.plugin.scripts.python.Script", "io.kestra.plugin.core.flow.Parallel", "io.kestra.plugin.core.http.Request" };
    private static readonly string[] PlainValues = { "hello", "Hi {{ inputs.name }}", "x y z", "http://example.com/a?b=c", "42", "true", "null", "~", "-1", "a'b", "a\"b", "é😀", "x#y", "PT5M" };

    /// <summary>A random flow-shaped document: the constructs flows use, nested and commented at random.</summary>
    private static string GenerateFlow(Random random)
    {
        var sb = new StringBuilder();
        string nl = random.Next(10) == 0 ? "\r\n" : "\n";
        if (random.Next(5) == 0)
            sb.Append("# flow header").Append(nl);
        if (random.Next(8) == 0)
            sb.Append("---").Append(nl);
        sb.Append("id: flow_").Append(random.Next(1000)).Append(nl);
        sb.Append("namespace: company.team").Append(nl);
        if (random.Next(2) == 0)
            sb.Append("description: ").Append(Scalar(random, "  ", nl)).Append(nl);
        if (random.Next(2) == 0)
        {
            sb.Append("labels:").Append(nl).Append("  env: dev").Append(nl).Append("  team: ").Append(Scalar(random, "    ", nl)).Append(nl);
        }
        if (random.Next(2) == 0)
        {
            sb.Append("inputs:").Append(nl);
            string dash = random.Next(2) == 0 ? "  - " : "- ";
            string cont = new(' ', dash.Length);
            for (int i = random.Next(1, 4); i > 0; i--)
            {
                sb.Append(dash).Append("id: in").Append(i).Append(nl);
                sb.Append(cont).Append("type: STRING").Append(nl);
                if (random.Next(2) == 0)
                    sb.Append(cont).Append("defaults: ").Append(Scalar(random, cont + "  ", nl)).Append(nl);
                if (random.Next(3) == 0)
                    sb.Append(cont).Append("values: [a, 'b', \"c d\"]").Append(nl);
            }
        }
        sb.Append("tasks:").Append(nl);
        AppendTasks(sb, random, "  ", nl, 0);
        if (random.Next(3) == 0)
            sb.Append("triggers:").Append(nl).Append("  - id: schedule").Append(nl).Append("    type: io.kestra.plugin.core.trigger.Schedule").Append(nl).Append("    cron: \"0 9 * * *\"").Append(nl);
        if (random.Next(4) == 0)
            sb.Append("# trailing comment").Append(random.Next(2) == 0 ? nl : "");
        return sb.ToString();
    }

    private static void AppendTasks(StringBuilder sb, Random random, string indent, string nl, int level)
    {
        for (int t = random.Next(1, 4); t > 0; t--)
        {
            string cont = indent + "  ";
            sb.Append(indent).Append("- id: task_").Append(t).Append(random.Next(4) == 0 ? "   # inline" : "").Append(nl);
            sb.Append(cont).Append("type: ").Append(Types[random.Next(Types.Length)]).Append(nl);
            if (random.Next(5) == 0)
                sb.Append(cont).Append("# between keys").Append(nl);
            switch (random.Next(5))
            {
                case 0:
                    sb.Append(cont).Append("script: ").Append(random.Next(2) == 0 ? "|" : ">-").Append(nl);
                    int lines = random.Next(1, 5);
                    for (int l = lines; l > 0; l--)
                        sb.Append(cont).Append("  ").Append(l < lines && random.Next(3) == 0 ? "  " : "").Append("print('line ").Append(l).Append("')  # py").Append(nl);
                    if (random.Next(3) == 0)
                        sb.Append(nl);
                    break;
                case 1 when level < 2:
                    sb.Append(cont).Append("tasks:").Append(nl);
                    AppendTasks(sb, random, random.Next(2) == 0 ? cont : cont + "  ", nl, level + 1);
                    break;
                case 2:
                    sb.Append(cont).Append("env:").Append(nl).Append(cont).Append("  KEY: ").Append(Scalar(random, cont + "    ", nl)).Append(nl);
                    break;
                case 3:
                    sb.Append(cont).Append("message:").Append(random.Next(3) == 0 ? "" : " " + Scalar(random, cont + "  ", nl)).Append(nl);
                    break;
                default:
                    sb.Append(cont).Append("retry:").Append(nl).Append(cont).Append("  maxAttempt: 3").Append(nl).Append(cont).Append("  interval: PT1M").Append(nl);
                    break;
            }
        }
    }

    private static string Scalar(Random random, string continuation, string nl)
    {
        string word = PlainValues[random.Next(PlainValues.Length)];
        switch (random.Next(6))
        {
            case 0:
                return "'" + word.Replace("'", "''") + "'";
            case 1:
                return "\"" + word.Replace("\\", "\\\\").Replace("\"", "\\\"") + (random.Next(2) == 0 ? "\\n" : "") + "\"";
            case 2:
                return word + nl + continuation + PlainValues[random.Next(PlainValues.Length)].Replace("#", "");
            case 3:
                return "\"" + word.Replace("\"", "'") + nl + continuation + "second line\"";
            default:
                return word + (random.Next(4) == 0 ? " # note" : "");
        }
    }
}
