namespace Kestra.FlowLint.Yaml;

/// <summary>
/// Character classes exactly as YamlDotNet's scanner uses them, so that re-scans agree with it:
/// NEL, LS and PS are line breaks too, and NUL stops a scan as the end of input would.
/// </summary>
internal static class YamlChars
{
    public static bool IsWhite(char c) => c == ' ' || c == '\t';

    public static bool IsBreak(char c) => c == '\n' || c == '\r' || c == '\x85' || c == '\u2028' || c == '\u2029';

    public static bool IsBlank(char c) => IsWhite(c) || IsBreak(c);

    public static bool IsBlankOrZero(char c) => IsBlank(c) || c == '\0';

    public static int BreakLength(string text, int index) =>
        text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;

    /// <summary>What a break becomes in a value: CR, LF, CRLF and NEL are normalised to LF; LS and PS stay.</summary>
    public static char BreakValue(char c) => c == '\u2028' || c == '\u2029' ? c : '\n';

    public static int LineStartOf(string text, int position)
    {
        int i = position;
        while (i > 0 && !IsBreak(text[i - 1]))
            i--;
        return i;
    }
}
