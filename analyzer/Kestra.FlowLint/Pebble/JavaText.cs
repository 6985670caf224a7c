using System.Globalization;

namespace Kestra.FlowLint.Pebble;

/// <summary>
/// The character classes Pebble gets from Java. They differ from .NET's, and the differences are
/// observable (pebble-grammar.md 1.12), so they are spelled out here instead of using char.IsWhiteSpace
/// or Regex \s.
/// </summary>
internal static class JavaText
{
    /// <summary>
    /// Java's <c>Character.isWhitespace</c>: used to skip blanks between expression tokens and by the
    /// ltrim/rtrim of whitespace control. Excludes the no-break spaces and U+0085; includes U+001C..U+001F.
    /// </summary>
    public static bool IsWhitespace(char c)
    {
        if (c <= 0x20)
        {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        if (c < 0x1680) return false;
        return c == '\u1680'
            || (c >= '\u2000' && c <= '\u2006')
            || (c >= '\u2008' && c <= '\u200A')
            || c == '\u2028' || c == '\u2029' || c == '\u205F' || c == '\u3000';
    }

    /// <summary>Java regex <c>\s</c> (ASCII only): what the delimiter regexes accept as blanks.</summary>
    public static bool IsRegexSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    /// <summary>The line terminators Java's <c>.</c> refuses without DOTALL (Kestra's raw regex).</summary>
    public static bool IsRegexLineTerminator(char c) =>
        c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

    /// <summary>The ASCII look-ahead Pebble puts after word operators: <c>(?![a-zA-Z0-9_])</c>.</summary>
    public static bool IsAsciiWordChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

    public static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    /// <summary>
    /// Length (1 or 2 UTF-16 units) of the code point at <paramref name="index"/> if it is a letter
    /// (Java <c>\p{IsLetter}</c>, which matches by code point, so supplementary letters count); 0 otherwise.
    /// </summary>
    public static int LetterLength(string s, int index)
    {
        char c = s[index];
        if (c < 0x80)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 1 : 0;
        }
        return IsLetterCategory(CharUnicodeInfo.GetUnicodeCategory(s, index)) ? CodePointLength(s, index) : 0;
    }

    /// <summary>Like <see cref="LetterLength"/> for a NAME continuation: letters, decimal digits (Java <c>\p{IsDigit}</c>) or '_'.</summary>
    public static int NamePartLength(string s, int index)
    {
        char c = s[index];
        if (c < 0x80)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? 1 : 0;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(s, index);
        return IsLetterCategory(category) || category == UnicodeCategory.DecimalDigitNumber ? CodePointLength(s, index) : 0;
    }

    private static bool IsLetterCategory(UnicodeCategory category) =>
        category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    private static int CodePointLength(string s, int index) =>
        char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]) ? 2 : 1;
}
