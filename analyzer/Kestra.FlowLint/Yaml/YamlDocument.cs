using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

/// <summary>One document of a stream (files may hold several, separated by <c>---</c>).</summary>
public sealed class YamlDocument
{
    internal YamlDocument(int index, YamlNode? root, TextSpan span, bool isComplete, bool aliasExpansionExceeded, bool hasAliases = false)
    {
        HasAliases = hasAliases;
        Index = index;
        Root = root;
        Span = span;
        IsComplete = isComplete;
        AliasExpansionExceeded = aliasExpansionExceeded;
    }

    /// <summary>0-based position in the stream.</summary>
    public int Index { get; }

    public YamlNode? Root { get; }

    /// <summary>From <c>---</c> (or the first content) to <c>...</c> (or the root's end).</summary>
    public TextSpan Span { get; }

    /// <summary>
    /// False when a syntax error or a limit cut the document short: <see cref="Root"/> is then the
    /// part built so far, so rules that look for something missing should not trust it.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>Expanding every alias would exceed <see cref="YamlParseOptions.MaxAliasExpansion"/>.</summary>
    public bool AliasExpansionExceeded { get; }

    /// <summary>
    /// Whether the document holds an alias (<c>*name</c>, merges included). Without one it is a tree: no node is
    /// reached by two paths, so a walk need not remember what it has visited.
    /// </summary>
    public bool HasAliases { get; }
}
