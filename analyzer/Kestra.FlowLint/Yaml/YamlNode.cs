using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Yaml;

/// <summary>
/// A node of FlowLint's YAML tree. <see cref="Span"/> covers the node's content only: its anchor
/// and tag are reported separately (<see cref="AnchorSpan"/>), so a diagnostic on a value
/// underlines the value and not <c>&amp;anchor !tag</c> in front of it.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(YamlNode? parent, int depth)
    {
        Parent = parent;
        Depth = depth;
    }

    public abstract YamlNodeKind Kind { get; }

    /// <summary>The node's extent in the file (UTF-16 offsets), without anchor and tag.</summary>
    public TextSpan Span { get; internal set; }

    public string? Anchor => GetProperties()?.Anchor;

    /// <summary>The span of <c>&amp;name</c>, or an empty span at 0 when the node has no anchor.</summary>
    public TextSpan AnchorSpan => GetProperties()?.AnchorSpan ?? default;

    /// <summary>The resolved tag (for example <c>tag:yaml.org,2002:str</c> for <c>!!str</c>), or null.</summary>
    public string? Tag => GetProperties()?.Tag;

    /// <summary>The collection that contains this node (a mapping for both its keys and values).</summary>
    public YamlNode? Parent { get; }

    /// <summary>0 for a document's root, parent's depth + 1 otherwise.</summary>
    public int Depth { get; }

    /// <summary>
    /// How many nodes a walk would visit if every alias below were replaced by its target
    /// (saturates at <see cref="int.MaxValue"/>). Kept so that alias bombs are detected in linear time.
    /// </summary>
    public virtual int ExpandedSize => 1;

    /// <summary>An alias's target (or the alias itself when its anchor is undefined); any other node itself.</summary>
    public YamlNode Resolve() => this is YamlAlias { Target: { } target } ? target : this;

    internal void SetProperties(string? anchor, TextSpan anchorSpan, string? tag)
    {
        if (anchor != null || tag != null)
            StoreProperties(new AnchorAndTag(anchor, anchorSpan, tag));
    }

    // Most nodes have neither anchor nor tag, and a tree has a node per scalar: each kind keeps them where it costs
    // no field of its own (an alias has none: YAML gives aliases no properties).
    private protected virtual AnchorAndTag? GetProperties() => null;

    private protected virtual void StoreProperties(AnchorAndTag properties)
    {
    }

    private protected sealed class AnchorAndTag
    {
        public AnchorAndTag(string? anchor, TextSpan anchorSpan, string? tag)
        {
            Anchor = anchor;
            AnchorSpan = anchorSpan;
            Tag = tag;
        }

        public string? Anchor { get; }
        public TextSpan AnchorSpan { get; }
        public string? Tag { get; }
    }
}
