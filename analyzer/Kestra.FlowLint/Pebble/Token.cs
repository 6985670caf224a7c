namespace Kestra.FlowLint.Pebble;

internal enum TokenKind : byte
{
    Eof,

    // Template level.
    Text,
    KestraRaw,
    Verbatim,
    Comment,
    PrintStart,
    PrintEnd,
    ExecuteStart,
    ExecuteEnd,

    /// <summary>Zero-width end of a block that was never closed (the lexer reported it).</summary>
    MissingEnd,

    // Inside {{ }} / {% %}.
    Name,
    Number,
    Long,

    /// <summary>A quoted string without interpolation, quotes included.</summary>
    String,

    /// <summary>A raw segment of a double-quoted string with interpolation (no quotes, not unescaped).</summary>
    StringPart,

    /// <summary>The quotes of a string with interpolation; Pebble emits no token for them.</summary>
    QuoteOpen,
    QuoteClose,
    InterpolationStart,
    InterpolationEnd,
    Operator,
    Punctuation,

    /// <summary>Where the lexer reported an error; the parser stops the block there without a second message.</summary>
    Error,
}

internal enum OperatorToken : byte
{
    None,
    Or,
    And,
    Is,
    IsNot,
    Contains,
    EqualsEquals,
    EqualsWord,
    NotEquals,
    Greater,
    Less,
    GreaterEquals,
    LessEquals,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Pipe,
    Tilde,
    DotDot,
    Coalesce,
    UndefinedCoalesce,
    Not,
}

/// <summary>
/// A token. Only offsets are stored; names and literals are cut from the source when the parser needs them.
/// <see cref="A"/> and <see cref="B"/> depend on the kind: for Text and KestraRaw/Verbatim the span as written
/// (Start/End being the value after whitespace control); for PrintStart/ExecuteStart the index of the block's
/// end token and the offset of the block's first lexer error (int.MaxValue if none).
/// </summary>
internal struct Token
{
    public TokenKind Kind;

    /// <summary>The operator for Operator tokens; the character for Punctuation; 1 when a Number has a fraction or an end delimiter trims.</summary>
    public int Code;

    public int Start;
    public int End;
    public int A;
    public int B;

    public Token(TokenKind kind, int start, int end, int code = 0)
    {
        Kind = kind;
        Start = start;
        End = end;
        Code = code;
        A = 0;
        B = 0;
    }

    public int Length => End - Start;

    public OperatorToken Operator => Kind == TokenKind.Operator ? (OperatorToken)Code : OperatorToken.None;

    public bool IsPunctuation(char c) => Kind == TokenKind.Punctuation && Code == c;

    public bool IsBlockEnd => Kind is TokenKind.PrintEnd or TokenKind.ExecuteEnd or TokenKind.MissingEnd or TokenKind.Eof;
}
