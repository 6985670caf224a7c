using System;
using System.Collections.Generic;
using System.Threading;

namespace Kestra.FlowLint.Pebble;

/// <summary>A parsed template: its top-level nodes and every error found, in source order.</summary>
public sealed class PebbleTemplate
{
    private PebbleSyntaxNode[]? _allNodes;
    private Fact? _facts;

    internal PebbleTemplate(string source, IReadOnlyList<PebbleTemplateNode> nodes, IReadOnlyList<PebbleError> errors)
    {
        Source = source;
        Nodes = nodes;
        Errors = errors;
    }

    public string Source { get; }

    /// <summary>
    /// The secret uses <see cref="Flows.SecretFlow.Analyze"/> found in the value this template was parsed from. Kept
    /// here rather than on the site: a template belongs to one site, and only sites with a template have uses.
    /// </summary>
    internal Flows.SecretUse[]? SecretUses { get; set; }

    public IReadOnlyList<PebbleTemplateNode> Nodes { get; }

    public IReadOnlyList<PebbleError> Errors { get; }

    public bool HasErrors => Errors.Count > 0;

    /// <summary>
    /// Whether the template has a tag (`{% … %}`) anywhere. Names are only bound (`set`, `for`, macro parameters)
    /// and macros only defined inside tags, and tags only appear at the top level or in other tags' bodies, so a
    /// template without one (nearly every value) needs no scope analysis.
    /// </summary>
    public bool HasTags
    {
        get
        {
            // An indexed loop: foreach over the interface would box an enumerator on every call.
            for (int i = 0; i < Nodes.Count; i++)
                if (Nodes[i] is PebbleTagNode) return true;
            return false;
        }
    }

    /// <summary>
    /// Every node and expression of the template, depth first, parents before children. Flattened once and kept:
    /// a dozen rules walk the same template, and an array walk allocates nothing.
    /// </summary>
    public ReadOnlyArray<PebbleSyntaxNode> DescendantNodes() => new(_allNodes ??= Flatten());

    private PebbleSyntaxNode[] Flatten()
    {
        // Scratch space reused by the thread: only the exact-size result is allocated per template.
        var all = t_flattened ??= new List<PebbleSyntaxNode>();
        var pending = t_pending ??= new Stack<PebbleSyntaxNode>();
        for (int i = 0; i < Nodes.Count; i++) Nodes[i].AddDescendantsAndSelf(all, pending);
        var nodes = all.ToArray();
        all.Clear();
        // A huge template's scratch space is not kept for the rest of the run.
        if (nodes.Length > 4096)
        {
            t_flattened = null;
            t_pending = null;
        }
        return nodes;
    }

    [ThreadStatic] private static List<PebbleSyntaxNode>? t_flattened;
    [ThreadStatic] private static Stack<PebbleSyntaxNode>? t_pending;

    /// <summary>
    /// Facts derived from the syntax alone (the calls it makes, the names it binds, …), computed once per template
    /// and shared by the rules that ask: <paramref name="key"/> identifies the fact (one static object per kind of
    /// fact), <paramref name="compute"/> makes it from the template. Safe to call from several threads.
    /// </summary>
    public T GetOrAddFact<T>(object key, Func<PebbleTemplate, T> compute) where T : class
    {
        if (Find(Volatile.Read(ref _facts), key) is T known) return known;
        var value = compute(this);
        while (true)
        {
            var current = Volatile.Read(ref _facts);
            // Another thread may have added it meanwhile: every caller then sees the same instance.
            if (Find(current, key) is T added) return added;
            // A chain, newest first: one small object per fact (an array copied to grow made one per fact too, and
            // bigger each time).
            if (Interlocked.CompareExchange(ref _facts, new Fact(key, value, current), current) == current) return value;
        }
    }

    private static object? Find(Fact? facts, object key)
    {
        for (var fact = facts; fact is not null; fact = fact.Next)
            if (ReferenceEquals(fact.Key, key)) return fact.Value;
        return null;
    }

    private sealed class Fact
    {
        public Fact(object key, object value, Fact? next)
        {
            Key = key;
            Value = value;
            Next = next;
        }

        public object Key { get; }
        public object Value { get; }
        public Fact? Next { get; }
    }
}
