using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// Pebble's ParserImpl and tag parsers (Kestra keeps if, for, set, macro, block, filter), over the lexer's tokens.
/// Error recovery works per block: the first error in a <c>{{ }}</c> or <c>{% %}</c> is reported, the rest of
/// that block is skipped, and parsing resumes after its closing delimiter. An error the lexer already reported
/// in a block silences the parser's errors from that point on, so one mistake gives one message.
/// The expression grammar is in <c>Parser.Expressions.cs</c>.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deepest expression (and recursion) accepted; far beyond any real template, well within the stack.</summary>
    internal const int MaxExpressionDepth = 256;

    /// <summary>Deepest nesting of tags with bodies.</summary>
    internal const int MaxTagDepth = 256;

    private string _s;
    private readonly StringCache _names = StringCache.Current;
    private TokenBuffer _t;
    private List<PebbleError> _errors;
    private bool _rawPrePass;

    private int _p;

    /// <summary>End offset of the last token consumed: every node's span ends there.</summary>
    private int _lastEnd;

    // The block being parsed.
    private int _blockEnd;
    private bool _blockIsPrint;
    private int _blockFirstLexError;
    private bool _failed;

    private int _expressionDepth;
    private int _dashReportedAt;

    /// <summary>The end tags each open body stops at, innermost last; used to close bodies an end tag cuts short.</summary>
    private List<StopTags> _stops;

    public Parser(string source, TokenBuffer tokens, List<PebbleError> errors, bool rawPrePass, List<StopTags>? stops = null)
    {
        // Assigned here too so the compiler sees them set; Reset sets every field.
        _s = source;
        _t = tokens;
        _errors = errors;
        _stops = stops ?? new();
        Reset(source, tokens, errors, rawPrePass, _stops);
    }

    /// <summary>
    /// Makes this parser as a new one for another template (<see cref="ParseScratch"/> keeps one per thread). Every
    /// field is set here; a test holds a reset parser to a new one field by field.
    /// </summary>
    public void Reset(string source, TokenBuffer tokens, List<PebbleError> errors, bool rawPrePass, List<StopTags> stops)
    {
        _s = source;
        _t = tokens;
        _errors = errors;
        _rawPrePass = rawPrePass;
        _stops = stops;
        _p = 0;
        _lastEnd = 0;
        _blockEnd = -1;
        _blockIsPrint = false;
        _blockFirstLexError = int.MaxValue;
        _failed = false;
        _expressionDepth = 0;
        _dashReportedAt = -1;
        _lastInvocationEnd = -1;
    }

    public IReadOnlyList<PebbleTemplateNode> ParseTemplate()
    {
        var nodes = ParseBody(StopTags.None, out _);
        return nodes;
    }

    // ---------------------------------------------------------------- bodies

    private enum BodyEnd
    {
        EndOfTemplate,

        /// <summary>Stopped at one of its own end tags; the cursor is on that tag's <c>{%</c>.</summary>
        StopTag,

        /// <summary>Stopped at an end tag of an enclosing tag: this body's own end tag is missing.</summary>
        EnclosingStopTag,
    }

    private List<PebbleTemplateNode> ParseBody(StopTags stops, out BodyEnd end)
    {
        var nodes = new List<PebbleTemplateNode>();
        _stops.Add(stops);
        try
        {
            while (true)
            {
                var t = _t[_p];
                switch (t.Kind)
                {
                    case TokenKind.Eof:
                        end = BodyEnd.EndOfTemplate;
                        return nodes;
                    case TokenKind.Text:
                        nodes.Add(new TextNode(_s, TextSpan.FromBounds(t.Start, t.End), TextSpan.FromBounds(t.A, t.B)));
                        ConsumeTemplateToken();
                        break;
                    case TokenKind.KestraRaw:
                        nodes.Add(new VerbatimNode(_s, TextSpan.FromBounds(t.A, t.B), TextSpan.FromBounds(t.Start, t.End), VerbatimKind.KestraRaw));
                        ConsumeTemplateToken();
                        break;
                    case TokenKind.Verbatim:
                        nodes.Add(new VerbatimNode(_s, TextSpan.FromBounds(t.A, t.B), TextSpan.FromBounds(t.Start, t.End), VerbatimKind.Verbatim));
                        ConsumeTemplateToken();
                        break;
                    case TokenKind.Comment:
                        nodes.Add(new CommentNode(TextSpan.FromBounds(t.Start, t.End)));
                        ConsumeTemplateToken();
                        break;
                    case TokenKind.PrintStart:
                        nodes.Add(ParsePrint());
                        break;
                    case TokenKind.ExecuteStart:
                        var nameToken = _t[TagNameIndex(_p)];
                        if (nameToken.Kind == TokenKind.Name)
                        {
                            // A tag that cuts an inner body short is seen again by the enclosing body: report once.
                            if (TagNameIndex(_p) != _p + 1 && _p > _dashReportedAt)
                            {
                                _dashReportedAt = _p;
                                var dash = _t[_p + 1];
                                Report(Span(dash), $"Unexpected token \"-\" before the tag name: for whitespace control put a blank after \"-\", as in \"{{%- {Text(nameToken)}\"");
                            }
                            var tag = TagTable.Classify(_s, nameToken.Start, nameToken.Length);
                            if ((tag.StopFlag & stops) != 0)
                            {
                                end = BodyEnd.StopTag;
                                return nodes;
                            }
                            if (tag.StopFlag != StopTags.None && IsEnclosingStop(tag.StopFlag))
                            {
                                end = BodyEnd.EnclosingStopTag;
                                return nodes;
                            }
                            var node = ParseTag(tag, stops);
                            if (node != null) nodes.Add(node);
                        }
                        else
                        {
                            BeginBlock();
                            var cur = _t[_p];
                            string hint = cur.Operator == OperatorToken.Minus && cur.Start == t.End
                                ? " (for whitespace control put a blank after \"-\", as in \"{%- if\")"
                                : string.Empty;
                            Fail(cur, $"Unexpected {Describe(cur)}: a tag must start with its name, such as \"if\", \"for\" or \"set\"{hint}");
                            EndBlock(string.Empty);
                        }
                        break;
                    default:
                        // Not produced at this level by the lexer; step over it rather than loop.
                        _p++;
                        break;
                }
            }
        }
        finally
        {
            _stops.RemoveAt(_stops.Count - 1);
        }
    }

    private bool IsEnclosingStop(StopTags flag)
    {
        for (int i = _stops.Count - 2; i >= 0; i--)
        {
            if ((_stops[i] & flag) != 0) return true;
        }
        return false;
    }

    private void ConsumeTemplateToken()
    {
        var t = _t[_p];
        _lastEnd = t.Kind is TokenKind.Text or TokenKind.Verbatim or TokenKind.KestraRaw ? t.B : t.End;
        _p++;
    }

    private PrintNode ParsePrint()
    {
        int open = _t[_p].Start;
        BeginBlock();
        var expression = ParseExpression();
        EndBlock("after the expression");
        return new PrintNode(SpanFrom(open), expression);
    }

    // ---------------------------------------------------------------- tags

    private PebbleTemplateNode? ParseTag(TagInfo tag, StopTags currentStops)
    {
        int open = _t[_p].Start;
        var nameToken = _t[TagNameIndex(_p)];
        var tagName = new PebbleIdentifier(tag.Name ?? Text(nameToken), Span(nameToken));

        if (tag.HasBody && _stops.Count > MaxTagDepth)
        {
            BeginBlock();
            Fail(nameToken, $"Tags are nested too deeply (more than {MaxTagDepth} levels)");
            EndBlock(string.Empty);
            return null;
        }

        switch (tag.Kind)
        {
            case TagKind.If:
                return ParseIf(open, tagName);
            case TagKind.For:
                return ParseFor(open, tagName);
            case TagKind.Set:
                return ParseSet(open, tagName);
            case TagKind.Macro:
                return ParseMacro(open, tagName);
            case TagKind.Block:
                return ParseBlock(open, tagName);
            case TagKind.Filter:
                return ParseFilterTag(open, tagName);
            case TagKind.Removed:
                return ParseRemovedTag(open, tag, tagName);
        }

        // A tag name that is not valid here: report it and skip the tag.
        BeginBlock();
        string message = tag.Kind switch
        {
            TagKind.Else => (currentStops & (StopTags.Endif | StopTags.Endfor)) != 0 && (currentStops & (StopTags.Else | StopTags.Elseif)) == 0
                ? $"Unexpected tag \"else\": this \"{((currentStops & StopTags.Endif) != 0 ? "if" : "for")}\" already has an \"else\""
                : "Unexpected tag \"else\": it must be inside an \"if\" or a \"for\"",
            TagKind.Elseif => (currentStops & StopTags.Endif) != 0
                ? "Unexpected tag \"elseif\": it cannot come after the \"else\" of an \"if\""
                : "Unexpected tag \"elseif\": it must be inside an \"if\"",
            TagKind.EndTag => $"Unexpected tag \"{tagName.Name}\": no \"{tagName.Name.Substring(3)}\" is open here{OpenTagReminder(currentStops)}",
            TagKind.Raw => _rawPrePass
                ? "Unexpected tag name \"raw\": Kestra only strips \"{% raw %}…{% endraw %}\" when both tags are on the same line, and no \"{% endraw %}\" follows; use \"{% verbatim %}…{% endverbatim %}\" for multi-line content"
                : "Unexpected tag name \"raw\": Pebble has no raw tag (Kestra strips single-line \"{% raw %}…{% endraw %}\" before Pebble parses the template)",
            TagKind.Endraw => "Unexpected tag name \"endraw\": no \"{% raw %}\" on the same line opens it",
            TagKind.Verbatim => "Unexpected tag name \"verbatim\": \"{% verbatim %}\" takes nothing after its name",
            TagKind.Endverbatim => "Unexpected tag name \"endverbatim\": no \"{% verbatim %}\" is open",
            _ => $"Unexpected tag name \"{tagName.Name}\": Kestra's Pebble has the tags if, for, set, macro, block, filter and verbatim{UnknownTagHint(tagName.Name)}",
        };
        Fail(nameToken, message);
        EndBlock(string.Empty);
        return null;
    }

    private static string OpenTagReminder(StopTags stops)
    {
        string? end = TagTable.EndTagOf(stops);
        return end == null ? string.Empty : $" (the enclosing tag still needs \"{{% {end} %}}\")";
    }

    private static string UnknownTagHint(string name) => name switch
    {
        "elif" or "elsif" => "; did you mean \"elseif\"?",
        "endset" => "; \"set\" has no end tag",
        _ => string.Empty,
    };

    private IfNode ParseIf(int open, PebbleIdentifier tagName)
    {
        BeginBlock();
        Advance();
        var condition = ParseExpression();
        EndBlock("after the condition");

        var branches = new List<IfBranch>();
        List<PebbleTemplateNode>? elseBody = null;
        int branchStart = open;
        var body = ParseBody(StopTags.Elseif | StopTags.Else | StopTags.Endif, out var end);
        branches.Add(new IfBranch(SpanFrom(branchStart), condition, body));

        while (true)
        {
            if (end != BodyEnd.StopTag)
            {
                ReportUnclosed(open, tagName, "endif", end);
                break;
            }
            int tagStart = _t[_p].Start;
            string name = Text(_t[TagNameIndex(_p)]);
            BeginBlock();
            Advance();
            if (name == "else")
            {
                EndBlock("after \"else\"", _t[_p].Kind == TokenKind.Name && Text(_t[_p]) == "if" ? "; write \"elseif\", not \"else if\"" : string.Empty);
                elseBody = ParseBody(StopTags.Endif, out end);
            }
            else if (name == "elseif")
            {
                var c = ParseExpression();
                EndBlock("after the condition");
                var b = ParseBody(StopTags.Elseif | StopTags.Else | StopTags.Endif, out end);
                branches.Add(new IfBranch(SpanFrom(tagStart), c, b));
            }
            else
            {
                EndBlock("after \"endif\"");
                break;
            }
        }
        return new IfNode(SpanFrom(open), tagName, branches, elseBody);
    }

    private ForNode ParseFor(int open, PebbleIdentifier tagName)
    {
        BeginBlock();
        Advance();
        var variables = new List<PebbleIdentifier>(1);
        var cur = _t[_p];
        if (cur.Kind == TokenKind.Name)
        {
            variables.Add(NewVariableName());
            bool reported = false;
            while (!_failed && _t[_p].IsPunctuation(','))
            {
                // Pebble stops here; keep every name so that the body can still be analysed.
                if (!reported)
                {
                    Report(Span(_t[_p]), "Unexpected token \",\" after the loop variable: Pebble's for takes one variable (to loop over a map, use one variable and its .key and .value)");
                    reported = true;
                }
                Advance();
                if (_t[_p].Kind != TokenKind.Name)
                {
                    Fail(_t[_p], $"Unexpected {Describe(_t[_p])} after \",\": expected a loop variable name");
                    break;
                }
                variables.Add(NewVariableName());
            }
        }
        else
        {
            Fail(cur, $"Unexpected {Describe(cur)} after \"for\": expected the loop variable's name");
        }

        PebbleExpression iterable;
        cur = _t[_p];
        if (!_failed && cur.Kind == TokenKind.Name && Text(cur) == "in")
        {
            Advance();
            iterable = ParseExpression();
        }
        else
        {
            Fail(cur, $"Unexpected {Describe(cur)} after the loop variable: expected \"in\"");
            iterable = Missing();
        }
        EndBlock("after the loop's iterable");

        var body = ParseBody(StopTags.Else | StopTags.Endfor, out var end);
        List<PebbleTemplateNode>? elseBody = null;
        if (end == BodyEnd.StopTag && Text(_t[TagNameIndex(_p)]) == "else")
        {
            BeginBlock();
            Advance();
            EndBlock("after \"else\"");
            elseBody = ParseBody(StopTags.Endfor, out end);
        }
        if (end == BodyEnd.StopTag)
        {
            BeginBlock();
            Advance();
            EndBlock("after \"endfor\"");
        }
        else
        {
            ReportUnclosed(open, tagName, "endfor", end);
        }
        return new ForNode(SpanFrom(open), tagName, variables, iterable, body, elseBody);
    }

    private SetNode ParseSet(int open, PebbleIdentifier tagName)
    {
        BeginBlock();
        Advance();
        var cur = _t[_p];
        PebbleIdentifier name;
        if (cur.Kind == TokenKind.Name)
        {
            name = NewVariableName();
        }
        else
        {
            name = new PebbleIdentifier(string.Empty, new TextSpan(cur.Start, 0));
            Fail(cur, $"Unexpected {Describe(cur)} after \"set\": expected the variable's name");
        }

        PebbleExpression value;
        cur = _t[_p];
        if (!_failed && cur.IsPunctuation('='))
        {
            Advance();
            value = ParseExpression();
        }
        else
        {
            string hint = cur.IsPunctuation('.') || cur.IsPunctuation('[') ? "; \"set\" assigns a whole variable, not an attribute or an element" : string.Empty;
            Fail(cur, $"Unexpected {Describe(cur)} after the variable's name: expected \"=\"{hint}");
            value = Missing();
        }
        EndBlock("after the value");
        return new SetNode(SpanFrom(open), tagName, name, value);
    }

    private MacroNode ParseMacro(int open, PebbleIdentifier tagName)
    {
        BeginBlock();
        Advance();
        var cur = _t[_p];
        PebbleIdentifier name;
        var parameters = new List<MacroParameter>();
        if (cur.Kind == TokenKind.Name)
        {
            name = new PebbleIdentifier(Text(cur), Span(cur));
            Advance();
            cur = _t[_p];
            if (cur.IsPunctuation('('))
            {
                Advance();
                while (!_failed && !_t[_p].IsPunctuation(')'))
                {
                    if (parameters.Count > 0)
                    {
                        if (!_t[_p].IsPunctuation(','))
                        {
                            Fail(_t[_p], $"Unexpected {Describe(_t[_p])} in the macro's parameters: expected \",\" or \")\"");
                            break;
                        }
                        Advance();
                    }
                    var p = _t[_p];
                    if (p.Kind != TokenKind.Name)
                    {
                        Fail(p, $"Unexpected {Describe(p)} in the macro's parameters: expected a parameter name");
                        break;
                    }
                    var parameterName = NewVariableName();
                    PebbleExpression? defaultValue = null;
                    if (_t[_p].IsPunctuation('='))
                    {
                        Advance();
                        defaultValue = ParseExpression();
                    }
                    parameters.Add(new MacroParameter(SpanFrom(p.Start), parameterName.Name, parameterName.Span, defaultValue));
                }
                if (!_failed) Advance();
            }
            else
            {
                Fail(cur, $"Unexpected {Describe(cur)} after the macro's name: expected \"(\"");
            }
        }
        else
        {
            name = new PebbleIdentifier(string.Empty, new TextSpan(cur.Start, 0));
            Fail(cur, $"Unexpected {Describe(cur)} after \"macro\": expected the macro's name");
        }
        EndBlock("after the macro's parameters");

        var body = ParseBody(StopTags.Endmacro, out var end);
        CloseBody(open, tagName, "endmacro", end);
        return new MacroNode(SpanFrom(open), tagName, name, parameters, body);
    }

    private BlockNode ParseBlock(int open, PebbleIdentifier tagName)
    {
        BeginBlock();
        Advance();
        var cur = _t[_p];
        PebbleIdentifier name;
        if (cur.Kind == TokenKind.Name || cur.Kind == TokenKind.String)
        {
            name = new PebbleIdentifier(cur.Kind == TokenKind.Name ? Text(cur) : StringTokenValue(cur), Span(cur));
            Advance();
        }
        else
        {
            name = new PebbleIdentifier(string.Empty, new TextSpan(cur.Start, 0));
            Fail(cur, $"Unexpected {Describe(cur)} after \"block\": expected the block's name");
        }
        EndBlock("after the block's name");

        var body = ParseBody(StopTags.Endblock, out var end);
        if (end == BodyEnd.StopTag)
        {
            BeginBlock();
            Advance();
            var after = _t[_p];
            if ((after.Kind == TokenKind.Name && Text(after) == name.Name) || (after.Kind == TokenKind.String && StringTokenValue(after) == name.Name))
            {
                Advance();
            }
            string hint = after.Kind is TokenKind.Name or TokenKind.String ? $"; the block is named \"{name.Name}\"" : string.Empty;
            EndBlock("after \"endblock\"", hint);
        }
        else
        {
            ReportUnclosed(open, tagName, "endblock", end);
        }
        return new BlockNode(SpanFrom(open), tagName, name, body);
    }

    private FilterTagNode ParseFilterTag(int open, PebbleIdentifier tagName)
    {
        BeginBlock();
        Advance();
        var filters = new List<FilterCall>();
        while (true)
        {
            var cur = _t[_p];
            if (cur.Kind != TokenKind.Name)
            {
                Fail(cur, $"Unexpected {Describe(cur)}: expected a filter name");
                break;
            }
            Advance();
            var args = _t[_p].IsPunctuation('(') ? ParseArguments(allowNamed: true) : Array.Empty<Argument>();
            filters.Add(new FilterCall(SpanFrom(cur.Start), Text(cur), Span(cur), args));
            if (_failed || _t[_p].Operator != OperatorToken.Pipe) break;
            Advance();
        }
        EndBlock("after the filters");

        var body = ParseBody(StopTags.Endfilter, out var end);
        CloseBody(open, tagName, "endfilter", end);
        return new FilterTagNode(SpanFrom(open), tagName, filters, body);
    }

    /// <summary>
    /// A tag Kestra removes. Its arguments are not parsed; a body is parsed up to the end tag so that the
    /// expressions in it are still seen and the end tag does not raise a second error.
    /// </summary>
    private RemovedTagNode ParseRemovedTag(int open, TagInfo tag, PebbleIdentifier tagName)
    {
        BeginBlock();

        // Reported even when the rest of the tag is broken: the name alone settles it, and it is its own rule.
        _errors.Add(new PebbleError(PebbleErrorKind.RemovedTag, tagName.Span,
            $"Unexpected tag name \"{tagName.Name}\": Kestra removes the \"{tagName.Name}\" tag from Pebble"));
        _p = _blockEnd;
        EndBlock(string.Empty);

        IReadOnlyList<PebbleTemplateNode> body = Array.Empty<PebbleTemplateNode>();
        if (tag.RemovedEndFlag != StopTags.None)
        {
            body = ParseBody(tag.RemovedEndFlag, out var end);
            if (end == BodyEnd.StopTag)
            {
                BeginBlock();
                _p = _blockEnd;
                EndBlock(string.Empty);
            }
        }
        return new RemovedTagNode(SpanFrom(open), tagName, body);
    }

    private void CloseBody(int open, PebbleIdentifier tagName, string endTag, BodyEnd end)
    {
        if (end == BodyEnd.StopTag)
        {
            BeginBlock();
            Advance();
            EndBlock($"after \"{endTag}\"");
        }
        else
        {
            ReportUnclosed(open, tagName, endTag, end);
        }
    }

    private void ReportUnclosed(int open, PebbleIdentifier tagName, string endTag, BodyEnd end)
    {
        // "{% if x" at the end of the template: the unclosed "{%" was reported, and the missing end tag is the same mistake.
        foreach (var error in _errors)
        {
            if (error.Span.Start == open) return;
        }
        string where = "before the end of the template";
        if (end == BodyEnd.EnclosingStopTag)
        {
            where = $"before \"{{% {Text(_t[TagNameIndex(_p)])} %}}\"";
        }
        Report(TextSpan.FromBounds(open, tagName.Span.End), $"Unclosed \"{tagName.Name}\": expected \"{{% {endTag} %}}\" {where}");
    }

    private PebbleIdentifier NewVariableName()
    {
        var t = _t[_p];
        string name = Text(t);
        if (name is "true" or "false" or "null" or "none")
        {
            Report(Span(t), $"Can not assign a value to \"{name}\": true, false, null and none are literals");
        }
        Advance();
        return new PebbleIdentifier(name, Span(t));
    }

    // ---------------------------------------------------------------- blocks and errors

    /// <summary>Enter the block whose start token is current; the cursor moves to its first token.</summary>
    private void BeginBlock()
    {
        var start = _t[_p];
        int first = start.Kind == TokenKind.ExecuteStart ? TagNameIndex(_p) : _p + 1;
        _blockEnd = start.A;
        _blockIsPrint = start.Kind == TokenKind.PrintStart;
        _blockFirstLexError = start.B;
        _failed = false;
        _lastEnd = _t[first - 1].End;
        _p = first;
    }

    /// <summary>
    /// Index of a tag's name token. "{%-if" (no blank after the dash) is an error in Pebble, but the tag is
    /// plainly an "if": after reporting it, the dash is stepped over so the structure survives.
    /// </summary>
    private int TagNameIndex(int executeStart)
    {
        var first = _t[executeStart + 1];
        if (first.Operator == OperatorToken.Minus && first.Start == _t[executeStart].End && _t[executeStart + 2].Kind == TokenKind.Name)
        {
            return executeStart + 2;
        }
        return executeStart + 1;
    }

    /// <summary>Expect the block's end here (unless an error already ended it) and move past it.</summary>
    private void EndBlock(string after, string hint = "")
    {
        if (!_failed && _p != _blockEnd)
        {
            var t = _t[_p];
            if (t.Kind != TokenKind.Error)
            {
                string close = _blockIsPrint ? "}}" : "%}";
                string where = after.Length > 0 ? " " + after : string.Empty;
                Report(Span(t), $"Unexpected {Describe(t)}{where}: expected \"{close}\"{(hint.Length > 0 ? hint : ExpectedEndHint(t))}");
            }
        }
        _p = _blockEnd;
        _lastEnd = Math.Max(_lastEnd, _t[_p].End);
        _p++;
        _blockEnd = -1;
        _blockFirstLexError = int.MaxValue;
        _failed = false;
    }

    /// <summary>Report (unless the lexer already reported an error earlier in this block) and skip to the block's end.</summary>
    private void Fail(in Token at, string message) => Fail(Span(at), message, at.Kind == TokenKind.Error);

    private void Fail(TextSpan span, string message, bool silent = false)
    {
        if (!_failed && !silent)
        {
            Report(span, message);
        }
        _failed = true;
        if (_blockEnd >= 0) _p = _blockEnd;
    }

    /// <summary>An error that does not stop the block (the structure is still clear).</summary>
    private void Report(TextSpan span, string message)
    {
        if (span.Start >= _blockFirstLexError) return;
        _errors.Add(new PebbleError(PebbleErrorKind.Syntax, span, message));
    }

    private void Advance()
    {
        _lastEnd = _t[_p].End;
        _p++;
    }

    /// <summary>A placeholder where the last consumed token ended, so it always lies inside its parent's span.</summary>
    private ErrorExpression Missing() => new(new TextSpan(_lastEnd, 0));

    private TextSpan Span(in Token t) => TextSpan.FromBounds(t.Start, t.End);

    /// <summary>
    /// From <paramref name="start"/> to the end of the last token consumed. When an error stopped the construct
    /// before its first token was consumed, it is the empty span where the last consumed token ended, which lies
    /// inside the enclosing node.
    /// </summary>
    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(Math.Min(start, _lastEnd), _lastEnd);

    // Names (inputs, outputs, secret, default...) come back in every template: one string each per thread.
    private string Text(in Token t) => _names.Get(_s, t.Start, t.End - t.Start);

    private string StringTokenValue(in Token t)
    {
        string value = _names.Get(_s, t.Start + 1, t.End - t.Start - 2);
        char quote = _s[t.Start];
        return value.IndexOf('\\') < 0 ? value : value.Replace(quote == '\'' ? "\\'" : "\\\"", quote == '\'' ? "'" : "\"");
    }
}
