using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;
using static Kestra.FlowLint.Tests.Yaml.YamlTestHelpers;

namespace Kestra.FlowLint.Tests.Yaml;

[TestClass]
public class ScalarMapTests
{
    private const string Secret = "{{ secret('X') }}";

    private static (YamlStream Stream, YamlScalar Scalar) ParseValue(string yaml, string key = "v")
    {
        var s = Parse(yaml);
        s.Errors.ShouldBeEmpty();
        var scalar = s.Root().Scalar(key);
        scalar.IsMapExact.ShouldBeTrue();
        return (s, scalar);
    }

    [TestMethod]
    public void Plain_single_line_is_an_identity_map()
    {
        var (s, v) = ParseValue($"v: Hello {Secret} world\n");
        v.Style.ShouldBe(YamlScalarStyle.Plain);
        s.SourceOf(v, Secret).ShouldBe(Secret);
        s.At(v.MapToSource(v.Value.IndexOf('{'), Secret.Length)).ShouldBe("1:10-1:27");
        v.GetMap().ShouldBeSameAs(ScalarSourceMap.Identity);
        v.MapOffset(v.Value.Length).ShouldBe(v.Span.End);
    }

    [TestMethod]
    public void Plain_multi_line_folds_breaks_and_drops_indentation()
    {
        var (s, v) = ParseValue("v: first line   \n    " + Secret + "\n\n  last\n");
        v.Value.ShouldBe("first line " + Secret + "\nlast");
        s.SourceOf(v, Secret).ShouldBe(Secret);
        s.At(v.MapToSource(v.Value.IndexOf('{'), Secret.Length)).ShouldBe("2:5-2:22");
        // The space that joins two lines stands for the trailing blanks, the break and the indentation.
        s.SourceOf(v, " {{").ShouldBe("   \n    {{");
        // With an empty line in between, the one remaining newline stands for both breaks.
        s.SourceOf(v, "\n").ShouldBe("\n\n  ");
        s.SourceOf(v, "last").ShouldBe("last");
        s.At(v).ShouldBe("1:4-4:7");
    }

    [TestMethod]
    public void Single_quoted_with_doubled_quotes_and_folding()
    {
        var (s, v) = ParseValue("v: 'It''s " + "{{ secret(''X'') }}" + "\n   next'\n");
        v.Style.ShouldBe(YamlScalarStyle.SingleQuoted);
        v.Value.ShouldBe("It's " + Secret + " next");
        s.SourceOf(v, Secret).ShouldBe("{{ secret(''X'') }}");
        s.SourceOf(v, "'").ShouldBe("''");
        s.SourceOf(v, "'X'").ShouldBe("''X''");
        s.SourceOf(v, " next").ShouldBe("\n   next");
        s.Source(v.Span).ShouldBe("'It''s {{ secret(''X'') }}\n   next'");
        // Inside a quoted pair: the range ends inside the escape, so it covers all of it.
        s.Source(v.MapToSource(2, 1)).ShouldBe("''");
    }

    [TestMethod]
    public void Double_quoted_escapes_map_to_their_whole_escape()
    {
        // é as \u00e9, escaped quotes, a tab escape, a non-BMP character and an escaped line break.
        var yaml = "v: \"caf\\u00e9 \\\"" + Secret + "\\\"\\t😀 end \\\n   more\\x41\\U0001F600\\/\\ \\_\\N\\L\\P\\0\\a\\b\\e\\f\\r\\v\\\t\\\\\"\n";
        var (s, v) = ParseValue(yaml);
        v.Style.ShouldBe(YamlScalarStyle.DoubleQuoted);
        v.Value.ShouldBe("café \"" + Secret + "\"\t😀 end moreA😀/ \u00A0\u0085\u2028\u2029\0\a\b\u001B\f\r\v\t\\");
        s.SourceOf(v, "é").ShouldBe("\\u00e9");
        s.SourceOf(v, "\"").ShouldBe("\\\"");
        s.SourceOf(v, Secret).ShouldBe(Secret);
        s.SourceOf(v, "\t").ShouldBe("\\t");
        s.SourceOf(v, "😀").ShouldBe("😀");
        s.At(v.MapToSource(v.Value.IndexOf("😀", StringComparison.Ordinal), 2)).ShouldBe("1:38-1:40");
        // The escaped line break joins without a space; the space before the backslash is content.
        s.SourceOf(v, "end more").ShouldBe("end \\\n   more");
        s.At(v.MapToSource(v.Value.IndexOf("more", StringComparison.Ordinal), 4)).ShouldBe("2:4-2:8");
        s.SourceOf(v, "A").ShouldBe("\\x41");
        s.SourceOf(v, "😀", 1).ShouldBe("\\U0001F600");
        // Half of a surrogate pair produced by one escape still maps to the whole escape.
        int pair = v.Value.IndexOf("😀", v.Value.IndexOf('A'), StringComparison.Ordinal);
        s.Source(v.MapToSource(pair + 1, 1)).ShouldBe("\\U0001F600");
        v.MapOffset(pair + 1).ShouldBe(v.MapOffset(pair));
        s.SourceOf(v, "/").ShouldBe("\\/");
        s.SourceOf(v, "\u00A0").ShouldBe("\\_");
        s.SourceOf(v, "\u0085").ShouldBe("\\N");
        s.SourceOf(v, "\u2028").ShouldBe("\\L");
        s.SourceOf(v, "\u2029").ShouldBe("\\P");
        s.SourceOf(v, "\0").ShouldBe("\\0");
        s.SourceOf(v, "\u001B").ShouldBe("\\e");
        s.SourceOf(v, "\t", 1).ShouldBe("\\\t");
        s.SourceOf(v, "\\").ShouldBe("\\\\");
        s.SourceOf(v, "é \"{{").ShouldBe("\\u00e9 \\\"{{");
    }

    [TestMethod]
    public void Double_quoted_escaped_surrogate_pair_is_one_unit()
    {
        var (s, v) = ParseValue("v: \"a\\uD83D\\uDE00b\"\n");
        v.Value.ShouldBe("a😀b");
        s.SourceOf(v, "😀").ShouldBe("\\uD83D\\uDE00");
        s.Source(v.MapToSource(1, 1)).ShouldBe("\\uD83D\\uDE00");
        s.SourceOf(v, "b").ShouldBe("b");
    }

    [TestMethod]
    public void Double_quoted_folding_with_empty_lines()
    {
        var (s, v) = ParseValue("v: \"one  \n\n  \n    two \\\n\n  three\"\n");
        v.Value.ShouldBe("one\n\ntwo \nthree");
        s.SourceOf(v, "\n").ShouldBe("  \n\n");
        s.SourceOf(v, "\n", 1).ShouldBe("  \n    ");
        // An escaped break followed by an empty line keeps that line's break.
        s.SourceOf(v, "\n", 2).ShouldBe("\\\n\n  ");
    }

    [TestMethod]
    public void Literal_block_clip()
    {
        var (s, v) = ParseValue("v: |\n  echo \"" + Secret + "\"\n    indented\n\n  done\n\n\nnext: 1\n");
        v.Style.ShouldBe(YamlScalarStyle.Literal);
        v.Value.ShouldBe("echo \"" + Secret + "\"\n  indented\n\ndone\n");
        s.At(v.MapToSource(v.Value.IndexOf('{'), Secret.Length)).ShouldBe("2:9-2:26");
        s.SourceOf(v, "  indented").ShouldBe("  indented");
        // The value's last character is the line break after "done"; the empty lines after it are not part of it.
        s.At(v.MapToSource(v.Value.Length - 1, 1)).ShouldBe("5:7-6:1");
        s.At(v).ShouldBe("1:4-6:1");
        v.MapOffset(v.Value.Length).ShouldBe(v.Span.End);
    }

    [TestMethod]
    public void Literal_block_strip_and_keep()
    {
        var (s, strip) = ParseValue("v: |-\n  a\n  b\n\nw: 1\n");
        strip.Value.ShouldBe("a\nb");
        s.Source(strip.Span).ShouldBe("|-\n  a\n  b");

        var (s2, keep) = ParseValue("v: |+\n  a\n\n  \nw: 1\n");
        keep.Value.ShouldBe("a\n\n\n");
        s2.Source(keep.Span).ShouldBe("|+\n  a\n\n  \n");
        s2.SourceOf(keep, "\n", 2).ShouldBe("\n");
        s2.At(keep.MapToSource(3, 1)).ShouldBe("4:3-5:1");
    }

    [TestMethod]
    public void Literal_block_with_indentation_indicator_keeps_extra_spaces()
    {
        var (s, v) = ParseValue("v: |2\n    four\n   three\nw: 1\n");
        v.Value.ShouldBe("  four\n three\n");
        s.SourceOf(v, "  four").ShouldBe("  four");
        s.At(v.MapToSource(0, 1)).ShouldBe("2:3-2:4");

        var (s2, keep) = ParseValue("v: |+1\n  x\n\nw: 1\n");
        keep.Value.ShouldBe(" x\n\n");
        s2.SourceOf(keep, " x").ShouldBe(" x");
    }

    [TestMethod]
    public void Indentation_indicator_is_relative_to_the_enclosing_block_collection()
    {
        var s = Parse("- |1\n  x\n- a:\n    b: >2-\n       y\n      z\n");
        s.Errors.ShouldBeEmpty();
        var first = s.Root().Scalar(0);
        first.Value.ShouldBe(" x\n");
        first.IsMapExact.ShouldBeTrue();
        var nested = s.Root().Scalar(1, "a", "b");
        nested.Value.ShouldBe(" y\nz");
        nested.IsMapExact.ShouldBeTrue();
        s.SourceOf(nested, " y").ShouldBe(" y");
        s.SourceOf(nested, "z").ShouldBe("z");

        var top = Parse("--- >1\n  more\n x\n");
        top.Root().ShouldBeOfType<YamlScalar>().Value.ShouldBe(" more\nx\n");
        ((YamlScalar)top.Root()).IsMapExact.ShouldBeTrue();
    }

    [TestMethod]
    public void Folded_block_keeps_breaks_around_more_indented_lines_and_empty_lines()
    {
        var (s, v) = ParseValue(
            "v: >\n" +
            "  first\n" +
            "  second\n" +
            "\n" +
            "  third\n" +
            "    indented\n" +
            "  last " + Secret + "\n" +
            "w: 1\n");
        v.Style.ShouldBe(YamlScalarStyle.Folded);
        v.Value.ShouldBe("first second\nthird\n  indented\nlast " + Secret + "\n");
        s.SourceOf(v, " ").ShouldBe("\n");
        s.At(v.MapToSource(v.Value.IndexOf(' '), 1)).ShouldBe("2:8-3:1");
        // "second\n\nthird": the folded break is dropped, the empty line's break remains.
        s.At(v.MapToSource(v.Value.IndexOf('\n'), 1)).ShouldBe("4:1-5:1");
        s.SourceOf(v, "  indented").ShouldBe("  indented");
        s.At(v.MapToSource(v.Value.IndexOf('{'), Secret.Length)).ShouldBe("7:8-7:25");
    }

    [TestMethod]
    public void Folded_block_strip_and_keep()
    {
        var (s, strip) = ParseValue("v: >-\n  a\n  b\n\nw: 1\n");
        strip.Value.ShouldBe("a b");
        s.Source(strip.Span).ShouldBe(">-\n  a\n  b");
        var (s2, keep) = ParseValue("v: >+\n  a\n  b\n\nw: 1\n");
        keep.Value.ShouldBe("a b\n\n");
        s2.Source(keep.Span).ShouldBe(">+\n  a\n  b\n\n");
    }

    [TestMethod]
    public void Block_scalar_at_end_of_file_without_line_break()
    {
        var (s, v) = ParseValue("v: |\n  x");
        v.Value.ShouldBe("x");
        s.Source(v.Span).ShouldBe("|\n  x");
        var (s2, empty) = ParseValue("v: |\nw: 1\n");
        empty.Value.ShouldBe("");
        s2.Source(empty.Span).ShouldBe("|");
        empty.MapToSource(0, 0).ShouldBe(new TextSpan(empty.Span.End, 0));
    }

    [TestMethod]
    public void Crlf_in_every_style()
    {
        var s = Parse("p: a\r\n  b\r\nq: 'c\r\n\r\n  d'\r\nr: \"e\\\r\n  f\"\r\nl: |\r\n  g\r\n\r\n  h\r\nf: >\r\n  i\r\n  j\r\n");
        s.Errors.ShouldBeEmpty();
        var root = s.Root();
        root.Scalar("p").Value.ShouldBe("a b");
        s.SourceOf(root.Scalar("p"), " ").ShouldBe("\r\n  ");
        root.Scalar("q").Value.ShouldBe("c\nd");
        s.SourceOf(root.Scalar("q"), "\n").ShouldBe("\r\n\r\n  ");
        root.Scalar("r").Value.ShouldBe("ef");
        root.Scalar("l").Value.ShouldBe("g\n\nh\n");
        s.SourceOf(root.Scalar("l"), "\n", 1).ShouldBe("\r\n");
        root.Scalar("f").Value.ShouldBe("i j\n");
        s.SourceOf(root.Scalar("f"), " ").ShouldBe("\r\n");
        foreach (var scalar in s.AllNodes().OfType<YamlScalar>())
            scalar.IsMapExact.ShouldBeTrue(scalar.Value);
    }

    [TestMethod]
    public void Unicode_line_separators_are_breaks_for_yaml()
    {
        // NEL, LS and PS are YAML 1.1 line breaks: YamlDotNet folds NEL like LF and keeps LS/PS.
        var s = Parse("v: \"a\u0085 b\u2028 c\"\nw: d\u0085  e\n");
        var v = s.Root().Scalar("v");
        v.Value.ShouldBe("a b\u2028c");
        v.IsMapExact.ShouldBeTrue();
        s.SourceOf(v, " ").ShouldBe("\u0085 ");
        s.SourceOf(v, "\u2028").ShouldBe("\u2028 ");
        var w = s.Root().Scalar("w");
        w.Value.ShouldBe("d e");
        s.SourceOf(w, " ").ShouldBe("\u0085  ");
    }

    [TestMethod]
    public void Map_offsets_and_range_validation()
    {
        var (s, v) = ParseValue("v: 'a''b'\n");
        v.MapOffset(0).ShouldBe(4);
        v.MapOffset(1).ShouldBe(5);
        v.MapOffset(2).ShouldBe(7);
        v.MapOffset(3).ShouldBe(8);
        v.MapToSource(1, 0).ShouldBe(new TextSpan(5, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => v.MapToSource(2, 2));
        Should.Throw<ArgumentOutOfRangeException>(() => v.MapOffset(4));
        Should.Throw<ArgumentOutOfRangeException>(() => v.MapToSource(-1, 1));
    }

    [TestMethod]
    public void Keys_have_maps_too()
    {
        var s = Parse("\"k\\u0065y\": 1\n");
        var key = (YamlScalar)((YamlMapping)s.Root()).Entries[0].Key;
        key.Value.ShouldBe("key");
        s.SourceOf(key, "e").ShouldBe("\\u0065");
    }
}
