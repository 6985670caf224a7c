using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Configuration;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>One use of a function, filter or test in a template, whatever syntax wrote it.</summary>
internal readonly struct PebbleCall
{
    public PebbleCall(CallableKind kind, string name, TextSpan nameSpan, TextSpan span, IReadOnlyList<Argument> arguments)
    {
        Kind = kind;
        Name = name;
        NameSpan = nameSpan;
        Span = span;
        Arguments = arguments;
    }

    public CallableKind Kind { get; }
    public string Name { get; }
    public TextSpan NameSpan { get; }

    /// <summary>From the name to the closing parenthesis (just the name when none were written).</summary>
    public TextSpan Span { get; }

    public IReadOnlyList<Argument> Arguments { get; }
}

/// <summary>The calls of a template and the macros it defines, shared by the KF3002–KF3005 rules.</summary>
internal static class PebbleCalls
{
    private static readonly object CallsFact = new();
    private static readonly object MacrosFact = new();

    /// <summary>
    /// Every call in source order: <c>f(…)</c>, <c>x | f(…)</c>, <c>{% filter f(…) %}</c> and <c>x is f(…)</c>.
    /// Names inside string literals, comments or verbatim blocks are text, and variables are not calls.
    /// Computed once per template for the five rules that ask.
    /// </summary>
    /// <remarks>An array, so the rules' loops over it allocate no enumerator (they run for every value).</remarks>
    public static PebbleCall[] Collect(PebbleTemplate template) => template.GetOrAddFact(CallsFact, static template =>
    {
        var calls = t_calls ??= new List<PebbleCall>();
        calls.Clear();
        foreach (var node in template.DescendantNodes())
        {
            switch (node)
            {
                case FunctionCallExpression f:
                    calls.Add(new PebbleCall(CallableKind.Function, f.Name, f.NameSpan, TextSpan.FromBounds(f.NameSpan.Start, f.Span.End), f.Arguments));
                    break;
                case FilterExpression f:
                    calls.Add(new PebbleCall(CallableKind.Filter, f.Name, f.NameSpan, TextSpan.FromBounds(f.NameSpan.Start, f.Span.End), f.Arguments));
                    break;
                case FilterCall f:
                    calls.Add(new PebbleCall(CallableKind.Filter, f.Name, f.NameSpan, TextSpan.FromBounds(f.NameSpan.Start, f.Span.End), f.Arguments));
                    break;
                case TestExpression t:
                    calls.Add(new PebbleCall(CallableKind.Test, t.Name, t.NameSpan, TextSpan.FromBounds(t.NameSpan.Start, t.Span.End), t.Arguments));
                    break;
            }
        }
        return calls.Count == 0 ? Array.Empty<PebbleCall>() : calls.ToArray();
    });

    // Collecting into one list per thread, copied out at the end: most templates have a call or two.
    [ThreadStatic] private static List<PebbleCall>? t_calls;

    /// <summary>
    /// The macros the template defines, by name. Pebble registers them while parsing, so a macro can be called
    /// before (and outside) its definition; the first of two same-named macros wins.
    /// </summary>
    public static IReadOnlyDictionary<string, MacroNode> Macros(PebbleTemplate template) => template.GetOrAddFact(MacrosFact, static template =>
    {
        Dictionary<string, MacroNode>? macros = null;
        foreach (var node in template.DescendantNodes())
        {
            if (node is MacroNode macro && macro.Name.Name.Length > 0)
            {
                macros ??= new Dictionary<string, MacroNode>(StringComparer.Ordinal);
                if (!macros.ContainsKey(macro.Name.Name)) macros.Add(macro.Name.Name, macro);
            }
        }
        return (IReadOnlyDictionary<string, MacroNode>?)macros ?? NoMacros;
    });

    private static readonly IReadOnlyDictionary<string, MacroNode> NoMacros = new Dictionary<string, MacroNode>();

    /// <summary>
    /// The message tail for a misspelt name ("; did you mean `x`?") and, when exactly one name is close, the fix
    /// that writes it instead.
    /// </summary>
    public static (string Suffix, IReadOnlyList<CodeFix>? Fixes) Suggest(ExpressionSite site, string name, TextSpan nameSpan, IEnumerable<string> candidates)
    {
        var close = DidYouMean.CloseCandidates(name, candidates);
        if (close.Count == 0) return ("", null);
        // Pebble names are case-sensitive, so `toJSON` is meant as `toJson` whatever else is close.
        foreach (var candidate in close)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                return ($"; did you mean `{candidate}`? (names are case-sensitive)", Rename(site, name, nameSpan, candidate));
        }
        string suffix = close.Count == 1 ? $"; did you mean `{close[0]}`?"
            : $"; did you mean `{close[0]}` or `{close[1]}`?";
        return (suffix, close.Count == 1 ? Rename(site, name, nameSpan, close[0]) : null);
    }

    /// <summary>
    /// The fix that replaces a name, or null where the edit cannot be made in place: through an alias the name is
    /// at the anchor (which has its own finding), and a name the scalar does not hold verbatim is left alone.
    /// A change of case or a documented rename is safe to apply unattended; a guessed spelling is not.
    /// </summary>
    public static IReadOnlyList<CodeFix>? Rename(ExpressionSite site, string name, TextSpan nameSpan, string replacement, bool safe = false)
    {
        if (site.ViaAlias is not null) return null;
        var span = site.MapToSource(nameSpan);
        if (span.Length != name.Length || site.Flow.Text.ToString(span) != name) return null;
        safe |= string.Equals(name, replacement, StringComparison.OrdinalIgnoreCase);
        return new[] { new CodeFix($"Replace `{name}` with `{replacement}`", new[] { new TextEdit(span, replacement) }, safe) };
    }

    /// <summary>The names of a kind, for suggestions.</summary>
    public static IEnumerable<string> KnownNames(CallableKind kind, IReadOnlyDictionary<string, MacroNode>? macros)
    {
        var table = kind switch
        {
            CallableKind.Function => KestraKnowledge.Functions,
            CallableKind.Filter => KestraKnowledge.Filters,
            _ => KestraKnowledge.Tests,
        };
        foreach (var entry in table.Values)
        {
            // A deprecated alias is known, but suggesting it would replace one problem by another.
            if (!entry.Deprecated) yield return entry.Name;
        }
        if (macros != null)
            foreach (var name in macros.Keys) yield return name;
    }

    /// <summary>The template of a value Kestra renders, or null: an unrendered value's braces are just text.</summary>
    public static PebbleTemplate? RenderedTemplate(ExpressionAnalysisContext context) =>
        context.Site.IsRendered ? context.Site.Template : null;
}

/// <summary>The check KF3002, KF3003 and KF3004 share: a name Kestra's Pebble engine does not register.</summary>
internal static class UnknownCallable
{
    // Tests from Jinja and Twig that Pebble spells differently; edit distance would suggest the opposite (`defined`).
    private static readonly Dictionary<string, string> ForeignTests = new(StringComparer.Ordinal)
    {
        ["undefined"] = "; use `is not defined`",
        ["none"] = "; use `is null`",
        ["sameas"] = "; use `==`",
        ["divisibleby"] = "; use `x % n == 0`",
        ["string"] = "; Pebble has no type tests besides `iterable` and `map`",
        ["number"] = "; Pebble has no type tests besides `iterable` and `map`",
    };

    // Jinja filters with a different name or no use in Kestra.
    private static readonly Dictionary<string, string> ForeignFilters = new(StringComparer.Ordinal)
    {
        ["int"] = "; use `number('INT')` (or `number('LONG')`)",
        ["float"] = "; use `number('FLOAT')` (or `number('DOUBLE')`)",
        ["count"] = "; use `length`",
        ["safe"] = "; Kestra does not escape output, so remove it",
        ["e"] = "; Kestra does not escape output, so remove it (use `escapeChar` to escape quotes)",
    };

    public static void Register(AnalysisContext context, DiagnosticDescriptor rule, CallableKind kind) => context.RegisterExpressionAction(context =>
    {
        if (PebbleCalls.RenderedTemplate(context) is not { } template) return;
        IReadOnlyDictionary<string, MacroNode>? macros = null;
        foreach (var call in PebbleCalls.Collect(template))
        {
            if (call.Kind != kind || call.Name.Length == 0 || KestraKnowledge.FindCallable(kind, call.Name) != null) continue;
            // Pebble looks a function name up among the extensions first, then among the template's macros.
            if (kind == CallableKind.Function && (macros ??= PebbleCalls.Macros(template)).ContainsKey(call.Name)) continue;

            if (kind == CallableKind.Filter && KestraKnowledge.RemovedFilters.TryGetValue(call.Name, out var removed))
            {
                var fixes = removed.Replacement is { } replacement
                    ? PebbleCalls.Rename(context.Site, call.Name, call.NameSpan, replacement, safe: true)
                    : null;
                string tail = " in Kestra: " + removed.Reason + (removed.Replacement is { } r ? $" Use `{r}`." : "");
                context.ReportInTemplate(rule, call.NameSpan, fixes, call.Name, tail);
                continue;
            }

            var habits = kind == CallableKind.Test ? ForeignTests : kind == CallableKind.Filter ? ForeignFilters : null;
            if (habits != null && habits.TryGetValue(call.Name, out var advice))
            {
                context.ReportInTemplate(rule, call.NameSpan, null, call.Name, advice);
                continue;
            }

            var (suffix, suggested) = PebbleCalls.Suggest(context.Site, call.Name, call.NameSpan, PebbleCalls.KnownNames(kind, macros));
            context.ReportInTemplate(rule, call.NameSpan, suggested, call.Name, suffix);
        }
    });
}
