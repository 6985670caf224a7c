using System;
using System.Collections.Generic;
using System.Globalization;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// Pebble's ExpressionParser: precedence climbing, which is a Pratt parser with these binding powers
/// (pebble-grammar.md 2.1, 2.5): or 10, and 15, is/is not/contains 20, comparisons 30, + - 40, * / % 60,
/// | 100, ~ 110, .. ?? ??? 120 (?? and ??? are Kestra's), prefix not - + 500, all binary operators left
/// associative. Filters and tests take a call, not an expression, on their right. The ternary is only
/// tried when an expression is entered at binding power 0. Array and map literals take no postfix.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Where the last filter or test call ended, to explain a postfix written after one.</summary>
    private int _lastInvocationEnd;

    private PebbleExpression ParseExpression() => ParseExpression(0);

    private PebbleExpression ParseExpression(int minPrecedence)
    {
        if (_expressionDepth >= MaxExpressionDepth)
        {
            Fail(_t[_p], $"Expression is nested too deeply (more than {MaxExpressionDepth} levels)");
            return Missing();
        }
        _expressionDepth++;
        var result = ParseExpressionCore(minPrecedence);
        _expressionDepth--;
        return result;
    }

    private PebbleExpression ParseExpressionCore(int minPrecedence)
    {
        var first = _t[_p];
        int start = first.Start;
        PebbleExpression left;

        var unary = UnaryOf(first.Operator);
        if (unary != null)
        {
            Advance();
            var operand = ParseExpression(500);
            left = Checked(new UnaryExpression(SpanFrom(start), unary.Value, Span(first), operand));
        }
        else if (first.IsPunctuation('('))
        {
            Advance();
            left = ParseExpression();
            Expect(')', "to close \"(\"");
            left = ParsePostfix(left, start);
        }
        else if (first.IsPunctuation('['))
        {
            left = ParseArrayLiteral();
        }
        else if (first.IsPunctuation('{'))
        {
            left = ParseMapLiteral();
        }
        else
        {
            left = ParsePrimary();
        }

        while (!_failed)
        {
            var op = _t[_p];
            int precedence = BinaryPrecedence(op.Operator);
            if (precedence < 0 || precedence < minPrecedence) break;
            Advance();
            switch (op.Operator)
            {
                case OperatorToken.Pipe:
                    left = ParseFilterInvocation(left, start, op);
                    break;
                case OperatorToken.Is:
                case OperatorToken.IsNot:
                    left = ParseTestInvocation(left, start, op);
                    break;
                default:
                    var right = ParseExpression(precedence + 1);
                    left = Checked(new BinaryExpression(SpanFrom(start), BinaryOf(op.Operator), Span(op), left, right));
                    break;
            }
        }

        if (minPrecedence == 0 && !_failed && _t[_p].IsPunctuation('?'))
        {
            Advance();
            var whenTrue = ParseExpression();
            if (Expect(':', "of the conditional expression \"condition ? a : b\""))
            {
                var whenFalse = ParseExpression();
                left = Checked(new TernaryExpression(SpanFrom(start), left, whenTrue, whenFalse));
            }
        }
        return left;
    }

    private static PebbleUnaryOperator? UnaryOf(OperatorToken op) => op switch
    {
        OperatorToken.Not => PebbleUnaryOperator.Not,
        OperatorToken.Minus => PebbleUnaryOperator.Minus,
        OperatorToken.Plus => PebbleUnaryOperator.Plus,
        _ => null,
    };

    private static int BinaryPrecedence(OperatorToken op) => op switch
    {
        OperatorToken.Or => 10,
        OperatorToken.And => 15,
        OperatorToken.Is or OperatorToken.IsNot or OperatorToken.Contains => 20,
        OperatorToken.EqualsEquals or OperatorToken.EqualsWord or OperatorToken.NotEquals or OperatorToken.Greater
            or OperatorToken.Less or OperatorToken.GreaterEquals or OperatorToken.LessEquals => 30,
        OperatorToken.Plus or OperatorToken.Minus => 40,
        OperatorToken.Star or OperatorToken.Slash or OperatorToken.Percent => 60,
        OperatorToken.Pipe => 100,
        OperatorToken.Tilde => 110,
        OperatorToken.DotDot or OperatorToken.Coalesce or OperatorToken.UndefinedCoalesce => 120,
        _ => -1,
    };

    private static PebbleBinaryOperator BinaryOf(OperatorToken op) => op switch
    {
        OperatorToken.Or => PebbleBinaryOperator.Or,
        OperatorToken.And => PebbleBinaryOperator.And,
        OperatorToken.Contains => PebbleBinaryOperator.Contains,
        OperatorToken.EqualsEquals or OperatorToken.EqualsWord => PebbleBinaryOperator.Equals,
        OperatorToken.NotEquals => PebbleBinaryOperator.NotEquals,
        OperatorToken.Greater => PebbleBinaryOperator.GreaterThan,
        OperatorToken.Less => PebbleBinaryOperator.LessThan,
        OperatorToken.GreaterEquals => PebbleBinaryOperator.GreaterThanEquals,
        OperatorToken.LessEquals => PebbleBinaryOperator.LessThanEquals,
        OperatorToken.Plus => PebbleBinaryOperator.Add,
        OperatorToken.Minus => PebbleBinaryOperator.Subtract,
        OperatorToken.Star => PebbleBinaryOperator.Multiply,
        OperatorToken.Slash => PebbleBinaryOperator.Divide,
        OperatorToken.Percent => PebbleBinaryOperator.Modulus,
        OperatorToken.Tilde => PebbleBinaryOperator.Concatenate,
        OperatorToken.DotDot => PebbleBinaryOperator.Range,
        OperatorToken.Coalesce => PebbleBinaryOperator.NullCoalescing,
        _ => PebbleBinaryOperator.UndefinedCoalescing,
    };

    /// <summary>Trees deeper than the limit are refused, so every consumer may recurse over them.</summary>
    private PebbleExpression Checked(PebbleExpression node)
    {
        if (node.Depth > MaxExpressionDepth)
        {
            Fail(new TextSpan(node.Span.Start, node.Span.Length > 0 ? 1 : 0), $"Expression is nested too deeply (more than {MaxExpressionDepth} levels)");
        }
        return node;
    }

    // ---------------------------------------------------------------- primaries and postfix

    private PebbleExpression ParsePrimary()
    {
        var t = _t[_p];
        int start = t.Start;
        PebbleExpression node;
        switch (t.Kind)
        {
            case TokenKind.Name:
                node = ParseNamePrimary(t);
                break;
            case TokenKind.Long:
                Advance();
                node = LongLiteral(t, TextSpan.FromBounds(t.Start, t.End - 1));
                break;
            case TokenKind.Number:
                Advance();
                node = t.Code == 1 ? DoubleLiteral(t) : LongLiteral(t, Span(t));
                break;
            case TokenKind.String:
            case TokenKind.StringPart:
            case TokenKind.QuoteOpen:
            case TokenKind.InterpolationStart:
                node = ParseStringExpression();
                break;
            default:
                Fail(t, ExpectedExpressionMessage(t));
                return Missing();
        }
        return ParsePostfix(node, start);
    }

    private PebbleExpression ParseNamePrimary(in Token t)
    {
        var span = Span(t);
        switch (t.Length)
        {
            case 4 when Is(t, "true") || Is(t, "TRUE"):
                Advance();
                return LiteralExpression.Boolean(_s, span, true);
            case 5 when Is(t, "false") || Is(t, "FALSE"):
                Advance();
                return LiteralExpression.Boolean(_s, span, false);
            case 4 when Is(t, "null") || Is(t, "NULL") || Is(t, "none") || Is(t, "NONE"):
                Advance();
                return LiteralExpression.Null(_s, span);
        }

        string name = Text(t);
        Advance();
        if (_t[_p].IsPunctuation('('))
        {
            var args = ParseArguments(allowNamed: true);
            return Checked(new FunctionCallExpression(SpanFrom(t.Start), name, span, args));
        }
        return new VariableExpression(span, name);
    }

    private bool Is(in Token t, string text) => string.CompareOrdinal(_s, t.Start, text, 0, text.Length) == 0;

    private PebbleExpression ParsePostfix(PebbleExpression node, int start)
    {
        while (!_failed)
        {
            var t = _t[_p];
            if (t.IsPunctuation('.'))
            {
                Advance();
                var name = _t[_p];
                if (name.Kind != TokenKind.Name)
                {
                    Fail(name, $"Unexpected {Describe(name)} after \".\": expected an attribute name{AttributeNameHint(name)}");
                    break;
                }
                Advance();
                var key = LiteralExpression.String(_s, Span(name), Span(name), '\0');
                IReadOnlyList<Argument>? args = null;
                if (_t[_p].IsPunctuation('('))
                {
                    args = ParseArguments(allowNamed: false);
                }
                node = Checked(new AttributeExpression(SpanFrom(start), node, key, false, args));
            }
            else if (t.IsPunctuation('['))
            {
                Advance();
                if (_t[_p].IsPunctuation(']'))
                {
                    Fail(_t[_p], "Unexpected token \"]\": expected an index or a key between \"[\" and \"]\"");
                    break;
                }
                var key = ParseExpression();
                if (!_failed && _t[_p].IsPunctuation(':'))
                {
                    Fail(_t[_p], "Unexpected token \":\" in a subscript: expected \"]\"; Pebble has no slice syntax, use the slice filter");
                    break;
                }
                Expect(']', "to close \"[\"");
                node = Checked(new AttributeExpression(SpanFrom(start), node, key, true, null));
            }
            else if (t.IsPunctuation('('))
            {
                // Pebble casts the node to a function name here and crashes (ClassCastException).
                Fail(t, "Unexpected token \"(\": only a plain function or macro name can be called, not the result of an expression");
                break;
            }
            else
            {
                break;
            }
        }
        return node;
    }

    private string AttributeNameHint(in Token t)
    {
        if (t.Kind is TokenKind.Number or TokenKind.Long)
        {
            return $"; use [{Text(t)}] to index";
        }
        if (t.Kind == TokenKind.Operator && char.IsLetter(_s[t.Start]))
        {
            return $"; \"{Text(t)}\" is an operator, use ['{Text(t)}']";
        }
        return string.Empty;
    }

    private PebbleExpression ParseFilterInvocation(PebbleExpression input, int start, in Token pipe)
    {
        var name = _t[_p];
        if (name.Kind != TokenKind.Name)
        {
            string hint = name.Operator == OperatorToken.Pipe && name.Start == pipe.End ? "; Pebble has no \"||\", use \"or\"" : string.Empty;
            Fail(name, $"Unexpected {Describe(name)} after \"|\": expected a filter name{hint}");
            return input;
        }
        Advance();
        var args = _t[_p].IsPunctuation('(') ? ParseArguments(allowNamed: true) : Array.Empty<Argument>();
        _lastInvocationEnd = _lastEnd;
        return Checked(new FilterExpression(SpanFrom(start), input, Span(pipe), Text(name), Span(name), args));
    }

    private PebbleExpression ParseTestInvocation(PebbleExpression input, int start, in Token op)
    {
        var name = _t[_p];
        bool negated = op.Operator == OperatorToken.IsNot;
        if (name.Kind != TokenKind.Name)
        {
            Fail(name, $"Unexpected {Describe(name)} after \"{(negated ? "is not" : "is")}\": expected a test name, such as defined, null or empty");
            return input;
        }
        Advance();
        var args = _t[_p].IsPunctuation('(') ? ParseArguments(allowNamed: true) : Array.Empty<Argument>();
        _lastInvocationEnd = _lastEnd;
        return Checked(new TestExpression(SpanFrom(start), input, Span(op), negated, Text(name), Span(name), args));
    }

    /// <summary>
    /// <c>( [arg {, arg}] )</c>; an argument is named iff the token after the current one is <c>=</c>. Pebble
    /// stops at a positional argument after a named one, and at named arguments of a method call; both are
    /// reported here without stopping, since the structure is still clear.
    /// </summary>
    private IReadOnlyList<Argument> ParseArguments(bool allowNamed)
    {
        Advance();
        List<Argument>? args = null;
        bool sawNamed = false;
        while (!_failed && !_t[_p].IsPunctuation(')'))
        {
            if (args != null)
            {
                var separator = _t[_p];
                if (!separator.IsPunctuation(','))
                {
                    Fail(separator, $"Unexpected {Describe(separator)} in the argument list: expected \",\" or \")\"");
                    break;
                }
                Advance();
                if (_t[_p].IsPunctuation(')'))
                {
                    Fail(_t[_p], "Unexpected token \")\" after \",\": expected another argument (trailing commas are not allowed)");
                    break;
                }
            }

            var first = _t[_p];
            string? name = null;
            TextSpan? nameSpan = null;
            if (_t[_p + 1].IsPunctuation('=') && first.Kind != TokenKind.Error && !first.IsBlockEnd)
            {
                if (first.Kind != TokenKind.Name)
                {
                    Fail(first, $"Unexpected {Describe(first)}: expected an argument name before \"=\"");
                    break;
                }
                name = NewVariableName().Name;
                nameSpan = Span(first);
                Advance();
            }
            var value = ParseExpression();
            var arg = new Argument(SpanFrom(first.Start), name, nameSpan, value);
            if (name != null)
            {
                if (!allowNamed)
                {
                    Report(arg.Span, "Named arguments are not allowed when calling a method (\".name(…)\"); pass the values by position");
                }
                sawNamed = true;
            }
            else if (sawNamed)
            {
                Report(arg.Span, "Positional argument after a named argument: positional arguments must come before any named arguments");
            }
            (args ??= new List<Argument>()).Add(arg);
        }
        if (!_failed) Advance();
        return args ?? (IReadOnlyList<Argument>)Array.Empty<Argument>();
    }

    // ---------------------------------------------------------------- literals

    private PebbleExpression ParseArrayLiteral()
    {
        int start = _t[_p].Start;
        Advance();
        var elements = new List<PebbleExpression>();
        if (!_t[_p].IsPunctuation(']'))
        {
            while (!_failed)
            {
                elements.Add(ParseExpression());
                if (_failed || _t[_p].IsPunctuation(']')) break;
                var t = _t[_p];
                if (!t.IsPunctuation(','))
                {
                    Fail(t, $"Unexpected {Describe(t)} in the array literal: expected \",\" or \"]\"");
                    break;
                }
                Advance();
                if (_t[_p].IsPunctuation(']'))
                {
                    Fail(_t[_p], "Unexpected token \"]\" after \",\": expected another element (trailing commas are not allowed)");
                    break;
                }
            }
        }
        if (!_failed) Advance();
        return Checked(new ArrayExpression(SpanFrom(start), elements));
    }

    private PebbleExpression ParseMapLiteral()
    {
        int start = _t[_p].Start;
        Advance();
        var entries = new List<MapEntry>();
        if (!_t[_p].IsPunctuation('}'))
        {
            while (!_failed)
            {
                int entryStart = _t[_p].Start;
                var key = ParseExpression();
                if (!Expect(':', "after the map key")) break;
                var value = ParseExpression();
                entries.Add(new MapEntry(SpanFrom(entryStart), key, value));
                if (_failed || _t[_p].IsPunctuation('}')) break;
                var t = _t[_p];
                if (!t.IsPunctuation(','))
                {
                    Fail(t, $"Unexpected {Describe(t)} in the map literal: expected \",\" or \"}}\"");
                    break;
                }
                Advance();
                if (_t[_p].IsPunctuation('}'))
                {
                    Fail(_t[_p], "Unexpected token \"}\" after \",\": expected another entry (trailing commas are not allowed)");
                    break;
                }
            }
        }
        if (!_failed) Advance();
        return Checked(new MapExpression(SpanFrom(start), entries));
    }

    /// <summary>
    /// Pebble's parseStringExpression: string tokens and interpolations in a row, except that a plain string may
    /// not directly follow another (<c>"a" "b"</c> is an error, <c>"#{a}" "b"</c> is not). One part is returned
    /// as is; several become a right-nested Concatenate.
    /// </summary>
    private PebbleExpression ParseStringExpression()
    {
        // Most strings are one plain literal: no interpolation can follow, so skip the general loop.
        ref readonly var first = ref _t[_p];
        if (first.Kind == TokenKind.String)
        {
            var next = _t[_p + 1];
            bool continues = next.Kind == TokenKind.InterpolationStart
                || (next.Kind == TokenKind.QuoteOpen && _t[_p + 2].Kind == TokenKind.InterpolationStart);
            if (!continues)
            {
                var literal = LiteralExpression.String(_s, Span(first), TextSpan.FromBounds(first.Start + 1, first.End - 1), _s[first.Start]);
                Advance();
                return literal;
            }
        }

        int start = _t[_p].Start;
        var parts = new List<PebbleExpression>(2);
        var partStarts = new List<int>(2);
        bool previousWasString = false;
        while (!_failed)
        {
            var t = _t[_p];
            if (t.Kind == TokenKind.QuoteOpen)
            {
                if (previousWasString && _t[_p + 1].Kind == TokenKind.StringPart) break;
                Advance();
                continue;
            }
            if (t.Kind == TokenKind.QuoteClose)
            {
                Advance();
                continue;
            }
            if ((t.Kind == TokenKind.String || t.Kind == TokenKind.StringPart) && !previousWasString)
            {
                Advance();
                partStarts.Add(t.Start);
                parts.Add(t.Kind == TokenKind.String
                    ? LiteralExpression.String(_s, Span(t), TextSpan.FromBounds(t.Start + 1, t.End - 1), _s[t.Start])
                    : LiteralExpression.String(_s, Span(t), Span(t), '\0'));
                previousWasString = true;
            }
            else if (t.Kind == TokenKind.InterpolationStart)
            {
                Advance();
                partStarts.Add(t.Start);
                parts.Add(ParseExpression());
                if (_failed) break;
                var end = _t[_p];
                if (end.Kind != TokenKind.InterpolationEnd)
                {
                    Fail(end, $"Unexpected {Describe(end)} in the string interpolation: expected \"}}\"");
                    break;
                }
                Advance();
                previousWasString = false;
            }
            else
            {
                break;
            }
        }

        if (parts.Count == 0)
        {
            Fail(_t[_p], ExpectedExpressionMessage(_t[_p]));
            return Missing();
        }
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var result = parts[parts.Count - 1];
        for (int i = parts.Count - 2; i >= 0; i--)
        {
            int nodeStart = i == 0 ? start : partStarts[i];
            var joint = new TextSpan(partStarts[i + 1], 0);
            result = Checked(new BinaryExpression(SpanFrom(nodeStart), PebbleBinaryOperator.Concatenate, joint, parts[i], result, isInterpolation: true));
        }
        return result;
    }

    private LiteralExpression LongLiteral(in Token t, TextSpan digits)
    {
        long value = 0;
        bool overflow = false;
        for (int i = digits.Start; i < digits.End; i++)
        {
            int d = _s[i] - '0';
            if (value > (long.MaxValue - d) / 10)
            {
                overflow = true;
                break;
            }
            value = value * 10 + d;
        }
        if (overflow)
        {
            Report(Span(t), $"Number \"{_s.Substring(digits.Start, digits.Length)}\" is too large: Pebble reads it as a 64-bit Long (at most 9223372036854775807)");
            value = 0;
        }
        return LiteralExpression.Long(_s, Span(t), value);
    }

    private LiteralExpression DoubleLiteral(in Token t)
    {
        double value;
        try
        {
            value = double.Parse(Text(t), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            // .NET Framework throws where Java (and .NET Core) give Infinity.
            value = double.PositiveInfinity;
        }
        return LiteralExpression.Double(_s, Span(t), value);
    }

    // ---------------------------------------------------------------- expectations and messages

    private bool Expect(char punctuation, string purpose)
    {
        if (_failed) return false;
        var t = _t[_p];
        if (t.IsPunctuation(punctuation))
        {
            Advance();
            return true;
        }
        Fail(t, $"Unexpected {Describe(t)}: expected \"{punctuation}\" {purpose}");
        return false;
    }

    private string ExpectedExpressionMessage(in Token t)
    {
        var previous = _p > 0 ? _t[_p - 1] : default;
        if (t.Operator == OperatorToken.Percent && previous.IsPunctuation('{') && previous.End == t.Start)
        {
            return "Unexpected \"{%\" inside an expression: a tag cannot be nested inside \"{{ … }}\" or \"{% … %}\"";
        }
        if (t.IsPunctuation('{') && previous.IsPunctuation('{') && previous.End == t.Start)
        {
            return "Unexpected \"{{\" inside an expression: \"{{ … }}\" cannot be nested";
        }

        string after = previous.Kind == TokenKind.Operator ? $" after \"{Text(previous)}\"" : string.Empty;
        string message = $"Unexpected {Describe(t)}: expected an expression{after}";
        if (previous.IsPunctuation('?') && previous.End == t.Start)
        {
            if (t.IsPunctuation(':')) return message + "; Pebble has no \"?:\" operator, use \"a ?? b\" or \"a ? a : b\"";
            if (t.IsPunctuation('.')) return message + "; Pebble has no \"?.\" operator, use \"a.b ?? default\"";
        }
        if (t.IsPunctuation('.') && _p + 1 < _t.Count && _t[_p + 1].Kind == TokenKind.Number)
        {
            return message + "; write numbers with a leading digit, as in 0.5";
        }
        return message;
    }

    /// <summary>Hints for a token found where a block should have ended.</summary>
    private string ExpectedEndHint(in Token t)
    {
        var previous = _p > 0 ? _t[_p - 1] : default;
        if (t.Kind == TokenKind.Name && previous.Kind is TokenKind.Number or TokenKind.Long && previous.End == t.Start)
        {
            return "; numbers are plain decimals (no exponent, hex or suffix other than L)";
        }
        if (t.Kind == TokenKind.String && previous.Kind is TokenKind.String or TokenKind.QuoteClose)
        {
            return "; join strings with ~";
        }
        if ((t.IsPunctuation('[') || t.IsPunctuation('.')) && previous.End == _lastInvocationEnd)
        {
            return "; a filter or test call takes no attribute or index after it, wrap it in parentheses, as in (s | upper).length";
        }
        if ((t.IsPunctuation('[') || t.IsPunctuation('.')) && (previous.IsPunctuation(']') || previous.IsPunctuation('}')))
        {
            return "; to index an array or map literal, wrap it in parentheses, as in ([1, 2])[0]";
        }
        if (t.IsPunctuation('='))
        {
            return "; compare with ==, assign with {% set x = … %}";
        }
        if (t.Kind == TokenKind.Name && Is(t, "in") && t.Length == 2)
        {
            return "; Pebble has no \"in\" operator, use \"list contains x\"";
        }
        if (t.Kind is TokenKind.Name or TokenKind.Number or TokenKind.Long or TokenKind.String or TokenKind.QuoteOpen)
        {
            return " or an operator";
        }
        return string.Empty;
    }

    /// <summary>What a token is, for messages: <c>token "0" (number)</c>, <c>"}}"</c>, <c>end of template</c>.</summary>
    private string Describe(in Token t)
    {
        switch (t.Kind)
        {
            case TokenKind.Eof:
            case TokenKind.MissingEnd:
                return "end of template";
            case TokenKind.PrintEnd:
                return "\"}}\"";
            case TokenKind.ExecuteEnd:
                return "\"%}\"";
            case TokenKind.InterpolationStart:
                return "\"#{\"";
            case TokenKind.InterpolationEnd:
                return "\"}\" (end of the interpolation)";
            case TokenKind.QuoteOpen:
            case TokenKind.QuoteClose:
                return "'\"'";
            case TokenKind.Name:
                return $"token \"{Shorten(t)}\" (name)";
            case TokenKind.Number:
            case TokenKind.Long:
                return $"token \"{Shorten(t)}\" (number)";
            case TokenKind.String:
                return $"token {Shorten(t)} (string)";
            case TokenKind.StringPart:
                return $"string text \"{Shorten(t)}\"";
            case TokenKind.Operator:
                return $"token \"{Shorten(t)}\" (operator)";
            default:
                return $"token \"{Shorten(t)}\"";
        }
    }

    private string Shorten(in Token t)
    {
        const int max = 40;
        return t.Length <= max ? Text(t) : _s.Substring(t.Start, max) + "…";
    }
}
