using System.Collections.Generic;

namespace Kestra.FlowLint.Yaml;

public sealed class YamlSequence : YamlNode
{
    // Filled once, with the exact size, when the sequence is complete: no list or spare capacity
    // stays alive for the lifetime of the tree.
    private YamlNode[] _items = System.Array.Empty<YamlNode>();

    internal YamlSequence(YamlNode? parent, int depth, bool isFlowStyle)
        : base(parent, depth)
    {
        IsFlowStyle = isFlowStyle;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Sequence;

    public override int ExpandedSize => _expandedSize;

    private AnchorAndTag? _properties;
    private protected override AnchorAndTag? GetProperties() => _properties;
    private protected override void StoreProperties(AnchorAndTag properties) => _properties = properties;

    private int _expandedSize = 1;

    internal void AddExpandedSize(int size) => _expandedSize = (int)System.Math.Min(int.MaxValue, (long)_expandedSize + size);

    public ReadOnlyArray<YamlNode> Items => new(_items);

    /// <summary>True for <c>[a, b]</c>, false for a block sequence of <c>- </c> entries.</summary>
    public bool IsFlowStyle { get; }

    internal void SetItems(YamlNode[] items) => _items = items;
}
