using Kestra.FlowLint.Yaml;
using static Kestra.FlowLint.Tests.Yaml.YamlTestHelpers;

namespace Kestra.FlowLint.Tests.Yaml;

[TestClass]
public class YamlErrorTests
{
    private static YamlError SingleError(YamlStream s, YamlErrorKind kind = YamlErrorKind.Syntax)
    {
        var error = s.Errors.ShouldHaveSingleItem();
        error.Kind.ShouldBe(kind);
        error.Message.ShouldNotStartWith("(Line");
        error.Message.ShouldNotContain("Idx:");
        return error;
    }

    [TestMethod]
    public void Bad_indentation_points_at_the_unexpected_colon()
    {
        var s = Parse("a: 1\n b: 2\n");
        var error = SingleError(s);
        s.At(error.Span).ShouldBe("2:3-2:4");
        error.Message.ShouldBe("While scanning a plain scalar value, found invalid mapping.");
        var document = s.Documents.ShouldHaveSingleItem();
        document.IsComplete.ShouldBeFalse();
        document.Root.ShouldBeOfType<YamlMapping>();
    }

    [TestMethod]
    public void Unclosed_quote_spans_from_the_quote_to_the_end()
    {
        var s = Parse("a: 'abc\nb: 1");
        var error = SingleError(s);
        s.At(error.Span).ShouldBe("1:4-2:5");
        error.Message.ShouldBe("While scanning a quoted scalar, found unexpected end of stream.");
    }

    [TestMethod]
    public void Unclosed_flow_sequence_at_end_of_file()
    {
        var s = Parse("a: [1, 2\n");
        var error = SingleError(s);
        s.At(error.Span).ShouldBe("2:1-2:1");
        error.Span.IsEmpty.ShouldBeTrue("at the end of the file there is no character to point at");
        error.Message.ShouldBe("While parsing a flow sequence, did not find expected ',' or ']'.");
        var a = (YamlSequence)s.Root().Get("a");
        a.Items.Count.ShouldBe(2);
        s.Source(a.Span).ShouldBe("[1, 2");
    }

    [TestMethod]
    public void Unclosed_flow_sequence_before_a_less_indented_line()
    {
        // YamlDotNet throws a bare InvalidOperationException here; it must become a located error.
        var s = Parse("a: [1, 2\nb: 3\n");
        var error = SingleError(s);
        s.At(error.Span).ShouldBe("2:1-2:2");
        error.Message.ShouldBe("While scanning the flow sequence that starts at line 1, column 4, found a line indented less than its content; is the closing ']' missing?");
    }

    [TestMethod]
    public void Tab_indentation_points_at_the_tab()
    {
        var s = Parse("a:\n\tb: 1\n");
        var error = SingleError(s);
        s.At(error.Span).ShouldBe("2:1-2:2");
        error.Message.ShouldBe("While scanning a mapping, found invalid tab as indentation.");
    }

    [TestMethod]
    public void Unknown_escape_in_double_quotes()
    {
        var s = Parse("a: \"x\\qy\"\n");
        var error = SingleError(s);
        // YamlDotNet's span: from the opening quote up to the bad escape.
        s.At(error.Span).ShouldBe("1:4-1:6");
        error.Message.ShouldBe("While scanning a quoted scalar, found unknown escape character.");
    }

    [TestMethod]
    public void Undefined_alias_is_reported_and_parsing_goes_on()
    {
        var s = Parse("a: *nope\nb: 1\n");
        var error = SingleError(s, YamlErrorKind.UndefinedAlias);
        s.At(error.Span).ShouldBe("1:4-1:9");
        error.Message.ShouldBe("The alias '*nope' refers to no anchor '&nope' defined before it in this document.");
        var document = s.Documents.ShouldHaveSingleItem();
        document.IsComplete.ShouldBeTrue();
        var alias = (YamlAlias)document.Root!.Get("a");
        alias.Target.ShouldBeNull();
        alias.Resolve().ShouldBeSameAs(alias);
        document.Root!.Scalar("b").Value.ShouldBe("1");
    }

    [TestMethod]
    public void Forward_references_are_undefined()
    {
        var s = Parse("a: *x\nb: &x 1\n");
        SingleError(s, YamlErrorKind.UndefinedAlias);
    }

    [TestMethod]
    public void Documents_before_an_error_are_kept()
    {
        var s = Parse("a: 1\n---\nb: [x,\nc: 2\n");
        s.Errors.Count.ShouldBe(1);
        s.Documents.Count.ShouldBe(2);
        s.Documents[0].IsComplete.ShouldBeTrue();
        s.Documents[0].Root!.Scalar("a").Value.ShouldBe("1");
        s.Documents[1].IsComplete.ShouldBeFalse();
        var b = (YamlSequence)s.Documents[1].Root!.Get("b");
        b.Items.Cast<YamlScalar>().Single().Value.ShouldBe("x");
    }

    [TestMethod]
    public void Positions_after_non_bmp_characters_and_crlf_are_utf16()
    {
        var s = Parse("a: 😀\r\nb: 'x\r\n");
        var error = SingleError(s);
        // The quote is at UTF-16 offset 10: the emoji counts two units, CRLF two.
        error.Span.Start.ShouldBe(10);
        s.At(error.Span).ShouldBe("2:4-3:1");
    }

    [TestMethod]
    public void Broken_inputs_never_throw()
    {
        foreach (var yaml in new[]
        {
            "]", "}", "{", "[", "- a\nb: 1", "? ", "%YAML 2.0\n---\na", "!<x", "&", "*", "a: &a &b 1", "a: !!x!y 1", "'", "\"\\", "\"\\u12\"",
            "\"\\uD800\"", "\"\\uDC00\\uD800\"", "|0\n x", ">-+\n x", "--- |\n  a\n...\n...\n--- >\n", "%TAG ! tag:x\n--- !a b", "a:\n  - b\n - c", "\0", "a: \0b",
            "\uFEFF", "\uFEFF\uFEFFa: 1", "a: b\n\u2028c: d", "[a: b: c]", "{a: [}", ",", "- - - ]", "a: |\n\tb", "x: @y", "x: `y`", "key: value # c\n  bad",
        })
        {
            var s = YamlParser.Parse(new Kestra.FlowLint.Text.SourceText(yaml));
            YamlCorpusTests.CheckInvariants(s, requireExactMaps: false).ToList().ShouldBeEmpty(yaml);
        }
    }
}
