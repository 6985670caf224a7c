using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// Pebble's lexer (LexerImpl) as Kestra configures it: default delimiters, '-' whitespace control, no newline
/// trimming, verbatim handled here, the operator set of Pebble core plus Kestra's ?? and ???.
/// Pebble keeps a state stack (DATA, PRINT/EXECUTE, STRING, STRING_INTERPOLATION) next to a bracket stack;
/// inside a block the state is always determined by the innermost bracket ('"' = string, '#' = interpolation,
/// anything else = expression), so only the bracket stack is kept here.
/// Unlike Pebble it never stops at the first error: each error is recorded, an Error token is left where it
/// happened, and lexing resumes at the next sensible point.
/// </summary>
internal sealed class Lexer
{
    private const char InterpolationBracket = '#';

    /// <summary>How deep a mismatched closer looks for its opener; bounds the work on pathological input.</summary>
    private const int MaxMismatchSearch = 64;

    /// <summary>
    /// How many unclosed blocks are cut at the next delimiter and lexed again. Each such block was lexed to the
    /// end of the input first, so without a bound a template of many unclosed blocks would take quadratic time;
    /// past it, the rest of the template is left to the unclosed block.
    /// </summary>
    private const int MaxEndOfInputRecoveries = 8;
    private const char QuoteBracket = '"';

    private string _s;
    private int _n;
    private RawRegion[] _raw;
    private TokenBuffer _tokens;
    private List<PebbleError> _errors;
    private List<(char Kind, int Pos)> _brackets;

    /// <summary>How many open strings and interpolations the bracket stack holds, so checks need not scan it.</summary>
    private int _stringBrackets;

    private int _pos;

    /// <summary>A previous close delimiter had '-': left-trim the next text.</summary>
    private bool _trimNext;

    // The block ({{ or {%) being lexed.
    private bool _isPrint;
    private int _blockOpen;
    private int _blockTokenIndex;
    private int _blockFirstError;
    private int _blockErrorIndex;
    private bool _blockHasError;
    private bool _inBlock;
    private int _endOfInputRecoveries;

    /// <summary>
    /// A quoted string started here ran to the end of the input. Any later string with the same quote runs to the
    /// end too (it starts on the same escape-pair boundary), so it need not be scanned again.
    /// </summary>
    private int _singleQuoteRunsToEnd;
    private int _doubleQuoteRunsToEnd;

    public Lexer(string source, RawRegion[] raw, List<PebbleError> errors, TokenBuffer? tokens = null, List<(char Kind, int Pos)>? brackets = null)
    {
        // Assigned here too so the compiler sees them set; Reset sets every field.
        _s = source;
        _raw = raw;
        _errors = errors;
        _tokens = tokens ?? new TokenBuffer(Math.Min(source.Length / 6 + 6, 4096));
        _brackets = brackets ?? new();
        Reset(source, raw, errors, _tokens, _brackets);
    }

    /// <summary>
    /// Makes this lexer as a new one for another template (<see cref="ParseScratch"/> keeps one per thread: a flow
    /// has hundreds of templates). Every field is set here; a test holds a reset lexer to a new one field by field.
    /// </summary>
    public void Reset(string source, RawRegion[] raw, List<PebbleError> errors, TokenBuffer tokens, List<(char Kind, int Pos)> brackets)
    {
        _s = source;
        _n = source.Length;
        _raw = raw;
        _tokens = tokens;
        _errors = errors;
        _brackets = brackets;
        _stringBrackets = 0;
        _pos = 0;
        _trimNext = false;
        _isPrint = false;
        _blockOpen = 0;
        _blockTokenIndex = 0;
        _blockFirstError = 0;
        _blockErrorIndex = 0;
        _blockHasError = false;
        _inBlock = false;
        _endOfInputRecoveries = 0;
        _singleQuoteRunsToEnd = int.MaxValue;
        _doubleQuoteRunsToEnd = int.MaxValue;
    }

    public TokenBuffer Lex()
    {
        while (_pos < _n)
        {
            LexData();
        }
        _tokens.Add(new Token(TokenKind.Eof, _n, _n));
        return _tokens;
    }

    // ---------------------------------------------------------------- DATA

    private void LexData()
    {
        int firstToken = _tokens.Count;
        int p = _pos;
        int delimiter = -1;
        while (true)
        {
            int limit = NextRawStart(p);
            int k = FindStartDelimiter(p, limit);
            if (k >= 0)
            {
                AddText(p, k);
                delimiter = k;
                break;
            }
            AddText(p, limit);
            if (limit < _n)
            {
                var region = _raw[RegionAt(limit)];
                var t = new Token(TokenKind.KestraRaw, region.ContentStart, region.ContentEnd) { A = region.Start, B = region.End };
                _tokens.Add(t);
                p = region.End;
                continue;
            }
            p = _n;
            break;
        }

        // Whitespace control: "-}}" before this text trims its start, "{{- " after it trims its end.
        // Trimming stops at a raw block, which Kestra has turned into a UUID by then.
        if (_trimNext)
        {
            _trimNext = false;
            if (_tokens.Count > firstToken && _tokens[firstToken].Kind == TokenKind.Text)
            {
                var t = _tokens[firstToken];
                while (t.Start < t.End && JavaText.IsWhitespace(_s[t.Start])) t.Start++;
                _tokens[firstToken] = t;
            }
        }

        bool leadingTrim = false;
        if (delimiter >= 0)
        {
            int after = delimiter + 2;
            leadingTrim = after + 1 < _n && _s[after] == '-' && JavaText.IsRegexSpace(_s[after + 1]);
            if (leadingTrim && _tokens.Count > firstToken && _tokens[_tokens.Count - 1].Kind == TokenKind.Text)
            {
                var t = _tokens[_tokens.Count - 1];
                while (t.End > t.Start && JavaText.IsWhitespace(_s[t.End - 1])) t.End--;
                _tokens[_tokens.Count - 1] = t;
            }
        }

        // Pebble drops empty text tokens. One trimmed to empty it keeps, but it outputs nothing, so it goes too.
        for (int i = _tokens.Count - 1; i >= firstToken; i--)
        {
            var t = _tokens[i];
            if (t.Kind == TokenKind.Text && t.Start == t.End) _tokens.RemoveAt(i);
        }

        if (delimiter < 0)
        {
            _pos = _n;
            return;
        }

        _pos = delimiter + 2;
        if (leadingTrim)
        {
            _pos++;
            while (_pos < _n && JavaText.IsRegexSpace(_s[_pos])) _pos++;
        }

        switch (_s[delimiter + 1])
        {
            case '#':
                LexComment(delimiter);
                break;
            case '{':
                LexBlock(delimiter, isPrint: true);
                break;
            default:
                if (!TryLexVerbatim(delimiter))
                {
                    LexBlock(delimiter, isPrint: false);
                }
                break;
        }
    }

    private void AddText(int start, int end)
    {
        if (end > start)
        {
            _tokens.Add(new Token(TokenKind.Text, start, end) { A = start, B = end });
        }
    }

    /// <summary>The earliest <c>{{</c>, <c>{%</c> or <c>{#</c> wholly inside [from, limit), or -1.</summary>
    private int FindStartDelimiter(int from, int limit)
    {
        int p = from;
        while (p < limit)
        {
            int k = _s.IndexOf('{', p, limit - p);
            if (k < 0 || k + 1 >= limit) return -1;
            char c = _s[k + 1];
            if (c == '{' || c == '%' || c == '#') return k;
            p = k + 1;
        }
        return -1;
    }

    /// <summary>The next start delimiter at or after <paramref name="from"/>, looking past raw blocks; -1 if none.</summary>
    private int FindStartDelimiterSkippingRaw(int from)
    {
        int p = from;
        while (p < _n)
        {
            int limit = NextRawStart(p);
            int k = FindStartDelimiter(p, limit);
            if (k >= 0) return k;
            if (limit >= _n) return -1;
            p = _raw[RegionAt(limit)].End;
        }
        return -1;
    }

    /// <summary>The first occurrence of <paramref name="what"/> in [from, end) outside raw blocks, or -1.</summary>
    private int FindSkippingRaw(int from, string what, int end = -1)
    {
        if (end < 0) end = _n;
        int p = from;
        while (p < end)
        {
            int limit = Math.Min(NextRawStart(p), end);
            int k = _s.IndexOf(what, p, limit - p, StringComparison.Ordinal);
            if (k >= 0) return k;
            if (limit >= end) return -1;
            p = _raw[RegionAt(limit)].End;
        }
        return -1;
    }

    // ---------------------------------------------------------------- comments and verbatim

    private void LexComment(int open)
    {
        int close = FindSkippingRaw(_pos, "#}");
        if (close < 0)
        {
            Error(TextSpan.FromBounds(open, open + 2), "Unclosed comment: \"{#\" has no matching \"#}\"");
            _tokens.Add(new Token(TokenKind.Comment, open, _n));
            _pos = _n;
            return;
        }

        // Pebble reverses the body and matches "-\s+": the body must end with blank then '-'.
        if (close - 2 >= _pos && _s[close - 1] == '-' && JavaText.IsRegexSpace(_s[close - 2]))
        {
            _trimNext = true;
        }
        _tokens.Add(new Token(TokenKind.Comment, open, close + 2));
        _pos = close + 2;
    }

    /// <summary>
    /// <c>^\s*verbatim\s*(-)?%}</c> right after <c>{%</c> (and its leading trim), then everything up to the first
    /// <c>{%(-)?\s*endverbatim\s*(-)?%}</c> is one text. Pebble left-trims the content whether or not '-' was
    /// written (it tests group(0), which always matches).
    /// </summary>
    private bool TryLexVerbatim(int open)
    {
        int j = _pos;
        while (j < _n && JavaText.IsRegexSpace(_s[j])) j++;
        if (string.CompareOrdinal(_s, j, "verbatim", 0, 8) != 0) return false;
        j += 8;
        while (j < _n && JavaText.IsRegexSpace(_s[j])) j++;
        if (j < _n && _s[j] == '-') j++;
        if (j + 1 >= _n || _s[j] != '%' || _s[j + 1] != '}') return false;
        int contentStart = j + 2;

        int p = contentStart;
        int endTag = -1, endTagEnd = -1;
        bool trimContentEnd = false, trimAfter = false;
        while (true)
        {
            int k = FindSkippingRaw(p, "{%");
            if (k < 0) break;
            int e = k + 2;
            bool dash1 = e < _n && _s[e] == '-';
            if (dash1) e++;
            while (e < _n && JavaText.IsRegexSpace(_s[e])) e++;
            if (string.CompareOrdinal(_s, e, "endverbatim", 0, 11) == 0)
            {
                e += 11;
                while (e < _n && JavaText.IsRegexSpace(_s[e])) e++;
                bool dash2 = e < _n && _s[e] == '-';
                if (dash2) e++;
                if (e + 1 < _n && _s[e] == '%' && _s[e + 1] == '}')
                {
                    endTag = k;
                    endTagEnd = e + 2;
                    trimContentEnd = dash1;
                    trimAfter = dash2;
                    break;
                }
            }
            p = k + 1;
        }

        int valueStart = contentStart;
        int valueEnd = endTag < 0 ? _n : endTag;
        while (valueStart < valueEnd && JavaText.IsWhitespace(_s[valueStart])) valueStart++;
        if (trimContentEnd)
        {
            while (valueEnd > valueStart && JavaText.IsWhitespace(_s[valueEnd - 1])) valueEnd--;
        }

        if (endTag < 0)
        {
            // Treat the rest as verbatim text: that is what the author meant, and it avoids a cascade.
            Error(TextSpan.FromBounds(open, contentStart), "Unclosed verbatim tag: \"{% verbatim %}\" has no matching \"{% endverbatim %}\"");
            endTagEnd = _n;
        }
        _tokens.Add(new Token(TokenKind.Verbatim, valueStart, valueEnd) { A = open, B = endTagEnd });
        _trimNext = trimAfter;
        _pos = endTagEnd;
        return true;
    }

    // ---------------------------------------------------------------- {{ … }} and {% … %}

    private enum Step
    {
        Continue,
        Closed,
        EndOfInput,
    }

    private void LexBlock(int open, bool isPrint)
    {
        _isPrint = isPrint;
        _blockOpen = open;
        _blockTokenIndex = _tokens.Count;
        _blockFirstError = int.MaxValue;
        _blockErrorIndex = _errors.Count;
        _blockHasError = false;
        _inBlock = true;
        ClearBrackets();
        _tokens.Add(new Token(isPrint ? TokenKind.PrintStart : TokenKind.ExecuteStart, open, open + 2));

        while (true)
        {
            Step step;
            if (_brackets.Count == 0)
            {
                step = TryClose() ? Step.Closed : LexExpressionToken();
            }
            else
            {
                char top = _brackets[_brackets.Count - 1].Kind;
                if (top == QuoteBracket)
                {
                    step = LexStringContent();
                }
                else if (top == InterpolationBracket && TryCloseInterpolation())
                {
                    step = Step.Continue;
                }
                else if (top != InterpolationBracket && TryCloseWithUnclosedBrackets())
                {
                    step = Step.Closed;
                }
                else
                {
                    step = LexExpressionToken();
                }
            }

            if (step == Step.Continue) continue;
            if (step == Step.EndOfInput) RecoverFromEndOfInput();
            FinishBlock();
            return;
        }
    }

    private void FinishBlock()
    {
        var start = _tokens[_blockTokenIndex];
        start.A = _tokens.Count - 1;
        start.B = _blockFirstError;
        _tokens[_blockTokenIndex] = start;
        ClearBrackets();
        _inBlock = false;
    }

    /// <summary><c>^\s*-?}}</c> (or <c>%}</c>), tried only when no bracket is open, as Pebble does.</summary>
    private bool TryClose()
    {
        int j = _pos;
        while (j < _n && JavaText.IsRegexSpace(_s[j])) j++;
        bool dash = j < _n && _s[j] == '-';
        int d = dash ? j + 1 : j;
        if (d + 1 >= _n) return false;
        char c0 = _s[d], c1 = _s[d + 1];
        if (_isPrint ? (c0 == '}' && c1 == '}') : (c0 == '%' && c1 == '}'))
        {
            AddEnd(d, dash);
            return true;
        }

        // The other kind's delimiter is always an error here (Pebble lexes it as '%' then a stray '}', or a
        // stray '}'); closing the block on it is almost always what the author meant.
        if (_isPrint ? (c0 == '%' && c1 == '}') : (c0 == '}' && c1 == '}'))
        {
            Error(new TextSpan(d, 2), _isPrint
                ? "Unexpected \"%}\": a print opened with \"{{\" must be closed with \"}}\""
                : "Unexpected \"}}\": a tag opened with \"{%\" must be closed with \"%}\"");
            AddErrorToken(d, d + 2);
            AddEnd(d, dash);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The block's close delimiter while '(' or '[' (or, in a tag, any bracket) is still open: Pebble reports the
    /// bracket as unclosed. Report it at the bracket and end the block here rather than lexing on past it.
    /// Not done inside a string or interpolation, where "}}" can be legitimate content or a closing brace.
    /// </summary>
    private bool TryCloseWithUnclosedBrackets()
    {
        if (_stringBrackets > 0) return false;
        int j = _pos;
        while (j < _n && JavaText.IsRegexSpace(_s[j])) j++;
        bool dash = j < _n && _s[j] == '-';
        int d = dash ? j + 1 : j;
        if (d + 1 >= _n) return false;
        var top = _brackets[_brackets.Count - 1];
        bool closes = _isPrint
            ? _s[d] == '}' && _s[d + 1] == '}' && top.Kind != '{'
            : _s[d] == '%' && _s[d + 1] == '}';
        if (!closes) return false;

        if (!_blockHasError)
        {
            Error(new TextSpan(top.Pos, 1), $"Unclosed \"{top.Kind}\": expected \"{Closer(top.Kind)}\" before \"{(_isPrint ? "}}" : "%}")}\"");
        }
        AddErrorToken(d, d);
        ClearBrackets();
        AddEnd(d, dash);
        return true;
    }

    private void AddEnd(int delimiterStart, bool dash)
    {
        _tokens.Add(new Token(_isPrint ? TokenKind.PrintEnd : TokenKind.ExecuteEnd, delimiterStart, delimiterStart + 2, dash ? 1 : 0));
        _trimNext = dash;
        _pos = delimiterStart + 2;
    }

    /// <summary><c>^\s*}</c> while the innermost bracket is an interpolation.</summary>
    private bool TryCloseInterpolation()
    {
        int j = _pos;
        while (j < _n && JavaText.IsRegexSpace(_s[j])) j++;
        if (j < _n && _s[j] == '}')
        {
            PopBracket();
            _tokens.Add(new Token(TokenKind.InterpolationEnd, j, j + 1));
            _pos = j + 1;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The input ended inside a block. Report the innermost thing left open (or the block itself), then cut
    /// the block at the next start delimiter, if any, and lex on from there: an unclosed <c>{{</c> should not
    /// swallow every later expression of the template.
    /// </summary>
    private void RecoverFromEndOfInput()
    {
        int next = _endOfInputRecoveries < MaxEndOfInputRecoveries ? FindStartDelimiterSkippingRaw(_blockOpen + 2) : -1;
        if (next >= 0) _endOfInputRecoveries++;
        int cut = next < 0 ? _n : next;

        if (next >= 0)
        {
            int keep = _tokens.Count;
            while (keep > _blockTokenIndex + 1 && _tokens[keep - 1].End > cut) keep--;
            _tokens.Truncate(keep);
            RemoveBlockErrorsFrom(cut);
        }

        int innermost = -1;
        for (int i = _brackets.Count - 1; i >= 0; i--)
        {
            if (_brackets[i].Pos < cut)
            {
                innermost = i;
                break;
            }
        }
        string where = next < 0 ? "the end of the template" : $"the next \"{_s.Substring(next, 2)}\"";
        if (innermost >= 0)
        {
            var b = _brackets[innermost];
            switch (b.Kind)
            {
                case QuoteBracket:
                    Error(new TextSpan(b.Pos, 1), $"Unclosed string: no closing '\"' before {where}");
                    break;
                case InterpolationBracket:
                    Error(new TextSpan(b.Pos, 2), $"Unclosed string interpolation \"#{{\": expected \"}}\" before {where}");
                    break;
                default:
                    Error(new TextSpan(b.Pos, 1), $"Unclosed \"{b.Kind}\": expected \"{Closer(b.Kind)}\" before {where}");
                    break;
            }
        }
        else
        {
            Error(new TextSpan(_blockOpen, 2), _isPrint
                ? $"Unclosed \"{{{{\": expected \"}}}}\" before {where}"
                : $"Unclosed \"{{%\": expected \"%}}\" before {where}");
        }

        _pos = cut;
        _trimNext = false;
        AddErrorToken(cut, cut);
        _tokens.Add(new Token(TokenKind.MissingEnd, cut, cut));
    }

    private void RemoveBlockErrorsFrom(int cut)
    {
        for (int i = _errors.Count - 1; i >= _blockErrorIndex; i--)
        {
            if (_errors[i].Span.Start >= cut) _errors.RemoveAt(i);
        }
        _blockFirstError = int.MaxValue;
        for (int i = _blockErrorIndex; i < _errors.Count; i++)
        {
            _blockFirstError = Math.Min(_blockFirstError, _errors[i].Span.Start);
        }
        _blockHasError = _errors.Count > _blockErrorIndex;
    }

    // ---------------------------------------------------------------- expression tokens

    private Step LexExpressionToken()
    {
        while (_pos < _n && JavaText.IsWhitespace(_s[_pos])) _pos++;
        if (_pos >= _n) return Step.EndOfInput;

        int start = _pos;
        if (_raw.Length > 0)
        {
            int r = RegionAt(start);
            if (r >= 0)
            {
                var region = _raw[r];
                Error(TextSpan.FromBounds(region.Start, region.End),
                    "A Kestra \"{% raw %}\" block cannot be used inside an expression; put it in the text around the expression, or inside a string literal");
                AddErrorToken(region.Start, region.End);
                _pos = region.End;
                return Step.Continue;
            }
        }

        char c = _s[start];
        int opLength = MatchOperator(start, out var op);
        if (opLength > 0)
        {
            _tokens.Add(new Token(TokenKind.Operator, start, start + opLength, (int)op));
            _pos = start + opLength;
            return Step.Continue;
        }

        if (c == '_' || JavaText.LetterLength(_s, start) > 0)
        {
            int j = start + (c == '_' ? 1 : JavaText.LetterLength(_s, start));
            while (j < _n)
            {
                int len = JavaText.NamePartLength(_s, j);
                if (len == 0) break;
                j += len;
            }
            _tokens.Add(new Token(TokenKind.Name, start, j));
            _pos = j;
            return Step.Continue;
        }

        if (JavaText.IsAsciiDigit(c))
        {
            int j = start + 1;
            while (j < _n && JavaText.IsAsciiDigit(_s[j])) j++;
            if (j < _n && _s[j] == 'L')
            {
                _tokens.Add(new Token(TokenKind.Long, start, j + 1));
                _pos = j + 1;
                return Step.Continue;
            }
            int fraction = 0;
            if (j + 1 < _n && _s[j] == '.' && JavaText.IsAsciiDigit(_s[j + 1]))
            {
                j += 2;
                while (j < _n && JavaText.IsAsciiDigit(_s[j])) j++;
                fraction = 1;
            }
            _tokens.Add(new Token(TokenKind.Number, start, j, fraction));
            _pos = j;
            return Step.Continue;
        }

        switch (c)
        {
            case '(':
            case '[':
            case '{':
                PushBracket(c, start);
                AddPunctuation(start, c);
                return Step.Continue;
            case ')':
            case ']':
            case '}':
                return LexCloser(start, c);
            case '?':
            case ':':
            case '.':
            case ',':
            case '=':
                AddPunctuation(start, c);
                return Step.Continue;
            case '\'':
                return LexSingleQuoted(start);
            case '"':
                LexDoubleQuoteStart(start);
                return Step.Continue;
        }

        LexUnexpectedCharacters(start);
        return Step.Continue;
    }

    private void AddPunctuation(int at, char c)
    {
        _tokens.Add(new Token(TokenKind.Punctuation, at, at + 1, c));
        _pos = at + 1;
    }

    private Step LexCloser(int at, char c)
    {
        if (_brackets.Count == 0)
        {
            if (_isPrint && c == '}')
            {
                // A lone '}' where "}}" was meant ("{{ a }"): end the print here rather than swallow what follows.
                Error(new TextSpan(at, 1), "Unexpected \"}\": a print must be closed with \"}}\"");
                AddErrorToken(at, at + 1);
                _tokens.Add(new Token(TokenKind.PrintEnd, at, at + 1));
                _pos = at + 1;
                return Step.Closed;
            }
            Error(new TextSpan(at, 1), $"Unexpected \"{c}\": there is no open \"{Opener(c)}\" to close");
            AddErrorToken(at, at + 1);
            _pos = at + 1;
            return Step.Continue;
        }

        var top = _brackets[_brackets.Count - 1];
        if (top.Kind == Opener(c))
        {
            PopBracket();
            AddPunctuation(at, c);
            return Step.Continue;
        }

        // Mismatch. If an enclosing bracket (up to the enclosing interpolation) matches, the inner ones were
        // left unclosed: report the innermost and close through to the match, as the author most likely meant.
        int match = -1;
        for (int i = _brackets.Count - 1; i >= 0 && i >= _brackets.Count - MaxMismatchSearch; i--)
        {
            char k = _brackets[i].Kind;
            if (k == QuoteBracket) break;
            if (k == InterpolationBracket)
            {
                if (c == '}') match = i;
                break;
            }
            if (k == Opener(c))
            {
                match = i;
                break;
            }
        }

        if (!_blockHasError)
        {
            Error(new TextSpan(top.Pos, 1), $"Unclosed \"{top.Kind}\": expected \"{Closer(top.Kind)}\" before \"{c}\"");
        }
        AddErrorToken(at, at + 1);
        if (match < 0)
        {
            // Take the stray closer as the innermost bracket's, so one typo does not unbalance the rest.
            PopBracket();
            _pos = at + 1;
            return Step.Continue;
        }

        bool interpolation = _brackets[match].Kind == InterpolationBracket;
        while (_brackets.Count > match) PopBracket();
        if (interpolation)
        {
            _tokens.Add(new Token(TokenKind.InterpolationEnd, at, at + 1));
            _pos = at + 1;
        }
        else
        {
            AddPunctuation(at, c);
        }
        return Step.Continue;
    }

    private static char Opener(char closer) => closer switch { ')' => '(', ']' => '[', _ => '{' };

    private static char Closer(char opener) => opener switch { '(' => ')', '[' => ']', _ => '}' };

    /// <summary>
    /// Pebble's operator regex: every symbol, longest first, word symbols followed by the ASCII look-ahead
    /// <c>(?![a-zA-Z0-9_])</c>. So "organization" is a name, "and(" is "and" then "(", "is not" needs one space.
    /// </summary>
    private int MatchOperator(int p, out OperatorToken op)
    {
        char c = _s[p];
        char next = p + 1 < _n ? _s[p + 1] : '\0';
        switch (c)
        {
            case 'a':
                return Word(p, "and", OperatorToken.And, out op);
            case 'o':
                return Word(p, "or", OperatorToken.Or, out op);
            case 'n':
                return Word(p, "not", OperatorToken.Not, out op);
            case 'c':
                return Word(p, "contains", OperatorToken.Contains, out op);
            case 'e':
                return Word(p, "equals", OperatorToken.EqualsWord, out op);
            case 'i':
                int len = Word(p, "is not", OperatorToken.IsNot, out op);
                return len > 0 ? len : Word(p, "is", OperatorToken.Is, out op);
            case '?':
                if (next == '?')
                {
                    bool three = p + 2 < _n && _s[p + 2] == '?';
                    op = three ? OperatorToken.UndefinedCoalesce : OperatorToken.Coalesce;
                    return three ? 3 : 2;
                }
                break;
            case '=':
                if (next == '=') { op = OperatorToken.EqualsEquals; return 2; }
                break;
            case '!':
                if (next == '=') { op = OperatorToken.NotEquals; return 2; }
                break;
            case '>':
                op = next == '=' ? OperatorToken.GreaterEquals : OperatorToken.Greater;
                return next == '=' ? 2 : 1;
            case '<':
                op = next == '=' ? OperatorToken.LessEquals : OperatorToken.Less;
                return next == '=' ? 2 : 1;
            case '.':
                if (next == '.') { op = OperatorToken.DotDot; return 2; }
                break;
            case '+': op = OperatorToken.Plus; return 1;
            case '-': op = OperatorToken.Minus; return 1;
            case '*': op = OperatorToken.Star; return 1;
            case '/': op = OperatorToken.Slash; return 1;
            case '%': op = OperatorToken.Percent; return 1;
            case '|': op = OperatorToken.Pipe; return 1;
            case '~': op = OperatorToken.Tilde; return 1;
        }
        op = OperatorToken.None;
        return 0;
    }

    private int Word(int p, string word, OperatorToken kind, out OperatorToken op)
    {
        op = OperatorToken.None;
        if (string.CompareOrdinal(_s, p, word, 0, word.Length) != 0) return 0;
        int after = p + word.Length;
        if (after > _n || (after < _n && JavaText.IsAsciiWordChar(_s[after]))) return 0;
        op = kind;
        return word.Length;
    }

    /// <summary><c>'([^'\\]*(?:\\.[^'\\]*)*)'</c>; with no closing quote Pebble reports the quote as an unexpected character.</summary>
    private Step LexSingleQuoted(int start)
    {
        int end = ScanPlainString(start, '\'');
        if (end >= 0)
        {
            _tokens.Add(new Token(TokenKind.String, start, end));
            _pos = end;
            return Step.Continue;
        }

        Error(new TextSpan(start, 1), "Unclosed string: no closing \"'\" was found");
        AddErrorToken(start, start + 1);

        // What follows was meant as the string's content: skip to the block's end rather than lex it.
        string close = _isPrint ? "}}" : "%}";
        int next = FindStartDelimiterSkippingRaw(start + 1);
        int k = FindSkippingRaw(start + 1, close, next < 0 ? _n : next);
        if (k >= 0)
        {
            _pos = k > start + 1 && _s[k - 1] == '-' ? k - 1 : k;
            return Step.Continue;
        }

        // No close delimiter before the next block (or the end): this block ends where the string began to run on.
        int cut = next < 0 ? _n : next;
        _pos = cut;
        _trimNext = false;
        _tokens.Add(new Token(TokenKind.MissingEnd, cut, cut));
        return Step.Closed;
    }

    /// <summary>
    /// A double quote starts a plain string when <c>"([^#"\\]*(?:\\.[^#"\\]*)*)"</c> matches (no unescaped '#');
    /// otherwise an interpolated string whose parts are separate tokens.
    /// </summary>
    private void LexDoubleQuoteStart(int start)
    {
        int end = ScanPlainString(start, '"');
        if (end >= 0)
        {
            _tokens.Add(new Token(TokenKind.String, start, end));
            _pos = end;
            return;
        }
        PushBracket(QuoteBracket, start);
        _tokens.Add(new Token(TokenKind.QuoteOpen, start, start + 1));
        _pos = start + 1;
    }

    /// <summary>The end (after the closing quote) of a plain string starting at <paramref name="start"/>, or -1.</summary>
    private int ScanPlainString(int start, char quote)
    {
        if (start > (quote == '\'' ? _singleQuoteRunsToEnd : _doubleQuoteRunsToEnd)) return -1;
        int end = ScanPlainStringCore(start, quote);
        if (end == -2)
        {
            if (quote == '\'') _singleQuoteRunsToEnd = Math.Min(_singleQuoteRunsToEnd, start);
            else _doubleQuoteRunsToEnd = Math.Min(_doubleQuoteRunsToEnd, start);
            return -1;
        }
        return end;
    }

    /// <summary>Like <see cref="ScanPlainString"/>, but -2 when the input ends first (and -1 at a '#' in "…").</summary>
    private int ScanPlainStringCore(int start, char quote)
    {
        int j = start + 1;
        int rawStart = NextRawStart(j);
        while (j < _n)
        {
            if (j == rawStart)
            {
                j = _raw[RegionAt(j)].End;
                rawStart = NextRawStart(j);
                continue;
            }
            char c = _s[j];
            if (c == quote) return j + 1;
            if (c == '\\')
            {
                if (j + 1 >= _n) return -2;
                j += 2;
                if (j - 1 == rawStart)
                {
                    j = _raw[RegionAt(j - 1)].End;
                    rawStart = NextRawStart(j);
                }
                continue;
            }
            if (c == '#' && quote == '"') return -1;
            j++;
        }
        return -2;
    }

    /// <summary>
    /// Inside a double-quoted string with interpolation: <c>#{</c>, a raw segment
    /// <c>[^#"\\]*(?:(?:\\.|#(?!\{))[^#"\\]*)*</c>, or the closing quote.
    /// </summary>
    private Step LexStringContent()
    {
        int p = _pos;
        int rawStart = NextRawStart(p);
        if (p + 1 < _n && _s[p] == '#' && _s[p + 1] == '{' && p + 1 != rawStart)
        {
            PushBracket(InterpolationBracket, p);
            _tokens.Add(new Token(TokenKind.InterpolationStart, p, p + 2));
            _pos = p + 2;
            return Step.Continue;
        }

        int j = p;
        while (j < _n)
        {
            if (j == rawStart)
            {
                j = _raw[RegionAt(j)].End;
                rawStart = NextRawStart(j);
                continue;
            }
            char c = _s[j];
            if (c == '"') break;
            if (c == '\\')
            {
                if (j + 1 >= _n) break;
                j += 2;
                if (j - 1 == rawStart)
                {
                    j = _raw[RegionAt(j - 1)].End;
                    rawStart = NextRawStart(j);
                }
                continue;
            }
            if (c == '#' && j + 1 < _n && _s[j + 1] == '{' && j + 1 != rawStart) break;
            j++;
        }

        if (j > p)
        {
            _tokens.Add(new Token(TokenKind.StringPart, p, j));
            _pos = j;
            return Step.Continue;
        }
        if (j < _n && _s[j] == '"')
        {
            PopBracket();
            _tokens.Add(new Token(TokenKind.QuoteClose, j, j + 1));
            _pos = j + 1;
            return Step.Continue;
        }
        return Step.EndOfInput;
    }

    /// <summary>One error for a run of characters no token can start with (so "&&" is one error, not two).</summary>
    private void LexUnexpectedCharacters(int start)
    {
        int j = start;
        while (j < _n && !JavaText.IsWhitespace(_s[j]) && !CanStartToken(j))
        {
            j += char.IsHighSurrogate(_s[j]) && j + 1 < _n && char.IsLowSurrogate(_s[j + 1]) ? 2 : 1;
        }
        if (j == start) j = start + 1;
        string run = _s.Substring(start, j - start);
        Error(TextSpan.FromBounds(start, j), UnexpectedCharactersMessage(run));
        AddErrorToken(start, j);
        _pos = j;
    }

    private bool CanStartToken(int j)
    {
        if (_raw.Length > 0 && RegionAt(j) >= 0) return true;
        char c = _s[j];
        if (c == '_' || JavaText.IsAsciiDigit(c) || "()[]{}?:.,='\"".IndexOf(c) >= 0) return true;
        if (MatchOperator(j, out _) > 0) return true;
        return JavaText.LetterLength(_s, j) > 0;
    }

    private static string UnexpectedCharactersMessage(string run)
    {
        var shown = new System.Text.StringBuilder();
        foreach (char ch in run)
        {
            if (ch < 0x20 || ch == 0x7F || (ch >= 0x80 && ch <= 0xA0) || char.IsWhiteSpace(ch) || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format)
            {
                shown.Append("U+").Append(((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                shown.Append(ch);
            }
        }
        string message = run.Length == 1 ? $"Unexpected character \"{shown}\"" : $"Unexpected characters \"{shown}\"";
        if (run.StartsWith("&&", StringComparison.Ordinal)) return message + ": Pebble has no \"&&\"; use \"and\"";
        if (run[0] == '!') return message + ": Pebble has no \"!\"; use \"not\" to negate, \"!=\" to compare";
        if (run[0] == '$') return message + ": Pebble variables have no \"$\" prefix";
        if (run[0] == '\u00A0') return message + " (a no-break space, which Pebble does not treat as a blank)";
        if (run[0] == '`') return message + ": Pebble strings are quoted with ' or \"";
        return message;
    }

    // ---------------------------------------------------------------- bracket stack

    private void PushBracket(char kind, int pos)
    {
        _brackets.Add((kind, pos));
        if (kind == QuoteBracket || kind == InterpolationBracket) _stringBrackets++;
    }

    private void PopBracket()
    {
        char kind = _brackets[_brackets.Count - 1].Kind;
        _brackets.RemoveAt(_brackets.Count - 1);
        if (kind == QuoteBracket || kind == InterpolationBracket) _stringBrackets--;
    }

    private void ClearBrackets()
    {
        _brackets.Clear();
        _stringBrackets = 0;
    }

    // ---------------------------------------------------------------- errors and raw regions

    private void Error(TextSpan span, string message)
    {
        _errors.Add(new PebbleError(PebbleErrorKind.Syntax, span, message));
        if (_inBlock)
        {
            _blockFirstError = Math.Min(_blockFirstError, span.Start);
            _blockHasError = true;
        }
    }

    private void AddErrorToken(int start, int end) => _tokens.Add(new Token(TokenKind.Error, start, end));

    /// <summary>Start of the first raw region at or after <paramref name="p"/>, or the input's length.</summary>
    private int NextRawStart(int p)
    {
        if (_raw.Length == 0) return _n;
        int lo = 0, hi = _raw.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (_raw[mid].Start < p) lo = mid + 1;
            else hi = mid;
        }
        return lo < _raw.Length ? _raw[lo].Start : _n;
    }

    private int RegionAt(int p)
    {
        if (_raw.Length == 0) return -1;
        int lo = 0, hi = _raw.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int s = _raw[mid].Start;
            if (s == p) return mid;
            if (s < p) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }
}
