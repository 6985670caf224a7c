namespace Kestra.FlowLint.Yaml;

/// <summary><c>*name</c>: a reference to an anchored node, never a copy of it.</summary>
public sealed class YamlAlias : YamlNode
{
    internal YamlAlias(YamlNode? parent, int depth, string name, YamlNode? target)
        : base(parent, depth)
    {
        Name = name;
        Target = target;
        _expandedSize = target?.ExpandedSize ?? 1;
    }

    private readonly int _expandedSize;

    public override YamlNodeKind Kind => YamlNodeKind.Alias;

    /// <summary>The target's expanded size: what expanding this alias would cost.</summary>
    public override int ExpandedSize => _expandedSize;

    public string Name { get; }

    /// <summary>
    /// The most recent complete node anchored with <see cref="Name"/> before the alias, in the same
    /// document; null when there is none (an error is reported). Never another alias, and never an
    /// ancestor of the alias, so following targets cannot loop.
    /// </summary>
    public YamlNode? Target { get; }
}
