using System.Globalization;

namespace Kestra.FlowLint.Reporting;

/// <summary>
/// How a source character is shown in a terminal and how many cells it takes, so a caret line drawn under
/// it stays aligned: tabs expand to the next stop, East Asian wide characters take two cells, combining marks
/// none, and characters that would control the terminal (escape sequences, bidirectional overrides) are
/// replaced by visible stand-ins rather than printed.
/// </summary>
internal static class TerminalCells
{
    public const int TabWidth = 4;

    /// <summary>
    /// The cells of the character at <paramref name="index"/> when it starts at display column <paramref name="column"/>:
    /// what to print and how wide it is. <paramref name="units"/> is 2 for a surrogate pair (printed as one), else 1.
    /// </summary>
    public static (string Display, int Width, int Units) Measure(string text, int index, int end, int column)
    {
        char c = text[index];
        if (c == '\t')
        {
            int width = TabWidth - column % TabWidth;
            return (new string(' ', width), width, 1);
        }
        if (c < 0x20) return (((char)(0x2400 + c)).ToString(), 1, 1); // Control pictures: U+2400 + code.
        if (c == 0x7F) return ("\u2421", 1, 1);
        if (c >= 0x80 && c <= 0x9F) return ("\uFFFD", 1, 1);
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < end && char.IsLowSurrogate(text[index + 1]))
            {
                int codePoint = char.ConvertToUtf32(c, text[index + 1]);
                return (text.Substring(index, 2), IsWideAstral(codePoint) ? 2 : 1, 2);
            }
            return ("\uFFFD", 1, 1);
        }
        if (char.IsLowSurrogate(c)) return ("\uFFFD", 1, 1);
        if (IsTerminalHazard(c)) return ("\uFFFD", 1, 1);
        if (IsZeroWidth(c)) return (c.ToString(), 0, 1);
        return (c.ToString(), IsWideBmp(c) ? 2 : 1, 1);
    }

    /// <summary>Bidirectional controls reorder what the terminal shows (Trojan Source); line separators break the frame.</summary>
    private static bool IsTerminalHazard(char c) =>
        (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C'
        || c == '\u2028' || c == '\u2029';

    private static bool IsZeroWidth(char c)
    {
        if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
    }

    // East Asian Wide and Fullwidth ranges of the BMP (Unicode 15, UAX #11), sorted, as inclusive pairs.
    private static readonly ushort[] WideBmp =
    {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x303E,
        0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF, 0xA960, 0xA97F, 0xAC00, 0xD7A3,
        0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6,
    };

    private static bool IsWideBmp(char c)
    {
        if (c < 0x1100) return false;
        for (int i = 0; i < WideBmp.Length; i += 2)
        {
            if (c < WideBmp[i]) return false;
            if (c <= WideBmp[i + 1]) return true;
        }
        return false;
    }

    /// <summary>Emoji, CJK extensions and other wide supplementary-plane characters (approximate, by block).</summary>
    private static bool IsWideAstral(int codePoint) =>
        (codePoint >= 0x16FE0 && codePoint <= 0x1B2FF)
        || codePoint == 0x1F004 || codePoint == 0x1F0CF || codePoint == 0x1F18E
        || (codePoint >= 0x1F191 && codePoint <= 0x1F19A)
        || (codePoint >= 0x1F200 && codePoint <= 0x1F64F)
        || (codePoint >= 0x1F680 && codePoint <= 0x1F6FF)
        || (codePoint >= 0x1F7E0 && codePoint <= 0x1F7EB)
        || (codePoint >= 0x1F90C && codePoint <= 0x1F9FF)
        || (codePoint >= 0x1FA70 && codePoint <= 0x1FAFF)
        || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
}
