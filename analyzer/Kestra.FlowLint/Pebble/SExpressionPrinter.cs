using System.Collections.Generic;
using System.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// Prints a template in the S-expression format of <c>flowlint expr</c>, which is compared byte for byte with
/// the reference engine's output: <c>[text:"…" print:EXPR if …]</c>. Tags print as their bare name, comments
/// print nothing, empty text is left out.
/// </summary>
public static class SExpressionPrinter
{
    public static string Print(PebbleTemplate template)
    {
        var sb = new StringBuilder();
        sb.Append('[');
        bool first = true;
        var nodes = template.Nodes;
        int i = 0;
        while (i < nodes.Count)
        {
            // Kestra swaps a raw block for a placeholder before Pebble runs, so Pebble sees the raw content and
            // the text around it as one text node: a run of text and raw blocks prints as one text.
            int end = i;
            bool hasRaw = false;
            while (end < nodes.Count && (nodes[end] is TextNode || IsKestraRaw(nodes[end])))
            {
                hasRaw |= IsKestraRaw(nodes[end]);
                end++;
            }
            if (hasRaw)
            {
                var merged = new StringBuilder();
                for (int k = i; k < end; k++)
                    merged.Append(nodes[k] is TextNode t ? t.Value : ((VerbatimNode)nodes[k]).Value);
                if (merged.Length > 0)
                {
                    if (!first) sb.Append(' ');
                    sb.Append("text:");
                    AppendQuoted(sb, merged.ToString());
                    first = false;
                }
                i = end;
                continue;
            }

            int mark = sb.Length;
            if (!first) sb.Append(' ');
            if (AppendNode(sb, nodes[i])) first = false;
            else sb.Length = mark;
            i++;
        }
        sb.Append(']');
        return sb.ToString();
    }

    private static bool IsKestraRaw(PebbleTemplateNode node) => node is VerbatimNode { Kind: VerbatimKind.KestraRaw };

    public static string Print(PebbleExpression expression)
    {
        var sb = new StringBuilder();
        AppendExpression(sb, expression);
        return sb.ToString();
    }

    private static bool AppendNode(StringBuilder sb, PebbleTemplateNode node)
    {
        switch (node)
        {
            case TextNode text:
                if (text.Span.Length == 0) return false;
                sb.Append("text:");
                AppendQuoted(sb, text.Value);
                return true;
            case VerbatimNode verbatim:
                if (verbatim.ValueSpan.Length == 0) return false;
                sb.Append("text:");
                AppendQuoted(sb, verbatim.Value);
                return true;
            case CommentNode:
                return false;
            case PrintNode print:
                sb.Append("print:");
                AppendExpression(sb, print.Expression);
                return true;
            case PebbleTagNode tag:
                sb.Append(tag.TagName.Name);
                return true;
            default:
                return false;
        }
    }

    private static void AppendExpression(StringBuilder sb, PebbleExpression e)
    {
        switch (e)
        {
            case LiteralExpression literal:
                switch (literal.Kind)
                {
                    case PebbleLiteralKind.String:
                        sb.Append("str:");
                        AppendQuoted(sb, literal.StringValue!);
                        break;
                    case PebbleLiteralKind.Long:
                        sb.Append("long:").Append(literal.LongValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case PebbleLiteralKind.Double:
                        sb.Append("double:").Append(JavaDouble.ToString(literal.DoubleValue));
                        break;
                    case PebbleLiteralKind.Boolean:
                        sb.Append(literal.BooleanValue ? "bool:true" : "bool:false");
                        break;
                    default:
                        sb.Append("null");
                        break;
                }
                break;
            case VariableExpression variable:
                sb.Append('$').Append(variable.Name);
                break;
            case AttributeExpression attribute:
                sb.Append("(attr ");
                AppendExpression(sb, attribute.Target);
                sb.Append(' ');
                AppendExpression(sb, attribute.Key);
                if (attribute.Arguments != null)
                {
                    sb.Append(" args(");
                    AppendArguments(sb, attribute.Arguments);
                    sb.Append(')');
                }
                sb.Append(')');
                break;
            case FunctionCallExpression call:
                sb.Append("(call ").Append(call.Name).Append('(');
                AppendArguments(sb, call.Arguments);
                sb.Append("))");
                break;
            case FilterExpression filter:
                sb.Append("(| ");
                AppendExpression(sb, filter.Input);
                sb.Append(" filter:").Append(filter.Name).Append('(');
                AppendArguments(sb, filter.Arguments);
                sb.Append("))");
                break;
            case TestExpression test:
                sb.Append(test.Negated ? "(NegativeTest " : "(PositiveTest ");
                AppendExpression(sb, test.Input);
                sb.Append(" test:").Append(test.Name).Append('(');
                AppendArguments(sb, test.Arguments);
                sb.Append("))");
                break;
            case UnaryExpression unary:
                sb.Append(unary.Operator switch
                {
                    PebbleUnaryOperator.Not => "(UnaryNot ",
                    PebbleUnaryOperator.Minus => "(UnaryMinus ",
                    _ => "(UnaryPlus ",
                });
                AppendExpression(sb, unary.Operand);
                sb.Append(')');
                break;
            case BinaryExpression binary:
                sb.Append('(').Append(Name(binary.Operator)).Append(' ');
                AppendExpression(sb, binary.Left);
                sb.Append(' ');
                AppendExpression(sb, binary.Right);
                sb.Append(')');
                break;
            case TernaryExpression ternary:
                sb.Append("(?: ");
                AppendExpression(sb, ternary.Condition);
                sb.Append(' ');
                AppendExpression(sb, ternary.WhenTrue);
                sb.Append(' ');
                AppendExpression(sb, ternary.WhenFalse);
                sb.Append(')');
                break;
            case ArrayExpression array:
                sb.Append("[array");
                foreach (var element in array.Elements)
                {
                    sb.Append(' ');
                    AppendExpression(sb, element);
                }
                sb.Append(']');
                break;
            case MapExpression map:
                sb.Append("{map");
                foreach (var entry in map.Entries)
                {
                    sb.Append(' ');
                    AppendExpression(sb, entry.Key);
                    sb.Append("=>");
                    AppendExpression(sb, entry.Value);
                }
                sb.Append('}');
                break;
            default:
                sb.Append("<error>");
                break;
        }
    }

    /// <summary>Spelled out rather than Enum.ToString(): the names are a contract, and this stays trimming-proof.</summary>
    private static string Name(PebbleBinaryOperator op) => op switch
    {
        PebbleBinaryOperator.Or => "Or",
        PebbleBinaryOperator.And => "And",
        PebbleBinaryOperator.Contains => "Contains",
        PebbleBinaryOperator.Equals => "Equals",
        PebbleBinaryOperator.NotEquals => "NotEquals",
        PebbleBinaryOperator.GreaterThan => "GreaterThan",
        PebbleBinaryOperator.LessThan => "LessThan",
        PebbleBinaryOperator.GreaterThanEquals => "GreaterThanEquals",
        PebbleBinaryOperator.LessThanEquals => "LessThanEquals",
        PebbleBinaryOperator.Add => "Add",
        PebbleBinaryOperator.Subtract => "Subtract",
        PebbleBinaryOperator.Multiply => "Multiply",
        PebbleBinaryOperator.Divide => "Divide",
        PebbleBinaryOperator.Modulus => "Modulus",
        PebbleBinaryOperator.Concatenate => "Concatenate",
        PebbleBinaryOperator.Range => "Range",
        PebbleBinaryOperator.NullCoalescing => "NullCoalescing",
        _ => "UndefinedCoalescing",
    };

    private static void AppendArguments(StringBuilder sb, IReadOnlyList<Argument> arguments)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            var a = arguments[i];
            if (a.Name != null) sb.Append(a.Name).Append('=');
            AppendExpression(sb, a.Value);
        }
    }

    private static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }
}
