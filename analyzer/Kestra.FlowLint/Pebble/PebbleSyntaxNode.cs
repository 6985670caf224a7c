using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// Base of every template node and expression. Children are exposed by index so that walking a tree
/// allocates nothing per node; nesting is capped by the parser, so recursive visitors are safe.
/// </summary>
public abstract class PebbleSyntaxNode
{
    private protected PebbleSyntaxNode(TextSpan span)
    {
        Span = span;
    }

    /// <summary>The node's extent in the template's coordinates (UTF-16 offsets).</summary>
    public TextSpan Span { get; }

    /// <summary>The enclosing node, or null for a top-level template node.</summary>
    public PebbleSyntaxNode? Parent { get; private set; }

    public abstract int ChildCount { get; }

    public abstract PebbleSyntaxNode GetChild(int index);

    public abstract void Accept(PebbleSyntaxWalker walker);

    public IEnumerable<PebbleSyntaxNode> ChildNodes()
    {
        for (int i = 0; i < ChildCount; i++)
        {
            yield return GetChild(i);
        }
    }

    /// <summary>Depth-first, parents before children; iterative, so any depth is fine.</summary>
    public IEnumerable<PebbleSyntaxNode> DescendantNodesAndSelf()
    {
        var all = new List<PebbleSyntaxNode>();
        AddDescendantsAndSelf(all, new Stack<PebbleSyntaxNode>());
        return all;
    }

    /// <summary>
    /// Appends this node and its descendants in <see cref="DescendantNodesAndSelf"/>'s order, with
    /// <paramref name="pending"/> (empty, reusable) as the explicit stack: no iterator, no recursion.
    /// </summary>
    internal void AddDescendantsAndSelf(List<PebbleSyntaxNode> into, Stack<PebbleSyntaxNode> pending)
    {
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            into.Add(node);
            // Children pushed last-first come off the stack first-first: pre-order, left to right.
            for (int i = node.ChildCount - 1; i >= 0; i--) pending.Push(node.GetChild(i));
        }
    }

    public IEnumerable<PebbleSyntaxNode> DescendantNodes()
    {
        bool first = true;
        foreach (var node in DescendantNodesAndSelf())
        {
            if (first)
            {
                first = false;
                continue;
            }
            yield return node;
        }
    }

    /// <summary>The closest ancestor of type <typeparamref name="T"/>, if any.</summary>
    public T? FirstAncestor<T>() where T : PebbleSyntaxNode
    {
        for (var p = Parent; p != null; p = p.Parent)
        {
            if (p is T t) return t;
        }
        return null;
    }

    private protected T Adopt<T>(T child) where T : PebbleSyntaxNode
    {
        child.Parent = this;
        return child;
    }

    private protected T? AdoptOptional<T>(T? child) where T : PebbleSyntaxNode
    {
        if (child != null) child.Parent = this;
        return child;
    }

    private protected IReadOnlyList<T> AdoptAll<T>(IReadOnlyList<T> children) where T : PebbleSyntaxNode
    {
        for (int i = 0; i < children.Count; i++)
        {
            children[i].Parent = this;
        }
        return children;
    }

    private protected static Exception ChildIndexOutOfRange(int index) => new ArgumentOutOfRangeException(nameof(index), index, "no such child");
}

/// <summary>A name written in the template (a tag's variable, a macro or block name) and where.</summary>
public readonly struct PebbleIdentifier
{
    public PebbleIdentifier(string name, TextSpan span)
    {
        Name = name;
        Span = span;
    }

    public string Name { get; }
    public TextSpan Span { get; }

    public override string ToString() => Name;
}
