using System.Reflection;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>
/// Each thread reuses one lexer and one parser (<see cref="ParseScratch"/>): a reset one must be a new one in every
/// field, or one template's state would leak into the next parse.
/// </summary>
[TestClass]
public class ParserReuseTests
{
    // Leaves the lexer and parser mid-way through everything they track: an unclosed block, open strings and
    // brackets, a trimming delimiter, a failed expression, open tag bodies.
    private const string Messy = "{%- if a %}{{ x | f(1, 'y\\' }} {{- [1, {'k': \"#{ z \" }} {% for i in l %}{# c";

    private static void ShouldMatchFieldByField(object reused, object fresh)
    {
        var fields = reused.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        fields.Length.ShouldBeGreaterThan(5);
        foreach (var field in fields)
        {
            object? a = field.GetValue(reused), b = field.GetValue(fresh);
            if (field.FieldType.IsValueType) a.ShouldBe(b, field.Name);
            else a.ShouldBeSameAs(b, field.Name);
        }
    }

    [TestMethod]
    public void A_reset_lexer_is_a_new_lexer()
    {
        var errors = new List<PebbleError>();
        var tokens = new TokenBuffer(16);
        var brackets = new List<(char Kind, int Pos)>();
        var lexer = new Lexer(Messy, Array.Empty<RawRegion>(), errors, tokens, brackets);
        lexer.Lex();

        const string next = "{{ b }}";
        var raw = new RawRegion[0];
        lexer.Reset(next, raw, errors, tokens, brackets);
        ShouldMatchFieldByField(lexer, new Lexer(next, raw, errors, tokens, brackets));
    }

    [TestMethod]
    public void A_reset_parser_is_a_new_parser()
    {
        var errors = new List<PebbleError>();
        var tokens = new Lexer(Messy, Array.Empty<RawRegion>(), errors).Lex();
        var stops = new List<StopTags>();
        var parser = new Parser(Messy, tokens, errors, rawPrePass: true, stops);
        parser.ParseTemplate();

        parser.Reset("{{ b }}", tokens, errors, rawPrePass: false, stops);
        ShouldMatchFieldByField(parser, new Parser("{{ b }}", tokens, errors, rawPrePass: false, stops));
    }

    [TestMethod]
    public void Templates_parsed_one_after_another_on_a_thread_parse_as_they_do_alone()
    {
        string[] templates =
        {
            Messy, "{{ a ?? b ??? c }}", "{% raw %}{{ x }}{% endraw %}{{ y", "{{ secret('K') | slice(0, 2) }}",
            "{% set v = [1, 2] %}{% for i in v %}{{ i }}{% endfor %}", "{{ 'unterminated }}", "plain text",
        };
        // Alone: each on a new thread, whose lexer and parser are new.
        var alone = templates.Select(t =>
        {
            string? result = null;
            var thread = new System.Threading.Thread(() => result = Render(t));
            thread.Start();
            thread.Join();
            return result!;
        }).ToList();
        // Parsed in sequence (reusing the thread's lexer and parser) and in another order: the same trees and errors.
        foreach (var order in new[] { templates, templates.Reverse().ToArray() })
            foreach (var t in order) Render(t).ShouldBe(alone[Array.IndexOf(templates, t)], t);
    }

    private static string Render(string template)
    {
        var parsed = PebbleParser.Parse(template);
        return string.Join("|", parsed.DescendantNodes().Select(n => $"{n.GetType().Name}@{n.Span}"))
            + " errors: " + string.Join("|", parsed.Errors.Select(e => $"{e.Span}:{e.Message}"));
    }
}
