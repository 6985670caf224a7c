using Kestra.FlowLint.Text;
using static Kestra.FlowLint.Yaml.YamlChars;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// Finds a node's anchor and tag in the text. YamlDotNet's events start at a node's first property
/// but report neither the properties' positions nor where the content starts, which the spans need.
/// </summary>
internal readonly struct NodeProperties
{
    private NodeProperties(TextSpan anchorSpan, int end, int contentStart)
    {
        AnchorSpan = anchorSpan;
        End = end;
        ContentStart = contentStart;
    }

    public TextSpan AnchorSpan { get; }

    /// <summary>Just after the last property.</summary>
    public int End { get; }

    /// <summary>The node's first content character: after the properties and any blanks or comments.</summary>
    public int ContentStart { get; }

    public static NodeProperties Scan(string text, int start, bool hasAnchor, bool hasTag)
    {
        var anchorSpan = default(TextSpan);
        int i = start;
        int end = start;
        while (hasAnchor || hasTag)
        {
            i = SkipSeparation(text, i);
            if (i >= text.Length)
                break;
            if (hasAnchor && text[i] == '&')
            {
                int anchorStart = i++;
                while (i < text.Length && !IsBlankOrZero(text[i]) && "[]{},".IndexOf(text[i]) < 0)
                    i++;
                anchorSpan = TextSpan.FromBounds(anchorStart, i);
                hasAnchor = false;
            }
            else if (hasTag && text[i] == '!')
            {
                i++;
                // A tag ends at a blank, or at a comma that ends the line (YamlDotNet's ScanTagUri).
                while (i < text.Length && !IsBlankOrZero(text[i]) && !(text[i] == ',' && (i + 1 >= text.Length || IsBreak(text[i + 1]))))
                    i++;
                hasTag = false;
            }
            else
            {
                break;
            }
            end = i;
        }
        return new NodeProperties(anchorSpan, end, SkipSeparation(text, end));
    }

    /// <summary>Skips blanks, line breaks and comments (and NUL, which YamlDotNet skips between tokens).</summary>
    public static int SkipSeparation(string text, int i)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (IsBlankOrZero(c))
            {
                i++;
            }
            else if (c == '#' && (i == 0 || IsBlank(text[i - 1])))
            {
                while (i < text.Length && !IsBreak(text[i]))
                    i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }
}
