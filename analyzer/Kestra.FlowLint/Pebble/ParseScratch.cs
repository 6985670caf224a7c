using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// What one parse uses and drops: the lexer and the parser, the tokens, the errors before they are sorted, the
/// lexer's bracket stack and the parser's stack of end tags. One set per thread, reused from parse to parse: a flow has hundreds of short
/// templates, and allocating these for each was a measurable part of a lint. Taken while in use, so a parse
/// started during another on the same thread gets its own.
/// </summary>
internal sealed class ParseScratch
{
    [ThreadStatic]
    private static ParseScratch? t_cached;

    private ParseScratch(int capacity) => Tokens = new TokenBuffer(capacity);

    public TokenBuffer Tokens { get; }
    public List<PebbleError> Errors { get; } = new();
    public List<(char Kind, int Pos)> Brackets { get; } = new();
    public List<StopTags> Stops { get; } = new();

    private Lexer? _lexer;
    private Parser? _parser;

    /// <summary>The thread's lexer, reset for <paramref name="source"/>.</summary>
    public Lexer Lexer(string source, RawRegion[] raw)
    {
        if (_lexer is null) return _lexer = new Lexer(source, raw, Errors, Tokens, Brackets);
        _lexer.Reset(source, raw, Errors, Tokens, Brackets);
        return _lexer;
    }

    /// <summary>The thread's parser, reset for <paramref name="source"/>.</summary>
    public Parser Parser(string source, bool rawPrePass)
    {
        if (_parser is null) return _parser = new Parser(source, Tokens, Errors, rawPrePass, Stops);
        _parser.Reset(source, Tokens, Errors, rawPrePass, Stops);
        return _parser;
    }

    public static ParseScratch Rent(int capacity)
    {
        var scratch = t_cached;
        if (scratch is null) return new ParseScratch(capacity);
        t_cached = null;
        scratch.Tokens.Clear();
        scratch.Errors.Clear();
        scratch.Brackets.Clear();
        scratch.Stops.Clear();
        return scratch;
    }

    public static void Return(ParseScratch scratch)
    {
        // Do not keep huge arrays alive for the thread's lifetime because of one huge template.
        if (scratch.Tokens.Capacity <= 16 * 1024 && scratch.Errors.Capacity <= 1024 && scratch.Brackets.Capacity <= 1024)
            t_cached = scratch;
    }
}
