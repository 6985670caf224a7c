using System;
using System.Collections.Generic;
using Kestra.FlowLint.Flows;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Rules.Expressions;

/// <summary>
/// One read of a context variable's first key with a constant name: `inputs.x`, `inputs['x']`, `outputs.t.value`.
/// Spans are in the template's (decoded value's) coordinates.
/// </summary>
internal sealed class ContextReference
{
    public ContextReference(VariableExpression root, AttributeExpression access, string key, TextSpan keySpan, ReferenceGuard guard)
    {
        Root = root;
        Access = access;
        Key = key;
        KeySpan = keySpan;
        Guard = guard;
    }

    public VariableExpression Root { get; }

    /// <summary>`inputs.x` (or `inputs['x']`): the root and its first key.</summary>
    public AttributeExpression Access { get; }

    public string Key { get; }

    /// <summary>The name after the dot, or the quoted string of a subscript.</summary>
    public TextSpan KeySpan { get; }

    public ReferenceGuard Guard { get; }

    /// <summary>Whether a missing name is tolerated here (see <see cref="ReferenceGuard"/>).</summary>
    public bool IsGuarded => Guard != ReferenceGuard.None;
}

/// <summary>
/// Kestra renders with strict variables, so an undefined name throws, except where Pebble is told it may be missing.
/// </summary>
internal enum ReferenceGuard
{
    None,

    /// <summary>The read itself: `x ?? d`, `x ??? d`, `x is defined`, `x | default(d)`.</summary>
    Direct,

    /// <summary>Inside `{% if x is defined %}` (or the `else` of `is not defined`): rules report the test, not this read.</summary>
    Enclosing,
}

/// <summary>
/// Finds the reads of a context variable (`inputs`, `outputs`, `vars`, `trigger`, `taskrun`) in a template, leaving
/// out names the template binds itself: `{% set inputs = … %}`, `{% for vars in … %}` and macro parameters shadow
/// the context, and a macro body does not see the context at all (Pebble macros are isolated).
/// </summary>
internal static class ContextReferences
{
    /// <summary>Whether a site's templates are evaluated against the flow's execution context.</summary>
    public static bool IsEvaluated(ExpressionSite site) =>
        site.Template is not null && (site.IsRendered || site.OwnerKind == SiteOwnerKind.Variable);

    // The roots the rules ask about: one walk over a template collects the reads of all of them.
    private static readonly string[] Roots = { "inputs", "outputs", "vars", "trigger", "taskrun" };
    private static readonly object ReadsFact = new();
    private static readonly object BoundNamesFact = new();
    private static readonly HashSet<string> NoNames = new(StringComparer.Ordinal);

    /// <summary>The reads of <paramref name="rootName"/>; computed once per template for every root the rules ask about.</summary>
    // Arrays rather than lists: five rules walk these for every template, and `foreach` over an interface boxes an enumerator.
    public static ReadOnlyArray<ContextReference> Find(PebbleTemplate template, string rootName)
    {
        int root = Array.IndexOf(Roots, rootName);
        if (root < 0) return new ReadOnlyArray<ContextReference>(Collect(template, rootName, -1)[0]);
        return new ReadOnlyArray<ContextReference>(template.GetOrAddFact(ReadsFact, static template => Collect(template, null, Roots.Length))[root]);
    }

    /// <summary>The reads of <paramref name="only"/>, or (when it is null) of every root in <see cref="Roots"/>, in one walk.</summary>
    private static ContextReference[][] Collect(PebbleTemplate template, string? only, int count)
    {
        // Gathered in this thread's lists, then copied out at their exact size.
        var lists = t_lists ??= Array.ConvertAll(Roots, _ => new List<ContextReference>());
        foreach (var list in lists) list.Clear(); // a walk cut short by an exception leaves its reads behind
        bool any = false;
        bool hasTags = template.HasTags;
        foreach (var node in template.DescendantNodes())
        {
            if (node is not VariableExpression { } root) continue;
            int slot = only is null ? RootIndex(root.Name) : root.Name == only ? 0 : -1;
            if (slot < 0) continue;
            if (root.Parent is not AttributeExpression access || access.Target != root || access.Arguments is not null) continue;
            if (access.Key is not LiteralExpression { Kind: PebbleLiteralKind.String } key || key.StringValue is not { } name) continue;
            if (hasTags && (BoundNames(template).Contains(root.Name) || root.FirstAncestor<MacroNode>() is not null)) continue;
            lists[slot].Add(new ContextReference(root, access, name, key.Span, GuardOf(access, root.Name, name)));
            any = true;
        }
        // Most templates read no context at all: they share one answer.
        if (!any) return only is null ? NoReads : NoReadOfOne;
        var reads = new ContextReference[Math.Max(count, 1)][];
        for (int i = 0; i < reads.Length; i++)
        {
            reads[i] = lists[i].Count == 0 ? Array.Empty<ContextReference>() : lists[i].ToArray();
        }
        return reads;
    }

    [ThreadStatic] private static List<ContextReference>[]? t_lists;

    private static readonly ContextReference[][] NoReads = Array.ConvertAll(Roots, _ => Array.Empty<ContextReference>());
    private static readonly ContextReference[][] NoReadOfOne = { Array.Empty<ContextReference>() };

    private static int RootIndex(string name) => name switch
    {
        "inputs" => 0,
        "outputs" => 1,
        "vars" => 2,
        "trigger" => 3,
        "taskrun" => 4,
        _ => -1,
    };

    /// <summary>The names the template binds itself: `{% set %}` names, loop variables and macro parameters.</summary>
    private static HashSet<string> BoundNames(PebbleTemplate template) => template.GetOrAddFact(BoundNamesFact, static template =>
    {
        HashSet<string>? names = null;
        foreach (var node in template.DescendantNodes())
        {
            switch (node)
            {
                case SetNode set:
                    (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(set.Name.Name);
                    break;
                case ForNode loop:
                    foreach (var variable in loop.Variables) (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(variable.Name);
                    break;
                case MacroParameter parameter:
                    (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(parameter.Name);
                    break;
            }
        }
        return names ?? NoNames;
    });

    /// <summary>The whole access chain `inputs.x.y.z` that starts with <paramref name="access"/>.</summary>
    public static PebbleExpression Chain(AttributeExpression access)
    {
        PebbleExpression top = access;
        while (top.Parent is AttributeExpression outer && outer.Target == top) top = outer;
        return top;
    }

    private static ReferenceGuard GuardOf(AttributeExpression access, string rootName, string key)
    {
        var top = Chain(access);
        switch (top.Parent)
        {
            case BinaryExpression { Operator: PebbleBinaryOperator.NullCoalescing or PebbleBinaryOperator.UndefinedCoalescing } coalescing when coalescing.Left == top:
            case TestExpression { Name: "defined" } test when test.Input == top:
            case FilterExpression { Name: "default" } filter when filter.Input == top:
                return ReferenceGuard.Direct;
        }
        PebbleSyntaxNode child = access;
        for (var p = access.Parent; p is not null; child = p, p = p.Parent)
        {
            if (p is IfBranch branch && !Contains(branch.Condition, access) && TestsDefined(branch.Condition, rootName, key))
                return ReferenceGuard.Enclosing;
            // `{% if x is not defined %}…{% else %}{{ x }}{% endif %}`: the else body runs only when x is defined.
            if (p is IfNode ifNode && child is not IfBranch)
            {
                foreach (var b in ifNode.Branches)
                    if (TestsDefined(b.Condition, rootName, key)) return ReferenceGuard.Enclosing;
            }
        }
        return ReferenceGuard.None;
    }

    private static bool Contains(PebbleSyntaxNode node, PebbleSyntaxNode descendant)
    {
        for (var p = descendant; p is not null; p = p.Parent)
            if (p == node) return true;
        return false;
    }

    /// <summary>Whether a condition tests `root.key… is defined` (or `is not defined`: then the other branch is the guarded one, which is fine to accept too).</summary>
    private static bool TestsDefined(PebbleExpression condition, string rootName, string key)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            if (node is not TestExpression { Name: "defined" } test) continue;
            PebbleExpression tested = test.Input;
            // `{% if trigger is defined %}` guards every key of it.
            if (tested is VariableExpression whole && whole.Name == rootName) return true;
            while (tested is AttributeExpression attribute && attribute.Target is not VariableExpression) tested = attribute.Target;
            if (tested is AttributeExpression { Target: VariableExpression v, Key: LiteralExpression k } && v.Name == rootName
                && string.Equals(k.StringValue, key, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>The closest name to a misspelt one (the shared "did you mean" distance).</summary>
    public static string? Closest(string word, IEnumerable<string> candidates) =>
        Kestra.FlowLint.Configuration.DidYouMean.Closest(word, candidates);

    /// <summary>" (did you mean 'x'?)", or "" when nothing declared is close.</summary>
    public static string Suggestion(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } match ? $" (did you mean '{match}'?)" : "";

    /// <summary>A name as quoted in a message: at most 40 characters.</summary>
    public static string Excerpt(string word) => word.Length <= 40 ? word : word.Substring(0, 39) + "…";
}
