namespace Kestra.FlowLint.Yaml;

/// <summary>
/// Caps that keep hostile or broken input (deep nesting, alias bombs, huge files) from costing more
/// than a clear diagnostic. The defaults are far above any real Kestra flow.
/// </summary>
public sealed class YamlParseOptions
{
    public static YamlParseOptions Default { get; } = new();

    /// <summary>Deepest allowed node (a root has depth 0). Deeper nesting stops the parse with one Limit error.</summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>Most nodes (keys, values, aliases) in the file. More stops the parse with one Limit error.</summary>
    public int MaxNodes { get; init; } = 1_000_000;

    /// <summary>
    /// Most nodes a walk of one document would visit with every alias expanded. Crossing it reports
    /// one Limit error at the alias that crosses it; the tree is still built (aliases are never copied).
    /// </summary>
    public int MaxAliasExpansion { get; init; } = 100_000;

    /// <summary>Longest file, in UTF-16 characters. A longer file gets one Limit error and no tree.</summary>
    public int MaxFileLength { get; init; } = 10 * 1024 * 1024;
}
