using System;
using System.Collections.Generic;
using Kestra.FlowLint.Analysis;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>
/// KF3005: arguments Pebble refuses when it binds them: an unknown name, too many positional ones, or a
/// required one missing. (A positional argument after a named one is a parse error, KF3001.)
/// </summary>
public sealed class WrongArgumentsAnalyzer : FlowAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "KF3005",
        "Wrong arguments to a Pebble function, filter or macro",
        "{0}",
        Categories.Expressions,
        DiagnosticSeverity.Error,
        "Pebble binds arguments when the value is rendered: an argument name the function does not declare (`The following named argument does not exist`), more positional arguments than it declares (`The argument at position N is not allowed`), or a missing required one fails the task at run time. Macros defined in the template are checked against their parameters. Callables that declare no argument names (`lower`, `max`) ignore extra arguments, so they are not checked.",
        badExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ secret('TOKEN', ns='company') }} {{ [1, 2] | join(',', ' ') }}\"\n",
        goodExample: "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ secret('TOKEN', namespace='company') }} {{ [1, 2] | join(', ') }}\"\n");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = new[] { Rule };

    public override void Initialize(AnalysisContext context) => context.RegisterExpressionAction(context =>
    {
        if (PebbleCalls.RenderedTemplate(context) is not { } template) return;
        IReadOnlyDictionary<string, MacroNode>? macros = null;
        foreach (var call in PebbleCalls.Collect(template))
        {
            // A call the parser could not finish ("secret(" then "}}") has a syntax error (KF3001); its argument
            // list is not what the author wrote.
            if (HasErrorInside(template, call)) continue;
            if (KestraKnowledge.FindCallable(call.Kind, call.Name) is { } callable)
            {
                // Required counts are read from the code of the Dec 2024 snapshot; for callables documented only
                // since (Since set) they are a reading of the docs, too weak to call a flow broken.
                int required = callable.IsVarArgs || callable.Since != null ? 0 : callable.RequiredArgumentCount;
                Check(context, call, new Callable(KindWord(callable.Kind), callable.Name), callable.ArgumentNames, required);
            }
            else if (call.Kind == CallableKind.Function && (macros ??= PebbleCalls.Macros(template)).TryGetValue(call.Name, out var macro))
            {
                // A macro's parameters all default to null (or their default value), so none is required.
                var parameters = new string[macro.Parameters.Count];
                for (int i = 0; i < parameters.Length; i++) parameters[i] = macro.Parameters[i].Name;
                Check(context, call, new Callable("Macro", call.Name), parameters, 0);
            }
        }
    });

    private static bool HasErrorInside(PebbleTemplate template, in PebbleCall call)
    {
        // A finished argument list ends with its ")"; the parser cut this one short.
        if (call.Span.End > call.NameSpan.End && template.Source[call.Span.End - 1] != ')') return true;
        foreach (var error in template.Errors)
        {
            if (error.Span.Start >= call.Span.Start && error.Span.Start <= call.Span.End) return true;
        }
        return false;
    }

    private static void Check(ExpressionAnalysisContext context, in PebbleCall call, Callable what, IReadOnlyList<string>? names, int required)
    {
        var arguments = call.Arguments;
        if (names == null)
        {
            // Pebble neither names nor counts these arguments; only a call with too few can be told wrong.
            if (arguments.Count < required)
                context.ReportInTemplate(Rule, call.Span, null, $"{what} needs at least {Plural(required, "argument")}");
            return;
        }

        int positional = 0;
        Span<bool> bound = names.Count <= 64 ? stackalloc bool[names.Count] : new bool[names.Count];
        for (int a = 0; a < arguments.Count; a++)
        {
            var argument = arguments[a];
            if (argument.Name is not { } name)
            {
                if (positional < names.Count) bound[positional] = true;
                else if (positional == names.Count) ReportTooMany(context, call, what, names, argument, arguments.Count - positional);
                positional++;
                continue;
            }
            int index = IndexOf(names, name);
            if (index >= 0)
            {
                bound[index] = true;
                continue;
            }
            var nameSpan = argument.NameSpan ?? argument.Span;
            var (suffix, fixes) = PebbleCalls.Suggest(context.Site, name, nameSpan, names);
            context.ReportInTemplate(Rule, nameSpan, fixes,
                $"{what} has no argument named `{name}`{suffix}{(suffix.Length == 0 ? "; it takes " + List(names) : "")}");
        }

        List<string>? missing = null;
        for (int i = 0; i < required && i < names.Count; i++)
            if (!bound[i]) (missing ??= new List<string>()).Add(names[i]);
        if (missing is not null)
            context.ReportInTemplate(Rule, call.Span, null,
                $"{what} is missing the required argument{(missing.Count > 1 ? "s" : "")} {string.Join(", ", Quote(missing))}");
    }

    private static void ReportTooMany(ExpressionAnalysisContext context, in PebbleCall call, Callable what, IReadOnlyList<string> names, Argument first, int extra)
    {
        // One finding from the first argument Pebble refuses to the last one given.
        var last = call.Arguments[call.Arguments.Count - 1];
        var span = Text.TextSpan.FromBounds(first.Span.Start, last.Span.End);
        string takes = names.Count == 0 ? "takes no arguments" : $"takes at most {Plural(names.Count, "argument")} ({List(names)})";
        context.ReportInTemplate(Rule, span, null, $"{what} {takes}; {Plural(extra, "extra argument")} would fail the task");
    }

    private static string KindWord(CallableKind kind) => kind switch
    {
        CallableKind.Function => "Function",
        CallableKind.Filter => "Filter",
        _ => "Test",
    };

    /// <summary>How a message names the callable (`Function `secret``); written out only when a finding is reported.</summary>
    private readonly record struct Callable(string Kind, string Name)
    {
        public override string ToString() => Kind + " `" + Name + "`";
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "no arguments" : string.Join(", ", Quote(names));

    private static IEnumerable<string> Quote(IEnumerable<string> names)
    {
        foreach (var name in names) yield return "`" + name + "`";
    }

    private static string Plural(int count, string noun) => count == 1 ? "1 " + noun : count + " " + noun + "s";
}
