using System.Diagnostics;
using System.Text;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;
using static Kestra.FlowLint.Tests.Yaml.YamlTestHelpers;

namespace Kestra.FlowLint.Tests.Yaml;

[TestClass]
public class YamlLimitTests
{
    private static YamlError SingleLimit(YamlStream s)
    {
        s.HitLimit.ShouldBeTrue();
        var error = s.Errors.ShouldHaveSingleItem();
        error.Kind.ShouldBe(YamlErrorKind.Limit);
        return error;
    }

    private static int DeepestDepth(YamlStream s) => s.AllNodes().Max(n => n.Depth);

    [TestMethod]
    public void Deep_flow_nesting_stops_at_the_first_node_past_the_limit()
    {
        const int depth = 40_000;
        var watch = Stopwatch.StartNew();
        var s = Parse(new string('[', depth) + new string(']', depth));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "hang guard, not a speed test: the benchmark project measures speed");
        var error = SingleLimit(s);
        s.At(error.Span).ShouldBe("1:514-1:515");
        error.Message.ShouldBe("The YAML is nested deeper than 512 levels; the rest of the file is not analysed.");
        s.Documents.ShouldHaveSingleItem().IsComplete.ShouldBeFalse();
        DeepestDepth(s).ShouldBe(512);
    }

    [TestMethod]
    public void Deep_block_nesting_stops_at_the_first_node_past_the_limit()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 40_000; i++)
            sb.Append("- ");
        sb.Append('x');
        var watch = Stopwatch.StartNew();
        var s = Parse(sb.ToString());
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "hang guard, not a speed test: the benchmark project measures speed");
        var error = SingleLimit(s);
        s.At(error.Span).ShouldBe("1:1027-1:1028");
        DeepestDepth(s).ShouldBe(512);
    }

    [TestMethod]
    public void Deep_block_mappings_over_lines()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 600; i++)
            sb.Append(' ', 2 * i).Append("a:\n");
        var s = Parse(sb.ToString());
        var error = SingleLimit(s);
        // The mapping on line 513 is at depth 512; its key is the first node past the limit.
        s.At(error.Span).ShouldBe("513:1025-513:1026");
    }

    [TestMethod]
    public void Building_the_tree_is_iterative_even_for_40000_levels()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 40_000; i++)
            sb.Append("- ");
        sb.Append('x');
        var s = Parse(sb.ToString(), new YamlParseOptions { MaxDepth = 50_000 });
        s.Errors.ShouldBeEmpty();
        DeepestDepth(s).ShouldBe(40_000);
        s.Root().ExpandedSize.ShouldBe(40_001);
        s.AllNodes().OfType<YamlScalar>().Single().Value.ShouldBe("x");
    }

    [TestMethod]
    public void Billion_laughs_costs_linear_time_and_one_limit_error()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'm'; level++)
        {
            char previous = (char)(level - 1);
            sb.Append(level).Append(": &").Append(level).Append(" [");
            sb.Append(string.Join(",", Enumerable.Repeat("*" + previous, 9)));
            sb.Append("]\n");
        }
        var watch = Stopwatch.StartNew();
        var s = Parse(sb.ToString());
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "hang guard, not a speed test: the benchmark project measures speed");
        var error = SingleLimit(s);
        // The document up to e expands to 74,738 nodes; the first *e inside f adds 66,430.
        s.Source(error.Span).ShouldBe("*e");
        s.At(error.Span).ShouldBe("6:8-6:10");
        var document = s.Documents.ShouldHaveSingleItem();
        document.AliasExpansionExceeded.ShouldBeTrue();
        document.IsComplete.ShouldBeTrue("the tree is still built; aliases are references");
        var root = (YamlMapping)document.Root!;
        root.Entries.Count.ShouldBe(13);
        root.Get("e").ExpandedSize.ShouldBe(66_430);
        root.Get("m").ExpandedSize.ShouldBe(int.MaxValue, "sizes saturate instead of overflowing");
        ((YamlSequence)root.Get("m")).Items[0].Resolve().ShouldBeSameAs(root.Get("l"));
    }

    [TestMethod]
    public void Alias_expansion_limit_is_configurable()
    {
        var s = Parse("a: &a [1, 2, 3]\nb: [*a, *a, *a]\n", new YamlParseOptions { MaxAliasExpansion = 15 });
        var error = SingleLimit(s);
        // root, a, [1, 2, 3], b, [ = 8 nodes; each *a adds 4: the second one reaches 16.
        s.At(error.Span).ShouldBe("2:9-2:11");
        Parse("a: &a [1, 2, 3]\nb: [*a, *a, *a]\n").Errors.ShouldBeEmpty();
    }

    [TestMethod]
    public void Self_referencing_alias_is_an_error_not_a_loop()
    {
        foreach (var yaml in new[] { "a: &a [*a]\n", "a: &a {x: *a}\n", "&a [1, [2, *a]]\n" })
        {
            var s = Parse(yaml);
            var error = s.Errors.ShouldHaveSingleItem();
            error.Kind.ShouldBe(YamlErrorKind.UndefinedAlias);
            error.Message.ShouldContain("recursive");
            s.Source(error.Span).ShouldBe("*a");
            var alias = s.AllNodes().OfType<YamlAlias>().Single();
            alias.Target.ShouldBeNull();
        }
        var later = Parse("a: &a [1]\nb: *a\n");
        later.Errors.ShouldBeEmpty();
    }

    [TestMethod]
    public void A_very_long_single_line()
    {
        var value = new string('x', 2_000_000);
        var watch = Stopwatch.StartNew();
        var s = Parse("key: " + value + "\n");
        var scalar = s.Root().Scalar("key");
        scalar.Value.Length.ShouldBe(value.Length);
        scalar.MapToSource(1_999_990, 5).ShouldBe(new TextSpan(5 + 1_999_990, 5));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "hang guard, not a speed test: the benchmark project measures speed");
        s.Errors.ShouldBeEmpty();
    }

    [TestMethod]
    public void Files_longer_than_the_limit_get_no_tree()
    {
        var s = YamlParser.Parse(new SourceText(new string('a', 100)), new YamlParseOptions { MaxFileLength = 10 });
        var error = SingleLimit(s);
        error.Span.ShouldBe(new TextSpan(0, 0));
        error.Message.ShouldBe("The file has 100 characters, more than the 10 allowed; it is not analysed.");
        s.Documents.ShouldBeEmpty();
        YamlParseOptions.Default.MaxFileLength.ShouldBe(10 * 1024 * 1024);
    }

    [TestMethod]
    public void Too_many_nodes_stops_at_the_first_extra_node()
    {
        var s = Parse("[1, 2, 3, 4, 5, 6]", new YamlParseOptions { MaxNodes = 5 });
        var error = SingleLimit(s);
        s.Source(error.Span).ShouldBe("5");
        ((YamlSequence)s.Root()).Items.Count.ShouldBe(4);
    }
}
