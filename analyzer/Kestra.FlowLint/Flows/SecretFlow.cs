using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Kestra.FlowLint.Knowledge;
using Kestra.FlowLint.Pebble;
using Kestra.FlowLint.Text;
using Kestra.FlowLint.Yaml;

namespace Kestra.FlowLint.Flows;

/// <summary>Where a secret value comes from.</summary>
public enum SecretOrigin
{
    /// <summary>`secret('KEY')`.</summary>
    SecretFunction,

    /// <summary>`inputs.x` where input x is SECRET-typed (Kestra decrypts it for the task).</summary>
    SecretInput,

    /// <summary>`render(vars.x)` where flow variable x holds a secret expression (variables are only evaluated through render()).</summary>
    RenderedVariable,

    /// <summary>A `{% set %}` or `{% for %}` variable of the same template that was assigned a secret.</summary>
    TemplateVariable,

    /// <summary>`printContext()` / `fetchContext()` in a flow with SECRET inputs: the whole context, decrypted.</summary>
    ContextDump,
}

/// <summary>One operation applied to a secret value on its way to where it is used.</summary>
public sealed class SecretTransform
{
    public SecretTransform(string kind, string name, TextSpan span, bool defeatsMasking)
    {
        Kind = kind;
        Name = name;
        Span = span;
        DefeatsMasking = defeatsMasking;
    }

    /// <summary>filter, method, attribute, subscript, function, operator, for loop, filter tag.</summary>
    public string Kind { get; }
    public string Name { get; }

    /// <summary>The template span that names the operation (a filter's name, a method's name, the subscript).</summary>
    public TextSpan Span { get; }

    /// <summary>Kestra masks only exact occurrences of the value: this operation produces something else.</summary>
    public bool DefeatsMasking { get; }

    /// <summary>How a message names it: `| slice`, `.toUpperCase()`, `[0]`, `fromJson()`.</summary>
    public string Display => Kind switch
    {
        "filter" => "| " + Name,
        "filter tag" => "{% filter " + Name + " %}",
        "method" => "." + Name + "()",
        "attribute" => "." + Name,
        "subscript" => "[" + Name + "]",
        "function" => Name + "()",
        "for loop" => "{% for %} over it",
        _ => Name,
    };
}

/// <summary>A place in one template where a secret-carrying value is used.</summary>
public sealed class SecretUse
{
    internal SecretUse(ExpressionSite site, SecretOrigin origin, PebbleSyntaxNode source, TextSpan span, string? name, string display)
    {
        Site = site;
        Origin = origin;
        Source = source;
        Span = span;
        Name = name;
        Display = display;
    }

    public ExpressionSite Site { get; }
    public SecretOrigin Origin { get; }

    /// <summary>The expression that yields the secret (the call, the `inputs.x` attribute, the variable).</summary>
    public PebbleSyntaxNode Source { get; }

    /// <summary>The template span of <see cref="Source"/>; map it with <see cref="ExpressionSite.MapToSource"/>.</summary>
    public TextSpan Span { get; }

    /// <summary>The secret's key, the input's id or the variable's name, when written literally.</summary>
    public string? Name { get; }

    /// <summary>The `namespace` argument of secret(), when written literally.</summary>
    public string? Namespace { get; internal set; }
    public TextSpan? NamespaceSpan { get; internal set; }

    /// <summary>The `namespace` argument of secret(), literal or not: with one, the flow's namespace does not decide where the secret lives.</summary>
    public PebbleExpression? NamespaceArgument { get; internal set; }

    /// <summary>How messages name the secret without its value: `secret('API_KEY')`, `SECRET input 'token'`.</summary>
    public string Display { get; }

    /// <summary>Operations applied to the value, innermost first (including those inherited through a set variable).</summary>
    public IReadOnlyList<SecretTransform> Transforms { get; internal set; } = Array.Empty<SecretTransform>();

    /// <summary>Whether the value (transformed or not) ends up in the rendered text rather than only in a condition or a lookup.</summary>
    public bool ReachesOutput { get; internal set; }

    /// <summary>
    /// Whether the value (after its transforms) only decides a condition: an `if`, a test, a comparison, a boolean
    /// operator or a ternary's condition. Nothing derived from it is printed or passed on, only a boolean.
    /// </summary>
    public bool EndsInCondition { get; internal set; }

    /// <summary>The first operation that produces something Kestra's exact-match masking cannot hide.</summary>
    public SecretTransform? FirstMaskDefeatingTransform
    {
        get
        {
            foreach (var t in Transforms)
                if (t.DefeatsMasking) return t;
            return null;
        }
    }

    /// <summary>" after `| slice`, which defeats log masking" or empty: for messages of rules about visible places.</summary>
    public string TransformNote => FirstMaskDefeatingTransform is { } t ? $" (transformed by `{t.Display}`, which Kestra's log masking cannot recognise)" : string.Empty;

    public override string ToString() => Display;
}

/// <summary>
/// Answers "does this value carry a secret?" for every secret rule, so none of them re-implements it:
/// secret() calls (positional or named arguments), SECRET inputs, render() of flow variables that hold
/// secrets, and `{% set %}`/`{% for %}` variables of the same template. It follows each value outward
/// through filters, methods, subscripts and operators, and records what was applied and whether the
/// result is printed.
/// </summary>
public static class SecretFlow
{
    /// <summary>The secret uses of one value; empty when it holds no template.</summary>
    // An array rather than a list: a dozen rules walk every site's uses, and `foreach` over an interface boxes an enumerator each time.
    public static ReadOnlyArray<SecretUse> Analyze(ExpressionSite site)
    {
        if (site.Template is not { } template) return new ReadOnlyArray<SecretUse>(Array.Empty<SecretUse>());
        // Several rules ask about the same site; a site belongs to one file, analysed by one thread.
        return new ReadOnlyArray<SecretUse>(template.SecretUses ??= Compute(site, template));
    }

    private static SecretUse[] Compute(ExpressionSite site, PebbleTemplate template)
    {
        // Most templates hold no secret: the lists are made at the first use.
        List<SecretUse>? uses = null;
        Dictionary<string, (SecretUse Use, int From)>? tainted = null;
        var facts = FactsOf(site.Flow);
        var secretInputs = facts.SecretInputs;
        var secretVariables = facts.SecretVariables;

        // Document order matters: a {% set %} taints the name for what comes after it.
        foreach (var node in template.DescendantNodes())
        {
            SecretUse? use = node switch
            {
                FunctionCallExpression call => FromCall(site, call, secretVariables, secretInputs.Count > 0),
                AttributeExpression attribute => FromInput(site, attribute, secretInputs),
                VariableExpression variable when tainted is not null && tainted.TryGetValue(variable.Name, out var t) && variable.Span.Start >= t.From =>
                    Inherit(site, variable, t.Use),
                _ => null,
            };
            if (use is null) continue;
            Follow(use, tainted ??= new Dictionary<string, (SecretUse Use, int From)>(StringComparer.Ordinal));
            (uses ??= new List<SecretUse>()).Add(use);
        }
        return uses?.ToArray() ?? Array.Empty<SecretUse>();
    }

    private static SecretUse? FromCall(ExpressionSite site, FunctionCallExpression call, HashSet<string> secretVariables, bool hasSecretInputs)
    {
        if (Contains(SecretKnowledge.SecretFunctions, call.Name))
        {
            var key = Argument(call, 0, "key");
            string? name = (key as LiteralExpression)?.StringValue;
            var use = new SecretUse(site, SecretOrigin.SecretFunction, call, call.Span, name,
                name is null ? "secret(…)" : "secret('" + name + "')");
            use.NamespaceArgument = Argument(call, 1, "namespace");
            if (use.NamespaceArgument is LiteralExpression { StringValue: { } ns } nsLiteral)
            {
                use.Namespace = ns;
                use.NamespaceSpan = nsLiteral.Span;
            }
            return use;
        }
        if (Contains(SecretKnowledge.RenderFunctions, call.Name) &&
            RenderedVariable(call) is { } variable && secretVariables.Contains(variable))
        {
            return new SecretUse(site, SecretOrigin.RenderedVariable, call, call.Span, variable, $"{call.Name}(vars.{variable}) (a variable holding a secret)");
        }
        if (hasSecretInputs && Contains(SecretKnowledge.ContextDumpFunctions, call.Name))
            return new SecretUse(site, SecretOrigin.ContextDump, call, call.Span, null, call.Name + "() (the whole context, SECRET inputs decrypted)");
        return null;
    }

    private static SecretUse? FromInput(ExpressionSite site, AttributeExpression attribute, HashSet<string> secretInputs)
    {
        if (attribute.Target is not VariableExpression { Name: "inputs" } || attribute.Arguments is not null) return null;
        if (KeyName(attribute) is not { } id || !secretInputs.Contains(id)) return null;
        return new SecretUse(site, SecretOrigin.SecretInput, attribute, attribute.Span, id, "SECRET input '" + id + "'");
    }

    private static SecretUse Inherit(ExpressionSite site, VariableExpression variable, SecretUse from) =>
        new(site, SecretOrigin.TemplateVariable, variable, variable.Span, variable.Name, $"'{variable.Name}' (set from {from.Display})")
        {
            Transforms = from.Transforms,
        };

    /// <summary>Climbs from the secret to the node that consumes it, recording what is applied on the way.</summary>
    private static void Follow(SecretUse use, Dictionary<string, (SecretUse Use, int From)> tainted)
    {
        var transforms = new List<SecretTransform>(use.Transforms);
        PebbleSyntaxNode node = use.Source;
        while (node.Parent is { } parent)
        {
            switch (parent)
            {
                case FilterExpression filter when filter.Input == node:
                    var effect = SecretKnowledge.GetFilterEffect(filter.Name);
                    if (effect == MaskingEffect.RevealsNothing) { Done(use, transforms, reaches: false); return; }
                    if (effect != MaskingEffect.KeepsValueWhole)
                        transforms.Add(new SecretTransform("filter", filter.Name, filter.NameSpan, effect == MaskingEffect.DefeatsMasking));
                    break;
                case Argument argument:
                    // As an argument, the value only flows on through `default(...)` and the functions that derive their
                    // result from it (fromJson, encrypt's plaintext…); elsewhere it is an input to something else
                    // (a kv() key, an http() header, a method's or filter's parameter), not the result.
                    if (argument.Parent is FilterExpression { Name: "default" }) { node = argument.Parent; continue; }
                    if (argument.Parent is FunctionCallExpression function && DerivesFrom(function, argument))
                    {
                        transforms.Add(new SecretTransform("function", function.Name, function.NameSpan, true));
                        node = function;
                        continue;
                    }
                    Done(use, transforms, reaches: false);
                    return;
                case AttributeExpression attribute when attribute.Target == node:
                    string member = KeyName(attribute) ?? "…";
                    if (attribute.Arguments is not null)
                        transforms.Add(new SecretTransform("method", member, attribute.Key.Span, true));
                    else if (attribute.IsSubscript)
                        transforms.Add(new SecretTransform("subscript", attribute.Key is LiteralExpression l ? l.RawText : "…", attribute.Key.Span, true));
                    else
                        transforms.Add(new SecretTransform("attribute", member, attribute.Key.Span, true));
                    break;
                case AttributeExpression:
                    Done(use, transforms, reaches: false); // used as a key to look something else up
                    return;
                case BinaryExpression binary:
                    switch (binary.Operator)
                    {
                        case PebbleBinaryOperator.Concatenate:
                        case PebbleBinaryOperator.NullCoalescing:
                        case PebbleBinaryOperator.UndefinedCoalescing:
                            break; // the value stays whole inside the result
                        case PebbleBinaryOperator.Add:
                        case PebbleBinaryOperator.Subtract:
                        case PebbleBinaryOperator.Multiply:
                        case PebbleBinaryOperator.Divide:
                        case PebbleBinaryOperator.Modulus:
                        case PebbleBinaryOperator.Range:
                            transforms.Add(new SecretTransform("operator", OperatorText(binary.Operator), binary.OperatorSpan, true));
                            break;
                        default:
                            // Comparisons and boolean operators yield a boolean: an oracle, not the value.
                            transforms.Add(new SecretTransform("operator", OperatorText(binary.Operator), binary.OperatorSpan, true));
                            Done(use, transforms, reaches: false, condition: true);
                            return;
                    }
                    break;
                case TernaryExpression ternary when ternary.Condition == node:
                case TestExpression:
                case IfBranch:
                    Done(use, transforms, reaches: false, condition: true);
                    return;
                case UnaryExpression unary:
                    transforms.Add(new SecretTransform("operator", unary.Operator.ToString(), unary.OperatorSpan, true));
                    if (unary.Operator == PebbleUnaryOperator.Not) { Done(use, transforms, reaches: false, condition: true); return; }
                    break;
                case PrintNode print:
                    AddFilterTags(print, transforms);
                    Done(use, transforms, reaches: true);
                    return;
                case SetNode set:
                    Done(use, transforms, reaches: false);
                    tainted[set.Name.Name] = (use, set.Span.End);
                    return;
                case ForNode loop when loop.Iterable == node:
                    transforms.Add(new SecretTransform("for loop", "for", loop.TagName.Span, true));
                    Done(use, transforms, reaches: false);
                    foreach (var variable in loop.Variables) tainted[variable.Name] = (use, loop.Iterable.Span.End);
                    return;
                case MacroParameter:
                case ForNode:
                    Done(use, transforms, reaches: false);
                    return;
            }
            node = parent;
        }
        Done(use, transforms, reaches: false);
    }

    private static void Done(SecretUse use, List<SecretTransform> transforms, bool reaches, bool condition = false)
    {
        use.Transforms = transforms;
        use.ReachesOutput = reaches;
        use.EndsInCondition = condition;
    }

    /// <summary>Whether a function's result is derived from the value passed as this argument (rather than using it as a key or a setting).</summary>
    private static bool DerivesFrom(FunctionCallExpression function, Argument argument)
    {
        if (!Contains(SecretKnowledge.DerivingFunctions, function.Name)) return false;
        // encrypt(key, plaintext): a secret used as the key does not end up in the ciphertext.
        return function.Name != "encrypt" || argument == ArgumentNode(function, 1, "plaintext");
    }

    /// <summary>`{% filter upper %}…{% endfilter %}` around a print transforms what it prints.</summary>
    private static void AddFilterTags(PebbleSyntaxNode print, List<SecretTransform> transforms)
    {
        for (var p = print.Parent; p is not null; p = p.Parent)
        {
            if (p is not FilterTagNode tag) continue;
            foreach (var call in tag.Filters)
            {
                var effect = SecretKnowledge.GetFilterEffect(call.Name);
                if (effect != MaskingEffect.KeepsValueWhole)
                    transforms.Add(new SecretTransform("filter tag", call.Name, call.NameSpan, effect != MaskingEffect.KeepsValueWholeWhenPlain));
            }
        }
    }

    private static PebbleExpression? Argument(FunctionCallExpression call, int position, string name) => ArgumentNode(call, position, name)?.Value;

    private static Argument? ArgumentNode(FunctionCallExpression call, int position, string name)
    {
        var arguments = call.Arguments;
        for (int i = 0; i < arguments.Count; i++)
            if (arguments[i].Name == name) return arguments[i];
        for (int i = 0; i < arguments.Count && i <= position; i++)
        {
            if (arguments[i].Name is not null) break;
            if (i == position) return arguments[i];
        }
        return null;
    }

    /// <summary>`render(vars.db)` or `render(vars.db.password)` → `db`: the flow variable a render()/renderOnce() call evaluates.</summary>
    private static string? RenderedVariable(FunctionCallExpression call) =>
        Argument(call, 0, "toRender") is AttributeExpression attribute ? VariableOfVars(attribute) : null;

    /// <summary>The first key below `vars` of an attribute chain (`vars.db.password` → `db`), or null when the chain does not start at `vars`.</summary>
    private static string? VariableOfVars(AttributeExpression attribute)
    {
        var current = attribute;
        while (current.Target is AttributeExpression inner) current = inner;
        return current.Target is VariableExpression { Name: "vars" } && current.Arguments is null ? KeyName(current) : null;
    }

    /// <summary>The key of `x.name` or `x['name']`.</summary>
    private static string? KeyName(AttributeExpression attribute) => (attribute.Key as LiteralExpression)?.StringValue;

    /// <summary>
    /// Whether Kestra evaluates the expressions of this value: it is rendered, or it is (part of) a flow variable that
    /// a rendered value passes to render()/renderOnce(). Everything else (descriptions, flow labels, variables nobody
    /// renders) is literal text, whatever it looks like.
    /// </summary>
    public static bool IsEvaluated(ExpressionSite site)
    {
        if (site.IsRendered) return true;
        return site.OwnerKind == SiteOwnerKind.Variable && FactsOf(site.Flow).EvaluatedVariables.Contains(VariableName(site.RelativePath));
    }

    /// <summary>What the secret analysis needs to know about the whole flow, computed once per flow (every site of it asks).</summary>
    private sealed class FlowFacts
    {
        public readonly HashSet<string> SecretInputs = new(StringComparer.Ordinal);
        public readonly HashSet<string> SecretVariables = new(StringComparer.Ordinal);
        public readonly HashSet<string> EvaluatedVariables = new(StringComparer.Ordinal);
    }

    // Keyed weakly by the flow, so the facts live exactly as long as the model does; thread-safe, and files are analysed in parallel.
    private static readonly ConditionalWeakTable<FlowDocument, FlowFacts> Facts = new();

    private static FlowFacts FactsOf(FlowDocument flow) => Facts.GetValue(flow, ComputeFacts);

    private static FlowFacts ComputeFacts(FlowDocument flow)
    {
        var facts = new FlowFacts();
        foreach (var input in flow.Inputs)
            if (input.IsSecret && input.Id is not null) facts.SecretInputs.Add(input.Id);
        if (flow.Variables is null) return facts;

        // Variables that hold a secret expression, and the variables each variable refers to (render(vars.y) or
        // vars.y inside it: render() is recursive by default, so what a rendered variable prints is rendered again).
        var references = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var site in flow.ExpressionSites)
        {
            if (!site.HasTemplate) continue;
            bool isVariable = site.OwnerKind == SiteOwnerKind.Variable;
            if (!isVariable && !site.IsRendered) continue;
            // Outside the variables only render() calls count here, and a call names its function in the text: the
            // other values need not be parsed for this (a run with few rules on may never parse them).
            if (!isVariable && !NamesAny(site.Value, SecretKnowledge.RenderFunctions)) continue;
            string? variable = isVariable ? VariableName(site.RelativePath) : null;
            foreach (var node in site.Template!.DescendantNodes())
            {
                switch (node)
                {
                    case FunctionCallExpression call when Contains(SecretKnowledge.RenderFunctions, call.Name) && RenderedVariable(call) is { } rendered:
                        if (variable is null) pending.Push(rendered);
                        else Reference(references, variable, rendered);
                        break;
                    case FunctionCallExpression call when variable is not null && Contains(SecretKnowledge.SecretFunctions, call.Name):
                        facts.SecretVariables.Add(variable);
                        break;
                    case AttributeExpression { Target: VariableExpression { Name: "inputs" }, Arguments: null } a when variable is not null:
                        if (KeyName(a) is { } id && facts.SecretInputs.Contains(id)) facts.SecretVariables.Add(variable);
                        break;
                    case AttributeExpression { Target: VariableExpression { Name: "vars" } } a when variable is not null:
                        if (VariableOfVars(a) is { } referenced) Reference(references, variable, referenced);
                        break;
                }
            }
        }

        // A variable that prints another one holding a secret holds it too, once render() renders it again.
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var pair in references)
            {
                if (facts.SecretVariables.Contains(pair.Key)) continue;
                foreach (var target in pair.Value)
                {
                    if (!facts.SecretVariables.Contains(target)) continue;
                    if (facts.SecretVariables.Add(pair.Key)) changed = true;
                    break;
                }
            }
        }

        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!facts.EvaluatedVariables.Add(name) || !references.TryGetValue(name, out var next)) continue;
            foreach (var n in next) pending.Push(n);
        }
        return facts;
    }

    private static void Reference(Dictionary<string, List<string>> references, string from, string to)
    {
        if (!references.TryGetValue(from, out var list)) references[from] = list = new List<string>();
        list.Add(to);
    }

    /// <summary>`variables.db.password` → `db`: render(vars.db) evaluates the whole variable.</summary>
    private static string VariableName(string relativePath)
    {
        string rest = relativePath.StartsWith("variables.", StringComparison.Ordinal) ? relativePath.Substring("variables.".Length) : relativePath;
        int end = rest.IndexOfAny(PathSeparators);
        return end < 0 ? rest : rest.Substring(0, end);
    }

    private static readonly char[] PathSeparators = { '.', '[' };

    private static bool NamesAny(string text, IReadOnlyList<string> names)
    {
        for (int i = 0; i < names.Count; i++)
            if (text.IndexOf(names[i], StringComparison.Ordinal) >= 0) return true;
        return false;
    }

    private static bool Contains(IReadOnlyList<string> list, string name)
    {
        for (int i = 0; i < list.Count; i++)
            if (string.Equals(list[i], name, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string OperatorText(PebbleBinaryOperator op) => op switch
    {
        PebbleBinaryOperator.Add => "+",
        PebbleBinaryOperator.Subtract => "-",
        PebbleBinaryOperator.Multiply => "*",
        PebbleBinaryOperator.Divide => "/",
        PebbleBinaryOperator.Modulus => "%",
        PebbleBinaryOperator.Range => "..",
        PebbleBinaryOperator.Equals => "==",
        PebbleBinaryOperator.NotEquals => "!=",
        PebbleBinaryOperator.Contains => "contains",
        PebbleBinaryOperator.And => "and",
        PebbleBinaryOperator.Or => "or",
        PebbleBinaryOperator.GreaterThan => ">",
        PebbleBinaryOperator.LessThan => "<",
        PebbleBinaryOperator.GreaterThanEquals => ">=",
        PebbleBinaryOperator.LessThanEquals => "<=",
        _ => op.ToString(),
    };
}
