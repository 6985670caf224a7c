using System.Collections.Generic;
using System.Text;
using Kestra.FlowLint.Pebble;

namespace Kestra.FlowLint.Flows;

/// <summary>Questions about where a <see cref="SecretUse"/> sits in its template, shared by the secret rules.</summary>
public static class SecretUseExtensions
{
    /// <summary>The <c>{{ … }}</c> that prints the secret, or null when it is used inside a tag (set, if, for…).</summary>
    public static PrintNode? EnclosingPrint(this SecretUse use) => use.Source.FirstAncestor<PrintNode>();

    /// <summary>
    /// True when the secret only feeds a condition (<c>is empty</c>, <c>==</c>, <c>and</c>, <c>not</c>, an <c>if</c> or a
    /// ternary's test), so the template never carries the value itself.
    /// </summary>
    public static bool IsOnlyTested(this SecretUse use)
    {
        PebbleSyntaxNode node = use.Source;
        while (node.Parent is { } parent)
        {
            switch (parent)
            {
                case TestExpression test when test.Input == node:
                case IfBranch branch when branch.Condition == node:
                case TernaryExpression ternary when ternary.Condition == node:
                case UnaryExpression { Operator: PebbleUnaryOperator.Not }:
                    return true;
                case BinaryExpression binary when IsBooleanOperator(binary.Operator):
                    return true;
                case PrintNode:
                case PebbleTagNode:
                    return false;
            }
            node = parent;
        }
        return false;
    }

    /// <summary>
    /// Where the value really comes from: for a <c>{% set %}</c> or <c>{% for %}</c> variable
    /// (<see cref="SecretOrigin.TemplateVariable"/>), the origin of the secret it was assigned from, followed through
    /// chains of such variables; otherwise the use's own origin. <paramref name="uses"/> is the list
    /// <see cref="SecretFlow.Analyze"/> returned for the same value, in which the assignment precedes the use.
    /// </summary>
    /// <summary>
    /// The use carries a SECRET input (or a context dump with decrypted inputs): KF1011 reports those wherever
    /// they become visible, so the rules about secret() in logs, outputs and labels leave them alone.
    /// </summary>
    public static bool ComesFromSecretInput(this SecretUse use, ReadOnlyArray<SecretUse> uses) =>
        use.RootOrigin(uses) is SecretOrigin.SecretInput or SecretOrigin.ContextDump;

    public static SecretOrigin RootOrigin(this SecretUse use, ReadOnlyArray<SecretUse> uses)
    {
        var current = use;
        // Each step moves to an earlier use, so the walk ends.
        while (current.Origin == SecretOrigin.TemplateVariable && AssignedFrom(current, uses) is { } from)
            current = from;
        return current.Origin;
    }

    /// <summary>The last use before <paramref name="use"/> that was assigned to its variable by a set or for tag.</summary>
    private static SecretUse? AssignedFrom(SecretUse use, ReadOnlyArray<SecretUse> uses)
    {
        SecretUse? found = null;
        foreach (var candidate in uses)
        {
            if (candidate == use || candidate.Span.Start >= use.Span.Start) break;
            for (var p = candidate.Source.Parent; p is not null; p = p.Parent)
            {
                bool assigns = p switch
                {
                    SetNode set => set.Name.Name == use.Name,
                    ForNode loop => Declares(loop, use.Name),
                    _ => false,
                };
                if (assigns) found = candidate;
                if (p is PebbleTemplateNode) break;
            }
        }
        return found;
    }

    private static bool Declares(ForNode loop, string? name)
    {
        foreach (var variable in loop.Variables)
            if (variable.Name == name) return true;
        return false;
    }

    /// <summary>Stands for the output of another print in <see cref="LiteralTextAround"/>: unknown text.</summary>
    public const char UnknownText = '\uFFFC';

    /// <summary>
    /// The literal text Kestra outputs around the print that holds the secret, in output order: text and verbatim
    /// blocks as written, other prints as <see cref="UnknownText"/>, tags' own syntax left out. Text in tag bodies
    /// counts as if each branch were taken. <paramref name="afterLimit"/> caps how much of the text after is read.
    /// Null when the secret is not printed.
    /// </summary>
    public static (string Before, string After)? LiteralTextAround(this SecretUse use, int afterLimit = 512)
    {
        if (use.Site.Template is not { } template || use.EnclosingPrint() is not { } print) return null;
        var before = new StringBuilder();
        var after = new StringBuilder();
        bool passed = false;
        foreach (var node in template.DescendantNodes())
        {
            if (node == print)
            {
                passed = true;
                continue;
            }
            if (passed && after.Length >= afterLimit) break;
            var target = passed ? after : before;
            switch (node)
            {
                case TextNode text:
                    target.Append(text.Value);
                    break;
                case VerbatimNode verbatim:
                    target.Append(verbatim.Value);
                    break;
                case PrintNode:
                    target.Append(UnknownText);
                    break;
            }
        }
        return (before.ToString(), after.ToString());
    }

    private static bool IsBooleanOperator(PebbleBinaryOperator op) => op switch
    {
        PebbleBinaryOperator.Or or PebbleBinaryOperator.And or PebbleBinaryOperator.Contains
            or PebbleBinaryOperator.Equals or PebbleBinaryOperator.NotEquals
            or PebbleBinaryOperator.GreaterThan or PebbleBinaryOperator.LessThan
            or PebbleBinaryOperator.GreaterThanEquals or PebbleBinaryOperator.LessThanEquals => true,
        _ => false,
    };
}
