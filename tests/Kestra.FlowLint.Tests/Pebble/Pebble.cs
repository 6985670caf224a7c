using System.IO;
using System.Text;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Tests.Pebble;

/// <summary>Shared helpers: parse and print, describe errors, check that spans stay in bounds.</summary>
internal static class P
{
    public static PebbleTemplate Parse(string template, bool rawPrePass = true) =>
        PebbleParser.Parse(template, rawPrePass ? PebbleParseOptions.Default : PebbleParseOptions.PebbleOnly);

    /// <summary>The S-expression of a template that must parse without errors.</summary>
    public static string Sx(string template, bool rawPrePass = true)
    {
        var parsed = Parse(template, rawPrePass);
        parsed.Errors.ShouldBeEmpty($"errors in {template}: {Describe(parsed)}");
        AssertSpansInBounds(parsed);
        return SExpressionPrinter.Print(parsed);
    }

    /// <summary>The S-expression of a template's only print node.</summary>
    public static string Expr(string expression) => Sx("{{ " + expression + " }}");

    public static IReadOnlyList<PebbleError> Errors(string template, bool rawPrePass = true)
    {
        var parsed = Parse(template, rawPrePass);
        AssertSpansInBounds(parsed);
        return parsed.Errors;
    }

    public static PebbleError SingleError(string template, bool rawPrePass = true)
    {
        var errors = Errors(template, rawPrePass);
        errors.Count.ShouldBe(1, $"expected one error in {template}, got: {string.Join(" | ", errors)}");
        return errors[0];
    }

    public static string Describe(PebbleTemplate t) => string.Join(" | ", t.Errors.Select(e => $"{e.Span} {e.Kind} {e.Message}"));

    /// <summary>Offset and text of an error's span, for compact assertions.</summary>
    public static string At(string template, PebbleError e) => $"{e.Span.Start}:{template.Substring(e.Span.Start, e.Span.Length)}";

    public static string Run(string template, out int exitCode)
    {
        var w = new StringWriter();
        exitCode = PebbleExpr.Run(template, w);
        return w.ToString();
    }

    public static void AssertSpansInBounds(PebbleTemplate t)
    {
        // Messages are built only on failure: this runs on every node of large fuzz inputs.
        int n = t.Source.Length;
        foreach (var e in t.Errors)
        {
            if (e.Span.End > n) Assert.Fail($"error span {e.Span} beyond {n}: {e.Message}");
            if (e.Span.Length == 0 && e.Span.Start != n) Assert.Fail($"empty error span {e.Span} not at the end ({n}): {e.Message}");
        }
        foreach (var node in t.DescendantNodes())
        {
            if (node.Span.End > n) Assert.Fail($"{node.GetType().Name} span {node.Span} beyond {n}");
            if (node.Parent != null && !node.Parent.Span.Contains(node.Span))
            {
                Assert.Fail($"{node.GetType().Name} {node.Span} outside its parent {node.Parent.GetType().Name} {node.Parent.Span} in {t.Source}");
            }
        }
    }

    /// <summary>Finds Kestra.FlowLint.sln by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Kestra.FlowLint.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Kestra.FlowLint.sln not found above " + AppContext.BaseDirectory);
    }
}
