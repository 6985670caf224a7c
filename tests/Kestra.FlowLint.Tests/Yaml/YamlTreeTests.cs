using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;
using static Kestra.FlowLint.Tests.Yaml.YamlTestHelpers;

namespace Kestra.FlowLint.Tests.Yaml;

[TestClass]
public class YamlTreeTests
{
    private const string Flow =
        "id: hello\n" +
        "namespace: company.team\n" +
        "tasks:\n" +
        "  - id: log\n" +
        "    type: io.kestra.plugin.core.log.Log\n" +
        "    message: \"Hi {{ inputs.name }}\"\n";

    [TestMethod]
    public void Spans_of_collections_end_at_their_last_content()
    {
        var s = Parse(Flow);
        s.Errors.ShouldBeEmpty();
        var root = (YamlMapping)s.Root();
        s.At(root).ShouldBe("1:1-6:36");
        root.Depth.ShouldBe(0);
        root.Parent.ShouldBeNull();
        root.IsFlowStyle.ShouldBeFalse();

        var tasks = (YamlSequence)root.Get("tasks");
        s.At(tasks).ShouldBe("4:3-6:36");
        tasks.Depth.ShouldBe(1);
        tasks.Parent.ShouldBeSameAs(root);

        var task = (YamlMapping)tasks.Items[0];
        s.At(task).ShouldBe("4:5-6:36");
        task.Depth.ShouldBe(2);
        task.Entries.Select(e => e.KeyText).ShouldBe(new[] { "id", "type", "message" });
    }

    [TestMethod]
    public void Spans_of_keys_and_scalars_are_exact()
    {
        var s = Parse(Flow);
        var root = (YamlMapping)s.Root();
        var ns = root.Entries[1];
        s.At(ns.Key).ShouldBe("2:1-2:10");
        ns.Key.Parent.ShouldBeSameAs(root);
        s.At(ns.Value).ShouldBe("2:12-2:24");

        var message = root.Scalar("tasks", 0, "message");
        message.Style.ShouldBe(YamlScalarStyle.DoubleQuoted);
        message.Value.ShouldBe("Hi {{ inputs.name }}");
        s.At(message).ShouldBe("6:14-6:36");
        s.Source(message.Span).ShouldBe("\"Hi {{ inputs.name }}\"");
    }

    [TestMethod]
    public void Flow_collections_span_their_brackets()
    {
        var s = Parse("a: [1, {b: 2} ]  \nc: {d: [x]}\n");
        var a = (YamlSequence)s.Root().Get("a");
        a.IsFlowStyle.ShouldBeTrue();
        s.Source(a.Span).ShouldBe("[1, {b: 2} ]");
        var inner = (YamlMapping)a.Items[1];
        inner.IsFlowStyle.ShouldBeTrue();
        s.At(inner).ShouldBe("1:8-1:14");
        var c = (YamlMapping)s.Root().Get("c");
        s.Source(c.Span).ShouldBe("{d: [x]}");
        s.At(c.Get("d")).ShouldBe("2:8-2:11");
    }

    [TestMethod]
    public void Single_pair_mappings_in_flow_sequences_span_their_pair()
    {
        // YamlDotNet gives these mappings no position at all.
        var s = Parse("x: [a: b, &k c : d, ? e, f]\n");
        var x = (YamlSequence)s.Root().Get("x");
        x.Items.Count.ShouldBe(4);
        var first = (YamlMapping)x.Items[0];
        first.IsFlowStyle.ShouldBeTrue();
        s.Source(first.Span).ShouldBe("a: b");
        s.Source(x.Items[1].Span).ShouldBe("&k c : d");
        ((YamlMapping)x.Items[1]).Entries[0].Key.Anchor.ShouldBe("k");
        s.Source(x.Items[2].Span).ShouldBe("e");
        ((YamlMapping)x.Items[2]).Scalar("e").IsNull.ShouldBeTrue();
        s.Source(x.Items[3].Span).ShouldBe("f");

        // An anchored flow mapping inside a flow collection is a real mapping with braces.
        var anchored = Parse("- {\"k\": 1, \"v\":&a  {\"sub\": 1}}\n- [&b {c: 2}]\n");
        anchored.Errors.ShouldBeEmpty();
        var inner = anchored.Root().Get(0, "v");
        anchored.Source(inner.Span).ShouldBe("{\"sub\": 1}");
        anchored.Source(inner.AnchorSpan).ShouldBe("&a");
        anchored.Source(anchored.Root().Get(1, 0).Span).ShouldBe("{c: 2}");
    }

    [TestMethod]
    public void Anchor_and_tag_are_not_part_of_the_node_span()
    {
        var s = Parse("a: &x !t foo\nb: &m\n  c: 1\nd: !!str\ne: !!seq\n- x\n");
        var a = s.Root().Get("a");
        s.Source(a.Span).ShouldBe("foo");
        a.Anchor.ShouldBe("x");
        s.Source(a.AnchorSpan).ShouldBe("&x");
        a.Tag.ShouldBe("!t");

        var tagFirst = Parse("x: !t &y bar\n").Root().Get("x");
        tagFirst.Span.ShouldBe(new TextSpan(9, 3));
        tagFirst.AnchorSpan.ShouldBe(new TextSpan(6, 2));
        tagFirst.Tag.ShouldBe("!t");

        var b = s.Root().Get("b");
        b.Kind.ShouldBe(YamlNodeKind.Mapping);
        s.At(b).ShouldBe("3:3-3:7");
        s.At(b.AnchorSpan).ShouldBe("2:4-2:6");

        var d = (YamlScalar)s.Root().Get("d");
        d.IsNull.ShouldBeFalse("tagged !!str, so an empty string rather than null");
        d.Tag.ShouldBe("tag:yaml.org,2002:str");
        d.Span.ShouldBe(new TextSpan(s.Text.Text.IndexOf("!!str") + 5, 0));

        var e = (YamlSequence)s.Root().Get("e");
        e.Tag.ShouldBe("tag:yaml.org,2002:seq");
        s.At(e).ShouldBe("6:1-6:4");
    }

    [TestMethod]
    public void Anchored_and_tagged_scalars_of_every_style_keep_their_source_maps()
    {
        // A scalar keeps its anchor and tag beside its source map: both must survive the map being built, whichever
        // comes first (block scalars get their map while parsing, the others on first use).
        var s = Parse(
            "a: &q !!str \"x\\ty {{ secret('A') }}\"\n" +
            "b: !t &p 'it''s {{ secret(\"B\") }}'\n" +
            "c: &l !!str |\n  line {{ secret('C') }}\n" +
            "d: &f >-\n  folded\n  {{ secret('D') }}\n" +
            "e: &n plain {{ secret('E') }}\n" +
            "f: *q\n");
        s.Errors.ShouldBeEmpty();
        var expected = new[] { ("a", "q", "tag:yaml.org,2002:str", "secret('A')"), ("b", "p", "!t", "secret(\"B\")"),
            ("c", "l", "tag:yaml.org,2002:str", "secret('C')"), ("d", "f", null, "secret('D')"), ("e", "n", null, "secret('E')") };
        foreach (var (key, anchor, tag, call) in expected)
        {
            var v = (YamlScalar)s.Root().Get(key);
            for (int read = 0; read < 2; read++)
            {
                v.Anchor.ShouldBe(anchor, key);
                s.Source(v.AnchorSpan).ShouldBe("&" + anchor, key);
                v.Tag.ShouldBe(tag, key);
                s.Source(v.MapToSource(v.Value.IndexOf(call, System.StringComparison.Ordinal), call.Length)).ShouldBe(call, key);
            }
        }
        ((YamlAlias)s.Root().Get("f")).Target.ShouldBeSameAs(s.Root().Get("a"));
    }

    [TestMethod]
    public void Empty_values_are_null_scalars_with_zero_length_spans_where_the_value_would_be()
    {
        var s = Parse("a:\nb: # c\nc:\n  - \n  -\nd: {x: , y}\ne: ~\n");
        var root = (YamlMapping)s.Root();
        var a = (YamlScalar)root.Get("a");
        a.IsNull.ShouldBeTrue();
        a.Value.ShouldBe("");
        s.At(a).ShouldBe("1:3-1:3");
        s.At(root.Get("b")).ShouldBe("2:3-2:3");
        var c = (YamlSequence)root.Get("c");
        s.At(c.Items[0]).ShouldBe("4:4-4:4");
        s.At(c.Items[1]).ShouldBe("5:4-5:4");
        s.At(c).ShouldBe("4:3-5:4");
        var d = (YamlMapping)root.Get("d");
        s.At(d.Get("x")).ShouldBe("6:7-6:7");
        s.At(d.Get("y")).ShouldBe("6:11-6:11");
        ((YamlScalar)root.Get("e")).IsNull.ShouldBeTrue();
        root.Scalar("a").MapToSource(0, 0).ShouldBe(a.Span);
    }

    [TestMethod]
    public void Empty_keys_sit_at_their_colon()
    {
        var s = Parse("a: 1\n: 2\n");
        var root = (YamlMapping)s.Root();
        s.At(root.Entries[1].Key).ShouldBe("2:1-2:1");
        ((YamlScalar)root.Entries[1].Key).IsNull.ShouldBeTrue();
        var s2 = Parse("\n: x");
        s2.At(s2.Root()).ShouldBe("2:1-2:4");
    }

    [TestMethod]
    public void Plain_null_spellings()
    {
        var s = Parse("- ~\n- null\n- Null\n- NULL\n- nULL\n- 'null'\n- \n");
        var items = ((YamlSequence)s.Root()).Items.Cast<YamlScalar>().Select(x => x.IsNull).ToArray();
        items.ShouldBe(new[] { true, true, true, true, false, false, true });
    }

    [TestMethod]
    public void Duplicate_keys_are_kept_and_lookup_returns_the_first()
    {
        var s = Parse("id: first\nid: second\nnamespace: x\n");
        s.Errors.ShouldBeEmpty();
        var root = (YamlMapping)s.Root();
        root.Entries.Count.ShouldBe(3);
        root.Scalar("id").Value.ShouldBe("first");
        s.At(root.Entries[1].Key).ShouldBe("2:1-2:3");
        root.EffectiveEntries().Select(e => e.Value.Resolve()).Cast<YamlScalar>().Select(v => v.Value).ShouldBe(new[] { "first", "x" });
    }

    [TestMethod]
    public void Aliases_point_at_their_anchor_without_copying()
    {
        var s = Parse("base: &base\n  type: io.kestra.Log\nref: *base\nlist: [*base, *base]\n");
        s.Errors.ShouldBeEmpty();
        var root = (YamlMapping)s.Root();
        var alias = (YamlAlias)root.Get("ref");
        alias.Name.ShouldBe("base");
        alias.Target.ShouldBeSameAs(root.Get("base"));
        alias.Resolve().ShouldBeSameAs(root.Get("base"));
        s.At(alias).ShouldBe("3:6-3:11");
        var list = (YamlSequence)root.Get("list");
        list.Items.ShouldAllBe(i => ((YamlAlias)i).Target == alias.Target);
        root.Get("base").Resolve().ShouldBeSameAs(root.Get("base"));
        root.Get("ref", "type").ShouldBeSameAs(root.Get("base", "type"));
    }

    [TestMethod]
    public void An_alias_binds_to_the_most_recent_anchor_of_that_name()
    {
        var s = Parse("- &a one\n- *a\n- &a two\n- *a\n");
        var items = ((YamlSequence)s.Root()).Items;
        ((YamlScalar)items[1].Resolve()).Value.ShouldBe("one");
        ((YamlScalar)items[3].Resolve()).Value.ShouldBe("two");
    }

    [TestMethod]
    public void Merge_keys_resolve_lazily_and_explicit_keys_win()
    {
        var s = Parse(
            "base: &base\n" +
            "  type: io.kestra.Log\n" +
            "  level: INFO\n" +
            "other: &o {level: DEBUG, extra: 1}\n" +
            "task:\n" +
            "  <<: [*base, *o]\n" +
            "  level: WARN\n");
        s.Errors.ShouldBeEmpty();
        var root = (YamlMapping)s.Root();
        var task = (YamlMapping)root.Get("task");
        task.HasMergeKeys.ShouldBeTrue();
        task.Scalar("level").Value.ShouldBe("WARN");
        task.Get("type").ShouldBeSameAs(root.Get("base", "type"));
        task.Scalar("extra").Value.ShouldBe("1");
        task.TryGetValue("missing", out _).ShouldBeFalse();
        task.TryGetEntry("type", out var entry).ShouldBeTrue();
        s.At(entry.Key).ShouldBe("2:3-2:7");
        task.EffectiveEntries().Select(e => e.KeyText).ShouldBe(new[] { "level", "type", "extra" });
        task.GetValue("<<").ShouldBeNull("the merge key is not a regular key");
    }

    [TestMethod]
    public void Earlier_merge_sources_win_and_bring_their_own_merges_first()
    {
        var s = Parse(
            "a: &a {x: a}\n" +
            "b: &b {<<: *a, y: b}\n" +
            "c: &c {x: c, y: c, z: c}\n" +
            "d: {<<: [*b, *c]}\n");
        var d = (YamlMapping)s.Root().Get("d");
        d.Scalar("x").Value.ShouldBe("a");
        d.Scalar("y").Value.ShouldBe("b");
        d.Scalar("z").Value.ShouldBe("c");
        d.EffectiveEntries().Select(e => e.KeyText + "=" + ((YamlScalar)e.Value).Value).ShouldBe(new[] { "y=b", "x=a", "z=c" });
    }

    [TestMethod]
    public void Quoted_merge_key_is_a_plain_key()
    {
        var s = Parse("a: &a {x: 1}\nb:\n  '<<': *a\n");
        var b = (YamlMapping)s.Root().Get("b");
        b.HasMergeKeys.ShouldBeFalse();
        b.GetValue("x").ShouldBeNull();
        b.GetValue("<<").ShouldBeOfType<YamlAlias>();
    }

    [TestMethod]
    public void Diamond_and_long_merge_chains_stay_linear_and_iterative()
    {
        // 20 levels of a mapping merging its predecessor twice: 2^20 paths, one visit each.
        var yaml = new System.Text.StringBuilder("m0: &m0 {k0: 0}\n");
        for (int i = 1; i <= 20; i++)
            yaml.Append($"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], k{i}: {i}}}\n");
        // and a 20,000-long chain: would overflow a recursive lookup.
        for (int i = 1; i <= 20_000; i++)
            yaml.Append($"c{i}: &c{i} {{<<: *{(i == 1 ? "m0" : "c" + (i - 1))}, n{i}: {i}}}\n");
        var s = Parse(yaml.ToString(), new YamlParseOptions { MaxAliasExpansion = int.MaxValue });
        s.Errors.ShouldBeEmpty();
        var root = (YamlMapping)s.Root();
        root.Scalar("m20", "k0").Value.ShouldBe("0");
        ((YamlMapping)root.Get("m20")).EffectiveEntries().Count().ShouldBe(21);
        root.Scalar("c20000", "k0").Value.ShouldBe("0");
        root.Scalar("c20000", "n1").Value.ShouldBe("1");
    }

    [TestMethod]
    public void Expanded_size_counts_aliases_as_their_targets()
    {
        var s = Parse("a: &a [1, 2, 3]\nb: [*a, *a]\n");
        var root = s.Root();
        root.Get("a").ExpandedSize.ShouldBe(4);
        root.Get("b").ExpandedSize.ShouldBe(9);
        root.ExpandedSize.ShouldBe(1 + 1 + 4 + 1 + 9);
    }

    [TestMethod]
    public void Each_document_says_whether_it_holds_an_alias()
    {
        // An anchor alone shares nothing; an alias or a merge of one does; the flag starts again with each document.
        var s = Parse("a: &x 1\nb: 2\n---\na: &x 1\nb: *x\n---\nbase: &b {k: v}\nm:\n  <<: *b\n---\nc: 3\n");
        s.Errors.ShouldBeEmpty();
        s.Documents.Select(d => d.HasAliases).ShouldBe(new[] { false, true, true, false });
        Parse(Flow).Documents.Single().HasAliases.ShouldBeFalse();
    }

    [TestMethod]
    public void Multi_document_streams()
    {
        var s = Parse("# lead\n--- \na: 1\n...\n---\nb: 2\n--- c\n");
        s.Errors.ShouldBeEmpty();
        s.Documents.Count.ShouldBe(3);
        s.Documents.Select(d => d.Index).ShouldBe(new[] { 0, 1, 2 });
        s.Documents.ShouldAllBe(d => d.IsComplete);
        s.At(s.Documents[0].Span).ShouldBe("2:1-4:4");
        s.At(s.Documents[1].Span).ShouldBe("5:1-6:5");
        ((YamlScalar)s.Documents[2].Root!).Value.ShouldBe("c");
        s.At(s.Documents[2].Span).ShouldBe("7:1-7:6");
    }

    [TestMethod]
    public void Anchors_are_scoped_to_their_document()
    {
        var s = Parse("a: &x 1\n---\nb: *x\n");
        s.Errors.Single().Kind.ShouldBe(YamlErrorKind.UndefinedAlias);
        ((YamlAlias)s.Documents[1].Root!.Get("b")).Target.ShouldBeNull();
    }

    [TestMethod]
    public void Empty_and_comment_only_files_have_no_document()
    {
        Parse("").Documents.ShouldBeEmpty();
        var s = Parse("# only a comment\n");
        s.Documents.ShouldBeEmpty();
        s.Errors.ShouldBeEmpty();
        s.Comments.Single().Text.ShouldBe(" only a comment");
    }

    [TestMethod]
    public void Comments_with_spans_and_inline_flag()
    {
        var s = Parse(
            "# top comment\n" +
            "id: x # inline\n" +
            "msg: \"a # not a comment\"\n" +
            "s: 'b # no' #tight\n" +
            "script: | # header\n" +
            "  echo # content\n" +
            "    # own line, indented\n" +
            "list:\n" +
            "  - # after dash\n" +
            "    1\n" +
            "flow: [1, # in flow\n" +
            "  2]\n");
        s.Errors.ShouldBeEmpty();
        s.Comments.Select(c => c.Text).ShouldBe(new[] { " top comment", " inline", "tight", " header", " after dash", " in flow" });
        s.Comments.Select(c => c.IsInline).ShouldBe(new[] { false, true, true, true, true, true });
        s.At(s.Comments[0].Span).ShouldBe("1:1-1:14");
        s.At(s.Comments[1].Span).ShouldBe("2:7-2:15");
        s.Source(s.Comments[2].Span).ShouldBe("#tight");
        s.Root().Scalar("script").Value.ShouldBe("echo # content\n  # own line, indented\n");
    }

    [TestMethod]
    public void Own_line_comments_between_entries_are_not_inline()
    {
        var s = Parse("a: 1\n  # indented own line\n# column one\nb: 2 # x\n");
        s.Comments.Select(c => (c.IsInline, s.At(c.Span))).ShouldBe(new[] { (false, "2:3-2:22"), (false, "3:1-3:13"), (true, "4:6-4:9") });
    }

    [TestMethod]
    public void Crlf_line_endings_and_a_bom()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("a: 1\r\n# c\r\nb: |\r\n  x\r\n  y\r\nc: [1,\r\n  2]\r\n")).ToArray();
        SourceText.TryDecode(bytes, "f.yaml", out var text, out _).ShouldBeTrue();
        var s = YamlParser.Parse(text!);
        s.Errors.ShouldBeEmpty();
        var root = (YamlMapping)s.Root();
        root.Entries[0].KeyText.ShouldBe("a");
        s.At(root.Get("a")).ShouldBe("1:4-1:5");
        s.At(s.Comments.Single().Span).ShouldBe("2:1-2:4");
        var b = root.Scalar("b");
        b.Value.ShouldBe("x\ny\n");
        s.Source(b.Span).ShouldBe("|\r\n  x\r\n  y\r\n");
        s.Source(b.MapToSource(1, 1)).ShouldBe("\r\n");
        s.At(root.Get("c")).ShouldBe("6:4-7:5");
    }

    [TestMethod]
    public void A_bom_left_in_the_text_is_not_content()
    {
        var s = YamlParser.Parse(new SourceText("\uFEFFa: b"));
        s.Errors.ShouldBeEmpty();
        var root = (YamlMapping)s.Root();
        root.Entries[0].KeyText.ShouldBe("a");
        root.Entries[0].Key.Span.ShouldBe(new TextSpan(1, 1));
        root.Get("a").Span.ShouldBe(new TextSpan(4, 1));
    }

    [TestMethod]
    public void Non_bmp_characters_count_as_two_utf16_units()
    {
        var s = Parse("a: 😀x # 🎉\nb: c\n");
        var root = s.Root();
        s.Source(root.Get("a").Span).ShouldBe("😀x");
        root.Get("a").Span.ShouldBe(new TextSpan(3, 3));
        s.At(root.Get("b")).ShouldBe("2:4-2:5");
        s.Comments.Single().Text.ShouldBe(" 🎉");
    }

    [TestMethod]
    public void Complex_keys_are_nodes_too()
    {
        var s = Parse("? [a, b]\n: v\n? |\n  block key\n: w\n");
        var root = (YamlMapping)s.Root();
        root.Entries[0].Key.ShouldBeOfType<YamlSequence>();
        root.Entries[0].KeyText.ShouldBeNull();
        root.Scalar("block key\n").Value.ShouldBe("w");
        root.EffectiveEntries().Count().ShouldBe(2);
    }
}
