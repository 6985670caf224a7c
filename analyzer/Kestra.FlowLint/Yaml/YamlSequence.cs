using System.Collections.Generic;

namespace Kestra.FlowLint.Yaml;

public sealed class YamlSequence : YamlNode
{
    private readonly List<YamlNode> _items = new();

    internal YamlSequence(YamlNode? parent, int depth, bool isFlowStyle)
        : base(parent, depth)
    {
        IsFlowStyle = isFlowStyle;
    }

    public override YamlNodeKind Kind => YamlNodeKind.Sequence;

    public IReadOnlyList<YamlNode> Items => _items;

    /// <summary>True for <c>[a, b]</c>, false for a block sequence of <c>- </c> entries.</summary>
    public bool IsFlowStyle { get; }

    internal void Add(YamlNode item) => _items.Add(item);
}
